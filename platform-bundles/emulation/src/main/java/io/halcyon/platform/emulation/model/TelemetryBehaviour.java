package io.halcyon.platform.emulation.model;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.emulation.regfile.FieldHandle;

/**
 * Telemetry: die temperatures and board power follow the tensor engine's activity as first-order lags
 * toward an idle or a busy level. Each value is a closed form of the device time since the engine last
 * started or stopped, evaluated when software reads the block, so reading (or not) never changes what
 * later reads return. With the block running, each evaluation publishes the values and sets ALARM
 * bits (and the TELEMETRY interrupt, when a bit newly sets) for values over their thresholds.
 */
public final class TelemetryBehaviour extends BlockBehaviour {

    public static final double AMBIENT_C = 25.0;
    /** How far each sensor settles above ambient when the engine runs flat out (sensor 0 sits on it). */
    public static final double[] BUSY_RISE_C = {40.0, 32.0, 24.0, 16.0};
    public static final long TEMPERATURE_TAU_NANOS = 2_000_000;
    public static final double IDLE_MILLIWATTS = 35_000;
    public static final double BUSY_MILLIWATTS = 200_000;
    public static final long POWER_TAU_NANOS = 100_000;

    private final BlockGate gate;
    private final InterruptLine interrupt;
    private final FieldHandle[] temperatures;
    private final FieldHandle power;
    private final FieldHandle temperatureThreshold;
    private final FieldHandle powerThreshold;
    private final FieldHandle overTemperature;
    private final FieldHandle overPower;
    private final FirstOrderLag[] temperatureLags;
    private final FirstOrderLag powerLag;

    TelemetryBehaviour(BlockInstance block, ChipParts chip) {
        super(block, chip.clock());
        this.gate = chip.peer(ClkrstBehaviour.class, block).gate(block.name());
        this.interrupt = chip.peer(IntcBehaviour.class, block).line(block.name());
        temperatures = new FieldHandle[BUSY_RISE_C.length];
        temperatureLags = new FirstOrderLag[BUSY_RISE_C.length];
        for (int i = 0; i < temperatures.length; i++) {
            temperatures[i] = field("TEMP[" + i + "].CENTI_C");
            temperatureLags[i] = new FirstOrderLag(AMBIENT_C, AMBIENT_C, AMBIENT_C + BUSY_RISE_C[i], TEMPERATURE_TAU_NANOS);
        }
        power = field("POWER.MILLIWATTS");
        powerLag = new FirstOrderLag(IDLE_MILLIWATTS, IDLE_MILLIWATTS, BUSY_MILLIWATTS, POWER_TAU_NANOS);
        temperatureThreshold = field("TEMP_THRESHOLD.CENTI_C");
        powerThreshold = field("POWER_THRESHOLD.MILLIWATTS");
        overTemperature = field("ALARM.OVER_TEMP");
        overPower = field("ALARM.OVER_POWER");
        register("TEMP_THRESHOLD").onWrite((data, mask) -> beforeRead());
        register("POWER_THRESHOLD").onWrite((data, mask) -> beforeRead());
    }

    /** The tensor engine started ({@code true}) or stopped working, now. */
    void engineBusy(boolean busy) {
        long now = clock.now();
        for (FirstOrderLag lag : temperatureLags) {
            lag.drive(now, busy);
        }
        powerLag.drive(now, busy);
        beforeRead();
    }

    @Override
    protected void beforeRead() {
        if (!gate.running()) {
            return;
        }
        long now = clock.now();
        boolean hot = false;
        for (int i = 0; i < temperatures.length; i++) {
            long centi = Math.min(0xFFFF, Math.max(0, StrictMath.round(temperatureLags[i].valueAt(now) * 100)));
            temperatures[i].set(centi);
            hot |= centi > temperatureThreshold.get();
        }
        long milliwatts = Math.max(0, StrictMath.round(powerLag.valueAt(now)));
        power.set(milliwatts);
        boolean alarmRaised = raiseAlarm(overTemperature, hot) | raiseAlarm(overPower, milliwatts > powerThreshold.get());
        if (alarmRaised) {
            interrupt.raise();
        }
    }

    private static boolean raiseAlarm(FieldHandle alarm, boolean over) {
        if (!over || alarm.get() == 1) {
            return false;
        }
        alarm.hwSet();
        return true;
    }

    /**
     * x(t) = target + (x0 - target) * exp(-(t - t0) / tau), re-anchored only when the drive changes.
     * StrictMath keeps the exponential the same on every JVM.
     */
    private static final class FirstOrderLag {
        private final double idle;
        private final double busy;
        private final double tauNanos;
        private double anchorValue;
        private long anchorTime;
        private boolean driven;

        FirstOrderLag(double start, double idle, double busy, long tauNanos) {
            this.anchorValue = start;
            this.idle = idle;
            this.busy = busy;
            this.tauNanos = tauNanos;
        }

        double valueAt(long now) {
            double target = driven ? busy : idle;
            return target + (anchorValue - target) * StrictMath.exp(-(now - anchorTime) / tauNanos);
        }

        void drive(long now, boolean on) {
            if (on != driven) {
                anchorValue = valueAt(now);
                anchorTime = now;
                driven = on;
            }
        }
    }
}
