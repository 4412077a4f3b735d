#!/usr/bin/env bash
# The verification platform's figures side by side in one run (see benchmarks/README.md): simulator build
# cold and cached, the simulator's own transaction rate, Java's rate blocking and pipelined, and whole-chip
# BUTR and bring-up wall time on the RTL (with the emulation's beside them). Needs the reactor built
# (mvn -o -q package -DskipTests -pl launcher/host -am; never mvn install) and verilator, g++, make.
#   benchmarks/verification/run.sh [TRANSACTIONS [BEFORE_SOURCES_DIR]]
# BEFORE_SOURCES_DIR: the rtl/ and sim/ folders of an earlier commit (its platform-bundles/verification/target/classes),
# measured taking turns with this one's: before and after in one run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n=${1:-200000}
before=${2:-}
work="$root/benchmarks/verification/target"
mkdir -p "$work"
jar() { compgen -G "$root/$1/target/$2-*.jar" | grep -v -- '-tests\.jar$' | head -1; }
cp="$(jar platform-bundles/verification platform-verification):$(jar platform-bundles/chip-model platform-chip-model):$(jar hal-api hal-api)"
# osgi.core only to compile against SimulatorSources (its bundle reader); nothing OSGi runs here.
cp="$cp:${MAVEN_REPO:-$HOME/.m2/repository}/org/osgi/osgi.core/8.0.0/osgi.core-8.0.0.jar"
# Compiled into the platform's package (one class loader with the platform jar: its package-private classes).
javac -d "$work/classes" -cp "$cp" "$root/benchmarks/verification/VerificationBenchmark.java"
java -cp "$cp:$work/classes" io.halcyon.platform.verification.VerificationBenchmark "$root/platform-bundles/verification/target/classes" \
  "$work/simulators" "$work/run" "$n" $before
wall() { sed -n "s/.*$1.* \([0-9.]*\) ms wall.*/\1 ms/p" | head -1; }
# Best of three host runs each (the machine is shared).
best() { sort -n | head -1; }
for platform in verification emulation; do
  butr=$(for i in 1 2 3; do "$root/launcher/halcyon" --platform "$platform" run 'hal:butr --all' | wall "checks on $platform"; done | best)
  bringup=$(for i in 1 2 3; do "$root/launcher/halcyon" --platform "$platform" run 'hal:bringup' | wall "chip ready"; done | best)
  printf '%-18s whole-chip BUTR %s, bring-up %s (best of 3)\n' "$platform" "$butr" "$bringup"
done
