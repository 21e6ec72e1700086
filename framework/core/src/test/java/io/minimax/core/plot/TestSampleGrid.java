package io.minimax.core.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import javax.imageio.ImageIO;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSampleGrid
{
    @TempDir
    Path temp;

    @Test
    void imagesAreLaidOutInANearSquareGridWithGreyPadding()
            throws Exception
    {
        // 5 images of 2 x 3, each constant: -1, -0.5, 0, 0.5, 1; enlarged 19 times, so the longer side reaches 56 pixels
        float[] values = new float[5 * 6];
        for (int i = 0; i < values.length; i++) {
            values[i] = -1f + 0.5f * (i / 6);
        }
        INDArray samples = Nd4j.createFromArray(values).reshape(5, 1, 2, 3);
        Path file = SampleGrid.write(samples, 64, temp.resolve("grid.png"));
        BufferedImage grid = ImageIO.read(file.toFile());
        int cellWidth = 3 * 19;
        int cellHeight = 2 * 19;
        assertThat(grid.getWidth()).isEqualTo(3 * (cellWidth + 2) + 2);
        assertThat(grid.getHeight()).isEqualTo(2 * (cellHeight + 2) + 2);
        assertThat(grid.getRGB(0, 0) & 0xffffff).isEqualTo(0x808080);
        int[] levels = {0, 64, 128, 191, 255};
        for (int cell = 0; cell < 5; cell++) {
            int x = 2 + (cell % 3) * (cellWidth + 2) + cellWidth / 2;
            int y = 2 + (cell / 3) * (cellHeight + 2) + cellHeight / 2;
            assertThat(grid.getRGB(x, y) & 0xff).as("cell %d", cell).isEqualTo(levels[cell]);
        }
        // the sixth cell of the 3 x 2 grid is empty
        assertThat(grid.getRGB(2 + 2 * (cellWidth + 2) + 10, 2 + cellHeight + 2 + 10) & 0xffffff).isEqualTo(0x808080);
    }

    @Test
    void valuesAreClippedAndNanIsBlack()
    {
        assertThat(SampleGrid.level(-3f)).isZero();
        assertThat(SampleGrid.level(7f)).isEqualTo(255);
        assertThat(SampleGrid.level(Float.NaN)).isZero();
        assertThat(SampleGrid.level(0f)).isEqualTo(128);
    }

    @Test
    void onlyImageShapesMakeGrids()
    {
        assertThat(SampleGrid.isImage(new long[] {1, 28, 28})).isTrue();
        assertThat(SampleGrid.isImage(new long[] {3, 32, 32})).isTrue();
        assertThat(SampleGrid.isImage(new long[] {784})).isFalse();
        assertThat(SampleGrid.isImage(new long[] {2, 28, 28})).isFalse();
        assertThatThrownBy(() -> SampleGrid.image(Nd4j.create(4, 784), 4))
                .hasMessage("a grid shows samples of shape [n, 1 or 3, rows, columns], got [4, 784]");
    }
}
