#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest: valid JSON, the right app id, command and GNOME
runtime, a sandbox without home/host file access, the network and one D-Bus
name only for the live room (the room's local network and Avahi on the system
bus), and a module that runs the tests and leaves local build directories out
of its source."""

import json
import sys

EXPECTED = {
    'runtime': 'org.gnome.Platform',
    'runtime-version': '51',
    'sdk': 'org.gnome.Sdk',
    'command': 'samenspel',
}
# flatpak-builder's `skip` takes paths, not patterns: every build directory the
# project's scripts make is named.
MUST_SKIP = ('_build', '_build-sid', '_build-asan', '_compat', '_flatpak')
FORBIDDEN_PREFIXES = ('--filesystem=home', '--filesystem=host', '--filesystem=~',
                      '--talk-name', '--system-talk-name', '--own-name',
                      '--socket=session-bus', '--socket=system-bus')
# The live room (issue 18, docs/live-room.md): laptops reach the coach over the
# room's network, and the room is announced and found through Avahi.
LIVE_ROOM_ARGS = ('--share=network', '--system-talk-name=org.freedesktop.Avahi')


def main(path):
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f'{path}: cannot parse as JSON: {e}')
        return 1
    errors = []
    app_id = manifest.get('app-id', manifest.get('id'))
    if app_id != 'io.github.samenspel.Samenspel':
        errors.append(f'app-id is {app_id!r}, expected io.github.samenspel.Samenspel')
    for key, want in EXPECTED.items():
        if manifest.get(key) != want:
            errors.append(f'{key} is {manifest.get(key)!r}, expected {want!r}')
    for arg in manifest.get('finish-args', []):
        if arg in LIVE_ROOM_ARGS:
            continue
        if arg.startswith(FORBIDDEN_PREFIXES):
            errors.append(f'finish-arg {arg} gives too much access; use portals')
    modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
    app = [m for m in modules if m.get('name') == 'samenspel']
    if not app:
        errors.append('no module named samenspel')
    elif app[-1].get('buildsystem') != 'meson':
        errors.append('module samenspel does not use buildsystem meson')
    if app:
        if app[-1].get('run-tests') is not True:
            errors.append('module samenspel does not set run-tests: true')
        for source in app[-1].get('sources', []):
            if isinstance(source, dict) and source.get('type') == 'dir':
                missing = [d for d in MUST_SKIP if d not in source.get('skip', [])]
                if missing:
                    errors.append(f'dir source does not skip {", ".join(missing)}')
    for e in errors:
        print(f'{path}: {e}')
    if not errors:
        print(f'{path}: ok')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
