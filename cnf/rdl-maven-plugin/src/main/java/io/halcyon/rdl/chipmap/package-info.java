/**
 * Chip maps at build time: the one place that reads the compiler's model for platforms
 * ({@link io.halcyon.rdl.chipmap.ChipModelConverter}), the compile of a chip map against the block
 * descriptions its dependencies carry ({@link io.halcyon.rdl.chipmap.ChipMapCompiler}), and the Java
 * source that rebuilds the result at run time without a compiler
 * ({@link io.halcyon.rdl.chipmap.ChipModelWriter}); {@link io.halcyon.rdl.chipmap.ChipMapBuild} runs
 * them as the {@code rdl:chip-maps} goal does.
 */
package io.halcyon.rdl.chipmap;
