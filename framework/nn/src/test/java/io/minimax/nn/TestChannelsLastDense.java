package io.minimax.nn;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.testkit.DoubleBackpropagationCheck;
import io.minimax.testkit.NetworkGradientCheck;
import io.minimax.testkit.TestNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

import static io.minimax.nn.kernel.GaussianMatrices.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A dense layer on channels-last images computes what the move to channels-first, the flatten and the dense layer
 * compute, with the same parameters, up to rounding (its sums over the features go in another order); and its
 * gradients and tangents match finite differences.
 */
class TestChannelsLastDense
{
    @Test
    void givesWhatTheMoveTheFlattenAndTheDenseLayerGive()
    {
        for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (Activation activation : List.of(Activation.identity(), Activation.tanh())) {
                SequentialNetwork moved = network(List.of(ChannelOrder.toChannelsFirst(5, 6), new ReshapeLayer(new long[] {5, 2, 3},
                        new long[] {30}), new Dense(30, 4, activation)), dataType);
                SequentialNetwork inPlace = network(List.of(new ChannelsLastDense(new Dense(30, 4, activation), 5, 6)), dataType);
                assertThat(inPlace.parameters().toDoubleVector()).isEqualTo(moved.parameters().toDoubleVector());
                INDArray input = gaussian(7, 30, 1).castTo(dataType);
                INDArray outputGradient = gaussian(7, 4, 2).castTo(dataType);
                for (int step = 0; step < 2; step++) {
                    double tolerance = dataType == DataType.FLOAT ? 1e-5 : 1e-13;
                    assertClose(inPlace.forward(input), moved.forward(input), tolerance);
                    assertClose(inPlace.backward(outputGradient, true), moved.backward(outputGradient, true), tolerance);
                    assertClose(inPlace.gradients(), moved.gradients(), tolerance);
                    // an optimizer's update between steps reaches the gathered weights
                    inPlace.parameters().addi(0.01);
                    moved.parameters().addi(0.01);
                }
            }
        }
    }

    @Test
    void matchesFiniteDifferencesAndItsTangentsToo()
    {
        SequentialNetwork network = TestNetworks.asLane(new SequentialNetwork(new long[] {30}, new long[] {2},
                List.of(new ChannelsLastDense(new Dense(30, 2, Activation.tanh()), 5, 6)), DataType.DOUBLE, new SeededRandomSource(3)),
                DataType.DOUBLE);
        NetworkGradientCheck.check(network, 3, 4);
        DoubleBackpropagationCheck.check(network, 3, 5);
    }

    private static void assertClose(INDArray actual, INDArray expected, double tolerance)
    {
        double[] got = actual.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] want = expected.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < want.length; i++) {
            assertThat(got[i]).as("element %d", i).isCloseTo(want[i], within(tolerance));
        }
    }

    private static SequentialNetwork network(List<Layer> layers, DataType dataType)
    {
        return TestNetworks.asLane(new SequentialNetwork(new long[] {30}, new long[] {4}, layers, dataType, new SeededRandomSource(8)),
                dataType);
    }
}
