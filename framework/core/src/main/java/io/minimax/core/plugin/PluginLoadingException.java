package io.minimax.core.plugin;

/**
 * The installed plugins cannot be loaded: a missing plugin directory, an unreadable jar, a plugin class that does
 * not load or construct, or two plugins registering the same {@code type}. The message names the cause and is
 * meant for users as it is.
 */
public final class PluginLoadingException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public PluginLoadingException(String message)
    {
        super(message);
    }

    public PluginLoadingException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
