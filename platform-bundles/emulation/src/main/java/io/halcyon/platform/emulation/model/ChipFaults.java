package io.halcyon.platform.emulation.model;

import java.util.EnumSet;
import java.util.Set;

import io.halcyon.hal.api.clkrst.Pll;

/**
 * Faults injected into the emulated chip, for tests of what the HAL does when hardware misbehaves.
 * They belong to the test bench, not to the chip: a soft reset of the chip keeps them.
 */
public final class ChipFaults {

    private final Set<Pll> pllsThatNeverLock = EnumSet.noneOf(Pll.class);
    private boolean hbmTrainingFails;
    private final Object chipLock;
    private HbmBehaviour hbm;

    /** @param chipLock what serialises access to the chip (the bus locks it too) */
    ChipFaults(Object chipLock) {
        this.chipLock = chipLock;
    }

    /** @param hbm the chip's HBM controller; null when it has none */
    void attach(HbmBehaviour hbm) {
        this.hbm = hbm;
    }

    /** From now on, enabling {@code pll} never makes it report LOCKED. */
    public ChipFaults pllNeverLocks(Pll pll) {
        synchronized (chipLock) {
            pllsThatNeverLock.add(pll);
            return this;
        }
    }

    /** From now on, HBM training ends with FAILED instead of READY. */
    public ChipFaults hbmTrainingFails() {
        synchronized (chipLock) {
            hbmTrainingFails = true;
            return this;
        }
    }

    /** Counts ECC errors in the HBM controller now, as if the memory had reported them. */
    public ChipFaults eccErrors(int corrected, int uncorrected) {
        synchronized (chipLock) {
            if (corrected < 0 || uncorrected < 0) {
                throw new IllegalArgumentException("ECC error counts must not be negative: " + corrected + ", " + uncorrected);
            }
            if (hbm == null) {
                throw new IllegalStateException("this chip has no HBM controller to count ECC errors");
            }
            hbm.countEccErrors(corrected, uncorrected);
            return this;
        }
    }

    /** Removes every fault; what already happened stays (a failed training stays failed). */
    public ChipFaults clear() {
        synchronized (chipLock) {
            pllsThatNeverLock.clear();
            hbmTrainingFails = false;
            return this;
        }
    }

    boolean neverLocks(Pll pll) {
        return pllsThatNeverLock.contains(pll);
    }

    boolean failsHbmTraining() {
        return hbmTrainingFails;
    }
}
