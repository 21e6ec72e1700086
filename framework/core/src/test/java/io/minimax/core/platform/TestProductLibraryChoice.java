package io.minimax.core.platform;

import io.minimax.plugin.support.Mkl;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestProductLibraryChoice
{
    private static final CpuInfo SAPPHIRE_RAPIDS = new CpuInfo("GenuineIntel", "Intel(R) Xeon(R) Processor",
            Set.of("avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl"));
    private static final CpuInfo EPYC_AVX512 = new CpuInfo("AuthenticAMD", "AMD EPYC 9R14 96-Core Processor",
            Set.of("avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl"));
    private static final CpuInfo INTEL_AVX2 = new CpuInfo("GenuineIntel", "Intel(R) Core(TM) i7-8700", Set.of("avx", "avx2", "fma"));
    private static final Mkl.Availability LOADED = new Mkl.Availability(true, "MKL 2025.2", "");
    private static final Mkl.Availability MISSING = new Mkl.Availability(false, "", "no libmkl_rt.so.2 on the classpath");

    @Test
    void fastestTakesMklOnIntelCpusWithAvx512Only()
    {
        ProductLibraryChoice intel = choose(Reproducibility.FASTEST, SAPPHIRE_RAPIDS, null, () -> LOADED);
        assertThat(intel.mkl()).isTrue();
        assertThat(intel.reason()).startsWith("MKL 2025.2 above 10^6 multiply-adds");
        assertThat(choose(Reproducibility.FASTEST, EPYC_AVX512, null, () -> LOADED))
                .isEqualTo(new ProductLibraryChoice(false, "OpenBLAS: MKL was measured faster only on Intel CPUs with AVX-512"));
        assertThat(choose(Reproducibility.FASTEST, INTEL_AVX2, null, () -> LOADED).mkl()).isFalse();
        assertThat(choose(Reproducibility.FASTEST, SAPPHIRE_RAPIDS, null, () -> MISSING))
                .isEqualTo(new ProductLibraryChoice(false, "OpenBLAS: no libmkl_rt.so.2 on the classpath"));
    }

    @Test
    void portableNeverTakesMklAndNeverLoadsIt()
    {
        Supplier<Mkl.Availability> unasked = () -> {
            throw new AssertionError("MKL loaded for a portable run");
        };
        assertThat(choose(Reproducibility.PORTABLE, SAPPHIRE_RAPIDS, null, unasked))
                .isEqualTo(new ProductLibraryChoice(false, "OpenBLAS: portable"));
        assertThat(choose(Reproducibility.PORTABLE, SAPPHIRE_RAPIDS, "openblas", unasked).mkl()).isFalse();
        assertThat(choose(Reproducibility.FASTEST, EPYC_AVX512, null, unasked).mkl()).isFalse();
    }

    @Test
    void theUsersChoiceWinsOrSaysWhyItCannot()
    {
        assertThat(choose(Reproducibility.FASTEST, SAPPHIRE_RAPIDS, " OpenBLAS ", () -> LOADED))
                .isEqualTo(new ProductLibraryChoice(false, "OpenBLAS: MINIMAX_BLAS=openblas set by the user"));
        assertThat(choose(Reproducibility.FASTEST, EPYC_AVX512, "mkl", () -> LOADED).reason())
                .isEqualTo("MKL 2025.2 above 10^6 multiply-adds: MINIMAX_BLAS=mkl set by the user");
        assertThatThrownBy(() -> choose(Reproducibility.FASTEST, SAPPHIRE_RAPIDS, "mkl", () -> MISSING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MINIMAX_BLAS=mkl: no libmkl_rt.so.2 on the classpath");
        assertThatThrownBy(() -> choose(Reproducibility.PORTABLE, SAPPHIRE_RAPIDS, "mkl", () -> LOADED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("MINIMAX_BLAS=mkl: portable digits are OpenBLAS's HASWELL kernel's");
        assertThatThrownBy(() -> choose(Reproducibility.FASTEST, SAPPHIRE_RAPIDS, "atlas", () -> LOADED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MINIMAX_BLAS=atlas: unknown library (known: mkl, openblas)");
        assertThat(choose(Reproducibility.FASTEST, SAPPHIRE_RAPIDS, " ", () -> LOADED).mkl()).isTrue();
    }

    private static ProductLibraryChoice choose(Reproducibility reproducibility, CpuInfo cpu, String user, Supplier<Mkl.Availability> mkl)
    {
        return ProductLibraryChoice.choose(reproducibility, cpu, Optional.ofNullable(user), mkl);
    }
}
