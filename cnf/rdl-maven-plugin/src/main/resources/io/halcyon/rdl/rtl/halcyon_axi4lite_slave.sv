// AXI4-Lite slave front end of the generated chips (hand-written, one transaction at a time): a write
// is taken when its address and data are both valid, a read when no write is; the response waits for
// its ready. Every error of a generated chip is a decode error (DECERR).
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
    typedef enum logic [1:0] {IDLE, WAIT_ACK, RESPOND} state_e;
    state_e state;
    logic take_write, take_read;
    assign take_write = state == IDLE && s_axil_awvalid && s_axil_wvalid;
    assign take_read = state == IDLE && !take_write && s_axil_arvalid;
    assign s_axil_awready = take_write;
    assign s_axil_wready = take_write;
    assign s_axil_arready = take_read;
    always_ff @(posedge clk) begin
        if (rst) begin
            state <= IDLE;
            cpuif_req <= 1'b0;
            s_axil_bvalid <= 1'b0;
            s_axil_rvalid <= 1'b0;
        end else begin
            cpuif_req <= 1'b0;
            case (state)
                IDLE: if (take_write || take_read) begin
                    state <= WAIT_ACK;
                    cpuif_req <= 1'b1;
                    cpuif_req_is_wr <= take_write;
                    cpuif_addr <= take_write ? {s_axil_awaddr[31:2], 2'b00} : {s_axil_araddr[31:2], 2'b00};
                    cpuif_wr_data <= s_axil_wdata;
                    for (int i = 0; i < 4; i++) cpuif_wr_biten[i*8 +: 8] <= {8{s_axil_wstrb[i]}};
                end
                WAIT_ACK: if (cpuif_ack) begin
                    state <= RESPOND;
                    if (cpuif_req_is_wr) begin
                        s_axil_bvalid <= 1'b1;
                        s_axil_bresp <= cpuif_err ? 2'b11 : 2'b00;
                    end else begin
                        s_axil_rvalid <= 1'b1;
                        s_axil_rdata <= cpuif_rd_data;
                        s_axil_rresp <= cpuif_err ? 2'b11 : 2'b00;
                    end
                end
                RESPOND: if ((s_axil_bvalid && s_axil_bready) || (s_axil_rvalid && s_axil_rready)) begin
                    state <= IDLE;
                    s_axil_bvalid <= 1'b0;
                    s_axil_rvalid <= 1'b0;
                end
                default: state <= IDLE;
            endcase
        end
    end
    logic unused;
    assign unused = ^{s_axil_awprot, s_axil_arprot};
endmodule
