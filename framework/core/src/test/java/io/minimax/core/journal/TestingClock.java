package io.minimax.core.journal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand. */
final class TestingClock
        extends Clock
{
    private volatile long millis;

    TestingClock(long millis)
    {
        this.millis = millis;
    }

    void set(long millis)
    {
        this.millis = millis;
    }

    @Override
    public long millis()
    {
        return millis;
    }

    @Override
    public Instant instant()
    {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone()
    {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone)
    {
        throw new UnsupportedOperationException();
    }
}
