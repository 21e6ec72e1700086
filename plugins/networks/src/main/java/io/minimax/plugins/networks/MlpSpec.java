package io.minimax.plugins.networks;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

import java.util.List;

/** A multilayer perceptron: fully connected hidden layers with one activation, then a linear or tanh output layer. */
public record MlpSpec(
        @Param(description = "Widths of the hidden layers, from the input side; [] gives a single affine layer",
                defaultValue = "[128, 128]")
        List<Integer> hidden,
        @Param(description = "Activation of every hidden layer: relu, leaky-relu or tanh", defaultValue = "relu")
        String activation,
        @Param(description = "Slope of leaky-relu for negative inputs, in [0, 1); ignored by the other activations", defaultValue = "0.2")
        double leak,
        @Param(description = "Activation of the output layer: none (linear, e.g. logits) or tanh (e.g. images in [-1, 1])",
                defaultValue = "none")
        String outputActivation)
        implements PluginSpec
{
    public static final List<String> ACTIVATIONS = List.of("relu", "leaky-relu", "tanh");
    public static final List<String> OUTPUT_ACTIVATIONS = List.of("none", "tanh");

    public MlpSpec
    {
        SpecChecks checks = SpecChecks.check().notNull("hidden", hidden);
        if (hidden != null) {
            for (int i = 0; i < hidden.size(); i++) {
                Integer width = hidden.get(i);
                checks.that(width != null && width > 0, "hidden[" + i + "]", "must be > 0 (got " + width + ")");
            }
        }
        checks.oneOf("activation", activation, ACTIVATIONS)
                .inHalfOpenRange("leak", leak, 0, 1)
                .oneOf("outputActivation", outputActivation, OUTPUT_ACTIVATIONS)
                .orThrow();
        hidden = List.copyOf(hidden);
    }
}
