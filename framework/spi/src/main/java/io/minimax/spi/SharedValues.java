package io.minimax.spi;

import java.util.function.Supplier;

/**
 * Values loaded once per process and shared, read-only, by every run, evaluation and lockstep lane that asks with an
 * equal key: a data set read from disk is held once however many instances of its data source a process makes.
 * The framework's implementation keeps each value for the life of the process; {@link #unshared()} loads every time.
 */
public interface SharedValues
{
    /**
     * The value for {@code key}, made by {@code loader} on the first request; callers that ask for the same key
     * meanwhile wait for that one load. A load that throws is not kept, so the next request tries again.
     *
     * @param key a value with {@code equals} and {@code hashCode} (a record), naming everything the value depends on,
     *     e.g. a file's canonical path; keys of different plugins must not collide, so include a plugin-specific type
     * @param type the value's class; a key already holding a value of another class is an error
     * @param loader makes the value; what it returns must never be modified afterwards
     */
    <V> V get(Object key, Class<V> type, Supplier<? extends V> loader);

    /** Loads on every request: for contexts outside a run (tests, tools) that need no sharing. */
    static SharedValues unshared()
    {
        return new SharedValues()
        {
            @Override
            public <V> V get(Object key, Class<V> type, Supplier<? extends V> loader)
            {
                return type.cast(loader.get());
            }
        };
    }
}
