package io.halcyon.consumers.bringup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.bus.WaitResult;
import io.halcyon.hal.api.bus.WaitTimeoutException;
import io.halcyon.hal.api.clkrst.ChipBlock;
import io.halcyon.hal.api.clkrst.ClockReset;
import io.halcyon.hal.api.clkrst.Pll;
import io.halcyon.hal.api.dma.DmaChannelStatus;
import io.halcyon.hal.api.dma.DmaDescriptor;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.hbm.EccCounts;
import io.halcyon.hal.api.hbm.HbmController;
import io.halcyon.hal.api.hbm.HbmState;
import io.halcyon.hal.api.intc.InterruptController;
import io.halcyon.hal.api.intc.InterruptSource;
import io.halcyon.hal.api.otp.FuseContents;
import io.halcyon.hal.api.otp.Fuses;
import io.halcyon.hal.api.otp.HbmRepair;
import io.halcyon.hal.api.pcie.LinkState;
import io.halcyon.hal.api.pcie.LinkStatus;
import io.halcyon.hal.api.pcie.PcieEndpoint;
import io.halcyon.hal.api.pcie.PcieError;
import io.halcyon.hal.api.platform.PlatformCapability;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.platform.PlatformKind;
import io.halcyon.hal.api.sysctrl.Capability;
import io.halcyon.hal.api.sysctrl.ChipIdentity;
import io.halcyon.hal.api.sysctrl.SystemControl;
import io.halcyon.hal.api.telemetry.Alarm;
import io.halcyon.hal.api.telemetry.Readings;
import io.halcyon.hal.api.telemetry.Telemetry;
import io.halcyon.hal.api.tensor.TensorCommand;
import io.halcyon.hal.api.tensor.TensorEngine;
import io.halcyon.hal.api.tensor.TensorEngineStatus;

/**
 * The reference chip as the block contracts show it, in memory: power-on state, device time that
 * waits advance, lock and training times as documented, and faults to switch on. Every call that
 * changes the chip is written to {@link #writes} so tests can assert order and absence of writes.
 */
final class FakeChip {

    static final long CORE_LOCK_NANOS = 20_000;
    static final long HBM_LOCK_NANOS = 50_000;
    static final long LINK_TRAINING_NANOS = 30_000;
    static final long HBM_TRAINING_NANOS = 200_000;
    static final long DMA_CTRL = 0x0004_0000L;

    final List<String> writes = new ArrayList<>();
    long now;

    int chipId = IdentifyChip.REFERENCE_CHIP_ID;
    long capabilities = 0x43F;
    final Set<ChipBlock> clocks = EnumSet.noneOf(ChipBlock.class);
    final Set<ChipBlock> resets = EnumSet.allOf(ChipBlock.class);
    final Map<Pll, Long> lockAt = new EnumMap<>(Pll.class);
    final Set<Pll> neverLocks = EnumSet.noneOf(Pll.class);
    LinkState link = LinkState.DETECT;
    long linkUpAt = Long.MAX_VALUE;
    HbmState hbmState = HbmState.UNTRAINED;
    long hbmDoneAt = Long.MAX_VALUE;
    boolean hbmTrainingFails;
    boolean dmaEnabled;
    final Set<InterruptSource> enabled = EnumSet.noneOf(InterruptSource.class);
    final Set<InterruptSource> pending = EnumSet.noneOf(InterruptSource.class);
    int tensorErrorCode;
    int tensorQueued;
    boolean fusesLocked;

    /** A chip some earlier host brought up completely. */
    static FakeChip alreadyUp() {
        FakeChip chip = new FakeChip();
        chip.clocks.addAll(EnumSet.allOf(ChipBlock.class));
        chip.resets.clear();
        chip.lockAt.put(Pll.CORE, 0L);
        chip.lockAt.put(Pll.HBM, 0L);
        chip.link = LinkState.L0;
        chip.linkUpAt = 0;
        chip.hbmState = HbmState.READY;
        chip.dmaEnabled = true;
        chip.enabled.addAll(EnumSet.allOf(InterruptSource.class));
        chip.fusesLocked = true;
        return chip;
    }

    ReferenceChip services() {
        return new ReferenceChip(new Bus(), new Platform(), new Sysctrl(), new Fuse(), new Clkrst(), new Pcie(), new Hbm(), new Dma(),
                new DmaRegisters(), new Intc(), new Tensor(), new Sensors());
    }

    private void write(String what) {
        writes.add(what);
    }

