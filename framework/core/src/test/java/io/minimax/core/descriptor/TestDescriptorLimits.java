package io.minimax.core.descriptor;

import org.junit.jupiter.api.Test;

import static io.minimax.core.descriptor.Descriptors.FULL;
import static io.minimax.core.descriptor.Descriptors.MINIMAL;
import static io.minimax.core.descriptor.Descriptors.parse;
import static io.minimax.core.descriptor.Descriptors.problems;
import static org.assertj.core.api.Assertions.assertThat;

class TestDescriptorLimits
{
    @Test
    void textOverTheLimitIsRefusedBeforeParsing()
    {
        String text = MINIMAL + "description: " + "x".repeat(DescriptorReader.MAX_CHARACTERS) + "\n";
        assertThat(problems(text))
                .containsExactly("descriptor.yaml: the descriptor is " + text.length()
                        + " characters long; descriptors are limited to 1048576 (1 MB)");
    }

    @Test
    void aliasesAreRefusedAtTheirPathAndAnchorsAloneAreHarmless()
    {
        assertThat(parse(MINIMAL.replace("generator: { type: mlp }", "generator: { type: mlp, hidden: &h [8, 8] }")).runs()).hasSize(1);
        assertThat(problems(FULL
                .replace("hidden: [128, 128], activation: relu", "hidden: &h [128, 128], activation: relu")
                .replace("hidden: [128, 128], activation: leaky-relu", "hidden: [64, *h], activation: leaky-relu")
                .replace("- { type: mode-coverage }", "- &coverage { type: mode-coverage }\n  - *coverage")))
                .containsExactly(
                        "discriminator.hidden[1]: YAML aliases (*h) are not supported; write the value",
                        "metrics[1]: YAML aliases (*coverage) are not supported; write the value");
    }

    @Test
    void aNameLongerThanTheLimitIsRefused()
    {
        assertThat(spec("n".repeat(DescriptorBinder.MAX_NAME_LENGTH)).name()).hasSize(DescriptorBinder.MAX_NAME_LENGTH);
        assertThat(problems(MINIMAL.replace("name: minimal", "name: " + "n".repeat(DescriptorBinder.MAX_NAME_LENGTH + 1))))
                .containsExactly("name: must be at most 100 characters, as it names a folder and the MLflow experiment (got 101)");
    }

    private static ExperimentSpec spec(String name)
    {
        return Descriptors.spec(MINIMAL.replace("name: minimal", "name: " + name));
    }
}
