// The DMA engine of either programming model, the emulation's DmaBehaviour on the hardware-side ports: a
// doorbell (block running) works through the ring from HEAD to TAIL, one descriptor at a time, each
// taking length/16 + 100 cycles; then its bytes are copied, HEAD advances, BYTES_MOVED counts them, and
// with IRQ the channel's DONE is set. A failing descriptor stops the channel with ERROR and ERR_INFO; the
// next doorbell retries it. The doorbell is what differs between the block types (Doorbell): type dma's
// is a software write of TAIL, type dma2's a write of DOORBELL.COUNT, which hardware adds to TAIL (more
// than the free slots stops the channel with RING_OVERFLOW, TAIL unchanged). Descriptors are read from
// the ring memory's storage with the layout of the ring's virtual registers (dma.rdl, dma2.rdl), which
// the binding hands over; each part is found by its field's name (generation 1 keeps LENGTH beside the
// flags in DESC_CONTROL, generation 2 gives the 64-bit LENGTH a word of its own).
#include <cstring>
#include "models.h"

namespace halcyon {

DmaModel::DmaModel(Chip& chip, const std::string& instance, Doorbell doorbell)
    : Model(chip, instance), doorbell_(doorbell), gate_(chip.peer<ClkrstModel>(instance).gate(instance)),
      interrupt_(chip.peer<IntcModel>(instance).line(instance)), hbm_(chip.peer<HbmModel>(instance)) {
    const ExternalMemory& ring = chip.hw().memory(instance, "RING[0]");
    source_ = recordField(ring, "DESC_SOURCE.ADDR");
    destination_ = recordField(ring, "DESC_DESTINATION.ADDR");
    length_ = recordField(ring, "LENGTH");
    sourceHost_ = recordField(ring, "SOURCE_HOST");
    destinationHost_ = recordField(ring, "DESTINATION_HOST");
    irq_ = recordField(ring, "IRQ");
    descriptors_ = ring.bytes / ring.recordFields.at(source_).stride;
    for (int n = 0; chip.hw().hasField(instance, ch(n, "TAIL.INDEX")); n++) channels_.push_back(Channel{n});
    for (Channel& c : channels_) c.doorbell = written(ch(c.n, doorbell_ == Doorbell::TAIL_WRITE ? "TAIL" : "DOORBELL"));
}

std::string DmaModel::recordField(const ExternalMemory& ring, const std::string& name) {
    if (ring.recordFields.count(name) != 0) return name;
    std::vector<std::string> holding;
    for (const auto& [path, layout] : ring.recordFields) {
        if (path.size() > name.size() && path.compare(path.size() - name.size() - 1, std::string::npos, "." + name) == 0) holding.push_back(path);
    }
    if (holding.size() != 1) {
        throw std::runtime_error("block " + instance_ + ": descriptor record: " + std::to_string(holding.size()) + " registers have a field " + name +
                                 ", the DMA model needs exactly one");
    }
    return holding[0];
}

void DmaModel::resetBehaviour() {
    for (Channel& c : channels_) c.working = false;
}

void DmaModel::cycle() {
    for (Channel& c : channels_) {
        if (!c.doorbell.get()) continue;
        if (doorbell_ == Doorbell::COUNT) {
            countRung(c);
        } else if (!c.working && gate_.running()) {
            startNext(c);
        }
    }
}

void DmaModel::countRung(Channel& c) {
    uint64_t count = field(ch(c.n, "DOORBELL.COUNT")).get();
    Field& tail = field(ch(c.n, "TAIL.INDEX"));
    uint64_t used = (tail.get() + descriptors_ - field(ch(c.n, "HEAD.INDEX")).get()) % descriptors_;
    if (count > descriptors_ - 1 - used) {
        fail(c, static_cast<int>(tail.get()), code(ch(0, "ERR_INFO.CODE"), "RING_OVERFLOW"));
        return;
    }
    tail.set((tail.get() + count) % descriptors_);
    if (c.working || !gate_.running()) return;
    // TAIL takes its new value at the next edge: look at the ring then.
    Channel* channel = &c;
    after(1, [this, channel]() { startNext(*channel); });
    c.working = true;
}

DmaModel::Descriptor DmaModel::descriptor(int channel, int index) {
    const ExternalMemory& ring = chip_.hw().memory(instance_, "RING[" + std::to_string(channel) + "]");
    return Descriptor{index,
                      ring.record(index, source_),
                      ring.record(index, destination_),
                      ring.record(index, length_),
                      ring.record(index, sourceHost_) == 1,
                      ring.record(index, destinationHost_) == 1,
                      ring.record(index, irq_) == 1};
}

void DmaModel::startNext(Channel& c) {
    c.working = false;
    uint64_t head = field(ch(c.n, "HEAD.INDEX")).get();
    if (head == field(ch(c.n, "TAIL.INDEX")).get()) return;
    Descriptor d = descriptor(c.n, static_cast<int>(head));
    uint64_t problem = field("CTRL.ENABLE").get() == 0 ? code(ch(0, "ERR_INFO.CODE"), "DISABLED") : check(d);
    if (problem != 0) {
        fail(c, d.index, problem);
        return;
    }
    c.working = true;
    Channel* channel = &c;
    after(d.length / BYTES_PER_CYCLE + DESCRIPTOR_OVERHEAD, [this, channel, d]() { finish(*channel, d); });
}

void DmaModel::finish(Channel& c, Descriptor d) {
    // Host buffers can be unmapped while the copy is under way: resolve again at the end.
    uint64_t problem = check(d);
    if (problem != 0) {
        fail(c, d.index, problem);
        return;
    }
    std::memmove(resolve(d.destination, d.length, d.destinationHost), resolve(d.source, d.length, d.sourceHost), d.length);
    Field& head = field(ch(c.n, "HEAD.INDEX"));
    uint64_t next = (head.get() + 1) % descriptors_;
    head.set(next);
    field("BYTES_MOVED.BYTES").increment(d.length);
    if (d.irq) {
        field(ch(c.n, "INT_STATUS.DONE")).set(1);
        if (field(ch(c.n, "INT_ENABLE.DONE")).get() == 1) interrupt_.raise();
    }
    // HEAD takes its new value at the next edge: look at the next descriptor then.
    Channel* channel = &c;
    after(1, [this, channel]() { startNext(*channel); });
    c.working = true;
}

void DmaModel::fail(Channel& c, int index, uint64_t problem) {
    c.working = false;
    field(ch(c.n, "ERR_INFO.CODE")).set(problem);
    field(ch(c.n, "ERR_INFO.DESC")).set(static_cast<uint64_t>(index));
    field(ch(c.n, "INT_STATUS.ERROR")).set(1);
    if (field(ch(c.n, "INT_ENABLE.ERROR")).get() == 1) interrupt_.raise();
}

uint8_t* DmaModel::resolve(uint64_t address, uint64_t length, bool host) {
    if (host) return chip_.hostMemory().resolve(address, length);
    return hbm_.memory().contains(address, length) ? hbm_.memory().at(address) : nullptr;
}

uint64_t DmaModel::check(const Descriptor& d) {
    const std::string codeField = ch(0, "ERR_INFO.CODE");
    if (d.length % 4 != 0) return code(codeField, "LENGTH_ALIGNMENT");
    if ((!d.sourceHost || !d.destinationHost) && !hbm_.ready()) return code(codeField, "HBM_NOT_READY");
    bool ok = resolve(d.source, d.length, d.sourceHost) != nullptr && resolve(d.destination, d.length, d.destinationHost) != nullptr;
    return ok ? 0 : code(codeField, "ADDRESS_RANGE");
}

}  // namespace halcyon
