#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the app icons: well-formed SVG, the right canvas, no text and no
external references; the symbolic icon uses only #2e3436 fills."""

import re
import sys
import xml.dom.minidom


def check(path, size, symbolic):
    errors = []
    try:
        doc = xml.dom.minidom.parse(path)
    except Exception as e:
        return [f'not well-formed XML: {e}']
    svg = doc.documentElement
    if svg.tagName != 'svg':
        errors.append('root element is not <svg>')
    if svg.getAttribute('viewBox').split() != ['0', '0', str(size), str(size)]:
        errors.append(f'viewBox is not "0 0 {size} {size}"')
    if doc.getElementsByTagName('text'):
        errors.append('contains <text>')
    text = open(path, encoding='utf-8').read()
    if re.search(r'(?:xlink:)?href\s*=\s*["\'](?!#)', text) or 'url(http' in text:
        errors.append('contains an external reference')
    if symbolic:
        colours = set(c.lower() for c in re.findall(r'#[0-9a-fA-F]{3,6}\b', text))
        if colours - {'#2e3436'}:
            errors.append(f'uses colours other than #2e3436: {sorted(colours)}')
        if re.search(r'stroke\s*=', text):
            errors.append('uses strokes; GTK only recolours fills')
    return errors


def main(argv):
    scalable, symbolic = argv[1], argv[2]
    failed = False
    for path, size, sym in ((scalable, 128, False), (symbolic, 16, True)):
        for e in check(path, size, sym):
            print(f'{path}: {e}')
            failed = True
    if not failed:
        print('icons ok')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
