package io.halcyon.rdl.chipmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.BlockType;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.Encoding;
import io.halcyon.platform.chipmodel.FieldSpec;
import io.halcyon.platform.chipmodel.IdentityWord;
import io.halcyon.platform.chipmodel.MemorySpec;
import io.halcyon.platform.chipmodel.RegisterSpec;
import io.halcyon.rdl.compiler.model.AddrmapNode;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.EnumType;
import io.halcyon.rdl.compiler.model.FieldNode;
import io.halcyon.rdl.compiler.model.MemNode;
import io.halcyon.rdl.compiler.model.Node;
import io.halcyon.rdl.compiler.model.Reference;
import io.halcyon.rdl.compiler.model.RegNode;
import io.halcyon.rdl.generator.DescriptionException;
import io.halcyon.rdl.generator.Names;

/**
 * Turns the compiler's elaborated model into chip-model values: the one place that reads the
 * compiler's model for platforms, so nothing at run time sees it. Paths become relative to their
 * block, offsets relative to the block's base (to the record's start for a memory's virtual
 * registers), property values keywords and plain numbers.
 */
public final class ChipModelConverter {

    /** User-defined property (boolean, on fields) that makes a field part of the chip's identity. */
    public static final String IDENTITY_PROPERTY = "halcyon_identity";

    /**
     * User-defined property (boolean, on one identity field) whose reset value is the chip's generation,
     * which drivers are matched against; a map that marks none is generation 1.
     */
    public static final String GENERATION_PROPERTY = "halcyon_generation";

    private ChipModelConverter() {
    }

    /**
     * A chip map: every sub-address map of the top is a block instance.
     *
     * @param pidOf the configuration PID of a block instance's type
     * @throws DescriptionException when an identity field cannot serve as one (no constant reset, read
     *     side effects, not readable, across two 32-bit words); each problem names its place
     */
    public static ChipModel chipModel(ElaboratedModel model, Function<AddrmapNode, String> pidOf) throws DescriptionException {
        AddrmapNode top = model.top();
        List<BlockInstance> blocks = new ArrayList<>();
        for (Node child : top.children()) {
            if (child instanceof AddrmapNode map) {
                blocks.add(new BlockInstance(map.instName(), blockType(model, map, pidOf.apply(map)), map.absoluteAddress()));
            }
        }
        blocks.sort(Comparator.comparingLong(BlockInstance::base));
        return new ChipModel(top.instName(), describe(top), blocks, identity(model), generation(model));
    }

    /** One address map of the model (the top, for a lone block description) as a block type. */
    public static BlockType blockType(ElaboratedModel model, AddrmapNode map, String pid) {
        String prefix = map.path() + ".";
        long base = map.absoluteAddress();
        List<RegisterSpec> registers = model.registers().stream().filter(r -> r.path().startsWith(prefix))
                .map(r -> register(model, r, relative(prefix, r.path()), r.absoluteAddress() - base, prefix)).toList();
        List<MemorySpec> memories = model.memories().stream().filter(m -> m.path().startsWith(prefix))
                .map(m -> memory(model, m, prefix, base)).toList();
        return new BlockType(typeName(map), pid, describe(map), map.size(), registers, memories);
    }

    /** The block type: the address map's definition name ({@code dma} for {@code dma dma0 @ ...}). */
    public static String typeName(AddrmapNode map) {
        return map.typeName() != null ? map.typeName() : map.instName();
    }

    private static RegisterSpec register(ElaboratedModel model, RegNode r, String path, long offset, String prefix) {
        List<FieldSpec> fields = r.fields().stream().map(f -> field(model, f, prefix)).toList();
        String alias = r.aliasOf() == null ? null : relative(prefix, r.aliasOf());
        return new RegisterSpec(path, offset, r.width(), r.accessWidth(), r.msb0(), alias, r.external(), fields);
    }

