package io.minimax.spi.tracking;

import java.util.Optional;

/**
 * A tracker that copies runs into a store of its own (a tracking server). After {@link #close} the framework asks
 * where the run went and remembers it in the journal.
 */
public interface MirroringTracker
        extends Tracker
{
    /** Empty when the run never reached the store (server unreachable). Called after {@link #close}. */
    Optional<MirroredRun> mirroredRun();
}
