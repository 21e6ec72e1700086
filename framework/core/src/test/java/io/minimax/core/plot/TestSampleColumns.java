package io.minimax.core.plot;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.assertj.core.api.Assertions.assertThat;

class TestSampleColumns
{
    @Test
    void columnsOfAViewInRowOrder()
    {
        // a transposed view of an f-ordered slice: the copy must follow logical order, not the buffer's
        INDArray wide = Nd4j.createFromArray(new float[][] {{1, 2, 3, 4}, {10, 20, 30, 40}}).dup('f');
        INDArray samples = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 4)).transpose();

        SampleColumns columns = SampleColumns.of(samples, "samples");

        assertThat(columns.dimension()).isEqualTo(2);
        assertThat(columns.columns()[0]).containsExactly(2, 3, 4);
        assertThat(columns.columns()[1]).containsExactly(20, 30, 40);
        assertThat(columns.dropped()).isZero();
    }

    @Test
    void rowsWithANonFiniteCoordinateAreDropped()
    {
        INDArray samples = Nd4j.createFromArray(new double[][] {{1, 2}, {Double.NaN, 3}, {4, Double.NEGATIVE_INFINITY}, {5, 6}});

        SampleColumns columns = SampleColumns.of(samples, "samples");

        assertThat(columns.columns()[0]).containsExactly(1, 5);
        assertThat(columns.columns()[1]).containsExactly(2, 6);
        assertThat(columns.dropped()).isEqualTo(2);
        assertThat(columns.minimum(1)).isEqualTo(2);
        assertThat(columns.maximum(0)).isEqualTo(5);
    }

    @Test
    void vectorIsOneDimensional()
    {
        SampleColumns columns = SampleColumns.of(Nd4j.createFromArray(3f, 1f, 2f), "samples");

        assertThat(columns.dimension()).isEqualTo(1);
        assertThat(columns.size()).isEqualTo(3);
        assertThat(columns.columns()[0]).containsExactly(3, 1, 2);
    }
}
