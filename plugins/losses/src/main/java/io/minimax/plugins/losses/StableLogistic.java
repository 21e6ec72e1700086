package io.minimax.plugins.losses;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log1p;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The logistic function and its logarithms on arrays of discriminator logits f, in forms that stay finite for any
 * finite f. Every loss variant on D = σ(f) builds on these two identities instead of taking {@code log(sigmoid(f))}:
 * <pre>
 *   log σ(f)       = −softplus(−f)
 *   log(1 − σ(f))  = −softplus(f)
 *   softplus(x)    = max(x, 0) + log1p(exp(−|x|))
 * </pre>
 * ND4J's own {@code softplus} and {@code logSigmoid} overflow to ±∞ (FLOAT at |f| = 100, DOUBLE at |f| = 1000), which
 * is why they are not used; its sigmoid is stable and is.
 *
 * <p>An instance keeps one scratch array per shape and data type, so steady-state training allocates nothing.
 * Not thread-safe: each loss instance owns its own.
 */
public final class StableLogistic
{
    // a handful of shapes at most (training batch, evaluation batch): a list searched without allocating a key
    private final List<INDArray> scratch = new ArrayList<>();

    /** Σ log σ(f) over all elements: the sum of log D(x). */
    public double sumLogSigmoid(INDArray logits)
    {
        return -sumSoftplus(logits, -1);
    }

    /** Σ log(1 − σ(f)) over all elements: the sum of log(1 − D(x)). */
    public double sumLogOneMinusSigmoid(INDArray logits)
    {
        return -sumSoftplus(logits, 1);
    }

    /** Writes σ(f) into {@code out}, which has the shape of {@code logits} and may be a view. */
    public void sigmoid(INDArray logits, INDArray out)
    {
        requireNonNull(logits, "logits is null");
        requireNonNull(out, "out is null");
        if (!Arrays.equals(logits.shape(), out.shape())) {
            throw new IllegalArgumentException("sigmoid output has shape " + Arrays.toString(out.shape())
                    + " but the logits have " + Arrays.toString(logits.shape()));
        }
        Nd4j.getExecutioner().exec(new Sigmoid(logits, out));
    }

    /**
     * Σ softplus(sign·f) for sign ±1. Uses max(x, 0) = (x + |x|)/2 so that the whole sum costs three reductions and
     * four element-wise ops on one scratch array. ND4J's log1p evaluates log(1 + x), so the correction term rounds
     * to 0 once e^−|f| falls below the type's epsilon: an absolute error under 2.2e−16 (DOUBLE) or 1.2e−7 (FLOAT)
     * per element, never a relative blow-up.
     */
    private double sumSoftplus(INDArray logits, int sign)
    {
        requireNonNull(logits, "logits is null");
        INDArray work = scratchFor(logits);
        Nd4j.getExecutioner().exec(new Abs(logits, work));
        double sumOfMagnitudes = work.sumNumber().doubleValue();
        double sumOfLogits = logits.sumNumber().doubleValue();
        work.negi();
        Nd4j.getExecutioner().exec(new Exp(work, work));
        Nd4j.getExecutioner().exec(new Log1p(work, work));
        double sumOfCorrections = work.sumNumber().doubleValue();
        return 0.5 * (sign * sumOfLogits + sumOfMagnitudes) + sumOfCorrections;
    }

    private INDArray scratchFor(INDArray logits)
    {
        for (INDArray candidate : scratch) {
            if (candidate.dataType() == logits.dataType() && Arrays.equals(candidate.shape(), logits.shape())) {
                return candidate;
            }
        }
        INDArray created = Nd4j.create(logits.dataType(), logits.shape());
        scratch.add(created);
        return created;
    }

    /** softplus(x) = log(1 + eˣ) for one double, exact to rounding for every finite x. */
    public static double softplus(double x)
    {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** σ(x) for one double, without overflow of exp for large |x|. */
    public static double sigmoid(double x)
    {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double exp = Math.exp(x);
        return exp / (1 + exp);
    }
}
