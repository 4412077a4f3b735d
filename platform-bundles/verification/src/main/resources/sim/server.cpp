// The simulator process: serves the Verilated chip to one host over a Unix domain socket with the
// chip-server wire protocol (the emulation's ChipServer javadoc has the layouts; Java's ChipProtocol is the
// one definition on the host side), plus three requests of its own: reset, waveform dump, simulator info.
//
//   sim --socket PATH --parent PID         serve one host, exit when it disconnects or the parent dies
//   sim --bench N ADDRESS                  N blocking reads in a loop, no client: the simulator's own rate
//   sim --bench-batch N ADDRESS            the same in batches of 4096, as a pipelined batch from a host runs
//
// Parent death: PR_SET_PDEATHSIG delivers SIGKILL when the parent (the JVM) dies, SIGKILL included; the
// parent pid is checked after setting it (the parent may have died before), and the end of the host's
// connection (which the kernel closes when the JVM dies) ends the process too.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <stdexcept>
#include <string>
#include <vector>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "chip_binding.h"
#include "simulator.h"
#include "verilated.h"

using namespace halcyon;

namespace {

enum : uint8_t {
    OP_READ32 = 0x01, OP_READ64 = 0x02, OP_WRITE32 = 0x03, OP_WRITE64 = 0x04, OP_POST32 = 0x05, OP_POST64 = 0x06, OP_FLUSH = 0x07,
    OP_READ32_BATCH = 0x08, OP_READ64_BATCH = 0x09, OP_AWAIT = 0x0A, OP_DEVICE_TIME = 0x0B, OP_MAP = 0x0C, OP_UNMAP = 0x0D, OP_MAPPINGS = 0x0E,
    OP_RESET = 0x10, OP_WAVES = 0x11, OP_INFO = 0x12
};
enum : uint8_t { ST_OK = 0, ST_SLAVE_ERROR = 1, ST_DECODE_ERROR = 2, ST_BUS_TIMEOUT = 3, ST_ILLEGAL_ARGUMENT = 5, ST_ILLEGAL_STATE = 6 };
constexpr uint32_t MAGIC = 0x50484348;  // "HCHP"
constexpr uint32_t MAX_BATCH = 4096;

// The connection: requests are read from a buffer; replies queue and go out when the next request is not
// yet here (the host pipelines, the replies travel together), exactly as WireChannel does in Java.
class Wire {
public:
    explicit Wire(int fd) : fd_(fd) {}
    template <class T> T get() { T v; need(sizeof(T)); std::memcpy(&v, in_.data() + pos_, sizeof(T)); pos_ += sizeof(T); return v; }
    std::string getString() {
        uint16_t n = get<uint16_t>();
        need(n);
        std::string s(reinterpret_cast<char*>(in_.data() + pos_), n);
        pos_ += n;
        return s;
    }
    template <class T> void put(T v) { const char* p = reinterpret_cast<const char*>(&v); out_.insert(out_.end(), p, p + sizeof(T)); }
    void putString(const std::string& s) { put<uint16_t>(static_cast<uint16_t>(s.size())); out_.insert(out_.end(), s.begin(), s.end()); }
    void send() {
        size_t done = 0;
        while (done < out_.size()) {
            ssize_t n = ::write(fd_, out_.data() + done, out_.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) std::exit(0);  // the host is gone
            done += static_cast<size_t>(n);
        }
        out_.clear();
    }
private:
    void need(size_t n) {
        if (len_ - pos_ >= n) return;
        if (out_.size() > 0) send();
        std::memmove(in_.data(), in_.data() + pos_, len_ - pos_);
        len_ -= pos_;
        pos_ = 0;
        while (len_ < n) {
            ssize_t r = ::read(fd_, in_.data() + len_, in_.size() - len_);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) std::exit(0);  // end of the connection: the host detached or died
            len_ += static_cast<size_t>(r);
        }
    }
    int fd_;
    std::vector<uint8_t> in_ = std::vector<uint8_t>(1 << 16);
    size_t pos_ = 0, len_ = 0;
    std::vector<char> out_;
};

struct BusFault {
    uint8_t kind;
    uint64_t address;
    std::string operation;
};

class Session {
public:
    Session(Simulator& sim, Wire& wire) : sim_(sim), wire_(wire) {}

