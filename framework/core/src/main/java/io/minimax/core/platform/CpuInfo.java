package io.minimax.core.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * What the processor says of itself in {@code /proc/cpuinfo} (its first entry; every core of one machine is the same
 * model): enough to choose a BLAS kernel it can run and to tell two machines apart in a run's tags.
 *
 * @param flags the instruction-set flags the kernel reports as usable, e.g. {@code avx2}, {@code avx512f}
 */
public record CpuInfo(String vendor, String modelName, Set<String> flags)
{
    public static final CpuInfo UNKNOWN = new CpuInfo("unknown", "unknown", Set.of());

    public CpuInfo
    {
        requireNonNull(vendor, "vendor is null");
        requireNonNull(modelName, "modelName is null");
        flags = Set.copyOf(flags);
    }

    /** This machine's; {@link #UNKNOWN} where there is no {@code /proc/cpuinfo} (not Linux). */
    public static CpuInfo current()
    {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            return Files.isReadable(cpuinfo) ? parse(Files.readString(cpuinfo)) : UNKNOWN;
        }
        catch (IOException e) {
            return UNKNOWN;
        }
    }

    static CpuInfo parse(String text)
    {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() && !fields.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        Set<String> flags = new TreeSet<>(Arrays.asList(fields.getOrDefault("flags", "").split("\\s+")));
        flags.remove("");
        return new CpuInfo(fields.getOrDefault("vendor_id", "unknown"),
                fields.getOrDefault("model name", "unknown").replaceAll("\\s+", " "), flags);
    }

    public boolean has(String... required)
    {
        return flags.containsAll(Arrays.asList(required));
    }

    /** The widest vector extensions present, for a run's tags: {@code avx512}, {@code avx2}, {@code avx} or {@code none}. */
    public String vectorExtensions()
    {
        if (has(BlasKernel.SKYLAKEX.requiredFlags())) {
            return "avx512";
        }
        if (has("avx2", "fma")) {
            return "avx2";
        }
        return has("avx") ? "avx" : "none";
    }

    @Override
    public String toString()
    {
        return modelName + " (" + vendor + ", " + vectorExtensions() + ")";
    }
}
