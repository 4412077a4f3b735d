/**
 * The seam between the two bundles of the 1.x-on-2.x DMA adapter. Its types name no DMA contract class (JDK
 * types only), so the bundle that imports {@code io.halcyon.hal.api.dma} 2.x can publish a port and the bundle
 * that imports 1.x can use it: one bundle can wire to only one version of a package name.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.halcyon.adapter.dma2.port;
