package io.minimax.core.evaluation;

import io.minimax.core.plot.SampleGrid;
import io.minimax.spi.prior.NoisePrior;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static java.util.Objects.requireNonNull;

/**
 * The noise behind every sample grid of a run: {@value SampleGrid#EVALUATION_CELLS} rows drawn once, at the first
 * grid, from a prior instance made for them whose stream is derived from the run seed alone. Each grid of the run
 * then shows G at the same z, so the grids show the samples evolve rather than a new draw each time; a resumed run
 * draws the same rows again, and drawing them moves no stream a checkpoint restores.
 */
public final class GridNoise
{
    private final NoisePrior prior;
    private final DataType dataType;
    private INDArray noise;

    /** @param prior an instance of the run's prior for the grids alone, its stream at its start */
    public GridNoise(NoisePrior prior, DataType dataType)
    {
        this.prior = requireNonNull(prior, "prior is null");
        this.dataType = requireNonNull(dataType, "dataType is null");
    }

    /** {@code [64, prior dimension]}, the same array at every call: callers must not modify it. */
    INDArray batch()
    {
        if (noise == null) {
            noise = Nd4j.create(dataType, SampleGrid.EVALUATION_CELLS, prior.dimension());
            prior.sample(noise);
        }
        return noise;
    }
}
