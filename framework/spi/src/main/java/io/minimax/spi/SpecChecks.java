package io.minimax.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a spec before failing, so a user fixes a descriptor in one pass:
 * <pre>{@code
 * public RingSpec {
 *     SpecChecks.check()
 *             .positive("modes", modes)
 *             .positive("std", std)
 *             .orThrow();
 * }
 * }</pre>
 */
public final class SpecChecks
{
    private final List<SpecProblem> problems = new ArrayList<>();

    private SpecChecks() {}

    public static SpecChecks check()
    {
        return new SpecChecks();
    }

    public SpecChecks that(boolean condition, String field, String message)
    {
        if (!condition) {
            problems.add(new SpecProblem(field, message));
        }
        return this;
    }

    public SpecChecks notNull(String field, Object value)
    {
        return that(value != null, field, "is required");
    }

    public SpecChecks positive(String field, double value)
    {
        return that(value > 0 && Double.isFinite(value), field, "must be > 0 (got " + value + ")");
    }

    public SpecChecks positive(String field, long value)
    {
        return that(value > 0, field, "must be > 0 (got " + value + ")");
    }

    public SpecChecks nonNegative(String field, double value)
    {
        return that(value >= 0 && Double.isFinite(value), field, "must be >= 0 (got " + value + ")");
    }

    public SpecChecks nonNegative(String field, long value)
    {
        return that(value >= 0, field, "must be >= 0 (got " + value + ")");
    }

    public SpecChecks finite(String field, double value)
    {
        return that(Double.isFinite(value), field, "must be a finite number (got " + value + ")");
    }

    /** {@code low <= value < high}. */
    public SpecChecks inHalfOpenRange(String field, double value, double low, double high)
    {
        return that(value >= low && value < high, field, "must be in [" + low + ", " + high + ") (got " + value + ")");
    }

    /** {@code low <= value <= high}. */
    public SpecChecks inClosedRange(String field, double value, double low, double high)
    {
        return that(value >= low && value <= high, field, "must be in [" + low + ", " + high + "] (got " + value + ")");
    }

    public SpecChecks oneOf(String field, String value, List<String> allowed)
    {
        return that(value != null && allowed.contains(value), field,
                "must be one of " + String.join(", ", allowed) + " (got '" + value + "')");
    }

    public List<SpecProblem> problems()
    {
        return List.copyOf(problems);
    }

    public void orThrow()
    {
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
    }
}
