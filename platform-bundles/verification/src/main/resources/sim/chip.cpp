#include "chip.h"
#include <sys/mman.h>
#include "models.h"

namespace halcyon {

void Scheduler::fire(uint64_t now) {
    while (!events_.empty() && events_.top().at <= now) {
        std::function<void()> action = events_.top().action;
        events_.pop();
        action();
    }
}

Field& Model::field(const std::string& path) { return chip_.hw().field(instance_, path); }
Port Model::written(const std::string& registerPath) { return chip_.hw().writePulse(instance_, registerPath); }
uint64_t Model::code(const std::string& fieldPath, const std::string& member) { return chip_.hw().code(instance_, fieldPath, member); }
uint64_t Model::now() const { return chip_.now(); }

void Model::after(uint64_t cycles, std::function<void()> action) {
    uint64_t scheduledIn = epoch_;
    chip_.scheduler().schedule(chip_.now() + cycles, [this, scheduledIn, action]() {
        if (epoch_ == scheduledIn) action();
    });
}

DeviceMemory::DeviceMemory(uint64_t bytes) : bytes_(bytes) {
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) throw std::runtime_error("device memory of " + std::to_string(bytes) + " bytes cannot be mapped");
    data_ = static_cast<uint8_t*>(p);
}

DeviceMemory::~DeviceMemory() { munmap(data_, bytes_); }

Chip::Chip(Hardware& hw, uint64_t& cycle) : hw_(hw), cycle_(cycle) {}

void Chip::resetBlock(const std::string& instance) {
    hw_.resetBlock(instance);
    for (auto& m : models_) {
        if (m->instance() == instance) m->reset();
    }
}

void Chip::resetChip() {
    for (const std::string& i : hw_.instances()) resetBlock(i);
}

void Chip::cycle() {
    scheduler_.fireDue(cycle_);
    for (auto& m : models_) m->cycle();
}

void Chip::attachModels() {
    // Intc first: every other model takes its interrupt line from it. Types without a model are plain register files.
    std::vector<std::string> order = {"intc", "clkrst", "sysctrl", "pcie", "hbm", "telemetry", "dma", "dma2", "tensor"};
    for (const std::string& type : order) {
        for (const std::string& i : hw_.instances()) {
            if (hw_.blockNamed(i).type == type) models_.push_back(makeModel(type, *this, i));
        }
    }
}

}  // namespace halcyon
