#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The live room under load: a coach and 12 simulated laptops (sam-live-peer
processes) on loopback, each writing 10 cards a second for 60 s.  Prints the
edits the coach applied, the median and 99th percentile of the latency from
a laptop's commit to the coach's commit of the same card, and the coach's CPU
time as a share of one core.  Targets (issue 18): every edit applied, median
<= 50 ms, p99 <= 200 ms, CPU <= 25 %.

usage: bench-live.py SAM-LIVE-PEER [LAPTOPS] [SECONDS] [RATE]"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    peer = sys.argv[1]
    laptops = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else float(os.environ.get("SAM_BENCH_LIVE_SECONDS", 60))
    rate = float(sys.argv[4]) if len(sys.argv) > 4 else 10.0
    edits = int(seconds * rate)
    teams = ["Sales", "Back Office", "IT", "Compliance"]
    root = tempfile.mkdtemp(prefix="samenspel-bench-live-")
    env = dict(os.environ, G_DEBUG="fatal-warnings")

    coach = subprocess.Popen([peer, "coach", "--data", f"{root}/coach", "--sample", "--bench"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    line = coach.stdout.readline()
    uri = re.search(r"uri=(\S+)", line).group(1)

    procs = []
    for i in range(laptops):
        procs.append(subprocess.Popen(
            [peer, "laptop", "--data", f"{root}/laptop-{i}", "--uri", uri, "--team", teams[i % len(teams)],
             "--label", f"laptop {i}", "--edits", str(edits), "--rate", str(rate), "--bench",
             "--exit-when-synced"], stdout=subprocess.DEVNULL, env=env))

    # The coach's CPU from the moment the laptops start until the last one
    # has every card acknowledged.
    cpu_before, wall_before = cpu_seconds(coach.pid), time.monotonic()
    failed = sum(1 for p in procs if p.wait(timeout=seconds * 4 + 120) != 0)
    cpu, wall = cpu_seconds(coach.pid) - cpu_before, time.monotonic() - wall_before

    coach.stdin.write("latency\n")
    coach.stdin.flush()
    latency = ""
    while not latency.startswith("LATENCY"):
        latency = coach.stdout.readline().strip()
    coach.send_signal(signal.SIGTERM)
    coach.wait(timeout=30)
    shutil.rmtree(root, ignore_errors=True)

    applied = int(re.search(r"n=(\d+)", latency).group(1))
    print(f"live room: {laptops} laptops x {rate:g} edits/s for {seconds:g} s")
    print(f"edits applied: {applied} of {laptops * edits}; laptops that failed: {failed}")
    print(latency.replace("LATENCY ", "edit-to-coach-commit latency: "))
    print(f"coach CPU: {cpu:.1f} s in {wall:.1f} s = {100 * cpu / wall:.1f} % of a core")
    return 0 if applied == laptops * edits and failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
