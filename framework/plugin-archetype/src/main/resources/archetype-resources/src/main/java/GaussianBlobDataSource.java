package ${package};

import io.minimax.spi.RandomSource;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.Density;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** p_data = N((x, y), std² I) in the plane, with its density in closed form. */
final class GaussianBlobDataSource
        implements DataSource
{
    private final GaussianBlobSpec spec;
    private final RandomSource random;

    GaussianBlobDataSource(GaussianBlobSpec spec, RandomSource random)
    {
        this.spec = requireNonNull(spec, "spec is null");
        this.random = requireNonNull(random, "random is null");
    }

    @Override
    public long[] sampleShape()
    {
        return new long[] {2};
    }

    @Override
    public void sample(INDArray out)
    {
        random.gaussian(out, 0, spec.std());
        out.addiRowVector(centre(out.dataType()));
    }

    @Override
    public Optional<Density> density()
    {
        // log N(p; μ, σ²I) in two dimensions: −‖p − μ‖² / 2σ² − log(2πσ²)
        return Optional.of(points -> {
            INDArray offsets = points.castTo(DataType.DOUBLE).subRowVector(centre(DataType.DOUBLE));
            double variance = spec.std() * spec.std();
            return offsets.mul(offsets).sum(1).divi(-2 * variance).subi(Math.log(2 * Math.PI * variance));
        });
    }

    private INDArray centre(DataType dataType)
    {
        return Nd4j.createFromArray(spec.x(), spec.y()).castTo(dataType);
    }
}
