#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The one-day programme rehearsed like a person would.

Real X input (xdotool, XTest) on widgets found in the accessibility tree
(AT-SPI), in one language at one screen size.  The script starts its own
Xvfb, openbox (for a real full screen), D-Bus session and accessibility bus,
runs the uninstalled app with a fresh data folder, and after every step checks
what the database holds, that the window fits the screen, that no label of the
page is ellipsized and that an exercise's card area takes at least 40% of the
window's height (the app's layout probe, SAMENSPEL_LAYOUT_PROBE, says so).
A screenshot per step goes to OUTDIR/<lang>-<size>/NN-step.png.

With --team-laptop it rehearses a team's laptop instead: a team packet opens
in team mode, the team types its first card (type, Enter: nothing else) and
saves the team's work through the save dialog.

usage: rehearsal.py --lang nl --size 1024x768 [--fullscreen | --team-laptop] BUILDDIR OUTDIR
"""

import argparse
import faulthandler
import gettext
import json
import os
import shutil
import signal
import sqlite3
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import uuid

TYPING_DELAY_MS = 80
CARD_AREA_SHARE = 0.4


class RehearsalError(Exception):
    pass


class GoneError(RehearsalError):
    """A control found a moment ago is no longer on the screen: a list
    view bound its row to another item, or made it again."""


def log(message):
    print(message, flush=True)


class Session:
    """Xvfb, openbox, the accessibility bus and the app, all our own."""

    def __init__(self, args):
        self.args = args
        self.app_seen = False       # the app's window was on the accessibility bus
        self.width, self.height = (int(v) for v in args.size.split('x'))
        self.tmp = tempfile.mkdtemp(prefix='samenspel-rehearsal-')
        self.probe_path = os.path.join(self.tmp, 'layout.json')
        self.processes = []
        self.app_process = None

    def start_xvfb(self):
        """An Xvfb of our own, once it takes connections: its display number."""
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(['Xvfb', '-displayfd', str(write_fd), '-screen', '0',
                                 '%dx%dx24' % (self.width, self.height), '-nolisten', 'tcp',
                                 # Without -noreset the server starts over each time
                                 # its last client leaves (our probe below, a helper
                                 # that only sets a property): a client that comes
                                 # then is refused, or finds the root window's
                                 # AT_SPI_BUS property gone.
                                 '-noreset'],
                                pass_fds=(write_fd,), stderr=subprocess.DEVNULL)
        os.close(write_fd)
        self.processes.append(xvfb)
        with os.fdopen(read_fd) as pipe:
            display = pipe.readline().strip()
        # Seen once in a parallel run: the app could not open the display
        # Xvfb had announced.  Make sure it answers before anything uses it.
        deadline = time.monotonic() + 5
        while display and xvfb.poll() is None and time.monotonic() < deadline:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                try:
                    probe.connect('/tmp/.X11-unix/X' + display)
                    return display
                except OSError:
                    time.sleep(0.1)
        xvfb.kill()
        xvfb.wait()
        self.processes.remove(xvfb)
        return None

    def start_display(self):
        display = self.start_xvfb() or self.start_xvfb()
        if not display:
            raise RehearsalError('Xvfb did not start')
        os.environ['DISPLAY'] = ':' + display
        self.processes.append(subprocess.Popen(['openbox', '--sm-disable'],
                                               stdout=subprocess.DEVNULL,
                                               stderr=subprocess.DEVNULL))
        self.processes.append(subprocess.Popen(['/usr/libexec/at-spi-bus-launcher',
                                                '--launch-immediately'],
                                               stdout=subprocess.DEVNULL,
                                               stderr=subprocess.DEVNULL))
        time.sleep(1.0)

    def start_app(self, files=()):
        build = self.args.builddir
        env = dict(os.environ)
        for name in ('NO_AT_BRIDGE', 'GTK_A11Y', 'G_DEBUG', 'WAYLAND_DISPLAY'):
            env.pop(name, None)
        data = os.path.join(self.tmp, 'data')
        os.makedirs(data)
        env.update({
            'GDK_BACKEND': 'x11',
            'GSK_RENDERER': 'cairo',
            'GSETTINGS_BACKEND': 'memory',
            'GSETTINGS_SCHEMA_DIR': os.path.join(build, 'data'),
            'GTK_USE_PORTAL': '0',
            'XDG_DATA_HOME': data,
            'XDG_CONFIG_HOME': os.path.join(self.tmp, 'config'),
            'XDG_CACHE_HOME': os.path.join(self.tmp, 'cache'),
            'LANG': 'C.UTF-8',
            'LANGUAGE': self.args.lang,
            'SAMENSPEL_LOCALEDIR': os.path.join(build, 'po'),
            'SAMENSPEL_LIBEXECDIR': os.path.join(build, 'src'),
            'SAMENSPEL_LAYOUT_PROBE': self.probe_path,
        })
        self.db_path = os.path.join(data, 'samenspel', 'samenspel.db')
        self.app_log = open(os.path.join(self.tmp, 'app.log'), 'w')
        self.app_process = subprocess.Popen([os.path.join(build, 'src', 'samenspel')] + list(files),
                                            env=env, stdout=self.app_log, stderr=subprocess.STDOUT)

    def cpu_seconds(self):
        """CPU time (user + system) so far of each process below this one,
        by name: the app, the X server, the accessibility bus…"""
        ticks = os.sysconf('SC_CLK_TCK')
        stats = {}
        for entry in os.listdir('/proc'):
            if entry.isdigit():
                try:
                    with open('/proc/%s/stat' % entry) as f:
                        stat = f.read()
                except OSError:
                    continue
                name = stat[stat.index('(') + 1:stat.rindex(')')]
                fields = stat[stat.rindex(')') + 2:].split()
                stats[int(entry)] = (name, int(fields[1]), int(fields[11]) + int(fields[12]))
        mine = {os.getpid()}
        changed = True
        while changed:
            changed = False
            for pid, (_, ppid, _) in stats.items():
                if ppid in mine and pid not in mine:
                    mine.add(pid)
                    changed = True
        totals = {}
        for pid in mine:
            name, _, cpu = stats[pid]
            totals[name] = totals.get(name, 0.0) + cpu / ticks
        return totals

    def stop(self):
        if self.app_process is not None and self.app_process.poll() is None:
            self.app_process.terminate()
            try:
                self.app_process.wait(5)
            except subprocess.TimeoutExpired:
                self.app_process.kill()
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(self.tmp, ignore_errors=True)


def run(*argv):
    return subprocess.run(argv, check=True, capture_output=True, text=True).stdout


class Driver:
    """Finds controls by role and accessible name and works them with XTest."""

    def __init__(self, session):
        import pyatspi
        self.atspi = pyatspi
        global GLib
        from gi.repository import GLib
        self.session = session
        self.visited = 0
        self.translation = gettext.translation('samenspel',
                                               os.path.join(session.args.builddir, 'po'),
                                               languages=[session.args.lang], fallback=True)

    def _(self, msgid):
        """The text the app shows for @msgid, without mnemonic underscores."""
        return self.translation.gettext(msgid).replace('_', '')

    def app(self, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            desktop = self.atspi.Registry.getDesktop(0)
            for child in desktop:
                if child is not None and child.name == 'samenspel' and child.childCount > 0:
                    self.session.app_seen = True
                    return child
            time.sleep(0.2)
        raise RehearsalError('the app did not appear on the accessibility bus')

    @staticmethod
    def extents(acc):
        try:
            box = acc.queryComponent().getExtents(1)  # relative to its window
        except Exception:
            return None
        return (box.x, box.y, box.width, box.height)

    @staticmethod
    def name_matches(acc_name, text):
        # GTK 4.8 names a button with a mnemonic "_Label Label".
        plain = acc_name.replace('_', '')
        return plain == text or plain == text + ' ' + text

    def find_all(self, root, role=None, name=None, test=None):
        found = []

        # GTK 4.8 shows a menu button as a button around its own toggle,
        # both with its name: one control, the inner one is clicked.
        def walk(acc, matched_above):
            self.visited += 1
            box = self.extents(acc)
            if box is not None and (box[2] <= 0 or box[3] <= 0):
                return
            try:
                matched = ((role is None or acc.getRoleName() == role)
                           and (name is None or self.name_matches(acc.name, name))
                           and (test is None or test(acc)))
                children = [child for child in acc]
            except GLib.GError:
                # Gone while we looked (a page made again, a row recycled):
                # neither it nor what was below it is on the screen now, and
                # find() looks again.
                return
            if matched:
                if matched_above is not None and matched_above in found:
                    found.remove(matched_above)
                found.append(acc)
            for child in children:
                if child is not None:
                    walk(child, acc if matched else matched_above)

        walk(root, None)
        return found

    def find(self, root, role=None, name=None, test=None, timeout=10):
        """The one control that matches, waiting for it to appear."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.find_all(root, role, name, test)
            if len(found) == 1:
                return found[0]
            if time.monotonic() > deadline:
                raise RehearsalError('%d controls with role %r and name %r'
                                     % (len(found), role, name))
            time.sleep(0.25)

    def window(self, role='frame', timeout=10):
        """The one shown window of the app with this role: only the app's
        own children are looked at, never the widgets inside them."""
        deadline = time.monotonic() + timeout
        while True:
            found = []
            for child in self.app():
                if child is None or child.getRoleName() != role:
                    continue
                box = self.extents(child)
                if box is not None and box[2] > 0 and box[3] > 0:
                    found.append(child)
            if len(found) == 1:
                return found[0]
            if time.monotonic() > deadline:
                raise RehearsalError('%d windows with role %r' % (len(found), role))
            time.sleep(0.25)

    def toplevel(self, acc):
        while acc is not None and acc.getRoleName() not in ('frame', 'dialog', 'alert', 'file chooser'):
            acc = acc.parent
        return acc

    @staticmethod
    def active_window_geometry():
        """The active window's X, Y, width and height on the screen, as X
        has them (with the margin GTK keeps around a window)."""
        geometry = dict(line.split('=') for line in
                        run('xdotool', 'getactivewindow', 'getwindowgeometry', '--shell').split())
        return (int(geometry['X']), int(geometry['Y']),
                int(geometry['WIDTH']), int(geometry['HEIGHT']))

    def screen_point(self, acc):
        """The centre of @acc on the screen: its window's X geometry plus
        the invisible margin GTK keeps around a window, plus its extents."""
        box = self.extents(acc)
        if box is None:
            raise GoneError('%r is no longer on the screen' % acc.name)
        x, y, width, height = box
        top = self.toplevel(acc)
        _, _, top_width, top_height = self.extents(top)
        left, top_y, window_width, window_height = self.active_window_geometry()
        margin_x = (window_width - top_width) // 2
        margin_y = (window_height - top_height) // 2
        return (left + margin_x + x + width // 2,
                top_y + margin_y + y + height // 2)

    def click(self, acc):
        # No --sync: it waits forever when the pointer is there already.
        x, y = self.screen_point(acc)
        run('xdotool', 'mousemove', str(x), str(y), 'sleep', '0.1', 'click', '1')
        time.sleep(0.3)

    def wheel_over(self, acc, button):
        """Turns the mouse wheel once (button 5 down, 4 up) with the pointer
        in @acc's column, kept inside the window: a wheel over the desktop
        would make the window manager switch desktops."""
        x, _ = self.screen_point(acc)
        left, top, width, height = self.active_window_geometry()
        x = min(max(x, left + 10), left + width - 10)
        y = top + height // 2
        run('xdotool', 'mousemove', str(x), str(y), 'click', button)

    def wheel_to_top(self, acc, turns=25):
        """Turns the wheel up over the lower part of the window, where a
        page's list is, as many times as a long list needs."""
        x, _ = self.screen_point(acc)
        left, top, width, height = self.active_window_geometry()
        x = min(max(x, left + 10), left + width - 10)
        y = top + height * 3 // 4
        run('xdotool', 'mousemove', str(x), str(y), 'click', '--repeat', str(turns), '--delay', '40', '4')
        time.sleep(0.5)

    def scroll_to(self, acc, viewport_height):
        """Turns the mouse wheel over the page until @acc is on the screen."""
        for _ in range(60):
            box = self.extents(acc)
            if box is None:
                raise GoneError('%r is no longer on the screen' % acc.name)
            _, y, _, height = box
            if y >= 50 and y + height <= viewport_height - 10:
                return
            self.wheel_over(acc, '5' if y + height > viewport_height - 10 else '4')
            time.sleep(0.15)
        raise RehearsalError('the wheel does not bring %r into view' % acc.name)

    def type(self, text):
        # A letter missing from the keyboard map (é, è…) is not left to
        # xdotool: it types such a letter on a spare key that it maps for a
        # moment, and a loaded app that reads the key after the map is put
        # back sees nothing.  Such a letter goes in as a person on a US
        # keyboard enters it: Ctrl+Shift+U, its hex code and a space (GTK's
        # own input method), with keys that are always on the map.
        run_start = 0
        for i, char in enumerate(text + '\0'):
            if ord(char) > 127 or char == '\0':
                if i > run_start:
                    run('xdotool', 'type', '--delay', str(TYPING_DELAY_MS), text[run_start:i])
                if char != '\0':
                    run('xdotool', 'key', '--delay', str(TYPING_DELAY_MS), 'ctrl+shift+u',
                        *('%x' % ord(char)), 'space')
                run_start = i + 1
        time.sleep(0.3)

    def key(self, *keys):
        run('xdotool', 'key', '--delay', '60', *keys)
        time.sleep(0.3)


# What the room types, per language: a French- or German-speaking room writes
# its own language (accents and umlauts included), the others the Dutch sample
# the suite started with.
SAMPLES = {
    'nl': {
        'workshop': 'Samen voor de klant',
        'organisation': 'Gemeente Noord',
        'coach': 'Anna de Vries',
        'teams': ['Klantenservice', 'Backoffice', 'IT en Data', 'Compliance', 'Verkoop'],
        'changes': ['Nieuw klantportaal', 'Minder papier', 'Nieuwe wetgeving'],
        'impact': 'Meer vragen via chat',
        'perspective': ['Veel klantcontact', 'Snelle antwoorden'],
        'strength': 'Kennis van de klant',
        'challenge': 'Lange wachttijden',
        'beliefs': ['IT is altijd te laat', 'Wij ruimen alles op'],
        'ideas': ['Een loket voor alles', 'Samen lunchen', 'Vaste contactpersoon'],
        'agreement': 'Elke week een klantgesprek',
    },
    'fr': {
        'workshop': 'Ensemble pour le client',
        'organisation': 'Ville de Liège',
        'coach': 'Sophie Lambert',
        'teams': ['Service clients', 'Back-office', 'IT et données', 'Conformité', 'Vente'],
        'changes': ['Nouveau portail client', 'Moins de papier', 'Nouvelle législation'],
        'impact': 'Plus de questions par chat',
        'perspective': ['Beaucoup de contacts clients', 'Réponses rapides'],
        'strength': 'Connaissance du client',
        'challenge': "Longs délais d'attente",
        'beliefs': ["L'IT est toujours en retard", 'Nous réparons tout'],
        'ideas': ['Un guichet unique', 'Déjeuner ensemble', 'Un interlocuteur fixe'],
        'agreement': 'Appel client hebdomadaire',
    },
    'de': {
        'workshop': 'Gemeinsam für den Kunden',
        'organisation': 'Stadtverwaltung Köln',
        'coach': 'Jürgen Weiß',
        'teams': ['Kundenservice', 'Backoffice', 'IT und Daten', 'Compliance', 'Vertrieb'],
        'changes': ['Neues Kundenportal', 'Weniger Papier', 'Neue Gesetzgebung'],
        'impact': 'Mehr Anfragen über den Chat',
        'perspective': ['Viel Kundenkontakt', 'Schnelle Antworten'],
        'strength': 'Wir kennen unsere Kunden',
        'challenge': 'Lange Wartezeiten',
        'beliefs': ['Die IT ist immer zu spät', 'Wir räumen alles auf'],
        'ideas': ['Eine Anlaufstelle für alles', 'Gemeinsam Mittag essen', 'Feste Ansprechperson'],
        'agreement': 'Wöchentlicher Kundenanruf',
    },
}


class Rehearsal:
    """The day's programme, step by step, each step checked."""

    def __init__(self, session, driver, outdir):
        self.session = session
        self.sample = SAMPLES.get(session.args.lang, SAMPLES['nl'])
        self.TEAMS = self.sample['teams']
        self.d = driver
        self.outdir = outdir
        self.started = time.monotonic()
        self.step_number = 0
        self.fullscreen = session.args.fullscreen
        os.makedirs(outdir, exist_ok=True)

    # What is stored, read as another program would.
    def query(self, sql, *params):
        deadline = time.monotonic() + 5
        while True:
            try:
                with sqlite3.connect('file:%s?mode=ro' % self.session.db_path, uri=True) as db:
                    return db.execute(sql, params).fetchall()
            except sqlite3.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def expect_rows(self, sql, expected, *params):
        deadline = time.monotonic() + 5
        while True:
            rows = self.query(sql, *params)
            if rows == expected:
                return
            if time.monotonic() > deadline:
                raise RehearsalError('database: %s gave %r, expected %r' % (sql, rows, expected))
            time.sleep(0.2)

    def probe_text(self):
        """What the layout probe last wrote, or None before it wrote."""
        try:
            with open(self.session.probe_path) as f:
                return f.read()
        except FileNotFoundError:
            return None

    def layout(self):
        """The layout probe's description, once it has settled."""
        last = None
        for _ in range(40):
            time.sleep(0.25)
            text = self.probe_text()
            if text is None:
                continue
            if text == last:
                return json.loads(text)
            last = text
        return json.loads(last)

    def shown_page(self):
        """What the window shows now, as the layout probe last wrote it:
        "library", "workshop" or "error"."""
        try:
            return json.loads(self.probe_text() or '').get('page')
        except ValueError:
            return None

    def check(self, name, card_area=False):
        """After each step: the window fits the screen, no label of the
        page is ellipsized, the card area is large enough; a screenshot."""
        self.step_number += 1
        layout = self.layout()
        problems = []
        if layout['width'] > self.session.width or layout['height'] > self.session.height:
            problems.append('window %dx%d on a %dx%d screen'
                            % (layout['width'], layout['height'],
                               self.session.width, self.session.height))
        if layout['min-width'] > self.session.width:
            problems.append('minimum width %d' % layout['min-width'])
        if layout['ellipsized']:
            problems.append('ellipsized: %s' % ', '.join(layout['ellipsized']))
        if layout['cut-off']:
            problems.append('out of the window: %s' % ', '.join(layout['cut-off']))
        if card_area:
            area = layout['card-area']
            if area is None:
                problems.append('no card area')
            elif area['height'] < CARD_AREA_SHARE * layout['height']:
                problems.append('card area %d of %d px' % (area['height'], layout['height']))
            for height in layout['nested-scrollers']:
                if height < CARD_AREA_SHARE * layout['height']:
                    problems.append('a scroller of %d px inside the page' % height)
        shot = os.path.join(self.outdir, '%02d-%s.png' % (self.step_number, name))
        run('import', '-window', 'root', shot)
        log('%s %02d %s (%.0f s): window %dx%d, card area %s%s'
            % ('not ok' if problems else 'ok', self.step_number, name,
               time.monotonic() - self.started,
               layout['width'], layout['height'],
               layout['card-area']['height'] if layout['card-area'] else '-',
               (' — ' + '; '.join(problems)) if problems else ''))
        if problems:
            raise RehearsalError('%s: %s' % (name, '; '.join(problems)))

    def type_into(self, acc, text):
        """Clicks into a field, as a person does, and types."""
        self.d.click(acc)
        self.d.type(text)

    def activate_main_window(self):
        """Gives the app's window the focus, as a click on it would.  Just
        after start the search may also list a window the window manager
        has not taken on yet (activating that one fails): try each, a few
        times, until one is active."""
        for _ in range(20):
            found = run('xdotool', 'search', '--sync', '--onlyvisible', '--class', 'samenspel').split()
            for xid in found:
                try:
                    run('xdotool', 'windowactivate', '--sync', xid)
                    return xid
                except subprocess.CalledProcessError:
                    pass
            time.sleep(0.5)
        raise RehearsalError('the window of the app could not be activated')

    # The programme.
    def create_workshop(self):
        window = self.d.window()
        xid = self.xid = self.activate_main_window()
        time.sleep(0.5)
        if self.fullscreen:
            for _ in range(5):
                self.d.key('F11')
                time.sleep(1.0)
                if 'FULLSCREEN' in run('xprop', '-id', xid, '_NET_WM_STATE'):
                    break
            else:
                raise RehearsalError('F11 does not make the window full screen')
        self.d.click(self.d.find(window, 'push button', self.d._('_New Workshop'),
                                 test=lambda a: self.d.extents(a)[1] > 60))
        dialog = self.d.window('dialog')
        field = self.d.find(dialog, 'text')
        self.d.click(field)
        self.d.key('ctrl+a')
        self.d.type(self.sample['workshop'])
        self.d.key('Return')
        self.expect_rows('SELECT name FROM workshop', [(self.sample['workshop'],)])
        self.check('workshop')

    def details(self):
        overview = self.d.find(self.d.window(), name='SamOverviewPage')
        sample = self.sample
        self.type_into(self.d.find(overview, 'text', self.d._('Organisation')), sample['organisation'])
        self.type_into(self.d.find(overview, 'text', self.d._('Coach')), sample['coach'])
        self.expect_rows('SELECT organisation, coach FROM workshop',
                         [(sample['organisation'], sample['coach'])])
        self.check('details')

    def teams(self):
        overview = self.d.find(self.d.window(), name='SamOverviewPage')
        for i, name in enumerate(self.TEAMS):
            fields = self.add_team(overview, i + 1)
            # A new team is called "Team N": select it and type over it.
            self.d.click(fields[i])
            self.d.key('ctrl+a')
            self.d.type(name)
            self.d.key('Return')
        self.expect_rows('SELECT name FROM team WHERE trash IS NULL ORDER BY position',
                         [(name,) for name in self.TEAMS])
        self.check('teams')

    def click_until(self, control, what, ready, timeout, again_after, taken=None):
        """Clicks @control and waits up to @timeout seconds for ready() to
        give something true, and gives it.  A click the app did not take
        (nothing after @again_after seconds, and taken() false if given)
        is given once more, as a person clicks again on a loaded machine.
        At the end of the wait, ready()'s last answer."""
        self.d.click(control)
        started = time.monotonic()
        clicked_again = False
        while True:
            result = ready()
            waited = time.monotonic() - started
            if result or waited > timeout:
                return result
            if not clicked_again and waited > again_after and (taken is None or not taken()):
                log('the click on %s was not taken: once more' % what)
                self.d.click(control)
                clicked_again = True
            time.sleep(0.3)

    def add_team(self, overview, wanted):
        """Clicks Add Team and waits for the row's name field, as a person
        waits for it to appear.  A loaded machine may take a while to show
        it; a click the window did not take (no team stored after it) is
        made once more."""
        def stored():
            return self.query('SELECT count(*) FROM team WHERE trash IS NULL')[0][0]

        def fields():
            return self.d.find_all(overview, 'text', self.d._('Team name'))

        button = self.d.find(overview, 'push button', self.d._('_Add Team'))
        if self.click_until(button, 'Add Team', lambda: len(fields()) == wanted, timeout=15,
                            again_after=5, taken=lambda: stored() >= wanted):
            return fields()
        raise RehearsalError('%d team fields (%d teams stored) after adding %d teams'
                             % (len(fields()), stored(), wanted))

    def choose_menu_item(self, button, label, shot=None):
        """Opens a menu and picks an item with the keyboard: a popover's
        items report no usable screen position under X11.  With @shot,
        the screen with the menu open is checked and kept under that name."""
        # The popover sits beside the button, under the menu button; a
        # loaded machine may take a while to build it.
        # A button that says its menu is open took the click: a second
        # one would close it.
        def opened():
            try:
                states = button.getState()
            except GLib.GError:
                return False
            return any(states.contains(state) for state in (self.d.atspi.STATE_EXPANDED,
                                                             self.d.atspi.STATE_CHECKED,
                                                             self.d.atspi.STATE_PRESSED))

        items = self.click_until(button, 'the menu', lambda: self.d.find_all(button.parent, 'menu item'),
                                 timeout=10, again_after=5, taken=opened)
        time.sleep(0.5)
        if shot is not None:
            self.check(shot)
        names = [item.name.replace('_', '') for item in items]
        if os.environ.get('SAMENSPEL_REHEARSAL_DEBUG'):
            log('menu: %r' % names)
        if label not in names:
            raise RehearsalError('no %r in the menu %r' % (label, names))
        # Opened by a click, the menu has its first item focused.
        self.d.key(*(['Down'] * names.index(label)), 'Return')

    def template(self):
        window = self.d.window()
        self.choose_menu_item(self.d.find(window, 'push button', self.d._('Use a _Template…')),
                              self.d._('Colleagues and Customers — One Day'))
        # The template's steps are stored one by one: a loaded machine may
        # be in the middle of it.
        deadline = time.monotonic() + 15
        while True:
            rows = self.query('SELECT kind FROM step WHERE trash IS NULL ORDER BY position')
            if len(rows) >= 8 and ('changes',) in rows:
                break
            if time.monotonic() > deadline:
                raise RehearsalError('the template gave %r' % rows)
            time.sleep(0.3)
        self.check('template')

    def open_step(self, kind):
        (title,) = self.query('SELECT title FROM step WHERE kind = ? AND trash IS NULL '
                              'ORDER BY position LIMIT 1', kind)[0]
        agenda = self.d.find(self.d.window(), 'list', self.d._('Agenda'))
        row = self.d.find(agenda, 'list item',
                          test=lambda a: self.d.name_matches(a.name, title) or title in a.name)
        # The step is open once its row is selected.
        if self.click_until(row, 'the step %r' % title,
                            lambda: row.getState().contains(self.d.atspi.STATE_SELECTED),
                            timeout=10, again_after=5):
            time.sleep(0.8)
            return self.d.find(self.d.window(), name='SamStepView')
        raise RehearsalError('the step %r did not open' % title)

    def add_card(self, page, placeholder, text, index=0, last=False):
        fields = self.d.find_all(page, 'text', placeholder)
        if last:
            # A page that is one list view makes the rows in view only: the
            # wheel over the last field found brings the end of the page.
            before = None
            for _ in range(40):
                if not fields:
                    break
                now = (len(fields), self.d.extents(fields[-1]))
                if now == before:
                    break
                before = now
                self.d.wheel_over(fields[-1], '5')
                time.sleep(0.3)
                fields = self.d.find_all(page, 'text', placeholder)
            index = len(fields) - 1
        # A field below the rows in view is not made yet (one list view):
        # the wheel over the page's last field (the list, not the page
        # around it) brings the next rows, as a person scrolls to it.
        for _ in range(20):
            if len(fields) > index:
                break
            shown = self.d.find_all(page, 'text')
            if not shown:
                break
            x, y = self.d.screen_point(shown[-1])
            run('xdotool', 'mousemove', str(x), str(y), 'click', '5')
            time.sleep(0.3)
            fields = self.d.find_all(page, 'text', placeholder)
        if index < 0 or len(fields) <= index:
            raise RehearsalError('%d fields %r, wanted number %d' % (len(fields), placeholder, index + 1))
        # Under load the list may bind the row again between the search and
        # the wheel: then the field is found again, as a person looks again.
        for attempt in range(3):
            field = fields[index]
            try:
                self.d.scroll_to(field, self.window_height())
                break
            except GoneError:
                if attempt == 2:
                    raise
                time.sleep(0.5)
                fields = self.d.find_all(page, 'text', placeholder)
                if len(fields) <= index:
                    raise
        self.type_into(field, text)
        self.d.key('Return')

    def window_height(self):
        return self.d.extents(self.d.window())[3]

    def expect_cards(self, kind, texts):
        self.expect_rows('SELECT text FROM card WHERE kind = ? AND trash IS NULL ORDER BY id',
                         [(t,) for t in texts], kind)

    def changes(self):
        view = self.open_step('changes')
        self.check('changes', card_area=True)
        placeholder = self.d._('A change around us…')
        changes = self.sample['changes']
        self.add_card(view, placeholder, changes[0], 0)
        self.add_card(view, placeholder, changes[1], 0)
        self.add_card(view, self.d._('An impact on our work…'), self.sample['impact'], 0)
        # The last team's field, at the end of the page.
        self.add_card(view, placeholder, changes[2], last=True)
        self.expect_cards('change', changes)
        self.expect_cards('impact', [self.sample['impact']])
        self.check('changes-cards', card_area=True)

    def click_tab(self, view, title):
        # A page that is one list view has its phase tabs in its first row:
        # after typing at the end of the list they are above the screen.
        # The coach turns the wheel up over the list (the lower part of the
        # page) until its top is back; the tabs' reported place is not to be
        # trusted while their row is out of view.
        self.d.wheel_to_top(view)
        tab = self.d.find(view, 'page tab', self.d._(title))
        self.d.click(tab)
        time.sleep(0.6)

    def perspective(self):
        view = self.open_step('team-perspective')
        self.check('perspective', card_area=True)
        self.click_tab(view, 'Cards and Answers')
        known = (self.d._('Instructions for the room'), self.d._('Coach notes'))
        fields = self.d.find_all(view, 'text', test=lambda a: a.name not in known)
        if len(fields) < 2:
            raise RehearsalError('%d card fields on the perspective page' % len(fields))
        cards = self.sample['perspective']
        self.add_card(view, fields[0].name, cards[0], 0)
        self.add_card(view, fields[1].name, cards[1], 0)
        self.expect_cards('perspective', cards)
        self.check('perspective-cards', card_area=True)

    def strengths(self):
        view = self.open_step('strengths')
        self.check('strengths', card_area=True)
        self.add_card(view, self.d._('A strength we see in ourselves…'), self.sample['strength'])
        self.add_card(view, self.d._('A challenge we face…'), self.sample['challenge'])
        self.expect_cards('strength', [self.sample['strength']])
        self.expect_cards('challenge', [self.sample['challenge']])
        self.check('strengths-cards', card_area=True)

    def beliefs(self):
        view = self.open_step('beliefs')
        self.check('beliefs', card_area=True)
        placeholder = self.d._('What they believe, in their own words…')
        for belief in self.sample['beliefs']:
            self.add_card(view, placeholder, belief)
        self.expect_cards('belief', self.sample['beliefs'])
        self.check('beliefs-cards', card_area=True)

    def brainstorm(self):
        view = self.open_step('brainstorm')
        self.check('brainstorm', card_area=True)
        placeholder = self.d._('An idea…')
        ideas = self.sample['ideas']
        for index, idea in enumerate(ideas):
            # One list view: the last team's field is at its end.
            self.add_card(view, placeholder, idea, index, last=index == len(ideas) - 1)
        self.expect_cards('idea', ideas)
        self.check('brainstorm-ideas', card_area=True)
        self.vote(view)

    def vote(self, view):
        """The first team (the voting team the page starts with) puts two dots
        on one idea and one on another, with the buttons the room presses."""
        self.click_tab(view, 'Group and Vote')
        for index in (0, 0, 1):
            # The tiles on screen are bound again after each vote: find the
            # buttons again.
            buttons = self.vote_buttons(view)
            if len(buttons) < 2:
                run('import', '-window', 'root', os.path.join(self.outdir, 'no-vote-buttons.png'))
                raise RehearsalError('%d vote buttons on the brainstorm page' % len(buttons))
            self.d.scroll_to(buttons[index], self.window_height())
            self.d.click(buttons[index])
            time.sleep(0.5)
        self.expect_rows('SELECT count(*) FROM vote WHERE trash IS NULL GROUP BY card_id '
                         'ORDER BY count(*) DESC', [(2,), (1,)])
        self.expect_rows('SELECT DISTINCT t.name FROM vote v JOIN team t ON t.id = v.team_id '
                         'WHERE v.trash IS NULL', [(self.TEAMS[0],)])
        self.check('brainstorm-votes', card_area=True)

    def vote_buttons(self, view):
        """The idea tiles are rows of a list view, made when they come into
        view: the wheel over the board brings them up under its controls."""
        name = self.d._('Vote')
        buttons = self.d.find_all(view, 'push button', name)
        for _ in range(30):
            if len(buttons) >= 2:
                break
            # The wheel turns in the middle of the window, over the board.
            self.d.wheel_over(buttons[-1] if buttons else view, '5')
            time.sleep(0.3)
            buttons = self.d.find_all(view, 'push button', name)
        return buttons

    def agreements(self):
        view = self.open_step('agreements')
        self.check('agreements', card_area=True)
        field = self.d.find(view, 'text', self.d._('A new agreement: what do we agree? Press Enter to add it'))
        self.d.scroll_to(field, self.window_height())
        self.type_into(field, self.sample['agreement'])
        self.d.key('Return')
        self.expect_rows('SELECT what FROM agreement WHERE trash IS NULL',
                         [(self.sample['agreement'],)])
        self.check('agreements-written', card_area=True)

    def report(self):
        view = self.d.find(self.d.window(), name='SamWorkshopView')
        button = self.d.find_all(view, 'push button', self.d._('Main Menu'))[0]
        self.choose_menu_item(button, self.d._('Save _Report (PDF)…'))
        # First the readers' language, the app's own offered: go on.
        alert = self.d.window('dialog')
        heading = alert.name
        self.d.click(self.d.find(alert, 'push button', self.d._('_Continue')))
        # It gives way to the save dialog, another window of the app.
        deadline = time.monotonic() + 15
        while True:
            names = [c.name for c in self.d.app() if c is not None and c.getRoleName() != 'frame']
            if names and heading not in names:
                break
            if time.monotonic() > deadline:
                raise RehearsalError('the language dialog stays open: %r' % names)
            time.sleep(0.3)
        # The save dialog: a second window, its name field focused.
        deadline = time.monotonic() + 15
        while self.d.app().childCount < 2:
            if time.monotonic() > deadline:
                raise RehearsalError('no save dialog')
            time.sleep(0.3)
        path = os.path.join(self.session.tmp, 'verslag.pdf')
        time.sleep(0.5)
        self.d.key('ctrl+a')
        self.d.type(path)
        self.d.key('Return')
        deadline = time.monotonic() + 20
        while not (os.path.exists(path) and os.path.getsize(path) > 1000):
            if time.monotonic() > deadline:
                raise RehearsalError('no report at %s' % path)
            time.sleep(0.5)
        time.sleep(1.0)
        with open(path, 'rb') as f:
            if f.read(5) != b'%PDF-':
                raise RehearsalError('the report is not a PDF')
        # Words as pdftotext gives them, whatever the line breaks; the cover
        # sets the organisation in capitals.
        text = ' '.join(run('pdftotext', path, '-').split()).casefold()
        for expected in (self.sample['workshop'], self.sample['organisation'],
                         self.sample['agreement']):
            if expected.casefold() not in text:
                raise RehearsalError('the report lacks %r; it starts %r' % (expected, text[:400]))
        self.check('report')

    def library(self):
        """Back to all workshops: a workshop's own menu, opened by a click
        on its row's button, duplicates it.  While the workshop is
        projected the room sees no other workshop: F11 leaves full screen
        first."""
        if self.fullscreen:
            for _ in range(5):
                self.d.key('F11')
                time.sleep(1.0)
                if 'FULLSCREEN' not in run('xprop', '-id', self.xid, '_NET_WM_STATE'):
                    break
            else:
                raise RehearsalError('F11 does not leave full screen')
        # The window may still think itself full screen a moment after the
        # window manager has it back: it then says to leave full screen
        # first and stays, and the coach clicks once more.  The library's
        # rows stay in the accessibility tree while the workshop is shown,
        # so only the app can say which page is on the screen.
        view = self.d.find(self.d.window(), name='SamWorkshopView')
        if not self.click_until(self.d.find(view, 'push button', self.d._('All Workshops')),
                                'All Workshops', lambda: self.shown_page() == 'library',
                                timeout=15, again_after=4):
            raise RehearsalError('All Workshops leaves the window on its %r page' % self.shown_page())
        # The library fades in.
        time.sleep(1.0)
        button = self.d.find(self.d.window(), 'push button',
                             self.d._('Menu for workshop %s') % self.sample['workshop'])
        self.choose_menu_item(button, self.d._('D_uplicate'), shot='library-menu')
        deadline = time.monotonic() + 15
        while self.query('SELECT count(*) FROM workshop')[0][0] != 2:
            if time.monotonic() > deadline:
                raise RehearsalError('Duplicate made no second workshop')
            time.sleep(0.3)
        self.check('library')

    def programme(self):
        self.create_workshop()
        self.details()
        self.teams()
        self.template()
        self.changes()
        self.perspective()
        self.strengths()
        self.beliefs()
        self.brainstorm()
        self.agreements()
        self.report()
        self.library()


class TeamLaptop(Rehearsal):
    """One team's laptop, round trip: the coach's packet opens in team mode
    on the step the room is on, the team types a card and saves its work
    for the coach."""

    def write_packet(self):
        """A team packet as the coach's Samenspel writes it
        (docs/file-format.md), for the sample's last team."""
        now = int(time.time())
        stamp = time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(now))
        self.team_name = self.TEAMS[-1]
        teams = [{'uuid': str(uuid.uuid4()), 'name': name, 'colour': i, 'people': 5, 'position': i}
                 for i, name in enumerate(self.TEAMS[:3] + [self.team_name])]
        steps = [{'uuid': str(uuid.uuid4()), 'position': i, 'kind': kind, 'title': self.d._(title),
                  'minutes': 30, 'instructions': '', 'settings': '{}', 'state': state,
                  'timer_remaining': -1, 'timer_deadline': 0}
                 for i, (kind, title, state) in enumerate([('custom', 'Welcome', 2),
                                                           ('changes', 'Changes and Impact', 1),
                                                           ('beliefs', 'Us and Them', 0)])]
        packet = {
            'format': 'samenspel-workshop', 'version': 1, 'minor_version': 2,
            'exported': stamp, 'kind': 'team-packet', 'team': teams[-1]['uuid'],
            'packet_exported': stamp,
            'workshop': {'uuid': str(uuid.uuid4()), 'name': self.sample['workshop'],
                         'organisation': self.sample['organisation'], 'coach': self.sample['coach'],
                         'date': time.strftime('%Y-%m-%d'), 'created': now, 'modified': now,
                         'language': self.session.args.lang},
            'tables': {'team': teams, 'step': steps, 'card': []},
        }
        self.packet_path = os.path.join(self.session.tmp, 'pakket.samenspel')
        with open(self.packet_path, 'w', encoding='utf-8') as f:
            json.dump(packet, f, ensure_ascii=False, indent=1)

    def open_packet(self):
        """Sitting down: the laptop shows the team's window on the current
        step, the text cursor in the first field."""
        window = self.d.window()
        self.activate_main_window()
        self.d.find(window, 'label', self.team_name, timeout=20)
        self.d.find(window, 'label', self.d._('Changes and Impact'))
        self.expect_rows('SELECT team_mode FROM packet', [(1,)])
        self.check('team-window')

    def first_card(self):
        """Two actions: type, Enter."""
        text = self.sample['changes'][0]
        self.d.type(text)
        self.d.key('Return')
        self.expect_rows('SELECT c.text FROM card c JOIN team t ON t.id = c.team_id WHERE t.name = ?',
                         [(text,)], self.team_name)
        self.check('team-first-card')

    def save_work(self):
        window = self.d.window()
        self.choose_menu_item(self.d.find(window, 'push button', self.d._('Menu')),
                              self.d._('_Save the Team’s Work…'))
        deadline = time.monotonic() + 15
        while self.d.app().childCount < 2:
            if time.monotonic() > deadline:
                raise RehearsalError('no save dialog')
            time.sleep(0.3)
        time.sleep(0.5)
        path = os.path.join(self.session.tmp, 'terug.samenspel')
        self.d.key('ctrl+a')
        self.d.type(path)
        self.d.key('Return')
        deadline = time.monotonic() + 20
        while not os.path.exists(path):
            if time.monotonic() > deadline:
                raise RehearsalError('the team’s work was not saved at %s' % path)
            time.sleep(0.5)
        time.sleep(1.0)
        with open(path, encoding='utf-8') as f:
            saved = json.load(f)
        if saved.get('kind') != 'team-contribution' or \
           self.sample['changes'][0] not in [card['text'] for card in saved['tables'].get('card', [])]:
            raise RehearsalError('the saved work is not the team’s contribution with its card')
        self.check('team-work-saved')

    def programme(self):
        self.open_packet()
        self.first_card()
        self.save_work()