    /** Advances device time as a wait for an event at {@code at} with {@code bound} would; true if the event came first. */
    private boolean waitFor(long at, Duration bound) {
        long limit = now + bound.toNanos();
        if (at <= limit) {
            now = Math.max(now, at);
            return true;
        }
        now = limit;
        return false;
    }

    private final class Bus implements RegisterBus {
        @Override public long deviceTimeNanos() { return now; }
        @Override public int read32(long address) {
            if (address == DMA_CTRL) {
                return dmaEnabled ? 1 : 0;
            }
            throw new AssertionError(String.format("bring-up read 0x%08x directly", address));
        }
        @Override public long read64(long address) { throw new AssertionError("read64"); }
        @Override public void write32(long address, int value) { throw new AssertionError("bring-up wrote a register directly"); }
        @Override public void write64(long address, long value) { throw new AssertionError("bring-up wrote a register directly"); }
        @Override public void post32(long address, int value) { throw new AssertionError("bring-up wrote a register directly"); }
        @Override public void post64(long address, long value) { throw new AssertionError("bring-up wrote a register directly"); }
        @Override public void flush() {}
        @Override public int[] read32(long[] addresses) { throw new AssertionError("batch read"); }
        @Override public long[] read64(long[] addresses) { throw new AssertionError("batch read"); }
        @Override public WaitResult await(long address, int mask, int expected, Duration bound) { throw new AssertionError("bring-up awaited a register directly"); }
    }

    private static final class Platform implements PlatformInfo {
        @Override public PlatformKind kind() { return PlatformKind.EMULATION; }
        @Override public int chipInstance() { return 0; }
        @Override public String description() { return "fake"; }
        @Override public String version() { return "0.0.0"; }
        @Override public Set<PlatformCapability> capabilities() { return EnumSet.noneOf(PlatformCapability.class); }
    }

    private final class Sysctrl implements SystemControl {
        @Override public ChipIdentity identity() { return new ChipIdentity(chipId, 1, 1, capabilities); }
        @Override public boolean hasCapability(Capability c) { return (capabilities & (1L << c.bit())) != 0; }
        @Override public int scratch() { return 0; }
        @Override public void scratch(int value) { write("sysctrl.scratch"); }
        @Override public int resetCount() { return 0; }
        @Override public void softReset() { write("sysctrl.softReset"); }
    }

    private final class Fuse implements Fuses {
        @Override public FuseContents contents() {
            return new FuseContents(0x1234_5678_9ABCL, 0x4C31, 1, List.of(new HbmRepair(0, 2, 14), new HbmRepair(1, 0, 16)),
                    fusesLocked);
        }
        @Override public void lock() { write("otp.lock"); fusesLocked = true; }
    }

    private final class Clkrst implements ClockReset {
        @Override public void enablePll(Pll pll, int multiplier) {
            write("clkrst.enablePll " + pll + " x" + multiplier);
            if (!neverLocks.contains(pll)) {
                lockAt.put(pll, now + (pll == Pll.CORE ? CORE_LOCK_NANOS : HBM_LOCK_NANOS));
            }
        }
        @Override public boolean pllLocked(Pll pll) { return lockAt.getOrDefault(pll, Long.MAX_VALUE) <= now; }
        @Override public void awaitPllLock(Pll pll, Duration bound) {
            long start = now;
            if (!waitFor(lockAt.getOrDefault(pll, Long.MAX_VALUE), bound)) {
                String register = pll == Pll.CORE ? "clkrst.CORE_PLL_STATUS" : "clkrst.HBM_PLL_STATUS";
                throw new WaitTimeoutException(register, "LOCKED == 1",
                        new WaitResult(pll == Pll.CORE ? 0x1_0004L : 0x1_000CL, false, 0, now - start));
            }
        }
        @Override public void enableClocks(Set<ChipBlock> blocks) { write("clkrst.enableClocks " + blocks); clocks.addAll(blocks); }
        @Override public void releaseResets(Set<ChipBlock> blocks) { write("clkrst.releaseResets " + blocks); resets.removeAll(blocks); }
        @Override public Set<ChipBlock> blocksInReset() { return EnumSet.copyOf(resets); }
        @Override public Set<ChipBlock> clocksEnabled() { return clocks.isEmpty() ? EnumSet.noneOf(ChipBlock.class) : EnumSet.copyOf(clocks); }
    }

