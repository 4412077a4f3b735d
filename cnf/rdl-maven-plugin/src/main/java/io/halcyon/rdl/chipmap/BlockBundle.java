package io.halcyon.rdl.chipmap;

import java.nio.file.Path;

/**
 * A block type a dependency of the chip maps provides, from its {@code halcyon.block} capability.
 *
 * @param type the block type ({@code dma})
 * @param pid the factory configuration PID of the block's components
 * @param artifact the dependency, {@code groupId:artifactId}, for messages
 * @param descriptions the directory holding its SystemRDL files
 */
public record BlockBundle(String type, String pid, String artifact, Path descriptions) {
}
