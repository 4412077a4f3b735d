package io.halcyon.hal.api.chip;

/**
 * Names of the service and configuration properties that place a service on a chip and a block
 * instance. A platform publishes one block configuration per block instance of each chip it reaches
 * (factory PID: the block type's configuration PID) with {@link #CHIP}, {@link #BLOCK},
 * {@link #BLOCK_TYPE}, {@link #BASE_ADDRESS}, {@link #BUS_TARGET}, {@link #PLATFORM}, {@link #CHIP_MAP}
 * and {@link #GENERATION}; the block's driver and register-map components are made once per configuration
 * and their services carry these properties.
 */
public final class ChipProperties {

    /** The chip instance, a small integer as a string ({@code "0"} for the first chip of a host). */
    public static final String CHIP = "halcyon.chip";

    /** The block instance's name in the chip map, unique on a chip ({@code "dma"}, {@code "dma1"}). */
    public static final String BLOCK = "halcyon.block";

    /** The block type (its description's address map), shared by its instances ({@code "dma"}). */
    public static final String BLOCK_TYPE = "halcyon.block.type";

    /** Which platform reaches the chip: {@code emulation}, {@code verification} or {@code production}. */
    public static final String PLATFORM = "halcyon.platform";

    /** The chip map the platform matched the chip's identity to ({@code reference_gen1}). */
    public static final String CHIP_MAP = "halcyon.chipmap";

    /**
     * The chip's generation as its identity reads (a {@code Long}, {@code 1} for reference_gen1), on the
     * platform's per-chip services and every block configuration. Drivers declare the generations they
     * serve with {@link ServesGenerations}.
     */
    public static final String GENERATION = "halcyon.generation";

    /** Block configurations: absolute address of the block's first register (a {@code Long}). */
    public static final String BASE_ADDRESS = "base.address";

    /**
     * Block configurations: the filter that binds a driver's {@code bus} reference to its chip's
     * register bus (Declarative Services' {@code <reference name>.target}).
     */
    public static final String BUS_TARGET = "bus.target";

    /**
     * Block configurations: the reset values this block instance has on its chip (a {@code String[]} of
     * {@code REGISTER.FIELD=0xVALUE}, see {@link io.halcyon.hal.api.register.InstanceResets}), for the
     * fields whose value no one can change: a chip map's per-instance values, which a block's register map
     * applies so that register tests and health gates expect what this chip reads.
     */
    public static final String RESETS = "halcyon.resets";

    private ChipProperties() {
    }

    /** The filter selecting one chip's services, {@code (halcyon.chip=N)}. */
    public static String chipFilter(int chip) {
        if (chip < 0) {
            throw new IllegalArgumentException("chip instance " + chip + " is negative");
        }
        return "(" + CHIP + "=" + chip + ")";
    }
}
