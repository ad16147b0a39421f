#!/usr/bin/env bash
# One task of a Slurm job array: scans this task's shard of the inputs into OUT/shard-K.jsonl.
#   sbatch --array=0-$((N-1)) ci/slurm/scan-array.sh OUT N SCAN-ARGS...
# SCAN-ARGS are `credcheck scan`'s (--rules PACK, --original ..., INPUT...); every task
# is given the same ones, and --shards N takes K from SLURM_ARRAY_TASK_ID. $CREDCHECK names
# the binary (default: credcheck on PATH). Merge afterwards with
#   credcheck report --in OUT/shard-*.jsonl --inputs INPUT...
set -uo pipefail
out=$1 n=$2
shift 2
mkdir -p "$out"
/usr/bin/time -f "%M" -o "$out/shard-$SLURM_ARRAY_TASK_ID.maxrss-kb" \
  "${CREDCHECK:-credcheck}" scan --shards "$n" -q -j "${SLURM_CPUS_PER_TASK:-1}" -f jsonl \
  -o "$out/shard-$SLURM_ARRAY_TASK_ID.jsonl" "$@"
rc=$?
# Findings (1) and unreadable inputs (3) are results, not a failed task; a task killed
# before the end leaves no shard file, and `report --inputs` names what it held.
if [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ] || [ "$rc" -eq 3 ]; then exit 0; fi
exit "$rc"
