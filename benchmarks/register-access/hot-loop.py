#!/usr/bin/env python3
"""Prints the machine code of one JMH benchmark's measured loop, as C2 compiled it.

At 1-3 ns per operation, timings of typed and hand-written register access differ from run to run by
more than the code does; the instructions say what the JIT made of each. Usage:

    benchmarks/register-access/hot-loop.py typedWrite handWrite

For each benchmark it runs one short JMH fork with -XX:CompileCommand=print on the JMH stub that
holds the measured loop, takes the last C2 compilation of it, disassembles it with objdump (the JVM
prints raw bytes when no hsdis plugin is installed) and prints the innermost loop: from the target of
the last backward jump to that jump. Needs python3 and objdump (binutils); the jar is built by
`mvn -f benchmarks/register-access/pom.xml package`.
"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
JAR = os.path.join(HERE, "target", "benchmarks.jar")


def compile_log(benchmark):
    stub = "*RegisterAccessBenchmark_%s_jmhTest::%s_avgt_jmhStub" % (benchmark, benchmark)
    cmd = ["java", "-jar", JAR, "RegisterAccessBenchmark.%s$" % benchmark, "-f", "1", "-wi", "4", "-i", "2",
           "-w", "1", "-r", "1", "-jvmArgsAppend",
           "-XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=print," + stub]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def last_c2_code(log):
    """The bytes of the last C2 compilation's main code and the address they start at."""
    start = log.rfind("C2-compiled nmethod")
    if start < 0:
        raise SystemExit("no C2 compilation of the benchmark's stub in the JVM's output")
    section = log[log.index("[Verified Entry Point]", start):]
    ends = [i for i in (section.find("[Stub Code]"), section.find("[Exception Handler]")) if i > 0]
    section = section[:min(ends)]
    chunks = {}
    for line in section.splitlines():
        m = re.match(r"\s*0x([0-9a-f]+): ((?:[0-9a-f]{2,4} ?\|? ?)+)\s*$", line)
        if m:
            chunks[int(m.group(1), 16)] = bytes.fromhex(re.sub(r"[ |]", "", m.group(2)))
    base = min(chunks)
    code = bytearray()
    for address in sorted(chunks):
        offset = address - base
        code[offset:offset + len(chunks[address])] = chunks[address]
    return base, bytes(code)


def disassemble(base, code):
    with tempfile.NamedTemporaryFile(suffix=".bin") as f:
        f.write(code)
        f.flush()
        out = subprocess.run(["objdump", "-D", "-b", "binary", "-mi386:x86-64", "-M", "intel",
                              "--adjust-vma=%#x" % base, f.name], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        m = re.match(r"\s*([0-9a-f]+):\s+(?:[0-9a-f]{2} )+\s*(.*)$", line)
        if m and m.group(2):
            rows.append((int(m.group(1), 16), m.group(2).strip()))
    return rows


def innermost_loop(rows):
    """From the target of the last jump back into the method (jumps to stubs land outside it) to that jump."""
    first = rows[0][0]
    for i in range(len(rows) - 1, -1, -1):
        address, text = rows[i]
        m = re.match(r"j\w+\s+0x([0-9a-f]+)$", text)
        if m and first <= int(m.group(1), 16) < address:
            target = int(m.group(1), 16)
            return [r for r in rows if target <= r[0] <= address]
    raise SystemExit("no backward jump found")


def main(benchmarks):
    if not benchmarks:
        raise SystemExit(__doc__)
    for benchmark in benchmarks:
        loop = innermost_loop(disassemble(*last_c2_code(compile_log(benchmark))))
        print("%s: %d instructions in the measured loop" % (benchmark, len(loop)))
        for _, text in loop:
            print("    " + text)
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
