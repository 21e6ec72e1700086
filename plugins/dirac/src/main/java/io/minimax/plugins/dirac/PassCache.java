package io.minimax.plugins.dirac;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A network's buffers and saved state per batch size, for the few most recently used sizes (the engine alternates
 * 2m, m and an evaluation batch), so a training loop allocates nothing after its first iteration.
 */
final class PassCache<P>
{
    private static final int CAPACITY = 8;

    private final LongFunction<P> create;
    // most recently used first
    private final List<Entry<P>> entries = new ArrayList<>();

    PassCache(LongFunction<P> create)
    {
        this.create = create;
    }

    /** The pass for {@code batchSize}, created on first use. */
    P forForward(long batchSize)
    {
        P pass = find(batchSize);
        if (pass == null) {
            pass = create.apply(batchSize);
            entries.add(0, new Entry<>(batchSize, pass));
            if (entries.size() > CAPACITY) {
                entries.remove(entries.size() - 1);
            }
        }
        return pass;
    }

    /** The pass of an earlier forward with {@code batchSize}; {@code what} names the call for the error. */
    P existing(long batchSize, String what)
    {
        P pass = find(batchSize);
        if (pass == null) {
            throw new IllegalStateException(what + " for batch size " + batchSize + " without a forward pass of that size");
        }
        return pass;
    }

    private P find(long batchSize)
    {
        for (int i = 0; i < entries.size(); i++) {
            Entry<P> entry = entries.get(i);
            if (entry.batchSize() == batchSize) {
                if (i > 0) {
                    entries.remove(i);
                    entries.add(0, entry);
                }
                return entry.pass();
            }
        }
        return null;
    }

    private record Entry<P>(long batchSize, P pass) {}
}
