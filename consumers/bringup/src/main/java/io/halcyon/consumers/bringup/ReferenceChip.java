package io.halcyon.consumers.bringup;

import java.util.List;

import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.clkrst.ClockReset;
import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.hbm.HbmController;
import io.halcyon.hal.api.intc.InterruptController;
import io.halcyon.hal.api.otp.Fuses;
import io.halcyon.hal.api.pcie.PcieEndpoint;
import io.halcyon.hal.api.platform.PlatformInfo;
import io.halcyon.hal.api.regmap.HardwareBlock;
import io.halcyon.hal.api.sysctrl.SystemControl;
import io.halcyon.hal.api.telemetry.Telemetry;
import io.halcyon.hal.api.tensor.TensorEngine;

/**
 * The services of one reference chip that bring-up uses, and the order in which it brings the chip
 * up. The bus serves only as the device clock; the DMA register map only for the global enable bit.
 */
record ReferenceChip(RegisterBus bus, PlatformInfo platform, SystemControl sysctrl, Fuses fuses, ClockReset clkrst,
        PcieEndpoint pcie, HbmController hbm, DmaEngine dma, HardwareBlock dmaRegisters,
        InterruptController intc, TensorEngine tensor, Telemetry telemetry) {

    Sequence sequence() {
        return new Sequence(List.of(
                new IdentifyChip(sysctrl, platform),
                new FuseLock(fuses),
                new ClocksAndResets(clkrst),
                new PllLock(clkrst),
                new PcieLink(pcie),
                new HbmTraining(hbm),
                new DmaAndInterrupts(dma, new RegisterField(dmaRegisters, bus, "CTRL", "ENABLE"), intc),
                new TensorEngineCheck(tensor, telemetry)), bus);
    }
}
