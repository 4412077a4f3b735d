package io.halcyon.block.sysctrl;

import static io.halcyon.block.sysctrl.regs.SysctrlRegisters.*;

import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.sysctrl.Capability;
import io.halcyon.hal.api.sysctrl.ChipIdentity;
import io.halcyon.hal.api.sysctrl.SystemControl;

/**
 * Stateless driver of the system-control block: every call goes to the hardware, so a new version
 * of this bundle can replace a running one without handing anything over.
 */
@Component(property = {"halcyon.block=sysctrl", "halcyon.chip=0"})
@Designate(ocd = SysctrlConfig.class)
public class SystemControlDriver implements SystemControl {

    /** The reset takes about 2 µs of device time; 50× margin before calling the chip broken. */
    static final Duration RESET_BOUND = Duration.ofNanos(100_000);

    private final RegisterBus bus;
    private final long base;

    @Activate
    public SystemControlDriver(@Reference(name = "bus") RegisterBus bus, SysctrlConfig config) {
        this.bus = bus;
        this.base = config.base_address();
    }

    @Override
    public ChipIdentity identity() {
        int[] regs = bus.read32(new long[] {base + CHIP_ID, base + VERSION, base + CAPABILITIES});
        int version = regs[1];
        return new ChipIdentity(regs[0], (version & VERSION_GENERATION_MASK) >>> VERSION_GENERATION_SHIFT,
                version & VERSION_REVISION_MASK, Integer.toUnsignedLong(regs[2]));
    }

    @Override
    public boolean hasCapability(Capability capability) {
        return (bus.read32(base + CAPABILITIES) & (1 << capability.bit())) != 0;
    }

    @Override
    public int scratch() {
        return bus.read32(base + SCRATCH);
    }

    @Override
    public void scratch(int value) {
        bus.write32(base + SCRATCH, value);
    }

    @Override
    public int resetCount() {
        return (bus.read32(base + RESET_STATUS) & RESET_STATUS_RESET_COUNT_MASK) >>> RESET_STATUS_RESET_COUNT_SHIFT;
    }

    @Override
    public void softReset() {
        // RESET_DONE drops synchronously with the write, so polling right after it cannot see the
        // previous reset's "done".
        bus.write32(base + SOFT_RESET, SOFT_RESET_RESET);
        WaitResult done = bus.await(base + RESET_STATUS, RESET_STATUS_RESET_DONE, RESET_STATUS_RESET_DONE, RESET_BOUND);
        if (!done.met()) {
            throw new IllegalStateException(String.format(
                    "sysctrl soft reset: RESET_STATUS.RESET_DONE still 0 after %d ns of device time (RESET_STATUS=0x%08x at 0x%08x)",
                    done.deviceNanos(), done.lastValue(), done.address()));
        }
    }
}
