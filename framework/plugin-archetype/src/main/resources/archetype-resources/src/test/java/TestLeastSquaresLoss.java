package ${package};

import io.minimax.spi.loss.LossVariant;
import io.minimax.testkit.LossGradientCheck;
import io.minimax.testkit.TestContexts;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestLeastSquaresLoss
{
    /** Both players' logit gradients against central finite differences of the losses. */
    @Test
    void gradientsMatchFiniteDifferences()
    {
        LossVariant loss = new LeastSquaresLossFactory().create(new LeastSquaresSpec(1.0, -1.0), TestContexts.plugin(1, DataType.DOUBLE));
        LossGradientCheck.check("example-least-squares", loss, 8, 1.0, 42);
    }

    @Test
    void rejectsEqualTargets()
    {
        assertThatThrownBy(() -> new LeastSquaresSpec(1.0, 1.0)).hasMessageContaining("real");
    }
}
