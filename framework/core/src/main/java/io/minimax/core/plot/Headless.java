package io.minimax.core.plot;

/**
 * Charts are drawn off screen. Without {@code java.awt.headless}, a JVM with DISPLAY set (ssh -X, a desktop) would
 * connect to an X server just to render a PNG, and fail where that server is gone. The launcher script sets it at
 * launch; an explicit {@code -Djava.awt.headless=false} still wins.
 */
final class Headless
{
    private Headless() {}

    /** Call before touching AWT: the property is read once, when AWT first asks. */
    static void ensure()
    {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
