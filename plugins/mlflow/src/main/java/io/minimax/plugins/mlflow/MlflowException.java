package io.minimax.plugins.mlflow;

import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * A request to the tracking server that did not succeed. {@link #serverAway()} tells the two kinds apart: the server
 * could not be reached, timed out or failed (5xx), so the run goes on without it and {@code minimax sync} catches up
 * later; or it refused this request (4xx, with MLflow's error code and message), which no retry would change. A redirect
 * that Minimax will not follow (to another origin, or from https to http) counts as the server being away.
 */
public final class MlflowException
        extends Exception
{
    private final OptionalInt status;
    private final String errorCode;
    private final boolean redirectRefused;

    MlflowException(String message, OptionalInt status, String errorCode, Throwable cause)
    {
        this(message, status, errorCode, cause, false);
    }

    private MlflowException(String message, OptionalInt status, String errorCode, Throwable cause, boolean redirectRefused)
    {
        super(requireNonNull(message, "message is null"), cause);
        this.status = requireNonNull(status, "status is null");
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
        this.redirectRefused = redirectRefused;
    }

    /**
     * The server sent us elsewhere and we did not go: for this process it is as good as unreachable (the journal keeps
     * everything), and asking again would only be sent elsewhere again.
     */
    static MlflowException redirectRefused(String message, int status)
    {
        return new MlflowException(message, OptionalInt.of(status), "", null, true);
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
        return redirectRefused || status.isEmpty() || status.getAsInt() >= 500 || status.getAsInt() == 429;
    }

    public boolean notFound()
    {
        return status.equals(OptionalInt.of(404)) || errorCode.equals("RESOURCE_DOES_NOT_EXIST");
    }
}
