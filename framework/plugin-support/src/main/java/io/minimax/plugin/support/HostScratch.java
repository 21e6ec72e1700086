package io.minimax.plugin.support;

/**
 * Float arrays for element-wise work on the heap that lives only within one call (a block copied in, computed and
 * copied out), one set per thread and shared by every layer, pass and optimizer on it. Arrays of their own per pass
 * made a toy GAN's working set about 0.5 MB larger (five 16 KB blocks per dense layer, one set of layers per batch
 * size), next to a core's 2 MB L2 cache; shared, 16 toy lanes on one thread measured 0.36–0.38 against 0.42–0.46 ms
 * per run-step.
 */
public final class HostScratch
{
    private static final ThreadLocal<HostScratch> SCRATCH = ThreadLocal.withInitial(HostScratch::new);
    private static final int SLOTS = 8;

    private final float[][] arrays = new float[SLOTS][];

    private HostScratch() {}

    /** This thread's scratch. */
    public static HostScratch get()
    {
        return SCRATCH.get();
    }

    /**
     * Array number {@code slot} (0 to 7) of at least {@code length} floats, with whatever the last user left in it. A
     * call must not hold two uses of one slot, nor keep a slot across a call into another layer.
     */
    public float[] floats(int slot, int length)
    {
        float[] array = arrays[slot];
        if (array == null || array.length < length) {
            array = new float[length];
            arrays[slot] = array;
        }
        return array;
    }
}