    void serve() {
        while (true) {
            uint8_t op = wire_.get<uint8_t>();
            switch (op) {
                case OP_READ32: { uint64_t a = wire_.get<uint64_t>(); if (blocked()) break; uint32_t v; if (read32(a, "read32", v)) { ok(); wire_.put(v); } break; }
                case OP_READ64: { uint64_t a = wire_.get<uint64_t>(); if (blocked()) break; uint64_t v; if (read64(a, "read64", v)) { ok(); wire_.put(v); } break; }
                case OP_WRITE32: { uint64_t a = wire_.get<uint64_t>(); uint32_t v = wire_.get<uint32_t>(); if (blocked()) break; if (write(a, v, 4, "write32")) ok(); break; }
                case OP_WRITE64: { uint64_t a = wire_.get<uint64_t>(); uint64_t v = wire_.get<uint64_t>(); if (blocked()) break; if (write(a, v, 8, "write64")) ok(); break; }
                case OP_POST32: { uint64_t a = wire_.get<uint64_t>(); uint32_t v = wire_.get<uint32_t>(); post(a, v, 4, "post32"); break; }
                case OP_POST64: { uint64_t a = wire_.get<uint64_t>(); uint64_t v = wire_.get<uint64_t>(); post(a, v, 8, "post64"); break; }
                case OP_FLUSH: if (!blocked()) ok(); break;
                case OP_READ32_BATCH: case OP_READ64_BATCH: batch(op == OP_READ64_BATCH); break;
                case OP_AWAIT: awaitCondition(); break;
                case OP_DEVICE_TIME: ok(); wire_.put<uint64_t>(sim_.cycle()); break;
                case OP_MAP: mapBuffer(); break;
                case OP_UNMAP: { uint64_t a = wire_.get<uint64_t>(); ok(); wire_.put<uint8_t>(sim_.chip().hostMemory().unmap(a) ? 1 : 0); break; }
                case OP_MAPPINGS: {
                    const auto& m = sim_.chip().hostMemory().mappings();
                    ok();
                    wire_.put<uint32_t>(static_cast<uint32_t>(m.size()));
                    for (const auto& [address, b] : m) { wire_.put<uint64_t>(address); wire_.put<uint32_t>(b.size); wire_.putString(b.file); }
                    break;
                }
                case OP_RESET: { uint32_t cycles = wire_.get<uint32_t>(); posted_.kind = ST_OK; sim_.reset(cycles < 1 ? 1 : cycles); ok(); wire_.put<uint64_t>(sim_.cycle()); break; }
                case OP_WAVES: {
                    std::string path = wire_.getString();
                    try { sim_.waves(path); ok(); } catch (const std::invalid_argument& e) { illegal(ST_ILLEGAL_ARGUMENT, e.what()); } catch (const std::exception& e) { illegal(ST_ILLEGAL_STATE, e.what()); }
                    break;
                }
                case OP_INFO: ok(); wire_.putString(std::string(Verilated::productName()) + " " + Verilated::productVersion() + ", chip map " + HALCYON_CHIP_MAP + ", bus " + sim_.busName() + ", 1 GHz clock"); break;
                default:
                    std::fprintf(stderr, "simulator: unknown request 0x%02x from the host\n", op);
                    std::exit(3);
            }
        }
    }

private:
    void ok() { wire_.put<uint8_t>(ST_OK); }
    void fault(const BusFault& f) { wire_.put<uint8_t>(f.kind); wire_.put<uint64_t>(f.address); wire_.putString(f.operation); }
    void illegal(uint8_t kind, const std::string& message) { wire_.put<uint8_t>(kind); wire_.putString(message); }

    // A blocking request after a failed posted write fails with that write's error instead of running.
    bool blocked() {
        if (posted_.kind == ST_OK) return false;
        fault(posted_);
        posted_.kind = ST_OK;
        return true;
    }

    // Misaligned: the slave's error, as on every platform (Java's ChipProtocol.checkAlignment).
    bool aligned(uint64_t a, int bytes, const char* operation) {
        if (a % bytes == 0) return true;
        fault(BusFault{ST_SLAVE_ERROR, a, std::string(operation) + " (misaligned: needs " + std::to_string(bytes) + "-byte alignment)"});
        return false;
    }

    bool failed(const Transfer& t, uint64_t address, const char* operation, BusFault* into) {
        if (t.error == BUS_OK) return false;
        if (t.error == BUS_TIMEOUT) {
            // The slave never answered: the host gets a bus timeout naming the bound, not a hang.
            BusFault f{ST_BUS_TIMEOUT, address, std::string(operation) + " (no response from the slave within " +
                                                    std::to_string(MAX_WAIT_CYCLES) + " cycles)"};
            if (into) *into = f; else fault(f);
            return true;
        }
        BusFault f{static_cast<uint8_t>(t.error == BUS_DECODE_ERROR ? ST_DECODE_ERROR : ST_SLAVE_ERROR), address, operation};
        if (into) *into = f; else fault(f);
        return true;
    }

