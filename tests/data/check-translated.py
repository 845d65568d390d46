#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that the desktop file and the metainfo that i18n.merge_file built
carry each language's translation: the desktop file its Name, Comment and
Keywords, the metainfo its summary and description.

usage: check-translated.py DESKTOP METAINFO LANG...
"""

import sys
import xml.dom.minidom

XML_LANG = 'xml:lang'


def main(argv):
    desktop, metainfo, langs = argv[1], argv[2], argv[3:]
    errors = []
    with open(desktop, encoding='utf-8') as f:
        keys = {line.split('=', 1)[0] for line in f if '=' in line}
    doc = xml.dom.minidom.parse(metainfo)
    component = doc.documentElement
    for lang in langs:
        for key in ('Name', 'Comment', 'Keywords'):
            if f'{key}[{lang}]' not in keys:
                errors.append(f'{desktop}: no {key}[{lang}] (translations not merged)')
        summaries = [s for s in component.getElementsByTagName('summary')
                     if s.parentNode is component and s.getAttribute(XML_LANG) == lang]
        if not summaries:
            errors.append(f'{metainfo}: no <summary xml:lang="{lang}">')
        description = component.getElementsByTagName('description')
        paragraphs = [p for d in description[:1] for p in d.getElementsByTagName('p')
                      if p.getAttribute(XML_LANG) == lang]
        if not paragraphs:
            errors.append(f'{metainfo}: no description paragraph in {lang}')
    for e in errors:
        print(e)
    if not errors:
        print(f'{desktop}, {metainfo}: {", ".join(langs)} ok')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
