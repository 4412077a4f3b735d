// The behaviour beyond register storage, as C++ models on the register blocks' hardware-side ports:
// ports of the emulation's behaviours (platform-bundles/emulation, model/*Behaviour.java), with the same
// timings in cycles of the 1 GHz clock (one cycle is one nanosecond of device time). A model is attached
// by block type and wired by instance name, like the emulation's: an interrupt line is the intc PENDING
// field named after the instance, a block's reset and clock the clkrst BLOCK_RESET/CLOCK_EN fields.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <queue>
#include <string>
#include <vector>
#include "hardware.h"
#include "host_memory.h"

namespace halcyon {

class Chip;

// Events on the simulated clock, fired in time order at the start of the cycle they fall due.
class Scheduler {
public:
    void schedule(uint64_t at, std::function<void()> action) { events_.push(Event{at, seq_++, std::move(action)}); }
    void fireDue(uint64_t now) {
        if (!events_.empty() && events_.top().at <= now) fire(now);
    }
private:
    void fire(uint64_t now);
    struct Event {
        uint64_t at, seq;
        std::function<void()> action;
        bool operator<(const Event& o) const { return at != o.at ? at > o.at : seq > o.seq; }
    };
    std::priority_queue<Event> events_;
    uint64_t seq_ = 0;
};

class Model {
public:
    Model(Chip& chip, std::string instance) : chip_(chip), instance_(std::move(instance)) {}
    virtual ~Model() = default;
    // Every cycle, after the clock edge: react to what software wrote (the register's write pulse).
    virtual void cycle() {}
    // The block was reset: its registers are back at their reset values; the model's own state follows.
    virtual void resetBehaviour() {}
    void reset() { epoch_++; resetBehaviour(); }
    const std::string& instance() const { return instance_; }
protected:
    Field& field(const std::string& path);
    // The register's software-write pulse (1 in the cycle after a write), looked up once by the caller.
    Port written(const std::string& registerPath);
    uint64_t code(const std::string& fieldPath, const std::string& member);
    uint64_t now() const;
    // Runs action after `cycles`, unless the block is reset (or cancelScheduled) first.
    void after(uint64_t cycles, std::function<void()> action);
    void cancelScheduled() { epoch_++; }
    Chip& chip_;
    const std::string instance_;
private:
    uint64_t epoch_ = 0;
};

// Device memory (HBM): zero pages until written, as the emulation's.
class DeviceMemory {
public:
    explicit DeviceMemory(uint64_t bytes);
    ~DeviceMemory();
    DeviceMemory(const DeviceMemory&) = delete;
    DeviceMemory& operator=(const DeviceMemory&) = delete;
    bool contains(uint64_t address, uint64_t length) const { return address <= bytes_ && length <= bytes_ - address; }
    uint8_t* at(uint64_t address) { return data_ + address; }
private:
    uint64_t bytes_;
    uint8_t* data_;
};

class Chip {
public:
    Chip(Hardware& hw, uint64_t& cycle);
    Hardware& hw() { return hw_; }
    Scheduler& scheduler() { return scheduler_; }
    HostMemory& hostMemory() { return host_; }
    uint64_t now() const { return cycle_; }
    // The first model of type T, as the emulation's ChipParts.peer finds a block's peers.
    template <class T>
    T& peer(const std::string& forInstance) {
        for (auto& m : models_) {
            if (auto* t = dynamic_cast<T*>(m.get())) return *t;
        }
        throw std::runtime_error("block " + forInstance + " needs a peer block the chip does not have");
    }
    // Resets one block: its registers (reset pulse) and its model.
    void resetBlock(const std::string& instance);
    // Resets every block of the chip.
    void resetChip();
    // Once per cycle after the edge: due events, then every model.
    void cycle();
    // Attaches the models of the block types this harness knows, by type.
    void attachModels();
private:
    Hardware& hw_;
    uint64_t& cycle_;
    Scheduler scheduler_;
    HostMemory host_;
    std::vector<std::unique_ptr<Model>> models_;
};

// An interrupt source: the intc PENDING field named after a block instance, set by hardware.
struct InterruptLine {
    Field* pending;
    void raise() { pending->set(1); }
};

}  // namespace halcyon
