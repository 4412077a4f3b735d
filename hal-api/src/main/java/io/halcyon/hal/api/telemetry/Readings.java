package io.halcyon.hal.api.telemetry;

import java.util.List;

/**
 * @param temperaturesCelsius the die sensors, in degrees Celsius (0.01 degC resolution)
 * @param powerWatts board power in watts (1 mW resolution)
 */
public record Readings(List<Double> temperaturesCelsius, double powerWatts) {

    public double maxTemperatureCelsius() {
        return temperaturesCelsius.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
