package io.minimax.plugins.networks;

import io.minimax.nn.Activation;
import io.minimax.nn.ActivationLayer;
import io.minimax.nn.BatchNorm;
import io.minimax.nn.Conv2d;
import io.minimax.nn.ConvGeometry;
import io.minimax.nn.Deconv2d;
import io.minimax.nn.Dense;
import io.minimax.nn.Layer;
import io.minimax.nn.ReshapeLayer;
import io.minimax.nn.Shapes;

import java.util.Arrays;
import java.util.Optional;

/**
 * One entry of a {@code layers} list, checked for itself (its own values) when parsed and against the shape before it
 * when the list is planned ({@link LayerStack}). Shapes are per sample: {@code [features]} or {@code [C, H, W]}.
 */
sealed interface LayerSpec
{
    /** The entry's key in a descriptor, e.g. {@code conv}. */
    String kind();

    /** The output shape for {@code input}, or the message saying why the layer does not take it. */
    Shape outputShape(long[] input);

    /** The layer between {@code input} and its {@link #outputShape}, with {@code activation} fused in where it can be. */
    Layer build(long[] input);

    /** Elements a pass of the layer keeps per sample (outputs, gradients), roughly. */
    long buffersPerSample(long[] input);

    /** Whether the layer can back-propagate twice (gradient penalties). */
    default boolean doubleBackpropagation()
    {
        return true;
    }

    /**
     * The order the layer reads an image input in ({@link io.minimax.nn.ChannelOrder}): channels-last for the
     * convolutions and image batch normalization, channels-first (the flatten order) for dense layers and reshapes,
     * either for element-wise layers. The default is channels-first.
     */
    default ImageOrder imageOrder(long[] input)
    {
        return ImageOrder.CHANNELS_FIRST;
    }

    enum ImageOrder
    {
        CHANNELS_FIRST, CHANNELS_LAST, EITHER
    }

    /** An output shape, or why there is none. */
    record Shape(long[] shape, String problem)
    {
        static Shape of(long... shape)
        {
            return new Shape(shape, null);
        }

        static Shape problem(String message)
        {
            return new Shape(null, message);
        }

        Optional<String> problemMessage()
        {
            return Optional.ofNullable(problem);
        }
    }

    static String describe(long[] shape)
    {
        return Arrays.toString(shape);
    }

    /** {@code dense: units}: a fully connected layer on the flattened input; a following activation is fused in. */
    record DenseSpec(long units, Activation activation)
            implements LayerSpec
    {
        @Override
        public String kind()
        {
            return "dense";
        }

        @Override
        public Shape outputShape(long[] input)
        {
            return Shape.of(units);
        }

        @Override
        public Layer build(long[] input)
        {
            return new Dense(Shapes.elementCount(input), units, activation);
        }

        @Override
        public long buffersPerSample(long[] input)
        {
            return Math.addExact(Math.multiplyExact(2, units), Shapes.elementCount(input));
        }

        DenseSpec withActivation(Activation fused)
        {
            return new DenseSpec(units, fused);
        }
    }

    /**
     * {@code conv} and {@code deconv}: a 2-D (transposed) convolution with bias on {@code [C, H, W]}; a following
     * activation with host kernels is fused into a {@code conv}.
     */
    record ConvolutionSpec(boolean transposed, int filters, int kernel, int stride, int padding, Activation activation)
            implements LayerSpec
    {
        ConvolutionSpec(boolean transposed, int filters, int kernel, int stride, int padding)
        {
            this(transposed, filters, kernel, stride, padding, Activation.identity());
        }

        /** A convolution with {@code fused} applied chunk by chunk of its output (see {@link Conv2d}). */
        ConvolutionSpec withActivation(Activation fused)
        {
            return new ConvolutionSpec(transposed, filters, kernel, stride, padding, fused);
        }

        @Override
        public ImageOrder imageOrder(long[] input)
        {
            return ImageOrder.CHANNELS_LAST;
        }

        @Override
        public String kind()
        {
            return transposed ? "deconv" : "conv";
        }

        @Override
        public Shape outputShape(long[] input)
        {
            if (input.length != 3) {
                return Shape.problem(kind() + " expects [C, H, W] input, got " + describe(input));
            }
            if (transposed) {
                long height = (input[1] - 1) * stride - 2L * padding + kernel;
                long width = (input[2] - 1) * stride - 2L * padding + kernel;
                if (height <= 0 || width <= 0) {
                    return Shape.problem(kind() + " of " + describe(input) + " with kernel " + kernel + ", stride " + stride + ", padding "
                            + padding + " has no output pixels");
                }
                return Shape.of(filters, height, width);
            }
            if (input[1] + 2L * padding < kernel || input[2] + 2L * padding < kernel) {
                return Shape.problem(kind() + " kernel " + kernel + " does not fit the input " + describe(input) + " padded by " + padding);
            }
            return Shape.of(filters, (input[1] + 2L * padding - kernel) / stride + 1, (input[2] + 2L * padding - kernel) / stride + 1);
        }

        @Override
        public Layer build(long[] input)
        {
            int channels = Math.toIntExact(input[0]);
            int height = Math.toIntExact(input[1]);
            int width = Math.toIntExact(input[2]);
            return transposed
                    ? Deconv2d.of(channels, height, width, filters, kernel, stride, padding)
                    : new Conv2d(new ConvGeometry(channels, height, width, filters, kernel, stride, padding), activation);
        }

        @Override
        public long buffersPerSample(long[] input)
        {
            long in = Shapes.elementCount(input);
            long out = Shapes.elementCount(outputShape(input).shape());
            // transposed input and output, the output, its gradient twice, the input gradient twice; the im2col matrices
            // are taken a few MB at a time, whatever the batch
            return Math.addExact(Math.multiplyExact(3, in), Math.multiplyExact(4, out));
        }
    }

