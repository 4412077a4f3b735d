// Interrupt controller, clock and reset, system control, PCIe and HBM: the emulation's IntcBehaviour,
// ClkrstBehaviour, SysctrlBehaviour, PcieBehaviour and HbmBehaviour on the hardware-side ports. Every
// field and write pulse is looked up once, at construction: a model runs every cycle.
#include <algorithm>
#include <cctype>
#include "models.h"

namespace halcyon {

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

std::unique_ptr<Model> makeModel(const std::string& type, Chip& chip, const std::string& instance) {
    if (type == "intc") return std::make_unique<IntcModel>(chip, instance);
    if (type == "clkrst") return std::make_unique<ClkrstModel>(chip, instance);
    if (type == "sysctrl") return std::make_unique<SysctrlModel>(chip, instance);
    if (type == "pcie") return std::make_unique<PcieModel>(chip, instance);
    if (type == "hbm") return std::make_unique<HbmModel>(chip, instance);
    if (type == "telemetry") return std::make_unique<TelemetryModel>(chip, instance);
    if (type == "dma") return std::make_unique<DmaModel>(chip, instance, DmaModel::Doorbell::TAIL_WRITE);
    if (type == "dma2") return std::make_unique<DmaModel>(chip, instance, DmaModel::Doorbell::COUNT);
    if (type == "tensor") return std::make_unique<TensorModel>(chip, instance);
    throw std::runtime_error("no behaviour model for block type " + type);
}

// ---- intc: PENDING latches raised lines until software acknowledges; ACTIVE = PENDING & ENABLE, one bit per
// source in PENDING's field order.
IntcModel::IntcModel(Chip& chip, const std::string& instance) : Model(chip, instance), active_(field("ACTIVE.SOURCES")) {
    for (const char* f : {"PCIE", "HBM", "DMA", "TENSOR", "TELEMETRY", "CLKRST"}) {
        sources_.emplace_back(&field(std::string("PENDING.") + f), &field(std::string("ENABLE.") + f));
    }
}

InterruptLine IntcModel::line(const std::string& source) { return InterruptLine{&field("PENDING." + upper(source))}; }

void IntcModel::cycle() {
    uint64_t active = 0;
    for (size_t bit = 0; bit < sources_.size(); bit++) {
        if (sources_[bit].first->get() && sources_[bit].second->get()) active |= 1ULL << bit;
    }
    if (active_.get() != active) active_.set(active);
}

// ---- clkrst: PLLs lock some cycles after EN rises; asserting a BLOCK_RESET bit resets that block.
static const char* const GATED[] = {"pcie", "hbm", "dma", "intc", "tensor", "telemetry"};

ClkrstModel::ClkrstModel(Chip& chip, const std::string& instance)
    : Model(chip, instance), interrupt_(chip.peer<IntcModel>(instance).line(instance)),
      plls_{Pll{"CORE", CORE_LOCK_CYCLES}, Pll{"HBM", HBM_LOCK_CYCLES}}, resetsWritten_(written("BLOCK_RESET")) {
    for (Pll& p : plls_) {
        p.written = written(p.name + "_PLL_CTRL");
        p.enable = &field(p.name + "_PLL_CTRL.EN");
        p.locked = &field(p.name + "_PLL_STATUS.LOCKED");
    }
    for (const char* b : GATED) resetLines_.push_back(&field("BLOCK_RESET." + upper(b)));
    resetBehaviour();
}

BlockGate ClkrstModel::gate(const std::string& instance) {
    return BlockGate{&field("BLOCK_RESET." + upper(instance)), &field("CLOCK_EN." + upper(instance))};
}

void ClkrstModel::resetBehaviour() {
    resetsSeen_ = 0;
    for (size_t i = 0; i < resetLines_.size(); i++) resetsSeen_ |= 1ULL << i;  // every block held in reset at power-on
    for (Pll& p : plls_) {
        p.enabled = false;
        p.attempt++;
    }
}

void ClkrstModel::cycle() {
    for (Pll& p : plls_) {
        if (p.written.get()) controlWritten(p);
    }
    if (!resetsWritten_.get()) return;
    uint64_t now = 0;
    for (size_t i = 0; i < resetLines_.size(); i++) now |= resetLines_[i]->get() << i;
    uint64_t asserted = now & ~resetsSeen_;
    resetsSeen_ = now;
    for (size_t i = 0; i < resetLines_.size(); i++) {
        if (asserted >> i & 1) chip_.resetBlock(GATED[i]);
    }
}

void ClkrstModel::controlWritten(Pll& p) {
    bool en = p.enable->get() == 1;
    if (en && !p.enabled) {
        uint64_t mine = ++p.attempt;
        Pll* pll = &p;
        after(p.lockCycles, [this, pll, mine]() {
            if (pll->attempt == mine) {
                pll->locked->set(1);
                interrupt_.raise();
            }
        });
    } else if (!en && p.enabled) {
        p.attempt++;
        p.locked->set(0);
    }
    p.enabled = en;
}

// ---- sysctrl: SOFT_RESET drops RESET_DONE, resets the chip after RESET_CYCLES and counts it.
SysctrlModel::SysctrlModel(Chip& chip, const std::string& instance)
    : Model(chip, instance), written_(written("SOFT_RESET")), pulse_(field("SOFT_RESET.RESET")),
      done_(field("RESET_STATUS.RESET_DONE")), count_(field("RESET_STATUS.RESET_COUNT")) {}

void SysctrlModel::cycle() {
    // The singlepulse field is 1 in the cycle after the write, with the write pulse.
    if (!written_.get() || pulse_.get() == 0 || done_.get() == 0) return;
    done_.set(0);
    uint64_t count = count_.get();
    // On the scheduler directly: the reset must complete although it resets this block too.
    chip_.scheduler().schedule(chip_.now() + RESET_CYCLES, [this, count]() {
        chip_.resetChip();
        // The registers take their reset values at the next edge; the count and RESET_DONE load the edge after.
        chip_.scheduler().schedule(chip_.now() + 1, [this, count]() {
            count_.set((count + 1) & 0xFF);
            done_.set(1);
        });
    });
}

// ---- pcie: a TRAIN pulse walks the LTSSM to L0 at min(TARGET_SPEED, partner) x16.
PcieModel::PcieModel(Chip& chip, const std::string& instance)
    : Model(chip, instance), gate_(chip.peer<ClkrstModel>(instance).gate(instance)),
      interrupt_(chip.peer<IntcModel>(instance).line(instance)), written_(written("LINK_CTRL")), train_(field("LINK_CTRL.TRAIN")),
      state_(field("LINK_STATUS.LTSSM_STATE")), linkUp_(field("LINK_STATUS.LINK_UP")) {}

void PcieModel::cycle() {
    if (!written_.get() || train_.get() == 0 || !gate_.running()) return;
    cancelScheduled();
    if (linkUp_.get() == 1) {
        field("ERR_STATUS.LINK_DOWN").set(1);
        interrupt_.raise();
    }
    const std::string state = "LINK_STATUS.LTSSM_STATE";
    state_.set(code(state, "DETECT"));
    linkUp_.set(0);
    field("LINK_STATUS.SPEED").set(0);
    field("LINK_STATUS.WIDTH").set(0);
    after(DETECT, [this, state]() { state_.set(code(state, "POLLING")); });
    after(DETECT + POLLING, [this, state]() { state_.set(code(state, "CONFIG")); });
    after(DETECT + POLLING + CONFIG, [this, state]() {
        state_.set(code(state, "L0"));
        linkUp_.set(1);
        uint64_t target = field("LINK_CTRL.TARGET_SPEED").get();
        // Generation 0 is not a speed: a target below 1 negotiates generation 1.
        field("LINK_STATUS.SPEED").set(std::max<uint64_t>(1, std::min<uint64_t>(target, PARTNER_MAX_SPEED)));
        field("LINK_STATUS.WIDTH").set(LANES);
        interrupt_.raise();
    });
}

// ---- hbm: an INIT pulse (HBM PLL locked, block running) trains for TRAINING_CYCLES, then READY.
HbmModel::HbmModel(Chip& chip, const std::string& instance)
    : Model(chip, instance), clkrst_(chip.peer<ClkrstModel>(instance)), gate_(clkrst_.gate(instance)),
      interrupt_(chip.peer<IntcModel>(instance).line(instance)), memory_(field("SIZE.SIZE_MB").get() << 20),
      written_(written("CTRL")), init_(field("CTRL.INIT")), ready_(field("STATUS.READY")) {}

void HbmModel::cycle() {
    if (!written_.get() || init_.get() == 0 || !gate_.running() || !clkrst_.hbmLocked()) return;
    cancelScheduled();
    field("STATUS.TRAINING").set(1);
    ready_.set(0);
    field("STATUS.FAILED").set(0);
    after(TRAINING_CYCLES, [this]() {
        field("STATUS.TRAINING").set(0);
        ready_.set(1);
        interrupt_.raise();
    });
}

}  // namespace halcyon
