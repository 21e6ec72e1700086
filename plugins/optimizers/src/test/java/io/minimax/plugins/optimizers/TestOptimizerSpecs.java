package io.minimax.plugins.optimizers;

import io.minimax.spi.InvalidSpecException;
import io.minimax.spi.SpecProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class TestOptimizerSpecs
{
    @Test
    void acceptsDefaults()
    {
        assertThatCode(() -> new SgdSpec(0.01)).doesNotThrowAnyException();
        assertThatCode(() -> new MomentumSpec(0.01, 0.9, false)).doesNotThrowAnyException();
        assertThatCode(() -> new MomentumSpec(0.01, 0, false)).doesNotThrowAnyException();
        assertThatCode(() -> new AdamSpec(0.0002, 0.9, 0.999, 1e-8)).doesNotThrowAnyException();
        assertThatCode(() -> new AdamSpec(0.0002, 0, 0, 1e-8)).doesNotThrowAnyException();
    }

    @Test
    void sgdNeedsPositiveLearningRate()
    {
        assertThatThrownBy(() -> new SgdSpec(0)).hasMessage("learningRate: must be > 0 (got 0.0)");
        assertThatThrownBy(() -> new SgdSpec(Double.NaN)).hasMessageContaining("learningRate: must be > 0");
    }

    @Test
    void momentumReportsEveryProblem()
    {
        assertThatThrownBy(() -> new MomentumSpec(-1, 1.0, false))
                .asInstanceOf(type(InvalidSpecException.class))
                .extracting(InvalidSpecException::problems)
                .asInstanceOf(list(SpecProblem.class))
                .containsExactly(
                        new SpecProblem("learningRate", "must be > 0 (got -1.0)"),
                        new SpecProblem("momentum", "must be in [0.0, 1.0) (got 1.0)"));
        assertThatThrownBy(() -> new MomentumSpec(0.1, 0, true)).hasMessage("nesterov: needs momentum > 0 (got momentum 0.0)");
    }

    @Test
    void adamReportsEveryProblem()
    {
        assertThatThrownBy(() -> new AdamSpec(0, -0.1, 1, 0))
                .asInstanceOf(type(InvalidSpecException.class))
                .extracting(InvalidSpecException::problems)
                .asInstanceOf(list(SpecProblem.class))
                .containsExactly(
                        new SpecProblem("learningRate", "must be > 0 (got 0.0)"),
                        new SpecProblem("beta1", "must be in [0.0, 1.0) (got -0.1)"),
                        new SpecProblem("beta2", "must be in [0.0, 1.0) (got 1.0)"),
                        new SpecProblem("epsilon", "must be > 0 (got 0.0)"));
    }
}
