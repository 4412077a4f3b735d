package io.halcyon.platform.emulation.regfile;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Offset of a 32-bit bus word to its {@link WordPlan}, built once so a bus access costs one array
 * index. Register files are usually compact and get a dense array; a sparse one (registers scattered
 * over a large window) gets an open-addressing table of primitive keys, still O(1) and allocation-free.
 */
final class DecodeTable {

    /** Dense up to this many words (4 MiB of address space, 8 MiB of references at most). */
    private static final long DENSE_LIMIT = 1 << 20;

    private final long firstWord;
    private final WordPlan[] dense;
    private final long[] keys;
    private final WordPlan[] hashed;

    private DecodeTable(long firstWord, WordPlan[] dense, long[] keys, WordPlan[] hashed) {
        this.firstWord = firstWord;
        this.dense = dense;
        this.keys = keys;
        this.hashed = hashed;
    }

    /** The plan of the word at byte offset {@code wordOffset} (4-aligned), or null if no register is there. */
    WordPlan lookup(long wordOffset) {
        long word = wordOffset >>> 2;
        if (dense != null) {
            long i = word - firstWord;
            return i >= 0 && i < dense.length ? dense[(int) i] : null;
        }
        int mask = keys.length - 1;
        for (int i = hash(word) & mask;; i = (i + 1) & mask) {
            WordPlan p = hashed[i];
            if (p == null || keys[i] == word) {
                return p;
            }
        }
    }

    static DecodeTable build(List<Register> registers) {
        TreeMap<Long, LaneOwners> words = new TreeMap<>();
        for (Register r : registers) {
            for (int b = 0; b < r.bytes(); b++) {
                long address = r.offset() + b;
                words.computeIfAbsent(address >>> 2, w -> new LaneOwners()).claim((int) (address & 3), r, b);
            }
        }
        if (words.isEmpty()) {
            return new DecodeTable(0, new WordPlan[0], null, null);
        }
        long first = words.firstKey();
        long span = words.lastKey() - first + 1;
        if (span <= DENSE_LIMIT) {
            WordPlan[] dense = new WordPlan[(int) span];
            words.forEach((w, owners) -> dense[(int) (w - first)] = owners.plan());
            return new DecodeTable(first, dense, null, null);
        }
        int capacity = Integer.highestOneBit(Math.max(4, words.size() * 2 + 1)) * 2;
        long[] keys = new long[capacity];
        WordPlan[] hashed = new WordPlan[capacity];
        words.forEach((w, owners) -> {
            int i = hash(w) & (capacity - 1);
            while (hashed[i] != null) {
                i = (i + 1) & (capacity - 1);
            }
            keys[i] = w;
            hashed[i] = owners.plan();
        });
        return new DecodeTable(0, null, keys, hashed);
    }

    private static int hash(long word) {
        long h = word * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32);
    }

    /**
     * Which register byte each lane of one word carries, for reads and for writes. Two registers may
     * share an address only as a read-only/write-only pair, so a readable register wins the read
     * lanes and a writable one the write lanes.
     */
    private static final class LaneOwners {
        private final Register[] readers = new Register[4];
        private final int[] readerBytes = new int[4];
        private final Register[] writers = new Register[4];
        private final int[] writerBytes = new int[4];

        void claim(int lane, Register r, int registerByte) {
            if (readers[lane] == null || !readers[lane].readable() && r.readable()) {
                readers[lane] = r;
                readerBytes[lane] = registerByte;
            }
            if (writers[lane] == null || !writers[lane].writable() && r.writable()) {
                writers[lane] = r;
                writerBytes[lane] = registerByte;
            }
        }

        WordPlan plan() {
            return new WordPlan(segments(readers, readerBytes), segments(writers, writerBytes));
        }

        /** Runs of lanes carrying consecutive bytes of the same register become one segment. */
        private static Segment[] segments(Register[] owners, int[] bytes) {
            List<Segment> out = new ArrayList<>(4);
            int lane = 0;
            while (lane < 4) {
                if (owners[lane] == null) {
                    lane++;
                    continue;
                }
                int end = lane + 1;
                while (end < 4 && owners[end] == owners[lane] && bytes[end] == bytes[lane] + (end - lane)) {
                    end++;
                }
                out.add(new Segment(owners[lane], bytes[lane], lane, end - lane));
                lane = end;
            }
            return out.toArray(new Segment[0]);
        }
    }
}
