#include "simulator.h"
#include "chip_binding.h"
#include "verilated.h"
#include "verilated_vcd_c.h"

namespace halcyon {

Simulator::Simulator()
    : context_(std::make_unique<VerilatedContext>()), top_(std::make_unique<Vchip>(context_.get())), chip_(hw_, cycle_),
      master_(top_.get(), *this) {
    context_->traceEverOn(true);
    bindChip(top_.get(), hw_);
    // Settle the constants (a model sizes itself from them, HBM from SIZE) before the models are made.
    top_->rst = 1;
    top_->eval();
    chip_.attachModels();
    reset(4);
}

Simulator::~Simulator() {
    if (vcd_) vcd_->close();
    top_->final();
}

void Simulator::rise() {
    top_->clk = 1;
    top_->eval();
    cycle_++;
    if (vcd_) vcd_->dump(cycle_ * 1000);
    hw_.beginCycle();
    chip_.cycle();
}

void Simulator::fall() {
    top_->clk = 0;
    top_->eval();
    if (vcd_) vcd_->dump(cycle_ * 1000 + 500);
}

Transfer Simulator::access(bool write, uint64_t address, uint32_t data) {
    if (address > 0xFFFFFFFFULL) return Transfer{0, BUS_DECODE_ERROR};  // beyond the 32-bit bus: nothing decodes it
    return master_.transfer(write, static_cast<uint32_t>(address), data);
}

void Simulator::reset(uint32_t cycles) {
    top_->rst = 1;
    for (uint32_t i = 0; i < cycles; i++) tick();
    chip_.resetChip();
    tick();
    top_->rst = 0;
    tick();
}

void Simulator::waves(const std::string& path) {
    if (vcd_) {
        vcd_->close();
        vcd_.reset();
    }
    if (path.empty()) return;
    vcd_ = std::make_unique<VerilatedVcdC>();
    top_->trace(vcd_.get(), 99);
    vcd_->open(path.c_str());
    if (!vcd_->isOpen()) {
        vcd_.reset();
        throw std::invalid_argument("cannot write waveform file " + path);
    }
}

}  // namespace halcyon
