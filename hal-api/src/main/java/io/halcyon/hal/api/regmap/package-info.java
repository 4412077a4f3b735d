/**
 * Register maps as management tools see them: which blocks a chip has, where their registers are,
 * and how each field behaves. Block bundles publish one {@link io.halcyon.hal.api.regmap.HardwareBlock}
 * per block (derived from the block's register description); shells, register dumps and the
 * built-in register tests read it. Drivers do not use this package: they use their typed registers.
 *
 * <p>Field access follows SystemRDL 2.0 names, so tools can reason about side effects (a register
 * with a read side effect must not be read by a dump, a health check or a resume).
 *
 * <p>1.1: test metadata from the description (donttest, dontcompare, volatile, hardware write
 * enables, external, aliases) and memories, for the built-in register tests.
 *
 * <p>Import ranges: consumers {@code [1.1,2.0)}, providers {@code [1.1,1.2)}.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.regmap;
