package io.halcyon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.service.cm.ConfigurationAdmin;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.sysctrl.ChipIdentity;
import io.halcyon.hal.api.sysctrl.SystemControl;
import io.halcyon.launcher.update.Outcome;
import io.halcyon.launcher.update.UpdateManager;
import io.halcyon.launcher.update.UpdateRecord;

/**
 * Live update of the system-control block under a running caller: consumers hold one stable
 * service, updates swap the bundle behind it, failures roll back, API changes are judged by their
 * semantic versions, and every request lands in the history.
 */
@RunWith(PaxExam.class)
public class LiveUpdateTest extends HalcyonTestSupport {

    private static final int MARK = 0x5AFE_0001;

    @Test
    public void consumersSeeOneStableServiceAndNoDriver() throws Exception {
        SystemControl sys = service(SystemControl.class, CHIP_0);
        assertTrue("a proxy, not the driver: " + sys.getClass(), Proxy.isProxyClass(sys.getClass()));
        ServiceReference<?>[] visible = context.getServiceReferences(SystemControl.class.getName(), CHIP_0);
        assertEquals("SystemControl services a consumer can find", 1, visible.length);
        assertEquals("provided by", LAUNCHER_UPDATE, visible[0].getBundle().getSymbolicName());
        assertEquals("block property copied from the driver", "sysctrl", visible[0].getProperty("halcyon.block"));
        HardwareBlock map = service(HardwareBlock.class, "(&" + CHIP_0 + "(" + HardwareBlock.BLOCK + "=sysctrl))");
        RegisterBus bus = service(RegisterBus.class, CHIP_0);
        int chipId = bus.read32(map.baseAddress() + map.register("CHIP_ID").orElseThrow().offset());
        assertEquals("the chip id, read by the driver behind the proxy", chipId, sys.identity().chipId());
    }

    @Test
    public void updateUnderLoadKeepsTheServiceAndTheChipState() throws Exception {
        SystemControl sys = service(SystemControl.class, CHIP_0);
        long serviceId = serviceId(SystemControl.class);
        ChipIdentity identity = sys.identity();
        sys.scratch(MARK);
        UpdateManager manager = service(UpdateManager.class, "");
        Bundle block = installedBundle(BLOCK_SYSCTRL);
        Version next = new Version(block.getVersion().getMajor(), block.getVersion().getMinor(), block.getVersion().getMicro() + 1);
        Path jar = ManifestEdit.copyWith(block.getLocation(), Map.of(Constants.BUNDLE_VERSION, next.toString()));

        try (Caller caller = new Caller(() -> {
            if (sys.scratch() != MARK || !sys.identity().equals(identity)) {
                throw new AssertionError("wrong answer during the update");
            }
        })) {
            caller.awaitCalls(100);
            UpdateRecord r = manager.update("sysctrl", jar, "itest");
            assertEquals(r.summary(), Outcome.UPDATED, r.outcome());
            long before = caller.calls();
            caller.awaitCalls(before + 100);
            caller.assertNoFailure();
            assertEquals("refreshed", List.of(BLOCK_SYSCTRL), r.refreshed());
            assertTrue("the gate ran the register tests on the new version's map: " + r.summary(), r.gate().registerChecks() > 0
                    && r.gate().registerEngine().equals("register tests"));
            assertTrue("and compared the contract's views: " + r.summary(), r.gate().viewsEqual() >= 3);
            assertTrue("each phase is timed: " + r.summary(), r.phaseNanos("gate") > 0 && r.phaseNanos("switch") > 0);
        }
        assertEquals("running version", next, installedBundle(BLOCK_SYSCTRL).getVersion());
        // The staged version is another bundle (another location): it serves only because the platform's
        // block configuration is multi-location, not bound to the bundle that first received it.
        ServiceReference<?> map = context.getServiceReferences(HardwareBlock.class.getName(),
                "(&" + CHIP_0 + "(" + HardwareBlock.BLOCK + "=sysctrl))")[0];
        assertEquals("the register map comes from the new version", next, map.getBundle().getVersion());
        ConfigurationAdmin cm = service(ConfigurationAdmin.class, "");
        assertEquals("the configuration is still for any bundle", "?",
                cm.listConfigurations("(service.factoryPid=" + BLOCK_SYSCTRL + ")")[0].getBundleLocation());
        assertEquals("the stable service stayed the same service", serviceId, serviceId(SystemControl.class));
        assertEquals("scratch survives the swap (the chip kept it)", MARK, sys.scratch());
        UpdateRecord last = last(manager);
        assertEquals("history: block", "sysctrl", last.block());
        assertEquals("history: to", next.toString(), last.toVersion());
        assertTrue("history: pause recorded", last.pauseNanos() > 0);
    }

