package io.halcyon.rdl.generator;

import java.util.List;

/**
 * One register of a block, or one array of identical registers folded into a single type (as
 * chiptool folds them). Offsets are relative to the block's base: element {@code (i0, i1, ...)}
 * sits at {@code offset + i0 * strides[0] + i1 * strides[1] + ...}.
 *
 * @param key instance names from the block down, without indices ({@code VERSION}, {@code rf.r})
 * @param pathParts the element name split around its indices ({@code ["rf[", "].r[", "]"]}), for the map
 */
record RegisterType(String key, List<String> pathParts, int[] dims, long offset, long[] strides, int width,
        long reset, String title, String desc, List<FieldModel> fields) {

    boolean isArray() {
        return dims.length > 0;
    }

    int elementCount() {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** One line for javadoc and register maps: the name if the description gives one, else the desc. */
    String summary() {
        if (title != null && !title.isBlank()) {
            return Names.oneLine(title);
        }
        return desc == null ? "" : Names.oneLine(desc);
    }
}