    private static FieldSpec field(ElaboratedModel model, FieldNode f, String prefix) {
        long ones = f.width() >= 64 ? -1L : (1L << f.width()) - 1;
        Long reset = f.reset() == null ? null : f.reset() & ones;
        FieldSpec.Counter counter = f.counter() ? new FieldSpec.Counter(step(f, "incrvalue"), step(f, "decrvalue"),
                strobe(model, f.properties().get("incr"), prefix), strobe(model, f.properties().get("decr"), prefix)) : null;
        return new FieldSpec(f.instName(), f.lsb(), f.width(), reset, f.sw(), f.hw(), f.onread(), f.onwrite(),
                f.singlepulse(), saturation(f.properties().get("incrsaturate"), ones), saturation(
                f.properties().get("decrsaturate"), 0L), counter, encoding(f.encode()));
    }

    /** incrsaturate/decrsaturate: true saturates at the end of the range, a number at that value, else it wraps. */
    private static Long saturation(Object value, long end) {
        if (value instanceof Boolean b) {
            return b ? end : null;
        }
        return value instanceof Long l ? l : null;
    }

    private static long step(FieldNode f, String property) {
        return f.properties().get(property) instanceof Long l ? l : 1;
    }

    /**
     * A counter's incr/decr that is a software-access strobe of a field of the same block
     * ({@code ->swacc}, {@code ->swmod}); any other source is a hardware event and gives null.
     */
    private static FieldSpec.Strobe strobe(ElaboratedModel model, Object source, String prefix) {
        if (source instanceof Reference ref && ("swacc".equals(ref.property()) || "swmod".equals(ref.property()))
                && ref.path().startsWith(prefix) && model.find(ref.path()) instanceof FieldNode) {
            return new FieldSpec.Strobe(relative(prefix, ref.path()), ref.property());
        }
        return null;
    }

    private static Encoding encoding(EnumType e) {
        if (e == null) {
            return null;
        }
        return new Encoding(e.name(), e.members().stream().map(m -> new Encoding.Member(m.name(), m.value(),
                Names.oneLine(m.desc() != null ? m.desc() : m.displayName() != null ? m.displayName() : m.name()))).toList());
    }

    private static MemorySpec memory(ElaboratedModel model, MemNode m, String prefix, long base) {
        int stride = m.entries() == 0 ? 0 : (int) (m.size() / m.entries());
        return new MemorySpec(relative(prefix, m.path()), m.absoluteAddress() - base, m.entries(), m.width(), stride,
                m.sw(), m.external(), records(model, m, prefix));
    }

    /**
     * The memory's virtual registers as one record repeating through the memory: every register array
     * has the same number of elements at the same stride (or every register is single, one record
     * spanning the memory). Anything else gives no record layout.
     */
    private static MemorySpec.RecordLayout records(ElaboratedModel model, MemNode m, String prefix) {
        Map<String, List<RegNode>> byName = new LinkedHashMap<>();
        for (Node c : m.children()) {
            if (c instanceof RegNode r) {
                if (r.arrayIndices().size() > 1) {
                    return null;
                }
                byName.computeIfAbsent(r.instName(), n -> new ArrayList<>()).add(r);
            }
        }
        if (byName.isEmpty()) {
            return null;
        }
        List<RegNode> firsts = byName.values().stream().map(l -> l.get(0)).toList();
        int count = byName.values().iterator().next().size();
        long stride = count > 1 ? byName.values().iterator().next().get(1).absoluteAddress() - firsts.get(0).absoluteAddress()
                : m.size();
        for (List<RegNode> elements : byName.values()) {
            for (int i = 0; i < elements.size(); i++) {
                long expected = elements.get(0).absoluteAddress() + i * stride;
                if (elements.size() != count || elements.get(i).absoluteAddress() != expected) {
                    return null;
                }
            }
        }
        List<RegisterSpec> registers = new ArrayList<>();
        for (RegNode r : firsts) {
            long offset = r.absoluteAddress() - m.absoluteAddress();
            if (offset < 0 || offset + r.size() > stride) {
                return null;
            }
            registers.add(register(model, r, r.instName(), offset, prefix));
        }
        registers.sort(Comparator.comparingLong(RegisterSpec::offset));
        return new MemorySpec.RecordLayout(count, stride, registers);
    }

