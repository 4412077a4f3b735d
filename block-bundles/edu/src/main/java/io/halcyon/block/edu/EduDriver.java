package io.halcyon.block.edu;

import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.halcyon.block.edu.regs.DmaCommand;
import io.halcyon.block.edu.regs.DmaCount;
import io.halcyon.block.edu.regs.DmaDestination;
import io.halcyon.block.edu.regs.DmaSource;
import io.halcyon.block.edu.regs.Edu;
import io.halcyon.block.edu.regs.EduConfig;
import io.halcyon.block.edu.regs.Factorial;
import io.halcyon.block.edu.regs.Id;
import io.halcyon.block.edu.regs.IntrAck;
import io.halcyon.block.edu.regs.IntrRaise;
import io.halcyon.block.edu.regs.IntrStatus;
import io.halcyon.block.edu.regs.Liveness;
import io.halcyon.block.edu.regs.Status;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.edu.EduDevice;
import io.halcyon.hal.api.hostmem.HostBuffer;
import io.halcyon.hal.api.chip.ServesGenerations;
import io.halcyon.block.edu.regs.EduMap;

/**
 * Stateless driver of one edu device: every answer is read from the device, and waits are register
 * conditions the platform evaluates on the device's time (a production platform with UIO wakes on the
 * device's interrupt). DMA completion is waited for through the DMA_DONE interrupt bit, since the
 * device's 64-bit command register is not a 32-bit register a platform can wait on.
 */
@ServesGenerations(block = EduMap.BLOCK, value = {1})
@Component(configurationPid = EduConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = EduConfig.class, factory = true)
public class EduDriver implements EduDevice {

    /**
     * Where the device's DMA buffer starts in its DMA address space (QEMU's docs/specs/edu.rst): DMA_SOURCE
     * or DMA_DESTINATION at this address plus an offset name the buffer rather than host memory. Not a
     * register address, so not in the description's address map.
     */
    static final long DEVICE_BUFFER = 0x40000;

    private final RegisterBus bus;
    private final long base;
    private final String name;

    @Activate
    public EduDriver(@Reference(name = "bus") RegisterBus bus, EduConfig config) {
        this.bus = bus;
        this.base = config.base_address();
        this.name = config.halcyon_block();
    }

    /** The block's registers, made on use (the JIT removes the accessor; a held one adds a dependent load). */
    private Edu regs() {
        return new Edu(bus, base, name);
    }

    @Override
    public Version version() {
        Id id = regs().id().read();
        return new Version(id.major(), id.minor());
    }

    @Override
    public boolean alive(int probe) {
        Edu regs = regs();
        regs.liveness().write(Liveness.RESET.withValue(probe));
        return regs.liveness().read().value() == ~probe;
    }

    @Override
    public int factorial(int n, boolean interrupt, Duration bound) {
        Edu regs = regs();
        // STATUS holds only the interrupt enable besides the read-only COMPUTING bit: a whole write needs no read.
        regs.status().write(Status.RESET.withIrqOnFactorial(interrupt));
        regs.factorial().write(Factorial.RESET.withValue(n));
        if (interrupt) {
            awaitInterrupt(FACTORIAL_DONE, bound);
            acknowledgeInterrupts(FACTORIAL_DONE);
        } else {
            regs.status().awaitOrThrow(Status.COMPUTING_FIELD.is(0), bound);
        }
        return regs.factorial().read().value();
    }

    @Override
    public void raiseInterrupt(int bits) {
        regs().intrRaise().write(IntrRaise.RESET.withValue(bits));
    }

    @Override
    public int pendingInterrupts() {
        return regs().intrStatus().read().pending();
    }

    @Override
    public void acknowledgeInterrupts(int bits) {
        regs().intrAck().write(IntrAck.RESET.withValue(bits));
    }

    @Override
    public int awaitInterrupt(int mask, Duration bound) {
        if (mask == 0) {
            throw new IllegalArgumentException("awaitInterrupt: empty mask");
        }
        Edu regs = regs();
        regs.intrStatus().awaitOrThrow(IntrStatus.PENDING_FIELD.masked(Integer.toUnsignedLong(mask)).isNot(0), bound);
        return regs.intrStatus().read().pending() & mask;
    }

    @Override
    public void copyToDevice(HostBuffer source, int sourceOffset, int deviceOffset, int bytes, Duration bound) {
        checkTransfer(source, sourceOffset, deviceOffset, bytes);
        transfer(source.busAddress() + sourceOffset, DEVICE_BUFFER + deviceOffset, bytes, false, bound);
    }

    @Override
    public void copyFromDevice(int deviceOffset, HostBuffer target, int targetOffset, int bytes, Duration bound) {
        checkTransfer(target, targetOffset, deviceOffset, bytes);
        transfer(DEVICE_BUFFER + deviceOffset, target.busAddress() + targetOffset, bytes, true, bound);
    }

    /** Every argument before any write: the device aborts on a range outside its buffer. */
    private static void checkTransfer(HostBuffer host, int hostOffset, int deviceOffset, int bytes) {
        if (bytes <= 0 || deviceOffset < 0 || deviceOffset > BUFFER_BYTES - bytes) {
            throw new IllegalArgumentException("DMA of " + bytes + " bytes at device buffer offset " + deviceOffset
                    + " does not fit the device's " + BUFFER_BYTES + "-byte buffer");
        }
        if (hostOffset < 0 || hostOffset > host.size() - bytes) {
            throw new IllegalArgumentException("DMA of " + bytes + " bytes at host buffer offset " + hostOffset
                    + " does not fit the " + host.size() + "-byte host buffer");
        }
    }

    private void transfer(long source, long destination, int bytes, boolean toHost, Duration bound) {
        Edu regs = regs();
        acknowledgeInterrupts(DMA_DONE); // a completion left from an earlier transfer must not end this wait
        regs.dmaSource().write(DmaSource.RESET.withAddress(source));
        regs.dmaDestination().write(DmaDestination.RESET.withAddress(destination));
        regs.dmaCount().write(DmaCount.RESET.withBytes(bytes));
        regs.dmaCommand().write(DmaCommand.RESET.withStart(true).withToHost(toHost).withIrqWhenDone(true));
        awaitInterrupt(DMA_DONE, bound);
        acknowledgeInterrupts(DMA_DONE);
    }
}
