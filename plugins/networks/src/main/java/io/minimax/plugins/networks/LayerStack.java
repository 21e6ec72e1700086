package io.minimax.plugins.networks;

import io.minimax.nn.Activation;
import io.minimax.nn.ChannelOrder;
import io.minimax.nn.ChannelsLastDense;
import io.minimax.nn.Dense;
import io.minimax.nn.Layer;
import io.minimax.nn.SequentialNetwork;
import io.minimax.nn.Shapes;
import io.minimax.spi.SpecProblem;
import io.minimax.spi.network.Network;
import io.minimax.spi.network.NetworkContext;
import io.minimax.spi.network.NetworkRole;
import io.minimax.spi.network.NetworkSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A list of {@link LayerSpec}s between a network's shapes: every layer's input shape inferred from the one before,
 * problems found without building anything, then the {@link SequentialNetwork}. A dense layer followed by an activation
 * becomes one {@code Dense} with the activation fused in, and so do a batch normalization and a convolution (not a
 * transposed one) followed by an activation that has host kernels (ReLU, leaky ReLU): one pass over the batch fewer
 * each way. Images enter and leave
 * channels-first; where a layer that reads them channels-last (a convolution) meets one that reads them channels-first
 * (a flatten, a dense layer, the network's output), a {@link ChannelOrder} moves them.
 */
final class LayerStack
{
    private final List<LayerSpec> layers;

    LayerStack(List<LayerSpec> layers)
    {
        this.layers = List.copyOf(requireNonNull(layers, "layers is null"));
    }

    /**
     * Every problem between these shapes, with fields {@code <field>[i]} for layer i: a shape it cannot take, batch
     * normalization when {@code doubleBackpropagation} is needed, and a last shape with another number of features
     * than {@code outputShape}.
     */
    List<SpecProblem> check(String field, NetworkRole role, long[] inputShape, long[] outputShape, boolean doubleBackpropagation)
    {
        List<SpecProblem> problems = new ArrayList<>();
        long[] shape = inputShape;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if (doubleBackpropagation && !layer.doubleBackpropagation()) {
                problems.add(new SpecProblem(field + "[" + i + "]", layer.kind() + " does not support double backpropagation, which the "
                        + "gradient penalties need: remove the layer or the penalties"));
            }
            LayerSpec.Shape output = layer.outputShape(shape);
            if (output.problemMessage().isPresent()) {
                problems.add(new SpecProblem(field + "[" + i + "]", output.problemMessage().get()));
                return problems;
            }
            shape = output.shape();
        }
        if (Shapes.elementCount(shape) != Shapes.elementCount(outputShape)) {
            problems.add(new SpecProblem(field, "the layers end with " + LayerSpec.describe(shape) + " but the " + role.key()
                    + " must give " + LayerSpec.describe(outputShape)));
        }
        return problems;
    }

    /** The network; {@link #check} must have found no problem. */
    Network build(NetworkContext context)
    {
        List<Layer> built = new ArrayList<>();
        long[] shape = context.inputShape();
        boolean channelsLast = false;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if (channelsLast && flattensImagesIntoDense(shape, i)) {
                // the dense layer reads the channels-last images itself, in place of the move and the flatten
                LayerSpec.DenseSpec dense = (LayerSpec.DenseSpec) layers.get(i + 1);
                i++;
                if (dense.activation() == Activation.identity() && i + 1 < layers.size()
                        && layers.get(i + 1) instanceof LayerSpec.ActivationSpec activation) {
                    dense = dense.withActivation(activation.activation());
                    i++;
                }
                long[] flat = layer.outputShape(shape).shape();
                Dense denseLayer = (Dense) dense.build(flat);
                built.add(new ChannelsLastDense(denseLayer, Math.toIntExact(shape[0]), Math.toIntExact(shape[1] * shape[2])));
                shape = dense.outputShape(flat).shape();
                channelsLast = false;
                continue;
            }
            if (layer instanceof LayerSpec.DenseSpec dense && dense.activation() == Activation.identity() && i + 1 < layers.size()
                    && layers.get(i + 1) instanceof LayerSpec.ActivationSpec activation) {
                layer = dense.withActivation(activation.activation());
                i++;
            }
            else if (layer instanceof LayerSpec.ConvolutionSpec conv && !conv.transposed() && conv.activation() == Activation.identity()
                    && i + 1 < layers.size() && layers.get(i + 1) instanceof LayerSpec.ActivationSpec activation
                    && activation.activation().hasHostKernels()) {
                layer = conv.withActivation(activation.activation());
                i++;
            }
            else if (layer instanceof LayerSpec.BatchNormSpec batchNorm && batchNorm.activation() == Activation.identity()
                    && i + 1 < layers.size() && layers.get(i + 1) instanceof LayerSpec.ActivationSpec activation
                    && activation.activation().hasHostKernels()) {
                layer = batchNorm.withActivation(activation.activation());
                i++;
            }
            long[] output = layer.outputShape(shape).shape();
            if (output == null) {
                throw new IllegalArgumentException(layer.outputShape(shape).problem());
            }
            LayerSpec.ImageOrder order = layer.imageOrder(shape);
            if (order != LayerSpec.ImageOrder.EITHER && channelsLast != (order == LayerSpec.ImageOrder.CHANNELS_LAST)) {
                channelsLast = !channelsLast;
                reorder(built, shape, channelsLast);
            }
            built.add(layer.build(shape));
            shape = output;
        }
        if (channelsLast) {
            reorder(built, shape, false);
        }
        return new SequentialNetwork(context.inputShape(), context.outputShape(), built, context.dataType(), context.random());
    }

    /** Whether layer i flattens images of {@code shape} that look different in the two orders, and a dense layer follows. */
    private boolean flattensImagesIntoDense(long[] shape, int i)
    {
        if (!(layers.get(i) instanceof LayerSpec.ReshapeSpec reshape) || i + 1 >= layers.size()
                || !(layers.get(i + 1) instanceof LayerSpec.DenseSpec) || shape.length != 3
                || ChannelOrder.sameInBothOrders(shape[0], shape[1] * shape[2])) {
            return false;
        }
        long[] output = reshape.outputShape(shape).shape();
        return output != null && output.length == 1;
    }

    /** Adds the move of {@code shape}'s images into the other order, unless they look the same in both. */
    private static void reorder(List<Layer> built, long[] shape, boolean toChannelsLast)
    {
        if (shape.length != 3 || ChannelOrder.sameInBothOrders(shape[0], shape[1] * shape[2])) {
            return;
        }
        int channels = Math.toIntExact(shape[0]);
        int positions = Math.toIntExact(shape[1] * shape[2]);
        built.add(toChannelsLast ? ChannelOrder.toChannelsLast(channels, positions) : ChannelOrder.toChannelsFirst(channels, positions));
    }

    /** Parameters from the layers themselves (no arrays), buffers from each layer's estimate; empty when a shape does not fit. */
    Optional<NetworkSize> size(long[] inputShape)
    {
        try {
            return sizeOf(inputShape);
        }
        catch (IllegalArgumentException doesNotFit) {
            // the problem itself is reported by check
            return Optional.empty();
        }
    }

    private Optional<NetworkSize> sizeOf(long[] inputShape)
    {
        long parameters = 0;
        long buffers = 0;
        long[] shape = inputShape;
        for (LayerSpec layer : layers) {
            long[] output = layer.outputShape(shape).shape();
            if (output == null) {
                return Optional.empty();
            }
            parameters = Math.addExact(parameters, layer.build(shape).parameterCount());
            buffers = Math.addExact(buffers, layer.buffersPerSample(shape));
            shape = output;
        }
        return Optional.of(new NetworkSize(parameters, buffers));
    }
}