    /**
     * Fields marked {@value #IDENTITY_PROPERTY}, as 32-bit words a platform reads: what the chip's
     * identity registers read on this design (their per-chip reset values).
     */
    private static List<IdentityWord> identity(ElaboratedModel model) throws DescriptionException {
        String prefix = model.top().path() + ".";
        List<IdentityWord> words = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (RegNode r : model.registers()) {
            for (FieldNode f : r.fields()) {
                if (!Boolean.TRUE.equals(f.userProperties().get(IDENTITY_PROPERTY))) {
                    continue;
                }
                String path = relative(prefix, f.path());
                String problem = identityProblem(r, f);
                if (problem != null) {
                    problems.add(where(f) + "identity field " + path + " " + problem);
                    continue;
                }
                int word = f.lsb() / 32;
                words.add(new IdentityWord(path, r.absoluteAddress() + 4L * word, f.lsb() % 32, f.width(), f.reset()
                        & (f.width() >= 64 ? -1L : (1L << f.width()) - 1)));
            }
        }
        if (!problems.isEmpty()) {
            throw new DescriptionException(problems);
        }
        return words;
    }

    /**
     * The reset value of the one field marked {@value #GENERATION_PROPERTY}, 1 when none is. It must be an
     * identity field too: the generation is read from the chip like the rest of its identity, never assumed.
     */
    private static long generation(ElaboratedModel model) throws DescriptionException {
        List<FieldNode> marked = new ArrayList<>();
        for (RegNode r : model.registers()) {
            for (FieldNode f : r.fields()) {
                if (Boolean.TRUE.equals(f.userProperties().get(GENERATION_PROPERTY))) {
                    marked.add(f);
                }
            }
        }
        if (marked.isEmpty()) {
            return 1;
        }
        FieldNode f = marked.get(0);
        if (marked.size() > 1) {
            throw new DescriptionException(List.of(where(marked.get(1)) + "two fields are marked " + GENERATION_PROPERTY + ": "
                    + f.path() + " and " + marked.get(1).path()));
        }
        if (!Boolean.TRUE.equals(f.userProperties().get(IDENTITY_PROPERTY)) || f.reset() == null || f.reset() < 1) {
            throw new DescriptionException(List.of(where(f) + "generation field " + f.path() + " must be an identity field ("
                    + IDENTITY_PROPERTY + ") with a constant reset of at least 1"));
        }
        return f.reset();
    }

    private static String identityProblem(RegNode r, FieldNode f) {
        if (f.reset() == null) {
            return "has no constant reset value: the identity is what the field reads on this chip";
        }
        if (!f.swReadable()) {
            return "cannot be read by software (sw = " + f.sw() + ")";
        }
        if (r.external() || r.fields().stream().anyMatch(g -> g.swReadable() && g.onread() != null)) {
            return "is in a register whose read has side effects (" + r.instName() + "): a chip must be identified"
                    + " without changing it";
        }
        if (f.lsb() / 32 != f.msb() / 32) {
            return "spans two 32-bit words (bits " + f.msb() + ":" + f.lsb() + ")";
        }
        return null;
    }

    /** {@code file:line:column: } of a node, or nothing when the compiler did not record it. */
    static String where(Node n) {
        return n.location() == null ? "" : n.location() + ": ";
    }

    private static String describe(Node n) {
        return Names.titleOrDesc(n.properties().get("name") instanceof String s ? s : null, n.desc());
    }

    private static String relative(String prefix, String path) {
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }
}
