package io.halcyon.platform.emulation;

import io.halcyon.platform.chipmodel.remote.ChipProtocol;
import java.time.Duration;

import io.halcyon.hal.api.bus.BusException;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.SlaveErrorException;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.platform.emulation.model.EmulatedChip;

/**
 * The bus of an emulated chip. All accesses are serialised on the chip, so the model sees one
 * deterministic access order. Posted writes are applied at once (the model has no queue to fill),
 * but an error they cause is held and thrown where the SPI says: the next flush, blocking access or
 * await. Waiting advances model time to the next hardware event instead of spinning.
 */
public final class EmulationBus implements RegisterBus {

    private final EmulatedChip chip;
    private BusException postedError;

    public EmulationBus(EmulatedChip chip) {
        this.chip = chip;
    }

    /** The chip behind this bus, for test tools in this bundle (fault injection); lock it to change it. */
    EmulatedChip chip() {
        return chip;
    }

    @Override
    public int read32(long address) {
        checkAlignment(address, 4, "read32");
        synchronized (chip) {
            throwPostedError();
            return chip.read32(address, "read32");
        }
    }

    @Override
    public long read64(long address) {
        checkAlignment(address, 8, "read64");
        synchronized (chip) {
            throwPostedError();
            // The emulated interconnect is 32 bits wide: the low word first, as one locked access.
            long low = Integer.toUnsignedLong(chip.read32(address, "read64"));
            return low | (long) chip.read32(address + 4, "read64") << 32;
        }
    }

    @Override
    public void write32(long address, int value) {
        checkAlignment(address, 4, "write32");
        synchronized (chip) {
            throwPostedError();
            chip.write32(address, value, "write32");
        }
    }

    @Override
    public void write64(long address, long value) {
        checkAlignment(address, 8, "write64");
        synchronized (chip) {
            throwPostedError();
            chip.write32(address, (int) value, "write64");
            chip.write32(address + 4, (int) (value >>> 32), "write64");
        }
    }

    @Override
    public void post32(long address, int value) {
        checkAlignment(address, 4, "post32");
        synchronized (chip) {
            try {
                chip.write32(address, value, "post32");
            } catch (BusException e) {
                holdFirst(e);
            }
        }
    }

    @Override
    public void post64(long address, long value) {
        checkAlignment(address, 8, "post64");
        synchronized (chip) {
            try {
                chip.write32(address, (int) value, "post64");
                chip.write32(address + 4, (int) (value >>> 32), "post64");
            } catch (BusException e) {
                holdFirst(e);
            }
        }
    }

    @Override
    public void flush() {
        synchronized (chip) {
            throwPostedError();
        }
    }

    @Override
    public int[] read32(long[] addresses) {
        int[] values = new int[addresses.length];
        synchronized (chip) {
            throwPostedError();
            for (int i = 0; i < addresses.length; i++) {
                checkAlignment(addresses[i], 4, "read32");
                values[i] = chip.read32(addresses[i], "read32");
            }
        }
        return values;
    }

    @Override
    public WaitResult await(long address, int mask, int expected, Duration bound) {
        checkAlignment(address, 4, "await");
        if (bound.isNegative() || bound.isZero()) {
            throw new IllegalArgumentException("await bound must be positive, was " + bound);
        }
        synchronized (chip) {
            throwPostedError();
            long start = chip.clock().now();
            long deadline = start + bound.toNanos();
            while (true) {
                int value = chip.read32(address, "await");
                long now = chip.clock().now();
                if ((value & mask) == expected) {
                    return new WaitResult(address, true, value, now - start);
                }
                if (now >= deadline) {
                    return new WaitResult(address, false, value, now - start);
                }
                // Nothing changes until the next hardware event: jump there (or to the deadline).
                chip.clock().advanceTo(Math.min(chip.clock().nextEventTime(), deadline));
            }
        }
    }

    @Override
    public long deviceTimeNanos() {
        synchronized (chip) {
            return chip.clock().now();
        }
    }

    private void holdFirst(BusException e) {
        if (postedError == null) {
            postedError = e;
        }
    }

    private void throwPostedError() {
        BusException e = postedError;
        if (e != null) {
            postedError = null;
            throw e;
        }
    }

    /** Refuses a misaligned access the way the emulated interconnect does (a slave error naming it). */
    public static void checkAlignment(long address, int bytes, String operation) {
        ChipProtocol.checkAlignment(address, bytes, operation);
    }
}
