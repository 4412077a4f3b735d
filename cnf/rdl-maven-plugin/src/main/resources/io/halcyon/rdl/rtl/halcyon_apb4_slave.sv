// APB4 slave front end of the generated chips (hand-written, as PeakRDL-regblock's apb4 cpuif): turns a
// transfer into one cycle of cpuif_req and ends the access phase when the core acknowledges. The core
// answers registers in the cycle of the request, so a transfer takes the two cycles APB allows at least.
module halcyon_apb4_slave (
    input  logic        clk,
    input  logic        rst,
    input  logic        s_apb_psel,
    input  logic        s_apb_penable,
    input  logic        s_apb_pwrite,
    input  logic [2:0]  s_apb_pprot,
    input  logic [31:0] s_apb_paddr,
    input  logic [31:0] s_apb_pwdata,
    input  logic [3:0]  s_apb_pstrb,
    output logic        s_apb_pready,
    output logic [31:0] s_apb_prdata,
    output logic        s_apb_pslverr,
    output logic        cpuif_req,
    output logic        cpuif_req_is_wr,
    output logic [31:0] cpuif_addr,
    output logic [31:0] cpuif_wr_data,
    output logic [31:0] cpuif_wr_biten,
    input  logic        cpuif_ack,
    input  logic [31:0] cpuif_rd_data,
    input  logic        cpuif_err
);
    logic active;
    always_ff @(posedge clk) begin
        if (rst) begin
            active <= 1'b0;
            cpuif_req <= 1'b0;
        end else begin
            cpuif_req <= 1'b0;
            if (!active) begin
                if (s_apb_psel) begin
                    active <= 1'b1;
                    cpuif_req <= 1'b1;
                    cpuif_req_is_wr <= s_apb_pwrite;
                    cpuif_addr <= {s_apb_paddr[31:2], 2'b00};
                    cpuif_wr_data <= s_apb_pwdata;
                    for (int i = 0; i < 4; i++) cpuif_wr_biten[i*8 +: 8] <= {8{s_apb_pstrb[i]}};
                end
            end else if (cpuif_ack) begin
                active <= 1'b0;
            end
        end
    end
    assign s_apb_pready = cpuif_ack;
    assign s_apb_prdata = cpuif_rd_data;
    assign s_apb_pslverr = cpuif_err;
    logic unused;
    assign unused = ^{s_apb_penable, s_apb_pprot};
endmodule
