package io.halcyon.hal.api.platform;

/** What a platform can do beyond plain register reads and writes. */
public enum PlatformCapability {
    /** Posted writes are cheaper than blocking ones (they are pipelined to the device). */
    POSTED_WRITES,
    /** Batched reads are pipelined, so a batch costs much less than the same reads one by one. */
    BATCHED_READS,
    /** {@code await} is executed next to the device (inside the simulator or the model), not by polling from the host. */
    DEVICE_SIDE_WAIT,
    /** Device time is deterministic: the same accesses give the same values and the same device time. */
    DETERMINISTIC_TIME,
    /** The chip keeps running when the HAL host stops; a new host must attach without resetting it. */
    PERSISTENT_DEVICE,
    /** Faults (stuck bits, bus errors, dropped writes) can be injected for testing. */
    FAULT_INJECTION
}
