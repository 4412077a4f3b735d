package io.halcyon.hal.api.telemetry;

/** Sticky telemetry alarms. */
public enum Alarm {
    OVER_TEMPERATURE, OVER_POWER
}
