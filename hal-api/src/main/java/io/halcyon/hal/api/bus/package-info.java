/**
 * Bus SPI: how drivers reach a chip's registers. Platform bundles provide one {@link
 * io.halcyon.hal.api.bus.RegisterBus} per chip instance; block drivers consume it.
 *
 * <p>The same driver code runs on RTL simulation (about 10 µs per blocking round trip, 0.15 µs when
 * pipelined), on the behavioural emulation (tens of ns) and on memory-mapped production hardware
 * (µs per uncached read). Drivers therefore post writes when they need no completion, batch reads,
 * and wait for register conditions with {@link io.halcyon.hal.api.bus.RegisterBus#await} instead of
 * sleeping: each platform waits its own way (simulated cycles, model time, wall clock).
 *
 * <p>1.1: {@link io.halcyon.hal.api.bus.RegisterBus#awaitNot}, the wait for a field to leave a value.
 * 1.2: {@link io.halcyon.hal.api.bus.AccessLog}, the accesses a platform has issued; batched reads read one by
 * one unless a platform pipelines them.
 *
 * <p>Import ranges: consumers (drivers) {@code [1.1,2.0)}, providers (platforms) {@code [1.2,1.3)}.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.bus;
