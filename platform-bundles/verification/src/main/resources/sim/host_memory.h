// Host buffers the chip's DMA reaches: files the host created, mapped here too at bus addresses from
// 0x1_0000_0000 up, 4 KiB aligned, with a 4 KiB hole after each (the emulation's HostAddressSpace), so a
// DMA reads and writes the very pages the host sees.
#pragma once
#include <cstdint>
#include <map>
#include <string>

namespace halcyon {

class HostMemory {
public:
    static constexpr uint64_t FIRST_BUS_ADDRESS = 0x100000000ULL;
    static constexpr uint64_t PAGE_BYTES = 4096;
    struct Mapping { uint64_t busAddress; uint32_t size; std::string file; uint8_t* pages; };

    ~HostMemory();
    // Maps the first `size` bytes of `file`; throws std::invalid_argument saying why it cannot.
    uint64_t map(const std::string& file, uint32_t size);
    bool unmap(uint64_t busAddress);
    // The bytes [address, address + length) if one mapped buffer holds them all, else null.
    uint8_t* resolve(uint64_t address, uint64_t length);
    const std::map<uint64_t, Mapping>& mappings() const { return mapped_; }
private:
    std::map<uint64_t, Mapping> mapped_;
    uint64_t next_ = FIRST_BUS_ADDRESS;
};

}  // namespace halcyon
