#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The uninstalled app speaks Dutch: `meson devenv -C BUILDDIR samenspel`
under LANGUAGE=nl finds the catalogue compiled in the build folder.

Usage: check-devenv-dutch.py MESON BUILDDIR SAMENSPEL
"""
import os
import subprocess
import sys

meson, builddir, samenspel = sys.argv[1:4]
env = dict(os.environ)
for name in ('DISPLAY', 'WAYLAND_DISPLAY', 'SAMENSPEL_LOCALEDIR', 'LC_ALL', 'LC_MESSAGES', 'LANG'):
    env.pop(name, None)
env['LANGUAGE'] = 'nl'

# With the user's locale and with none at all (glibc ignores LANGUAGE in
# the C locale; the app works around that).
for lang in ('C.UTF-8', None):
    if lang is None:
        env.pop('LANG', None)
    else:
        env['LANG'] = lang
    # Wrong usage prints a hint on stderr and exits 2, without a display.
    result = subprocess.run([meson, 'devenv', '-C', builddir, samenspel, 'export'],
                            env=env, capture_output=True, text=True, timeout=60)
    print(f'LANG={lang}:', result.stderr)
    if result.returncode != 2:
        sys.exit(f'expected exit status 2, got {result.returncode}')
    if 'Typ “samenspel --help”' not in result.stderr or 'Try ' in result.stderr:
        sys.exit(f'LANG={lang}: the uninstalled app did not speak Dutch under LANGUAGE=nl')
