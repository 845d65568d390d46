#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check a shared-mime-info package file: well-formed, declares
application/x-samenspel with the *.samenspel glob, a subclass of JSON, and a
comment.  With --translated LANG, also require a comment in that language
(checks the file i18n.merge_file built)."""

import sys
import xml.dom.minidom

NS = 'http://www.freedesktop.org/standards/shared-mime-info'
XML_NS = 'http://www.w3.org/XML/1998/namespace'


def main(argv):
    path = argv[1]
    lang = argv[3] if len(argv) > 3 and argv[2] == '--translated' else None
    try:
        doc = xml.dom.minidom.parse(path)
    except Exception as e:  # ExpatError and friends
        print(f'{path}: not well-formed XML: {e}')
        return 1
    root = doc.documentElement
    errors = []
    if root.namespaceURI != NS and root.getAttribute('xmlns') != NS:
        errors.append('root is not a shared-mime-info <mime-info>')
    types = {t.getAttribute('type'): t for t in root.getElementsByTagName('mime-type')}
    t = types.get('application/x-samenspel')
    if t is None:
        errors.append('no <mime-type type="application/x-samenspel">')
    else:
        globs = [g.getAttribute('pattern') for g in t.getElementsByTagName('glob')]
        if '*.samenspel' not in globs:
            errors.append('no <glob pattern="*.samenspel">')
        parents = [s.getAttribute('type') for s in t.getElementsByTagName('sub-class-of')]
        if 'application/json' not in parents:
            errors.append('not a <sub-class-of type="application/json">')
        comments = t.getElementsByTagName('comment')
        plain = [c for c in comments if not c.getAttribute('xml:lang')]
        if not plain or not plain[0].firstChild or not plain[0].firstChild.data.strip():
            errors.append('no untranslated <comment>')
        if lang and not any(c.getAttribute('xml:lang') == lang for c in comments):
            errors.append(f'no <comment xml:lang="{lang}"> (translations not merged)')
    for e in errors:
        print(f'{path}: {e}')
    if not errors:
        print(f'{path}: ok')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
