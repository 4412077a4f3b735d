package io.halcyon.launcher.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.halcyon.hal.api.regmap.FieldInfo;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;

/**
 * What the console offers on Tab for the {@code hal:} commands that take block, register and field
 * names: {@code hal:read}/{@code hal:write} BLOCK REGISTER (FIELD=...), {@code hal:butr}/{@code hal:hitl}
 * BLOCK or BLOCK.REGISTER, {@code hal:update}/{@code hal:rollback} BLOCK. Pure: the blocks are given.
 */
final class Completion {
    private Completion() {}

    /** Options of hal:butr and hal:hitl that take a value: the word after one is no operand. */
    private static final Set<String> VALUED = Set.of("--seed", "--mode", "--junit");

    /**
     * @param words the words of the line so far (the command first)
     * @param index the index of the word being completed
     * @param blocks chip 0's blocks by lower-case name
     */
    static List<String> candidates(List<String> words, int index, Map<String, HardwareBlock> blocks) {
        if (words.isEmpty() || index < 1) {
            return List.of();
        }
        String command = words.get(0).substring(words.get(0).indexOf(':') + 1);
        List<String> operands = new ArrayList<>();
        for (int i = 1; i < Math.min(index, words.size()); i++) {
            String w = words.get(i);
            if (w.startsWith("-")) {
                if (VALUED.contains(w)) {
                    i++;
                }
                continue;
            }
            operands.add(w);
        }
        int position = operands.size();
        List<String> out = new ArrayList<>();
        switch (command) {
            case "read", "write" -> {
                if (position == 0) {
                    out.addAll(blocks.keySet());
                } else {
                    HardwareBlock block = blocks.get(operands.get(0).toLowerCase(Locale.ROOT));
                    if (block == null) {
                        break;
                    }
                    if (position == 1) {
                        block.registers().forEach(r -> out.add(r.name()));
                    } else if (command.equals("write")) {
                        block.register(operands.get(1)).ifPresent(r -> r.fields().stream().filter(f -> f.software().writable())
                                .map(FieldInfo::name).forEach(f -> out.add(f + "=")));
                    }
                }
            }
            case "butr", "hitl" -> {
                if (position == 0) {
                    for (HardwareBlock b : blocks.values()) {
                        out.add(b.name());
                        for (RegisterInfo r : b.registers()) {
                            out.add(b.name() + "." + r.name());
                        }
                    }
                }
            }
            case "update", "rollback" -> {
                if (position == 0) {
                    out.addAll(blocks.keySet());
                }
            }
            default -> { }
        }
        return out;
    }
}
