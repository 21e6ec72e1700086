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
    TOY("toy", 64, """
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
    IMAGE_MLP("image-mlp", 64, """
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
            """);

    private final String workloadName;
    private final int defaultBatch;
    private final String descriptor;

    BenchWorkload(String workloadName, int defaultBatch, String descriptor)
    {
        this.workloadName = workloadName;
        this.defaultBatch = defaultBatch;
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
