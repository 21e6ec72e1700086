package io.minimax.plugin.support;

import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The values made for the keys asked for most recently, by the keys' identity, at most a fixed number of them,
 * replaced in turn: for what costs JNI calls to make from an ND4J array (its native address, a buffer over its
 * memory) and is asked for the same few dozen arrays every training step. A kept key stays alive until it is
 * replaced. Not thread-safe: one per thread.
 */
public final class RecentByIdentity<K, V>
{
    private final Object[] keys;
    private final Object[] values;
    private final Function<? super K, ? extends V> make;
    private int next;

    public RecentByIdentity(int size, Function<? super K, ? extends V> make)
    {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be > 0 (got " + size + ")");
        }
        this.keys = new Object[size];
        this.values = new Object[size];
        this.make = requireNonNull(make, "make is null");
    }

    /** The value kept for {@code key}, or a new one made for it, which then takes the place of the oldest. */
    @SuppressWarnings("unchecked")
    public V of(K key)
    {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) {
                return (V) values[i];
            }
        }
        V value = make.apply(key);
        keys[next] = key;
        values[next] = value;
        next = (next + 1) % keys.length;
        return value;
    }
}
