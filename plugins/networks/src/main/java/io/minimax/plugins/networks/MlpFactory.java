package io.minimax.plugins.networks;

import io.minimax.nn.Activation;
import io.minimax.nn.Dense;
import io.minimax.nn.Layer;
import io.minimax.nn.SequentialNetwork;
import io.minimax.nn.Shapes;
import io.minimax.spi.network.Network;
import io.minimax.spi.network.NetworkContext;
import io.minimax.spi.network.NetworkFactory;
import io.minimax.spi.network.NetworkSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds {@link MlpSpec}'s network between the context's shapes: samples are flattened, so the first layer takes
 * the product of the input dimensions and the last gives the product of the output dimensions.
 */
public final class MlpFactory
        implements NetworkFactory<MlpSpec>
{
    @Override
    public String name()
    {
        return "mlp";
    }

    @Override
    public Class<MlpSpec> specClass()
    {
        return MlpSpec.class;
    }

    @Override
    public String description()
    {
        return "multilayer perceptron: dense hidden layers with relu, leaky-relu or tanh, then a linear or tanh output";
    }

    @Override
    public Network create(MlpSpec spec, NetworkContext context)
    {
        Activation hiddenActivation = switch (spec.activation()) {
            case "relu" -> Activation.relu();
            case "leaky-relu" -> Activation.leakyRelu(spec.leak());
            case "tanh" -> Activation.tanh();
            default -> throw new IllegalArgumentException("unknown activation: " + spec.activation());
        };
        Activation outputActivation = spec.outputActivation().equals("tanh") ? Activation.tanh() : Activation.identity();

        List<Layer> layers = new ArrayList<>();
        long width = Shapes.elementCount(context.inputShape());
        for (int hiddenWidth : spec.hidden()) {
            layers.add(new Dense(width, hiddenWidth, hiddenActivation));
            width = hiddenWidth;
        }
        layers.add(new Dense(width, Shapes.elementCount(context.outputShape()), outputActivation));
        return new SequentialNetwork(context.inputShape(), context.outputShape(), layers, context.dataType(), context.random());
    }

    /** Each {@link Dense} layer a → b holds a·b + b parameters, and per sample its output and delta (b each) and input gradient (a). */
    @Override
    public Optional<NetworkSize> size(MlpSpec spec, long[] inputShape, long[] outputShape)
    {
        List<Long> widths = new ArrayList<>();
        widths.add(exactProduct(inputShape));
        spec.hidden().forEach(width -> widths.add((long) width));
        widths.add(exactProduct(outputShape));
        long parameters = 0;
        long activations = 0;
        for (int layer = 1; layer < widths.size(); layer++) {
            long in = widths.get(layer - 1);
            long out = widths.get(layer);
            parameters = Math.addExact(parameters, Math.addExact(Math.multiplyExact(in, out), out));
            activations = Math.addExact(activations, Math.addExact(Math.multiplyExact(2, out), in));
        }
        return Optional.of(new NetworkSize(parameters, activations));
    }

    private static long exactProduct(long[] shape)
    {
        long product = 1;
        for (long dimension : shape) {
            product = Math.multiplyExact(product, dimension);
        }
        return product;
    }
}
