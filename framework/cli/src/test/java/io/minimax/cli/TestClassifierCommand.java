package io.minimax.cli;

import io.minimax.testkit.FashionMnistPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.minimax.cli.CliHarness.minimax;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code minimax classifier}: the shipped weights' test accuracy, and training that repeats bit for bit. */
class TestClassifierCommand
{
    private static final Pattern ACCURACY = Pattern.compile("^accuracy (0\\.\\d{4})$", Pattern.MULTILINE);

    @Test
    void theShippedClassifierGetsAtLeastNinetyPercentOfTheTestImagesRight()
    {
        CliHarness.Result result = minimax("classifier", "evaluate", "--dataset", "fashion-mnist", "--path",
                FashionMnistPackage.folder().toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        Matcher matcher = ACCURACY.matcher(result.out());
        assertThat(matcher.find()).as(result.out()).isTrue();
        assertThat(Double.parseDouble(matcher.group(1))).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void trainingTwiceWithTheSameSettingsWritesTheSameBytes(@TempDir Path temp)
            throws Exception
    {
        Path first = temp.resolve("first/weights.bin");
        Path second = temp.resolve("second/weights.bin");
        for (Path out : new Path[] {first, second}) {
            CliHarness.Result result = minimax("classifier", "train", "--epochs", "1", "--images", "300", "--path",
                    FashionMnistPackage.folder().toString(), "--out", out.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("trained on 300 images", "test accuracy 0.");
        }
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(Files.size(first)).isEqualTo(436_202L * Float.BYTES);
        assertThat(Files.readString(temp.resolve("first/weights.json")))
                .contains("\"dtype\": \"<f4\"", "\"shape\": [436202]", "\"images\": 300", "\"epochs\": 1", "\"testAccuracy\": 0.");
        CliHarness.Result evaluated = minimax("classifier", "evaluate", "--weights", first.toString(), "--path",
                FashionMnistPackage.folder().toString());
        assertThat(evaluated.out()).containsPattern(ACCURACY);
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo(@TempDir Path temp)
            throws Exception
    {
        CliHarness.Result dataset = minimax("classifier", "evaluate", "--dataset", "mnist");
        assertThat(dataset.exitCode()).isEqualTo(2);
        assertThat(dataset.err().strip()).isEqualTo("minimax: --dataset: no classifier for 'mnist' (known: fashion-mnist)");

        Path truncated = Files.write(temp.resolve("short.bin"), new byte[] {1, 2, 3, 4});
        CliHarness.Result weights = minimax("classifier", "evaluate", "--weights", truncated.toString());
        assertThat(weights.exitCode()).isEqualTo(2);
        assertThat(weights.err().strip()).isEqualTo("minimax: --weights: " + truncated
                + ": 4 bytes, but the classifier's 436202 float32 parameters take 1744808");

        CliHarness.Result missing = minimax("classifier", "evaluate", "--path", temp.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("minimax: --path: ").contains("apt-get install dataset-fashion-mnist")
                .doesNotContain("\n");
    }
}
