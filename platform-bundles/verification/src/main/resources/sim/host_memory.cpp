#include "host_memory.h"
#include <fcntl.h>
#include <stdexcept>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace halcyon {

HostMemory::~HostMemory() {
    for (auto& [address, m] : mapped_) munmap(m.pages, m.size);
}

uint64_t HostMemory::map(const std::string& file, uint32_t size) {
    if (size == 0 || size % PAGE_BYTES != 0) {
        throw std::invalid_argument("shared host buffer " + file + ": size must be a positive multiple of 4096, was " + std::to_string(size));
    }
    int fd = open(file.c_str(), O_RDWR);
    if (fd < 0) throw std::invalid_argument("shared host buffer " + file + " cannot be opened");
    struct stat st;
    if (fstat(fd, &st) != 0 || static_cast<uint64_t>(st.st_size) < size) {
        close(fd);
        throw std::invalid_argument("shared host buffer " + file + " is shorter than " + std::to_string(size) + " bytes");
    }
    void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (p == MAP_FAILED) throw std::invalid_argument("shared host buffer " + file + " cannot be mapped");
    uint64_t address = next_;
    next_ += size + PAGE_BYTES;
    mapped_[address] = Mapping{address, size, file, static_cast<uint8_t*>(p)};
    return address;
}

bool HostMemory::unmap(uint64_t busAddress) {
    auto it = mapped_.find(busAddress);
    if (it == mapped_.end()) return false;
    munmap(it->second.pages, it->second.size);
    mapped_.erase(it);
    return true;
}

uint8_t* HostMemory::resolve(uint64_t address, uint64_t length) {
    auto it = mapped_.upper_bound(address);
    if (it == mapped_.begin()) return nullptr;
    --it;
    uint64_t offset = address - it->first;
    if (offset > it->second.size || length > it->second.size - offset) return nullptr;
    return it->second.pages + offset;
}

}  // namespace halcyon
