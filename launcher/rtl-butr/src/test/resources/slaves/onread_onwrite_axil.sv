// A register block written by hand from PeakRDL-regblock's test_onread_onwrite.rdl (not generated): read
// side effects (rclr, rset) and every write action (woset, woclr, wot, wzs, wzc, wzt, wclr, wset) behind an
// AXI4-Lite slave port (s_axil_*, clk and active-high rst). One transaction at a time: a write is taken when
// its address and data are both valid, a read when no write is; an address that decodes to no register
// answers SLVERR.
module onread_onwrite_axil (
    input  logic        clk,
    input  logic        rst,
    input  logic        s_axil_awvalid,
    output logic        s_axil_awready,
    input  logic [3:0]  s_axil_awaddr,
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
    input  logic [3:0]  s_axil_araddr,
    input  logic [2:0]  s_axil_arprot,
    output logic        s_axil_rvalid,
    input  logic        s_axil_rready,
    output logic [31:0] s_axil_rdata,
    output logic [1:0]  s_axil_rresp
);
    logic [7:0] r1_f1, r1_f2;                // r1 @ 0x0: rclr, rset
    logic [3:0] r2_f1, r2_f2, r2_f3;         // r2 @ 0x4: woset, woclr, wot
    logic [3:0] r3_f1, r3_f2, r3_f3;         // r3 @ 0x8: wzs, wzc, wzt
    logic [7:0] r4_f1, r4_f2;                // r4 @ 0xC: wclr, wset

    logic take_write, take_read;
    assign take_write = s_axil_awvalid && s_axil_wvalid && !s_axil_bvalid && !s_axil_rvalid;
    assign take_read = s_axil_arvalid && !take_write && !s_axil_bvalid && !s_axil_rvalid;
    assign s_axil_awready = take_write;
    assign s_axil_wready = take_write;
    assign s_axil_arready = take_read;

    logic [31:0] d;
    logic [31:0] be;
    assign d = s_axil_wdata;
    assign be = {{8{s_axil_wstrb[3]}}, {8{s_axil_wstrb[2]}}, {8{s_axil_wstrb[1]}}, {8{s_axil_wstrb[0]}}};

    always_ff @(posedge clk) begin
        if (rst) begin
            r1_f1 <= 8'hF0;
            r1_f2 <= 8'h0F;
            r2_f1 <= 4'h0;
            r2_f2 <= 4'hF;
            r2_f3 <= 4'h0;
            r3_f1 <= 4'h0;
            r3_f2 <= 4'hF;
            r3_f3 <= 4'h0;
            r4_f1 <= 8'hF0;
            r4_f2 <= 8'h0F;
            s_axil_bvalid <= 1'b0;
            s_axil_rvalid <= 1'b0;
        end else begin
            if (s_axil_bvalid && s_axil_bready) s_axil_bvalid <= 1'b0;
            if (s_axil_rvalid && s_axil_rready) s_axil_rvalid <= 1'b0;
            if (take_write) begin
                s_axil_bvalid <= 1'b1;
                s_axil_bresp <= 2'b00;
                case (s_axil_awaddr)
                    4'h0: begin
                        r1_f1 <= (r1_f1 & ~be[7:0]) | (d[7:0] & be[7:0]);
                        r1_f2 <= (r1_f2 & ~be[15:8]) | (d[15:8] & be[15:8]);
                    end
                    4'h4: begin
                        r2_f1 <= r2_f1 | (d[3:0] & be[3:0]);
                        r2_f2 <= r2_f2 & ~(d[7:4] & be[7:4]);  // MUTATION POINT woclr
                        r2_f3 <= r2_f3 ^ (d[11:8] & be[11:8]);
                    end
                    4'h8: begin
                        r3_f1 <= r3_f1 | (~d[3:0] & be[3:0]);
                        r3_f2 <= r3_f2 & (d[7:4] | ~be[7:4]);
                        r3_f3 <= r3_f3 ^ (~d[11:8] & be[11:8]);
                    end
                    4'hC: begin
                        if (|be[7:0]) r4_f1 <= 8'h00;
                        if (|be[15:8]) r4_f2 <= 8'hFF;
                    end
                    default: s_axil_bresp <= 2'b10;
                endcase
            end
            if (take_read) begin
                s_axil_rvalid <= 1'b1;
                s_axil_rresp <= 2'b00;
                case (s_axil_araddr)
                    4'h0: begin
                        s_axil_rdata <= {16'h0, r1_f2, r1_f1};
                        r1_f1 <= 8'h00;
                        r1_f2 <= 8'hFF;
                    end
                    4'h4: s_axil_rdata <= {20'h0, r2_f3, r2_f2, r2_f1};
                    4'h8: s_axil_rdata <= {20'h0, r3_f3, r3_f2, r3_f1};
                    4'hC: s_axil_rdata <= {16'h0, r4_f2, r4_f1};
                    default: begin
                        s_axil_rdata <= 32'h0;
                        s_axil_rresp <= 2'b10;
                    end
                endcase
            end
        end
    end
    logic unused;
    assign unused = ^{s_axil_awprot, s_axil_arprot, d[31:16], be[31:16]};
endmodule
