#!/usr/bin/env bash
# ctest: the html report of the bundled example plus hostile pages, opened in headless
# Chromium (Debian's `chromium`). Checks on the DOM after scripts could have run
# (--dump-dom): one section per input and one row per finding, as many as the JSON
# report has; a page whose title holds <script> or an onerror= attribute runs nothing
# (neither with the report's Content-Security-Policy nor with it cut out, so the escaping
# alone is tested too); a control page that does run a script is seen to, so the check
# can fail. Saves a screenshot as BUILD_DIR/html-report.png. Exits 77 (skip) only when
# chromium is missing or cannot start.
# Usage: tests/html_chromium.sh CREDCHECK_BINARY BUILD_DIR   (from the source folder)
set -uo pipefail
bin="$1"
build="$2"
start=$(date +%s.%N)
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "skipped: chromium is not installed (ci/setup installs it)"
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Root needs --no-sandbox; a profile of its own so parallel runs do not share one.
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions
       --user-data-dir="$work/profile" --virtual-time-budget=2000)
dom() { timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$1" 2>"$work/chromium.log"; }
echo '<!DOCTYPE html><title>probe</title>' >"$work/probe.html"
if ! dom "$work/probe.html" | grep -q '<title>probe</title>'; then
  echo "skipped: chromium cannot start:"; tail -5 "$work/chromium.log"
  exit 77
fi

# The example's pages, and two hostile copies of one: markup in the title and in a credit
# line, and a file name that is markup.
mkdir -p "$work/pages"
cp fixtures/xijiang/reprints/*.html "$work/pages/"
hostile_title="<title>星湖绿道<script>document.title='PWNED';document.documentElement.appendChild(document.createElement('pwned'))</script><img src=x onerror=\"document.title='PWNED'\"></title>"
python3 - "$work/pages" "$hostile_title" <<'PY'
import sys, re
d, title = sys.argv[1], sys.argv[2]
page = open(f"{d}/missing-source.html", encoding="utf-8").read()
page = re.sub(r"<title>.*?</title>", lambda m: title, page, count=1)
page = page.replace('<div id="zoom">',
    '<p>来源：&lt;img src=x onerror="document.body.appendChild(document.createElement(\'pwned\'))"&gt;</p><div id="zoom">', 1)
open(f"{d}/hostile-title.html", "w", encoding="utf-8").write(page)
open(f"{d}/<svg onload=document.title='PWNED'>.html", "w", encoding="utf-8").write(page)
PY
sed 's/licensees: \[\]/licensees: [www.partner.example]/' rules/xijiang-daily.yaml >"$work/pack.yaml"
"$bin" scan --rules "$work/pack.yaml" --base-url https://www.partner.example/news/ \
  --original fixtures/xijiang/originals/ --output "$work/report.json" --report html="$work/report.html" -q \
  "$work/pages/"
code=$?
if [ $code -ne 0 ] && [ $code -ne 1 ] && [ $code -ne 3 ]; then
  echo "credcheck scan failed with exit $code" >&2
  exit 1
fi
# The same report with its Content-Security-Policy cut out: only the escaping protects it.
grep -v 'http-equiv="Content-Security-Policy"' "$work/report.html" >"$work/no-csp.html"
# The control: a report-like page that does run a script, which the check must notice.
printf '<!DOCTYPE html><title>x</title><body><script>document.title="PWNED";document.body.appendChild(document.createElement("pwned"))</script>' >"$work/control.html"
for page in report no-csp control; do
  dom "$work/$page.html" >"$work/$page.dom" || { echo "chromium failed on $page.html:"; tail -5 "$work/chromium.log"; exit 1; }
done
timeout 120 "$browser" "${flags[@]}" --window-size=1280,2400 --screenshot="$build/html-report.png" \
  "file://$work/report.html" 2>>"$work/chromium.log"
python3 - "$work" "$build/html-report.png" <<'PY'
import json, os, re, sys
work, shot = sys.argv[1], sys.argv[2]
report = json.load(open(f"{work}/report.json"))
findings = sum(len(r["findings"]) for r in report["results"])
inputs = report["summary"]["inputs"]
failed = []
def check(ok, what):
    if not ok: failed.append(what)

def ran(dom):
    """Did anything a page wrote run? The payloads set the title or add a <pwned> element."""
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    return "<pwned" in dom or (title is not None and "PWNED" in title.group(1))

for page in ("report", "no-csp"):
    dom = open(f"{work}/{page}.dom", encoding="utf-8").read()
    rows = len(re.findall(r'<tr class="finding ', dom))
    sections = len(re.findall(r'<section class="page ', dom))
    check(rows == findings, f"{page}: {rows} finding rows, the JSON has {findings}")
    check(sections == inputs, f"{page}: {sections} pages, the JSON has {inputs}")
    check(not ran(dom), f"{page}: a page's markup ran")
    check("<img" not in dom and "<svg" not in dom and "<script" not in dom,
          f"{page}: a page's markup became an element")
    # The hostile pages were rendered, their markup as text.
    check("&lt;script&gt;document.title" in dom, f"{page}: the hostile title is not shown")
    check("onerror=" in dom, f"{page}: the hostile credit line is not shown")
    check(f"<td>{inputs}</td>" in dom, f"{page}: the summary does not show {inputs} inputs")
check(ran(open(f"{work}/control.dom", encoding="utf-8").read()), "control: the script that should run did not")
check(os.path.exists(shot) and os.path.getsize(shot) > 10000, f"no screenshot at {shot}")
for f in failed: print("FAIL:", f, file=sys.stderr)
print(f"{inputs} pages, {findings} findings rendered; screenshot {shot}")
sys.exit(1 if failed else 0)
PY
rc=$?
echo "chromium check took $(echo "$(date +%s.%N) - $start" | bc) s"
exit $rc
