package io.halcyon.hal.api.telemetry;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

import io.halcyon.hal.api.view.Stability;
import io.halcyon.hal.api.view.View;

/** Telemetry of one chip instance. Reads the hardware on every call. */
@ProviderType
public interface Telemetry {

    @View(Stability.LIVE)
    Readings read();

    /** Sets the alarm thresholds. */
    void setThresholds(double temperatureCelsius, double powerWatts);

    @View(Stability.CONFIGURED)
    double temperatureThresholdCelsius();

    @View(Stability.CONFIGURED)
    double powerThresholdWatts();

    /** Sticky alarms raised since they were last cleared. */
    @View(Stability.LIVE)
    Set<Alarm> alarms();

    /** Clears these alarms and only these. */
    void clearAlarms(Set<Alarm> alarms);
}
