package io.minimax.core.engine;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A lockstep's optimizer state cut into each lane's share, shaped as the run's own optimizer shapes it, and joined back. */
class TestOptimizerStateShares
{
    @Test
    void eachLaneGetsItsParametersIntervalAndTheSharedStepCount()
    {
        List<Long> bounds = List.of(0L, 2L, 4L, 6L);
        var moments = Nd4j.createFromArray(new float[] {1, 2, 3, 4, 5, 6});
        var rows = Nd4j.createFromArray(new float[][] {{10, 20, 30, 40, 50, 60}});
        var count = Nd4j.createFromArray(new long[] {7});

        List<List<INDArray>> shares = ParameterVectors.split(List.of(moments, rows, count), bounds);

        assertThat(shares).hasSize(3);
        assertThat(shares.get(1).get(0).toFloatVector()).containsExactly(3, 4);
        assertThat(shares.get(1).get(0).shape()).containsExactly(2);
        assertThat(shares.get(2).get(1).toFloatVector()).containsExactly(50, 60);
        assertThat(shares.get(2).get(1).shape()).containsExactly(1, 2);
        assertThat(shares.get(0).get(2).toLongVector()).containsExactly(7);

        List<INDArray> joined = ParameterVectors.join(shares, bounds);
        assertThat(joined.get(0)).isEqualTo(moments);
        assertThat(joined.get(1)).isEqualTo(rows);
        assertThat(joined.get(2)).isEqualTo(count);
    }

    @Test
    void aRunAloneKeepsItsStateWhole()
    {
        var moments = Nd4j.createFromArray(new float[] {1, 2, 3});
        assertThat(ParameterVectors.split(List.of(moments), List.of(0L, 3L))).containsExactly(List.of(moments));
    }
}
