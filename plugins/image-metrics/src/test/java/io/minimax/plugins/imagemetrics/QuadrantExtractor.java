package io.minimax.plugins.imagemetrics;

import io.minimax.spi.metric.FeatureExtractor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stand-in for a trained classifier on points in the plane: the features are the points themselves, the class is
 * the quadrant (probability 1). Records how many samples each call was given.
 */
final class QuadrantExtractor
        implements FeatureExtractor
{
    final List<Long> batchSizes = new ArrayList<>();

    @Override
    public int featureDimension()
    {
        return 2;
    }

    @Override
    public int classCount()
    {
        return 4;
    }

    @Override
    public Extraction extract(INDArray samples)
    {
        batchSizes.add(samples.size(0));
        double[][] points = Matrices.rows(samples.castTo(DataType.DOUBLE));
        double[][] probabilities = new double[points.length][4];
        for (int i = 0; i < points.length; i++) {
            boolean right = points[i][0] >= 0;
            boolean top = points[i][1] >= 0;
            probabilities[i][top ? (right ? 0 : 1) : (right ? 3 : 2)] = 1;
        }
        return new Extraction(Nd4j.createFromArray(points), Optional.of(Nd4j.createFromArray(probabilities)));
    }
}
