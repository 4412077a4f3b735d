package io.halcyon.rdl.compiler.elab;

import io.halcyon.rdl.compiler.ast.CompKind;
import io.halcyon.rdl.compiler.diag.RdlException;

import java.util.ArrayList;
import java.util.List;

/** Field packing within registers and address allocation within regfiles, addrmaps and mems. */
final class Layout {

    private Layout() {
    }

    static long longProp(ENode n, String name, long dflt) {
        return n.props.get(name) instanceof Long l ? l : dflt;
    }

    private static ENode enclosingAddrmap(ENode n) {
        for (ENode p = n; p != null; p = p.parent) {
            if (p.kind == CompKind.ADDRMAP) {
                return p;
            }
        }
        return null;
    }

    /**
     * Places fields without explicit bit positions. A [low:high] range anywhere in the register
     * implies msb0 packing and [high:low] lsb0 (10.7.1); otherwise the enclosing addrmap decides.
     */
    static void packFields(ENode reg) {
        long regwidth = longProp(reg, "regwidth", 32);
        reg.props.put("regwidth", regwidth);
        long accesswidth = longProp(reg, "accesswidth", regwidth);
        reg.props.put("accesswidth", accesswidth);
        if (regwidth < 8 || Long.bitCount(regwidth) != 1) {
            throw new RdlException(reg.propLocs.getOrDefault("regwidth", reg.loc), "regwidth of '" + reg.instName
                    + "' is " + regwidth + " (expected a power of 2, at least 8)");
        }
        if (accesswidth < 8 || Long.bitCount(accesswidth) != 1 || accesswidth > regwidth) {
            throw new RdlException(reg.propLocs.getOrDefault("accesswidth", reg.loc), "accesswidth of '"
                    + reg.instName + "' is " + accesswidth + " (expected a power of 2, at least 8 and at most regwidth "
                    + regwidth + ")");
        }
        List<ENode> fields = new ArrayList<>();
        ENode msbForm = null;
        ENode lsbForm = null;
        for (ENode c : reg.children()) {
            if (c.kind == CompKind.FIELD) {
                fields.add(c);
                if (c.explicitMsb0Form) {
                    msbForm = c;
                }
                if (c.explicitLsb0Form) {
                    lsbForm = c;
                }
            }
        }
        if (msbForm != null && lsbForm != null) {
            throw new RdlException(msbForm.loc, "Both the [low:high] (field '" + msbForm.instName + "') and [high:low] (field '"
                    + lsbForm.instName + "') bit specification forms shall not be used together in the same register");
        }
        boolean msb0;
        if (msbForm != null) {
            msb0 = true;
        } else if (lsbForm != null) {
            msb0 = false;
        } else {
            ENode am = enclosingAddrmap(reg);
            msb0 = am != null && Boolean.TRUE.equals(am.props.get("msb0"));
        }
        reg.msb0 = msb0;
        ENode prev = null;
        for (ENode f : fields) {
            if (f.explicitHigh != null) {
                f.high = f.explicitHigh;
                f.low = f.explicitLow;
            } else if (msb0) {
                f.high = prev == null ? (int) regwidth - 1 : prev.low - 1;
                f.low = f.high - f.width + 1;
                if (f.low < 0) {
                    throw new RdlException(f.loc, "Field '" + f.instName + "' of width " + f.width
                            + " does not fit: packing it below the previous field goes past bit 0");
                }
            } else {
                f.low = prev == null ? 0 : prev.high + 1;
                f.high = f.low + f.width - 1;
            }
            if (f.high >= regwidth) {
                throw new RdlException(f.loc, "Field '" + f.instName + "' occupies bits [" + f.high + ":" + f.low
                        + "], which exceed the width of register '" + reg.instName + "' (" + regwidth + " bits)");
            }
            prev = f;
        }
        reg.size = regwidth / 8;
    }

    private static long roundUpPow2(long x) {
        if (x <= 1) {
            return 1;
        }
        return Long.highestOneBit(x - 1) << 1;
    }

    private static long roundUp(long x, long align) {
        return align <= 1 ? x : ((x + align - 1) / align) * align;
    }

    static void allocate(ENode container) {
        boolean bridge = container.kind == CompKind.ADDRMAP && Boolean.TRUE.equals(container.props.get("bridge"));
        ENode am = enclosingAddrmap(container);
        String mode = am != null && am.props.get("addressing") instanceof String s ? s : "regalign";
        long propAlign = longProp(container, "alignment", 1);
        if (propAlign <= 0 || Long.bitCount(propAlign) != 1) {
            throw new RdlException(container.propLocs.getOrDefault("alignment", container.loc),
                    "alignment of '" + container.instName + "' must be a power of 2");
        }
        Long prevEnd = null;
        long size = 0;
        for (ENode.Group g : container.groups) {
            if (g.elements.isEmpty() || !g.elements.get(0).kind.addressable()) {
                continue;
            }
            ENode first = g.elements.get(0);
            long elementSize = first.size;
            long stride = g.stride != null ? g.stride : elementSize;
            if (g.isArray() && stride < elementSize) {
                throw new RdlException(g.decl.loc(), "Instance array '" + g.decl.name() + "' has address stride 0x"
                        + Long.toHexString(stride) + ", but the element size is 0x" + Long.toHexString(elementSize));
            }
            long total = elementSize + stride * (g.elements.size() - 1);
            long offset;
            if (g.at != null) {
                offset = g.at;
                if (offset % propAlign != 0) {
                    throw new RdlException(g.decl.loc(), "Address offset +0x" + Long.toHexString(offset) + " of component '"
                            + g.decl.name() + "' must be aligned on a 0x" + Long.toHexString(propAlign) + " byte boundary");
                }
            } else {
                long modeAlign = switch (mode) {
                    case "compact" -> first.kind == CompKind.REG ? longProp(first, "accesswidth", 32) / 8 : 1;
                    case "fullalign" -> roundUpPow2(total);
                    default -> roundUpPow2(elementSize);
                };
                long align = Math.max(propAlign, Math.max(g.align == null ? 1 : g.align, modeAlign));
                long next = prevEnd == null || bridge ? 0 : prevEnd;
                offset = roundUp(next, align);
            }
            g.offset = offset;
            g.elementSize = elementSize;
            g.totalSize = total;
            for (int i = 0; i < g.elements.size(); i++) {
                g.elements.get(i).offset = offset + i * stride;
            }
            prevEnd = offset + total;
            size = Math.max(size, prevEnd);
        }
        container.size = size;
    }

    static void allocateMem(ENode mem) {
        allocate(mem);
        Object entries = mem.props.get("mementries");
        if (!(entries instanceof Long n) || n <= 0) {
            throw new RdlException(mem.loc, "mem '" + mem.instName + "' needs a positive 'mementries' property");
        }
        long width = longProp(mem, "memwidth", 32);
        mem.props.put("memwidth", width);
        if (width <= 0) {
            throw new RdlException(mem.loc, "memwidth of '" + mem.instName + "' must be positive");
        }
        long bytes = (width + 7) / 8;
        mem.size = n * roundUpPow2(bytes);
    }

    static void assignAbsolute(ENode n, long base) {
        n.absolute = base + n.offset;
        for (ENode c : n.children()) {
            if (c.kind.addressable()) {
                assignAbsolute(c, n.absolute);
            }
        }
    }
}
