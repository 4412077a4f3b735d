/**
 * Bring-up: taking a chip from power-on to ready for work (resets and clocks, PLL lock, PCIe link, HBM
 * training, DMA and interrupts, tensor engine), with a timeline of each step in device and wall time.
 *
 * <p>1.1: {@link io.halcyon.hal.api.bringup.BringUpListener}, a whiteboard listener told each step of
 * every bring-up of its chip as it happens (the web console's timeline shows a {@code hal:bringup} run
 * from the shell). A new {@code @ConsumerType} interface: a minor bump; providers of
 * {@link io.halcyon.hal.api.bringup.BringUp} move to {@code [1.1,1.2)}.
 *
 * <p>Import ranges: consumers {@code [1.1,2.0)}, providers {@code [1.1,1.2)}.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.bringup;
