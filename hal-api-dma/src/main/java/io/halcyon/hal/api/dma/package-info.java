/**
 * Block contract of the DMA engine, 2.x: generation 2's programming model. Eight channels (as the engine
 * reports), a descriptor's length is 64 bits, and software rings a channel's doorbell with the number of
 * descriptors it posted at TAIL, which hardware then moves ({@link DmaEngine#post}, {@link DmaEngine#ringDoorbell}).
 *
 * <p>2.0.0: incompatible with 1.x ({@code long} lengths, post and doorbell apart, a new error code), so a
 * major of its own, exported by the bundle {@code io.halcyon.hal.api.dma} while {@code io.halcyon.hal.api}
 * keeps exporting 1.x. A bundle wires to one of them: bundles built against 1.x import {@code [1.0,2)} and
 * never see this package.
 *
 * <p>Import ranges: consumers {@code [2.0,3)}, providers (block-dma2) {@code [2.0,2.1)}.
 */
@org.osgi.annotation.versioning.Version("2.0.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.dma;
