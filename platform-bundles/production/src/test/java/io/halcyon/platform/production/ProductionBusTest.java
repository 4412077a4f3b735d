package io.halcyon.platform.production;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.invoke.MethodHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import io.halcyon.hal.api.bus.DecodeErrorException;
import io.halcyon.hal.api.bus.DeviceGoneException;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.platform.chipmaps.ChipMapIndex;
import io.halcyon.platform.chipmodel.runtime.KnownChipMaps;

/** The bus on a mapped file laid out as an edu BAR: identification, counting, bounds, a device that goes away, and the accesses (from Java, or the JNI methods). */
public class ProductionBusTest {

    private final List<DeviceGone> told = new ArrayList<>();
    private FakeSysfs sysfs;
    private Device device;
    private ProductionBus bus;

    @Before
    public void eduAtItsAddress() throws Exception {
        sysfs = new FakeSysfs("bus");
        sysfs.edu(FakeSysfs.EDU, 1 << 20);
        device = Device.open(FakeSysfs.EDU, 0, sysfs.places());
        bus = new ProductionBus(device, told::add);
    }

    @After
    public void unmap() {
        bus.close();
    }

    private static KnownChipMaps known() {
        return KnownChipMaps.of(List.of(new ChipMapIndex()));
    }

    @Test
    public void identifiesTheEduChipMapAndCountsEveryAccess() throws Exception {
        assertEquals("qemu_edu", bus.identify(known(), 0, 0).name());
        long reads = bus.reads();
        bus.write32(0x04, 0x1234_5678);
        bus.write64(0x80, 0x0123_4567_89AB_CDEFL);
        assertEquals(0x1234_5678, bus.read32(0x04)); // a file stores; QEMU's device inverts
        assertEquals(0x0123_4567_89AB_CDEFL, bus.read64(0x80));
        assertEquals(reads + 2, bus.reads());
        assertEquals(2, bus.writes());
    }

    @Test
    public void anAccessOutsideTheWindowOrMisalignedIsADecodeErrorWithoutTouchingMemory() {
        assertThrows(DecodeErrorException.class, () -> bus.read32(1 << 20));
        assertThrows(DecodeErrorException.class, () -> bus.read64(0x84));
        assertThrows(DecodeErrorException.class, () -> bus.write32(-4, 0));
        assertEquals(0, bus.reads() + bus.writes());
    }

    @Test
    public void allOnesFromARegisterThatMayReadAllOnesIsItsValue() throws Exception {
        bus.identify(known(), 0, 0);
        assertEquals(-1, bus.read32(0x04)); // LIVENESS after reset: the inverse of 0
        assertTrue(told.isEmpty());
    }

    @Test
    public void aDeviceThatGoesAwayIsReportedOnceNamingDeviceAddressAndRegister() throws Exception {
        bus.identify(known(), 0, 0);
        sysfs.remove(FakeSysfs.EDU);
        DeviceGoneException e = assertThrows(DeviceGoneException.class, () -> bus.read32(0x00));
        assertEquals("device 0000:00:04.0 gone: read all ones at 0x0 (edu.ID), which its description says cannot read"
                + " all ones (device gone at 0x00000000 (read32))", e.getMessage());
        // Afterwards nothing touches the mapping: every access fails at once, and the platform was told once.
        assertThrows(DeviceGoneException.class, () -> bus.write32(0x04, 1));
        assertEquals(1, told.size());
    }

    @Test
    public void allOnesFromAnyRegisterOfADeviceThatNoLongerAnswersIsGoneToo() throws Exception {
        bus.identify(known(), 0, 0);
        sysfs.remove(FakeSysfs.EDU);
        DeviceGoneException e = assertThrows(DeviceGoneException.class, () -> bus.read32(0x04));
        assertTrue(e.getMessage(), e.getMessage().contains("(edu.LIVENESS) and the device no longer answers its configuration space"));
    }

    @Test
    public void aDeviceRemovedFromTheBusIsNoticedWithoutAccessingIt() throws Exception {
        bus.identify(known(), 0, 0);
        long accesses = bus.reads() + bus.writes();
        bus.checkPresence();
        assertTrue(told.isEmpty());
        sysfs.remove(FakeSysfs.EDU);
        bus.checkPresence();
        bus.checkPresence();
        assertEquals(1, told.size());
        assertEquals(accesses, bus.reads() + bus.writes());
        DeviceGoneException e = assertThrows(DeviceGoneException.class, () -> bus.read32(0x04));
        assertTrue(e.getMessage(), e.getMessage().startsWith("device 0000:00:04.0 gone: removed from the bus ("));
    }

