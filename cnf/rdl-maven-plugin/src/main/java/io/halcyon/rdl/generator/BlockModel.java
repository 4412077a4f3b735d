package io.halcyon.rdl.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.halcyon.rdl.compiler.model.AddrmapNode;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.model.MemNode;
import io.halcyon.rdl.compiler.model.Node;
import io.halcyon.rdl.compiler.model.RegNode;

/**
 * A block as the generator sees it: the top address map's registers, arrays folded, offsets relative,
 * its memories one by one, and the virtual registers of its memories (a memory's entries as the
 * description lays them out, e.g. a descriptor ring's words), folded over the memory array and
 * their own arrays like registers, offsets relative to the block.
 */
record BlockModel(String name, String title, String desc, List<RegisterType> registers, List<MemoryModel> memories,
        List<RegisterType> memoryRegisters) {

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    /** @param blockName the block's short name; null takes the top address map's instance name */
    static BlockModel of(ElaboratedModel model, String blockName) {
        AddrmapNode top = model.top();
        String name = blockName != null ? blockName : top.instName();
        String title = top.properties().get("name") instanceof String s ? s : null;
        return new BlockModel(name, title, top.desc(), folded(name, top, model.registers()), MemoryModel.of(model, top),
                folded(name, top, virtualRegisters(model)));
    }

    /** Registers grouped by their path without indices, each group folded into one type. */
    private static List<RegisterType> folded(String name, AddrmapNode top, List<RegNode> registers) {
        Map<String, List<RegNode>> byKey = new LinkedHashMap<>();
        for (RegNode r : registers) {
            byKey.computeIfAbsent(INDEX.matcher(relative(top, r)).replaceAll(""), k -> new ArrayList<>()).add(r);
        }
        List<RegisterType> types = new ArrayList<>();
        for (Map.Entry<String, List<RegNode>> e : byKey.entrySet()) {
            types.add(fold(name, top, e.getKey(), e.getValue(), relative(top, e.getValue().get(0))));
        }
        return List.copyOf(types);
    }

    /** The registers inside every memory (element), which the model does not list among its registers. */
    private static List<RegNode> virtualRegisters(ElaboratedModel model) {
        List<RegNode> all = new ArrayList<>();
        for (MemNode m : model.memories()) {
            for (Node child : m.children()) {
                if (child instanceof RegNode r) {
                    all.add(r);
                }
            }
        }
        all.sort(java.util.Comparator.comparingLong(RegNode::absoluteAddress));
        return all;
    }

    /** One line for javadoc and HardwareBlock.description(): "name: desc", or whichever exists. */
    String summary() {
        String t = title == null ? "" : Names.oneLine(title);
        String d = desc == null ? "" : Names.oneLine(desc);
        return t.isEmpty() ? d : d.isEmpty() ? t : t + ": " + d;
    }

    private static String relative(AddrmapNode top, RegNode r) {
        return relative(top, r.path());
    }

    /** A path relative to the map, as register maps name things ({@code CH[1].HEAD}). */
    static String relative(AddrmapNode top, String path) {
        String prefix = top.path() + ".";
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    /** Splits a path around its indices: {@code rf[1].r[2]} gives {@code ["rf[", "].r[", "]"]}. */
    private static List<String> splitAroundIndices(String path) {
        List<String> parts = new ArrayList<>();
        Matcher m = INDEX.matcher(path);
        int from = 0;
        while (m.find()) {
            parts.add(path.substring(from, m.start() + 1));
            from = m.end() - 1;
        }
        parts.add(path.substring(from));
        return parts;
    }

    /** Folds the elements of one (possibly nested) array into a type with an affine address rule. */
    private static RegisterType fold(String block, AddrmapNode top, String key, List<RegNode> elements, String firstPath) {
        long base = top.absoluteAddress();
        RegNode first = elements.get(0);
        int width = first.width();
        if (width != 32 && width != 64) {
            throw new GenerationException(block + "." + key + ": regwidth " + width
                    + " is not supported: the RegisterBus accesses 32 or 64 bits");
        }
        List<String> parts = splitAroundIndices(firstPath);
        int rank = parts.size() - 1;
        int[] dims = new int[rank];
        int[][] indices = new int[elements.size()][];
        for (int e = 0; e < elements.size(); e++) {
            indices[e] = indicesOf(relativeIndices(elements.get(e)), rank, block, key);
            for (int k = 0; k < rank; k++) {
                dims[k] = Math.max(dims[k], indices[e][k] + 1);
            }
        }
        long offset = first.absoluteAddress() - base;
        long[] strides = new long[rank];
        for (int e = 0; e < elements.size(); e++) {
            int nonZero = -1, count = 0;
            for (int k = 0; k < rank; k++) {
                if (indices[e][k] != 0) {
                    nonZero = k;
                    count++;
                }
            }
            if (count == 1 && indices[e][nonZero] == 1) {
                strides[nonZero] = elements.get(e).absoluteAddress() - base - offset;
            }
        }
        for (int e = 0; e < elements.size(); e++) {
            long expected = offset;
            for (int k = 0; k < rank; k++) {
                expected += indices[e][k] * strides[k];
            }
            if (elements.get(e).absoluteAddress() - base != expected) {
                throw new GenerationException(block + "." + key + ": array elements are not evenly spaced ("
                        + elements.get(e).path() + ")");
            }
        }
        int product = 1;
        for (int d : dims) {
            product *= d;
        }
        if (product != elements.size()) {
            throw new GenerationException(block + "." + key + ": " + elements.size() + " elements do not fill "
                    + product + " array positions");
        }
        List<String> aliasParts = null;
        if (first.aliasOf() != null) {
            aliasParts = splitAroundIndices(relative(top, first.aliasOf()));
            if (aliasParts.size() != parts.size()) {
                throw new GenerationException(block + "." + key + ": an alias array must have the shape of its primary ("
                        + first.aliasOf() + ")");
            }
        }
        String title = first.properties().get("name") instanceof String s ? s : null;
        return new RegisterType(key, List.copyOf(parts), dims, offset, strides, width, first.reset(), title,
                first.desc(), first.fields().stream().map(f -> FieldModel.of(f, first.msb0())).toList(), first.external(),
                aliasParts == null ? null : List.copyOf(aliasParts), first.typeName());
    }

    private static List<Integer> relativeIndices(RegNode r) {
        List<Integer> out = new ArrayList<>();
        Matcher m = INDEX.matcher(r.path());
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    /** The last {@code rank} indices of the path: the top map itself may be an array element. */
    private static int[] indicesOf(List<Integer> all, int rank, String block, String key) {
        if (all.size() < rank) {
            throw new GenerationException(block + "." + key + ": inconsistent array indices");
        }
        int[] out = new int[rank];
        for (int k = 0; k < rank; k++) {
            out[k] = all.get(all.size() - rank + k);
        }
        return out;
    }
}
