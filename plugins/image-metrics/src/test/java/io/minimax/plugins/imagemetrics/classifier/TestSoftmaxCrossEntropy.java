package io.minimax.plugins.imagemetrics.classifier;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestSoftmaxCrossEntropy
{
    @Test
    void equalLogitsCostLogKAndPullTheLabelUp()
    {
        double[] gradient = new double[4];
        double loss = SoftmaxCrossEntropy.lossAndGradient(new double[] {3, 3, 3, 3}, new int[] {2}, 4, gradient);
        assertThat(loss).isCloseTo(Math.log(4), within(1e-15));
        assertThat(gradient).containsExactly(new double[] {0.25, 0.25, -0.75, 0.25}, within(1e-15));
    }

    @Test
    void hugeLogitsNeitherOverflowNorLoseTheLoss()
    {
        double[] gradient = new double[2];
        // log-softmax of (1000, 0) at label 1 is -1000: a naive exp(1000) overflows, a naive log(softmax) is log(0)
        assertThat(SoftmaxCrossEntropy.lossAndGradient(new double[] {1000, 0}, new int[] {1}, 2, gradient)).isEqualTo(1000.0);
        assertThat(gradient).containsExactly(1.0, -1.0);
        assertThat(SoftmaxCrossEntropy.probabilities(new double[] {-1e4, 1e4}, 2)).containsExactly(0.0, 1.0);
    }

    @Test
    void theGradientMatchesFiniteDifferences()
    {
        Random random = new Random(11);
        int rows = 5;
        int classes = 7;
        double[] logits = new double[rows * classes];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = 3 * random.nextGaussian();
        }
        int[] labels = random.ints(rows, 0, classes).toArray();
        double[] gradient = new double[logits.length];
        SoftmaxCrossEntropy.lossAndGradient(logits, labels, classes, gradient);
        double step = 1e-6;
        for (int i = 0; i < logits.length; i++) {
            double[] up = logits.clone();
            double[] down = logits.clone();
            up[i] += step;
            down[i] -= step;
            double numeric = (SoftmaxCrossEntropy.lossAndGradient(up, labels, classes, new double[logits.length])
                    - SoftmaxCrossEntropy.lossAndGradient(down, labels, classes, new double[logits.length])) / (2 * step);
            assertThat(gradient[i]).as("logit %d", i).isCloseTo(numeric, within(1e-8));
        }
    }

    @Test
    void aLabelOutsideTheClassesIsRefused()
    {
        assertThatThrownBy(() -> SoftmaxCrossEntropy.lossAndGradient(new double[] {1, 2}, new int[] {2}, 2, new double[2]))
                .hasMessage("label 2 is not one of 2 classes");
    }
}
