package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/**
 * Versions that must not serve, deployed while the training workload runs ({@code hal:soak --bad}):
 * for every block of the chip a version that misaddresses its registers (each register access 0x100
 * bytes off), which the health gate must roll back; one test per block. The same run deploys a
 * version whose activation throws, one with a missing import and an API version that fails once
 * refreshed (restored); zero consumer calls fail, the weights stay those of an undisturbed run, and the
 * host, whose updates were all handled correctly, is healthy: exit 0.
 */
@RunWith(Parameterized.class)
public class BadVersionsIT {

    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    private static String report;

    /**
     * The blocks of the chip the soak runs on (reference_gen1, as its chip map instances them) that the main
     * assembly has a bundle for. The assembly also carries blocks of other chip maps (the edu of qemu_edu),
     * which the soak's chip does not have.
     */
    @Parameters(name = "{0}")
    public static List<String> blocks() throws IOException {
        Path chipMap = Path.of("..", "..", "platform-bundles", "chip-maps", "src", "main", "rdl", "reference_gen1.rdl");
        Matcher instance = Pattern.compile("(?m)^\\s*(\\w+)\\s+\\w+\\s*@").matcher(Files.readString(chipMap));
        List<String> onChip = new ArrayList<>();
        while (instance.find()) {
            onChip.add(instance.group(1));
        }
        try (Stream<Path> jars = Files.list(HostProcess.HOME.resolve("export").resolve(Assembly.MAIN))) {
            List<String> blocks = jars.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("block-"))
                    .map(n -> n.substring("block-".length(), n.indexOf('-', "block-".length()))).filter(onChip::contains).sorted().toList();
            assertEquals("a bundle for every block of " + chipMap + ": " + blocks, onChip.size(), blocks.size());
            return blocks;
        }
    }

    @Parameter
    public String block;

    @BeforeClass
    public static void soakWithBadVersions() throws Exception {
        HalcyonScript halcyon = new HalcyonScript(tmp, Map.of("HALCYON_JAVA_OPTS", "-Dhalcyon.state=" + tmp.newFolder("state")));
        report = Soak.json(halcyon, "hal:soak --updates 9 --bad --api-updates 1 --json", HalcyonHost.OK);
    }

    @Test
    public void aVersionThatMisaddressesItsRegistersIsRolledBackByTheGateWhileTheWorkloadRuns() {
        assertTrue("rolled back by the health gate: " + report, report.matches("(?s).*\"misaddressedRejected\": \\[[^]]*\"" + block + "\".*"));
        assertEquals("no consumer call failed: " + report, 0, Soak.number(report, "failedCalls"), 0);
        assertTrue("the workload's weights are an undisturbed run's: " + report, report.contains("\"identical\": true"));
        assertEquals("every bad version rolled back (a misaddressing one per block, activation throws, missing import): " + report,
                blockCount() + 2, Soak.number(report, "rollbacks"), 0);
        assertEquals("the API version that failed once refreshed was restored: " + report, 1, Soak.number(report, "apiRestored"), 0);
    }

    private static int blockCount() {
        try {
            return blocks().size();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
