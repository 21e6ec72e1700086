package io.minimax.plugins.networks;

import io.minimax.spi.InvalidSpecException;
import io.minimax.spi.SpecProblem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class TestMlpSpec
{
    @Test
    void acceptsDefaults()
    {
        MlpSpec spec = new MlpSpec(List.of(128, 128), "relu", 0.2, "none");
        assertThat(spec.hidden()).containsExactly(128, 128);
        assertThat(new MlpSpec(List.of(), "tanh", 0, "tanh").hidden()).isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnce()
    {
        assertThatThrownBy(() -> new MlpSpec(List.of(128, -4, 0), "sigmoid", 1.5, "softmax"))
                .asInstanceOf(type(InvalidSpecException.class))
                .extracting(InvalidSpecException::problems)
                .asInstanceOf(list(SpecProblem.class))
                .containsExactly(
                        new SpecProblem("hidden[1]", "must be > 0 (got -4)"),
                        new SpecProblem("hidden[2]", "must be > 0 (got 0)"),
                        new SpecProblem("activation", "must be one of relu, leaky-relu, tanh (got 'sigmoid')"),
                        new SpecProblem("leak", "must be in [0.0, 1.0) (got 1.5)"),
                        new SpecProblem("outputActivation", "must be one of none, tanh (got 'softmax')"));
    }

    @Test
    void messageNamesFieldsAndValues()
    {
        assertThatThrownBy(() -> new MlpSpec(List.of(-1), "swish", 0.2, "none"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("hidden[0]: must be > 0 (got -1)")
                .hasMessageContaining("activation: must be one of relu, leaky-relu, tanh (got 'swish')");
    }

    @Test
    void rejectsMissingAndNullWidths()
    {
        assertThatThrownBy(() -> new MlpSpec(null, "relu", 0.2, "none")).hasMessageContaining("hidden: is required");
        assertThatThrownBy(() -> new MlpSpec(Arrays.asList(8, null), "relu", -0.1, "none"))
                .hasMessageContaining("hidden[1]: must be > 0 (got null)")
                .hasMessageContaining("leak: must be in [0.0, 1.0) (got -0.1)");
    }

    @Test
    void copiesHiddenWidths()
    {
        List<Integer> hidden = new ArrayList<>(List.of(4, 5));
        MlpSpec spec = new MlpSpec(hidden, "relu", 0.2, "none");
        hidden.set(0, 99);
        assertThat(spec.hidden()).containsExactly(4, 5);
    }
}
