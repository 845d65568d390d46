#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line links no GTK: `ldd` on samenspel-cli lists neither
libgtk nor libadwaita, but the libraries it does need (so the check sees a
real list); the `samenspel` launcher links the C library alone."""

import subprocess
import sys


def libraries(binary):
    out = subprocess.run(['ldd', binary], check=True, capture_output=True, text=True).stdout
    return [line.split()[0] for line in out.splitlines() if line.strip()]


def main():
    cli, launcher = sys.argv[1], sys.argv[2]
    failed = False

    libs = libraries(cli)
    print('samenspel-cli:', ' '.join(libs))
    for needed in ('libsqlite3', 'libcairo', 'libpango', 'libjson-glib', 'libz'):
        if not any(lib.startswith(needed) for lib in libs):
            print(f'samenspel-cli does not link {needed}: is this the right binary?')
            failed = True
    for banned in ('libgtk', 'libadwaita', 'libgdk'):
        if any(lib.startswith(banned) for lib in libs):
            print(f'samenspel-cli links {banned}')
            failed = True

    libs = libraries(launcher)
    print('samenspel:', ' '.join(libs))
    if not any(lib.startswith('libc.so') for lib in libs):
        print('the launcher does not link the C library: is this the right binary?')
        failed = True
    for banned in ('libglib', 'libgtk', 'libadwaita', 'libcairo', 'libsqlite3'):
        if any(lib.startswith(banned) for lib in libs):
            print(f'the launcher links {banned}')
            failed = True

    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
