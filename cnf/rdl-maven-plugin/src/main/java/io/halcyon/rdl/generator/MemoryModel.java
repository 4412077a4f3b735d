package io.halcyon.rdl.generator;

import java.util.List;
import java.util.Locale;

import io.halcyon.rdl.compiler.model.AddrmapNode;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.MemNode;

/** One memory (array elements one by one) as the register map lists it: offset relative to the map. */
record MemoryModel(String name, long offset, long entries, int width, String sw, boolean external, String summary) {

    static List<MemoryModel> of(ElaboratedModel model, AddrmapNode map) {
        String prefix = map.path() + ".";
        return model.memories().stream().filter(m -> m.path().startsWith(prefix)).map(m -> of(map, m)).toList();
    }

    private static MemoryModel of(AddrmapNode map, MemNode m) {
        String title = m.properties().get("name") instanceof String s ? s : null;
        return new MemoryModel(BlockModel.relative(map, m.path()), m.absoluteAddress() - map.absoluteAddress(), m.entries(),
                m.width(), m.sw(), m.external(), Names.titleOrDesc(title, m.desc()));
    }

    /** The {@code Access} constant of the software access. */
    String softwareAccess() {
        return sw.toUpperCase(Locale.ROOT);
    }
}
