/**
 * A chip as the build elaborated it from its chip map (SystemRDL): which block instances it has, at
 * which base addresses, every block type's registers, fields and memories with their access
 * semantics, and the identity registers that tell this chip from others. Platforms read it at run time
 * to publish block instances and, for the emulation, to build the chip's register files; no SystemRDL
 * compiler runs outside the build. Instances are made by generated code (the rdl-maven-plugin's
 * {@code chip-model} goal), one class per chip map.
 */
@Export
@Version("1.0.0")
package io.halcyon.platform.chipmodel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
