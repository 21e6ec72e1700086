package io.minimax.plugins.toydata;

import io.minimax.spi.InvalidSpecException;
import io.minimax.spi.SpecProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestToyDataSpecs
{
    @Test
    void ringListsEveryProblemAtOnce()
    {
        assertThat(problems(() -> new RingSpec(0, -1.0, 0.0))).containsExactly(
                new SpecProblem("modes", "must be > 0 (got 0)"),
                new SpecProblem("radius", "must be > 0 (got -1.0)"),
                new SpecProblem("std", "must be > 0 (got 0.0)"));
    }

    @Test
    void gridListsEveryProblemAtOnce()
    {
        assertThat(problems(() -> new GridSpec(-5, 0.0, Double.NaN)))
                .extracting(SpecProblem::field)
                .containsExactly("side", "spacing", "std");
    }

    @Test
    void gaussianNeedsAFiniteMeanAndPositiveStd()
    {
        assertThat(problems(() -> new Gaussian1dSpec(Double.POSITIVE_INFINITY, -1.0)))
                .extracting(SpecProblem::field)
                .containsExactly("mean", "std");
    }

    @Test
    void swissRollAllowsNoNoiseButNotNegativeNoise()
    {
        assertThat(new SwissRollSpec(0.0).noise()).isZero();
        assertThatThrownBy(() -> new SwissRollSpec(-0.1))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("noise: must be >= 0 (got -0.1)");
    }

    @Test
    void uniformNoiseListsEveryBadDimensionAndBound()
    {
        assertThat(problems(() -> new UniformNoiseSpec(Arrays.asList(784, 0, null, -3), Double.NaN, 1.0))).containsExactly(
                new SpecProblem("shape[1]", "must be > 0 (got 0)"),
                new SpecProblem("shape[2]", "must be > 0 (got null)"),
                new SpecProblem("shape[3]", "must be > 0 (got -3)"),
                new SpecProblem("low", "must be a finite number (got NaN)"));
        assertThat(problems(() -> new UniformNoiseSpec(List.of(), 1.0, 1.0))).containsExactly(
                new SpecProblem("shape", "needs at least one dimension"),
                new SpecProblem("high", "must be > low (got 1.0, low 1.0)"));
        assertThatThrownBy(() -> new UniformNoiseSpec(null, -1.0, 1.0))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("shape: is required");
    }

    @Test
    void uniformNoiseKeepsItsOwnCopyOfTheShape()
    {
        List<Integer> shape = new ArrayList<>(List.of(1, 28, 28));
        UniformNoiseSpec spec = new UniformNoiseSpec(shape, 0.0, 1.0);
        shape.set(0, 3);
        assertThat(spec.shape()).containsExactly(1, 28, 28);
        assertThat(spec.sampleShape()).containsExactly(1, 28, 28);
    }

    @Test
    void oneModeAndASideOfOneAreValid()
    {
        assertThat(new RingSpec(1, 1.0, 0.1).mixture().componentCount()).isEqualTo(1);
        assertThat(new GridSpec(1, 2.0, 0.1).mixture().means()).isEqualTo(new double[][] {{0.0, 0.0}});
    }

    private static List<SpecProblem> problems(Executable construction)
    {
        try {
            construction.execute();
        }
        catch (InvalidSpecException e) {
            return e.problems();
        }
        catch (Throwable e) {
            throw new AssertionError("expected an InvalidSpecException", e);
        }
        throw new AssertionError("expected an InvalidSpecException, the spec was accepted");
    }
}