    /**
     * {@code batchnorm: {}}: per channel of {@code [C, H, W]}, or per feature of {@code [n]}; a following activation with
     * host kernels is fused in.
     */
    record BatchNormSpec(Activation activation)
            implements LayerSpec
    {
        BatchNormSpec()
        {
            this(Activation.identity());
        }

        BatchNormSpec withActivation(Activation fused)
        {
            return new BatchNormSpec(fused);
        }

        @Override
        public ImageOrder imageOrder(long[] input)
        {
            return input.length == 3 ? ImageOrder.CHANNELS_LAST : ImageOrder.CHANNELS_FIRST;
        }

        @Override
        public String kind()
        {
            return "batchnorm";
        }

        @Override
        public Shape outputShape(long[] input)
        {
            return input.length == 1 || input.length == 3
                    ? Shape.of(input)
                    : Shape.problem("batchnorm expects [C, H, W] or [features] input, got " + describe(input));
        }

        @Override
        public Layer build(long[] input)
        {
            return input.length == 3
                    ? new BatchNorm(Math.toIntExact(input[0]), Math.toIntExact(input[1] * input[2]), activation)
                    : new BatchNorm(Math.toIntExact(input[0]), 1, activation);
        }

        @Override
        public long buffersPerSample(long[] input)
        {
            return Math.multiplyExact(4, Shapes.elementCount(input));
        }

        @Override
        public boolean doubleBackpropagation()
        {
            return false;
        }
    }

    /** {@code activation: relu}: element-wise, any shape. */
    record ActivationSpec(Activation activation)
            implements LayerSpec
    {
        @Override
        public ImageOrder imageOrder(long[] input)
        {
            return ImageOrder.EITHER;
        }

        @Override
        public String kind()
        {
            return "activation";
        }

        @Override
        public Shape outputShape(long[] input)
        {
            return Shape.of(input);
        }

        @Override
        public Layer build(long[] input)
        {
            return new ActivationLayer(Shapes.elementCount(input), activation);
        }

        @Override
        public long buffersPerSample(long[] input)
        {
            return Math.multiplyExact(2, Shapes.elementCount(input));
        }
    }

    /** {@code reshape: [C, H, W]} or {@code flatten: {}} (target null). */
    record ReshapeSpec(long[] target)
            implements LayerSpec
    {
        @Override
        public String kind()
        {
            return target == null ? "flatten" : "reshape";
        }

        @Override
        public Shape outputShape(long[] input)
        {
            long count = Shapes.elementCount(input);
            if (target == null) {
                return Shape.of(count);
            }
            if (Shapes.elementCount(target) != count) {
                return Shape.problem("reshape to " + describe(target) + " needs " + Shapes.elementCount(target) + " features, got "
                        + describe(input) + " (" + count + ")");
            }
            return Shape.of(target.clone());
        }

        @Override
        public Layer build(long[] input)
        {
            return new ReshapeLayer(input, outputShape(input).shape());
        }

        @Override
        public long buffersPerSample(long[] input)
        {
            return 0;
        }

        @Override
        public boolean equals(Object other)
        {
            return other instanceof ReshapeSpec that && Arrays.equals(target, that.target);
        }

        @Override
        public int hashCode()
        {
            return Arrays.hashCode(target);
        }

        @Override
        public String toString()
        {
            return kind() + (target == null ? "" : " " + describe(target));
        }
    }
}
