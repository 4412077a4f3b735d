package io.halcyon.hal.api.view;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation of a block contract as a side-effect-free view of the hardware. A view takes no
 * argument, writes no register and reads none whose read has a side effect (read-to-clear, FIFO
 * pop), so it may be called at any time, by any number of callers, without changing what the chip
 * does: a health gate calls the views of a new driver version beside the running one, while the
 * workload runs, and compares the answers. {@link #value()} says how an answer moves while the chip
 * works, which decides how two answers are compared.
 *
 * <p>Retained at run time: tools find a contract's views by this annotation, never by method name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface View {

    /** How the answer moves while the chip works. */
    Stability value();
}
