package io.minimax.core.platform;

import org.bytedeco.javacpp.Pointer;

import java.lang.management.ManagementFactory;

/**
 * What this JVM may allocate: its heap ({@code -Xmx}) and the native memory ND4J's arrays take, which JavaCPP bounds
 * ({@code -Dorg.bytedeco.javacpp.maxBytes}, by default as much as {@code -Xmx}; {@code maxPhysicalBytes} bounds the
 * process as a whole) and the machine bounds in any case.
 *
 * @param heapBytes the largest the Java heap may grow
 * @param nativeBytes the most that native arrays may take
 */
public record MemoryLimits(long heapBytes, long nativeBytes)
{
    /**
     * This JVM's limits. Loads JavaCPP's small JNI library to read them (its {@code Pointer} does on first use), but
     * not ND4J or OpenBLAS, so it is cheap to call before the BLAS kernel is chosen.
     */
    public static MemoryLimits current()
    {
        long nativeBytes = machineMemory();
        // zero means no limit of JavaCPP's own
        if (Pointer.maxBytes() > 0) {
            nativeBytes = Math.min(nativeBytes, Pointer.maxBytes());
        }
        if (Pointer.maxPhysicalBytes() > 0) {
            nativeBytes = Math.min(nativeBytes, Pointer.maxPhysicalBytes());
        }
        return new MemoryLimits(Runtime.getRuntime().maxMemory(), nativeBytes);
    }

    /** The machine's memory, as the JVM sees it (a container's limit inside one); unlimited when it cannot tell. */
    private static long machineMemory()
    {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean system
                && system.getTotalMemorySize() > 0) {
            return system.getTotalMemorySize();
        }
        return Long.MAX_VALUE;
    }

    /** {@code this JVM may use 6.0 GB (-Xmx) and 6.0 GB native}. */
    public String describe()
    {
        return "this JVM may use " + ByteSizes.format(heapBytes) + " (-Xmx) and " + ByteSizes.format(nativeBytes) + " native";
    }
}
