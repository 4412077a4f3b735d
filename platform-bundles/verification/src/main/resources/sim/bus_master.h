// Bus-functional masters for the chip top's slave port: APB4 (s_apb_*) or AXI4-Lite (s_axil_*), chosen
// when the simulator is built (-DHALCYON_BUS_AXI4LITE). One 32-bit transfer at a time. The master drives
// its signals at the falling edge (between the clock's rise() and fall(), the way a testbench drives on the
// falling edge) and samples the slave's just before the next rising edge, so each cycle costs the two
// evaluations the clock needs and no more. Any top module with these ports (and clk, rst) can be driven,
// generated or not. A slave that does not answer within MAX_WAIT_CYCLES ends the transfer with BUS_TIMEOUT
// instead of hanging the simulator.
#pragma once
#include <cstddef>
#include <cstdint>

namespace halcyon {

enum BusError { BUS_OK = 0, BUS_SLAVE_ERROR = 1, BUS_DECODE_ERROR = 2, BUS_TIMEOUT = 3 };

struct Transfer {
    uint32_t data;
    BusError error;
};

// Cycles a master waits for a ready or valid before it gives the transfer up.
constexpr int MAX_WAIT_CYCLES = 1000;

template <class Top, class Clock>
class BusMaster {
public:
    BusMaster(Top* top, Clock& clock) : top_(top), clock_(clock) {}

#ifndef HALCYON_BUS_AXI4LITE
    static constexpr const char* NAME = "apb4";
    Transfer transfer(bool write, uint32_t address, uint32_t data) {
        top_->s_apb_psel = 1;
        top_->s_apb_penable = 0;
        top_->s_apb_pwrite = write;
        top_->s_apb_paddr = address;
        top_->s_apb_pwdata = data;
        top_->s_apb_pstrb = write ? 0xF : 0;
        top_->s_apb_pprot = 0;
        clock_.rise();  // the setup phase ends at this edge
        top_->s_apb_penable = 1;
        clock_.fall();
        for (int waited = 0; !top_->s_apb_pready; waited++) {
            if (waited == MAX_WAIT_CYCLES) return idle(Transfer{0, BUS_TIMEOUT});
            clock_.tick();
        }
        return idle(Transfer{top_->s_apb_prdata, top_->s_apb_pslverr ? errorKind() : BUS_OK});
    }
    // APB has no overlap: one transfer after the other. Returns how many reads succeeded; `failure` is the next one's.
    size_t readBatch(const uint32_t* addresses, size_t n, uint32_t* values, Transfer& failure) {
        for (size_t i = 0; i < n; i++) {
            Transfer t = transfer(false, addresses[i], 0);
            if (t.error != BUS_OK) {
                failure = t;
                return i;
            }
            values[i] = t.data;
        }
        return n;
    }
private:
    // The access phase ends at the next edge; the bus goes idle at the falling edge after it.
    Transfer idle(Transfer t) {
        clock_.rise();
        top_->s_apb_psel = 0;
        top_->s_apb_penable = 0;
        clock_.fall();
        return t;
    }
    BusError errorKind() {
#ifdef HALCYON_HAS_DECERR
        return top_->halcyon_decerr ? BUS_DECODE_ERROR : BUS_SLAVE_ERROR;
#else
        return BUS_SLAVE_ERROR;
#endif
    }
#else
    static constexpr const char* NAME = "axi4-lite";
    Transfer transfer(bool write, uint32_t address, uint32_t data) {
        if (write) {
            top_->s_axil_awvalid = 1;
            top_->s_axil_awaddr = address;
            top_->s_axil_awprot = 0;
            top_->s_axil_wvalid = 1;
            top_->s_axil_wdata = data;
            top_->s_axil_wstrb = 0xF;
            top_->s_axil_bready = 1;
            top_->eval();
            bool addressTaken = false, dataTaken = false;
            for (int waited = 0; !(addressTaken && dataTaken); waited++) {
                if (waited == MAX_WAIT_CYCLES) return giveUp();
                addressTaken |= top_->s_axil_awready;
                dataTaken |= top_->s_axil_wready;
                clock_.rise();
                if (addressTaken) top_->s_axil_awvalid = 0;
                if (dataTaken) top_->s_axil_wvalid = 0;
                clock_.fall();
            }
            if (!waitFor(top_->s_axil_bvalid)) return giveUp();
            Transfer t{0, kind(top_->s_axil_bresp)};
            clock_.rise();
            top_->s_axil_bready = 0;
            clock_.fall();
            return t;
        }
        top_->s_axil_arvalid = 1;
        top_->s_axil_araddr = address;
        top_->s_axil_arprot = 0;
        top_->s_axil_rready = 1;
        top_->eval();
        if (!waitFor(top_->s_axil_arready)) return giveUp();
        clock_.rise();
        top_->s_axil_arvalid = 0;
        clock_.fall();
        if (!waitFor(top_->s_axil_rvalid)) return giveUp();
        Transfer t{top_->s_axil_rdata, kind(top_->s_axil_rresp)};
        clock_.rise();
        top_->s_axil_rready = 0;
        clock_.fall();
        return t;
    }
    // Reads with the transfers overlapped: the next address goes out while earlier data comes back, one read
    // a cycle when the slave keeps up. Returns how many reads succeeded; `failure` is the next one's. Reads
    // the slave took after a failed one (at most its queue's depth) have happened; their data is dropped.
    size_t readBatch(const uint32_t* addresses, size_t n, uint32_t* values, Transfer& failure) {
        size_t issued = 0, received = 0, good = n;  // good: the reads before the first failure
        int quiet = 0;
        top_->s_axil_arprot = 0;
        top_->s_axil_rready = 1;
        top_->s_axil_arvalid = n > 0;
        if (n > 0) top_->s_axil_araddr = addresses[0];
        top_->eval();
        // Until every read taken has answered and, unless one failed, every read was taken.
        while (received < issued || (good == n && issued < n)) {
            if (quiet == MAX_WAIT_CYCLES) {
                if (good == n) {
                    failure = Transfer{0, BUS_TIMEOUT};
                    good = received;
                }
                giveUp();
                return good;
            }
            bool addressTaken = top_->s_axil_arvalid && top_->s_axil_arready;
            bool dataTaken = top_->s_axil_rvalid;
            Transfer t{top_->s_axil_rdata, kind(top_->s_axil_rresp)};
            clock_.rise();
            if (addressTaken) issued++;
            quiet = dataTaken ? 0 : quiet + 1;
            if (dataTaken) {
                if (good == n && t.error != BUS_OK) {
                    failure = t;
                    good = received;
                } else if (good == n) {
                    values[received] = t.data;
                }
                received++;
            }
            top_->s_axil_arvalid = good == n && issued < n;
            if (top_->s_axil_arvalid) top_->s_axil_araddr = addresses[issued];
            clock_.fall();
        }
        top_->s_axil_rready = 0;
        return good;
    }
private:
    // Ticks until the slave's output is 1, at most MAX_WAIT_CYCLES.
    template <class Signal>
    bool waitFor(const Signal& signal) {
        for (int waited = 0; !signal; waited++) {
            if (waited == MAX_WAIT_CYCLES) return false;
            clock_.tick();
        }
        return true;
    }
    // The slave did not answer: withdraw every request and leave the bus idle.
    Transfer giveUp() {
        clock_.rise();
        top_->s_axil_awvalid = 0;
        top_->s_axil_wvalid = 0;
        top_->s_axil_arvalid = 0;
        top_->s_axil_bready = 0;
        top_->s_axil_rready = 0;
        clock_.fall();
        return Transfer{0, BUS_TIMEOUT};
    }
    static BusError kind(uint32_t resp) { return resp == 3 ? BUS_DECODE_ERROR : resp == 2 ? BUS_SLAVE_ERROR : BUS_OK; }
#endif
    Top* top_;
    Clock& clock_;
};

}  // namespace halcyon
