package io.minimax.plugins.imagemetrics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestClassCoverage
{
    @Test
    void halfTheSamplesInEachOfTwoClassesByHand()
    {
        // reference counts 10, 10, 20 (N = 40, K = 3) smooth to p = 11/43, 11/43, 21/43; the generated histogram is ½, 0, ½.
        // Expected counts for n = 10 are 2.5, 2.5, 5, so a tenth of them is 0.25, 0.25, 0.5: classes 0 and 2 are covered.
        double[][] probabilities = new double[10][];
        for (int i = 0; i < 10; i++) {
            probabilities[i] = i < 5 ? new double[] {0.7, 0.2, 0.1} : new double[] {0.1, 0.3, 0.6};
        }
        ClassCoverage coverage = ClassCoverage.of(probabilities, new long[] {10, 10, 20}, 0.1);
        assertThat(coverage.histogram()).containsExactly(0.5, 0, 0.5);
        assertThat(coverage.reference()).containsExactly(11.0 / 43, 11.0 / 43, 21.0 / 43);
        assertThat(coverage.classesCovered()).isEqualTo(2);
        assertThat(coverage.klDivergence()).isCloseTo(0.5 * Math.log(43.0 / 22) + 0.5 * Math.log(43.0 / 42), within(1e-15));
    }

    @Test
    void theDataDistributionItselfHasDivergenceZero()
    {
        // 100 of each of 4 classes smooth to exactly ¼ each
        ClassCoverage coverage = ClassCoverage.of(oneHot(4, 0, 1, 2, 3, 3, 2, 1, 0), new long[] {100, 100, 100, 100}, 0.1);
        assertThat(coverage.klDivergence()).isZero();
        assertThat(coverage.classesCovered()).isEqualTo(4);
    }

    @Test
    void aCollapsedGeneratorCoversOneClassAtDivergenceLogK()
    {
        long[] uniform = new long[10];
        Arrays.fill(uniform, 1000);
        ClassCoverage coverage = ClassCoverage.of(oneHot(10, 7, 7, 7, 7), uniform, 0.1);
        assertThat(coverage.classesCovered()).isEqualTo(1);
        assertThat(coverage.klDivergence()).isCloseTo(Math.log(10), within(1e-15));
    }

    @Test
    void aClassExactlyAtTheThresholdIsCovered()
    {
        // n = 8 over two equal classes expects 4 each; with minimumFraction 0.5 the class with 2 is just covered, 1 is not
        assertThat(ClassCoverage.of(oneHot(2, 0, 0, 0, 0, 0, 0, 1, 1), new long[] {50, 50}, 0.5).classesCovered()).isEqualTo(2);
        assertThat(ClassCoverage.of(oneHot(2, 0, 0, 0, 0, 0, 0, 0, 1), new long[] {50, 50}, 0.5).classesCovered()).isEqualTo(1);
    }

    @Test
    void aClassTheDataLacksKeepsTheDivergenceFiniteAndIsNeverCovered()
    {
        // reference 10, 0 smooths to 11/12, 1/12: every sample in class 1 gives KL = log 12
        ClassCoverage coverage = ClassCoverage.of(oneHot(2, 1, 1, 1), new long[] {10, 0}, 0.1);
        assertThat(coverage.klDivergence()).isCloseTo(Math.log(12), within(1e-15));
        assertThat(coverage.classesCovered()).isZero();
    }

    @Test
    void refusesProbabilitiesOfAnotherClassCount()
    {
        assertThatThrownBy(() -> ClassCoverage.of(new double[][] {{0.5, 0.5}}, new long[] {1, 1, 1}, 0.1))
                .hasMessage("class probabilities have 2 columns for 3 classes");
        assertThatThrownBy(() -> ClassCoverage.of(oneHot(2, 0), new long[] {0, 0}, 0.1))
                .hasMessage("the reference distribution has no samples");
    }

    /** One row per sample, probability 1 on its class. */
    private static double[][] oneHot(int classCount, int... classes)
    {
        double[][] rows = new double[classes.length][classCount];
        for (int i = 0; i < classes.length; i++) {
            rows[i][classes[i]] = 1;
        }
        return rows;
    }
}
