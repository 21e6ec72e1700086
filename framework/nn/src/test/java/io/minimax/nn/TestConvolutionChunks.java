package io.minimax.nn;

import io.minimax.plugin.support.Mkl;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.BiFunction;

import static io.minimax.nn.kernel.GaussianMatrices.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Convolutions taken chunk by chunk of the batch give the whole batch's outputs and input gradients to the bit, and its
 * parameter gradients up to rounding (the chunks' sums are added one after another), at the W4 shapes (where the
 * layers chunk by themselves) and with the smallest chunks, with OpenBLAS and with MKL multiplying.
 */
class TestConvolutionChunks
{
    private static final long WHOLE_BATCH = Long.MAX_VALUE;

    @AfterEach
    void backToOpenBlas()
    {
        Mkl.use(false);
    }

    @Test
    void w4ConvolutionsChunkByThemselvesAndKeepTheWholeBatchBits()
    {
        for (boolean mkl : librariesHere()) {
            Mkl.use(mkl);
            Conv2d conv = new Conv2d(new ConvGeometry(64, 14, 14, 128, 4, 2, 1));
            Deconv2d deconv = Deconv2d.of(128, 7, 7, 64, 4, 2, 1);
            assertThat(chunksOf(conv.geometry(), 128, SampleChunks.CHUNK_BYTES).count()).isGreaterThan(1);
            assertSameBits(conv, 128, (parameters, gradients) -> conv.createPass(parameters, gradients, 128, WHOLE_BATCH),
                    (parameters, gradients) -> conv.createPass(parameters, gradients, 128));
            assertSameBits(deconv, 64, (parameters, gradients) -> deconv.createPass(parameters, gradients, 64, WHOLE_BATCH),
                    (parameters, gradients) -> deconv.createPass(parameters, gradients, 64));
        }
    }

    @Test
    void oneSampleChunksKeepTheWholeBatchBits()
    {
        for (boolean mkl : librariesHere()) {
            Mkl.use(mkl);
            for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                Conv2d conv = new Conv2d(new ConvGeometry(3, 9, 9, 5, 3, 2, 1));
                Deconv2d deconv = Deconv2d.of(4, 5, 5, 2, 4, 2, 1);
                assertSameBits(conv, 7, dataType, (parameters, gradients) -> conv.createPass(parameters, gradients, 7, WHOLE_BATCH),
                        (parameters, gradients) -> conv.createPass(parameters, gradients, 7, 1));
                assertSameBits(deconv, 7, dataType, (parameters, gradients) -> deconv.createPass(parameters, gradients, 7, WHOLE_BATCH),
                        (parameters, gradients) -> deconv.createPass(parameters, gradients, 7, 1));
            }
        }
    }

    @Test
    void chunksCoverTheBatchInOrder()
    {
        SampleChunks chunks = SampleChunks.of(10, 3, 9);
        assertThat(chunks.count()).isEqualTo(4);
        assertThat(new int[] {chunks.first(0), chunks.first(1), chunks.first(2), chunks.first(3), chunks.end(3)})
                .containsExactly(0, 3, 6, 9, 10);
        assertThat(chunks.size(3)).isEqualTo(1);
        assertThat(SampleChunks.of(10, 100, 9).size(0)).isEqualTo(1);
        assertThat(SampleChunks.of(10, 1, 1000).count()).isEqualTo(1);
    }

    private static SampleChunks chunksOf(ConvGeometry geometry, int batch, long chunkBytes)
    {
        return SampleChunks.of(batch, (long) geometry.positions(1) * geometry.columnRows() * Float.BYTES, chunkBytes);
    }

    private static boolean[] librariesHere()
    {
        Nd4j.create(DataType.FLOAT, 1);
        Loader.load(openblas_nolapack.class);
        return Mkl.availability().available() ? new boolean[] {false, true} : new boolean[] {false};
    }

    private static void assertSameBits(Layer layer, int batch, BiFunction<INDArray, INDArray, Layer.Pass> whole,
            BiFunction<INDArray, INDArray, Layer.Pass> chunked)
    {
        assertSameBits(layer, batch, DataType.FLOAT, whole, chunked);
    }

    private static void assertSameBits(Layer layer, int batch, DataType dataType, BiFunction<INDArray, INDArray, Layer.Pass> whole,
            BiFunction<INDArray, INDArray, Layer.Pass> chunked)
    {
        INDArray parameters = gaussian(1, (int) layer.parameterCount(), 1).castTo(dataType).muli(0.1);
        INDArray input = gaussian(batch, (int) layer.inputSize(), 2).castTo(dataType);
        INDArray outputGradient = gaussian(batch, (int) layer.outputSize(), 3).castTo(dataType);
        INDArray wholeGradients = Nd4j.create(dataType, 1, layer.parameterCount());
        INDArray chunkGradients = Nd4j.create(dataType, 1, layer.parameterCount());
        Layer.Pass wholePass = whole.apply(parameters, wholeGradients);
        Layer.Pass chunkPass = chunked.apply(parameters, chunkGradients);
        for (int step = 0; step < 2; step++) {
            // twice: the second pass reuses every buffer and view of the first
            assertThat(bits(chunkPass.forward(input))).as("%s output", layer).isEqualTo(bits(wholePass.forward(input)));
            assertThat(bits(chunkPass.backward(outputGradient, true))).as("%s input gradient", layer)
                    .isEqualTo(bits(wholePass.backward(outputGradient, true)));
            assertClose(chunkGradients, wholeGradients, layer + " parameter gradients");
            chunkPass.backwardToParameters(outputGradient.mul(0.5));
            wholePass.backwardToParameters(outputGradient.mul(0.5));
            assertClose(chunkGradients, wholeGradients, layer + " parameter gradients alone");
        }
    }

    /** Within 1e-5 (FLOAT) or 1e-12 (DOUBLE) of the largest magnitude, and not all zeros. */
    private static void assertClose(INDArray actual, INDArray expected, String what)
    {
        double[] got = bits(actual);
        double[] want = bits(expected);
        double scale = 0;
        for (double value : want) {
            scale = Math.max(scale, Math.abs(value));
        }
        assertThat(scale).as(what).isPositive();
        double tolerance = (actual.dataType() == DataType.FLOAT ? 1e-5 : 1e-12) * scale;
        for (int i = 0; i < want.length; i++) {
            assertThat(got[i]).as("%s [%d]", what, i).isCloseTo(want[i], within(tolerance));
        }
    }

    private static double[] bits(INDArray array)
    {
        return array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
