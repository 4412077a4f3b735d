/**
 * Bring-up: taking a chip from power-on to ready for work (resets and clocks, PLL lock, PCIe link, HBM
 * training, DMA and interrupts, tensor engine), with a timeline of each step in device and wall time.
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}, providers {@code [1.0,1.1)}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.bringup;
