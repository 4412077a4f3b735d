package io.halcyon.hal.api.regmap;

/** SystemRDL 2.0 {@code onwrite} effects; {@link #NONE} means the written value is stored. */
public enum WriteEffect {
    NONE, WOCLR, WOSET, WOT, WZS, WZC, WZT, WCLR, WSET, WUSER
}
