package io.halcyon.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;

import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.sysctrl.SystemControl;

/**
 * A host with two chips of different maps (halcyon.emulation.chips): each block driver is made once per
 * chip, each at its own chip map's base and on its own chip's bus; nothing in the block bundles changed.
 */
@RunWith(PaxExam.class)
public class TwoChipsTest extends HalcyonTestSupport {

    @Override
    @Configuration
    public Option[] config() throws IOException {
        return withEmulatedChips(super.config(), "reference_gen1,reference_gen1_relocated");
    }

    @Test
    public void eachChipsDriversServeItsOwnMap() {
        assertEquals(1, service(PlatformInfo.class, CHIP_1).chipInstance());
        assertEquals("reference_gen1's revision", 1, service(SystemControl.class, CHIP_0).identity().revision());
        assertEquals("reference_gen1_relocated's revision", 0x80, service(SystemControl.class, CHIP_1).identity().revision());
        assertEquals(0L, block(CHIP_0, "sysctrl").baseAddress());
        assertEquals(0x1E_0000L, block(CHIP_1, "sysctrl").baseAddress());
        assertEquals(0x16_0000L, block(CHIP_1, "dma").baseAddress());
    }

    private HardwareBlock block(String chip, String name) {
        return service(HardwareBlock.class, "(&" + chip + "(" + HardwareBlock.BLOCK + "=" + name + "))");
    }
}
