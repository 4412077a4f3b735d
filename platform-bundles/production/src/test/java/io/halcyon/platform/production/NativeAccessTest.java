package io.halcyon.platform.production;

import static org.junit.Assert.assertEquals;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The accesses reach the mapping through FFM where the JDK has it, through JNI on JDK 17, and both ways see each other's stores. */
public class NativeAccessTest {

    private FakeSysfs sysfs;
    private Device device;

    @Before
    public void mappedFile() throws Exception {
        sysfs = new FakeSysfs("native-access");
        sysfs.edu(FakeSysfs.EDU, 1 << 20);
        device = Device.open(FakeSysfs.EDU, 0, sysfs.places());
    }

    @After
    public void unmap() {
        device.close();
    }

    @Test
    public void usesCriticalDowncallsWhereTheJdkHasJavaLangForeign() {
        boolean foreign = Runtime.version().feature() >= 22 && System.getProperty(NativeAccess.PROPERTY) == null;
        assertEquals(foreign ? NativeAccess.FFM : NativeAccess.JNI, NativeAccess.KIND);
    }

    @Test
    public void storesAndLoadsOfBothWidthsAgreeWithTheJniMethods() {
        long a32 = device.region().at(0x20, 4, "test");
        long a64 = device.region().at(0x88, 8, "test");
        NativeAccess.write32(a32, 0xCAFE_F00D);
        assertEquals(0xCAFE_F00D, Mmio.read32(a32));
        Mmio.write32(a32, 0x0BAD_BEEF);
        assertEquals(0x0BAD_BEEF, NativeAccess.read32(a32));
        NativeAccess.write64(a64, 0xFEDC_BA98_7654_3210L);
        assertEquals(0xFEDC_BA98_7654_3210L, Mmio.read64(a64));
        Mmio.write64(a64, -2L);
        assertEquals(-2L, NativeAccess.read64(a64));
        assertEquals(0x0BAD_BEEF, NativeAccess.read32(a32)); // the 64-bit stores left the 32-bit register alone
    }
}
