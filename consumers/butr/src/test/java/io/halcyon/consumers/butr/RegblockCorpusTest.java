package io.halcyon.consumers.butr;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.generator.RegisterMaps;

/**
 * For every root address map of every PeakRDL-regblock corpus file: the BUTR suites derived from the
 * description (by the generator's converter) all pass against the emulation's register file built from
 * the same description. A file the compiler cannot elaborate is skipped, named, as the compiler's gap.
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
    public static List<Object[]> files() throws IOException {
        List<Object[]> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(corpus())) {
            for (Path f : s.filter(p -> p.toString().endsWith(".rdl")).sorted().toList()) {
                List<String> tops;
                try {
                    tops = compiler(f).rootAddrmaps();
                } catch (RdlException e) {
                    tops = List.of("?");
                }
                for (String t : tops) {
                    out.add(new Object[] {f.getFileName() + " " + t, f, t});
                }
            }
        }
        return out;
    }

    @Test
    public void everySuitePasses() {
        ElaboratedModel model;
        try {
            model = compiler(file).elaborate(top.equals("?") ? null : top);
        } catch (RdlException e) {
            // Every valid corpus file must elaborate: a compiler regression fails here, it is not skipped.
            throw new AssertionError("rdl-compiler cannot elaborate " + file.getFileName() + ": " + e.getMessage(), e);
        }
        BlockUnderTest block = new BlockUnderTest(top, 0, RegisterMaps.registers(model, model.top()),
                RegisterMaps.memories(model, model.top()));
        RegisterFileAccess access = new RegisterFileAccess(RegisterFileBuilder.build(model));
        TestReport report = TestRunner.run("emulation", TestRequest.wholeChip(0).withSeed(file.hashCode()), List.of(block),
                access, Budget.UNLIMITED, ProgressListener.NONE);
        System.out.printf("%s %s: %d passed, %d skipped, %d failed%n", file.getFileName(), top, report.count(Outcome.PASSED),
                report.count(Outcome.SKIPPED), report.count(Outcome.FAILED));
        assertEquals(report.failures().stream().map(CheckResult::message).collect(Collectors.joining("\n")), 0,
                report.count(Outcome.FAILED));
    }

    static Path corpus() {
        String dir = System.getProperty("halcyon.rdl.corpus");
        if (dir == null) {
            throw new IllegalStateException("system property halcyon.rdl.corpus is not set (see the butr pom)");
        }
        return Path.of(dir);
    }

    /** A compiler loaded as PeakRDL-regblock's tests load one: its property definitions first, then the file. */
    static RdlCompiler compiler(Path file) {
        RdlCompiler c = new RdlCompiler();
        if (!file.getFileName().toString().equals("regblock_udps.rdl")) {
            c.compile(corpus().resolve("regblock_udps.rdl"));
        }
        return c.compile(file);
    }
}
