package io.minimax.plugins.networks;

import io.minimax.nn.Activation;
import io.minimax.spi.SpecProblem;
import io.minimax.spi.network.Network;
import io.minimax.spi.network.NetworkContext;
import io.minimax.spi.network.NetworkFactory;
import io.minimax.spi.network.NetworkRole;
import io.minimax.spi.network.NetworkSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DCGAN for {@code [C, H, W]} images with H and W divisible by 4; with b base channels:
 * <ul>
 * <li>generator: z → dense 2b·(H/4)·(W/4) → BN → ReLU → reshape [2b, H/4, W/4] → deconv b (k4 s2 p1) → BN → ReLU →
 *     deconv C (k4 s2 p1) → tanh;</li>
 * <li>discriminator: conv b (k4 s2 p1) → leaky ReLU → conv 2b (k4 s2 p1) → [BN] → leaky ReLU → flatten → dense 1.</li>
 * </ul>
 * At 28×28×1 and b = 64 these are the W4 networks of {@code minimax bench dcgan}. The role is told by the shapes: the
 * generator's input is a noise vector, the discriminator's an image.
 */
public final class DcganFactory
        implements NetworkFactory<DcganSpec>
{
    @Override
    public String name()
    {
        return "dcgan";
    }

    @Override
    public Class<DcganSpec> specClass()
    {
        return DcganSpec.class;
    }

    @Override
    public String description()
    {
        return "DCGAN for [C, H, W] images (H, W divisible by 4): two stride-2 (transposed) convolutions, batch norm in the generator";
    }

    @Override
    public Network create(DcganSpec spec, NetworkContext context)
    {
        List<SpecProblem> problems = check(spec, context.role(), context.inputShape(), context.outputShape(), false);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).toString());
        }
        return stack(spec, context.role(), image(context.role(), context.inputShape(), context.outputShape())).build(context);
    }

    @Override
    public Optional<NetworkSize> size(DcganSpec spec, long[] inputShape, long[] outputShape)
    {
        NetworkRole role = inputShape.length == 3 ? NetworkRole.DISCRIMINATOR : NetworkRole.GENERATOR;
        long[] image = image(role, inputShape, outputShape);
        return imageProblem(image).isPresent() ? Optional.empty() : stack(spec, role, image).size(inputShape);
    }

    @Override
    public List<SpecProblem> check(DcganSpec spec, NetworkRole role, long[] inputShape, long[] outputShape, boolean doubleBackpropagation)
    {
        long[] image = image(role, inputShape, outputShape);
        Optional<String> problem = imageProblem(image);
        if (problem.isPresent()) {
            return List.of(new SpecProblem("", problem.get()));
        }
        if (doubleBackpropagation && batchNorm(spec, role)) {
            return List.of(new SpecProblem("batchNorm", "batch normalization does not support double backpropagation, which the gradient "
                    + "penalties need: set batchNorm: false or remove the penalties"));
        }
        return stack(spec, role, image).check("layers", role, inputShape, outputShape, doubleBackpropagation);
    }

    /** The layers, as a {@code layers} network would list them. */
    static LayerStack stack(DcganSpec spec, NetworkRole role, long[] image)
    {
        int base = spec.baseChannels();
        boolean batchNorm = batchNorm(spec, role);
        List<LayerSpec> layers = new ArrayList<>();
        if (role == NetworkRole.GENERATOR) {
            long height = image[1] / 4;
            long width = image[2] / 4;
            layers.add(new LayerSpec.DenseSpec(2L * base * height * width, Activation.identity()));
            addNormalizedActivation(layers, batchNorm, Activation.relu());
            layers.add(new LayerSpec.ReshapeSpec(new long[] {2L * base, height, width}));
            layers.add(new LayerSpec.ConvolutionSpec(true, base, 4, 2, 1));
            addNormalizedActivation(layers, batchNorm, Activation.relu());
            layers.add(new LayerSpec.ConvolutionSpec(true, Math.toIntExact(image[0]), 4, 2, 1));
            layers.add(new LayerSpec.ActivationSpec(Activation.tanh()));
        }
        else {
            Activation leaky = Activation.leakyRelu(spec.leak());
            layers.add(new LayerSpec.ConvolutionSpec(false, base, 4, 2, 1));
            layers.add(new LayerSpec.ActivationSpec(leaky));
            layers.add(new LayerSpec.ConvolutionSpec(false, 2 * base, 4, 2, 1));
            addNormalizedActivation(layers, batchNorm, leaky);
            layers.add(new LayerSpec.ReshapeSpec(null));
            layers.add(new LayerSpec.DenseSpec(1, Activation.identity()));
        }
        return new LayerStack(layers);
    }

    private static void addNormalizedActivation(List<LayerSpec> layers, boolean batchNorm, Activation activation)
    {
        if (batchNorm) {
            layers.add(new LayerSpec.BatchNormSpec());
        }
        layers.add(new LayerSpec.ActivationSpec(activation));
    }

    private static boolean batchNorm(DcganSpec spec, NetworkRole role)
    {
        return spec.batchNorm() == null ? role == NetworkRole.GENERATOR : spec.batchNorm();
    }

    private static long[] image(NetworkRole role, long[] inputShape, long[] outputShape)
    {
        return role == NetworkRole.GENERATOR ? outputShape : inputShape;
    }

    private static Optional<String> imageProblem(long[] image)
    {
        if (image.length != 3 || image[1] % 4 != 0 || image[2] % 4 != 0) {
            return Optional.of("dcgan needs [C, H, W] images with H and W divisible by 4, got " + LayerSpec.describe(image)
                    + " from the data source");
        }
        return Optional.empty();
    }
}
