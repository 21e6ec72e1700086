package io.minimax.spi.tracking;

/** A run's life cycle. */
public enum RunStatus
{
    RUNNING,
    FINISHED,
    FAILED,
    KILLED
}
