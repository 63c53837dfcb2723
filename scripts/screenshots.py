#!/usr/bin/python3
"""Takes the README screenshots under Xvfb (run through scripts/screenshots.sh).

usage: screenshots.py BINARY ARTICLE OUT_DIR
Writes screenshot-article.png (a mention clicked, its actor's panel open, a statement shown),
screenshot-timeline.png, screenshot-export.png (the Export menu open), screenshot-empty.png,
screenshot-preferences.png; with DARK=1 only screenshot-dark.png.
"""
import os
import subprocess
import sys
import time

from dogtail.config import config
config.checkForA11y = False
config.logDebugToStdOut = False
config.logDebugToFile = False
from dogtail import tree  # noqa: E402
import pyatspi  # noqa: E402

BINARY, ARTICLE, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
DARK = os.environ.get("DARK") == "1"
CROP = "1200x780+0+0"  # the window's default size; the rest of the screen is empty


def shot(name, crop=CROP):
    time.sleep(1.0)
    subprocess.run(["import", "-window", "root", "-crop", crop, "+repage", os.path.join(OUT, name)], check=True)
    print("wrote", name)


def launch(*args):
    env = dict(os.environ, DRAMATIS_NON_UNIQUE="1")
    if DARK:
        env["ADW_DEBUG_COLOR_SCHEME"] = "prefer-dark"
    return subprocess.Popen([BINARY, *args], env=env)


def find(app, pred, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = app.findChildren(pred, recursive=True, showingOnly=False)
        if found:
            return found[0]
        time.sleep(0.3)
    raise SystemExit("not found")


def app_of(p):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for a in tree.root.applications():
            try:
                if a.get_process_id() == p.pid:
                    return a
            except Exception:
                pass
        time.sleep(0.3)
    raise SystemExit("no app")


def click_text(app, needle, nth=0):
    text = find(app, lambda n: n.name == "Article text").queryText()
    content = text.getText(0, -1)
    offset = -1
    for _ in range(nth + 1):
        offset = content.find(needle, offset + 1)
    x, y, w, h = text.getCharacterExtents(offset + len(needle) // 2, pyatspi.WINDOW_COORDS)
    pyatspi.Registry.generateMouseEvent(int(x + w / 2), int(y + h / 2), pyatspi.MOUSE_B1C)


def click_node(node):
    x, y, w, h = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    pyatspi.Registry.generateMouseEvent(int(x + w / 2), int(y + h / 2), pyatspi.MOUSE_B1C)


p = launch(ARTICLE)
app = app_of(p)
find(app, lambda n: n.roleName == "list item" and n.name.startswith("Volodymyr Zelenskyy,"))
click_text(app, "Volodymyr Zelenskyy")
time.sleep(0.8)
if DARK:
    shot("screenshot-dark.png")
else:
    shot("screenshot-article.png")
    tabs = [n for n in app.findChildren(lambda n: n.name == "Timeline" and n.roleName == "page tab",
                                        recursive=True, showingOnly=False)
            if n.queryComponent().getExtents(pyatspi.WINDOW_COORDS)[2] > 0]
    click_node(tabs[0])
    shot("screenshot-timeline.png")
    tabs = [n for n in app.findChildren(lambda n: n.name == "Article" and n.roleName == "page tab",
                                        recursive=True, showingOnly=False)
            if n.queryComponent().getExtents(pyatspi.WINDOW_COORDS)[2] > 0]
    click_node(tabs[0])
    time.sleep(0.5)
    click_node(find(app, lambda n: n.name == "Export" and n.roleName == "push button"))
    shot("screenshot-export.png")
p.terminate()
p.wait()

if not DARK:
    p = launch()
    app = app_of(p)
    # The pointer stays where the last click left it (on Export): move it off the window.
    pyatspi.Registry.generateMouseEvent(1270, 795, pyatspi.MOUSE_ABS)
    shot("screenshot-empty.png")
    click_node(find(app, lambda n: n.name == "Main Menu" and n.roleName == "push button"))
    time.sleep(0.5)
    find(app, lambda n: n.roleName == "menu item" and "Preferences" in (n.name or "")).doActionNamed("click")
    prefs = find(app, lambda n: n.roleName == "frame" and n.name == "Preferences")
    x, y, w, h = prefs.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    shot("screenshot-preferences.png", crop=f"{w}x{h}+0+0")  # the window sits at 0,0 under bare Xvfb
    p.terminate()
    p.wait()
