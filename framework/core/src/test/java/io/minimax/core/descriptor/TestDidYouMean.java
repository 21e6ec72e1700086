package io.minimax.core.descriptor;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestDidYouMean
{
    @Test
    void distanceCountsTranspositionsAsOneEdit()
    {
        assertThat(DidYouMean.distance("ring", "ring")).isZero();
        assertThat(DidYouMean.distance("rnig", "ring")).isEqualTo(1);
        assertThat(DidYouMean.distance("non-saturatng", "non-saturating")).isEqualTo(1);
        assertThat(DidYouMean.distance("", "adam")).isEqualTo(4);
    }

    @Test
    void suggestsOnlyWhatIsReasonablyClose()
    {
        List<String> keys = List.of("steps", "batchSize", "discriminatorSteps", "updates", "logEvery", "evalEvery");
        assertThat(DidYouMean.closest("batchsize", keys)).contains("batchSize");
        assertThat(DidYouMean.closest("discriminatorStep", keys)).contains("discriminatorSteps");
        assertThat(DidYouMean.closest("evalevry", keys)).contains("evalEvery");
        assertThat(DidYouMean.closest("colour", keys)).isEmpty();
        assertThat(DidYouMean.closest("x", List.of("y"))).isEmpty();
    }

    @Test
    void messagesListTheKnownNames()
    {
        assertThat(DidYouMean.unknownName("loss", "non-saturatng", List.of("minimax", "non-saturating")))
                .isEqualTo("unknown loss 'non-saturatng' (did you mean 'non-saturating'? known: minimax, non-saturating)");
        assertThat(DidYouMean.unknownName("tracker", "mlflow", List.of())).isEqualTo("unknown tracker 'mlflow' (known: none installed)");
        assertThat(DidYouMean.unknownKey("batchsize", List.of("steps", "batchSize"))).isEqualTo("unknown key (did you mean 'batchSize'?)");
        assertThat(DidYouMean.unknownKey("colour", List.of("type", "std"))).isEqualTo("unknown key (known: type, std)");
    }
}
