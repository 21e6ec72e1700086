package io.minimax.plugins.losses;

import io.minimax.spi.Plugin;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.loss.GradientPenalty;
import io.minimax.spi.loss.GradientPenaltyFactory;
import io.minimax.testkit.DoubleBackpropagationCheck;
import io.minimax.testkit.NetworkGradientCheck;
import io.minimax.testkit.PenaltyGradientCheck;
import io.minimax.testkit.SpecDefaults;
import io.minimax.testkit.TestContexts;
import io.minimax.testkit.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** R1, R2 and WGAN-GP: values in closed form, and their parameter gradients against finite differences. */
class TestGradientPenalties
{
    static Stream<String> penalties()
    {
        return factories().map(GradientPenaltyFactory::name);
    }

    @ParameterizedTest
    @MethodSource("penalties")
    void parameterGradientMatchesFiniteDifferencesOfThePenalty(String name)
    {
        PenaltyGradientCheck.check(name, create(name, Map.of()), TestNetworks.asLane(new DiagonalQuadraticNetwork(3, 1), DataType.DOUBLE),
                5, 2);
    }

    @Test
    void theTestDiscriminatorIsRight()
    {
        NetworkGradientCheck.check(TestNetworks.asLane(new DiagonalQuadraticNetwork(3, 3), DataType.DOUBLE), 4, 4);
        DoubleBackpropagationCheck.check(TestNetworks.asLane(new DiagonalQuadraticNetwork(3, 5), DataType.DOUBLE), 4, 6);
    }

    @Test
    void r1IsHalfGammaTimesTheMeanSquaredGradientNormOnRealSamples()
    {
        GradientPenalty penalty = create("r1", Map.of("gamma", 4.0));
        INDArray gradients = Nd4j.createFromArray(new double[][] {{3, 4}, {1, 0}});
        INDArray valueGradient = Nd4j.create(DataType.DOUBLE, 2, 2);

        // (γ/2)·(25 + 1)/2
        assertThat(penalty.value(gradients, valueGradient)).isCloseTo(26.0, within(1e-12));
        // (γ/m)·g
        assertThat(valueGradient.toDoubleMatrix()).isEqualTo(new double[][] {{6, 8}, {2, 0}});
        assertThat(points(penalty)).isEqualTo(REAL);
    }

    @Test
    void r2IsTheSameOnGeneratedSamples()
    {
        GradientPenalty penalty = create("r2", Map.of("gamma", 4.0));
        INDArray valueGradient = Nd4j.create(DataType.DOUBLE, 2, 2);
        assertThat(penalty.value(Nd4j.createFromArray(new double[][] {{3, 4}, {1, 0}}), valueGradient)).isCloseTo(26.0, within(1e-12));
        assertThat(points(penalty)).isEqualTo(GENERATED);
    }

    @Test
    void wganGpPullsGradientNormsToOne()
    {
        GradientPenalty penalty = create("wgan-gp", Map.of("lambda", 2.0));
        INDArray valueGradient = Nd4j.create(DataType.DOUBLE, 3, 2);

        // norms 5, 1 and 0: λ/m·(16 + 0 + 1)
        double value = penalty.value(Nd4j.createFromArray(new double[][] {{3, 4}, {0.6, 0.8}, {0, 0}}), valueGradient);

        assertThat(value).isCloseTo(2.0 * 17 / 3, within(1e-12));
        // (2λ/m)(‖g‖ − 1)·g/‖g‖: (16/3)(0.6, 0.8) for the first; 0 at norm 1, and 0 where the norm has no derivative
        assertThat(valueGradient.getDouble(0, 0)).isCloseTo(3.2, within(1e-12));
        assertThat(valueGradient.getDouble(0, 1)).isCloseTo(64.0 / 15, within(1e-12));
        assertThat(valueGradient.getRow(1).toDoubleVector()).containsExactly(0, 0);
        assertThat(valueGradient.getRow(2).toDoubleVector()).containsExactly(0, 0);
    }

    @Test
    void wganGpInterpolatesEachPairAtAFreshRandomPoint()
    {
        GradientPenalty penalty = create("wgan-gp", Map.of());
        double[][] first = points(penalty);
        double[][] second = points(penalty);

        for (double[][] points : new double[][][] {first, second}) {
            for (int i = 0; i < points.length; i++) {
                // x̂ − G(z) = t·(x − G(z)) with one t in [0, 1) for both coordinates
                double t = (points[i][0] - GENERATED[i][0]) / (REAL[i][0] - GENERATED[i][0]);
                assertThat(t).isBetween(0.0, 1.0);
                assertThat(points[i][1] - GENERATED[i][1]).isCloseTo(t * (REAL[i][1] - GENERATED[i][1]), within(1e-12));
            }
        }
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void wganGpKeepsTheShapeOfImages()
    {
        GradientPenalty penalty = create("wgan-gp", Map.of());
        INDArray real = Nd4j.ones(DataType.DOUBLE, 3, 1, 2, 2);
        INDArray generated = Nd4j.zeros(DataType.DOUBLE, 3, 1, 2, 2);
        INDArray points = Nd4j.create(DataType.DOUBLE, 3, 1, 2, 2);

        penalty.points(real, generated, points);

        for (long i = 0; i < 3; i++) {
            double t = points.getDouble(i, 0, 0, 0);
            assertThat(t).isBetween(0.0, 1.0);
            assertThat(points.getDouble(i, 0, 1, 1)).isEqualTo(t);
        }
    }

    private static final double[][] REAL = {{1, 2}, {3, -1}, {0, 5}};
    private static final double[][] GENERATED = {{-1, 0}, {2, 2}, {4, 1}};

    private static double[][] points(GradientPenalty penalty)
    {
        INDArray points = Nd4j.create(DataType.DOUBLE, 3, 2);
        penalty.points(Nd4j.createFromArray(REAL), Nd4j.createFromArray(GENERATED), points);
        return points.toDoubleMatrix();
    }

    private static Stream<GradientPenaltyFactory<?>> factories()
    {
        return ServiceLoader.load(Plugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(LossesPlugin.class::isInstance)
                .flatMap(plugin -> plugin.gradientPenalties().stream());
    }

    private static GradientPenalty create(String name, Map<String, Object> parameters)
    {
        return create(factories().filter(factory -> factory.name().equals(name)).findFirst().orElseThrow(), parameters);
    }

    private static <S extends PluginSpec> GradientPenalty create(GradientPenaltyFactory<S> factory, Map<String, Object> parameters)
    {
        return factory.create(SpecDefaults.build(factory.specClass(), parameters), TestContexts.plugin(7, DataType.DOUBLE));
    }
}