class JoinedLaptop(Rehearsal):
    """A team's laptop joins the coach's live room (issue 18): a headless
    coach (tests/sam-live-peer) serves the sample workshop; the app under
    test opens "Join a Room…" (Ctrl+J), types the address, checks the
    fingerprint, types the room code, chooses the team, writes a card in
    team mode, and the coach's dump shows it."""

    def start_coach(self):
        peer = os.path.join(self.session.args.builddir, 'tests', 'sam-live-peer')
        self.coach = subprocess.Popen([peer, 'coach', '--data', os.path.join(self.session.tmp, 'coach'),
                                       '--sample'],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.session.processes.append(self.coach)
        line = self.coach.stdout.readline().strip()
        if not line.startswith('ROOM '):
            raise RehearsalError('the coach did not open the room: %r' % line)
        self.room = dict(item.split('=', 1) for item in line.split()[1:])
        fingerprint = self.room['fingerprint'].upper()
        self.short_fingerprint = '-'.join(fingerprint[i:i + 4] for i in (0, 4, 8))
        log('coach: port %s, code %s' % (self.room['port'], self.room['code']))

    def coach_cards(self):
        self.coach.stdin.write('dump\n')
        self.coach.stdin.flush()
        texts = []
        for line in self.coach.stdout:
            line = line.strip()
            if line == 'END':
                return texts
            if line.startswith('{'):
                texts.append(json.loads(line).get('text'))
        raise RehearsalError('the coach ended before its dump did')

    def join(self):
        self.d.window()
        self.activate_main_window()
        self.d.key('ctrl+j')
        self.d.find(self.d.app(), 'label', self.d._('Join the Coach’s Room'), timeout=20)
        # The address field has the focus: type, Enter.
        self.d.type('127.0.0.1:%s' % self.room['port'])
        self.d.key('Return')
        self.d.find(self.d.app(), 'label', self.short_fingerprint, timeout=20)
        self.check('join-check')
        # Continue has the focus once the fingerprint shows.
        self.d.key('Return')
        self.d.find(self.d.app(), 'label', self.d._('Type the Room Code'), timeout=20)
        # As a person copies it from the wall: lower case, with a space.
        code = self.room['code']
        self.d.type((code[:4] + ' ' + code[4:]).lower())
        self.check('join-code')
        self.d.key('Return')
        self.d.find(self.d.app(), 'label', 'Sales', timeout=20)
        self.check('join-teams')
        # The first team has the focus: Enter chooses it.
        self.d.key('Return')

    def write_card(self):
        # The library's window gave way to the team's window.
        self.d.find(self.d.app(), 'label', self.d._('Connected to the coach’s room'), timeout=30)
        self.check('joined-team-window')
        text = self.sample['changes'][0]
        self.d.type(text)
        self.d.key('Return')
        deadline = time.monotonic() + 20
        while text not in self.coach_cards():
            if time.monotonic() > deadline:
                raise RehearsalError('the card did not reach the coach')
            time.sleep(1.0)
        self.check('joined-card-at-coach')

    def programme(self):
        self.join()
        self.write_card()


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--lang', default='nl')
    parser.add_argument('--size', default='1024x768')
    parser.add_argument('--fullscreen', action='store_true')
    parser.add_argument('--team-laptop', action='store_true')
    parser.add_argument('--joined-laptop', action='store_true')
    parser.add_argument('builddir')
    parser.add_argument('outdir')
    args = parser.parse_args()

    # Our own D-Bus session, where the accessibility bus starts.
    if os.environ.get('SAMENSPEL_REHEARSAL_BUS') != '1':
        os.environ['SAMENSPEL_REHEARSAL_BUS'] = '1'
        os.execvp('dbus-run-session', ['dbus-run-session', '--', sys.executable] + sys.argv)

    # A timeout's SIGTERM still stops Xvfb and the app; SIGUSR1 shows where
    # a run hangs.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(124))
    faulthandler.register(signal.SIGUSR1)
    name = '%s-%s%s' % (args.lang, args.size,
                        '-fullscreen' if args.fullscreen else '-team' if args.team_laptop
                        else '-joined' if args.joined_laptop else '')
    outdir = os.path.join(args.outdir, name)
    shutil.rmtree(outdir, ignore_errors=True)
    session = Session(args)
    started = time.monotonic()
    try:
        session.start_display()
        driver = Driver(session)
        if args.joined_laptop:
            rehearsal = JoinedLaptop(session, driver, outdir)
            rehearsal.start_coach()
            session.start_app()
        elif args.team_laptop:
            rehearsal = TeamLaptop(session, driver, outdir)
            rehearsal.write_packet()
            session.start_app([rehearsal.packet_path])
        else:
            rehearsal = Rehearsal(session, driver, outdir)
            session.start_app()
        rehearsal.programme()
        log('accessible objects visited in searches: %d' % driver.visited)
    except Exception as error:
        log('FAIL %s: %s' % (name, error))
        if not isinstance(error, RehearsalError):
            traceback.print_exc(file=sys.stdout)
        if session.app_process is not None and session.app_process.poll() is not None:
            log('the app ended with status %d' % session.app_process.returncode)
        try:
            with open(os.path.join(session.tmp, 'app.log')) as f:
                sys.stdout.write(f.read())
        except OSError:
            pass
        # Never got as far as the app's window: the suite may start the
        # run once more (EX_TEMPFAIL); anything later is a failure.
        return 1 if session.app_seen else 75
    finally:
        try:
            log('cpu: ' + ', '.join('%s %.1f s' % item for item in
                                    sorted(session.cpu_seconds().items(), key=lambda i: -i[1])))
        except OSError:
            pass
        session.stop()
    log('PASS %s in %.0f s' % (name, time.monotonic() - started))
    return 0


if __name__ == '__main__':
    sys.exit(main())
