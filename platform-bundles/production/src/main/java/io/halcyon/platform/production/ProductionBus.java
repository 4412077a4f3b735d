package io.halcyon.platform.production;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.function.Consumer;

import io.halcyon.hal.api.bus.AccessLog;
import io.halcyon.hal.api.bus.DecodeErrorException;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.runtime.KnownChipMaps;
import io.halcyon.platform.chipmodel.runtime.UnidentifiedChipException;

/**
 * The register bus of one memory-mapped device. Every access is one fixed-width load or store
 * ({@link DeviceAccess}) on the device's mapping, counted once in this bus's {@link AccessLog}; nothing is
 * merged, dropped, added or reordered, interpreted or compiled. Writes through an uncached mapping are
 * posted by the PCI fabric anyway, so {@link #post32} is {@link #write32} and {@link #flush} issues
 * nothing (a flushing read would be an access the caller did not ask for): the next read of the device
 * completes after every earlier write, by PCI ordering.
 *
 * <p>Device time is wall-clock time since the bus was made. Waits poll the register; with a UIO device
 * they sleep on its interrupt between reads, waking at least every {@value #POLL_MILLIS} ms for
 * conditions no interrupt signals.
 *
 * <p>A read of all ones is checked: a register the description says cannot read all ones, or any
 * register while the device no longer answers its configuration space, means the device is gone
 * ({@link DeviceGone}, naming the device, the address and the register); from then on every access fails
 * at once without touching the mapping, and {@code onGone} is told once.
 */
final class ProductionBus implements RegisterBus, AccessLog {

    static final int POLL_MILLIS = 1;

