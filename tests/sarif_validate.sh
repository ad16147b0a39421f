#!/usr/bin/env bash
# ctest: the SARIF report of the bundled example, scanned as a licensed partner, passes
# the official validator (Sarif.Multitool validate) with no error. Exits 77 (skip) only
# when ci/sarif-validator says npm cannot reach its registry.
# Usage: tests/sarif_validate.sh CREDCHECK_BINARY BUILD_DIR   (from the source folder)
set -uo pipefail
bin="$1"
build="$2"
validator="$(ci/sarif-validator "$build/sarif-validator")"
rc=$?
[ $rc -eq 0 ] || exit $rc
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The partner's pack: the bundled one with its host among the licensees (tests/support/xijiang.h).
sed 's/licensees: \[\]/licensees: [www.partner.example]/' rules/xijiang-daily.yaml >"$work/pack.yaml"
grep -q 'www.partner.example' "$work/pack.yaml" || { echo "the pack's empty licensee list was not found" >&2; exit 1; }
"$bin" scan --rules "$work/pack.yaml" --base-url https://www.partner.example/news/ \
  --original fixtures/xijiang/originals/ --format sarif --output "$work/report.sarif" -q \
  fixtures/xijiang/reprints/
code=$?
if [ $code -ne 0 ] && [ $code -ne 1 ] && [ $code -ne 3 ]; then
  echo "credcheck scan failed with exit $code" >&2
  exit 1
fi
DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$validator" validate --output "$work/validation.sarif" \
  "$work/report.sarif" >"$work/log" 2>&1
vcode=$?
# Warnings are listed by rule only (SARIF2017: a result without a region; only findings
# with no evidence on the page, a credit not found, may lack one).
grep -v ': warning ' "$work/log"
grep -o ': warning SARIF[0-9]*' "$work/log" | sort | uniq -c
# The validator's own SARIF log lists what it found; an "error" level result fails the test.
errors=$(python3 - "$work/validation.sarif" "$work/report.sarif" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
n = 0
results = report["runs"][0]["results"]
# Every finding that quotes the page says where: line and column in its HTML source.
# (The host is evidence from the URL, not the page: it has no region.)
def from_page(r):
    names = [l.get("fullyQualifiedName") for l in r["locations"][0].get("logicalLocations", [])]
    return r["properties"].get("evidence") and "host" not in names
no_region = [r for r in results if "region" not in r["locations"][0]["physicalLocation"]]
for r in no_region:
    if from_page(r):
        n += 1
        print("no region for evidence:", r["ruleId"], r["properties"]["input"], r["properties"]["evidence"], file=sys.stderr)
with_region = len(results) - len(no_region)
# The validator reports nothing at all for a file it cannot deserialize (an unknown
# "level", say), so it must be seen to have read every result: SARIF2017 names each
# result without a region once (the example has some: credits not found), and no other.
warned = sum(r.get("ruleId") == "SARIF2017" for run in log.get("runs", []) for r in run.get("results", []))
if not no_region or not with_region or warned != len(no_region):
    n += 1
    print(f"the validator saw {warned} results without a region; the report has {len(no_region)} "
          f"(and {with_region} with one)", file=sys.stderr)
for run in log.get("runs", []):
    for r in run.get("results", []):
        if r.get("level", "warning") == "error":
            n += 1
            print(r.get("ruleId"), r.get("message", {}).get("text", r.get("message")), file=sys.stderr)
    for inv in run.get("invocations", []):
        for note in inv.get("toolExecutionNotifications", []) or []:
            if note.get("level") == "error":
                n += 1
                print("tool:", note.get("message", {}).get("text"), file=sys.stderr)
print(n)
PY
)
[ $? -eq 0 ] || { echo "the validator wrote no log" >&2; exit 1; }
echo "validator exit $vcode, errors $errors, report $(wc -c <"$work/report.sarif") bytes"
[ "$errors" = "0" ] && [ $vcode -eq 0 ]
