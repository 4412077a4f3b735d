package io.halcyon.platform.chipmodel.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

import io.halcyon.hal.api.chip.ChipProperties;
import io.halcyon.hal.api.chip.ServesGenerations;
import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.ChipModel;

/**
 * Which block types of a chip have an installed driver for the chip's generation, from the drivers'
 * {@code halcyon.driver} capabilities ({@link ServesGenerations}). A platform publishes a chip only when
 * every block type is served: a chip of a generation some of its blocks have no driver for would be
 * half-configured (bring-up would stop at the first block it cannot reach, after changing the others),
 * so it is refused as a whole, naming each block that is not served.
 *
 * <p>The generation is data (the chip map's, read from the chip with its identity) and a driver's
 * generations are data; no code here or in a driver asks for a particular generation.
 */
public final class DriverGenerations {

    /**
     * One driver bundle's declaration.
     *
     * @param bundle who declares it, for messages ({@code io.halcyon.block.dma 1.0.0})
     * @param block the block type
     * @param generations the generations served
     */
    public record Declaration(String bundle, String block, Set<Long> generations) {
    }

    private DriverGenerations() {
    }

    /**
     * One line per block instance of {@code map} whose block type no declaration serves in the map's
     * generation (none when the chip is served), e.g. {@code block dma (type dma2): no installed driver
     * serves generation 1 (dma2: io.halcyon.block.dma2 1.0.0 serves [2])}.
     */
    public static List<String> unserved(ChipModel map, Collection<Declaration> declared) {
        List<String> lines = new ArrayList<>();
        for (BlockInstance block : map.blocks()) {
            String type = block.type().name();
            List<Declaration> ofType = declared.stream().filter(d -> d.block().equals(type)).toList();
            if (ofType.stream().noneMatch(d -> d.generations().contains(map.generation()))) {
                lines.add("block " + block.name() + " (type " + type + "): no installed driver serves generation "
                        + map.generation() + " (" + type + ": " + (ofType.isEmpty() ? "no driver installed"
                        : String.join(", ", ofType.stream().map(d -> d.bundle() + " serves " + d.generations()).toList()))
                        + ")");
            }
        }
        return lines;
    }

    /** The declarations of every bundle installed in the framework, in bundle order. */
    public static List<Declaration> installed(BundleContext context) {
        List<Declaration> found = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            BundleRevision revision = b.adapt(BundleRevision.class);
            if (revision == null) {
                continue; // uninstalled meanwhile
            }
            for (BundleCapability c : revision.getDeclaredCapabilities(ServesGenerations.NAMESPACE)) {
                found.add(declaration(b.getSymbolicName() + " " + b.getVersion(), c.getAttributes()));
            }
        }
        return found;
    }

    /** A capability's attributes as {@link ServesGenerations} writes them: the block type and a {@code List<Long>}. */
    static Declaration declaration(String bundle, Map<String, Object> attributes) {
        Object block = attributes.get(ChipProperties.BLOCK);
        Object generations = attributes.get(ChipProperties.GENERATION);
        Set<Long> served = new LinkedHashSet<>();
        if (generations instanceof Collection<?> list) {
            list.forEach(g -> served.add(((Number) g).longValue()));
        } else if (generations instanceof Number one) {
            served.add(one.longValue());
        }
        return new Declaration(bundle, String.valueOf(block), served);
    }
}