    private static final VarHandle READS;
    private static final VarHandle WRITES;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            READS = lookup.findVarHandle(ProductionBus.class, "reads", long.class);
            WRITES = lookup.findVarHandle(ProductionBus.class, "writes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Device device;
    private final MappedRegion region;
    private final UioInterrupts interrupts;
    private final Consumer<DeviceGone> onGone;
    private final long attached = System.nanoTime();
    private final long base;
    /**
     * The last address a 32-bit (64-bit) access may use, or -1 once the device is gone or the bus closed: one
     * volatile read and comparison per access checks the window and the bus's state alike. Precomputed, not
     * derived from the size and a flag, because in an emulated guest, where the device access itself may take
     * only tens of ns, each instruction of the access path shows.
     */
    private volatile long last32;
    private volatile long last64;
    // The access log: one locked add per access on a field of the bus (a bus is rarely used by several
    // threads at once; LongAdder's extra checks cost more in a QEMU guest, an AtomicLong an extra load).
    private volatile long reads;
    private volatile long writes;
    private volatile RegisterLookup registers = RegisterLookup.NONE;
    private volatile DeviceGone gone;

    /** @param onGone told once, when the device is found gone */
    ProductionBus(Device device, Consumer<DeviceGone> onGone) {
        this.device = device;
        this.region = device.region();
        this.base = region.base();
        this.last32 = region.size() - 4;
        this.last64 = region.size() - 8;
        this.interrupts = device.interrupts();
        this.onGone = onGone;
    }

    /**
     * Finds out which chip map the device is and checks that its window holds the whole map; from then on
     * the bus names registers and tells legitimate all-ones values from a missing device by the map.
     *
     * @param chip the chip instance, for messages
     * @param bar the BAR the window is, for messages
     */
    ChipModel identify(KnownChipMaps known, int chip, int bar) throws DeviceRefusedException {
        ChipModel map;
        try {
            map = known.identify(this, chip);
        } catch (UnidentifiedChipException e) {
            throw new DeviceRefusedException(device.name(), e.getMessage());
        } catch (DeviceGone e) {
            throw new DeviceRefusedException(device.name(), e.getMessage());
        }
        long needed = RegisterLookup.extent(map);
        if (region.size() < needed) {
            throw new DeviceRefusedException(device.name(), "BAR " + bar + " is " + region.size()
                    + " bytes, too small for chip map " + map.name() + ", which needs " + needed);
        }
        registers = RegisterLookup.of(map);
        return map;
    }

    /** The address of the identified chip's register at {@code path} ({@code edu.LIVENESS}). */
    long address(String path) {
        return registers.address(path);
    }

    Device device() {
        return device;
    }

    /** The process address of an access of {@code bytes} (4 or 8) at {@code address} whose last allowed address is {@code last}. */
    private long at(long address, int bytes, long last, String operation) {
        if (address < 0 || address > last || (address & (bytes - 1)) != 0) {
            throw refused(address, operation);
        }
        return base + address;
    }

    /** Why an access was not made: the device is gone, or the address is outside the window, misaligned or the bus closed. */
    private RuntimeException refused(long address, String operation) {
        DeviceGone g = gone;
        return g != null ? g : new DecodeErrorException(address, operation);
    }

    @Override
    public int read32(long address) {
        int value = DeviceAccess.read32(at(address, 4, last32, "read32"));
        READS.getAndAdd(this, 1L);
        if (value == -1) {
            checkAllOnes(address, "read32");
        }
        return value;
    }

    @Override
    public long read64(long address) {
        long value = DeviceAccess.read64(at(address, 8, last64, "read64"));
        READS.getAndAdd(this, 1L);
        if (value == -1L) {
            checkAllOnes(address, "read64");
        }
        return value;
    }

    @Override
    public void write32(long address, int value) {
        DeviceAccess.write32(at(address, 4, last32, "write32"), value);
        WRITES.getAndAdd(this, 1L);
    }

    @Override
    public void write64(long address, long value) {
        DeviceAccess.write64(at(address, 8, last64, "write64"), value);
        WRITES.getAndAdd(this, 1L);
    }

    @Override
    public void post32(long address, int value) {
        write32(address, value);
    }

    @Override
    public void post64(long address, long value) {
        write64(address, value);
    }

    @Override
    public void flush() {
        DeviceGone g = gone;
        if (g != null) {
            throw g;
        }
    }

    @Override
    public WaitResult await(long address, int mask, int expected, Duration bound) {
        return waitFor(address, mask, expected, true, bound);
    }

    @Override
    public WaitResult awaitNot(long address, int mask, int value, Duration bound) {
        return waitFor(address, mask, value, false, bound);
    }

    private WaitResult waitFor(long address, int mask, int value, boolean equal, Duration bound) {
        long limit = bound.toNanos();
        if (limit <= 0) {
            throw new IllegalArgumentException("await: bound " + bound + " is not positive");
        }
        long start = System.nanoTime();
        while (true) {
            if (interrupts != null) {
                interrupts.arm(); // before the read: an interrupt raised after it wakes the wait below
            }
            int seen = read32(address);
            long spent = System.nanoTime() - start;
            if (((seen & mask) == value) == equal) {
                return new WaitResult(address, true, seen, spent);
            }
            if (spent >= limit) {
                return new WaitResult(address, false, seen, spent);
            }
            if (interrupts != null) {
                interrupts.await((int) Math.min(POLL_MILLIS, Math.max(1, (limit - spent) / 1_000_000)));
            } else {
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public long deviceTimeNanos() {
        return System.nanoTime() - attached;
    }

    @Override
    public long reads() {
        return reads;
    }

    @Override
    public long writes() {
        return writes;
    }

    private void checkAllOnes(long address, String operation) {
        RegisterLookup.Entry register = registers.at(address);
        String name = register == null ? "no described register" : register.path();
        String why;
        if (register != null && !register.canReadAllOnes()) {
            why = "read all ones at 0x" + Long.toHexString(address) + " (" + name + "), which its description says cannot read all ones";
        } else if (!device.answers()) {
            why = "read all ones at 0x" + Long.toHexString(address) + " (" + name + ") and the device no longer answers its configuration space";
        } else {
            return; // a register whose value is all ones, on a device that is there
        }
        throw gone(new DeviceGone(device.name(), address, operation, why));
    }

    /**
     * Marks the device gone when it no longer answers, for a watch that checks without accessing the device
     * (Linux removed it from the bus): the next access throws instead of reading what the address decodes to
     * now. Does nothing while the device answers.
     */
    void checkPresence() {
        if (gone == null && !device.answers()) {
            gone(new DeviceGone(device.name(), 0, DeviceGone.PRESENCE, "removed from the bus ("
                    + (device.pci() != null ? device.pci().folder() + " is gone or its configuration space reads all ones"
                            : "it no longer answers") + ")"));
        }
    }

    /** Records the device as gone and tells the platform, once; returns what every access throws from now on. */
    private DeviceGone gone(DeviceGone g) {
        synchronized (this) {
            if (gone != null) {
                return gone;
            }
            gone = g;
            stopAccesses();
        }
        onGone.accept(g);
        return g;
    }

    /** From now on every access is refused without touching the mapping. */
    private void stopAccesses() {
        last32 = -1;
        last64 = -1;
    }

    /** Unmaps the device; later accesses are decode errors. */
    void close() {
        stopAccesses();
        device.close();
    }
}
