package io.halcyon.launcher.rtlbutr;

import io.halcyon.consumers.butr.BlockUnderTest;
import io.halcyon.hal.api.regmap.MemoryInfo;
import io.halcyon.hal.api.regmap.RegisterInfo;
import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.generator.RegisterMaps;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The block under test as its SystemRDL describes it: the files elaborated by the project's SystemRDL
 * compiler (the last root address map is the top unless one is named), its registers and memories as the
 * BUTR planner reads a register map, with the fields that held-at-zero inputs keep still made testable
 * ({@link HeldInputs}).
 */
record Description(String name, BlockUnderTest block, HeldInputs.Result held, long span) {

    /** @throws io.halcyon.rdl.compiler.diag.RdlException with file:line:column diagnostics when the files do not elaborate */
    static Description of(List<Path> files, List<Path> includes, Optional<String> top) {
        RdlCompiler compiler = new RdlCompiler();
        includes.forEach(compiler::addIncludeDir);
        files.forEach(compiler::compile);
        ElaboratedModel model = compiler.elaborate(top.orElse(null));
        List<RegisterInfo> registers = RegisterMaps.registers(model, model.top());
        List<MemoryInfo> memories = RegisterMaps.memories(model, model.top());
        HeldInputs.Result held = HeldInputs.apply(model, registers);
        long span = 0;
        for (RegisterInfo r : registers) {
            span = Math.max(span, r.offset() + r.width() / 8);
        }
        for (MemoryInfo m : memories) {
            span = Math.max(span, m.offset() + m.entries() * (m.width() / 8));
        }
        String name = model.top().instName();
        return new Description(name, new BlockUnderTest(name, 0, held.registers(), memories), held, span);
    }

    /**
     * Null when every register lies within what an {@code addressBits}-bit address reaches, else what does
     * not fit: the description and the RTL disagree on the block's size.
     */
    String outside(int addressBits) {
        long reach = addressBits >= 63 ? Long.MAX_VALUE : 1L << addressBits;
        if (span <= reach) {
            return null;
        }
        String beyond = block.registers().stream().filter(r -> r.offset() + r.width() / 8 > reach).findFirst()
                .map(r -> "register " + r.name() + " at 0x" + Long.toHexString(r.offset()))
                .orElse("a memory ending at 0x" + Long.toHexString(span));
        return beyond + " is beyond the " + addressBits + "-bit address of the RTL (0x0-0x" + Long.toHexString(reach - 1) + ")";
    }
}
