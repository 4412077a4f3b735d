package io.halcyon.block.otp;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.halcyon.block.otp.regs.Ctrl;
import io.halcyon.block.otp.regs.HbmRepair;
import io.halcyon.block.otp.regs.HbmRepairRegister;
import io.halcyon.block.otp.regs.Otp;
import io.halcyon.block.otp.regs.OtpConfig;
import io.halcyon.block.otp.regs.OtpDriverBase;
import io.halcyon.block.otp.regs.SerialHi;
import io.halcyon.block.otp.regs.SerialLo;
import io.halcyon.block.otp.regs.Sku;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.hal.api.otp.FuseContents;
import io.halcyon.hal.api.otp.Fuses;
import io.halcyon.hal.api.register.RegisterBatch;
import io.halcyon.hal.api.chip.ServesGenerations;
import io.halcyon.block.otp.regs.OtpMap;

/**
 * Stateless driver of one fuse block: the contents are the hardware's shadow registers, read on every
 * call, and the lock is the hardware's sticky bit.
 */
@ServesGenerations(block = OtpMap.BLOCK, value = {1, 2})
@Component(configurationPid = OtpConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OtpConfig.class, factory = true)
public class FuseDriver extends OtpDriverBase implements Fuses {

    @Activate
    public FuseDriver(@Reference(name = "bus") RegisterBus bus, OtpConfig config) {
        super(bus, config);
    }

    @Override
    public FuseContents contents() {
        Otp regs = regs();
        RegisterBatch batch = regs.batch();
        RegisterBatch.Reading<SerialLo> low = batch.add(regs.serialLo());
        RegisterBatch.Reading<SerialHi> high = batch.add(regs.serialHi());
        RegisterBatch.Reading<Sku> sku = batch.add(regs.sku());
        List<RegisterBatch.Reading<HbmRepair>> stacks = new ArrayList<>(HbmRepairRegister.COUNT);
        for (int stack = 0; stack < HbmRepairRegister.COUNT; stack++) {
            stacks.add(batch.add(regs.hbmRepair(stack)));
        }
        RegisterBatch.Reading<Ctrl> ctrl = batch.add(regs.ctrl());
        batch.read();
        List<io.halcyon.hal.api.otp.HbmRepair> repairs = new ArrayList<>(stacks.size());
        for (int stack = 0; stack < stacks.size(); stack++) {
            HbmRepair repair = stacks.get(stack).value();
            repairs.add(new io.halcyon.hal.api.otp.HbmRepair(stack, repair.repairedRows(), repair.sparesLeft()));
        }
        long serial = Integer.toUnsignedLong(high.value().value()) << 32 | Integer.toUnsignedLong(low.value().value());
        return new FuseContents(serial, sku.value().product(), sku.value().speedBin(), repairs, ctrl.value().lock());
    }

    @Override
    public void lock() {
        // LOCK is write-1-to-set and CTRL's only field: writing the bit alone needs no read.
        regs().ctrl().setLock();
    }
}
