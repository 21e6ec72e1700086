package io.minimax.core.descriptor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.minimax.core.descriptor.Descriptors.FULL;
import static io.minimax.core.descriptor.Descriptors.MINIMAL;
import static io.minimax.core.descriptor.Descriptors.loader;
import static io.minimax.core.descriptor.Descriptors.parse;
import static io.minimax.core.descriptor.Descriptors.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDescriptorProblems
{
    @Test
    void unknownTypeSuggestsTheClosestAndListsTheKnown()
    {
        assertThatThrownBy(() -> parse(FULL.replace("type: non-saturating", "type: non-saturatng")))
                .isInstanceOf(DescriptorException.class)
                .hasMessage("loss.type: unknown loss 'non-saturatng' (did you mean 'non-saturating'? known: minimax, non-saturating)");
        assertThat(problems(FULL.replace("type: non-saturating", "type: wasserstein")))
                .containsExactly("loss.type: unknown loss 'wasserstein' (known: minimax, non-saturating)");
        assertThat(problems(FULL.replace("{ type: ring,", "{ type: rnig,")))
                .containsExactly("data.type: unknown data source 'rnig' (did you mean 'ring'? known: grid, ring)");
    }

    @Test
    void reproducibilityIsFastestOrPortable()
    {
        assertThat(parse(MINIMAL + "reproducibility: portable\n").runs().get(0).spec().reproducibility())
                .isEqualTo(io.minimax.core.platform.Reproducibility.PORTABLE);
        assertThat(problems(MINIMAL + "reproducibility: portabel\n"))
                .containsExactly("reproducibility: unknown reproducibility 'portabel' (did you mean 'portable'? known: fastest, portable)");
    }

    @Test
    void unknownKeysAreErrorsWithSuggestions()
    {
        assertThat(problems(FULL.replace("batchSize: 256", "batchsize: 256")))
                .containsExactly("train.batchsize: unknown key (did you mean 'batchSize'?)", "train.batchSize: is required");
        assertThat(problems(MINIMAL + "sed: 3\n"))
                .containsExactly("sed: unknown key (did you mean 'seed'?)");
        assertThat(problems(FULL.replace("radius: 1.0", "radus: 1.0, colour: red")))
                .containsExactly("data.radus: unknown key (did you mean 'radius'?)",
                        "data.colour: unknown key (known: type, modes, radius, std)");
        assertThat(problems(FULL.replace("  discriminator: { type: adam", "  discrimintor: { type: adam")))
                .containsExactly("optimizer.discrimintor: unknown key (did you mean 'discriminator'?)",
                        "optimizer.discriminator: is required");
    }

    @Test
    void wrongTypesNameTheExpectedTypeAndTheValue()
    {
        assertThat(problems(MINIMAL.replace("steps: 300", "steps: many"))).containsExactly("train.steps: expected an integer, got 'many'");
        assertThat(problems(MINIMAL.replace("steps: 300", "steps: 1.5"))).containsExactly("train.steps: expected an integer, got '1.5'");
        assertThat(problems(MINIMAL.replace("steps: 300", "steps: \"300\"")))
                .containsExactly("train.steps: expected an integer, got '300'");
        assertThat(problems(MINIMAL.replace("batchSize: 64", "batchSize: 3000000000")))
                .containsExactly("train.batchSize: must be between -2147483648 and 2147483647 (got 3000000000)");
        assertThat(problems(MINIMAL.replace("{ type: ring }", "{ type: ring, std: wide }")))
                .containsExactly("data.std: expected a number, got 'wide'");
        assertThat(problems(MINIMAL.replace("generator: { type: mlp }", "generator: { type: mlp, hidden: [8, x], batchNorm: 1 }")))
                .containsExactly("generator.hidden[1]: expected an integer, got 'x'",
                        "generator.batchNorm: expected a boolean (true or false), got '1'");
        assertThat(problems(MINIMAL.replace("discriminator: { type: mlp }", "discriminator: { type: mlp, hidden: 128 }")))
                .containsExactly("discriminator.hidden: expected a list, got '128'");
        assertThat(problems(MINIMAL.replace("data: { type: ring }", "data: ring")))
                .containsExactly("data: expected a mapping with a 'type' key, got 'ring'");
        assertThat(problems(MINIMAL.replace("name: minimal", "name: [a, b]"))).containsExactly("name: expected a string, got a list");
        assertThat(problems(MINIMAL + "metrics: { type: mode-coverage }\n"))
                .containsExactly("metrics: expected a list of metric sections, got a mapping");
    }

    @Test
    void rangeErrorsComeFromSpecsAndFrameworkSections()
    {
        assertThat(problems(FULL.replace("std: 0.01", "std: -1")))
                .containsExactly("data.std: must be > 0 (got -1.0)");
        assertThat(problems(FULL.replace("hidden: [128, 128], activation: relu", "hidden: [-3, 128], activation: sigmoid")))
                .containsExactly("generator.activation: must be one of relu, leaky-relu, tanh (got 'sigmoid')",
                        "generator.hidden[0]: must be > 0 (got -3)");
        assertThat(problems(FULL.replace("batchSize: 256", "batchSize: 0").replace("logEvery: 20", "logEvery: -1")
                .replace("seed: 1", "seed: -1")))
                .containsExactly("seed: must be >= 0 (got -1)", "train.batchSize: must be > 0 (got 0)",
                        "train.logEvery: must be > 0 (got -1)");
        assertThat(problems(FULL.replace("updates: simultaneous", "updates: alternatng")))
                .containsExactly("train.updates: unknown update rule 'alternatng' (did you mean 'alternating'? known: alternating, "
                        + "simultaneous)");
        assertThat(problems(FULL.replace("name: ring8-loss-comparison", "name: ring 8/loss")))
                .containsExactly("name: must be letters, digits, '.', '_' or '-' only, as it names a folder (got 'ring 8/loss')");
        assertThat(problems(FULL.replace("name: ring8-loss-comparison", "name: ..")))
                .singleElement().asString().startsWith("name: must be letters");
    }

    @Test
    void missingRequiredFieldsAndParameters()
    {
        String descriptor = """
                description: nothing else
                train: { logEvery: 5 }
                prior: { type: gaussian }
                loss: {}
                optimizer:
                  generator: { type: sgd }
                """;
        assertThat(problems(descriptor)).containsExactly(
                "name: is required",
                "train.steps: is required",
                "train.batchSize: is required",
                "data: is required",
                "prior.dim: is required (noise dimension)",
                "loss.type: is required (known: minimax, non-saturating)",
                "generator: is required",
                "discriminator: is required",
                "optimizer.generator.learningRate: is required (step size)",
                "optimizer.discriminator: is required");
        assertThat(problems(MINIMAL.replace("optimizer:\n  generator: { type: adam }\n  discriminator: { type: sgd, learningRate: 0.05 }\n",
                "")))
                .containsExactly("optimizer.generator: is required", "optimizer.discriminator: is required");
    }

    @Test
    void everyProblemIsReportedAtOnceOnePerLine()
    {
        String descriptor = FULL
                .replace("batchSize: 256", "batchSize: -4")
                .replace("{ type: ring, modes: 8, radius: 1.0, std: 0.01 }",
                        "{ type: ring, modes: 8, radius: 1.0, std: -0.01, colour: red }")
                .replace("type: non-saturating", "type: non-saturatng")
                .replace("{ type: gaussian, dim: 2 }", "{ type: gaussian }")
                .replace("evalEvery: 500", "evalEvery: often");

        assertThatThrownBy(() -> parse(descriptor))
                .isInstanceOf(DescriptorException.class)
                .hasMessage(String.join("\n",
                        "train.batchSize: must be > 0 (got -4)",
                        "train.evalEvery: expected an integer, got 'often'",
                        "data.colour: unknown key (known: type, modes, radius, std)",
                        "data.std: must be > 0 (got -0.01)",
                        "prior.dim: is required (noise dimension)",
                        "loss.type: unknown loss 'non-saturatng' (did you mean 'non-saturating'? known: minimax, non-saturating)"));
    }

    @Test
    void yamlSyntaxErrorsNameLineAndColumn()
    {
        assertThat(problems("name: broken\ntrain: { steps: 3\nloss: [\n"))
                .singleElement().asString()
                .startsWith("descriptor.yaml: YAML syntax error at line 3, column 5: ");
        assertThat(problems("name: broken\ntrain:\n  steps: 3\n  bad: key: here\n"))
                .containsExactly("descriptor.yaml: YAML syntax error at line 4, column 11: mapping values are not allowed here");
    }

    @Test
    void duplicateKeysAreErrors()
    {
        assertThat(problems(MINIMAL.replace("  batchSize: 64\n", "  batchSize: 64\n  steps: 400\n")))
                .containsExactly("descriptor.yaml: YAML syntax error at line 5, column 8: duplicate key 'steps'");
    }

    @Test
    void jsonSyntaxErrorsNameTheLine()
    {
        assertThatThrownBy(() -> loader().parse("{\n  \"name\": \"x\",\n  \"train\": }\n", "bad.json", true, List.of()))
                .isInstanceOf(DescriptorException.class)
                .hasMessageStartingWith("bad.json: JSON syntax error at line 3, column 12: ");
    }

    @Test
    void emptyAndNonMappingDescriptors()
    {
        assertThat(problems("")).containsExactly("descriptor.yaml: the descriptor is empty");
        assertThat(problems("# only a comment\n")).containsExactly("descriptor.yaml: the descriptor is empty");
        assertThat(problems("- name: x\n"))
                .containsExactly("descriptor.yaml: expected a mapping of keys (name, train, data, ...) at the top level, got a list");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path temp)
    {
        Path missing = temp.resolve("nowhere.yaml");
        assertThatThrownBy(() -> loader().load(missing, List.of()))
                .isInstanceOf(DescriptorException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void aFileThatIsNotTextIsNamed(@TempDir Path temp)
            throws IOException
    {
        Path binary = Files.write(temp.resolve("binary.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThatThrownBy(() -> loader().load(binary, List.of()))
                .isInstanceOf(DescriptorException.class)
                .hasMessage(binary + ": cannot read the descriptor: not UTF-8 text");
        assertThatThrownBy(() -> loader().load(temp, List.of()))
                .isInstanceOf(DescriptorException.class)
                .hasMessageStartingWith(temp + ": cannot read the descriptor: ");
    }

    @Test
    void badOverridesAreReportedWithTheirPath()
    {
        assertThat(problems(MINIMAL,
                "train.stpes=100",
                "nothing",
                "trian.steps=3",
                "loss.labelSmoothing=0.1",
                "generator.hidden=[64,",
                "tracking.uri=http://localhost",
                "generator.hidden[0]=3",
                "metrics[0].type=mode-coverage",
                "a..b=1",
                "sweep.seed=[1]"))
                .containsExactly(
                        "--set train.stpes: unknown key 'stpes' (did you mean 'steps'?)",
                        "--set nothing: expected path=value, e.g. train.steps=100",
                        "--set trian.steps: unknown key 'trian' (did you mean 'train'?)",
                        "--set loss.labelSmoothing: unknown key 'labelSmoothing' (known: type)",
                        "--set generator.hidden: cannot read the value '[64,': YAML syntax error at line 1, column 4: "
                                + "while parsing a flow node: expected the node content, but found '<stream end>'",
                        "--set tracking.uri: 'tracking' is not in the descriptor: set the whole section, with its type",
                        "--set generator.hidden[0]: cannot set a part of 'generator.hidden': set the whole value",
                        "--set metrics[0].type: 'metrics[0]' is not in the descriptor",
                        "--set a..b: not a path: expected keys joined by '.', e.g. train.steps or optimizer.generator.learningRate",
                        "--set sweep.seed: the sweep cannot be set or swept");
    }

    @Test
    void overridesThatMakeTheDescriptorInvalidAreReportedAtTheirField()
    {
        assertThat(problems(MINIMAL, "train.steps=-5", "data.std=0"))
                .containsExactly("train.steps: must be > 0 (got -5)", "data.std: must be > 0 (got 0.0)");
    }
}