    bool read32(uint64_t a, const char* operation, uint32_t& v) {
        if (!aligned(a, 4, operation)) return false;
        Transfer t = sim_.read(a);
        if (failed(t, a, operation, nullptr)) return false;
        v = t.data;
        return true;
    }

    // The low word first: the register block latches the high word then, so the value is never torn.
    bool read64(uint64_t a, const char* operation, uint64_t& v) {
        if (!aligned(a, 8, operation)) return false;
        Transfer lo = sim_.read(a);
        if (failed(lo, a, operation, nullptr)) return false;
        Transfer hi = sim_.read(a + 4);
        if (failed(hi, a + 4, operation, nullptr)) return false;
        v = static_cast<uint64_t>(hi.data) << 32 | lo.data;
        return true;
    }

    bool write(uint64_t a, uint64_t v, int bytes, const char* operation, BusFault* into = nullptr) {
        if (!aligned(a, bytes, operation)) return false;
        if (failed(sim_.write(a, static_cast<uint32_t>(v)), a, operation, into)) return false;
        return bytes == 4 || !failed(sim_.write(a + 4, static_cast<uint32_t>(v >> 32)), a + 4, operation, into);
    }

    // Posted writes run now; the first error is held for the next blocking request. (Alignment is checked by the client.)
    void post(uint64_t a, uint64_t v, int bytes, const char* operation) {
        BusFault f{ST_OK, 0, ""};
        if (a % bytes != 0) return;
        write(a, v, bytes, operation, &f);
        if (f.kind != ST_OK && posted_.kind == ST_OK) posted_ = f;
    }

    void batch(bool wide) {
        uint32_t n = wire_.get<uint32_t>();
        if (n > MAX_BATCH) { std::fprintf(stderr, "simulator: batch of %u addresses\n", n); std::exit(3); }
        std::vector<uint64_t> addresses(n);
        for (auto& a : addresses) a = wire_.get<uint64_t>();
        if (blocked()) return;
        if (!wide) {
            batch32(addresses);
            return;
        }
        std::vector<uint64_t> values(n);
        for (uint32_t i = 0; i < n; i++) {
            uint32_t v32 = 0;
            bool good = wide ? read64(addresses[i], "read64", values[i]) : read32(addresses[i], "read32", v32);
            if (!good) return;  // the error is the reply; the reads after it do not happen
            if (!wide) values[i] = v32;
        }
        ok();
        for (uint64_t v : values) wide ? wire_.put<uint64_t>(v) : wire_.put<uint32_t>(static_cast<uint32_t>(v));
    }

    // 32-bit reads go to the bus master as one batch (overlapped on AXI4-Lite) up to the first address the bus
    // cannot take (misaligned, beyond 32 bits), which read32 then answers with its error.
    void batch32(const std::vector<uint64_t>& addresses) {
        size_t n = addresses.size(), reachable = 0;
        while (reachable < n && addresses[reachable] % 4 == 0 && addresses[reachable] <= 0xFFFFFFFFULL) reachable++;
        std::vector<uint32_t> bus(addresses.begin(), addresses.begin() + reachable);
        std::vector<uint32_t> values(n);
        Transfer failure{0, BUS_OK};
        size_t done = sim_.readBatch(bus.data(), reachable, values.data(), failure);
        if (done < reachable) {
            failed(failure, addresses[done], "read32", nullptr);
            return;
        }
        if (reachable < n) {
            read32(addresses[reachable], "read32", values[reachable]);  // fails: its error is the reply
            return;
        }
        ok();
        for (uint32_t v : values) wire_.put<uint32_t>(v);
    }

    // Polls the register over the bus, inside the simulator, until the condition holds or the bound (in
    // cycles: nanoseconds at 1 GHz) has passed; one round trip for the host however long it takes.
    void awaitCondition() {
        uint64_t a = wire_.get<uint64_t>();
        uint32_t mask = wire_.get<uint32_t>(), expected = wire_.get<uint32_t>();
        uint64_t bound = wire_.get<uint64_t>();
        if (blocked() || !aligned(a, 4, "await")) return;
        uint64_t start = sim_.cycle();
        while (true) {
            Transfer t = sim_.read(a);
            if (failed(t, a, "await", nullptr)) return;
            uint64_t waited = sim_.cycle() - start;
            bool met = (t.data & mask) == expected;
            if (met || waited >= bound) {
                ok();
                wire_.put<uint8_t>(met ? 1 : 0);
                wire_.put<uint32_t>(t.data);
                wire_.put<uint64_t>(waited);
                return;
            }
        }
    }

