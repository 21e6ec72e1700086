package io.minimax.plugin.support;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestNativeArrays
{
    @Test
    void aBufferOfAViewStartsAtTheViewsFirstElement()
    {
        INDArray matrix = Nd4j.createFromArray(new float[][] {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}});
        INDArray lastRows = matrix.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
        assertThat(NativeArrays.isContiguous(lastRows)).isTrue();
        assertThat(NativeArrays.floats(lastRows).get(0)).isEqualTo(3f);
        assertThat(NativeArrays.floats(lastRows).capacity()).isGreaterThanOrEqualTo(6);
        assertThat(NativeArrays.floats(matrix.getRow(2, true)).get(1)).isEqualTo(7f);
    }

    @Test
    void columnsAndTransposesAreNotContiguous()
    {
        INDArray matrix = Nd4j.create(DataType.DOUBLE, 3, 4);
        assertThat(NativeArrays.isContiguous(matrix.transpose())).isFalse();
        assertThat(NativeArrays.isContiguous(matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2)))).isFalse();
        assertThatThrownBy(() -> NativeArrays.doubles(matrix.transpose())).hasMessageContaining("expected a contiguous DOUBLE array");
        assertThatThrownBy(() -> NativeArrays.floats(matrix)).hasMessageContaining("expected a contiguous FLOAT array, got DOUBLE");
    }

    @Test
    void copiesRowMajorWhateverTheLayout()
    {
        INDArray source = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
        INDArray rows = Nd4j.create(DataType.DOUBLE, 4, 2);
        NativeArrays.copy(source, rows.get(NDArrayIndex.interval(2, 4), NDArrayIndex.all()));
        assertThat(rows.getRow(3).toDoubleVector()).containsExactly(3, 4);
        assertThat(rows.getRow(0).toDoubleVector()).containsExactly(0, 0);

        INDArray transposed = Nd4j.create(DataType.DOUBLE, 2, 2).transpose();
        NativeArrays.copy(source, transposed);
        assertThat(transposed).isEqualTo(source);
        assertThatThrownBy(() -> NativeArrays.copy(source, Nd4j.create(DataType.DOUBLE, 3)))
                .hasMessageContaining("cannot copy 4 elements into 3");
    }
}
