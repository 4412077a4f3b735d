package io.halcyon.launcher.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The ways a jar reaches the update manager of a host, through {@code launcher/halcyon}: Maven
 * coordinates from the local repository ({@code -Dmaven.repo.local}), and the hot-deploy directory
 * holding a jar when the host starts. Whichever way, the same judgement: a block's new version is
 * swapped and gated, an API version is applied (dependents stopped, refreshed, restarted) when
 * compatible and refused when not. The host waits for the manager's decision about each jar in the
 * directory before it runs the command, and a decided jar does not leave it degraded.
 */
public class UpdateSourcesIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path state;
    private Path repository;
    private Path deploy;

    @Before
    public void ownStateRepositoryAndDeployDirectory() throws Exception {
        state = tmp.newFolder("state").toPath();
        repository = tmp.newFolder("repository").toPath();
        deploy = tmp.newFolder("deploy").toPath();
    }

    private HostProcess.Result run(String command) throws Exception {
        return HostProcess.run(deploy, null, java.util.List.of("halcyon.state=" + state, "maven.repo.local=" + repository), "run", command);
    }

    @Test
    public void mavenCoordinatesNameAJarInTheLocalRepository() throws Exception {
        AssemblyJars.withHeaders(AssemblyJars.exported("block-sysctrl-"),
                repository.resolve("io/halcyon/block-sysctrl/9.0.0/block-sysctrl-9.0.0.jar"), Map.of("Bundle-Version", "9.0.0"));
        HostProcess.Result r = run("hal:update sysctrl io.halcyon:block-sysctrl:9.0.0");
        assertEquals(r.stderr(), 0, r.exitCode());
        assertTrue(r.stdout(), r.stdout().matches("(?s)#1 sysctrl io\\.halcyon\\.block\\.sysctrl \\S+ -> 9\\.0\\.0 UPDATED .*"));
    }

    @Test
    public void anUpdateTheOperatorTookUncheckedIsRecordedAsSuch() throws Exception {
        Path jar = AssemblyJars.withHeaders(AssemblyJars.exported("block-sysctrl-"), tmp.getRoot().toPath().resolve("sysctrl.jar"),
                Map.of("Bundle-Version", "9.0.2"));
        HostProcess.Result r = run("hal:update --unchecked sysctrl " + jar);
        assertEquals(r.stderr(), 0, r.exitCode());
        assertTrue("the gate still ran what it could: " + r.stdout(), r.stdout().matches("(?s).*UPDATED .*unchecked by the operator; gate: \\d+ .*"));
        assertTrue(Files.readString(state.resolve("update/history.jsonl")).contains("\"unchecked\":true"));
    }

    @Test
    public void coordinatesMissingFromTheRepositoryAreOneLine() throws Exception {
        HostProcess.Result r = run("hal:update sysctrl io.halcyon:block-sysctrl:9.0.1");
        assertEquals(1, r.exitCode());
        assertEquals(r.stderr(), "halcyon: io.halcyon:block-sysctrl:9.0.1: not in the local Maven repository (looked for "
                + repository.resolve("io/halcyon/block-sysctrl/9.0.1/block-sysctrl-9.0.1.jar") + ")", r.stderrLines().get(0));
    }

    @Test
    public void anIncompatibleApiVersionByCoordinatesIsRefused() throws Exception {
        Path api = AssemblyJars.exported("hal-api-");
        String exports = AssemblyJars.header(api, "Export-Package")
                .replaceAll("(io\\.halcyon\\.hal\\.api\\.dma;[^,]*version=\")1\\.[0-9.]+\"", "$12.0.0\"");
        AssemblyJars.withHeaders(api, repository.resolve("io/halcyon/hal-api/2.0.0/hal-api-2.0.0.jar"),
                Map.of("Bundle-Version", "2.0.0", "Export-Package", exports));
        HostProcess.Result r = run("hal:update io.halcyon.hal.api io.halcyon:hal-api:2.0.0");
        assertEquals(r.stdout(), 1, r.exitCode());
        assertTrue(r.stderr(), r.stderr().contains("REFUSED"));
        assertTrue(r.stderr(), r.stderr().contains("io.halcyon.hal.api.dma goes 1.0.1 -> 2.0.0 (major change)"));
    }

    @Test
    public void aBlockJarInTheDeployDirectoryAtStartIsSwappedBeforeTheCommandRuns() throws Exception {
        AssemblyJars.withHeaders(AssemblyJars.exported("block-dma-"), deploy.resolve("dma.jar"), Map.of("Bundle-Version", "9.1.0"));
        HostProcess.Result r = run("hal:history");
        assertEquals("decided, not degraded: " + r.stderr(), 0, r.exitCode());
        assertTrue(r.stdout(), r.stdout().lines().anyMatch(l -> l.matches("1 +\\S+ +dma +\\S+ -> 9\\.1\\.0 +UPDATED .* hot-deploy dma\\.jar")));
    }

    @Test
    public void aCompatibleApiJarInTheDeployDirectoryIsAppliedWithItsDependents() throws Exception {
        AssemblyJars.withHeaders(AssemblyJars.exported("hal-api-"), deploy.resolve("api.jar"), Map.of("Bundle-Version", "1.9.0"));
        HostProcess.Result r = run("hal:bringup; hal:history");
        assertEquals(r.stderr(), 0, r.exitCode());
        assertTrue(r.stdout(), r.stdout().lines().anyMatch(l -> l.matches("1 +\\S+ +io\\.halcyon\\.hal\\.api +\\S+ -> 1\\.9\\.0 +UPDATED .* hot-deploy api\\.jar")));
        String refreshed = r.stdout().lines().filter(l -> l.trim().startsWith("refreshed ")).findFirst().orElseThrow(AssertionError::new);
        assertTrue("the record lists the bundles refreshed: " + refreshed, refreshed.contains("io.halcyon.platform.emulation")
                && refreshed.contains("io.halcyon.block.dma") && refreshed.contains("io.halcyon.consumers.training"));
        assertTrue("the manager itself is not among them: " + refreshed, !refreshed.contains("io.halcyon.launcher.update"));
    }

    @Test
    public void theManagerKeepsItsStateAndHistoryThroughAnApiUpdateInOneHost() throws Exception {
        Path sysctrl = AssemblyJars.withHeaders(AssemblyJars.exported("block-sysctrl-"), tmp.getRoot().toPath().resolve("sysctrl.jar"),
                Map.of("Bundle-Version", "7.0.1"));
        Path dma = AssemblyJars.withHeaders(AssemblyJars.exported("block-dma-"), tmp.getRoot().toPath().resolve("dma.jar"),
                Map.of("Bundle-Version", "7.0.2"));
        Path api = AssemblyJars.withHeaders(AssemblyJars.exported("hal-api-"), tmp.getRoot().toPath().resolve("api.jar"),
                Map.of("Bundle-Version", "1.9.0"));
        // One host process: a block swap, the API update (which restarts every bundle that uses the API,
        // the shell among them, not the manager), a block swap after it, then the API's rollback.
        HostProcess.Result r = run("hal:bringup; hal:update sysctrl " + sysctrl + "; hal:update io.halcyon.hal.api " + api + "; hal:bringup; "
                + "hal:update dma " + dma + "; hal:rollback io.halcyon.hal.api; hal:history");
        assertEquals(r.stderr(), 0, r.exitCode());
        java.util.List<String> records = r.stdout().lines().filter(l -> l.matches("\\d+ .*")).toList();
        assertEquals(r.stdout(), 4, records.size());
        assertTrue(r.stdout(), records.get(0).matches("1 +\\S+ +sysctrl +\\S+ -> 7\\.0\\.1 +UPDATED .*"));
        assertTrue(r.stdout(), records.get(1).matches("2 +\\S+ +io\\.halcyon\\.hal\\.api +\\S+ -> 1\\.9\\.0 +UPDATED .*"));
        assertTrue("the manager swaps blocks after the refresh: " + r.stdout(), records.get(2).matches("3 +\\S+ +dma +\\S+ -> 7\\.0\\.2 +UPDATED .*"));
        assertTrue("and still knows the API version before: " + r.stdout(),
                records.get(3).matches("4 +\\S+ +io\\.halcyon\\.hal\\.api +1\\.9\\.0 -> \\S+ +UPDATED .*hal:rollback: the version that ran before is back"));
        String refreshed = r.stdout().lines().filter(l -> l.trim().startsWith("refreshed ")).findFirst().orElseThrow(AssertionError::new);
        assertTrue("the record lists the bundles refreshed, the shell and the gate among them: " + refreshed,
                refreshed.contains("io.halcyon.launcher.shell") && refreshed.contains("io.halcyon.launcher.gate"));
        assertTrue("not the manager: " + refreshed, !refreshed.contains("io.halcyon.launcher.update"));
        java.util.List<String> lines = Files.readAllLines(state.resolve("update/history.jsonl"));
        assertEquals("each record on disk once, numbered in one sequence: " + lines, 4, lines.size());
    }

    @Test
    public void anIncompatibleApiJarInTheDeployDirectoryIsRefusedAndFileInstallLeavesItAlone() throws Exception {
        Path api = AssemblyJars.exported("hal-api-");
        String exports = AssemblyJars.header(api, "Export-Package")
                .replaceAll("(io\\.halcyon\\.hal\\.api\\.tensor;[^,]*version=\")1\\.[0-9.]+\"", "$12.0.0\"");
        AssemblyJars.withHeaders(api, deploy.resolve("api.jar"), Map.of("Bundle-Version", "2.0.0", "Export-Package", exports));
        HostProcess.Result r = run("hal:status");
        assertEquals(r.stderr(), 0, r.exitCode());
        assertEquals("one hal-api, the running one: " + r.stdout(), 1, r.stdout().lines().filter(l -> l.contains("io.halcyon.hal.api ")).count());
        HostProcess.Result history = run("hal:history");
        assertTrue(history.stdout(), history.stdout().lines().anyMatch(l -> l.matches("1 +\\S+ +io\\.halcyon\\.hal\\.api +\\S+ -> 2\\.0\\.0 +REFUSED .* hot-deploy api\\.jar: incompatible API change.*")));
        assertTrue(Files.exists(deploy.resolve("api.jar")));
    }
}
