// Testbench of the generated chips' AXI4-Lite slave front end alone (AxiLiteSlaveTest): a master that
// sends reads and writes at random with random back-pressure on both response channels, and a core that
// acknowledges after 0-3 cycles, counts the requests it sees, and answers a read with its address and how
// often that address was read. Every read must reach the core exactly once and come back in order with
// that count; a response not taken must stay unchanged; the core must never see a request while one waits.
#include "Vhalcyon_axi4lite_slave.h"
#include "verilated.h"
#include <cstdint>
#include <cstdio>
#include <deque>
#include <map>

static uint32_t seed = 12345;
static uint32_t rnd() {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
}

static int fail(const char* what, long cycle) {
    std::printf("FAIL at cycle %ld: %s\n", cycle, what);
    return 1;
}

int main(int argc, char** argv) {
    Verilated::commandArgs(argc, argv);
    Vhalcyon_axi4lite_slave* top = new Vhalcyon_axi4lite_slave;
    const long CYCLES = 200000, DRAIN = 2000;
    top->clk = 0;
    top->rst = 1;
    top->eval();
    for (int i = 0; i < 4; i++) {
        top->clk = 1;
        top->eval();
        top->clk = 0;
        top->eval();
    }
    top->rst = 0;
    std::map<uint32_t, uint32_t> coreReads, expectedReads;
    std::deque<uint64_t> expectR;  // per read taken, in order: its data, or 1 << 32 for a decode error
    std::deque<int> expectB;
    bool pending = false, pendingWrite = false;
    uint32_t pendingAddress = 0;
    int delay = 0;
    long reads = 0, writes = 0, requests = 0, coreReadCount = 0, back2back = 0;
    bool arvalid = false, awvalid = false, stalled = false, lastR = false;
    uint32_t araddr = 0, awaddr = 0, stalledData = 0;
    int stalledResp = 0;
    for (long c = 0; c < CYCLES; c++) {
        bool draining = c >= CYCLES - DRAIN;
        // The master: a request, once valid, stays until taken. Addresses 0x40 and up are unmapped.
        if (!arvalid && !draining && rnd() % 4 != 0) {
            arvalid = true;
            araddr = (rnd() % 20) * 4;
        }
        if (!awvalid && !draining && rnd() % 5 == 0) {
            awvalid = true;
            awaddr = (rnd() % 20) * 4;
        }
        top->s_axil_arvalid = arvalid;
        top->s_axil_araddr = araddr;
        top->s_axil_arprot = 0;
        top->s_axil_awvalid = awvalid;
        top->s_axil_awaddr = awaddr;
        top->s_axil_awprot = 0;
        top->s_axil_wvalid = awvalid;
        top->s_axil_wdata = static_cast<uint32_t>(c);
        top->s_axil_wstrb = 0xF;
        top->s_axil_rready = draining || (c / 1000) % 2 == 0 || rnd() % 3 != 0;  // bursts with and without back-pressure
        top->s_axil_bready = draining || rnd() % 2 == 0;
        // The core: cpuif_req is a register output, so a request is visible before this cycle's evaluation.
        if (top->cpuif_req) {
            if (pending) return fail("the core got a request while the previous one waits for its acknowledge", c);
            pending = true;
            pendingAddress = top->cpuif_addr;
            pendingWrite = top->cpuif_req_is_wr;
            delay = rnd() % 4 == 0 ? static_cast<int>(rnd() % 4) : 0;
            requests++;
            if (!pendingWrite) {
                coreReads[pendingAddress]++;
                coreReadCount++;
            }
        }
        bool ack = pending && delay == 0;
        top->cpuif_ack = ack;
        top->cpuif_err = ack && pendingAddress >= 0x40;
        top->cpuif_rd_data = ack && !pendingWrite ? (pendingAddress << 16 | (coreReads[pendingAddress] & 0xFFFF)) : 0xDEADBEEF;
        top->eval();
        if (stalled && (!top->s_axil_rvalid || top->s_axil_rdata != stalledData || top->s_axil_rresp != stalledResp))
            return fail("a read response changed before it was taken", c);
        if (top->s_axil_awready != top->s_axil_wready) return fail("awready without wready", c);
        bool ar = top->s_axil_arvalid && top->s_axil_arready;
        bool aw = top->s_axil_awvalid && top->s_axil_awready;
        bool r = top->s_axil_rvalid && top->s_axil_rready;
        bool b = top->s_axil_bvalid && top->s_axil_bready;
        if (r) {
            if (expectR.empty()) return fail("a read response nobody asked for", c);
            uint64_t e = expectR.front();
            expectR.pop_front();
            bool good = e >> 32 ? top->s_axil_rresp == 3 : top->s_axil_rresp == 0 && top->s_axil_rdata == static_cast<uint32_t>(e);
            if (!good) {
                std::printf("expected %llx, read %08x resp %d\n", static_cast<unsigned long long>(e), top->s_axil_rdata, top->s_axil_rresp);
                return fail("wrong read response", c);
            }
            if (lastR) back2back++;
        }
        lastR = r;
        if (b) {
            if (expectB.empty()) return fail("a write response nobody asked for", c);
            if (top->s_axil_bresp != expectB.front()) return fail("wrong write response", c);
            expectB.pop_front();
        }
        stalled = top->s_axil_rvalid && !top->s_axil_rready;
        stalledData = top->s_axil_rdata;
        stalledResp = top->s_axil_rresp;
        if (ar) {
            reads++;
            expectR.push_back(araddr >= 0x40 ? 1ULL << 32 : (araddr << 16 | (++expectedReads[araddr] & 0xFFFF)));
            arvalid = false;
        }
        if (aw) {
            writes++;
            expectB.push_back(awaddr >= 0x40 ? 3 : 0);
            awvalid = false;
        }
        top->clk = 1;
        top->eval();
        if (ack) pending = false;
        else if (pending) delay--;
        top->clk = 0;
        top->eval();
    }
    if (!expectR.empty() || !expectB.empty()) return fail("responses missing at the end", CYCLES);
    if (pending) return fail("a request still waits at the end", CYCLES);
    if (coreReadCount != reads) return fail("the core saw a different number of reads than the master sent", CYCLES);
    if (requests != reads + writes) return fail("the core saw a different number of requests than the master sent", CYCLES);
    std::printf("ok: %ld reads, %ld writes, each reached the core once; %ld reads answered in back-to-back cycles\n", reads, writes, back2back);
    delete top;
    return 0;
}
