// The chip top's hardware-side ports by path, as the generated <chip>_binding.h hands them over: what
// behaviour models read and drive. A model never spells a Verilator port name; it asks for
// "CH[2].INT_STATUS.DONE" of block instance "dma", as the emulation's behaviours ask for fields.
#pragma once
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace halcyon {

// One Verilator port of any width (CData, SData, IData or QData); a null port is absent.
class Port {
public:
    Port() = default;
    explicit Port(uint8_t* p) : ptr_(p), bytes_(1) {}
    explicit Port(uint16_t* p) : ptr_(p), bytes_(2) {}
    explicit Port(uint32_t* p) : ptr_(p), bytes_(4) {}
    explicit Port(uint64_t* p) : ptr_(p), bytes_(8) {}
    bool present() const { return ptr_ != nullptr; }
    uint64_t get() const {
        switch (bytes_) {
            case 1: return *static_cast<uint8_t*>(ptr_);
            case 2: return *static_cast<uint16_t*>(ptr_);
            case 4: return *static_cast<uint32_t*>(ptr_);
            case 8: return *static_cast<uint64_t*>(ptr_);
            default: return 0;
        }
    }
    void set(uint64_t v) const {
        switch (bytes_) {
            case 1: *static_cast<uint8_t*>(ptr_) = static_cast<uint8_t>(v); break;
            case 2: *static_cast<uint16_t*>(ptr_) = static_cast<uint16_t>(v); break;
            case 4: *static_cast<uint32_t*>(ptr_) = static_cast<uint32_t>(v); break;
            case 8: *static_cast<uint64_t*>(ptr_) = v; break;
            default: break;
        }
    }
private:
    void* ptr_ = nullptr;
    int bytes_ = 0;
};

class Hardware;

// A field's ports: its value, and (hardware-writable fields) a load with its strobe, (counters) an increment.
class Field {
public:
    Field() = default;
    Field(Hardware* hw, std::string path, int width, Port value, Port next, Port we, Port incr, Port incrValue)
        : hw_(hw), path_(std::move(path)), width_(width), value_(value), next_(next), we_(we), incr_(incr), incrValue_(incrValue) {}
    uint64_t get() const { return value_.get(); }
    int width() const { return width_; }
    // Loads the field at the next clock edge (software wins a write in the same cycle, SystemRDL's default).
    void set(uint64_t v);
    // Adds n at the next clock edge; several increments in one cycle add up.
    void increment(uint64_t n);
    const std::string& path() const { return path_; }
private:
    Hardware* hw_ = nullptr;
    std::string path_;
    int width_ = 0;
    Port value_, next_, we_, incr_, incrValue_;
};

// An external memory's request/acknowledge ports, served by the harness as plain storage.
struct ExternalMemory {
    uint64_t bytes;
    Port req, isWrite, addr, wrData, wrBiten, ack, rdData;
    std::vector<uint8_t> storage;
    // Record layout of the memory's virtual registers: field path -> (stride, offset, lsb, width).
    struct RecordField { uint64_t stride, offset; int lsb, width; };
    std::map<std::string, RecordField> recordFields;
    // The value of a record's field, read from the storage (little-endian).
    uint64_t record(int index, const std::string& field) const;
};

struct Block {
    std::string name, type;
    uint64_t base;
    Port reset;
};

class Hardware {
public:
    // Called by the generated bindChip().
    void block(const char* instance, const char* type, uint64_t base, Port reset) {
        blocks_[instance] = Block{instance, type, base, reset};
        order_.push_back(instance);
    }
    void field(const char* instance, const char* path, int width, Port value, Port next, Port we, Port incr, Port incrValue) {
        fields_[key(instance, path)] = Field(this, std::string(instance) + "." + path, width, value, next, we, incr, incrValue);
    }
    void written(const char* instance, const char* registerPath, Port pulse) { written_[key(instance, registerPath)] = pulse; }
    void memory(const char* instance, const char* path, uint64_t bytes, Port req, Port isWrite, Port addr, Port wrData, Port wrBiten,
                Port ack, Port rdData) {
        auto [it, added] = memories_.insert_or_assign(key(instance, path), ExternalMemory{bytes, req, isWrite, addr, wrData, wrBiten, ack,
                                                                                          rdData, std::vector<uint8_t>(bytes), {}});
        if (added) memoryList_.push_back(&it->second);
    }
    void recordField(const char* instance, const char* memoryPath, const char* fieldPath, uint64_t stride, uint64_t offset, int lsb,
                     int width) {
        memories_.at(key(instance, memoryPath)).recordFields[fieldPath] = ExternalMemory::RecordField{stride, offset, lsb, width};
    }
    void code(const char* instance, const char* fieldPath, const char* member, uint64_t value) {
        codes_[key(instance, std::string(fieldPath) + "=" + member)] = value;
    }

    // For models.
    const std::vector<std::string>& instances() const { return order_; }
    const Block& blockNamed(const std::string& instance) const { return at(blocks_, instance, "block instance"); }
    Field& field(const std::string& instance, const std::string& path) { return at(fields_, key(instance, path), "field"); }
    bool hasField(const std::string& instance, const std::string& path) const { return fields_.count(key(instance, path)) != 0; }
    // 1 in the cycle after software wrote the register.
    Port writePulse(const std::string& instance, const std::string& registerPath) {
        return at(written_, key(instance, registerPath), "written register");
    }
    ExternalMemory& memory(const std::string& instance, const std::string& path) { return at(memories_, key(instance, path), "memory"); }
    uint64_t code(const std::string& instance, const std::string& fieldPath, const std::string& member) const {
        return at(codes_, key(instance, fieldPath + "=" + member), "encoding member");
    }
    // Pulses the block's reset for one cycle: its registers take their reset values at the next edge.
    void resetBlock(const std::string& instance) { pulse(blockNamed(instance).reset); }

    // The harness, once per cycle after the clock edge: drops last cycle's strobes, answers external memories.
    void beginCycle();
    void pulse(Port p) { p.set(1); pulses_.push_back(p); }
    void load(Port next, Port strobe, uint64_t v) { next.set(v); pulse(strobe); }
    void addIncrement(Port incr, Port amount, uint64_t n);

private:
    static std::string key(const std::string& instance, const std::string& path) { return instance + "." + path; }
    template <class M>
    static typename M::mapped_type& at(M& map, const std::string& k, const char* what) {
        auto it = map.find(k);
        if (it == map.end()) throw std::runtime_error(std::string("the chip has no ") + what + " " + k);
        return it->second;
    }
    template <class M>
    static const typename M::mapped_type& at(const M& map, const std::string& k, const char* what) {
        auto it = map.find(k);
        if (it == map.end()) throw std::runtime_error(std::string("the chip has no ") + what + " " + k);
        return it->second;
    }
    std::map<std::string, Block> blocks_;
    std::vector<std::string> order_;
    std::map<std::string, Field> fields_;
    std::map<std::string, Port> written_;
    std::map<std::string, ExternalMemory> memories_;
    std::vector<ExternalMemory*> memoryList_;  // the same, for the per-cycle loop (a map's walk costs more than the work)
    std::map<std::string, uint64_t> codes_;
    std::vector<Port> pulses_;
    std::vector<Port> amounts_;
};

}  // namespace halcyon
