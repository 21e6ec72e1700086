package io.minimax.plugins.imagedata;

import io.minimax.spi.SharedValues;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A {@link SharedValues} that keeps what it loads, as the framework's does, and counts the loads. */
final class CountingSharedValues
        implements SharedValues
{
    private final Map<Object, Object> values = new HashMap<>();
    private int loads;

    @Override
    public synchronized <V> V get(Object key, Class<V> type, Supplier<? extends V> loader)
    {
        Object value = values.get(key);
        if (value == null) {
            loads++;
            value = loader.get();
            values.put(key, value);
        }
        return type.cast(value);
    }

    synchronized int loads()
    {
        return loads;
    }
}
