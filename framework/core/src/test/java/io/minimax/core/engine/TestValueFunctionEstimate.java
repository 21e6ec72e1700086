package io.minimax.core.engine;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestValueFunctionEstimate
{
    @Test
    void aDiscriminatorThatAlwaysSaysOneHalfGivesMinusLogFour()
    {
        // D ≡ 1/2 is the optimal discriminator when p_g = p_data, and V(D*, G*) = log(1/2) + log(1/2) = −log 4.
        ValueFunctionEstimate estimate = ValueFunctionEstimate.fromLogits(Nd4j.zeros(DataType.FLOAT, 64, 1),
                Nd4j.zeros(DataType.FLOAT, 64, 1));
        // −2·log 2 and −log 4 agree to the last bit or two of a double
        assertThat(estimate.value()).isCloseTo(-Math.log(4), within(2 * Math.ulp(Math.log(4))));
        assertThat(estimate.meanRealOutput()).isEqualTo(0.5);
        assertThat(estimate.meanFakeOutput()).isEqualTo(0.5);
    }

    @Test
    void theEstimateIsTheMinibatchAverageOfBothLogTerms()
    {
        double[] real = {2.0, -1.0, 0.5};
        double[] fake = {-3.0, 0.25};
        double expected = (Math.log(sigmoid(2.0)) + Math.log(sigmoid(-1.0)) + Math.log(sigmoid(0.5))) / 3
                + (Math.log(1 - sigmoid(-3.0)) + Math.log(1 - sigmoid(0.25))) / 2;
        ValueFunctionEstimate estimate = ValueFunctionEstimate.fromLogits(
                Nd4j.createFromArray(real).reshape(3, 1), Nd4j.createFromArray(fake).reshape(2, 1));
        assertThat(estimate.value()).isCloseTo(expected, within(1e-12));
        assertThat(estimate.meanRealOutput()).isCloseTo((sigmoid(2.0) + sigmoid(-1.0) + sigmoid(0.5)) / 3, within(1e-12));
    }

    @Test
    void confidentLogitsStayFinite()
    {
        // log σ(−800) underflows as log(sigmoid(...)) but is exactly −800 in the softplus form.
        ValueFunctionEstimate estimate = ValueFunctionEstimate.fromLogits(
                Nd4j.createFromArray(-800.0).reshape(1, 1), Nd4j.createFromArray(800.0).reshape(1, 1));
        assertThat(estimate.value()).isCloseTo(-1600, within(1e-9));
    }

    private static double sigmoid(double x)
    {
        return 1 / (1 + Math.exp(-x));
    }
}
