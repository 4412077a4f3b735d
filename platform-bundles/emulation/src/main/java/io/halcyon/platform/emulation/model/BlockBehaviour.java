package io.halcyon.platform.emulation.model;

import io.halcyon.platform.chipmodel.BlockInstance;
import io.halcyon.platform.chipmodel.Encoding;
import io.halcyon.platform.emulation.regfile.FieldHandle;
import io.halcyon.platform.emulation.regfile.Register;
import io.halcyon.platform.emulation.regfile.RegisterFileBuilder;
import io.halcyon.platform.emulation.regfile.RegisterFileModel;

/**
 * One block of the emulated chip: its register file, built from the block instance's type in the
 * chip model, with the block's behaviour on top (field handles, write listeners, events on the model
 * clock). The bus side is the register file's; a reset puts the registers back and drops every event
 * the block had scheduled, so a behaviour never acts on state from before its reset. Register and
 * field positions, memory layouts and code values all come from the model, by the description's names.
 */
public abstract class BlockBehaviour implements BlockModel {

    protected final ModelClock clock;
    private final BlockInstance block;
    private final RegisterFileModel registers;
    /** Bumped by every reset or cancel: events scheduled under an older epoch do nothing when due. */
    private long epoch;

    protected BlockBehaviour(BlockInstance block, ModelClock clock) {
        this.block = block;
        this.registers = RegisterFileBuilder.build(block.type());
        this.clock = clock;
    }

    /** The block instance this behaviour drives, as the chip map places it. */
    public final BlockInstance block() {
        return block;
    }

    public final RegisterFileModel registers() {
        return registers;
    }

    protected final FieldHandle field(String path) {
        return registers.field(path);
    }

    protected final Register register(String path) {
        return registers.register(path);
    }

    /** The value the description's encoding of field {@code fieldPath} gives {@code member} (an error code, a state). */
    protected final long code(String fieldPath, String member) {
        int dot = fieldPath.lastIndexOf('.');
        Encoding encoding = block.type().requireRegister(fieldPath.substring(0, dot)).field(fieldPath.substring(dot + 1)).encoding();
        if (encoding == null) {
            throw new IllegalArgumentException(block.type().name() + "." + fieldPath + " has no encoding");
        }
        return encoding.requireMember(member).value();
    }

    /** Runs {@code action} after {@code delayNanos} of device time, unless the block is reset first. */
    protected final void after(long delayNanos, Runnable action) {
        long scheduledIn = epoch;
        clock.schedule(delayNanos, () -> {
            if (epoch == scheduledIn) {
                action.run();
            }
        });
    }

    /** Drops every event this block has scheduled (its sequence restarts). */
    protected final void cancelScheduled() {
        epoch++;
    }

    /** Called before every software read of the block: models whose values follow time update here. */
    protected void beforeRead() {
    }

    /** Puts the behaviour's own state (beyond the registers) back to power-on. */
    protected void resetBehaviour() {
    }

    @Override
    public final long size() {
        return registers.size();
    }

    @Override
    public final Integer read32(long offset) {
        long v = readWord(offset);
        return v == NO_DECODE ? null : (int) v;
    }

    @Override
    public final long readWord(long offset) {
        beforeRead();
        return registers.readWord(offset);
    }

    @Override
    public final boolean write32(long offset, int value) {
        return registers.write32(offset, value);
    }

    @Override
    public final void reset() {
        cancelScheduled();
        registers.reset();
        resetBehaviour();
    }
}
