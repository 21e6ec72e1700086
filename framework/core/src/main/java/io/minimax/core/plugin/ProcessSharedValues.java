package io.minimax.core.plugin;

import io.minimax.spi.SharedValues;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The {@link SharedValues} of one process: a value is loaded by the first request for its key and kept for the life
 * of the registry that owns this (one per process), so training, evaluation and every lockstep lane read one copy.
 * A load runs outside the map's locks, so a slow load of one key never holds up another key.
 */
final class ProcessSharedValues
        implements SharedValues
{
    private final ConcurrentMap<Object, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public <V> V get(Object key, Class<V> type, Supplier<? extends V> loader)
    {
        requireNonNull(key, "key is null");
        requireNonNull(type, "type is null");
        requireNonNull(loader, "loader is null");
        Entry entry = entries.computeIfAbsent(key, ignored -> new Entry());
        Object value;
        try {
            value = entry.value(loader);
        }
        catch (RuntimeException | Error e) {
            // not kept: a file that was missing may be there on the next try
            entries.remove(key, entry);
            throw e;
        }
        if (!type.isInstance(value)) {
            throw new IllegalStateException("shared value " + key + " is a " + value.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(value);
    }

    /** One key's value, loaded once under the entry's own lock. */
    private static final class Entry
    {
        private Object value;

        synchronized Object value(Supplier<?> loader)
        {
            if (value == null) {
                value = requireNonNull(loader.get(), "a shared value's loader returned null");
            }
            return value;
        }
    }
}
