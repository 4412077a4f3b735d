// Bus-functional masters for the chip top's slave port: APB4 (s_apb_*) or AXI4-Lite (s_axil_*), chosen
// when the simulator is built (-DHALCYON_BUS_AXI4LITE). One 32-bit transfer at a time; the master drives
// its signals between clock edges and samples the slave's after the edge, the way a testbench drives on
// the falling edge. Any top module with these ports (and clk, rst) can be driven, generated or not.
#pragma once
#include <cstdint>

namespace halcyon {

enum BusError { BUS_OK = 0, BUS_SLAVE_ERROR = 1, BUS_DECODE_ERROR = 2 };

struct Transfer {
    uint32_t data;
    BusError error;
};

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
        clock_.tick();  // setup phase
        top_->s_apb_penable = 1;
        top_->eval();
        while (!top_->s_apb_pready) clock_.tick();
        Transfer t{top_->s_apb_prdata, top_->s_apb_pslverr ? errorKind() : BUS_OK};
        clock_.tick();  // the access phase ends at this edge
        top_->s_apb_psel = 0;
        top_->s_apb_penable = 0;
        return t;
    }
private:
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
            while (!(addressTaken && dataTaken)) {
                addressTaken |= top_->s_axil_awready;
                dataTaken |= top_->s_axil_wready;
                clock_.tick();
                if (addressTaken) top_->s_axil_awvalid = 0;
                if (dataTaken) top_->s_axil_wvalid = 0;
                top_->eval();
            }
            while (!top_->s_axil_bvalid) clock_.tick();
            Transfer t{0, kind(top_->s_axil_bresp)};
            clock_.tick();
            top_->s_axil_bready = 0;
            return t;
        }
        top_->s_axil_arvalid = 1;
        top_->s_axil_araddr = address;
        top_->s_axil_arprot = 0;
        top_->s_axil_rready = 1;
        top_->eval();
        while (!top_->s_axil_arready) clock_.tick();
        clock_.tick();
        top_->s_axil_arvalid = 0;
        top_->eval();
        while (!top_->s_axil_rvalid) clock_.tick();
        Transfer t{top_->s_axil_rdata, kind(top_->s_axil_rresp)};
        clock_.tick();
        top_->s_axil_rready = 0;
        return t;
    }
private:
    static BusError kind(uint32_t resp) { return resp == 3 ? BUS_DECODE_ERROR : resp == 2 ? BUS_SLAVE_ERROR : BUS_OK; }
#endif
    Top* top_;
    Clock& clock_;
};

}  // namespace halcyon
