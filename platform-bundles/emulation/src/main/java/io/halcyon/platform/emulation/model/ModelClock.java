package io.halcyon.platform.emulation.model;

import java.util.PriorityQueue;

/**
 * Deterministic device time of the emulated chip. Time moves only when the model says so: each bus
 * access costs a fixed amount, and waiting jumps straight to the next scheduled hardware event. The
 * same sequence of accesses therefore gives the same values and the same device time, bit for bit.
 * Not thread-safe: the chip serialises all access.
 */
public final class ModelClock {

    private record Event(long at, long seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private long now;
    private long seq;

    public long now() {
        return now;
    }

    /** Runs {@code action} when device time reaches {@code now() + delayNanos}. */
    public void schedule(long delayNanos, Runnable action) {
        events.add(new Event(now + delayNanos, seq++, action));
    }

    /** Advances device time by {@code nanos}, firing every event that falls due on the way, in order. */
    public void advance(long nanos) {
        advanceTo(now + nanos);
    }

    /** Advances to {@code time} (never backwards), firing due events in time order. */
    public void advanceTo(long time) {
        while (!events.isEmpty() && events.peek().at <= time) {
            Event e = events.poll();
            now = Math.max(now, e.at);
            e.action.run();
        }
        now = Math.max(now, time);
    }

    /** Device time of the next scheduled event, or {@code Long.MAX_VALUE} if none. */
    public long nextEventTime() {
        return events.isEmpty() ? Long.MAX_VALUE : events.peek().at;
    }

    /** Drops every pending event (the hardware was reset). */
    public void cancelAll() {
        events.clear();
    }
}
