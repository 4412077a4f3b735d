package io.halcyon.platform.emulation.regfile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.halcyon.platform.emulation.model.BlockModel;

/**
 * A block's registers and memories behaving as their SystemRDL description says, for the emulated chip.
 * Built by {@link RegisterFileBuilder} from an elaborated address map. The bus side decodes a 32-bit
 * word through a precomputed table and splits it over the registers or memory bytes it covers (byte
 * lanes, little-endian), so narrow registers packed into one word and halves of 64-bit registers both
 * work. The hardware side hands out {@link FieldHandle}s and {@link Register}s resolved once by path.
 * Not thread-safe: the chip serialises accesses.
 */
public final class RegisterFileModel implements BlockModel {

    private static final int ALL_LANES = 0xF;

    private final String rootPath;
    private final long size;
    private final FieldStorage storage;
    private final DecodeTable table;
    private final Memory[] memories;
    private final Map<String, Register> registers;
    private final Map<String, Field> fields;
    private final Map<String, Memory> memoriesByPath = new LinkedHashMap<>();

    RegisterFileModel(String rootPath, long size, FieldStorage storage, List<Register> registers, List<Field> fields,
            List<Memory> memories) {
        this.rootPath = rootPath;
        this.size = size;
        this.storage = storage;
        this.table = DecodeTable.build(registers);
        this.memories = memories.toArray(new Memory[0]);
        this.registers = new LinkedHashMap<>();
        registers.forEach(r -> this.registers.put(r.path(), r));
        this.fields = new LinkedHashMap<>();
        fields.forEach(f -> this.fields.put(f.path, f));
        memories.forEach(m -> memoriesByPath.put(m.path(), m));
    }

    // ---- bus side ----

    @Override
    public long size() {
        return size;
    }

    @Override
    public Integer read32(long offset) {
        long v = readWord(offset);
        return v == NO_DECODE ? null : (int) v;
    }

    @Override
    public long readWord(long offset) {
        return readLanes(offset, ALL_LANES);
    }

    @Override
    public boolean write32(long offset, int value) {
        return writeLanes(offset, ALL_LANES, value);
    }

    /**
     * A software read of {@code bytes} (1, 2 or 4, naturally aligned) at {@code offset}, right-aligned.
     * The bus of the chip is 32 bits wide; narrower accesses exist for registers narrower than that.
     *
     * @throws NoSuchElementException when nothing decodes there
     */
    public long read(long offset, int bytes) {
        int shift = lanesShift(offset, bytes);
        long word = readLanes(offset & ~3L, laneMask(bytes) << shift);
        if (word == NO_DECODE) {
            throw new NoSuchElementException("nothing decodes at offset 0x" + Long.toHexString(offset));
        }
        return word >>> 8 * shift & (bytes == 4 ? 0xFFFF_FFFFL : (1L << 8 * bytes) - 1);
    }

    /** A software write of the low {@code bytes} of {@code value}; false when nothing decodes there. */
    public boolean write(long offset, int bytes, long value) {
        int shift = lanesShift(offset, bytes);
        return writeLanes(offset & ~3L, laneMask(bytes) << shift, value << 8 * shift);
    }

    private long readLanes(long wordOffset, int lanes) {
        if ((wordOffset & 3) != 0) {
            return NO_DECODE;
        }
        WordPlan plan = table.lookup(wordOffset);
        if (plan != null && plan.decodes(lanes)) {
            return plan.read(lanes);
        }
        Memory m = memoryAt(wordOffset, lanes);
        return m == null ? NO_DECODE : m.readWord(wordOffset, lanes);
    }

    private boolean writeLanes(long wordOffset, int lanes, long data) {
        if ((wordOffset & 3) != 0) {
            return false;
        }
        WordPlan plan = table.lookup(wordOffset);
        if (plan != null && plan.decodes(lanes)) {
            plan.write(lanes, data);
            return true;
        }
        Memory m = memoryAt(wordOffset, lanes);
        if (m == null) {
            return false;
        }
        m.writeWord(wordOffset, lanes, data);
        return true;
    }

    /** Memories are few per block (usually none or one), so a scan over them is constant time. */
    private Memory memoryAt(long wordOffset, int lanes) {
        for (Memory m : memories) {
            for (int lane = 0; lane < 4; lane++) {
                if ((lanes & 1 << lane) != 0 && m.contains(wordOffset + lane)) {
                    return m;
                }
            }
        }
        return null;
    }

    private static int lanesShift(long offset, int bytes) {
        if (bytes != 1 && bytes != 2 && bytes != 4 || (offset & (bytes - 1)) != 0) {
            throw new IllegalArgumentException(bytes + "-byte access at offset 0x" + Long.toHexString(offset));
        }
        return (int) (offset & 3);
    }

    private static int laneMask(int bytes) {
        return (1 << bytes) - 1;
    }

    /** Every field back to its reset value, write-once fields writable again; memories keep their contents. */
    @Override
    public void reset() {
        storage.reset();
    }

    // ---- hardware side ----

    /** The field at {@code path}, relative to this register file's address map ({@code REG.FIELD}) or absolute. */
    public FieldHandle field(String path) {
        return new FieldHandle(fieldSpec(path), storage);
    }

    Field fieldSpec(String path) {
        return lookup(fields, path, "field");
    }

    /** The register at {@code path}, to attach listeners to or peek at. */
    public Register register(String path) {
        return lookup(registers, path, "register");
    }

    public Memory memory(String path) {
        return lookup(memoriesByPath, path, "memory");
    }

    /** Every register, aliases included, in address order. */
    public List<Register> registers() {
        return List.copyOf(registers.values());
    }

    public List<Memory> memories() {
        return List.of(memories);
    }

    private <T> T lookup(Map<String, T> map, String path, String kind) {
        String relative = path.startsWith(rootPath + ".") ? path.substring(rootPath.length() + 1) : path;
        T t = map.get(relative);
        if (t == null) {
            throw new NoSuchElementException("no " + kind + " " + path + " in " + rootPath);
        }
        return t;
    }
}
