/**
 * Block contract of the PCIe endpoint: link training, negotiated speed and width, sticky error status.
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}, providers (the block bundle) {@code [1.0,1.1)}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.pcie;
