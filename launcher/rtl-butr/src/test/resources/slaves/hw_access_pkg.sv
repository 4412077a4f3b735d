// Hardware-side interface of hw_access_apb (written by hand, not generated): packed structs, as a
// register generator such as PeakRDL-regblock would declare them in a package.
package hw_access_pkg;
    // r1.f, r2.f: sw=r hw=w with we, hwset and hwclr strobes.
    typedef struct packed {
        logic [7:0] next;
        logic we;
        logic hwset;
        logic hwclr;
    } strobed_in_t;

    typedef struct packed {
        strobed_in_t r1_f;
        strobed_in_t r2_f;
        logic [7:0] r3_f_next;     // loaded while hw_ctrl.hw_we is 1
        logic [7:0] r4_f_next;     // loaded while hw_ctrl.hw_wel is 0
        logic [7:0] f_next_value;  // r5's signals
        logic f_we;
    } hwif_in_t;

    typedef struct packed {
        logic [7:0] r1_f;
        logic [7:0] r2_f;
        logic [7:0] r3_f;
        logic [7:0] r4_f;
        logic [7:0] r5_f;
    } hwif_out_t;
endpackage
