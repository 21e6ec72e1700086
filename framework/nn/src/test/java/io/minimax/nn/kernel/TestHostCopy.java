package io.minimax.nn.kernel;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.FloatBuffer;

import static org.assertj.core.api.Assertions.assertThat;

class TestHostCopy
{
    @Test
    void readsAContiguousArrayInPlaceAndOthersThroughACopyOfThisStepsValues()
    {
        HostCopy.Buffers buffers = new HostCopy.Buffers();
        INDArray whole = Nd4j.createFromArray(new float[] {1, 2, 3, 4, 5, 6}).reshape('c', 2, 3);
        FloatBuffer wholeBuffer = buffers.of(whole);
        assertThat(buffers.of(whole)).isSameAs(wholeBuffer);
        float[] read = new float[6];
        HostCopy.read(wholeBuffer, 0, read, 0, 6);
        assertThat(read).containsExactly(1, 2, 3, 4, 5, 6);
        // writes reach the array's own memory
        HostCopy.write(new float[] {9}, 0, wholeBuffer, 4, 1);
        assertThat(whole.getFloat(1, 1)).isEqualTo(9f);

        // a column slice is not contiguous, a DOUBLE array not FLOAT: each read sees the values as they are now
        INDArray columns = whole.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3));
        INDArray doubles = Nd4j.createFromArray(new double[] {0.5, -1.5});
        float[] sliced = new float[4];
        HostCopy.read(buffers.of(columns), 0, sliced, 0, 4);
        assertThat(sliced).containsExactly(2, 3, 9, 6);
        whole.putScalar(0, 1, 7f);
        HostCopy.read(buffers.of(columns), 0, sliced, 0, 4);
        assertThat(sliced).containsExactly(7, 3, 9, 6);
        float[] converted = new float[2];
        HostCopy.read(buffers.of(doubles), 0, converted, 0, 2);
        assertThat(converted).containsExactly(0.5f, -1.5f);
    }
}
