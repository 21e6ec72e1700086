package io.minimax.core.platform;

import java.util.Locale;

/** Byte counts for people: {@code 6442450944} → {@code 6.0 GB}, in units of 1024 as {@code -Xmx} counts them. */
public final class ByteSizes
{
    private static final String[] UNITS = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};

    private ByteSizes() {}

    public static String format(double bytes)
    {
        if (bytes < 1024) {
            return (long) bytes + " bytes";
        }
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