    @Test
    public void versionThatDoesNotResolveIsRolledBack() throws Exception {
        SystemControl sys = service(SystemControl.class, CHIP_0);
        UpdateManager manager = service(UpdateManager.class, "");
        Bundle block = installedBundle(BLOCK_SYSCTRL);
        Version running = block.getVersion();
        String imports = block.getHeaders().get(Constants.IMPORT_PACKAGE);
        Path jar = ManifestEdit.copyWith(block.getLocation(), Map.of(Constants.BUNDLE_VERSION, "9.9.9",
                Constants.IMPORT_PACKAGE, imports + ",io.halcyon.nowhere;version=\"[1.0,2)\""));
        try (Caller caller = new Caller(sys::identity)) {
            caller.awaitCalls(50);
            UpdateRecord r = manager.update(BLOCK_SYSCTRL, jar, "itest");
            assertEquals(r.summary(), Outcome.ROLLED_BACK, r.outcome());
            assertTrue("names the missing import: " + r.detail(), r.detail().contains("io.halcyon.nowhere"));
            long before = caller.calls();
            caller.awaitCalls(before + 50);
            caller.assertNoFailure();
        }
        assertEquals("the previous version runs again", running, installedBundle(BLOCK_SYSCTRL).getVersion());
        assertEquals(Bundle.ACTIVE, installedBundle(BLOCK_SYSCTRL).getState());
    }

    @Test
    public void incompatibleApiChangeIsRefused() throws Exception {
        UpdateManager manager = service(UpdateManager.class, "");
        Bundle api = installedBundle(HAL_API);
        String exports = api.getHeaders().get(Constants.EXPORT_PACKAGE);
        // The sysctrl contract jumps a major version: its importers (the sysctrl driver) would break.
        String bumped = exports.replaceAll("(io\\.halcyon\\.hal\\.api\\.sysctrl;[^,]*version=\")1\\.[0-9.]+\"", "$12.0.0\"");
        assertTrue("test setup: the header changed", !bumped.equals(exports));
        Path jar = ManifestEdit.copyWith(api.getLocation(), Map.of(Constants.EXPORT_PACKAGE, bumped, Constants.BUNDLE_VERSION, "2.0.0"));
        UpdateRecord r = manager.update(HAL_API, jar, "itest");
        assertEquals(r.summary(), Outcome.REFUSED, r.outcome());
        assertTrue("names the package and an importer: " + r.detail(),
                r.detail().contains("io.halcyon.hal.api.sysctrl") && r.detail().contains(BLOCK_SYSCTRL));
        assertEquals("hal-api untouched", api.getVersion(), installedBundle(HAL_API).getVersion());
    }

    @Test
    public void rollbackCommandGoesBackOneVersion() throws Exception {
        UpdateManager manager = service(UpdateManager.class, "");
        Bundle block = installedBundle(BLOCK_SYSCTRL);
        Version before = block.getVersion();
        Path jar = ManifestEdit.copyWith(block.getLocation(), Map.of(Constants.BUNDLE_VERSION, "7.0.0"));
        assertEquals(Outcome.UPDATED, manager.update("sysctrl", jar, "itest").outcome());
        assertEquals(new Version(7, 0, 0), installedBundle(BLOCK_SYSCTRL).getVersion());
        UpdateRecord back = manager.rollback("sysctrl", "itest");
        assertEquals(back.summary(), Outcome.UPDATED, back.outcome());
        assertEquals("7.0.0", back.fromVersion());
        assertEquals(before, installedBundle(BLOCK_SYSCTRL).getVersion());
        service(SystemControl.class, CHIP_0).identity();
    }

    private long serviceId(Class<?> type) throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences(type.getName(), CHIP_0);
        assertEquals(type.getSimpleName() + " services", 1, refs.length);
        return (Long) refs[0].getProperty(Constants.SERVICE_ID);
    }

    private static UpdateRecord last(UpdateManager manager) {
        List<UpdateRecord> all = manager.history();
        return all.get(all.size() - 1);
    }

    /** A consumer thread calling the block in a loop, counting calls and keeping the first failure. */
    static final class Caller implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong calls = new AtomicLong();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Thread thread;

        Caller(Runnable call) {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        call.run();
                        calls.incrementAndGet();
                        synchronized (this) {
                            notifyAll();
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                        synchronized (this) {
                            notifyAll();
                        }
                        return;
                    }
                }
            }, "itest-caller");
            thread.start();
        }

        long calls() {
            return calls.get();
        }

        synchronized void awaitCalls(long n) throws InterruptedException {
            long deadline = System.nanoTime() + SERVICE_TIMEOUT.toNanos();
            while (calls.get() < n && failure.get() == null) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new AssertionError("caller made " + calls.get() + " calls, expected " + n + " within " + SERVICE_TIMEOUT);
                }
                wait(left);
            }
            assertNoFailure();
        }

        void assertNoFailure() {
            if (failure.get() != null) {
                throw new AssertionError("a consumer call failed during the update: " + failure.get(), failure.get());
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(SERVICE_TIMEOUT.toMillis());
        }
    }
}
