package io.minimax.spi.network;

/** Which player a network is. */
public enum NetworkRole
{
    GENERATOR,
    DISCRIMINATOR;

    public String key()
    {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
