#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a test on two monitors: mutter as a headless Wayland compositor with
# two virtual monitors (1920x1080 and 1024x768), the test on GDK's Wayland
# backend.  Xvfb cannot give GDK two monitors: `xrandr --setmonitor` makes
# monitors without an output, which GDK skips; Xvfb's Xinerama heads all sit
# at 0,0; without RandR GDK 4.8 sees one monitor (no Xinerama fallback);
# Xephyr (+xinerama, two -screen) and Xorg's dummy driver give RandR one
# output too.  Skipped (77) where mutter is not installed.
set -u

command -v mutter >/dev/null 2>&1 || { echo "mutter is not installed: two monitors skipped"; exit 77; }

runtime=$(mktemp -d)
chmod 700 "$runtime"
export XDG_RUNTIME_DIR="$runtime"
display=samenspel-two-monitors

# The test's fatal warnings and renderer are for the test, not the compositor.
env -u G_DEBUG -u GDK_DEBUG -u GSK_RENDERER -u GDK_BACKEND -u DISPLAY \
  mutter --headless --wayland --no-x11 --wayland-display="$display" \
  --virtual-monitor 1920x1080 --virtual-monitor 1024x768 >"$runtime/mutter.log" 2>&1 &
mutter_pid=$!

i=0
while [ ! -S "$runtime/$display" ] && [ $i -lt 100 ]; do
  sleep 0.1
  i=$((i + 1))
done
if [ ! -S "$runtime/$display" ]; then
  echo "mutter did not start:"
  cat "$runtime/mutter.log"
  kill "$mutter_pid" 2>/dev/null
  rm -rf "$runtime"
  exit 77
fi

WAYLAND_DISPLAY="$display" GDK_BACKEND=wayland "$@"
status=$?

kill "$mutter_pid" 2>/dev/null
wait "$mutter_pid" 2>/dev/null
rm -rf "$runtime"
exit $status
