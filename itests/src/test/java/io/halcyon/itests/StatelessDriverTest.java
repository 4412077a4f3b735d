package io.halcyon.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.regmap.RegisterInfo;
import io.halcyon.hal.api.sysctrl.SystemControl;

/**
 * The premise of live update: a block driver keeps no hardware state, so a restarted (or replaced)
 * driver bundle carries on from what the chip holds.
 */
@RunWith(PaxExam.class)
public class StatelessDriverTest extends HalcyonTestSupport {

    private static final int MARK = 0xC0DE_F00D;

    @Test
    public void restartedDriverReadsWhatTheChipKept() throws Exception {
        Bundle block = installedBundle(BLOCK_SYSCTRL);
        ServiceTracker<RegisterBus, RegisterBus> buses = track(RegisterBus.class, CHIP_0);
        RegisterBus bus = await(buses, "RegisterBus " + CHIP_0);
        long busId = serviceId(buses.getServiceReference());
        // Where scratch lives, from the block's own map: read while its bundle is still running.
        HardwareBlock map = service(HardwareBlock.class, "(&" + CHIP_0 + "(" + HardwareBlock.BLOCK + "=sysctrl))");
        RegisterInfo scratch = map.register("SCRATCH").orElseThrow();
        long scratchAddress = map.baseAddress() + scratch.offset();

        ServiceTracker<SystemControl, SystemControl> drivers = track(SystemControl.class, CHIP_0);
        SystemControl oldDriver = await(drivers, "SystemControl " + CHIP_0);
        long oldDriverId = serviceId(drivers.getServiceReference());
        oldDriver.scratch(MARK);

        block.stop();
        try {
            assertEquals("block bundle after stop", Bundle.RESOLVED, block.getState());
            assertNull("SystemControl still registered with its bundle stopped", drivers.getServiceReference());
            // No driver exists now; the value is in the chip.
            assertEquals("scratch with no driver running", MARK, bus.read32(scratchAddress));
        } finally {
            // Restart even when an assertion failed, so the check of the next test class's
            // framework is not the one to report it.
            block.start();
        }

        SystemControl newDriver = await(drivers, "SystemControl " + CHIP_0 + " after restart");
        assertNotEquals("a new driver service, not the old one", oldDriverId, serviceId(drivers.getServiceReference()));
        assertEquals("scratch through the new driver", MARK, newDriver.scratch());
        // The platform was not touched: the same bus (so the same chip) served both drivers.
        assertEquals("RegisterBus service", busId, serviceId(buses.getServiceReference()));
    }

    private static long serviceId(ServiceReference<?> ref) {
        return (Long) ref.getProperty(Constants.SERVICE_ID);
    }
}
