package io.halcyon.consumers.butr;

import static org.junit.Assert.assertEquals;

import java.util.EnumSet;
import java.util.List;

import org.junit.Test;

import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;
import io.halcyon.platform.emulation.regfile.RegisterFileBuilder;
import io.halcyon.platform.emulation.regfile.RegisterFileModel;
import io.halcyon.rdl.chipmap.ChipModelConverter;
import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.generator.RegisterMaps;

/** The memory walk passes on an emulated memory and leaves its contents as it found them; external memories are skipped. */
public class MemoryWalkTest {

    private static final String RDL = """
            addrmap blk {
                reg { field { sw = rw; hw = r; } V[31:0] = 0; } R @ 0x0;
                mem { mementries = 32; memwidth = 32; } TABLE @ 0x100;
                mem { mementries = 8; memwidth = 64; } WIDE @ 0x200;
                external mem { mementries = 4; memwidth = 32; } OUTSIDE @ 0x300;
            };
            """;

    @Test
    public void walksEveryInternalMemoryAndRestoresIt() {
        ElaboratedModel model = new RdlCompiler().perl(null).compileText(RDL, "inline.rdl").elaborate(null);
        RegisterFileModel file = RegisterFileBuilder.build(ChipModelConverter.blockType(model, model.top(), "blk"));
        file.write(0x104, 4, 0xCAFE_F00DL);
        BlockUnderTest block = new BlockUnderTest("blk", 0, RegisterMaps.registers(model, model.top()),
                RegisterMaps.memories(model, model.top()));
        TestReport report = TestRunner.run("emulation", TestRequest.wholeChip(0).withSuites(EnumSet.of(Suite.MEMORY_WALK)),
                List.of(block), new RegisterFileAccess(file), Budget.UNLIMITED, ProgressListener.NONE);
        assertEquals(report.results().toString(), 2, report.count(Outcome.PASSED));
        assertEquals(1, report.count(Outcome.SKIPPED));
        assertEquals("OUTSIDE", report.results().stream().filter(r -> r.outcome() == Outcome.SKIPPED).findFirst()
                .orElseThrow().register());
        assertEquals(0xCAFE_F00DL, file.read(0x104, 4));
    }
}
