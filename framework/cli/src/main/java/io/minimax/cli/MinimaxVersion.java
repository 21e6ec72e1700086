package io.minimax.cli;

import picocli.CommandLine.IVersionProvider;

/** The version written into the jar's manifest by Maven; "dev" when run from classes. */
public final class MinimaxVersion
        implements IVersionProvider
{
    public static String get()
    {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion()
    {
        return new String[] {"minimax " + get()};
    }
}
