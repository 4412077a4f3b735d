package io.halcyon.platform.production;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assume.assumeFalse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.Test;

import io.halcyon.platform.chipmaps.ChipMapIndex;
import io.halcyon.platform.chipmodel.runtime.KnownChipMaps;

/** Bad input: each refusal is one line naming the device and what is wrong, and maps nothing. */
public class DeviceTest {

    @Test
    public void aBdfThatDoesNotExist() throws Exception {
        FakeSysfs sysfs = new FakeSysfs("missing");
        DeviceRefusedException e = assertThrows(DeviceRefusedException.class, () -> Device.open("00:09.0", 0, sysfs.places()));
        assertEquals("device 0000:00:09.0: no such PCI device (" + sysfs.function("0000:00:09.0") + " does not exist)",
                e.getMessage());
    }

    @Test
    public void somethingThatIsNeitherABdfNorAUioDevice() throws Exception {
        FakeSysfs sysfs = new FakeSysfs("garbage");
        DeviceRefusedException e = assertThrows(DeviceRefusedException.class, () -> Device.open("eth0", 0, sysfs.places()));
        assertEquals("device eth0: neither a PCI address (domain:bus:device.function, e.g. 0000:00:04.0) nor a UIO device (uioN)",
                e.getMessage());
    }

    @Test
    public void aUioDeviceThatDoesNotExist() throws Exception {
        FakeSysfs sysfs = new FakeSysfs("nouio");
        DeviceRefusedException e = assertThrows(DeviceRefusedException.class, () -> Device.open("uio7", 0, sysfs.places()));
        assertEquals("device uio7: no such UIO device (" + sysfs.root.resolve("class/uio/uio7") + " does not exist)", e.getMessage());
    }

    @Test
    public void aBarThatIsNotThere() throws Exception {
        FakeSysfs sysfs = new FakeSysfs("nobar");
        sysfs.edu(FakeSysfs.EDU, 4096);
        DeviceRefusedException e = assertThrows(DeviceRefusedException.class, () -> Device.open(FakeSysfs.EDU, 2, sysfs.places()));
        assertEquals("device 0000:00:04.0: has no memory BAR 2 (" + sysfs.function(FakeSysfs.EDU).resolve("resource2")
                + " does not exist)", e.getMessage());
    }

    @Test
    public void aBarTooSmallForTheDescription() throws Exception {
        FakeSysfs sysfs = new FakeSysfs("small");
        sysfs.edu(FakeSysfs.EDU, 64); // the edu map needs 0xa0 bytes (its last register, DMA_COMMAND, ends there)
        ProductionBus bus = new ProductionBus(Device.open(FakeSysfs.EDU, 0, sysfs.places()), gone -> { });
        try {
            DeviceRefusedException e = assertThrows(DeviceRefusedException.class,
                    () -> bus.identify(KnownChipMaps.of(List.of(new ChipMapIndex())), 0, 0));
            assertEquals("device 0000:00:04.0: BAR 0 is 64 bytes, too small for chip map qemu_edu, which needs 160", e.getMessage());
        } finally {
            bus.close();
        }
    }

    @Test
    public void aDeviceOfNoKnownChipMap() throws Exception {
        FakeSysfs sysfs = new FakeSysfs("unknown");
        Files.write(sysfs.edu(FakeSysfs.EDU, 4096).resolve("resource0"), new byte[4096]); // identification reads 0
        ProductionBus bus = new ProductionBus(Device.open(FakeSysfs.EDU, 0, sysfs.places()), gone -> { });
        try {
            DeviceRefusedException e = assertThrows(DeviceRefusedException.class,
                    () -> bus.identify(KnownChipMaps.of(List.of(new ChipMapIndex())), 0, 0));
            assertEquals(true, e.getMessage().startsWith("device 0000:00:04.0: chip 0: identity "));
            assertEquals(true, e.getMessage().contains("matches no chip map (known: "));
        } finally {
            bus.close();
        }
    }

    /** Root opens any file whatever its mode, so this runs for developers only; the QEMU guest checks it as a user. */
    @Test
    public void noPermissionOnTheResourceFile() throws Exception {
        assumeFalse("root may open any file", "root".equals(System.getProperty("user.name")));
        FakeSysfs sysfs = new FakeSysfs("permission");
        Files.setPosixFilePermissions(sysfs.edu(FakeSysfs.EDU, 4096).resolve("resource0"), PosixFilePermissions.fromString("r--r--r--"));
        DeviceRefusedException e = assertThrows(DeviceRefusedException.class, () -> Device.open(FakeSysfs.EDU, 0, sysfs.places()));
        assertEquals("device 0000:00:04.0: cannot open " + sysfs.function(FakeSysfs.EDU).resolve("resource0")
                + ": Permission denied (the platform needs read-write access to it: run as root, or give the user the file,"
                + " e.g. by a udev rule)", e.getMessage());
    }

    /**
     * A UIO driver that exports the registers (uio_pdrv_genirq and the like, not a PCI function): map N is at
     * offset N pages of /dev/uioN, whose size sysfs gives; the device file also carries the interrupts.
     */
    @Test
    public void aUioDeviceThatExportsItsMapsIsMappedThroughItsDeviceFile() throws Exception {
        FakeSysfs sysfs = new FakeSysfs("uiomaps");
        Path map = Files.createDirectories(sysfs.root.resolve("class/uio/uio3/maps/map1"));
        Files.writeString(map.resolve("size"), "0x1000\n");
        ByteBuffer file = ByteBuffer.allocate(2 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        file.putInt(4096, FakeSysfs.EDU_ID); // map 1 starts one page in
        Files.write(sysfs.root.resolve("dev/uio3"), file.array());
        Device device = Device.open("uio3", 1, sysfs.places());
        ProductionBus bus = new ProductionBus(device, gone -> { });
        try {
            assertEquals("uio3", device.name());
            assertNull(device.pci());
            assertNotNull(device.interrupts());
            assertEquals(4096, device.region().size());
            assertEquals("qemu_edu", bus.identify(KnownChipMaps.of(List.of(new ChipMapIndex())), 0, 1).name());
        } finally {
            bus.close();
        }
    }

    @Test
    public void aUioDeviceWithoutTheMapAndNoPciFunctionBehindIt() throws Exception {
        FakeSysfs sysfs = new FakeSysfs("uionomap");
        Files.createDirectories(sysfs.root.resolve("class/uio/uio4/maps/map0"));
        DeviceRefusedException e = assertThrows(DeviceRefusedException.class, () -> Device.open("uio4", 2, sysfs.places()));
        assertEquals("device uio4: has no map 2 (" + sysfs.root.resolve("class/uio/uio4/maps/map2") + ") and is not a PCI device",
                e.getMessage());
    }
}
