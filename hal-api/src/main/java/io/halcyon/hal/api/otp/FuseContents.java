package io.halcyon.hal.api.otp;

import java.util.List;

/**
 * What the fuses say about one chip.
 *
 * @param serialNumber the chip's 64-bit serial number
 * @param product the product code of the chip's SKU
 * @param speedBin the speed bin manufacturing test sorted the chip into (0 is the fastest)
 * @param hbmRepairs per HBM stack, in stack order
 * @param locked whether the fuse array is locked for the rest of the power cycle
 */
public record FuseContents(long serialNumber, int product, int speedBin, List<HbmRepair> hbmRepairs, boolean locked) {

    public FuseContents {
        hbmRepairs = List.copyOf(hbmRepairs);
    }

    /**
     * One line for timelines and shells:
     * {@code serial 0000123456789abc, product 0x4c31 bin 1, HBM rows repaired per stack 2/0, locked}.
     */
    public String summary() {
        StringBuilder repairs = new StringBuilder();
        for (HbmRepair r : hbmRepairs) {
            repairs.append(repairs.length() == 0 ? "" : "/").append(r.repairedRows());
        }
        return String.format("serial %016x, product 0x%04x bin %d, HBM rows repaired per stack %s, %s", serialNumber,
                product, speedBin, repairs, locked ? "locked" : "unlocked");
    }

    /** Rows remapped to spares over all stacks. */
    public int repairedRows() {
        return hbmRepairs.stream().mapToInt(HbmRepair::repairedRows).sum();
    }
}
