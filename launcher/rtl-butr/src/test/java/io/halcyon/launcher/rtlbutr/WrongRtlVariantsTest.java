package io.halcyon.launcher.rtlbutr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.halcyon.consumers.butr.BlockUnderTest;
import io.halcyon.consumers.butr.Budget;
import io.halcyon.consumers.butr.BusAccess;
import io.halcyon.consumers.butr.TestRunner;
import io.halcyon.hal.api.butr.CheckResult;
import io.halcyon.hal.api.butr.ProgressListener;
import io.halcyon.hal.api.butr.Suite;
import io.halcyon.hal.api.butr.TestReport;
import io.halcyon.hal.api.butr.TestRequest;
import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.ChipCatalog;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.verification.SimulatorBuild;
import io.halcyon.platform.verification.SimulatorProcess;
import io.halcyon.platform.verification.SimulatorSources;
import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.generator.RegisterMaps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.Test;

/**
 * Deliberately wrong RTL of the reference chip's blocks: the generated RTL the verification platform
 * carries, with one line changed, built into the chip's simulator and checked by BUTR through the
 * platform's client, as {@code hal:butr} on {@code --platform verification} checks it. Each is caught,
 * the failure naming register, field and bit, and nothing else in the block fails.
 */
public class WrongRtlVariantsTest {

    private static final Path CACHE = Path.of(System.getProperty("halcyon.verification.cache", "target/simulators"));

    @Test
    public void aWriteOneToClearBitImplementedAsReadWriteIsCaught() throws Exception {
        List<CheckResult> failures = butrOn("intc", "halcyon_intc_regs.sv",
                "PENDING_DMA_q <= (hwi_PENDING_DMA_we ? hwi_PENDING_DMA_next : PENDING_DMA_q) & ~(wr_data[2:2] & wr_biten[2:2]);",
                "PENDING_DMA_q <= ((hwi_PENDING_DMA_we ? hwi_PENDING_DMA_next : PENDING_DMA_q) & ~wr_biten[2:2]) | (wr_data[2:2] & wr_biten[2:2]);");
        assertOnly(failures, Suite.SIDE_EFFECTS, "intc.PENDING.DMA[2]");
        assertTrue(failures.get(0).message(), failures.get(0).reason().startsWith("woclr after writing 1: expected 0x0, read 0x4"));
    }

    @Test
    public void aResetValueOffByOneBitIsCaught() throws Exception {
        List<CheckResult> failures = butrOn("clkrst", "reference_gen1_core.sv", ".RESET_CORE_PLL_CTRL_MULT(8'ha),", ".RESET_CORE_PLL_CTRL_MULT(8'hb),");
        assertOnly(failures, Suite.RESET, "clkrst.CORE_PLL_CTRL.MULT[8]");
        assertEquals(0x0A00, failures.get(0).expected());
        assertEquals(0x0B00, failures.get(0).actual());
    }

    @Test
    public void twoRegistersDecodingToOneAddressAreCaught() throws Exception {
        // CMD_K (select bit 8) answers at its own offset and at CMD_SCALAR's: a write to CMD_SCALAR lands in both.
        List<CheckResult> failures = butrOn("tensor", "halcyon_tensor_regs.sv", "7'h28: sel[9] = 1'b1;  // CMD_SCALAR",
                "7'h28: begin sel[9] = 1'b1; sel[8] = 1'b1; end  // CMD_SCALAR, and CMD_K");
        assertOnly(failures, Suite.ALIASING, "tensor.CMD_SCALAR.VALUE[0]");
        assertTrue(failures.get(0).reason(), failures.get(0).reason().contains("tensor.CMD_K.K[0]"));
    }

    @Test
    public void aReadOnlyFieldThatTakesWritesIsCaught() throws Exception {
        // SIZE is a constant; here a flop that software writes (starting at its reset value: the HBM model sizes itself from it).
        List<CheckResult> failures = butrOn("hbm", "halcyon_hbm_regs.sv", "    assign SIZE_SIZE_MB_q = RESET_SIZE_SIZE_MB;\n",
                "    initial SIZE_SIZE_MB_q = RESET_SIZE_SIZE_MB;\n"
                        + "    always_ff @(posedge clk) if (rst) SIZE_SIZE_MB_q <= RESET_SIZE_SIZE_MB; else if (sel[2] && req_is_wr) SIZE_SIZE_MB_q <= wr_data;\n");
        assertOnly(failures, Suite.ACCESS, "hbm.SIZE.SIZE_MB[0]");
    }

    /** BUTR on {@code instance} of reference_gen1 whose RTL file {@code file} has {@code line} (exactly once) replaced. */
    private static List<CheckResult> butrOn(String instance, String file, String line, String replacement) throws Exception {
        SimulatorSources carried = SimulatorSources.carried();
        String rtl = new String(carried.files().get("rtl/" + file), StandardCharsets.UTF_8);
        int at = rtl.indexOf(line);
        assertTrue(file + " holds '" + line + "' exactly once", at >= 0 && rtl.indexOf(line, at + 1) < 0);
        SimulatorSources variant = carried.with("rtl/" + file, rtl.replace(line, replacement).getBytes(StandardCharsets.UTF_8));
        SimulatorBuild.Built built = SimulatorBuild.of(variant, "reference_gen1", "apb4", CACHE);
        Path run = Files.createDirectories(Path.of("target/variants"));
        try (SimulatorProcess sim = SimulatorProcess.start(built.executable(), SimulatorProcess.socketPath(run, instance + ".sock"),
                run.resolve(instance + ".log"))) {
            TestReport report = TestRunner.run("verification", TestRequest.wholeChip(0), List.of(block(instance)),
                    new BusAccess(sim.client().bus()), Budget.UNLIMITED, ProgressListener.NONE);
            report.failures().forEach(f -> System.out.println(file + " variant: " + f.message()));
            return report.failures();
        }
    }

    /** The block instance of reference_gen1 as its description (the block bundle's .rdl) and the chip map place it. */
    private static BlockUnderTest block(String instance) {
        ChipModel chip = ServiceLoader.load(ChipCatalog.class).stream().flatMap(c -> c.get().chipMaps().stream())
                .filter(m -> m.name().equals("reference_gen1")).findFirst().orElseThrow();
        BlockInstance b = chip.requireBlock(instance);
        String type = b.type().name();
        ElaboratedModel model = new RdlCompiler().compile(Path.of("../../block-bundles", type, "src/main/rdl", type + ".rdl")).elaborate(null);
        return new BlockUnderTest(instance, b.base(), RegisterMaps.registers(model, model.top()), RegisterMaps.memories(model, model.top()));
    }

    private static void assertOnly(List<CheckResult> failures, Suite suite, String location) {
        String all = failures.stream().map(CheckResult::message).collect(Collectors.joining("\n"));
        assertEquals(all, 1, failures.size());
        assertEquals(all, suite, failures.get(0).suite());
        assertEquals(all, location, failures.get(0).location());
    }
}
