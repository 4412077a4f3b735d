package io.halcyon.rdl.chipmap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.generator.RegisterMaps;

/**
 * For tools that run a chip map outside a framework (register-test benches, timing commands): each
 * block instance with the register map its block bundle publishes, at the instance's base. The map is
 * built, as the bundle's generated one is, from the description the bundle carries
 * ({@code OSGI-INF/rdl/<type>.rdl}), found through a class loader that sees the block bundles.
 */
public final class ChipRegisterMaps {

    private ChipRegisterMaps() {
    }

    public static List<RegisterMaps.Block> of(ChipModel map, ClassLoader blockBundles) {
        return map.blocks().stream().map(b -> block(b, blockBundles)).toList();
    }

    private static RegisterMaps.Block block(BlockInstance b, ClassLoader blockBundles) {
        ElaboratedModel description = description(b.type().name(), blockBundles);
        return new RegisterMaps.Block(b.name(), b.base(), RegisterMaps.registers(description, description.top()),
                RegisterMaps.memories(description, description.top()));
    }

    private static ElaboratedModel description(String type, ClassLoader blockBundles) {
        String resource = BlockCapability.DESCRIPTION_FOLDER + "/" + type + ".rdl";
        try (InputStream in = blockBundles.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path: the bundle of block type " + type + " is missing");
            }
            return new RdlCompiler().perl(null).compileText(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource)
                    .elaborate(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
