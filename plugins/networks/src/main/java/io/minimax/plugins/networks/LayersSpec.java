package io.minimax.plugins.networks;

import io.minimax.spi.InvalidSpecException;
import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecProblem;

import java.util.List;

/**
 * A network written out layer by layer ({@link LayerSpecParser} lists the kinds). Each entry is checked here on its own;
 * the shapes between them are inferred and checked against the network's input and output when the descriptor is
 * validated ({@link LayersFactory#check}).
 */
public record LayersSpec(
        @Param(description = "The layers from the input side, each a map with one key, its kind: {dense: 256}, {conv: {filters: 64, "
                + "kernel: 4, stride: 2, padding: 1}}, {deconv: {...}}, {batchnorm: {}}, {activation: relu|leaky-relu|tanh|identity} "
                + "(or {type: leaky-relu, leak: 0.1}), {reshape: [128, 7, 7]}, {flatten: {}}")
        List<Object> layers)
        implements PluginSpec
{
    public LayersSpec
    {
        if (layers == null) {
            throw new InvalidSpecException(List.of(new SpecProblem("layers", "is required")));
        }
        layers = List.copyOf(layers);
        LayerSpecParser parser = new LayerSpecParser();
        parser.parse("layers", layers);
        if (!parser.problems().isEmpty()) {
            throw new InvalidSpecException(parser.problems());
        }
    }

    /** The layers as parsed; the constructor has checked every entry. */
    LayerStack stack()
    {
        return new LayerStack(new LayerSpecParser().parse("layers", layers));
    }
}
