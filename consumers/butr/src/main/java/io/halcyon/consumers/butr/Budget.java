package io.halcyon.consumers.butr;

import java.time.Duration;

/** How long a run may take on a platform, in wall time and in the platform's device time. */
public record Budget(Duration wall, Duration device) {

    public static final Budget UNLIMITED = new Budget(Duration.ofNanos(Long.MAX_VALUE), Duration.ofNanos(Long.MAX_VALUE));

    /** Why no further check may start, or null while both budgets last. */
    String exhausted(long wallUsedNanos, long deviceUsedNanos) {
        if (wallUsedNanos >= wall.toNanos()) {
            return "time budget exhausted: " + wall.toMillis() + " ms of wall time used";
        }
        if (deviceUsedNanos >= device.toNanos()) {
            return "time budget exhausted: " + device.toMillis() + " ms of device time used";
        }
        return null;
    }
}
