package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The update history and the jars each bundle ran live in the host's state directory, not in the
 * framework's cache (which every host start wipes): they outlive a restart and a SIGKILL, so
 * {@code hal:history} shows what earlier hosts did and {@code hal:rollback} still knows the version
 * before. Each test has a state directory of its own ({@code -Dhalcyon.state}).
 */
public class UpdateHistoryIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private HalcyonScript halcyon;
    private Path state;
    private Path next;

    @Before
    public void aStateDirectoryAndTheSysctrlBundlesNextVersion() throws Exception {
        state = tmp.newFolder("state").toPath();
        halcyon = new HalcyonScript(tmp, Map.of("HALCYON_JAVA_OPTS", "-Dhalcyon.state=" + state));
        next = AssemblyJars.withHeaders(AssemblyJars.exported("block-sysctrl-"), tmp.getRoot().toPath().resolve("sysctrl-7.0.1.jar"),
                Map.of("Bundle-Version", "7.0.1"));
    }

    @Test
    public void aRestartedHostShowsEarlierUpdatesAndRollsBackToTheVersionBeforeTheRestart() throws Exception {
        String update = halcyon.command("hal:update sysctrl " + next).stdout();
        assertTrue(update, update.matches("(?s)#1 sysctrl io\\.halcyon\\.block\\.sysctrl \\S+ -> 7\\.0\\.1 UPDATED .*gate: \\d+ register checks.*"));

        // A new host process: it runs the assembly's sysctrl again, and says so in the history.
        String history = halcyon.command("hal:history").stdout();
        List<String> records = history.lines().filter(l -> l.matches("\\d+ .*")).toList();
        assertEquals(history, 2, records.size());
        assertTrue(history, records.get(0).matches("1 +\\S+ +sysctrl +\\S+ -> 7\\.0\\.1 +UPDATED .* shell .*"));
        assertTrue(history, records.get(1).matches("2 +\\S+ +sysctrl +7\\.0\\.1 -> \\S+ +UPDATED .* host start: .*hal:rollback puts 7\\.0\\.1 back"));
        assertTrue("phases and gate counts survive the restart: " + history,
                history.contains("gate: ") && history.matches("(?s).*phases ms: install [0-9.]+, start.*"));

        String rollback = halcyon.command("hal:rollback sysctrl").stdout();
        assertTrue("back to the version that ran before the restart, its bytes kept in the state directory: " + rollback,
                rollback.matches("(?s)#3 sysctrl \\S+ \\S+ -> 7\\.0\\.1 UPDATED .*hal:rollback: the version that ran before is back.*"));
    }

    @Test
    public void aHostKilledRightAfterAnUpdateKeepsItsRecord() throws Exception {
        Path stderr = tmp.newFile("killed.err").toPath();
        Process host = halcyon.start(stderr, "run", "hal:bringup; hal:update sysctrl " + next + "; hal:train --steps 20000 --progress lines");
        try {
            String progress = CompletableFuture.supplyAsync(() -> firstLineWith(host, "step ")).get(90, TimeUnit.SECONDS);
            assertTrue(progress, progress.contains("step "));
        } finally {
            host.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed on the way out
            assertTrue(host.waitFor(30, TimeUnit.SECONDS));
        }
        String history = halcyon.command("hal:history").stdout();
        assertTrue(history, history.lines().anyMatch(l -> l.matches("1 +\\S+ +sysctrl +\\S+ -> 7\\.0\\.1 +UPDATED .*")));
        assertTrue("the file holds whole lines only", Files.readString(state.resolve("update/history.jsonl"), StandardCharsets.UTF_8)
                .lines().allMatch(l -> l.startsWith("{\"sequence\":") && l.endsWith("}")));
    }

    private static String firstLineWith(Process host, String text) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains(text)) {
                    return line;
                }
            }
            return "the host ended without printing '" + text + "'";
        } catch (java.io.IOException e) {
            return "the host's output could not be read: " + e;
        }
    }
}
