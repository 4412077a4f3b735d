// AXI4-Lite slave front end of the generated chips (hand-written), with transfers overlapped: a request
// is presented to the core (one cycle of cpuif_req) in the cycle after its address (and, for a write, its
// data) was taken, and its response goes into a two-entry queue per response channel, so while one
// response waits for its ready the next request is already being answered: a read a cycle when the
// master keeps RREADY high. A request is taken only when its response is sure to find room in its queue
// even if no response leaves it, and never while the core has not acknowledged the previous one (an
// external memory acknowledges later): a register's read side effect happens exactly once. A write is
// taken when its address and data are both valid, a read when no write is. Every error of a generated
// chip is a decode error (DECERR).
module halcyon_axi4lite_slave (
    input  logic        clk,
    input  logic        rst,
    input  logic        s_axil_awvalid,
    output logic        s_axil_awready,
    input  logic [31:0] s_axil_awaddr,
    input  logic [2:0]  s_axil_awprot,
    input  logic        s_axil_wvalid,
    output logic        s_axil_wready,
    input  logic [31:0] s_axil_wdata,
    input  logic [3:0]  s_axil_wstrb,
    output logic        s_axil_bvalid,
    input  logic        s_axil_bready,
    output logic [1:0]  s_axil_bresp,
    input  logic        s_axil_arvalid,
    output logic        s_axil_arready,
    input  logic [31:0] s_axil_araddr,
    input  logic [2:0]  s_axil_arprot,
    output logic        s_axil_rvalid,
    input  logic        s_axil_rready,
    output logic [31:0] s_axil_rdata,
    output logic [1:0]  s_axil_rresp,
    output logic        cpuif_req,
    output logic        cpuif_req_is_wr,
    output logic [31:0] cpuif_addr,
    output logic [31:0] cpuif_wr_data,
    output logic [31:0] cpuif_wr_biten,
    input  logic        cpuif_ack,
    input  logic [31:0] cpuif_rd_data,
    input  logic        cpuif_err
);
    // The request presented or still waiting for the core's acknowledge.
    logic waiting;
    logic outstanding, answered;
    assign outstanding = cpuif_req || waiting;
    assign answered = outstanding && cpuif_ack;

    // Response queues, entry 0 on the channel.
    logic [1:0]  r_count, b_count;
    logic [31:0] r_data [2];
    logic [1:0]  r_resp [2];
    logic [1:0]  b_resp [2];
    logic r_push, r_pop, b_push, b_pop;
    assign r_push = answered && !cpuif_req_is_wr;
    assign b_push = answered && cpuif_req_is_wr;
    assign r_pop = s_axil_rvalid && s_axil_rready;
    assign b_pop = s_axil_bvalid && s_axil_bready;
    logic [1:0] r_after, b_after;
    assign r_after = r_count + {1'b0, r_push} - {1'b0, r_pop};
    assign b_after = b_count + {1'b0, b_push} - {1'b0, b_pop};
    // Where a push lands: behind what stays (count - pop, which is 0 or 1 whenever a push happens).
    logic r_slot, b_slot;
    assign r_slot = r_count[1] || (r_count[0] && !r_pop);
    assign b_slot = b_count[1] || (b_count[0] && !b_pop);

    logic idle_after, take_write, take_read;
    assign idle_after = !outstanding || cpuif_ack;
    assign take_write = idle_after && b_after < 2'd2 && s_axil_awvalid && s_axil_wvalid;
    assign take_read = idle_after && r_after < 2'd2 && !take_write && s_axil_arvalid;
    assign s_axil_awready = take_write;
    assign s_axil_wready = take_write;
    assign s_axil_arready = take_read;
    assign s_axil_rvalid = r_count != 2'd0;
    assign s_axil_rdata = r_data[0];
    assign s_axil_rresp = r_resp[0];
    assign s_axil_bvalid = b_count != 2'd0;
    assign s_axil_bresp = b_resp[0];

    always_ff @(posedge clk) begin
        if (rst) begin
            cpuif_req <= 1'b0;
            waiting <= 1'b0;
            r_count <= 2'd0;
            b_count <= 2'd0;
        end else begin
            cpuif_req <= take_write || take_read;
            waiting <= outstanding && !cpuif_ack;
            if (take_write || take_read) begin
                cpuif_req_is_wr <= take_write;
                cpuif_addr <= take_write ? {s_axil_awaddr[31:2], 2'b00} : {s_axil_araddr[31:2], 2'b00};
                cpuif_wr_data <= s_axil_wdata;
                for (int i = 0; i < 4; i++) cpuif_wr_biten[i*8 +: 8] <= {8{s_axil_wstrb[i]}};
            end
            // A pop moves entry 1 forward; a push lands behind what stays (written last, so it wins entry 0 when that left).
            if (r_pop) begin
                r_data[0] <= r_data[1];
                r_resp[0] <= r_resp[1];
            end
            if (r_push) begin
                r_data[r_slot] <= cpuif_rd_data;
                r_resp[r_slot] <= cpuif_err ? 2'b11 : 2'b00;
            end
            if (b_pop) b_resp[0] <= b_resp[1];
            if (b_push) b_resp[b_slot] <= cpuif_err ? 2'b11 : 2'b00;
            r_count <= r_after;
            b_count <= b_after;
        end
    end
    logic unused;
    assign unused = ^{s_axil_awprot, s_axil_arprot};
endmodule
