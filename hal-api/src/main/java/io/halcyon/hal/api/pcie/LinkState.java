package io.halcyon.hal.api.pcie;

/** The link training state machine (LTSSM) states the endpoint reports. */
public enum LinkState {
    DETECT, POLLING, CONFIG, L0, RECOVERY, DISABLED
}
