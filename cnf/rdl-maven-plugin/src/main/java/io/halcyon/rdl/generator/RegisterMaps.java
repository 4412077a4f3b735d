package io.halcyon.rdl.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.halcyon.hal.api.regmap.Access;
import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.MemoryInfo;
import io.halcyon.hal.api.regmap.ReadEffect;
import io.halcyon.hal.api.regmap.RegisterInfo;
import io.halcyon.hal.api.regmap.WriteEffect;
import io.halcyon.hal.api.register.FieldDescription;
import io.halcyon.hal.api.register.MemoryDescription;
import io.halcyon.hal.api.register.RegisterDescription;
import io.halcyon.rdl.compiler.model.AddrmapNode;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.RegNode;

/**
 * The register map of an address map as values, at run time: what the generated {@code <Block>Map}
 * holds, built from the same {@link FieldModel}/{@link MemoryModel} decisions, for tools that have a
 * description but no generated code (tests over description corpora, the built-in register tests
 * against an emulation model). Unlike generated code it accepts any register width, since it does not
 * fold arrays into accessors.
 */
public final class RegisterMaps {

    private RegisterMaps() {
    }

    /** One block's registers and memories at its base, offsets relative to the base. */
    public record Block(String name, long base, List<RegisterInfo> registers, List<MemoryInfo> memories) {
    }

    /** Every register under {@code map} (array elements one by one) in address order, offsets relative to it. */
    public static List<RegisterInfo> registers(ElaboratedModel model, AddrmapNode map) {
        String prefix = map.path() + ".";
        List<RegisterInfo> out = new ArrayList<>();
        for (RegNode r : model.registers()) {
            if (!r.path().startsWith(prefix)) {
                continue;
            }
            List<FieldModel> models = r.fields().stream().map(f -> FieldModel.of(f, r.msb0())).toList();
            List<FieldInfo> fields = models.stream().map(RegisterMaps::field).toList();
            Optional<String> alias = Optional.ofNullable(r.aliasOf()).map(p -> BlockModel.relative(map, p));
            String title = Names.titleOrDesc(r.properties().get("name") instanceof String s ? s : null, r.desc());
            out.add(new RegisterDescription(BlockModel.relative(map, r.path()), r.absoluteAddress() - map.absoluteAddress(),
                    r.width(), FieldModel.busReset(models), title, fields, r.external(), alias));
        }
        out.sort((a, b) -> Long.compare(a.offset(), b.offset()));
        return List.copyOf(out);
    }

    /** Every memory under {@code map} in address order, offsets relative to it. */
    public static List<MemoryInfo> memories(ElaboratedModel model, AddrmapNode map) {
        return MemoryModel.of(model, map).stream().<MemoryInfo>map(m -> new MemoryDescription(m.name(), m.offset(),
                m.entries(), m.width(), Access.valueOf(m.softwareAccess()), m.external(), m.summary()))
                .sorted((a, b) -> Long.compare(a.offset(), b.offset())).toList();
    }

    private static FieldInfo field(FieldModel f) {
        return new FieldDescription(f.instName(), f.lsb(), f.msb(), Access.valueOf(f.softwareAccess()),
                Access.valueOf(f.hardwareAccess()), ReadEffect.valueOf(f.readEffect()), WriteEffect.valueOf(f.writeEffect()),
                f.busReset() == null ? OptionalLong.empty() : OptionalLong.of(f.busReset()), f.singlepulse(), f.summary(),
                f.dontTest(), f.dontCompare(), f.hardwareUpdated(), f.writeEnabledByHardware());
    }
}
