package io.halcyon.rdl.generator;

import java.util.List;

/**
 * One register of a block, or one array of identical registers folded into a single type (as
 * chiptool folds them). Offsets are relative to the block's base: element {@code (i0, i1, ...)}
 * sits at {@code offset + i0 * strides[0] + i1 * strides[1] + ...}.
 *
 * @param key instance names from the block down, without indices ({@code VERSION}, {@code rf.r})
 * @param pathParts the element name split around its indices ({@code ["rf[", "].r[", "]"]}), for the map
 * @param aliasParts for an alias, the primary's name split the same way (element i aliases the primary's
 *        element i); null for an ordinary register
 * @param typeName the SystemRDL definition the register is an instance of ({@code pll_ctrl_r}); null for an
 *        anonymous one
 */
record RegisterType(String key, List<String> pathParts, int[] dims, long offset, long[] strides, int width,
        long reset, String title, String desc, List<FieldModel> fields, boolean external, List<String> aliasParts,
        String typeName) {

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

    /** The element's path with {@code []} where its indices go: {@code CH[].HEAD}. */
    String pathTemplate() {
        return String.join("", pathParts);
    }

    /** One line for javadoc and register maps: the name if the description gives one, else the desc. */
    String summary() {
        return Names.titleOrDesc(title, desc);
    }
}
