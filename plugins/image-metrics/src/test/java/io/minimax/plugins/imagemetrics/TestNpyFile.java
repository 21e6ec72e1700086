package io.minimax.plugins.imagemetrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The files numpy reads back: exact values and shapes, and the Fréchet distance recomputed from them by numpy alone. */
class TestNpyFile
{
    @TempDir
    Path temp;

    @Test
    void numpyReadsVectorsAndMatricesBackBitForBit()
            throws Exception
    {
        Path vector = Files.write(temp.resolve("vector.npy"), NpyFile.of(new double[] {0.1, -0.0, 1e-300, -2.5e10, Math.PI}));
        Path matrix = Files.write(temp.resolve("matrix.npy"), NpyFile.of(new double[][] {{1, 2, 3}, {4, 5, 6.125}}));
        Path empty = Files.write(temp.resolve("empty.npy"), NpyFile.of(new double[0]));
        String output = RepositoryPython.run("""
                import sys, numpy as np
                for name in sys.argv[1:]:
                    a = np.load(name, allow_pickle=False)
                    print(a.dtype.str, a.shape, a.flags['C_CONTIGUOUS'], [float(x).hex() for x in a.ravel()])
                """, vector.toString(), matrix.toString(), empty.toString());
        assertThat(output.lines()).containsExactly(
                "<f8 (5,) True ['0x1.999999999999ap-4', '-0x0.0p+0', '0x1.56e1fc2f8f359p-997', '-0x1.74876e8000000p+34', "
                        + "'0x1.921fb54442d18p+1']",
                "<f8 (2, 3) True ['0x1.0000000000000p+0', '0x1.0000000000000p+1', '0x1.8000000000000p+1', '0x1.0000000000000p+2', "
                        + "'0x1.4000000000000p+2', '0x1.8800000000000p+2']",
                "<f8 (0,) True []");
        assertThat((Files.size(matrix) - 6 * Double.BYTES) % 64).as("the header ends on a 64-byte boundary").isZero();
    }

    @Test
    void numpyRecomputesTheFrechetDistanceFromTheSavedStatistics()
            throws Exception
    {
        FeatureStatistics real = FeatureStatistics.of(Features.gaussian(3000, 12, 0, 1, 1));
        FeatureStatistics generated = FeatureStatistics.of(Features.gaussian(500, 12, 0.2, 1.3, 2));
        Files.write(temp.resolve("real_mean.npy"), NpyFile.of(real.mean()));
        Files.write(temp.resolve("real_covariance.npy"), NpyFile.of(real.covariance()));
        Files.write(temp.resolve("generated_mean.npy"), NpyFile.of(generated.mean()));
        Files.write(temp.resolve("generated_covariance.npy"), NpyFile.of(generated.covariance()));
        // the textbook formula with tr (Σ₁Σ₂)^½ from the eigenvalues of the non-symmetric product: another route than ours
        String output = RepositoryPython.run("""
                import sys, numpy as np
                d = sys.argv[1]
                m1, s1 = np.load(d + '/real_mean.npy'), np.load(d + '/real_covariance.npy')
                m2, s2 = np.load(d + '/generated_mean.npy'), np.load(d + '/generated_covariance.npy')
                root = np.sqrt(np.linalg.eigvals(s1 @ s2).real.clip(min=0)).sum()
                print(repr(float(((m1 - m2) ** 2).sum() + np.trace(s1) + np.trace(s2) - 2 * root)))
                """, temp.toString());
        double fromNumpy = Double.parseDouble(output.strip());
        double ours = FrechetDistance.between(real, generated).value();
        assertThat(ours).isGreaterThan(1);
        assertThat(fromNumpy).isCloseTo(ours, within(1e-10 * ours));
    }
}
