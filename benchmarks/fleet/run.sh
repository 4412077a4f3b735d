#!/bin/sh
# Fleet rollout benchmark: for each fleet size and polling interval a fresh local fleet (hawkBit and N hosts,
# each running its workload) takes the baseline, then a good driver version is rolled out (canary and three
# waves) and timed; prints the hosts' resident memory, and each host's workload throughput during its own
# swap against the 10 s before the rollout (median host and the worst). Takes minutes per row.
# Usage: benchmarks/fleet/run.sh [HOSTS[,HOSTS...] [POLL_SECONDS[,POLL_SECONDS...]]]
root=$(cd "$(dirname "$0")/../.." && pwd)
exec "$root/launcher/halcyon" fleet bench --hosts "${1:-10,20}" --poll "${2:-1,5}"
