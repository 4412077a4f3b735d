/**
 * A chip as the build elaborated it from its chip map (SystemRDL): which block instances it has, at
 * which base addresses, every block type's registers, fields and memories with their access
 * semantics (encodings and the record layout of memories included), and the identity fields that tell
 * this chip from others. Plain immutable values with structural equality; instances are made by
 * generated code (the rdl-maven-plugin's {@code chip-maps} goal: one class per chip map, and a
 * {@link io.halcyon.platform.chipmodel.ChipCatalog} per bundle of chip maps). No SystemRDL compiler
 * runs outside the build.
 *
 * <p>1.1: {@link io.halcyon.platform.chipmodel.RegisterSpec#canReadAllOnes()}.
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}, providers {@code [1.1,1.2)}.
 */
@Export
@Version("1.1.0")
package io.halcyon.platform.chipmodel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
