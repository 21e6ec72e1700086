package io.minimax.plugins.networks;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.testkit.TestContexts;
import io.minimax.testkit.TestNetworks;

import io.minimax.plugins.optimizers.AdamSpec;
import io.minimax.plugins.optimizers.OptimizersPlugin;
import io.minimax.spi.PluginContext;
import io.minimax.spi.RandomSource;
import io.minimax.spi.network.Network;
import io.minimax.spi.optim.Optimizer;
import io.minimax.spi.optim.OptimizerFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * One iteration of a toy GAN as the engine will run it, on preallocated buffers: a discriminator step on the
 * concatenated real and fake batch, then a generator step through the frozen discriminator (non-saturating loss).
 * G is 8-128-128-2 ReLU, D is 2-128-128-1 leaky-ReLU 0.2, both trained with Adam, in FLOAT.
 */
final class ToyGanStep
{
    private static final long NOISE_DIMENSION = 8;

    private final long batchSize;
    private final RandomSource random;
    private final Network generator;
    private final Network discriminator;
    private final Optimizer generatorOptimizer;
    private final Optimizer discriminatorOptimizer;
    private final INDArray noise;
    private final INDArray both;
    private final INDArray real;
    private final INDArray fake;
    private final INDArray labels;
    private final INDArray discriminatorLogitGradient;
    private final INDArray generatorLogitGradient;

    ToyGanStep(long batchSize, long seed)
    {
        this.batchSize = batchSize;
        this.random = new SeededRandomSource(seed);
        MlpFactory mlp = new MlpFactory();
        generator = TestNetworks.alone(mlp.create(new MlpSpec(List.of(128, 128), "relu", 0.2, "none"),
                TestContexts.generator(NOISE_DIMENSION, new long[] {2}, DataType.FLOAT, seed + 1)), DataType.FLOAT);
        discriminator = TestNetworks.alone(mlp.create(new MlpSpec(List.of(128, 128), "leaky-relu", 0.2, "none"),
                TestContexts.discriminator(new long[] {2}, DataType.FLOAT, seed + 2)), DataType.FLOAT);
        OptimizerFactory<AdamSpec> adam = OptimizersPlugin.ADAM;
        AdamSpec adamSpec = new AdamSpec(0.0002, 0.5, 0.999, 1e-8);
        PluginContext context = TestContexts.generator(1, new long[] {1}, DataType.FLOAT, seed);
        generatorOptimizer = adam.create(adamSpec, context);
        discriminatorOptimizer = adam.create(adamSpec, context);

        noise = Nd4j.create(DataType.FLOAT, batchSize, NOISE_DIMENSION);
        both = Nd4j.create(DataType.FLOAT, 2 * batchSize, 2);
        real = both.get(NDArrayIndex.interval(0, batchSize), NDArrayIndex.all());
        fake = both.get(NDArrayIndex.interval(batchSize, 2 * batchSize), NDArrayIndex.all());
        labels = Nd4j.vstack(Nd4j.ones(DataType.FLOAT, batchSize, 1), Nd4j.zeros(DataType.FLOAT, batchSize, 1));
        discriminatorLogitGradient = Nd4j.create(DataType.FLOAT, 2 * batchSize, 1);
        generatorLogitGradient = Nd4j.create(DataType.FLOAT, batchSize, 1);
    }

    /** One discriminator step and one generator step. */
    void iterate()
    {
        discriminatorStep();
        generatorStep();
    }

    void discriminatorStep()
    {
        random.gaussian(real, 0, 1);
        random.gaussian(noise, 0, 1);
        fake.assign(generator.forward(noise));
        INDArray logits = discriminator.forward(both);
        // Mean binary cross-entropy on logits: dL/dlogit = (sigmoid(logit) - label) / 2m.
        Nd4j.exec(new Sigmoid(logits, discriminatorLogitGradient));
        discriminatorLogitGradient.subi(labels).muli(1.0 / (2 * batchSize));
        discriminator.backward(discriminatorLogitGradient, true);
        discriminatorOptimizer.step(discriminator.parameters(), discriminator.gradients());
    }

    void generatorStep()
    {
        random.gaussian(noise, 0, 1);
        INDArray samples = generator.forward(noise);
        INDArray logits = discriminator.forward(samples);
        // Non-saturating loss -mean(log sigmoid(logit)): dL/dlogit = (sigmoid(logit) - 1) / m.
        Nd4j.exec(new Sigmoid(logits, generatorLogitGradient));
        generatorLogitGradient.subi(1.0).muli(1.0 / batchSize);
        INDArray sampleGradient = discriminator.backward(generatorLogitGradient, false);
        generator.backward(sampleGradient, true);
        generatorOptimizer.step(generator.parameters(), generator.gradients());
    }

    Network generator()
    {
        return generator;
    }

    Network discriminator()
    {
        return discriminator;
    }
}
