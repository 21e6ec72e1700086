package io.minimax.cli;

import java.util.Arrays;
import java.util.List;

/**
 * The fixed workloads {@code minimax bench} times, each a descriptor built through the same engine and plugins a run
 * uses. bench/reference holds the same workloads in PyTorch and numpy, and bench/compare.sh times all three.
 */
enum BenchWorkload
{
    /** W1: G 8-128-128-2 ReLU, D 2-128-128-1 leaky-ReLU 0.2, Adam 2e-4/0.5/0.999, non-saturating, k = 1, ring of 8. */
    TOY("toy", 64, 1000, 200, 0, """
            name: bench-toy
            train: { steps: 1, batchSize: 64 }
            data: { type: ring, modes: 8, radius: 1.0, std: 0.01 }
            prior: { type: gaussian, dim: 8 }
            loss: { type: non-saturating }
            generator: { type: mlp, hidden: [128, 128], activation: relu }
            discriminator: { type: mlp, hidden: [128, 128], activation: leaky-relu, leak: 0.2 }
            optimizer:
              generator: { type: adam, learningRate: 0.0002, beta1: 0.5, beta2: 0.999 }
              discriminator: { type: adam, learningRate: 0.0002, beta1: 0.5, beta2: 0.999 }
            """),

    /**
     * W2, an image-sized MLP: G 64-256-512-784 ReLU, D 784-512-256-1 leaky-ReLU 0.2, the same Adam, loss and k, on
     * 784-dimensional U[-1, 1) noise, so that the step costs what it would on flattened 28 x 28 images.
     */
    IMAGE_MLP("image-mlp", 64, 500, 100, 0, """
            name: bench-image-mlp
            train: { steps: 1, batchSize: 64 }
            data: { type: uniform-noise, shape: [784], low: -1.0, high: 1.0 }
            prior: { type: gaussian, dim: 64 }
            loss: { type: non-saturating }
            generator: { type: mlp, hidden: [256, 512], activation: relu }
            discriminator: { type: mlp, hidden: [512, 256], activation: leaky-relu, leak: 0.2 }
            optimizer:
              generator: { type: adam, learningRate: 0.0002, beta1: 0.5, beta2: 0.999 }
              discriminator: { type: adam, learningRate: 0.0002, beta1: 0.5, beta2: 0.999 }
            """),

    /**
     * W4, DCGAN on 28 x 28 images: G z64 → dense 6272 → BN → ReLU → [128, 7, 7] → deconv 64 (k4 s2 p1) → BN → ReLU →
     * deconv 1 → tanh; D conv 64 (k4 s2 p1) → leaky 0.2 → conv 128 → leaky 0.2 → dense 1; the same Adam, loss and k, on
     * U[-1, 1) noise images. Multiply-adds per sample: a G forward pass 7,024,640, a D forward pass 6,629,504; a step
     * makes 4 G passes' worth (forward twice, backward with weight gradients once) and 8 of D (forward on 2m and m,
     * backward with weight gradients on 2m, input gradient only on m): 81,134,592 per sample, 10.4 GFLOP at batch 64.
     */
    DCGAN("dcgan", 64, 30, 5, 2 * 81_134_592L, """
            name: bench-dcgan
            train: { steps: 1, batchSize: 64 }
            data: { type: uniform-noise, shape: [1, 28, 28], low: -1.0, high: 1.0 }
            prior: { type: gaussian, dim: 64 }
            loss: { type: non-saturating }
            generator: { type: dcgan }
            discriminator: { type: dcgan }
            optimizer:
              generator: { type: adam, learningRate: 0.0002, beta1: 0.5, beta2: 0.999 }
              discriminator: { type: adam, learningRate: 0.0002, beta1: 0.5, beta2: 0.999 }
            """);

    private final String workloadName;
    private final int defaultBatch;
    private final int defaultSteps;
    private final int defaultWarmup;
    private final long flopsPerSample;
    private final String descriptor;

    BenchWorkload(String workloadName, int defaultBatch, int defaultSteps, int defaultWarmup, long flopsPerSample, String descriptor)
    {
        this.workloadName = workloadName;
        this.defaultBatch = defaultBatch;
        this.defaultSteps = defaultSteps;
        this.defaultWarmup = defaultWarmup;
        this.flopsPerSample = flopsPerSample;
        this.descriptor = descriptor;
    }

    static BenchWorkload named(String name)
    {
        return Arrays.stream(values())
                .filter(workload -> workload.workloadName.equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown workload '" + name + "' (known: " + String.join(", ", names())
                        + ")"));
    }

    static List<String> names()
    {
        return Arrays.stream(values()).map(BenchWorkload::workloadName).toList();
    }

    String workloadName()
    {
        return workloadName;
    }

    int defaultBatch()
    {
        return defaultBatch;
    }

    int defaultSteps()
    {
        return defaultSteps;
    }

    int defaultWarmup()
    {
        return defaultWarmup;
    }

    /** Floating-point operations of the products in one step per sample of the batch (2 per multiply-add); 0 when not counted. */
    long flopsPerSample()
    {
        return flopsPerSample;
    }

    String descriptor()
    {
        return descriptor;
    }

    /** The descriptor's name, which is also the source name its errors point at. */
    String runName()
    {
        return "bench-" + workloadName;
    }
}
