package io.halcyon.hal.api.pcie;

/** Sticky error bits of the endpoint. */
public enum PcieError {
    CORRECTABLE, UNCORRECTABLE, LINK_DOWN
}
