#!/usr/bin/env bash
# Kiosk benchmarks, run on demand (needs: xvfb, time):
#   tests/bench/kiosk_bench.sh [build-folder] [peer-script]
# Prints: cold start to first frame and peak RSS (dummy driver, software renderer, and a real
# window under Xvfb), idle CPU over 10 s on the welcome screen under Xvfb, and autopilot speed.
# With a peer script (the first screen as a web page in headless Chromium, such as
# chromium-first-screen.sh beside the project's shared fixtures), the same figures for it in
# the same run, and how many times faster and smaller the kiosk is.
set -euo pipefail
build=${1:-build}
peer=${2:-}
kiosk=$build/streetvoice-kiosk
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

start_figures() {  # $1 = label, then env assignments
  local label=$1; shift
  : > "$work/times"
  for i in $(seq 1 15); do
    env "$@" /usr/bin/time -f "%e %M" -o "$work/t" "$kiosk" --data-dir "$work/data" --exit-after-first-frame
    cat "$work/t" >> "$work/times"
  done
  start_ms=$(awk '{print $1*1000}' "$work/times" | median)
  start_mib=$(awk '{print $2/1024}' "$work/times" | median)
  printf '%-44s median %5.0f ms   peak RSS median %6.1f MiB\n' "$label" "$start_ms" "$start_mib"
}

"$kiosk" --data-dir "$work/data" --exit-after-first-frame  # create the answers file first
start_figures "cold start to first frame (dummy, software)" SDL_VIDEODRIVER=dummy
if [ -n "$peer" ]; then
  kiosk_ms=$start_ms kiosk_mib=$start_mib
  : > "$work/peer"
  for i in $(seq 1 5); do
    /usr/bin/time -f "%e %M" -o "$work/t" sh "$peer" "$work/peer.png" >/dev/null 2>&1
    cat "$work/t" >> "$work/peer"
  done
  peer_ms=$(awk '{print $1*1000}' "$work/peer" | median)
  peer_mib=$(awk '{print $2/1024}' "$work/peer" | median)
  printf '%-44s median %5.0f ms   peak RSS median %6.1f MiB\n' "the same screen in headless Chromium" "$peer_ms" "$peer_mib"
  awk -v km="$kiosk_ms" -v kr="$kiosk_mib" -v pm="$peer_ms" -v pr="$peer_mib" \
    'BEGIN { printf "%-44s %.1fx faster, %.1fx smaller\n", "the kiosk against Chromium", pm / km, pr / kr }'
fi

Xvfb :77 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for i in $(seq 1 50); do [ -e /tmp/.X11-unix/X77 ] && break; sleep 0.1; done
start_figures "cold start to first frame (Xvfb window)" DISPLAY=:77

DISPLAY=:77 "$kiosk" --data-dir "$work/data" &
kiosk_pid=$!
sleep 3  # let it settle on the welcome screen
ticks() { awk '{print $14 + $15}' "/proc/$kiosk_pid/stat"; }
before=$(ticks)
sleep 10
after=$(ticks)
kill "$kiosk_pid"
wait "$kiosk_pid" 2>/dev/null || true
awk -v d=$((after - before)) -v hz="$(getconf CLK_TCK)" \
  'BEGIN { printf "%-44s %.2f %% of one core (%d ticks in 10 s)\n", "idle CPU on the welcome screen (Xvfb)", d * 100 / (hz * 10), d }'

start=$(date +%s.%N)
"$kiosk" --data-dir "$work/auto" --autopilot 20 --seed 1 > /dev/null
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "%-44s %.2f s per citizen (20 citizens)\n", "autopilot, 1280x800 software", (e - s) / 20 }'
