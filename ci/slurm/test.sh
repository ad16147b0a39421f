#!/usr/bin/env bash
# CTest Slurm.JobArrayEqualsOneProcess: starts a one-node Slurm cluster (ci/slurm/cluster.sh),
# scans a corpus (our fixtures written into WARC files, plus the fixture pages as files)
# with a 4-task job array, merges the shards with `report --in --inputs`, and compares the
# result with one process scanning the same corpus: the same results, in the same order.
# The daemons are stopped when the script ends, however it ends. Exit 77 (skipped) only
# when Slurm cannot start here.
#   ci/slurm/test.sh CREDCHECK BUILD_DIR
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
credcheck=$(realpath "$1")
work=$(realpath "$2")/slurm-test.$$
cd "$root"
rm -rf "$work"
mkdir -p "$work"
passed=0
# However the script ends: the daemons stop; the work folder goes only when the test passed.
cleanup() {
  ci/slurm/cluster.sh stop "$work/cluster"
  if [ "$passed" -eq 1 ]; then rm -rf "$work"; fi
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; echo "(logs kept in $work)" >&2; exit 1; }

python3 tests/warc_write.py --files 6 --copies 4 "$work/corpus" fixtures/xijiang/reprints/*.html >/dev/null ||
  fail "tests/warc_write.py could not write the corpus"
inputs=("$work/corpus" fixtures/xijiang/reprints)
scan=(--rules rules/xijiang-daily.yaml --original fixtures/xijiang/originals)

started=$(ci/slurm/cluster.sh start "$work/cluster")
rc=$?
[ "$rc" -eq 77 ] && exit 77
[ "$rc" -eq 0 ] || fail "ci/slurm/cluster.sh exited $rc"
eval "$started"

shards=4
CREDCHECK=$credcheck sbatch --wait --quiet --array=0-$((shards - 1)) --output="$work/task-%a.log" \
  ci/slurm/scan-array.sh "$work/shards" "$shards" "${scan[@]}" "${inputs[@]}" ||
  fail "the job array failed: $(cat "$work"/task-*.log)"
for k in $(seq 0 $((shards - 1))); do
  [ -f "$work/shards/shard-$k.jsonl" ] || fail "task $k wrote no shard: $(cat "$work/task-$k.log")"
done

"$credcheck" scan -q "${scan[@]}" -f jsonl -o "$work/single.jsonl" "${inputs[@]}" 2>"$work/single.err"
[ $? -le 1 ] || fail "the single-process scan failed"
"$credcheck" report -f jsonl --in "$work/single.jsonl" -o "$work/expected.jsonl"
"$credcheck" report -f jsonl --in "$work"/shards/shard-*.jsonl --inputs "${inputs[@]}" \
  -o "$work/merged.jsonl" 2>"$work/merge.err"
[ -s "$work/merge.err" ] && fail "the merge complained: $(cat "$work/merge.err")"

python3 - "$work/expected.jsonl" "$work/merged.jsonl" <<'PY' || fail "the merged shards differ from the single-process scan"
import json, sys
def load(path):
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    for r in rows:
        r.pop("fetched_at", None)  # files are stamped when read; WARC records carry their own date
    return rows
expected, merged = load(sys.argv[1]), load(sys.argv[2])
warc = sum("#" in r["input"] for r in expected)
print("single process: %d results (%d WARC records); merged shards: %d" % (len(expected), warc, len(merged)))
if warc == 0 or len(expected) == 0:
    sys.exit("the corpus gave no WARC records")
if expected != merged:
    for i, (a, b) in enumerate(zip(expected, merged)):
        if a != b:
            print("first difference at result %d:\n  %s\n  %s" % (i, a["input"], b["input"]))
            break
    sys.exit(1)
PY
echo "Slurm: $shards array tasks, merged report equals the single-process scan"
passed=1