    @Test
    public void withoutUioAWaitPollsUntilTheConditionHolds() throws Exception {
        bus.identify(known(), 0, 0);
        assertEquals(null, device.interrupts()); // a BDF with no UIO driver bound: waits poll
        long before = bus.reads();
        // Another thread writes LIVENESS once the wait has polled it a few times; the wait must see the change.
        Thread writer = new Thread(() -> {
            while (bus.reads() < before + 100) {
                Thread.onSpinWait();
            }
            bus.write32(0x04, 0x5A5A);
        });
        writer.start();
        WaitResult r = bus.await(0x04, 0xFFFF, 0x5A5A, Duration.ofSeconds(30));
        writer.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(r.met());
        assertEquals(0x5A5A, r.lastValue());
        assertTrue(bus.reads() - before >= 100);
    }

    @Test
    public void aWaitForAConditionThatNeverHoldsEndsAtItsWallClockBound() throws Exception {
        bus.identify(known(), 0, 0);
        long start = System.nanoTime();
        WaitResult r = bus.awaitNot(0x00, 0xFFFF_FFFF, FakeSysfs.EDU_ID, Duration.ofMillis(50));
        long took = System.nanoTime() - start;
        assertTrue(!r.met());
        assertEquals(FakeSysfs.EDU_ID, r.lastValue());
        assertTrue("device time spent " + r.deviceNanos(), r.deviceNanos() >= 50_000_000L);
        assertTrue("took " + took + " ns", took < TimeUnit.SECONDS.toNanos(10));
        assertThrows(IllegalArgumentException.class, () -> bus.await(0x00, 1, 1, Duration.ZERO));
    }

    @Test
    public void accessesAreIssuedFromJavaWhereTheJdkAllowsIt() {
        String expected = System.getProperty(DeviceAccess.PROPERTY) != null ? DeviceAccess.JNI
                : Runtime.version().feature() >= 22 ? DeviceAccess.FFM : DeviceAccess.UNSAFE;
        assertEquals(expected, DeviceAccess.KIND);
    }

    @Test
    public void everyKindOfAccessThisJvmOffersReadsAndWritesTheMappingAtBothWidths() throws Throwable {
        long a32 = device.region().at(0x20, 4, "test");
        long a64 = device.region().at(0x88, 8, "test");
        List<String> kinds = new ArrayList<>(List.of(DeviceAccess.JNI, DeviceAccess.UNSAFE));
        if (Runtime.version().feature() >= 22) {
            kinds.add(DeviceAccess.FFM);
        }
        int value = 0x1357_0000;
        for (String kind : kinds) {
            List<MethodHandle> h = DeviceAccess.handles(kind);
            assertNotNull(kind, h);
            value++;
            h.get(2).invoke(a32, value);
            assertEquals(kind, value, Mmio.read32(a32));
            assertEquals(kind, value, (int) h.get(0).invoke(a32));
            h.get(3).invoke(a64, (long) value << 32 | 0xABCDL);
            assertEquals(kind, (long) value << 32 | 0xABCDL, Mmio.read64(a64));
            assertEquals(kind, (long) value << 32 | 0xABCDL, (long) h.get(1).invoke(a64));
        }
    }

    @Test
    public void javaAccessesAndJniMethodsSeeEachOthersStoresOfBothWidths() {
        long a32 = device.region().at(0x20, 4, "test");
        long a64 = device.region().at(0x88, 8, "test");
        DeviceAccess.write32(a32, 0xCAFE_F00D);
        assertEquals(0xCAFE_F00D, Mmio.read32(a32));
        Mmio.write32(a32, 0x0BAD_BEEF);
        assertEquals(0x0BAD_BEEF, DeviceAccess.read32(a32));
        DeviceAccess.write64(a64, 0xFEDC_BA98_7654_3210L);
        assertEquals(0xFEDC_BA98_7654_3210L, Mmio.read64(a64));
        Mmio.write64(a64, -2L);
        assertEquals(-2L, DeviceAccess.read64(a64));
        assertEquals(0x0BAD_BEEF, DeviceAccess.read32(a32)); // the 64-bit stores left the 32-bit register alone
    }
}