    private final class Pcie implements PcieEndpoint {
        @Override public LinkStatus status() {
            if (linkUpAt <= now) {
                link = LinkState.L0;
            }
            return link == LinkState.L0 ? new LinkStatus(LinkState.L0, true, 4, 16) : new LinkStatus(link, false, 0, 0);
        }
        @Override public void train(int targetGeneration) {
            write("pcie.train gen" + targetGeneration);
            link = LinkState.POLLING;
            linkUpAt = now + LINK_TRAINING_NANOS;
        }
        @Override public LinkStatus awaitLinkUp(Duration bound) {
            long start = now;
            if (!waitFor(linkUpAt, bound)) {
                throw new WaitTimeoutException("pcie.LINK_STATUS", "LINK_UP == 1", new WaitResult(0x2_0004L, false, link.ordinal(), now - start));
            }
            return status();
        }
        @Override public Set<PcieError> errors() { return EnumSet.noneOf(PcieError.class); }
        @Override public void clearErrors(Set<PcieError> errors) { write("pcie.clearErrors"); }
    }

    private final class Hbm implements HbmController {
        @Override public HbmState state() {
            if (hbmState == HbmState.TRAINING && hbmDoneAt <= now) {
                hbmState = hbmTrainingFails ? HbmState.FAILED : HbmState.READY;
            }
            return hbmState;
        }
        @Override public void startTraining() {
            write("hbm.startTraining");
            hbmState = HbmState.TRAINING;
            hbmDoneAt = now + HBM_TRAINING_NANOS;
        }
        @Override public void awaitReady(Duration bound) {
            long start = now;
            if (!waitFor(hbmDoneAt, bound)) {
                throw new WaitTimeoutException("hbm.STATUS", "READY == 1", new WaitResult(0x3_0004L, false, 1, now - start));
            }
            if (state() == HbmState.FAILED) {
                throw new IllegalStateException("hbm.STATUS: training failed (STATUS=0x00000004 at 0x00030004)");
            }
        }
        @Override public long sizeBytes() { return 256L << 20; }
        @Override public EccCounts readAndClearEccCounters() { throw new AssertionError("bring-up read the read-to-clear ECC counters"); }
    }

    private final class Dma implements DmaEngine {
        @Override public int channels() { return 4; }
        @Override public void enable() { write("dma.enable"); dmaEnabled = true; }
        @Override public void submit(int channel, List<DmaDescriptor> descriptors, Duration bound) { throw new AssertionError("submit"); }
        @Override public void awaitIdle(int channel, Duration bound) { throw new AssertionError("awaitIdle"); }
        @Override public DmaChannelStatus status(int channel) { return new DmaChannelStatus(channel, 0, 0, false, false, 0); }
        @Override public long bytesMoved() { return 0; }
    }

    private final class Intc implements InterruptController {
        @Override public Set<InterruptSource> pending() { return copy(pending); }
        @Override public Set<InterruptSource> enabled() { return copy(enabled); }
        @Override public void setEnabled(Set<InterruptSource> sources) { write("intc.setEnabled " + sources); enabled.clear(); enabled.addAll(sources); }
        @Override public void acknowledge(Set<InterruptSource> sources) { write("intc.acknowledge " + sources); pending.removeAll(sources); }
        @Override public Set<InterruptSource> awaitAny(Set<InterruptSource> sources, Duration bound) { throw new AssertionError("awaitAny"); }
    }

    private final class Tensor implements TensorEngine {
        @Override public long submit(List<TensorCommand> commands, Duration bound) { throw new AssertionError("submit"); }
        @Override public void await(long ticket, Duration bound) { throw new AssertionError("await"); }
        @Override public TensorEngineStatus status() { return new TensorEngineStatus(tensorQueued, tensorQueued > 0, 7, tensorErrorCode != 0, tensorErrorCode); }
        @Override public long busyCycles() { return 0; }
    }

    private final class Sensors implements Telemetry {
        @Override public Readings read() { return new Readings(List.of(41.5, 43.25, 40.0, 42.0), 35.0); }
        @Override public void setThresholds(double temperatureCelsius, double powerWatts) { write("telemetry.setThresholds"); }
        @Override public double temperatureThresholdCelsius() { return 95; }
        @Override public double powerThresholdWatts() { return 400; }
        @Override public Set<Alarm> alarms() { return EnumSet.noneOf(Alarm.class); }
        @Override public void clearAlarms(Set<Alarm> alarms) { write("telemetry.clearAlarms"); }
    }

    private static Set<InterruptSource> copy(Set<InterruptSource> s) {
        return s.isEmpty() ? EnumSet.noneOf(InterruptSource.class) : EnumSet.copyOf(s);
    }
}
