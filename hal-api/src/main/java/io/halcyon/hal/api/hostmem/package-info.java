/**
 * Host memory the chip can reach by DMA, as each platform provides it: a direct buffer registered
 * with the emulated chip, memory shared with the simulator, or pinned DMA-able pages on a server.
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}, providers (platform bundles) {@code [1.0,1.1)}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.hostmem;
