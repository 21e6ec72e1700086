package io.minimax.plugin.support;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestRecentByIdentity
{
    @Test
    void keepsTheValuesOfTheLastKeysByIdentityAndReplacesTheOldestFirst()
    {
        List<String> made = new ArrayList<>();
        RecentByIdentity<String, String> recent = new RecentByIdentity<>(2, key -> {
            made.add(key);
            return key.toUpperCase();
        });
        String a = new String("a");
        String otherA = new String("a");
        String b = new String("b");

        assertThat(recent.of(a)).isEqualTo("A");
        assertThat(recent.of(a)).isEqualTo("A");
        // an equal key that is another object is another key
        assertThat(recent.of(otherA)).isEqualTo("A");
        assertThat(made).hasSize(2);
        // b replaces the oldest, a; otherA is still kept
        assertThat(recent.of(b)).isEqualTo("B");
        assertThat(recent.of(otherA)).isEqualTo("A");
        assertThat(made).hasSize(3);
        assertThat(recent.of(a)).isEqualTo("A");
        assertThat(made).hasSize(4);
    }

    @Test
    void refusesAnEmptyCache()
    {
        assertThatThrownBy(() -> new RecentByIdentity<String, String>(0, key -> key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be > 0 (got 0)");
    }
}
