#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The uninstalled app speaks Dutch: `meson devenv -C BUILDDIR samenspel`
under LANGUAGE=nl finds the catalogue compiled in the build folder.

Usage: check-devenv-dutch.py MESON BUILDDIR SAMENSPEL
"""
import os
import subprocess
import sys
import tempfile

meson, builddir, samenspel = sys.argv[1:4]
base = dict(os.environ)
for name in ('DISPLAY', 'WAYLAND_DISPLAY', 'SAMENSPEL_LOCALEDIR', 'LC_ALL', 'LC_MESSAGES',
             'LANG', 'LOCPATH'):
    base.pop(name, None)
base['LANGUAGE'] = 'nl'

# A msgid of samenspel's catalogue with no format directive, and its Dutch.
PROBE = ('Agreed', 'Afgesproken')


def c_library_honours_language(env):
    """glibc ignores LANGUAGE in the C locale; from 2.37 also in C.UTF-8.
    The gettext utility asks the C library the same question the app does."""
    env = dict(env, TEXTDOMAINDIR=os.path.join(builddir, 'po'))
    out = subprocess.run(['gettext', '-d', 'samenspel', PROBE[0]], env=env,
                         capture_output=True, text=True).stdout
    return out == PROBE[1]


def check(env, label):
    # Wrong usage prints a hint on stderr and exits 2, without a display.
    result = subprocess.run([meson, 'devenv', '-C', builddir, samenspel, 'export'],
                            env=env, capture_output=True, text=True, timeout=60)
    print(f'{label}:', result.stderr)
    if result.returncode != 2:
        sys.exit(f'{label}: expected exit status 2, got {result.returncode}')
    if 'Typ “samenspel --help”' not in result.stderr or 'Try ' in result.stderr:
        sys.exit(f'{label}: the uninstalled app did not speak Dutch under LANGUAGE=nl')


# A real UTF-8 locale, made with localedef in a folder of our own when the
# system lacks it: LANGUAGE is honoured there by every C library.
with tempfile.TemporaryDirectory() as locpath:
    env = dict(base, LANG='en_GB.UTF-8')
    made = subprocess.run(['localedef', '-i', 'en_GB', '-f', 'UTF-8',
                           os.path.join(locpath, 'en_GB.UTF-8')],
                          capture_output=True)
    env['LOCPATH'] = locpath
    if not c_library_honours_language(env):
        sys.exit('en_GB.UTF-8 could not be made (localedef: '
                 f'{made.stderr.decode(errors="replace").strip()})')
    check(env, 'LANG=en_GB.UTF-8')

# With C.UTF-8 and with no locale at all, the app sets LC_MESSAGES=C.UTF-8
# so that a C library that honours LANGUAGE there (glibc up to 2.36, as on
# Debian 12) does; a newer one ignores it in every C locale, as it does for
# every program.
for lang in ('C.UTF-8', None):
    env = dict(base)
    if lang is not None:
        env['LANG'] = lang
    label = f'LANG={lang}'
    if c_library_honours_language(dict(env, LC_MESSAGES='C.UTF-8')):
        check(env, label)
    else:
        print(f'{label}: this C library ignores LANGUAGE in the C locale; not checked')
