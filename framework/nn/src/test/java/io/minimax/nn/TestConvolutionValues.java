package io.minimax.nn;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.testkit.TestNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Convolutions whose results the math gives exactly, and the same passes in FLOAT and DOUBLE. */
class TestConvolutionValues
{
    private static final double[] KERNEL_2X2 = {1, 2, 3, 4};
    private static final double[][] IMAGE_3X3 = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};

    @Test
    void smallConvolutionByHand()
    {
        // [[1,2],[3,4]] slid over [[1,2,3],[4,5,6],[7,8,9]]: 1+4+12+20 = 37, 2+6+15+24 = 47, 67, 77; bias 0.5
        INDArray output = convolve(new ConvGeometry(1, 3, 3, 1, 2, 1, 0), KERNEL_2X2, 0.5);
        assertThat(output.data().asDouble()).containsExactly(37.5, 47.5, 67.5, 77.5);
    }

    @Test
    void paddedStridedConvolutionByHand()
    {
        // stride 2, padding 1: windows at rows/columns {-1, 0} and {1, 2}; the top-left one sees only x[0,0]·k[1,1] = 4,
        // the top-right x[0,1]·k[1,0] + x[0,2]·k[1,1] = 6 + 12, the bottom-left x[1,0]·k[0,1] + x[2,0]·k[1,1] = 8 + 28
        INDArray output = convolve(new ConvGeometry(1, 3, 3, 1, 2, 2, 1), KERNEL_2X2, 0);
        assertThat(output.data().asDouble()).containsExactly(4, 18, 36, 77);
    }

    @Test
    void oneByOneConvolutionIsADenseProductPerPixel()
    {
        ConvGeometry geometry = new ConvGeometry(3, 2, 2, 2, 1, 1, 0);
        Conv2d conv = new Conv2d(geometry);
        INDArray parameters = Nd4j.rand(DataType.DOUBLE, 1, conv.parameterCount()).subi(0.5);
        INDArray input = Nd4j.rand(DataType.DOUBLE, 4, 12).subi(0.5);
        INDArray output = conv.createPass(parameters, Nd4j.create(DataType.DOUBLE, 1, conv.parameterCount()), 4).forward(input);
        for (int b = 0; b < 4; b++) {
            for (int f = 0; f < 2; f++) {
                for (int pixel = 0; pixel < 4; pixel++) {
                    double expected = parameters.getDouble(0, 6 + f);
                    for (int c = 0; c < 3; c++) {
                        // channels-last rows: pixel-major, the channels innermost
                        expected += parameters.getDouble(0, f * 3 + c) * input.getDouble(b, pixel * 3 + c);
                    }
                    assertThat(output.getDouble(b, pixel * 2 + f)).isCloseTo(expected, within(1e-14));
                }
            }
        }
    }

    @Test
    void transposedConvolutionOfOnePixelStampsTheKernel()
    {
        // x = one pixel at (0, 0) of a 2x2 image; with stride 2, padding 1, out[ih, iw] = k[ih + 1, iw + 1]
        Deconv2d deconv = Deconv2d.of(1, 2, 2, 1, 4, 2, 1);
        double[] parameters = new double[17];
        for (int i = 0; i < 16; i++) {
            parameters[i] = i + 1;
        }
        INDArray output = deconv.createPass(Nd4j.createFromArray(parameters).reshape(1, 17), Nd4j.create(DataType.DOUBLE, 1, 17), 1)
                .forward(Nd4j.createFromArray(new double[][] {{1, 0, 0, 0}}));
        assertThat(output.reshape(4, 4).toDoubleMatrix()).isEqualTo(new double[][] {
                {6, 7, 8, 0}, {10, 11, 12, 0}, {14, 15, 16, 0}, {0, 0, 0, 0}});
    }

    @Test
    void transposedConvolutionIsTheAdjointOfTheConvolution()
    {
        // <conv_W(x), y> = <x, deconv_W(y)> for the same weights and no bias
        for (ConvGeometry geometry : List.of(new ConvGeometry(3, 6, 6, 2, 4, 2, 1), new ConvGeometry(2, 5, 7, 3, 3, 2, 0),
                new ConvGeometry(1, 4, 4, 2, 3, 1, 1), new ConvGeometry(1, 6, 6, 4, 4, 2, 1), new ConvGeometry(2, 5, 5, 9, 3, 2, 1))) {
            Conv2d conv = new Conv2d(geometry);
            Deconv2d deconv = new Deconv2d(geometry);
            INDArray weights = Nd4j.rand(DataType.DOUBLE, 1, (long) geometry.filters() * geometry.columnRows()).subi(0.5);
            INDArray convParameters = Nd4j.concat(1, weights, Nd4j.zeros(DataType.DOUBLE, 1, geometry.filters()));
            INDArray deconvParameters = Nd4j.concat(1, weights, Nd4j.zeros(DataType.DOUBLE, 1, geometry.channels()));
            INDArray x = Nd4j.rand(DataType.DOUBLE, 3, geometry.inputSize()).subi(0.5);
            INDArray y = Nd4j.rand(DataType.DOUBLE, 3, geometry.outputSize()).subi(0.5);
            double left = conv.createPass(convParameters, convParameters.like(), 3).forward(x).mul(y).sumNumber().doubleValue();
            double right = deconv.createPass(deconvParameters, deconvParameters.like(), 3).forward(y).mul(x).sumNumber().doubleValue();
            assertThat(left).as("%s", geometry).isCloseTo(right, within(1e-12));
        }
    }

    @Test
    void floatPassesAgreeWithDoublePasses()
    {
        // the W4 discriminator's first two layers and the generator's last, at batch 3
        for (Layer layer : List.of(new Conv2d(new ConvGeometry(1, 28, 28, 64, 4, 2, 1)), new Conv2d(new ConvGeometry(64, 14, 14, 128, 4, 2,
                1)), Deconv2d.of(64, 14, 14, 1, 4, 2, 1), new BatchNorm(64, 196), new BatchNorm(6272, 1),
                new ActivationLayer(20000, Activation.leakyRelu(0.2)), new ActivationLayer(300, Activation.relu()))) {
            INDArray parameters = layer.parameterCount() == 0
                    ? Nd4j.create(DataType.DOUBLE, 1, 0)
                    : Nd4j.rand(DataType.DOUBLE, 1, layer.parameterCount()).subi(0.5);
            INDArray input = Nd4j.rand(DataType.DOUBLE, 3, layer.inputSize()).subi(0.5);
            INDArray outputGradient = Nd4j.rand(DataType.DOUBLE, 3, layer.outputSize()).subi(0.5);
            INDArray[] doubles = passes(layer, parameters, input, outputGradient);
            INDArray[] floats = passes(layer, parameters.castTo(DataType.FLOAT), input.castTo(DataType.FLOAT),
                    outputGradient.castTo(DataType.FLOAT));
            for (int i = 0; i < (layer.parameterCount() == 0 ? 2 : 3); i++) {
                double scale = doubles[i].amaxNumber().doubleValue();
                double difference = doubles[i].sub(floats[i].castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
                assertThat(difference).as("%s, result %d", layer, i).isLessThanOrEqualTo(1e-5 * scale);
            }
        }
    }

    @Test
    void batchNormWithAFusedActivationGivesTheTwoLayersValuesBitForBit()
    {
        // a flat batch norm wider than a chunk (one-row chunks), a channels-last one of several chunks and groups, a small
        // one; for each, what the separate layers give, in float: output, input gradient, parameter gradients, statistics
        int[][] shapes = {{6272, 1}, {64, 196}, {5, 3}};
        for (int[] shape : shapes) {
            for (Activation activation : List.of(Activation.relu(), Activation.leakyRelu(0.2))) {
                for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                    int size = shape[0] * shape[1];
                    INDArray parameters = Nd4j.rand(DataType.DOUBLE, 1, 2L * shape[0]).subi(0.5).castTo(type);
                    INDArray input = Nd4j.rand(DataType.DOUBLE, 3, size).subi(0.5).castTo(type);
                    INDArray outputGradient = Nd4j.rand(DataType.DOUBLE, 3, size).subi(0.5).castTo(type);

                    INDArray separateGradients = parameters.like();
                    INDArray separateState = Nd4j.create(type, 1, 2L * shape[0]);
                    Layer.Pass normalization = new BatchNorm(shape[0], shape[1])
                            .createPass(parameters, separateGradients, separateState, 3);
                    Layer.Pass nonlinearity = new ActivationLayer(size, activation)
                            .createPass(Nd4j.create(type, 1, 0), Nd4j.create(type, 1, 0), 3);
                    INDArray separateOutput = nonlinearity.forward(normalization.forward(input)).dup();
                    INDArray separateInputGradient = normalization.backward(nonlinearity.backward(outputGradient, true), true).dup();

                    INDArray fusedGradients = parameters.like();
                    INDArray fusedState = Nd4j.create(type, 1, 2L * shape[0]);
                    Layer.Pass fused = new BatchNorm(shape[0], shape[1], activation).createPass(parameters, fusedGradients, fusedState, 3);
                    String what = shape[0] + " x " + shape[1] + ", " + activation + ", " + type;
                    assertThat(fused.forward(input)).as(what).isEqualTo(separateOutput);
                    assertThat(fused.backward(outputGradient, true)).as(what).isEqualTo(separateInputGradient);
                    assertThat(fusedGradients).as(what).isEqualTo(separateGradients);
                    assertThat(fusedState).as(what).isEqualTo(separateState);
                }
            }
        }
        assertThat(new BatchNorm(64, 196, Activation.relu())).hasToString("BatchNorm(64 channels x 196, relu)");
        assertThatThrownBy(() -> new BatchNorm(2, 1, Activation.tanh())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only activations with host kernels");
    }

    @Test
    void batchNormNormalizesEachChannelAndFoldsItsStatisticsIntoTheRunningOnes()
    {
        SequentialNetwork network = TestNetworks.alone(new SequentialNetwork(new long[] {2, 1, 2}, new long[] {2, 1, 2},
                List.of(new BatchNorm(2, 2)), DataType.DOUBLE, new SeededRandomSource(1)), DataType.DOUBLE);
        network.parameters().assign(Nd4j.createFromArray(new double[][] {{2, 3, 10, -1}}));
        // channels-last rows, [pixel 0: c0, c1, pixel 1: c0, c1]: channel 0 holds 1, 3, 5, 7 (mean 4, variance 5);
        // channel 1 holds 0, 0, 2, 2 (mean 1, variance 1)
        INDArray input = Nd4j.createFromArray(new double[][] {{1, 0, 3, 0}, {5, 2, 7, 2}}).reshape(2, 2, 1, 2);
        INDArray output = network.forward(input).reshape(2, 4);
        double deviation0 = Math.sqrt(5 + BatchNorm.EPSILON);
        double deviation1 = Math.sqrt(1 + BatchNorm.EPSILON);
        assertThat(output.getDouble(0, 0)).isCloseTo(2 * (1 - 4) / deviation0 + 10, within(1e-12));
        assertThat(output.getDouble(1, 2)).isCloseTo(2 * (7 - 4) / deviation0 + 10, within(1e-12));
        assertThat(output.getDouble(0, 1)).isCloseTo(3 * (0 - 1) / deviation1 - 1, within(1e-12));
        // running: mean 0.1·batch mean; variance 0.9·1 + 0.1·unbiased (20/3 and 4/3)
        INDArray state = network.state().get(SequentialNetwork.STATE);
        assertThat(state.toDoubleVector()).usingComparatorWithPrecision(1e-12).containsExactly(0.4, 0.1, 0.9 + 0.1 * 20 / 3.0,
                0.9 + 0.1 * 4 / 3.0);
    }

    @Test
    void floatBatchNormAgreesWithDoubleFarFromZeroAndInInference()
    {
        // values around 100 with a spread of 0.3: the one-pass float variance must not lose the spread to cancellation
        BatchNorm layer = new BatchNorm(16, 9);
        INDArray parameters = Nd4j.rand(DataType.DOUBLE, 1, 32).addi(0.5);
        INDArray input = Nd4j.rand(DataType.DOUBLE, 5, 144).addi(99.5);
        INDArray outputGradient = Nd4j.rand(DataType.DOUBLE, 5, 144).subi(0.5);
        for (boolean training : new boolean[] {true, false}) {
            INDArray[] results = new INDArray[4];
            for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
                INDArray state = Nd4j.createFromArray(new double[32]).reshape(1, 32).castTo(type);
                state.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 16)).assign(100);
                state.get(NDArrayIndex.all(), NDArrayIndex.interval(16, 32)).assign(0.09);
                Layer.Pass pass = layer.createPass(parameters.castTo(type), Nd4j.create(type, 1, 32), state, 5);
                int at = type == DataType.DOUBLE ? 0 : 2;
                results[at] = pass.forward(input.castTo(type), training).castTo(DataType.DOUBLE);
                results[at + 1] = pass.backward(outputGradient.castTo(type), true).castTo(DataType.DOUBLE);
            }
            for (int i = 0; i < 2; i++) {
                double scale = results[i].amaxNumber().doubleValue();
                assertThat(results[i].sub(results[i + 2]).amaxNumber().doubleValue()).as("training %s, result %d", training, i)
                        .isLessThanOrEqualTo(2e-4 * scale);
            }
        }
    }

    @Test
    void batchNormInfersWithTheRunningStatisticsAndLeavesThemAlone()
    {
        SequentialNetwork network = TestNetworks.alone(new SequentialNetwork(new long[] {2}, new long[] {2},
                List.of(new BatchNorm(2, 1)), DataType.DOUBLE, new SeededRandomSource(1)), DataType.DOUBLE);
        network.state().get(SequentialNetwork.STATE).assign(Nd4j.createFromArray(new double[][] {{1, -2, 4, 9}}));
        network.setMode(io.minimax.spi.network.NetworkMode.INFERENCE);
        INDArray output = network.forward(Nd4j.createFromArray(new double[][] {{3, 1}}));
        assertThat(output.getDouble(0, 0)).isCloseTo((3 - 1) / Math.sqrt(4 + BatchNorm.EPSILON), within(1e-12));
        assertThat(output.getDouble(0, 1)).isCloseTo((1 + 2) / Math.sqrt(9 + BatchNorm.EPSILON), within(1e-12));
        assertThat(network.state().get(SequentialNetwork.STATE).toDoubleVector()).containsExactly(1, -2, 4, 9);
        // in inference the layer is affine: its input gradient is γ/σ
        INDArray gradient = network.backward(Nd4j.createFromArray(new double[][] {{1, 1}}), true);
        assertThat(gradient.getDouble(0, 1)).isCloseTo(1 / Math.sqrt(9 + BatchNorm.EPSILON), within(1e-12));
    }

    @Test
    void batchNormRefusesDoubleBackpropagation()
    {
        SequentialNetwork network = new SequentialNetwork(new long[] {2}, new long[] {1}, List.of(new BatchNorm(2, 1),
                new Dense(2, 1, Activation.identity())), DataType.DOUBLE, new SeededRandomSource(1));
        assertThat(network.supportsDoubleBackpropagation()).isFalse();
        assertThat(new SequentialNetwork(new long[] {2}, new long[] {1}, List.of(new Conv2d(new ConvGeometry(2, 1, 1, 1, 1, 1, 0))),
                DataType.DOUBLE, new SeededRandomSource(1)).supportsDoubleBackpropagation()).isTrue();
    }

    @Test
    void geometriesThatSkipPixelsAreRefused()
    {
        assertThatThrownBy(() -> new ConvGeometry(1, 8, 8, 1, 2, 3, 0)).hasMessageContaining("the kernel must be at least the stride");
        assertThatThrownBy(() -> new ConvGeometry(1, 2, 2, 1, 5, 1, 1)).hasMessageContaining("does not fit the padded input 4x4");
        assertThat(new ConvGeometry(1, 28, 28, 64, 4, 2, 1).outHeight()).isEqualTo(14);
        assertThat(Deconv2d.of(128, 7, 7, 64, 4, 2, 1).outputSize()).isEqualTo(64 * 14 * 14);
    }

    private static INDArray convolve(ConvGeometry geometry, double[] kernel, double bias)
    {
        Conv2d conv = new Conv2d(geometry);
        double[] parameters = new double[kernel.length + 1];
        System.arraycopy(kernel, 0, parameters, 0, kernel.length);
        parameters[kernel.length] = bias;
        INDArray image = Nd4j.createFromArray(IMAGE_3X3).reshape(1, 9);
        return conv.createPass(Nd4j.createFromArray(parameters).reshape(1, parameters.length), Nd4j.create(DataType.DOUBLE, 1,
                parameters.length), 1).forward(image);
    }

    /** Output, input gradient and parameter gradients of one forward and backward pass. */
    private static INDArray[] passes(Layer layer, INDArray parameters, INDArray input, INDArray outputGradient)
    {
        INDArray gradients = parameters.like();
        INDArray state = Nd4j.create(parameters.dataType(), 1, Math.max(1, layer.stateCount()));
        Layer.Pass pass = layer.stateCount() > 0
                ? layer.createPass(parameters, gradients, state, input.size(0))
                : layer.createPass(parameters, gradients, input.size(0));
        INDArray output = pass.forward(input).dup();
        INDArray inputGradient = pass.backward(outputGradient, true).dup();
        return new INDArray[] {output, inputGradient, gradients.dup()};
    }
}
