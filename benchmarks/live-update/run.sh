#!/bin/sh
# Live-update benchmark: consumer throughput with one DMA bundle update per second against none
# (8 consumer threads by default), and the consumer-visible pause per swap, side by side in one run:
# ROUNDS rounds of SECONDS quiet then SECONDS updating, interleaved so both see the same machine load.
# Usage: benchmarks/live-update/run.sh [THREADS [SECONDS [ROUNDS]]]
root=$(cd "$(dirname "$0")/../.." && pwd)
exec "$root/launcher/halcyon" run "hal:updatebench --threads ${1:-8} --seconds ${2:-5} --rounds ${3:-3}"
