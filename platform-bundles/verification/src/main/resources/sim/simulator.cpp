#include "simulator.h"
#include <stdexcept>
#include "chip_binding.h"
#include "verilated.h"
#if VM_TRACE
#include "verilated_vcd_c.h"
#endif

namespace halcyon {

Simulator::Simulator()
    : context_(std::make_unique<VerilatedContext>()), top_(std::make_unique<Vchip>(context_.get())), chip_(hw_, cycle_),
      master_(top_.get(), *this) {
#if VM_TRACE
    context_->traceEverOn(true);
#endif
    bindChip(top_.get(), hw_);
    // Settle the constants (a model sizes itself from them, HBM from SIZE) before the models are made.
    top_->rst = 1;
    top_->eval();
    chip_.attachModels();
    reset(4);
}

Simulator::~Simulator() {
#if VM_TRACE
    if (vcd_) vcd_->close();
#endif
    top_->final();
}

void Simulator::rise() {
    top_->clk = 1;
    top_->eval();
    cycle_++;
#if VM_TRACE
    if (vcd_) vcd_->dump(cycle_ * 1000);
#endif
    hw_.beginCycle();
    chip_.cycle();
}

void Simulator::fall() {
    top_->clk = 0;
    top_->eval();
#if VM_TRACE
    if (vcd_) vcd_->dump(cycle_ * 1000 + 500);
#endif
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
#if !VM_TRACE
    // Built without Verilator's --trace (the fast build): the host starts the traced build to dump waveforms.
    if (path.empty()) return;
    throw std::logic_error("this simulator was built without waveforms (--trace); start it with waveforms to dump " + path);
#else
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
#endif
}

}  // namespace halcyon
