package io.minimax.spi.tracking;

/** A run's life cycle, with MLflow's names. */
public enum RunStatus
{
    RUNNING,
    FINISHED,
    FAILED,
    KILLED
}
