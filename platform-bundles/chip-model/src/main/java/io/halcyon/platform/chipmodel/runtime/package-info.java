/**
 * What every platform does with the chip maps it knows, whatever reaches the chip (the emulation's
 * model, an RTL simulation, a PCI device): find out which chip map a chip is by reading its identity
 * fields ({@link io.halcyon.platform.chipmodel.runtime.KnownChipMaps}), and publish one block
 * configuration per block instance of the chip through Configuration Admin
 * ({@link io.halcyon.platform.chipmodel.runtime.BlockConfigurations}), from which the block bundles'
 * drivers are made.
 *
 * <p>1.1: {@link io.halcyon.platform.chipmodel.runtime.PublishedChip}, what a platform registers per chip.
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}, providers {@code [1.1,1.2)}.
 */
@Export
@Version("1.1.0")
package io.halcyon.platform.chipmodel.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
