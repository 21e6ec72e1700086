package io.minimax.core.plugin;

import io.minimax.spi.SharedValues;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestProcessSharedValues
{
    private record Key(String file) {}

    @Test
    void aKeyIsLoadedOnceAndEqualKeysGetTheSameInstance()
    {
        SharedValues shared = new PluginRegistry(List.of()).shared();
        AtomicInteger loads = new AtomicInteger();
        byte[] first = shared.get(new Key("a"), byte[].class, () -> new byte[loads.incrementAndGet()]);
        byte[] second = shared.get(new Key("a"), byte[].class, () -> new byte[loads.incrementAndGet()]);
        byte[] other = shared.get(new Key("b"), byte[].class, () -> new byte[loads.incrementAndGet()]);
        assertThat(second).isSameAs(first);
        assertThat(other).isNotSameAs(first);
        assertThat(loads).hasValue(2);
    }

    @Test
    void concurrentRequestsWaitForOneLoad()
            throws Exception
    {
        SharedValues shared = new PluginRegistry(List.of()).shared();
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> values = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                values.add(threads.submit(() -> {
                    start.await();
                    return shared.get(new Key("x"), Object.class, () -> {
                        loads.incrementAndGet();
                        sleep();
                        return new Object();
                    });
                }));
            }
            start.countDown();
            Object first = values.get(0).get(10, TimeUnit.SECONDS);
            for (Future<Object> value : values) {
                assertThat(value.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(loads).hasValue(1);
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedLoadIsNotKeptAndAnotherTypeIsRefused()
    {
        SharedValues shared = new PluginRegistry(List.of()).shared();
        assertThatThrownBy(() -> shared.get(new Key("f"), String.class, () -> {
            throw new IllegalArgumentException("missing file");
        })).hasMessage("missing file");
        assertThat(shared.get(new Key("f"), String.class, () -> "there now")).isEqualTo("there now");
        assertThatThrownBy(() -> shared.get(new Key("f"), Integer.class, () -> 1))
                .hasMessage("shared value Key[file=f] is a java.lang.String, not a java.lang.Integer");
    }

    private static void sleep()
    {
        try {
            Thread.sleep(100);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
