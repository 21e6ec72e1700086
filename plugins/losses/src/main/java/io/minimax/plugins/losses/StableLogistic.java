package io.minimax.plugins.losses;

import io.minimax.plugin.support.Logistic;
import org.nd4j.linalg.api.ndarray.INDArray;

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
 * is why they are not used.
 *
 * <p>Logits are one number per sample, so these run as single passes of plain Java over the arrays' buffers
 * ({@link LogitVector}): a chain of native ops costs 10–50 µs per op, more than the arithmetic itself. Each logit is
 * evaluated in double precision with {@link Math#log1p} and {@link Math#exp}, exact to rounding for every finite f.
 */
final class StableLogistic
{
    /** Σ log σ(f) over all elements: the sum of log D(x). */
    double sumLogSigmoid(INDArray logits)
    {
        return -sumSoftplus(logits, -1);
    }

    /** Σ log(1 − σ(f)) over all elements: the sum of log(1 − D(x)). */
    double sumLogOneMinusSigmoid(INDArray logits)
    {
        return -sumSoftplus(logits, 1);
    }

    /** Writes σ(f) into {@code out}, which has the length of {@code logits} and may be a view (or {@code logits} itself). */
    void sigmoid(INDArray logits, INDArray out)
    {
        LogitVector in = LogitVector.of(requireNonNull(logits, "logits is null"));
        LogitVector result = LogitVector.of(requireNonNull(out, "out is null"));
        in.checkSameLength(result, "the sigmoid's output");
        for (int i = 0; i < in.length(); i++) {
            result.set(i, Logistic.sigmoid(in.get(i)));
        }
    }

    /** Σ softplus(sign·f) for sign ±1, in one pass of exact double arithmetic. */
    private static double sumSoftplus(INDArray logits, int sign)
    {
        LogitVector vector = LogitVector.of(requireNonNull(logits, "logits is null"));
        double sum = 0;
        for (int i = 0; i < vector.length(); i++) {
            sum += Logistic.softplus(sign * vector.get(i));
        }
        return sum;
    }
}
