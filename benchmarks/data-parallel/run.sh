#!/bin/sh
# Data-parallel training benchmark: the main job (launcher/halcyon --json) on 1, 2 and 4 emulated chips,
# ROUNDS rounds interleaved (1, 2, 4, 1, 2, 4, ...) so that every chip count sees the same machine load;
# prints per chip count the median training steps/s (wall), all-reduce time, and the device time (the
# largest of the chips' tensor engine cycles, the chips running side by side), with the speedup over one
# chip and the ideal (the chip count). PLAN is the main job's --plan: large (default; 16-64-1 on 2048
# samples, where the split matters) or standard (8-16-1 on 256 samples, the main job's default).
# Usage: [PLAN=large|standard] benchmarks/data-parallel/run.sh [ROUNDS [CHIPS...]]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-3}
[ $# -gt 0 ] && shift
counts=${*:-1 2 4}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for r in $(seq 1 "$rounds"); do
  for n in $counts; do
    HALCYON_CHIPS=$n "$root/launcher/halcyon" run "hal:mainjob --json --plan ${PLAN:-large} --out '$out/pictures'" >"$out/$n.$r.json"
  done
done
python3 - "$out" "$rounds" $counts <<'PY'
import json, os, statistics, sys
out, rounds, counts = sys.argv[1], int(sys.argv[2]), [int(c) for c in sys.argv[3:]]
rows = {}
for n in counts:
    runs = [json.load(open(f"{out}/{n}.{r}.json"))["training"] for r in range(1, rounds + 1)]
    sums = {t["weightsChecksum"] for t in runs}
    rows[n] = dict(
        steps_per_s=statistics.median(t["stepsPerSecond"] for t in runs),
        wall_ms=statistics.median(t["wallMs"] for t in runs),
        allreduce_ms=statistics.median(t["allReduceMs"] for t in runs),
        allreduce_bytes=runs[0]["allReduceBytes"],
        device=runs[0]["deviceCycles"],
        deterministic=len(sums) == 1,
        below=all(t["finalLoss"] < t["targetLoss"] for t in runs))
base = rows[counts[0]]
print(f"{'chips':>5} {'steps/s':>8} {'wall ms':>8} {'all-reduce ms':>13} {'all-reduce KiB':>14} {'device cycles':>13}"
      f" {'device speedup':>14} {'ideal':>5} {'wall speedup':>12}  same weights every round, target reached")
for n in counts:
    r = rows[n]
    print(f"{n:>5} {r['steps_per_s']:>8.0f} {r['wall_ms']:>8.0f} {r['allreduce_ms']:>13.1f} {r['allreduce_bytes'] / 1024:>14.0f}"
          f" {r['device']:>13} {base['device'] / r['device'] * counts[0]:>14.2f} {n:>5} {base['wall_ms'] / r['wall_ms'] * counts[0]:>12.2f}"
          f"  {'yes' if r['deterministic'] else 'NO'}, {'yes' if r['below'] else 'NO'}")
print(f"plan {os.environ.get('PLAN', 'large')}, median of {rounds} rounds; device cycles: the largest of the chips' tensor-engine busy cycles (the chips run side by side);"
      " the scaling is judged on device time")
PY
