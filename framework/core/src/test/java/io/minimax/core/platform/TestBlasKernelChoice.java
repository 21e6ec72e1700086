package io.minimax.core.platform;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestBlasKernelChoice
{
    private static final CpuInfo EPYC_AVX512 = new CpuInfo("AuthenticAMD", "AMD EPYC 9R14 96-Core Processor",
            Set.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"));
    private static final CpuInfo EPYC_AVX2 = new CpuInfo("AuthenticAMD", "AMD EPYC 7B13 64-Core Processor",
            Set.of("sse4_2", "avx", "avx2", "fma"));
    private static final CpuInfo OLD_XEON = new CpuInfo("GenuineIntel", "Intel(R) Xeon(R) CPU E5-2670 0 @ 2.60GHz",
            Set.of("sse4_2", "avx"));
    /** AVX-512 F alone (Knights Landing): not enough for the SKYLAKEX kernel. */
    private static final CpuInfo KNIGHTS_LANDING = new CpuInfo("GenuineIntel", "Intel(R) Xeon Phi(TM) CPU 7210",
            Set.of("avx", "avx2", "fma", "avx512f", "avx512cd"));

    @Test
    void fastestIsSkylakeXWhereAvx512RunsAndOpenBlasOwnDetectionElsewhere()
    {
        assertThat(BlasKernelChoice.choose(Reproducibility.FASTEST, EPYC_AVX512, Optional.empty()).kernel()).contains("SKYLAKEX");
        assertThat(BlasKernelChoice.choose(Reproducibility.FASTEST, EPYC_AVX2, Optional.empty()).kernel()).isEmpty();
        assertThat(BlasKernelChoice.choose(Reproducibility.FASTEST, KNIGHTS_LANDING, Optional.empty()).kernel()).isEmpty();
        assertThat(BlasKernelChoice.choose(Reproducibility.FASTEST, OLD_XEON, Optional.empty()).kernel()).isEmpty();
        assertThat(BlasKernelChoice.choose(Reproducibility.FASTEST, CpuInfo.UNKNOWN, Optional.empty()).kernel()).isEmpty();
    }

    @Test
    void portableIsHaswellOnEveryCpuThatRunsIt()
    {
        for (CpuInfo cpu : new CpuInfo[] {EPYC_AVX512, EPYC_AVX2, KNIGHTS_LANDING}) {
            assertThat(BlasKernelChoice.choose(Reproducibility.PORTABLE, cpu, Optional.empty()).kernel()).contains("HASWELL");
        }
        assertThatThrownBy(() -> BlasKernelChoice.choose(Reproducibility.PORTABLE, OLD_XEON, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reproducibility: portable needs a CPU with AVX2 and FMA (OpenBLAS's HASWELL kernel); "
                        + "Intel(R) Xeon(R) CPU E5-2670 0 @ 2.60GHz (GenuineIntel, avx) has neither: use reproducibility: fastest");
    }

    @Test
    void theUsersOwnKernelAlwaysWins()
    {
        BlasKernelChoice fastest = BlasKernelChoice.choose(Reproducibility.FASTEST, EPYC_AVX512, Optional.of("ZEN"));
        assertThat(fastest.kernel()).contains("ZEN");
        assertThat(fastest.reason()).isEqualTo("OPENBLAS_CORETYPE=ZEN set by the user");
        BlasKernelChoice portable = BlasKernelChoice.choose(Reproducibility.PORTABLE, OLD_XEON, Optional.of("SANDYBRIDGE"));
        assertThat(portable.kernel()).contains("SANDYBRIDGE");
        assertThat(portable.reason()).contains("not HASWELL, so these digits are not the portable ones");
        assertThat(BlasKernelChoice.choose(Reproducibility.PORTABLE, EPYC_AVX2, Optional.of("Haswell")).reason())
                .doesNotContain("not HASWELL");
        assertThat(BlasKernelChoice.choose(Reproducibility.FASTEST, EPYC_AVX2, Optional.of(" ")).kernel()).isEmpty();
    }

    @Test
    void cpuInfoReadsTheFirstProcessor()
    {
        CpuInfo cpu = CpuInfo.parse("""
                processor\t: 0
                vendor_id\t: GenuineIntel
                model name\t: Intel(R) Xeon(R)   Processor
                flags\t\t: fpu sse4_2 avx avx2 fma avx512f avx512cd avx512bw avx512dq avx512vl amx_tile

                processor\t: 1
                vendor_id\t: SomethingElse
                flags\t\t: fpu
                """);
        assertThat(cpu.vendor()).isEqualTo("GenuineIntel");
        assertThat(cpu.modelName()).isEqualTo("Intel(R) Xeon(R) Processor");
        assertThat(cpu.flags()).contains("avx512vl", "amx_tile").doesNotContain("");
        assertThat(cpu.vectorExtensions()).isEqualTo("avx512");
        assertThat(EPYC_AVX2.vectorExtensions()).isEqualTo("avx2");
        assertThat(KNIGHTS_LANDING.vectorExtensions()).isEqualTo("avx2");
        assertThat(CpuInfo.parse("").modelName()).isEqualTo("unknown");
    }

    @Test
    void versionIsTheFirstTwoWordsOfOpenBlasConfig()
    {
        assertThat(BlasPlatform.version("OpenBLAS 0.3.19 DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64")).isEqualTo("OpenBLAS 0.3.19");
        assertThat(BlasKernel.HASWELL.named("Haswell")).isTrue();
        assertThat(BlasKernel.SKYLAKEX.named("SkylakeX")).isTrue();
        assertThat(BlasKernel.HASWELL.named("Zen")).isFalse();
    }
}
