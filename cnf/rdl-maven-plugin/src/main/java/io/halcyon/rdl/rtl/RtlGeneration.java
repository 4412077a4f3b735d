package io.halcyon.rdl.rtl;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.BlockType;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.FieldSpec;
import io.halcyon.platform.chipmodel.RegisterSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the RTL of chip maps into one directory: per block type {@code halcyon_<type>_regs.sv}, per
 * chip map {@code <chip>_core.sv}, {@code <chip>_apb4.sv}, {@code <chip>_axi4lite.sv} and
 * {@code <chip>_binding.h}, the two bus front ends, and {@code <chip>.f}, the chip's file list (block
 * modules, front ends, core, wrappers) in compile order.
 */
public final class RtlGeneration {

    private static final String[] FRONT_ENDS = {ChipTopWriter.frontEnd("apb4"), ChipTopWriter.frontEnd("axi4lite")};

    private RtlGeneration() {
    }

    /**
     * @return the files written, relative to {@code directory}
     * @throws UnsupportedRtlException naming the block, register or field and the feature the generator lacks
     */
    public static List<String> write(List<ChipModel> chips, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<String> written = new ArrayList<>();
        for (String frontEnd : FRONT_ENDS) {
            written.add(put(directory, frontEnd, resource(frontEnd)));
        }
        Map<String, BlockType> types = new LinkedHashMap<>();
        for (ChipModel chip : chips) {
            List<String> list = new ArrayList<>();
            for (BlockInstance b : chip.blocks()) {
                BlockType seen = types.putIfAbsent(b.type().name(), b.type());
                if (seen == null) {
                    String module = RegisterBlockWriter.moduleName(b.type()) + ".sv";
                    written.add(put(directory, module, new RegisterBlockWriter(b.type()).write()));
                } else if (!sameLayout(seen, b.type())) {
                    throw new UnsupportedRtlException(chip.name() + "." + b.name() + ": block type " + b.type().name()
                            + " differs from another instance of it in more than reset values; one module cannot serve both");
                }
                String module = RegisterBlockWriter.moduleName(b.type()) + ".sv";
                if (!list.contains(module)) {
                    list.add(module);
                }
            }
            list.addAll(List.of(FRONT_ENDS));
            ChipTopWriter top = new ChipTopWriter(chip);
            list.add(put(directory, chip.name() + "_core.sv", top.core()));
            for (String bus : ChipTopWriter.BUSES) {
                list.add(put(directory, ChipTopWriter.topName(chip, bus) + ".sv", top.wrapper(bus)));
            }
            written.addAll(list.subList(list.size() - 1 - ChipTopWriter.BUSES.length, list.size()));
            written.add(put(directory, HardwareBindingWriter.fileName(chip), new HardwareBindingWriter(chip).write()));
            written.add(put(directory, chip.name() + ".f", String.join("\n", list) + "\n"));
        }
        return written;
    }

    /** A hand-written source carried beside these classes (the bus front ends). */
    static String resource(String name) {
        try (InputStream in = Objects.requireNonNull(RtlGeneration.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The same registers and fields at the same places with the same access; reset values may differ. */
    private static boolean sameLayout(BlockType a, BlockType b) {
        return withoutResets(a).equals(withoutResets(b));
    }

    private static List<RegisterSpec> withoutResets(BlockType t) {
        return t.registers().stream().map(r -> new RegisterSpec(r.path(), r.offset(), r.width(), r.accessWidth(), r.msb0(),
                r.aliasOf(), r.external(), r.fields().stream().map(f -> new FieldSpec(f.name(), f.lsb(), f.width(), null, f.sw(),
                        f.hw(), f.onRead(), f.onWrite(), f.singlePulse(), f.incrSaturate(), f.decrSaturate(), f.counter(),
                        f.encoding())).toList())).toList();
    }

    private static String put(Path directory, String name, String text) throws IOException {
        Files.writeString(directory.resolve(name), text);
        return name;
    }
}
