package io.halcyon.launcher.update.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.wiring.FrameworkWiring;

import io.halcyon.launcher.update.GatePolicy;
import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * An API update's own steps over fake bundles and a fake {@link FrameworkWiring}: the closure stops
 * users first and starts providers first, the record lists exactly the bundles refreshed, and a
 * refresh the framework ends with {@link FrameworkEvent#ERROR} is a failure (recorded {@code FAILED},
 * durably) after which the previous bytes are put back and the closure started again.
 */
public class ApiUpdateTest {

    private static final String API = "io.halcyon.test.api";
    private static final String USER = "io.halcyon.test.user";
    private static final long WAIT = TimeUnit.SECONDS.toNanos(10);

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final List<String> events = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final List<byte[]> apiBytes = new ArrayList<>();
    private final List<Integer> refreshOutcomes = new ArrayList<>();
    private Bundle api;
    private Bundle user;
    private ApiUpdate update;
    private HistoryLog history;
    private final JarImage from = FakeFramework.jar(API, "1.0.0");
    private final JarImage to = FakeFramework.jar(API, "1.1.0");
    private String location;

    @Before
    public void anApiBundleAndOneUser() throws Exception {
        location = Files.write(folder.getRoot().toPath().resolve("api-1.0.0.jar"), from.bytes()).toUri().toString();
        FakeFramework framework = new FakeFramework(folder.newFolder("data").toPath());
        StableServices stable = new StableServices(framework.context(), new DriverServices(framework.manager()), WAIT, log::add);
        api = bundle(10, API);
        user = bundle(11, USER);
        FrameworkWiring wiring = (FrameworkWiring) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {FrameworkWiring.class},
                (self, method, args) -> {
                    if (!method.getName().equals("refreshBundles")) {
                        throw new UnsupportedOperationException("FrameworkWiring." + method.getName());
                    }
                    @SuppressWarnings("unchecked")
                    Collection<Bundle> bundles = (Collection<Bundle>) args[0];
                    events.add("refresh " + Targets.symbolicNames(bundles));
                    int type = refreshOutcomes.isEmpty() ? FrameworkEvent.PACKAGES_REFRESHED : refreshOutcomes.remove(0);
                    Throwable t = type == FrameworkEvent.ERROR ? new BundleException("Unable to resolve " + API + ": missing requirement") : null;
                    for (FrameworkListener l : (FrameworkListener[]) args[1]) {
                        l.frameworkEvent(new FrameworkEvent(type, api, t));
                    }
                    return null;
                });
        update = new ApiUpdate(wiring, stable, new RevisionStore(folder.newFolder("revisions").toPath()), new Bounds(WAIT, WAIT, WAIT, WAIT, WAIT));
        history = new HistoryLog(folder.getRoot().toPath().resolve("history.jsonl"), log::add);
    }

    private Attempt attempt() {
        return new Attempt(api, from, to, "test", GatePolicy.CHECKED, "", history, log::add);
    }

    @Test
    public void aCompatibleVersionStopsUsersFirstStartsProvidersFirstAndListsWhatWasRefreshed() {
        UpdateRecord r = update.run(attempt(), List.of(api, user), false);
        assertEquals(r.summary(), Outcome.UPDATED, r.outcome());
        assertEquals("exactly the closure, by name", List.of(API, USER), r.refreshed());
        assertEquals(List.of("stop " + USER, "stop " + API, "update " + API, "refresh [" + API + ", " + USER + "]", "start " + API,
                "start " + USER), events);
        assertEquals(1, apiBytes.size());
        assertArrayEquals(to.bytes(), apiBytes.get(0));
        assertEquals(Bundle.ACTIVE, user.getState());
    }

    @Test
    public void aRefreshThatEndsInAnErrorIsRecordedFailedAndThePreviousBytesAreRestored() throws Exception {
        refreshOutcomes.add(FrameworkEvent.ERROR);
        UpdateRecord r = update.run(attempt(), List.of(api, user), false);
        assertEquals(r.summary(), Outcome.FAILED, r.outcome());
        assertTrue(r.detail(), r.detail().startsWith("the refresh failed: Unable to resolve " + API));
        assertTrue(r.detail(), r.detail().endsWith("the previous version 1.0.0 was restored and its dependents started again"));
        assertEquals("the new bytes, then the previous ones", 2, apiBytes.size());
        assertArrayEquals(to.bytes(), apiBytes.get(0));
        assertArrayEquals(from.bytes(), apiBytes.get(1));
        assertEquals("refreshed twice, started once (after the restore)", List.of("stop " + USER, "stop " + API, "update " + API,
                "refresh [" + API + ", " + USER + "]", "update " + API, "refresh [" + API + ", " + USER + "]", "start " + API, "start " + USER),
                events);
        assertEquals(Bundle.ACTIVE, api.getState());
        assertEquals(Bundle.ACTIVE, user.getState());
        List<String> lines = Files.readAllLines(history.file());
        assertEquals("recorded as it happened: " + lines, 1, lines.size());
        assertTrue(lines.get(0), lines.get(0).contains("\"outcome\":\"FAILED\""));
    }

    /** A bundle that is active, uses no service, and records its stops, starts and updates. */
    private Bundle bundle(long id, String symbolicName) {
        int[] state = {Bundle.ACTIVE};
        return (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class}, (self, method, args) -> {
            switch (method.getName()) {
                case "equals":
                    return self == args[0];
                case "hashCode":
                    return System.identityHashCode(self);
                case "toString":
                    return symbolicName;
                case "getBundleId":
                    return id;
                case "getSymbolicName":
                    return symbolicName;
                case "getState":
                    return state[0];
                case "getVersion":
                    return org.osgi.framework.Version.parseVersion("1.0.0");
                case "getLocation":
                    return location;
                case "getServicesInUse":
                    return null;
                case "stop":
                    events.add("stop " + symbolicName);
                    state[0] = Bundle.RESOLVED;
                    return null;
                case "start":
                    events.add("start " + symbolicName);
                    state[0] = Bundle.ACTIVE;
                    return null;
                case "update":
                    events.add("update " + symbolicName);
                    try (InputStream in = (InputStream) args[0]) {
                        apiBytes.add(in.readAllBytes());
                    }
                    return null;
                default:
                    throw new UnsupportedOperationException("Bundle." + method.getName());
            }
        });
    }
}
