#include "hardware.h"

namespace halcyon {

void Field::set(uint64_t v) {
    if (!we_.present()) throw std::runtime_error("field " + path_ + " is not writable by hardware");
    hw_->load(next_, we_, v);
}

void Field::increment(uint64_t n) {
    if (!incr_.present()) throw std::runtime_error("field " + path_ + " is not a counter");
    hw_->addIncrement(incr_, incrValue_, n);
}

void Hardware::addIncrement(Port incr, Port amount, uint64_t n) {
    if (incr.get() == 0) {
        amount.set(0);
        amounts_.push_back(amount);
        pulse(incr);
    }
    amount.set(amount.get() + n);
}

uint64_t ExternalMemory::record(int index, const std::string& field) const {
    const RecordField& f = recordFields.at(field);
    uint64_t at = index * f.stride + f.offset;
    uint64_t word = 0;
    for (int i = 7; i >= 0; i--) word = word << 8 | (at + i < storage.size() ? storage[at + i] : 0);
    uint64_t ones = f.width >= 64 ? ~0ULL : (1ULL << f.width) - 1;
    return word >> f.lsb & ones;
}

void Hardware::beginCycle() {
    for (Port& p : pulses_) p.set(0);
    pulses_.clear();
    for (Port& p : amounts_) p.set(0);
    amounts_.clear();
    // External memories answer a request the cycle after it (the block registers it), as an SRAM would.
    for (ExternalMemory* memory : memoryList_) {
        ExternalMemory& m = *memory;
        if (m.req.get() == 0) continue;
        uint64_t at = m.addr.get();
        if (m.isWrite.get()) {
            uint32_t data = static_cast<uint32_t>(m.wrData.get()), biten = static_cast<uint32_t>(m.wrBiten.get());
            for (int i = 0; i < 4 && at + i < m.bytes; i++) {
                uint8_t mask = static_cast<uint8_t>(biten >> (8 * i));
                m.storage[at + i] = static_cast<uint8_t>((m.storage[at + i] & ~mask) | ((data >> (8 * i)) & mask));
            }
        } else {
            uint32_t v = 0;
            for (int i = 3; i >= 0; i--) v = v << 8 | (at + i < m.bytes ? m.storage[at + i] : 0);
            m.rdData.set(v);
        }
        pulse(m.ack);
    }
}

}  // namespace halcyon
