package io.halcyon.launcher.fleet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

import io.halcyon.launcher.fleet.agent.Json;

/**
 * The fleet proofs on a real hawkBit and ten real hosts (each a launcher/halcyon process with its own
 * emulated chip, two of them generation 2, all running a workload) plus an eleventh host whose token the
 * server does not know. In order, on one fleet: a good driver version rolls through the canary and three
 * waves to all ten with no failed workload call; a version that misaddresses its registers on generation 2
 * pauses the rollout in the wave with the generation-2 hosts, which are back on the previous version, and
 * the last wave is never touched; hawkBit's action history and every host's update history agree. Then
 * the bad input: a corrupted artifact, a jar that is no bundle, a server that goes away with an action
 * assigned, a wrong token.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class FleetRolloutIT {

    private static final int HOSTS = 10;
    private static final PrintStream LOG = System.out;
    private static LocalFleet fleet;
    private static Mgmt mgmt;
    private static Rollouts rollouts;
    private static List<String> ids;
    private static Path versions;
    private static Map<String, Path> jars;
    private static long goodSet;
    private static long started;

    @BeforeClass
    public static void fleetOfTenAndOneWithAWrongToken() throws Exception {
        started = System.nanoTime();
        Path root = Fleet.root();
        Path dir = root.resolve("launcher/fleet/target/it-fleet");
        versions = Files.createDirectories(root.resolve("launcher/fleet/target/it-versions"));
        jars = Demo.buildVersions(root, versions, Map.of("1.1.0", "good", "1.2.0", "fails-health-gate-on-generation-2", "1.3.0", "good"), LOG);
        Set<Integer> gen2 = Demo.generation2Hosts(HOSTS);
        fleet = LocalFleet.start(root, dir, new LocalFleet.Spec(HOSTS + 1, Duration.ofSeconds(1),
                i -> gen2.contains(i) ? "reference_gen2" : "reference_gen1", Set.of(HOSTS + 1)), LOG);
        mgmt = fleet.mgmt();
        rollouts = new Rollouts(mgmt, LOG, false);
        ids = fleet.hosts().stream().map(LocalFleet.Host::id).limit(HOSTS).toList();
        long baseline = rollouts.release("halcyon-drivers", "baseline", List.of(Demo.assemblyJar(root, "block-sysctrl-")));
        mgmt.assign(baseline, ids);
        for (String id : ids) {
            assertTrue(id + " took the baseline", awaitClosed(id, baseline).succeeded());
        }
    }

    @AfterClass
    public static void stop() throws IOException {
        if (fleet != null) {
            fleet.stop();
            LOG.printf("FleetRolloutIT: %.0f s%n", (System.nanoTime() - started) / 1e9);
        }
    }

    private static Mgmt.Action awaitClosed(String host, long ds) throws InterruptedException {
        Mgmt.Action[] last = new Mgmt.Action[1];
        LocalFleet.waitFor(Duration.ofMinutes(2), host + " to close its action for distribution set " + ds, () -> {
            try {
                last[0] = rollouts.actionFor(host, ds);
                return last[0] != null && last[0].closed();
            } catch (IOException e) {
                return false;
            }
        });
        return last[0];
    }

    private static Path version(String v) {
        return jars.get(v);
    }

    @Test
    public void a_goodVersionRollsThroughCanaryAndWavesToEveryHost() throws Exception {
        goodSet = rollouts.release("halcyon-drivers", "1.1.0", List.of(version("1.1.0")));
        Rollouts.Outcome o = rollouts.run("good", goodSet, ids, Demo.waveSize(HOSTS), 80, 20, Duration.ofMinutes(5));
        Report r = Report.of(fleet, o);
        LOG.println(r.text());
        assertEquals("finished", o.state());
        assertEquals(List.of("canary", "wave-1", "wave-2", "wave-3"), o.groups().stream().map(Rollouts.Group::name).toList());
        assertEquals(1, o.groups().get(0).hosts().size());
        for (Rollouts.Group g : o.groups()) {
            assertEquals(g.name(), g.hosts().size(), g.succeeded());
            assertEquals(g.name(), 0, g.failed());
        }
        assertEquals(HOSTS, r.updated());
        assertEquals(0, r.rolledBack());
        assertEquals(0, r.failedWorkloadCalls());
        assertTrue(r.problems().toString(), r.historiesAgree());
        Object json = Json.parse(r.json());
        assertEquals(Set.of("hosts", "groups", "updated", "rolledBack", "untouched", "failedWorkloadCalls", "historiesAgree"),
                ((Map<?, ?>) json).keySet());
    }

    @Test
    public void b_versionFailingOnGeneration2PausesInItsWaveRollsThoseBackAndLeavesTheRestUntouched() throws Exception {
        long bad = rollouts.release("halcyon-drivers", "1.2.0", List.of(version("1.2.0")));
        Rollouts.Outcome o = rollouts.run("bad", bad, ids, Demo.waveSize(HOSTS), 80, 20, Duration.ofMinutes(5));
        Report r = Report.of(fleet, o);
        LOG.println(r.text());
        assertEquals("paused", o.state());
        Map<String, Rollouts.Group> groups = o.groups().stream().collect(Collectors.toMap(Rollouts.Group::name, g -> g));
        assertEquals(1, groups.get("canary").succeeded());
        assertEquals(groups.get("wave-1").hosts().size(), groups.get("wave-1").succeeded());
        Rollouts.Group wave2 = groups.get("wave-2");
        Set<String> gen2 = Demo.generation2Hosts(HOSTS).stream().map(i -> String.format("host-%02d", i)).collect(Collectors.toSet());
        assertTrue(wave2.hosts() + " holds " + gen2, wave2.hosts().containsAll(gen2));
        assertTrue(o.failed().keySet() + " are generation-2 hosts", gen2.containsAll(o.failed().keySet()) && !o.failed().isEmpty());
        assertEquals("error", wave2.state());
        for (String host : o.failed().keySet()) {
            String why = String.join(" | ", o.failed().get(host));
            assertTrue(why, why.contains("ROLLED_BACK") && why.contains("health gate"));
            assertEquals(host + " is back on the version before", goodSet, mgmt.installedDistributionSet(host));
        }
        assertEquals(o.failed().keySet(), Set.copyOf(o.rolledBack()));
        Rollouts.Group wave3 = groups.get("wave-3");
        assertEquals(0, wave3.succeeded() + wave3.failed());
        assertEquals(wave3.hosts().size(), r.untouched());
        for (String host : wave3.hosts()) {
            assertEquals(host + " still runs the version before", goodSet, mgmt.installedDistributionSet(host));
        }
        assertEquals(0, r.failedWorkloadCalls());
        assertTrue(r.problems().toString(), r.historiesAgree());
    }

    /** A host (the canary's, generation 1) and the history lines it has so far. */
    private static LocalFleet.Host host(int i) {
        return fleet.hosts().get(i - 1);
    }

    private static List<String> history(LocalFleet.Host h) throws IOException {
        return Files.exists(h.history()) ? Files.readAllLines(h.history()) : List.of();
    }

    @Test
    public void c_corruptedArtifactIsRefusedBeforeAnythingIsApplied() throws Exception {
        LocalFleet.Host h = host(1);
        long ds = rollouts.release("halcyon-drivers", "1.3.0", List.of(version("1.3.0")));
        // The stored copy changes after the upload (a damaged disk, a tampering proxy): the checksums hawkBit gives no longer fit.
        int corrupted = 0;
        Path artifacts = fleet.dir().resolve("server/artifacts");
        try (Stream<Path> s = Files.walk(artifacts)) {
            // hawkBit's own upload folder inside its store is left alone (relative: the checkout may itself be under /tmp)
            for (Path f : s.filter(Files::isRegularFile).filter(p -> !artifacts.relativize(p).toString().contains("tmp")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                if (Files.mismatch(f, version("1.3.0")) == -1L) {
                    bytes[bytes.length / 2] ^= 0x55;
                    Files.write(f, bytes);
                    corrupted++;
                }
            }
        }
        assertEquals("hawkBit's stored copy of the 1.3.0 jar", 1, corrupted);
        List<String> before = history(h);
        mgmt.assign(ds, List.of(h.id()));
        Mgmt.Action a = awaitClosed(h.id(), ds);
        String why = String.join(" | ", a.messages());
        assertTrue(why, a.failed() && why.contains("nothing applied") && why.contains("mismatch"));
        assertEquals("nothing reached the update manager", before, history(h));
    }

    @Test
    public void d_jarThatIsNoBundleIsRefusedBeforeAnythingIsApplied() throws Exception {
        LocalFleet.Host h = host(1);
        Path plain = versions.resolve("plain.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(plain))) {
            z.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            z.write("Manifest-Version: 1.0\n".getBytes());
            z.closeEntry();
        }
        long module = mgmt.createModule("plain", "1.0.0", "a jar that is no bundle");
        mgmt.upload(module, plain);
        long ds = mgmt.createDistributionSet("not-a-bundle", "1.0.0", List.of(module));
        List<String> before = history(h);
        mgmt.assign(ds, List.of(h.id()));
        Mgmt.Action a = awaitClosed(h.id(), ds);
        String why = String.join(" | ", a.messages());
        assertTrue(why, a.failed() && why.contains("nothing applied") && why.contains("not an OSGi bundle"));
        assertEquals(before, history(h));
    }

    @Test
    public void e_serverThatGoesAwayMidActionIsWaitedForAndTheActionIsAppliedOnce() throws Exception {
        LocalFleet.Host h = host(2);
        long ds = rollouts.release("halcyon-drivers", "1.1.0-again", List.of(version("1.1.0")));
        List<Long> assigned = mgmt.assign(ds, List.of(h.id()));
        // Gone with the action assigned: the host may have begun it (then its feedback finds no server) or not.
        fleet.killServer();
        LocalFleet.waitFor(Duration.ofSeconds(60), h.id() + " to notice the server is gone", () -> log(h).contains("no answer"));
        fleet.startServerAgain();
        Mgmt.Action a = awaitClosed(h.id(), ds);
        assertTrue(String.join(" | ", a.messages()), a.succeeded());
        assertEquals(assigned, List.of(a.id()));
        assertTrue(log(h), log(h).contains("server answers again"));
        long records = history(h).stream().filter(l -> l.contains("\"who\":\"fleet action " + a.id() + "\"")).count();
        assertEquals("applied once", 1, records);
        assertTrue(Histories.disagreements(mgmt, List.of(h)).toString(), Histories.disagreements(mgmt, List.of(h)).isEmpty());
    }

    @Test
    public void f_hostWithAWrongTokenIsRefusedByTheServerAndSaysSo() throws Exception {
        LocalFleet.Host h = host(HOSTS + 1);
        LocalFleet.waitFor(Duration.ofSeconds(60), h.id() + " to report the refused token", () -> log(h).contains("does not accept this host's target token"));
        assertEquals("hawkBit never heard from it", null, Json.at(mgmt.target(h.id()), "lastControllerRequestAt"));
        assertFalse(Files.exists(h.history()) && history(h).stream().anyMatch(l -> l.contains("fleet action")));
    }

    private static String log(LocalFleet.Host h) {
        try {
            return Files.readString(h.dir().resolve("host.log"));
        } catch (IOException e) {
            return "";
        }
    }
}
