package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.BlockType;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.FieldSpec;
import io.halcyon.platform.chipmodel.RegisterSpec;
import io.halcyon.platform.emulation.model.EmulatedChip;
import io.halcyon.platform.emulation.server.ChipServer;
import io.halcyon.platform.emulation.server.ClassPathChipMaps;

/**
 * The chip map drives everything, through the host as users run it: drivers follow a map whose
 * blocks all sit elsewhere (HALCYON_CHIPS=reference_gen1_relocated) through bring-up, the register
 * tests and training; a host attaching to a chip server finds out which map its chip is by reading
 * it; a chip of no known map is refused in one line; and the emulation carries no SystemRDL compiler
 * and writes nothing to the temporary directory.
 */
public class ChipMapIT {

    private static final Map<String, String> RELOCATED = Map.of("HALCYON_CHIPS", "reference_gen1_relocated");
    /** reference_gen1_relocated.rdl: every block at another base than reference_gen1's. */
    private static final Map<String, String> RELOCATED_BASES = Map.of("clkrst", "0x00100000", "pcie", "0x00120000",
            "hbm", "0x00140000", "dma", "0x00160000", "intc", "0x00180000", "tensor", "0x001a0000",
            "telemetry", "0x001c0000", "sysctrl", "0x001e0000", "otp", "0x00200000");

    /** Host infrastructure in the temporary directory, not the emulation's (see the test below). */

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void bringUpReachesReadyOnTheRelocatedChip() throws Exception {
        HostProcess.Result r = new HalcyonScript(tmp, RELOCATED).command("hal:bringup");
        assertTrue(r.stdout(), r.stdout().matches("(?s).*\\nidentify-chip\\s+\\S+\\s.*chip 0x484c4359 gen 1 rev 128 .*"));
        assertTrue(r.stdout(), r.stdout().matches("(?s).*\\nfuses\\s+done\\s.*serial 484c000100000080, .* locked\\n.*"));
        assertTrue(r.stdout(), r.stdout().matches("(?s).*\\nchip ready: 8 steps, [0-9.]+ us device time, [0-9.]+ ms wall\\n"));
    }

    @Test
    public void theRegisterTestsRunTheSameChecksOnTheRelocatedChipAndPass() throws Exception {
        String reference = total(new HalcyonScript(tmp, Map.of()).command("hal:butr --all"));
        String relocated = total(new HalcyonScript(tmp, RELOCATED).command("hal:butr --all"));
        assertTrue(relocated, relocated.matches("total\\s+\\d+\\s+0\\s+\\d+"));
        assertEquals("the same checks, passed and skipped alike", reference, relocated);
    }

    @Test
    public void trainingOnTheRelocatedChipGetsTheLossBelowItsTarget() throws Exception {
        HostProcess.Result r = new HalcyonScript(tmp, RELOCATED).command("hal:bringup; hal:train --steps 150 --progress none");
        assertTrue(r.stdout(), r.stdout().matches("(?s).*\\n  loss      [0-9.]+ -> [0-9.]+, target < [0-9.]+ \\(5 % of initial\\), below it from step \\d+\\n.*"));
    }

    @Test
    public void blocksShowTheRelocatedBases() throws Exception {
        assertEquals(RELOCATED_BASES, bases(new HalcyonScript(tmp, RELOCATED).command("hal:blocks")));
    }

    /** The short name gen2 (the launcher's, for reference_gen2): the main job runs on generation 2 and says so. */
    @Test
    public void theMainJobRunsOnAGenerationTwoChipAndNamesItsGeneration() throws Exception {
        HostProcess.Result r = new HalcyonScript(tmp, Map.of("HALCYON_CHIPS", "gen2")).run("--json", "--out",
                tmp.newFolder("gen2-run").toString());
        assertEquals(r.stderr(), 0, r.exitCode());
        assertTrue(r.stdout(), r.stdout().startsWith("{\"chip\":{\"chipMap\":\"reference_gen2\",\"generation\":2},\"bringup\":["));
        // The generation-2 DMA engine is another block type, driven by its own bundle.
        HostProcess.Result blocks = new HalcyonScript(tmp, Map.of("HALCYON_CHIPS", "gen2")).command("hal:blocks");
        assertTrue(blocks.stdout(), blocks.stdout().matches("(?s).*\\ndma\\s+0x00040000\\s+\\d+\\s+io\\.halcyon\\.block\\.dma2\\s.*"));
    }

    @Test
    public void aHostAttachingToAChipServerFindsOutWhichMapItsChipIs() throws Exception {
        Path socket = tmp.getRoot().toPath().resolve("chip.sock");
        try (ChipServerProcess chip = ChipServerProcess.start(new HalcyonScript(tmp, RELOCATED), socket)) {
            // The host is not told which map the server used: no HALCYON_CHIPS, only the socket.
            HostProcess.Result r = new HalcyonScript(tmp, chip.attach()).command("hal:blocks");
            assertEquals(RELOCATED_BASES, bases(r));
        }
    }

