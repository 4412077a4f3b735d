package io.halcyon.consumers.butr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.TestMode;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;

/**
 * While a new version of a block is staged beside the running one, two maps of the block are
 * registered. A run of the chip tests the running version's (registered first); a health gate passes
 * the staged version's map and gets that one tested, whichever sorts first.
 */
public class StagedDescriptionTest {

    private static final TestRequest SYSCTRL = TestRequest.wholeChip(0).onBlock("sysctrl").withMode(TestMode.NON_DESTRUCTIVE);

    private final EmulatedChipBench bench = new EmulatedChipBench();
    private final ChipServices services = BenchServices.chip0(bench);
    private final RegisterTestsService tests = new RegisterTestsService(services);
    /** A staged sysctrl whose map is wrong: every register 0x100 off, where the chip decodes nothing. */
    private final BenchServices.Description staged = new BenchServices.Description(misplaced(sysctrl()));

    @Test
    public void aRunOfTheChipTestsTheMapRegisteredFirst() {
        services.addBlock(staged, Map.of("halcyon.chip", "0", "service.id", 1000L));
        TestReport report = tests.run(SYSCTRL, ProgressListener.NONE);
        assertTrue(report.failures().toString(), report.passed());
        assertEquals("one sysctrl map planned", List.of("sysctrl"), report.results().stream().map(r -> r.block()).distinct().toList());
    }

    @Test
    public void aGateTestsTheMapItPassesEvenWhenAnotherWasRegisteredFirst() {
        services.addBlock(staged, Map.of("halcyon.chip", "0", "service.id", 1000L));
        TestReport report = tests.run(SYSCTRL, List.of(staged), ProgressListener.NONE);
        assertFalse("the staged map's checks fail on this chip", report.passed());
        assertTrue(report.failures().get(0).message(), report.failures().get(0).message().contains("bus error"));
    }

    @Test
    public void aRunOverGivenMapsRefusesABlockThatIsNotAmongThem() {
        try {
            tests.run(TestRequest.wholeChip(0).onBlock("dma"), List.of(staged), ProgressListener.NONE);
        } catch (IllegalArgumentException e) {
            assertEquals("unknown block 'dma'; blocks: sysctrl", e.getMessage());
            return;
        }
        throw new AssertionError("no exception");
    }

    private BlockUnderTest sysctrl() {
        return bench.blocks.stream().filter(b -> b.name().equals("sysctrl")).findFirst().orElseThrow();
    }

    private static BlockUnderTest misplaced(BlockUnderTest b) {
        return new BlockUnderTest(b.name(), b.base() + 0x100, b.registers(), b.memories());
    }
}
