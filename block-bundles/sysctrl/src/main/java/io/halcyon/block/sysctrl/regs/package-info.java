/**
 * INTERIM hand-written register layer for the system-control block, kept in step with
 * {@code src/main/rdl/sysctrl.rdl} by hand. It is replaced by registers generated from the
 * description at build time (issue 3); nothing outside this bundle may depend on it.
 */
package io.halcyon.block.sysctrl.regs;
