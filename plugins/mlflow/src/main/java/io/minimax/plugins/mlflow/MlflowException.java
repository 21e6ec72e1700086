package io.minimax.plugins.mlflow;

import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * A request to the tracking server that did not succeed. {@link #serverAway()} tells the two kinds apart: the server
 * could not be reached, timed out or failed (5xx), so the run goes on without it and {@code minimax sync} catches up
 * later; or it refused this request (4xx, with MLflow's error code and message), which no retry would change.
 */
public final class MlflowException
        extends Exception
{
    private final OptionalInt status;
    private final String errorCode;

    MlflowException(String message, OptionalInt status, String errorCode, Throwable cause)
    {
        super(requireNonNull(message, "message is null"), cause);
        this.status = requireNonNull(status, "status is null");
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    /** HTTP status, empty when no answer came (refused connection, timeout). */
    public OptionalInt status()
    {
        return status;
    }

    /** MLflow's error code, e.g. {@code RESOURCE_DOES_NOT_EXIST}; empty when the answer had none. */
    public String errorCode()
    {
        return errorCode;
    }

    public boolean serverAway()
    {
        return status.isEmpty() || status.getAsInt() >= 500 || status.getAsInt() == 429;
    }

    public boolean notFound()
    {
        return status.equals(OptionalInt.of(404)) || errorCode.equals("RESOURCE_DOES_NOT_EXIST");
    }
}
