package io.halcyon.consumers.butr;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.Outcome;
import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;
import io.halcyon.platform.emulation.regfile.RegisterFileBuilder;
import io.halcyon.rdl.chipmap.ChipModelConverter;
import io.halcyon.rdl.compiler.Corpus;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.generator.RegisterMaps;

/**
 * For every root address map of every PeakRDL-regblock corpus file: the BUTR suites derived from the
 * description (by the generator's converter) all pass against the emulation's register file built from
 * the same description. A file the compiler cannot elaborate fails, named.
 */
@RunWith(Parameterized.class)
public class RegblockCorpusTest {

    private final Path file;
    private final String top;

    public RegblockCorpusTest(String name, Path file, String top) {
        this.file = file;
        this.top = top;
    }

    @Parameters(name = "{0}")
    public static List<Object[]> files() {
        return Corpus.regblockCases();
    }

    @Test
    public void everySuitePasses() {
        ElaboratedModel model = Corpus.elaborateOrFail(file, top);
        BlockUnderTest block = new BlockUnderTest(top, 0, RegisterMaps.registers(model, model.top()),
                RegisterMaps.memories(model, model.top()));
        RegisterFileAccess access = new RegisterFileAccess(RegisterFileBuilder.build(ChipModelConverter.blockType(model,
                model.top(), top)));
        TestReport report = TestRunner.run("emulation", TestRequest.wholeChip(0).withSeed(file.hashCode()), List.of(block),
                access, Budget.UNLIMITED, ProgressListener.NONE);
        System.out.printf("%s %s: %d passed, %d skipped, %d failed%n", file.getFileName(), top, report.count(Outcome.PASSED),
                report.count(Outcome.SKIPPED), report.count(Outcome.FAILED));
        assertEquals(report.failures().stream().map(CheckResult::message).collect(Collectors.joining("\n")), 0,
                report.count(Outcome.FAILED));
    }
}
