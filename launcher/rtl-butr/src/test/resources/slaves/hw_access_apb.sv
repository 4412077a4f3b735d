// A register block written by hand from PeakRDL-regblock's test_hw_access.rdl (not generated), with a
// plain APB4 slave port (paddr, psel, ...; pclk and active-low presetn) and its hardware side as packed
// structs from hw_access_pkg. No wait states; an address that decodes to no register answers PSLVERR.
module hw_access_apb (
    input  logic        pclk,
    input  logic        presetn,
    input  logic        psel,
    input  logic        penable,
    input  logic        pwrite,
    input  logic [7:0]  paddr,
    input  logic [31:0] pwdata,
    input  logic [3:0]  pstrb,
    input  logic [2:0]  pprot,
    output logic        pready,
    output logic [31:0] prdata,
    output logic        pslverr,
    input  hw_access_pkg::hwif_in_t  hwif_in,
    output hw_access_pkg::hwif_out_t hwif_out
);
    // hw_ctrl @ 0x0: sw=rw hw=na
    logic [7:0] hw_enable, hw_mask;
    logic hw_clr, hw_set, hw_we, hw_wel;
    // r1..r5 @ 0x4..0x14: f[7:0]
    logic [7:0] r1, r2, r3, r4, r5;

    logic write, known;
    assign write = psel && penable && pwrite;
    assign pready = 1'b1;

    always_comb begin
        known = 1'b1;
        prdata = 32'h0;
        case (paddr)
            8'h00: prdata = {11'h0, hw_wel, 1'b0, hw_we, hw_set, hw_clr, hw_mask, hw_enable};
            8'h04: prdata = {24'h0, r1};
            8'h08: prdata = {24'h0, r2};
            8'h0C: prdata = {24'h0, r3};
            8'h10: prdata = {24'h0, r4};
            8'h14: prdata = {24'h0, r5};
            default: known = 1'b0;
        endcase
    end
    assign pslverr = psel && penable && !known;

    // A strobed hardware write limited to the enabled bits: set, clear, then load (each only while its strobe is 1).
    function automatic logic [7:0] strobed(logic [7:0] q, hw_access_pkg::strobed_in_t in, logic [7:0] enabled);
        logic [7:0] v = q;
        if (in.hwset) v = v | enabled;
        if (in.hwclr) v = v & ~enabled;
        if (in.we) v = (v & ~enabled) | (in.next & enabled);
        return v;
    endfunction

    always_ff @(posedge pclk) begin
        if (!presetn) begin
            hw_enable <= 8'hFF;
            hw_mask <= 8'h00;
            hw_clr <= 1'b0;
            hw_set <= 1'b0;
            hw_we <= 1'b0;
            hw_wel <= 1'b1;
            r1 <= 8'h11;
            r2 <= 8'h22;
            r3 <= 8'h33;
            r4 <= 8'h44;
            r5 <= 8'h55;
        end else begin
            // Hardware first; software, written after, wins a same-cycle conflict (SystemRDL's precedence = sw).
            r1 <= strobed(r1, hwif_in.r1_f, hw_enable);
            r2 <= strobed(r2, hwif_in.r2_f, ~hw_mask);
            begin : r3_hardware
                logic [7:0] v = r3;
                if (hw_set) v = v | hw_enable;
                if (hw_clr) v = v & ~hw_enable;
                if (hw_we) v = (v & ~hw_enable) | (hwif_in.r3_f_next & hw_enable);
                r3 <= v;
            end
            if (!hw_wel) r4 <= hwif_in.r4_f_next;
            if (hwif_in.f_we) r5 <= hwif_in.f_next_value;
            if (write) begin
                case (paddr)
                    8'h00: begin
                        if (pstrb[0]) hw_enable <= pwdata[7:0];
                        if (pstrb[1]) hw_mask <= pwdata[15:8];  // MUTATION POINT hw_mask
                        if (pstrb[2]) {hw_wel, hw_we, hw_set, hw_clr} <= {pwdata[20], pwdata[18:16]};
                    end
                    8'h0C: if (pstrb[0]) r3 <= pwdata[7:0];
                    8'h10: if (pstrb[0]) r4 <= pwdata[7:0];
                    8'h14: if (pstrb[0]) r5 <= pwdata[7:0];
                    default: ;
                endcase
            end
        end
    end

    assign hwif_out = '{r1_f: r1, r2_f: r2, r3_f: r3, r4_f: r4, r5_f: r5};
    logic unused;
    assign unused = ^{pprot, pstrb[3], pwdata[31:21], pwdata[19]};
endmodule
