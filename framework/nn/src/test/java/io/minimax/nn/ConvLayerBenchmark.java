package io.minimax.nn;

import io.minimax.plugin.support.Mkl;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Median forward and backward times of the W4 layers, FLOAT, one thread:
 * {@code java -cp ... io.minimax.nn.ConvLayerBenchmark [batch [repeats]]}.
 * Not a test; run by hand to see where a DCGAN step's time goes.
 */
public final class ConvLayerBenchmark
{
    private ConvLayerBenchmark() {}

    public static void main(String[] args)
    {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        // as the platform chooses (after OpenBLAS has loaded): MKL for the larger products where it loads, unless
        // MINIMAX_BLAS=openblas
        Nd4j.create(DataType.FLOAT, 1);
        Loader.load(openblas_nolapack.class);
        Mkl.use(Mkl.availability().available() && !"openblas".equals(System.getenv("MINIMAX_BLAS")));
        System.out.println("larger products: " + (Mkl.multiplies() ? Mkl.availability().version() : "OpenBLAS"));
        List<Layer> layers = List.of(
                new Dense(64, 6272, Activation.identity()),
                new BatchNorm(6272, 1),
                new ActivationLayer(6272, Activation.relu()),
                ChannelOrder.toChannelsLast(128, 49),
                Deconv2d.of(128, 7, 7, 64, 4, 2, 1),
                new BatchNorm(64, 196),
                new ActivationLayer(64 * 196, Activation.relu()),
                Deconv2d.of(64, 14, 14, 1, 4, 2, 1),
                new ActivationLayer(784, Activation.tanh()),
                new Conv2d(new ConvGeometry(1, 28, 28, 64, 4, 2, 1)),
                new ActivationLayer(64 * 196, Activation.leakyRelu(0.2)),
                new Conv2d(new ConvGeometry(64, 14, 14, 128, 4, 2, 1)),
                new ActivationLayer(128 * 49, Activation.leakyRelu(0.2)),
                ChannelOrder.toChannelsFirst(128, 49),
                new Dense(6272, 1, Activation.identity()));
        double totalForward = 0;
        double totalBackward = 0;
        for (Layer layer : layers) {
            INDArray parameters = Nd4j.rand(DataType.FLOAT, 1, Math.max(1, layer.parameterCount())).subi(0.5).muli(0.1);
            if (layer.parameterCount() == 0) {
                parameters = Nd4j.create(DataType.FLOAT, 1, 0);
            }
            INDArray gradients = parameters.like();
            INDArray state = Nd4j.ones(DataType.FLOAT, 1, Math.max(1, layer.stateCount()));
            Layer.Pass pass = layer.stateCount() > 0
                    ? layer.createPass(parameters, gradients, state, batch)
                    : layer.createPass(parameters, gradients, batch);
            INDArray input = Nd4j.rand(DataType.FLOAT, batch, layer.inputSize()).subi(0.5);
            INDArray outputGradient = Nd4j.rand(DataType.FLOAT, batch, layer.outputSize()).subi(0.5);
            double[] forward = new double[repeats];
            double[] backward = new double[repeats];
            for (int i = 0; i < repeats + 5; i++) {
                long start = System.nanoTime();
                pass.forward(input);
                long middle = System.nanoTime();
                pass.backward(outputGradient, true);
                long end = System.nanoTime();
                if (i >= 5) {
                    forward[i - 5] = (middle - start) / 1e6;
                    backward[i - 5] = (end - middle) / 1e6;
                }
            }
            Arrays.sort(forward);
            Arrays.sort(backward);
            totalForward += forward[repeats / 2];
            totalBackward += backward[repeats / 2];
            System.out.printf(Locale.ROOT, "%-70s forward %7.3f ms  backward %7.3f ms%n", layer, forward[repeats / 2],
                    backward[repeats / 2]);
        }
        System.out.printf(Locale.ROOT, "%-70s forward %7.3f ms  backward %7.3f ms%n", "total (batch " + batch + ")", totalForward,
                totalBackward);
    }
}
