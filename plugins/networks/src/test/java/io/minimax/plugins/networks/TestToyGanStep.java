package io.minimax.plugins.networks;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the benchmark's loop honest: it trains, and the G step leaves D's gradients alone. */
class TestToyGanStep
{
    @Test
    void trainsBothNetworksWithoutTouchingDiscriminatorGradientsInGeneratorStep()
    {
        ToyGanStep gan = new ToyGanStep(8, 3);
        INDArray generatorStart = gan.generator().parameters().dup();
        INDArray discriminatorStart = gan.discriminator().parameters().dup();
        INDArray firstSamples = gan.generator().forward(Nd4j.zeros(gan.generator().parameters().dataType(), 8, 8));

        for (int i = 0; i < 5; i++) {
            gan.discriminatorStep();
            float[] discriminatorGradients = gan.discriminator().gradients().data().asFloat();
            gan.generatorStep();
            assertThat(gan.discriminator().gradients().data().asFloat()).isEqualTo(discriminatorGradients);
        }

        assertThat(gan.generator().parameters().data().asFloat()).isNotEqualTo(generatorStart.data().asFloat());
        assertThat(gan.discriminator().parameters().data().asFloat()).isNotEqualTo(discriminatorStart.data().asFloat());
        assertThat(gan.generator().parameters().isInfinite().any() || gan.generator().parameters().isNaN().any()).isFalse();
        assertThat(gan.generator().forward(Nd4j.zeros(gan.generator().parameters().dataType(), 8, 8)))
                .as("steady state reuses the batch-size buffers")
                .isSameAs(firstSamples);
    }
}
