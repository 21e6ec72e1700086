package io.minimax.nn;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.testkit.DoubleBackpropagationCheck;
import io.minimax.testkit.NetworkGradientCheck;
import io.minimax.testkit.TestNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static io.minimax.nn.kernel.GaussianMatrices.gaussian;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A convolution with its activation fused in: finite-difference checks of both passes and of the tangent passes, and
 * the same bits as the convolution followed by an {@link ActivationLayer}, chunk by chunk of the batch or whole, in
 * FLOAT (the activation's Java loops) and in DOUBLE (its ND4J ops).
 */
class TestFusedConvolution
{
    private static final List<ConvGeometry> GEOMETRIES = List.of(
            new ConvGeometry(2, 6, 6, 3, 4, 2, 1),
            new ConvGeometry(1, 7, 5, 2, 3, 2, 0),
            new ConvGeometry(20, 4, 4, 3, 2, 2, 0));

    @Test
    void fusedActivationsMatchFiniteDifferencesAndTheirTangentsToo()
    {
        long seed = 30;
        for (ConvGeometry geometry : GEOMETRIES) {
            for (Activation activation : List.of(Activation.tanh(), Activation.leakyRelu(0.2))) {
                SequentialNetwork network = network(geometry, activation, seed++);
                NetworkGradientCheck.check(network, 3, seed++);
                DoubleBackpropagationCheck.check(network, 3, seed++);
            }
        }
    }

    @Test
    void fusedGivesTheBitsOfAConvolutionAndAnActivationLayer()
    {
        for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (ConvGeometry geometry : GEOMETRIES) {
                for (long chunkBytes : new long[] {1, SampleChunks.CHUNK_BYTES}) {
                    assertSameBits(geometry, 5, dataType, chunkBytes);
                }
            }
        }
        // the W4 discriminator's second convolution at batch 128, in several chunks
        assertSameBits(new ConvGeometry(64, 14, 14, 128, 4, 2, 1), 128, DataType.FLOAT, SampleChunks.CHUNK_BYTES);
    }

    private static void assertSameBits(ConvGeometry geometry, int batch, DataType dataType, long chunkBytes)
    {
        Activation leaky = Activation.leakyRelu(0.2);
        Conv2d fused = new Conv2d(geometry, leaky);
        Conv2d plain = new Conv2d(geometry);
        INDArray parameters = gaussian(1, (int) plain.parameterCount(), 1).castTo(dataType).muli(0.1);
        INDArray fusedGradients = Nd4j.create(dataType, 1, plain.parameterCount());
        INDArray plainGradients = Nd4j.create(dataType, 1, plain.parameterCount());
        Layer.Pass fusedPass = fused.createPass(parameters, fusedGradients, batch, chunkBytes);
        Layer.Pass convolution = plain.createPass(parameters, plainGradients, batch, chunkBytes);
        ActivationLayer activationLayer = new ActivationLayer(geometry.outputSize(), leaky);
        Layer.Pass activation = activationLayer.createPass(Nd4j.create(dataType, 1, 0), Nd4j.create(dataType, 1, 0), batch);
        INDArray input = gaussian(batch, (int) plain.inputSize(), 2).castTo(dataType);
        INDArray outputGradient = gaussian(batch, (int) plain.outputSize(), 3).castTo(dataType);
        String what = fused + " " + dataType + " in chunks of " + chunkBytes + " bytes";
        for (int step = 0; step < 2; step++) {
            INDArray expected = activation.forward(convolution.forward(input));
            assertThat(bits(fusedPass.forward(input))).as("%s output", what).isEqualTo(bits(expected));
            assertThat(bits(fusedPass.backward(outputGradient, true))).as("%s input gradient", what)
                    .isEqualTo(bits(convolution.backward(activation.backward(outputGradient, true), true)));
            assertThat(bits(fusedGradients)).as("%s parameter gradients", what).isEqualTo(bits(plainGradients));
        }
    }

    private static SequentialNetwork network(ConvGeometry geometry, Activation activation, long seed)
    {
        long[] inputShape = {geometry.channels(), geometry.height(), geometry.width()};
        long[] outputShape = {geometry.filters(), geometry.outHeight(), geometry.outWidth()};
        List<Layer> layers = List.of(new Conv2d(geometry, activation));
        return TestNetworks.asLane(new SequentialNetwork(inputShape, outputShape, layers, DataType.DOUBLE, new SeededRandomSource(seed)),
                DataType.DOUBLE);
    }

    private static double[] bits(INDArray array)
    {
        return array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