    @Test
    public void aChipOfNoKnownMapIsRefusedInOneLineNamingTheIdentityItRead() throws Exception {
        ChipModel unknown = withChipId(ClassPathChipMaps.named("reference_gen1"), 0x1234_5678L);
        Path socket = tmp.getRoot().toPath().resolve("unknown.sock");
        try (ChipServer server = ChipServer.start(EmulatedChip.of(unknown), socket)) {
            // Ready as soon as the shell is, so the refusal is seen at once rather than after the ready timeout.
            HostProcess.Result r = new HalcyonScript(tmp, Map.of("HALCYON_CHIP", socket.toString(),
                    "HALCYON_JAVA_OPTS", "-Dhalcyon.ready=(osgi.command.scope=hal)")).run("run", "hal:info");
            assertEquals(r.stderr(), 1, r.exitCode());
            List<String> refusal = r.stderrLines().stream().filter(l -> l.contains("emulation platform")).toList();
            // The edu's identification shares address 0 with CHIP_ID: the same word, read once, as each map names it.
            assertEquals(r.stderr(), List.of("halcyon: emulation platform: chip 0: identity edu.ID.MAGIC=0x78"
                    + " edu.ID.MINOR=0x34 edu.ID.MAJOR=0x12 sysctrl.CHIP_ID.ID=0x12345678"
                    + " sysctrl.VERSION.REVISION=0x1 sysctrl.VERSION.GENERATION=0x1 matches no chip map"
                    + " (known: qemu_edu, reference_gen1, reference_gen1_relocated, reference_gen2); nothing is published for it"), refusal);
        }
    }

    @Test
    public void theEmulationPlatformCarriesNoSystemRdlCompiler() throws Exception {
        // The jar the main host runs, as its assembly exports it.
        Path jar = Assembly.load(HostProcess.HOME, Assembly.MAIN).jars().stream()
                .filter(p -> p.getFileName().toString().startsWith("platform-emulation-"))
                .findFirst().orElseThrow(() -> new AssertionError("no emulation platform in the main assembly"));
        try (JarFile bundle = new JarFile(jar.toFile())) {
            List<String> compiler = bundle.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("io/halcyon/rdl/") || n.endsWith(".rdl")).toList();
            assertEquals("compiler classes or descriptions in " + jar, List.of(), compiler);
            assertTrue("the bundle's own classes are there", bundle.getEntry("io/halcyon/platform/emulation/EmulationPlatform.class") != null);
        }
    }

    /**
     * Every entry made directly in the host's temporary directory while it starts, brings the chip up
     * and stops, seen as it is made (a file created and deleted again counts too; the emulation used to
     * unpack its descriptions to {@code halcyon-chip-rdl*} there, Felix's cache and FileInstall's
     * scratch files went there too). The host's own files go to its run directory instead.
     */
    @Test
    public void aHostStartWritesNothingToTheTemporaryDirectory() throws Exception {
        Path temp = tmp.newFolder("java-io-tmpdir").toPath();
        List<String> created = new ArrayList<>();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            temp.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            // The control: an entry this test makes must be seen, or an empty list would prove nothing.
            Files.createFile(temp.resolve("control"));
            HostProcess.Result r = new HalcyonScript(tmp, Map.of("HALCYON_JAVA_OPTS", "-Djava.io.tmpdir=" + temp))
                    .command("hal:bringup");
            assertEquals(r.stderr(), 0, r.exitCode());
            for (WatchKey key = watch.poll(); key != null; key = watch.poll()) {
                for (WatchEvent<?> e : key.pollEvents()) {
                    assertTrue("events lost: " + e.kind(), e.kind() != StandardWatchEventKinds.OVERFLOW);
                    created.add(e.context().toString());
                }
                key.reset();
            }
        }
        assertEquals("written to " + temp, List.of("control"), created);
    }

    private static String total(HostProcess.Result r) {
        return r.stdout().lines().filter(l -> l.startsWith("total")).findFirst().orElseThrow(() -> new AssertionError(r.stdout()))
                .strip();
    }

    /** Block name to base address, from {@code hal:blocks}. */
    private static Map<String, String> bases(HostProcess.Result r) {
        Map<String, String> bases = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^(\\w+)\\s+(0x[0-9a-f]{8})\\s").matcher(r.stdout());
        while (m.find()) {
            bases.put(m.group(1), m.group(2));
        }
        return bases;
    }

    /** {@code map} with another CHIP_ID.ID reset in its sysctrl: a design the host's chip maps do not know. */
    private static ChipModel withChipId(ChipModel map, long id) {
        List<BlockInstance> blocks = map.blocks().stream().map(b -> b.name().equals("sysctrl")
                ? new BlockInstance(b.name(), withReset(b.type(), "CHIP_ID", "ID", id), b.base()) : b).toList();
        return new ChipModel("unknown", "a design no chip map describes", blocks, List.of());
    }

    private static BlockType withReset(BlockType t, String register, String field, long reset) {
        List<RegisterSpec> registers = t.registers().stream().map(r -> !r.path().equals(register) ? r
                : new RegisterSpec(r.path(), r.offset(), r.width(), r.accessWidth(), r.msb0(), r.aliasOf(), r.external(),
                        r.fields().stream().map(f -> !f.name().equals(field) ? f : new FieldSpec(f.name(), f.lsb(), f.width(),
                                reset, f.sw(), f.hw(), f.onRead(), f.onWrite(), f.singlePulse(), f.incrSaturate(),
                                f.decrSaturate(), f.counter(), f.encoding())).toList())).toList();
        return new BlockType(t.name(), t.pid(), t.description(), t.size(), registers, t.memories());
    }
}
