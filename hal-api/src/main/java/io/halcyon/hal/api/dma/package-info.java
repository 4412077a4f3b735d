/**
 * Block contract of the DMA engine: channels with descriptor rings in device memory; copies between host memory and HBM and within HBM.
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}, providers (the block bundle) {@code [1.0,1.1)}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.dma;
