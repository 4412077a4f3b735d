package io.halcyon.platform.chipmodel.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.halcyon.hal.api.chip.ChipProperties;
import io.halcyon.hal.api.register.InstanceResets;
import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.FieldSpec;
import io.halcyon.platform.chipmodel.RegisterSpec;

/**
 * The block configurations of one identified chip, published through Configuration Admin for as long
 * as this object is open: per block instance, a factory configuration of the block type's PID named
 * {@code chip<N>.<instance>} (PID {@code <factory PID>~chip0.dma}), with the properties of
 * {@link ChipProperties}. The block's driver and register-map components are made once per
 * configuration, and their services carry its properties.
 *
 * <p>The configurations are multi-location ({@value #ANY_BUNDLE}), not bound to the bundle that first
 * receives them: the live-update manager stages a new version of a block bundle beside the running one
 * (another bundle, another location), and the staged version must be configured as well to start.
 */
public final class BlockConfigurations implements AutoCloseable {

    /** Configuration Admin's multi-location: any bundle with the PID receives the configuration. */
    static final String ANY_BUNDLE = "?";

    /** By PID, in the chip map's block order. */
    private final Map<String, Configuration> published;

    private BlockConfigurations(Map<String, Configuration> published) {
        this.published = published;
    }

    /**
     * Publishes the configurations of every block instance of {@code map} as chip {@code chip}, and
     * deletes configurations an earlier run left for the same chip and platform that this map no longer
     * has (a persistent Configuration Admin keeps them across restarts).
     *
     * @param platform which platform reaches the chip ({@code emulation}); drivers' bus references select
     *     the register bus with this chip and platform
     */
    public static BlockConfigurations publish(ConfigurationAdmin admin, ChipModel map, int chip, String platform)
            throws IOException {
        Map<String, Configuration> published = new LinkedHashMap<>();
        for (BlockInstance block : map.blocks()) {
            Configuration c = admin.getFactoryConfiguration(block.type().pid(), name(chip, block), ANY_BUNDLE);
            c.update(properties(map, block, chip, platform));
            published.put(c.getPid(), c);
        }
        for (Configuration stale : list(admin, chipFilter(chip, platform))) {
            if (!published.containsKey(stale.getPid())) {
                stale.delete();
            }
        }
        return new BlockConfigurations(published);
    }

    /** The configuration's name among the factory's configurations: {@code chip0.dma}. */
    static String name(int chip, BlockInstance block) {
        return "chip" + chip + "." + block.name();
    }

    /** What one block instance's driver needs, as {@link ChipProperties} names it. */
    static Dictionary<String, Object> properties(ChipModel map, BlockInstance block, int chip, String platform) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put(ChipProperties.CHIP, String.valueOf(chip));
        p.put(ChipProperties.BLOCK, block.name());
        p.put(ChipProperties.BLOCK_TYPE, block.type().name());
        p.put(ChipProperties.BASE_ADDRESS, block.base());
        p.put(ChipProperties.BUS_TARGET, chipFilter(chip, platform));
        p.put(ChipProperties.PLATFORM, platform);
        p.put(ChipProperties.CHIP_MAP, map.name());
        p.put(ChipProperties.GENERATION, map.generation());
        p.put(ChipProperties.RESETS, constantResets(block));
        return p;
    }

    /**
     * The instance's constant fields with their reset values on this chip (a chip map may give them
     * other values than the block's description, e.g. a feature bit on one generation): the block's
     * register map applies them, so register tests of the live block and of a staged new version expect
     * what the chip reads. Only constants: they are what a non-destructive test compares, and they keep
     * the configuration small for blocks of many registers.
     */
    static String[] constantResets(BlockInstance block) {
        List<String> resets = new ArrayList<>();
        for (RegisterSpec r : block.type().registers()) {
            for (FieldSpec f : r.fields()) {
                if (f.constant()) {
                    resets.add(InstanceResets.entry(r.path(), f.name(), f.reset()));
                }
            }
        }
        return resets.toArray(String[]::new);
    }

    /** The chip's register bus on this platform (and, for configurations, everything published for the chip). */
    static String chipFilter(int chip, String platform) {
        return "(&" + ChipProperties.chipFilter(chip) + "(" + ChipProperties.PLATFORM + "=" + platform + "))";
    }

    private static List<Configuration> list(ConfigurationAdmin admin, String filter) throws IOException {
        try {
            Configuration[] found = admin.listConfigurations(filter);
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    /** The PIDs published ({@code io.halcyon.block.dma~chip0.dma}), in the chip map's block order. */
    public List<String> pids() {
        return List.copyOf(published.keySet());
    }

    /**
     * Deletes the configurations, which deactivates the drivers made from them. A configuration that
     * cannot be deleted is left (the message says which); the others are still deleted.
     */
    @Override
    public void close() {
        published.forEach((pid, c) -> {
            try {
                c.delete();
            } catch (IOException | IllegalStateException e) {
                System.err.println("halcyon: block configuration " + pid + " not deleted: " + e.getMessage());
            }
        });
    }
}