    void mapBuffer() {
        uint32_t size = wire_.get<uint32_t>();
        std::string file = wire_.getString();
        try {
            uint64_t address = sim_.chip().hostMemory().map(file, size);
            ok();
            wire_.put<uint64_t>(address);
        } catch (const std::invalid_argument& e) {
            illegal(ST_ILLEGAL_ARGUMENT, e.what());
        }
    }

    Simulator& sim_;
    Wire& wire_;
    BusFault posted_{ST_OK, 0, ""};
};

// The process's CPU time: on a shared machine the wall rate follows the load, the CPU time a cycle much less.
double cpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

// The simulator's own rate: `count` reads of `address`, one blocking transfer after the other, or in
// batches of MAX_BATCH as the server runs a pipelined batch (overlapped on AXI4-Lite); wall and CPU time.
int bench(uint64_t count, uint64_t address, bool batched) {
    Simulator sim;
    std::vector<uint32_t> addresses(MAX_BATCH, static_cast<uint32_t>(address)), values(MAX_BATCH);
    double cpuStart = cpuSeconds();
    auto start = std::chrono::steady_clock::now();
    uint64_t startCycle = sim.cycle();
    for (uint64_t i = 0; i < count;) {
        if (batched) {
            size_t n = static_cast<size_t>(std::min<uint64_t>(MAX_BATCH, count - i));
            Transfer failure{0, BUS_OK};
            if (sim.readBatch(addresses.data(), n, values.data(), failure) != n) throw std::runtime_error("bench: a read failed");
            i += n;
        } else {
            sim.read(address);
            i++;
        }
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double cpu = cpuSeconds() - cpuStart;
    std::printf("%llu reads in %.3f s: %.0f transactions/s, %.1f cycles each, %.0f cycles/s, %.0f ns CPU a cycle\n",
                static_cast<unsigned long long>(count), seconds, count / seconds, double(sim.cycle() - startCycle) / count,
                (sim.cycle() - startCycle) / seconds, cpu * 1e9 / double(sim.cycle() - startCycle));
    return 0;
}

int serve(const std::string& path, long parent) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) return 1;  // the parent died before the signal was armed
    int listener = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.size() >= sizeof(address.sun_path)) {
        std::fprintf(stderr, "simulator: socket path too long: %s\n", path.c_str());
        return 2;
    }
    std::strcpy(address.sun_path, path.c_str());
    unlink(path.c_str());
    if (bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(listener, 1) != 0) {
        std::fprintf(stderr, "simulator: cannot listen at %s: %s\n", path.c_str(), std::strerror(errno));
        return 2;
    }
    Simulator sim;  // built and reset before the host is told the chip is there
    std::printf("simulator pid %d ready at %s\n", getpid(), path.c_str());
    std::fflush(stdout);
    // From now on the design's own output ($display, $fatal) goes where errors go: the simulator's log.
    dup2(STDERR_FILENO, STDOUT_FILENO);
    int fd = accept(listener, nullptr, nullptr);
    close(listener);
    unlink(path.c_str());
    if (fd < 0) return 2;
    Wire wire(fd);
    wire.put<uint32_t>(MAGIC);
    wire.put<uint16_t>(1);
    wire.put<uint8_t>(0);
    wire.put<uint64_t>(static_cast<uint64_t>(getpid()));
    Session(sim, wire).serve();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    std::string socketPath;
    long parent = -1;
    try {
        for (int i = 1; i < argc; i++) {
            std::string a = argv[i];
            if (a == "--socket" && i + 1 < argc) socketPath = argv[++i];
            else if (a == "--parent" && i + 1 < argc) parent = std::strtol(argv[++i], nullptr, 10);
            else if ((a == "--bench" || a == "--bench-batch") && i + 2 < argc)
                return bench(std::strtoull(argv[i + 1], nullptr, 0), std::strtoull(argv[i + 2], nullptr, 0), a == "--bench-batch");
            else { std::fprintf(stderr, "usage: sim --socket PATH --parent PID | sim --bench[-batch] N ADDRESS\n"); return 2; }
        }
        if (socketPath.empty() || parent < 0) { std::fprintf(stderr, "usage: sim --socket PATH --parent PID\n"); return 2; }
        return serve(socketPath, parent);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "simulator: %s\n", e.what());
        return 1;
    }
}
