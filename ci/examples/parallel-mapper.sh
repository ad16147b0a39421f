#!/usr/bin/env bash
# GNU parallel recipe: one list of inputs (URLs, files, WARC files; one per line) split
# into one block per job slot by `parallel --pipepart`, each block piped through
# `credcheck scan --mapper`; --keep-order writes the blocks' results in list order, so the
# JSONL equals one process's scan of the list. Then render it:
#   credcheck report --in OUT.jsonl --format html -o report.html
#   ci/examples/parallel-mapper.sh LIST PACK OUT.jsonl [JOBS] [-- MORE SCAN OPTIONS]
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 LIST PACK OUT.jsonl [JOBS] [-- SCAN-OPTIONS...]" >&2; exit 2; }
list=$1 pack=$2 out=$3 jobs=${4:-$(nproc)}
shift 3; [ $# -gt 0 ] && [ "$1" != -- ] && shift
[ "${1:-}" = -- ] && shift
parallel --will-cite --pipepart -a "$list" --block -1 -j "$jobs" --keep-order \
  "${CREDCHECK:-credcheck}" scan --mapper -q -j 1 --rules "$pack" "$@" >"$out"
