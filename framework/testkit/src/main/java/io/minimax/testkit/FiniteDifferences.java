package io.minimax.testkit;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.fail;

/**
 * Central finite differences, the reference every hand-written backward pass is checked against. Work in
 * {@link DataType#DOUBLE}: in float32 the truncation and rounding errors of a difference quotient are of the same
 * order as the bugs we look for.
 */
public final class FiniteDifferences
{
    public static final double DEFAULT_EPSILON = 1e-6;

    private FiniteDifferences() {}

    /**
     * The numerical gradient of {@code loss} with respect to {@code x}: each element of {@code x} is moved by ±eps in
     * place (and restored) while {@code loss} is re-evaluated. {@code x} must be a DOUBLE array that {@code loss} reads.
     */
    public static INDArray gradient(INDArray x, ToDoubleFunction<INDArray> loss, double epsilon)
    {
        if (x.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("finite differences need a DOUBLE array, got " + x.dataType());
        }
        INDArray flat = x.reshape(x.length());
        INDArray result = Nd4j.zeros(DataType.DOUBLE, x.length());
        for (long i = 0; i < x.length(); i++) {
            double original = flat.getDouble(i);
            flat.putScalar(i, original + epsilon);
            double plus = loss.applyAsDouble(x);
            flat.putScalar(i, original - epsilon);
            double minus = loss.applyAsDouble(x);
            flat.putScalar(i, original);
            result.putScalar(i, (plus - minus) / (2 * epsilon));
        }
        return result.reshape(x.shape());
    }

    public static INDArray gradient(INDArray x, ToDoubleFunction<INDArray> loss)
    {
        return gradient(x, loss, DEFAULT_EPSILON);
    }

    /**
     * Fails, naming the first bad element, unless every element satisfies
     * {@code |analytic - numeric| <= absoluteTolerance + relativeTolerance * max(|analytic|, |numeric|)}.
     */
    public static void assertMatches(String what, INDArray analytic, INDArray numeric, double relativeTolerance, double absoluteTolerance)
    {
        if (analytic.length() != numeric.length()) {
            fail("%s: analytic gradient has %d elements, numeric %d", what, analytic.length(), numeric.length());
        }
        INDArray a = analytic.reshape(analytic.length()).castTo(DataType.DOUBLE);
        INDArray n = numeric.reshape(numeric.length()).castTo(DataType.DOUBLE);
        int bad = 0;
        StringBuilder first = new StringBuilder();
        for (long i = 0; i < a.length(); i++) {
            double av = a.getDouble(i);
            double nv = n.getDouble(i);
            double tolerance = absoluteTolerance + relativeTolerance * Math.max(Math.abs(av), Math.abs(nv));
            if (!(Math.abs(av - nv) <= tolerance)) {
                if (bad < 5) {
                    first.append(String.format("%n  [%d] analytic %.10g vs numeric %.10g", i, av, nv));
                }
                bad++;
            }
        }
        if (bad > 0) {
            fail("%s: %d of %d gradient elements differ from finite differences:%s", what, bad, a.length(), first);
        }
    }

    public static void assertMatches(String what, INDArray analytic, INDArray numeric)
    {
        assertMatches(what, analytic, numeric, 1e-5, 1e-8);
    }
}
