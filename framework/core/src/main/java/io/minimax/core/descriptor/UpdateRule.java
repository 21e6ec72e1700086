package io.minimax.core.descriptor;

/** How the two players' updates are ordered within a training step. */
public enum UpdateRule
{
    /** Goodfellow's Algorithm 1: k discriminator steps, then one generator step against the updated D. */
    ALTERNATING,
    /** Both gradients at the same parameters, applied together. */
    SIMULTANEOUS;

    public String key()
    {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
