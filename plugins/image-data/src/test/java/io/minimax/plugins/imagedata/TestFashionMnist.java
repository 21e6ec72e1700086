package io.minimax.plugins.imagedata;

import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.LabeledImages;
import io.minimax.testkit.FashionMnistPackage;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real data set, from Debian's package (installed by the test when missing): its sizes, classes and scale. */
class TestFashionMnist
{
    private static final List<Integer> ALL = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

    @Test
    void bothSplitsHaveTenBalancedClassesOf28By28ImagesScaledToMinusOneToOne()
    {
        String folder = FashionMnistPackage.folder().toString();
        CountingSharedValues shared = new CountingSharedValues();
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        DataSource train = ImageDataPlugin.FASHION_MNIST.create(new FashionMnistSpec(folder, "train", ALL), SharingContext.of(1, shared));
        long loaded = System.nanoTime();
        DataSource again = ImageDataPlugin.FASHION_MNIST.create(new FashionMnistSpec(folder, "train", List.of(0, 9)),
                SharingContext.of(2, shared));
        long shared2 = System.nanoTime();
        System.out.printf("TestFashionMnist: 60000 training images loaded in %.0f ms (heap +%.1f MB); a second source of them in %.1f ms%n",
                (loaded - start) / 1e6, (usedHeap() - heapBefore) / 1e6, (shared2 - loaded) / 1e6);
        assertThat(shared.loads()).isEqualTo(1);

        LabeledImages images = train.labeledImages().orElseThrow();
        assertThat(images.size()).isEqualTo(60_000);
        assertThat(images.imageShape()).containsExactly(1, 28, 28);
        assertThat(images.classFrequencies()).containsOnly(0.1);
        assertThat(again.labeledImages().orElseThrow().size()).isEqualTo(12_000);

        DataSource test = ImageDataPlugin.FASHION_MNIST.create(new FashionMnistSpec(folder, "test", ALL), SharingContext.of(1, shared));
        assertThat(test.labeledImages().orElseThrow().size()).isEqualTo(10_000);
        assertThat(test.labeledImages().orElseThrow().classFrequencies()).containsOnly(0.1);

        INDArray batch = Nd4j.create(DataType.FLOAT, 256, 1, 28, 28);
        train.sample(batch);
        assertThat(batch.minNumber().doubleValue()).isEqualTo(-1.0);
        assertThat(batch.maxNumber().doubleValue()).isEqualTo(1.0);
    }

    private static long usedHeap()
    {
        System.gc();
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }
}
