/**
 * Contract of QEMU's {@code edu} PCI device (QEMU's docs/specs/edu.rst): the educational device QEMU
 * models for driver writers, which the HAL uses as its real PCI device in tests (hardware in the loop
 * under QEMU): liveness check, factorial unit, interrupt raise and acknowledge, and a DMA engine with a
 * 4 KiB buffer inside the device.
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}, providers (the edu block bundle) {@code [1.0,1.1)}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.edu;
