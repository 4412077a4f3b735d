package io.halcyon.hal.api.telemetry;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** Telemetry of one chip instance. Reads the hardware on every call. */
@ProviderType
public interface Telemetry {

    Readings read();

    /** Sets the alarm thresholds. */
    void setThresholds(double temperatureCelsius, double powerWatts);

    double temperatureThresholdCelsius();

    double powerThresholdWatts();

    /** Sticky alarms raised since they were last cleared. */
    Set<Alarm> alarms();

    /** Clears these alarms and only these. */
    void clearAlarms(Set<Alarm> alarms);
}
