package io.halcyon.consumers.butr;

import io.halcyon.platform.emulation.regfile.RegisterFileModel;

/**
 * Register access straight into an emulation register file, with the access widths a description may
 * use (8 to 64 bits; 64-bit registers as two 32-bit accesses, low word first). Addresses are offsets in
 * the register file; every access counts the emulated interconnect's 10 ns.
 */
final class RegisterFileAccess implements RegisterAccess {

    private final RegisterFileModel model;
    private long accesses;

    RegisterFileAccess(RegisterFileModel model) {
        this.model = model;
    }

    @Override
    public boolean supportsWidth(int widthBits) {
        return widthBits == 8 || widthBits == 16 || widthBits == 32 || widthBits == 64;
    }

    @Override
    public long read(long address, int widthBits) {
        if (widthBits == 64) {
            return read(address, 32) | read(address + 4, 32) << 32;
        }
        accesses++;
        return model.read(address, widthBits / 8);
    }

    @Override
    public void write(long address, int widthBits, long value) {
        if (widthBits == 64) {
            write(address, 32, value);
            write(address + 4, 32, value >>> 32);
            return;
        }
        accesses++;
        if (!model.write(address, widthBits / 8, value)) {
            throw new IllegalStateException(String.format("nothing decodes at 0x%x (write%d)", address, widthBits));
        }
    }

    @Override
    public long deviceTimeNanos() {
        return accesses * 10;
    }
}
