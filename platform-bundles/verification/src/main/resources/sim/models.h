// The behaviour models by block type; each file models_<type>.cpp ports the emulation's
// <Type>Behaviour.java to the block's hardware-side ports.
#pragma once
#include <deque>
#include <memory>
#include "chip.h"

namespace halcyon {

std::string upper(std::string s);
std::unique_ptr<Model> makeModel(const std::string& type, Chip& chip, const std::string& instance);

// A block's reset and clock enable, the clkrst fields named after it.
struct BlockGate {
    Field* reset;
    Field* clock;
    bool running() const { return reset->get() == 0 && clock->get() == 1; }
};

class IntcModel : public Model {
public:
    IntcModel(Chip& chip, const std::string& instance);
    InterruptLine line(const std::string& source);
    void cycle() override;
private:
    Field& active_;
    std::vector<std::pair<Field*, Field*>> sources_;  // PENDING and ENABLE field of each source
};

class ClkrstModel : public Model {
public:
    static constexpr uint64_t CORE_LOCK_CYCLES = 20000, HBM_LOCK_CYCLES = 50000;
    ClkrstModel(Chip& chip, const std::string& instance);
    BlockGate gate(const std::string& instance);
    bool hbmLocked() { return plls_[1].locked->get() == 1; }
    void cycle() override;
    void resetBehaviour() override;
private:
    struct Pll {
        std::string name;
        uint64_t lockCycles;
        Port written;
        Field* enable = nullptr;
        Field* locked = nullptr;
        bool enabled = false;
        uint64_t attempt = 0;
    };
    void controlWritten(Pll& pll);
    InterruptLine interrupt_;
    Pll plls_[2];
    Port resetsWritten_;
    std::vector<Field*> resetLines_;
    uint64_t resetsSeen_ = 0;
};

class SysctrlModel : public Model {
public:
    static constexpr uint64_t RESET_CYCLES = 2000;
    SysctrlModel(Chip& chip, const std::string& instance);
    void cycle() override;
private:
    Port written_;
    Field &pulse_, &done_, &count_;
};

class PcieModel : public Model {
public:
    static constexpr uint64_t DETECT = 10000, POLLING = 20000, CONFIG = 30000;
    static constexpr int PARTNER_MAX_SPEED = 4, LANES = 16;
    PcieModel(Chip& chip, const std::string& instance);
    void cycle() override;
private:
    BlockGate gate_;
    InterruptLine interrupt_;
    Port written_;
    Field &train_, &state_, &linkUp_;
};

class HbmModel : public Model {
public:
    static constexpr uint64_t TRAINING_CYCLES = 200000;
    HbmModel(Chip& chip, const std::string& instance);
    bool ready() { return ready_.get() == 1 && gate_.running(); }
    DeviceMemory& memory() { return memory_; }
    void cycle() override;
private:
    ClkrstModel& clkrst_;
    BlockGate gate_;
    InterruptLine interrupt_;
    DeviceMemory memory_;
    Port written_;
    Field &init_, &ready_;
};

class TelemetryModel : public Model {
public:
    TelemetryModel(Chip& chip, const std::string& instance);
    void engineBusy(bool busy);
    void cycle() override;
private:
    struct Lag {
        double anchorValue, idle, busy, tau;
        uint64_t anchorTime = 0;
        bool driven = false;
        double valueAt(uint64_t now) const;
        void drive(uint64_t now, bool on);
    };
    void publish();
    BlockGate gate_;
    InterruptLine interrupt_;
    std::vector<Lag> temperatures_;
    Lag power_;
    Port thresholdsWritten_[2];
};

class DmaModel : public Model {
public:
    static constexpr uint64_t DESCRIPTOR_OVERHEAD = 100, BYTES_PER_CYCLE = 16;
    // How software tells a channel that descriptors wait, the part of the programming model that differs
    // between the block types: dma's TAIL write (generation 1), dma2's DOORBELL.COUNT (generation 2).
    enum class Doorbell { TAIL_WRITE, COUNT };
    DmaModel(Chip& chip, const std::string& instance, Doorbell doorbell);
    void cycle() override;
    void resetBehaviour() override;
private:
    struct Descriptor { int index; uint64_t source, destination, length; bool sourceHost, destinationHost, irq; };
    struct Channel { int n; bool working = false; Port doorbell; };
    void countRung(Channel& c);
    void startNext(Channel& c);
    void finish(Channel& c, Descriptor d);
    void fail(Channel& c, int index, uint64_t code);
    uint64_t check(const Descriptor& d);
    uint8_t* resolve(uint64_t address, uint64_t length, bool host);
    Descriptor descriptor(int channel, int index);
    // The record field path ("DESC_CONTROL.LENGTH") of the one record register with a field `name`.
    std::string recordField(const ExternalMemory& ring, const std::string& name);
    std::string ch(int n, const std::string& path) { return "CH[" + std::to_string(n) + "]." + path; }
    const Doorbell doorbell_;
    BlockGate gate_;
    InterruptLine interrupt_;
    HbmModel& hbm_;
    std::string source_, destination_, length_, sourceHost_, destinationHost_, irq_;
    uint64_t descriptors_;
    std::vector<Channel> channels_;
};

class TensorModel : public Model {
public:
    static constexpr size_t QUEUE_ENTRIES = 16;
    static constexpr uint64_t COMMAND_OVERHEAD = 50;
    TensorModel(Chip& chip, const std::string& instance);
    void cycle() override;
    void resetBehaviour() override;
private:
    struct Command {
        int opcode; bool transA, transB; uint64_t a, b, c; int m, n, k; float scalar;
        // MATMUL and MATMUL_BF16: the same extents, order and time; operands of another width.
        bool multipliesMatrices() const;
        uint64_t operandBytes() const;
        uint64_t aElements() const, bElements() const, cElements() const, cycles() const;
    };
    Command staged();
    void startNext();
    void complete(const Command& c);
    uint64_t check(const Command& c);
    bool fits(uint64_t address, uint64_t bytes);
    void execute(const Command& c);
    void fail(uint64_t code);
    void setBusy(bool busy);
    void showQueue();
    BlockGate gate_;
    InterruptLine interrupt_;
    HbmModel& hbm_;
    TelemetryModel* telemetry_;
    Port submitted_;
    Field& go_;
    Field& bf16_;  // FEATURES.BF16_MATMUL, a per-chip reset value: 1 where the engine decodes MATMUL_BF16
    std::deque<Command> queue_;
    bool busy_ = false;
};

}  // namespace halcyon
