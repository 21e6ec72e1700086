package io.minimax.spi;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a spec: the offending component (a key relative to the spec's section, e.g. {@code std}
 * or {@code hidden[1]}) and a message that names the value, e.g. {@code must be > 0 (got -1.0)}.
 */
public record SpecProblem(String field, String message)
{
    public SpecProblem
    {
        requireNonNull(field, "field is null");
        requireNonNull(message, "message is null");
    }

    @Override
    public String toString()
    {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
