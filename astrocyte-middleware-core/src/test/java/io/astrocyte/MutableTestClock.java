package io.astrocyte;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Test support: a UTC clock that only moves when a test advances it. */
public final class MutableTestClock extends Clock {

    private volatile Instant now;

    public MutableTestClock(Instant start) {
        this.now = start;
    }

    public void advance(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
