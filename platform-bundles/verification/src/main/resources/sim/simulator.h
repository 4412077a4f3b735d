// The Verilated chip with its clock: owns the cycle count (1 cycle = 1 ns of device time at the
// simulated 1 GHz clock), the behaviour models, the bus master and the optional waveform dump.
#pragma once
#include <memory>
#include <string>
#include "Vchip.h"
#include "bus_master.h"
#include "chip.h"
#include "hardware.h"

class VerilatedContext;
class VerilatedVcdC;

namespace halcyon {

class Simulator {
public:
    Simulator();
    ~Simulator();
    // One clock cycle: the rising edge, the hardware side's reaction (models), the falling edge. A bus master
    // drives its next signals between rise() and fall(), as a testbench drives on the falling edge.
    void tick() { rise(); fall(); }
    void rise();
    void fall();
    Transfer read(uint64_t address) { return access(false, address, 0); }
    Transfer write(uint64_t address, uint32_t data) { return access(true, address, data); }
    // Reads of 32-bit bus addresses, overlapped where the bus allows (AXI4-Lite); returns how many succeeded,
    // `failure` holding the next one's error.
    size_t readBatch(const uint32_t* addresses, size_t n, uint32_t* values, Transfer& failure) {
        return master_.readBatch(addresses, n, values, failure);
    }
    // Holds the chip's reset for `cycles` and releases it: registers and models back at power-on.
    void reset(uint32_t cycles);
    // Starts dumping a VCD to `path`, or stops with an empty path.
    void waves(const std::string& path);
    uint64_t cycle() const { return cycle_; }
    Chip& chip() { return chip_; }
    const char* busName() const { return BusMaster<Vchip, Simulator>::NAME; }
private:
    Transfer access(bool write, uint64_t address, uint32_t data);
    std::unique_ptr<VerilatedContext> context_;
    std::unique_ptr<Vchip> top_;
#if VM_TRACE
    std::unique_ptr<VerilatedVcdC> vcd_;
#endif
    uint64_t cycle_ = 0;
    Hardware hw_;
    Chip chip_;
    BusMaster<Vchip, Simulator> master_;
};

}  // namespace halcyon
