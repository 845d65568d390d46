#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The rehearsal in every language and screen size at once, as one TAP test.

Each configuration (LANG-WIDTHxHEIGHT, with "-fullscreen" for a full-screen
run, "-team" for a team's laptop round trip, or "-joined" for a team's laptop
joining the live room) is one run of rehearsal.py.  Every run brings its own Xvfb, window
manager, D-Bus session and accessibility bus, so the runs are independent and
go side by side: most of a run is a person's pace (typing at 80 ms a key,
waiting for the page), not work for the machine.  At most --jobs run at once;
the starts are spread a little so that not every app starts in the same
second.  Each run's output goes to OUTDIR/<config>.log and, when it fails,
into the TAP stream and to stderr (which meson prints).  A run that fails
before the app's window appears (exit 75: its own display or bus did not
come up) is started once more, and says so.

usage: suite.py [--jobs N] BUILDDIR OUTDIR CONFIG...
"""

import argparse
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
START_SPACING_S = 3.0


def command(config, builddir, outdir):
    parts = config.split('-')
    if len(parts) not in (2, 3) or (len(parts) == 3 and parts[2] not in ('fullscreen', 'team', 'joined')):
        raise SystemExit('%s: not a configuration like nl-1024x768-fullscreen' % config)
    argv = [sys.executable, os.path.join(HERE, 'rehearsal.py'),
            '--lang', parts[0], '--size', parts[1]]
    if len(parts) == 3:
        argv.append('--' + {'fullscreen': 'fullscreen', 'team': 'team-laptop', 'joined': 'joined-laptop'}[parts[2]])
    return argv + [builddir, outdir]


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--jobs', type=int, default=0,
                        help='runs at once (default: all of them)')
    parser.add_argument('builddir')
    parser.add_argument('outdir')
    parser.add_argument('configs', nargs='+')
    args = parser.parse_args()

    os.makedirs(args.outdir, exist_ok=True)
    pending = [(config, command(config, args.builddir, args.outdir)) for config in args.configs]
    jobs = args.jobs if args.jobs > 0 else len(pending)
    running = {}
    results = []
    retried = set()

    def stop_all(*_):
        for process, _, _, _ in running.values():
            process.terminate()
        for process, _, _, _ in running.values():
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        sys.exit(124)

    signal.signal(signal.SIGTERM, stop_all)
    signal.signal(signal.SIGINT, stop_all)

    print('1..%d' % len(pending), flush=True)
    started = time.monotonic()
    last_start = 0.0
    while pending or running:
        if pending and len(running) < jobs and time.monotonic() - last_start >= START_SPACING_S:
            config, argv = pending.pop(0)
            log_path = os.path.join(args.outdir, config + '.log')
            log_file = open(log_path, 'w')
            process = subprocess.Popen(argv, stdout=log_file, stderr=subprocess.STDOUT)
            running[process.pid] = (process, config, log_path, time.monotonic())
            last_start = time.monotonic()
            continue
        time.sleep(0.5)
        for pid in list(running):
            process, config, log_path, began = running[pid]
            if process.poll() is None:
                continue
            del running[pid]
            # A run that failed before the app's window was there (its
            # display, bus or accessibility bus did not come up: exit 75)
            # goes once more; its log is kept in the output.
            if process.returncode == 75 and config not in retried:
                retried.add(config)
                with open(log_path, errors='replace') as f:
                    first = f.read()
                print('# %s: did not start (exit 75), once more' % config, flush=True)
                sys.stderr.write('--- %s did not start (exit 75), started once more ---\n%s\n'
                                 % (config, first[-6000:]))
                sys.stderr.flush()
                pending.insert(0, (config, command(config, args.builddir, args.outdir)))
                continue
            results.append(config)
            number = len(results)
            took = time.monotonic() - began
            with open(log_path, errors='replace') as f:
                lines = [line.rstrip('\n') for line in f
                         if 'dbus-daemon' not in line or 'cpu:' in line]
            if process.returncode == 0:
                print('ok %d - %s (%.0f s)' % (number, config, took), flush=True)
                for line in lines:
                    if line.startswith('cpu:'):
                        print('# ' + line, flush=True)
            else:
                print('not ok %d - %s (%.0f s, exit %d)'
                      % (number, config, took, process.returncode), flush=True)
                for line in lines:
                    print('# ' + line, flush=True)
                # meson's --print-errorlogs shows a TAP test's stderr only.
                sys.stderr.write('--- %s (exit %d) ---\n%s\n'
                                 % (config, process.returncode, '\n'.join(lines[-80:])))
                sys.stderr.flush()
    print('# %d runs, %d at once, in %.0f s' % (len(results), jobs, time.monotonic() - started),
          flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
