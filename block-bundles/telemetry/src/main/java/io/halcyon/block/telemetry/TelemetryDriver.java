package io.halcyon.block.telemetry;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.halcyon.block.telemetry.regs.Power;
import io.halcyon.block.telemetry.regs.PowerThreshold;
import io.halcyon.block.telemetry.regs.TelemetryConfig;
import io.halcyon.block.telemetry.regs.TelemetryDriverBase;
import io.halcyon.block.telemetry.regs.Temp;
import io.halcyon.block.telemetry.regs.TempRegister;
import io.halcyon.block.telemetry.regs.TempThreshold;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.register.RegisterBatch;
import io.halcyon.hal.api.telemetry.Alarm;
import io.halcyon.hal.api.telemetry.Readings;
import io.halcyon.hal.api.telemetry.Telemetry;
import io.halcyon.hal.api.chip.ServesGenerations;
import io.halcyon.block.telemetry.regs.TelemetryMap;

/** Stateless driver of the telemetry block: sensors, thresholds and alarms are read from the hardware on every call. */
@ServesGenerations(block = TelemetryMap.BLOCK, value = {1, 2})
@Component(configurationPid = TelemetryConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TelemetryConfig.class, factory = true)
public class TelemetryDriver extends TelemetryDriverBase implements Telemetry {

    /** Register units: temperatures in 0.01 degC, power in mW. */
    private static final double CENTI = 100.0;
    private static final double MILLI = 1000.0;
    private static final long MAX_CENTI_C = Integer.toUnsignedLong(TempThreshold.CENTI_C_MASK) >>> TempThreshold.CENTI_C_SHIFT;
    private static final long MAX_MILLIWATTS = Integer.toUnsignedLong(PowerThreshold.MILLIWATTS_MASK) >>> PowerThreshold.MILLIWATTS_SHIFT;

    @Activate
    public TelemetryDriver(@Reference(name = "bus") RegisterBus bus, TelemetryConfig config) {
        super(bus, config);
    }

    @Override
    public Readings read() {
        // All sensors in one pipelined batch, so the readings describe one moment.
        io.halcyon.block.telemetry.regs.Telemetry regs = regs();
        RegisterBatch batch = regs.batch();
        List<RegisterBatch.Reading<Temp>> sensors = new ArrayList<>(TempRegister.COUNT);
        for (int i = 0; i < TempRegister.COUNT; i++) {
            sensors.add(batch.add(regs.temp(i)));
        }
        RegisterBatch.Reading<Power> power = batch.add(regs.power());
        batch.read();
        List<Double> temperatures = new ArrayList<>(TempRegister.COUNT);
        for (RegisterBatch.Reading<Temp> sensor : sensors) {
            temperatures.add(sensor.value().centiC() / CENTI);
        }
        return new Readings(List.copyOf(temperatures), Integer.toUnsignedLong(power.value().milliwatts()) / MILLI);
    }

    @Override
    public void setThresholds(double temperatureCelsius, double powerWatts) {
        // Both checked before either is written, so a bad argument leaves the thresholds as they were.
        double centiC = temperatureCelsius * CENTI;
        if (!(centiC >= 0 && Math.round(centiC) <= MAX_CENTI_C)) {
            throw new IllegalArgumentException(String.format("%s: %s degC is out of range 0.00..%.2f degC",
                    regs().tempThreshold().path(TempThreshold.CENTI_C_FIELD), temperatureCelsius, MAX_CENTI_C / CENTI));
        }
        double milliwatts = powerWatts * MILLI;
        if (!(milliwatts >= 0 && Math.round(milliwatts) <= MAX_MILLIWATTS)) {
            throw new IllegalArgumentException(String.format("%s: %s W is out of range 0.000..%.3f W",
                    regs().powerThreshold().path(PowerThreshold.MILLIWATTS_FIELD), powerWatts, MAX_MILLIWATTS / MILLI));
        }
        regs().tempThreshold().write(TempThreshold.RESET.withCentiC((int) Math.round(centiC)));
        regs().powerThreshold().write(PowerThreshold.RESET.withMilliwatts((int) Math.round(milliwatts)));
    }

    @Override
    public double temperatureThresholdCelsius() {
        return regs().tempThreshold().read().centiC() / CENTI;
    }

    @Override
    public double powerThresholdWatts() {
        return Integer.toUnsignedLong(regs().powerThreshold().read().milliwatts()) / MILLI;
    }

    @Override
    public Set<Alarm> alarms() {
        int bits = regs().alarm().read().bits();
        Set<Alarm> alarms = EnumSet.noneOf(Alarm.class);
        for (Alarm alarm : Alarm.values()) {
            if ((bits & bit(alarm)) != 0) {
                alarms.add(alarm);
            }
        }
        return alarms;
    }

    @Override
    public void clearAlarms(Set<Alarm> alarms) {
        int mask = 0;
        for (Alarm alarm : alarms) {
            mask |= bit(Objects.requireNonNull(alarm, "alarm"));
        }
        if (mask != 0) {
            // Write 1 to clear the named alarms only; no read, so an alarm raised meanwhile stays set.
            regs().alarm().write(io.halcyon.block.telemetry.regs.Alarm.fromBits(mask));
        }
    }

    private static int bit(Alarm alarm) {
        return switch (alarm) {
            case OVER_TEMPERATURE -> io.halcyon.block.telemetry.regs.Alarm.OVER_TEMP_MASK;
            case OVER_POWER -> io.halcyon.block.telemetry.regs.Alarm.OVER_POWER_MASK;
        };
    }
}
