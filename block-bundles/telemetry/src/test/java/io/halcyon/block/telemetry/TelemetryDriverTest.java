package io.halcyon.block.telemetry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.After;
import org.junit.Test;

import io.halcyon.block.telemetry.regs.AlarmRegister;
import io.halcyon.block.telemetry.regs.PowerRegister;
import io.halcyon.block.telemetry.regs.PowerThresholdRegister;
import io.halcyon.block.telemetry.regs.TelemetryConfig;
import io.halcyon.block.telemetry.regs.TelemetryMap;
import io.halcyon.block.telemetry.regs.TempRegister;
import io.halcyon.block.telemetry.regs.TempThresholdRegister;
import io.halcyon.block.testsupport.Configs;
import io.halcyon.block.testsupport.ExpectingBus;
import io.halcyon.hal.api.telemetry.Alarm;
import io.halcyon.hal.api.telemetry.Readings;

public class TelemetryDriverTest {

    private static final long BASE = 0x7_0000;
    private static final long ALARM = BASE + AlarmRegister.OFFSET;
    private final ExpectingBus bus = new ExpectingBus(BASE, TelemetryMap.REGISTERS);
    private final TelemetryDriver driver = new TelemetryDriver(bus, Configs.instance(TelemetryConfig.class, "telemetry", BASE));

    @After
    public void everyExpectedAccessWasMade() {
        bus.verifyDone();
    }

    private static long temp(int i) {
        return BASE + TempRegister.OFFSET + i * TempRegister.STRIDE;
    }

    @Test
    public void readConvertsEverySensorFromOneBatch() {
        bus.expectBatchRead32(new long[] {temp(0), temp(1), temp(2), temp(3), BASE + PowerRegister.OFFSET},
                2500, 4567, 0, 0xFFFF, 0xFFFF_FFFF);
        Readings r = driver.read();
        assertEquals(List.of(25.0, 45.67, 0.0, 655.35), r.temperaturesCelsius());
        assertEquals(4_294_967.295, r.powerWatts(), 0.0);
        assertEquals(655.35, r.maxTemperatureCelsius(), 0.0);
    }

    @Test
    public void thresholdsAreWrittenInRegisterUnits() {
        bus.expectWrite32(BASE + TempThresholdRegister.OFFSET, 9050).expectWrite32(BASE + PowerThresholdRegister.OFFSET, 350_500);
        driver.setThresholds(90.5, 350.5);
    }

    @Test
    public void thresholdsAreReadBack() {
        bus.expectRead32(BASE + TempThresholdRegister.OFFSET, 9500).expectRead32(BASE + PowerThresholdRegister.OFFSET, 0xFFFF_FFFF);
        assertEquals(95.0, driver.temperatureThresholdCelsius(), 0.0);
        assertEquals(4_294_967.295, driver.powerThresholdWatts(), 0.0);
    }

    @Test
    public void aTemperatureTooWideIsRefusedBeforeAnyWrite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> driver.setThresholds(700, 100));
        assertEquals("telemetry.TEMP_THRESHOLD.CENTI_C: 700.0 degC is out of range 0.00..655.35 degC", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> driver.setThresholds(-1, 100));
        assertThrows(IllegalArgumentException.class, () -> driver.setThresholds(Double.NaN, 100));
    }

    @Test
    public void aBadPowerIsRefusedBeforeTheTemperatureIsWritten() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> driver.setThresholds(90, 5_000_000));
        assertEquals("telemetry.POWER_THRESHOLD.MILLIWATTS: 5000000.0 W is out of range 0.000..4294967.295 W", e.getMessage());
    }

    @Test
    public void alarmsDecodeTheStickyBits() {
        bus.expectRead32(ALARM, io.halcyon.block.telemetry.regs.Alarm.OVER_POWER_MASK);
        assertEquals(Set.of(Alarm.OVER_POWER), driver.alarms());
    }

    @Test
    public void clearAlarmsWritesOnesOnlyForTheNamedAlarmsWithoutReading() {
        bus.expectWrite32(ALARM, io.halcyon.block.telemetry.regs.Alarm.OVER_TEMP_MASK)
                .expectWrite32(ALARM, io.halcyon.block.telemetry.regs.Alarm.OVER_TEMP_MASK | io.halcyon.block.telemetry.regs.Alarm.OVER_POWER_MASK);
        driver.clearAlarms(EnumSet.of(Alarm.OVER_TEMPERATURE));
        driver.clearAlarms(EnumSet.allOf(Alarm.class));
        driver.clearAlarms(Set.of());
    }
}
