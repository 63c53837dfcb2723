#!/usr/bin/python3
"""End-to-end test of the Dramatis window over AT-SPI (run by gui-test.sh under Xvfb + D-Bus).

Opens the reference article, checks that the actor list names the main actors, clicks the
Zelenskyy mention in the article text, expects his statement in the side panel, opens the
Positions view (the list of positions on security guarantees, Zelenskyy among those for; clicking
his row shows the Article view with the evidence), switches to the
timeline and expects the 1994 event, clears the publication date (the core analyses again: fewer
dated events, the same actor selected), then saves a screenshot. Any failed step exits non-zero.
"""
import os
import subprocess
import sys
import time

import atspi_support
from atspi_support import descendants, fail, find_app, first, pyatspi, step, wait_for  # noqa: F401

BINARY, ARTICLE, SCREENSHOT = sys.argv[1], sys.argv[2], sys.argv[3]
atspi_support.failure_screenshot = SCREENSHOT.replace(".png", "-failure.png")


def center_of(node):
    x, y, w, h = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return x + w // 2, y + h // 2


def click(x, y):
    pyatspi.Registry.generateMouseEvent(int(x), int(y), pyatspi.MOUSE_B1C)


env = dict(os.environ, DRAMATIS_NON_UNIQUE="1")
process = subprocess.Popen([BINARY, ARTICLE], env=env)
try:
    step("waiting for the window")
    app = wait_for("the application on the accessibility bus", lambda: find_app(process.pid))

    step("waiting for the analysed article: actor rows")
    actors_list = wait_for("the actor list",
                           lambda: next(iter(descendants(app, lambda n: n.name == "Actors" and n.roleName == "list")), None))
    for name in ["Volodymyr Zelenskyy", "Donald Trump", "Vladimir Putin"]:
        wait_for(f"an actor row for {name}",
                 lambda: descendants(actors_list, lambda n: n.roleName == "list item" and n.name.startswith(name + ",")))
        step(f"actor row found: {name}")

    step("the panel opens on the first actor, not an empty half")
    detail = wait_for("the selected-actor details", lambda: next(iter(descendants(
        app, lambda n: n.name == "Selected actor")), None))
    wait_for("the first actor's name in the side panel before any click",
             lambda: descendants(detail, lambda n: n.name == "Volodymyr Zelenskyy"), timeout=10)

    step("at the default window size at least 6 actor rows are fully visible")
    # The list's parent is the scrolled window's viewport: its extents are the visible part.
    time.sleep(0.5)
    vx, vy, vw, vh = actors_list.parent.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    rows = [c for c in actors_list.children if c.roleName == "list item"]
    visible = []
    for r in rows:
        x, y, w, h = r.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        if h > 0 and y >= vy and y + h <= vy + vh:
            visible.append(r.name.split(",")[0])
    step(f"actor list viewport {(vx, vy, vw, vh)}: {len(visible)} rows fully visible: {visible}")
    if vh <= 0 or vh > 760:
        fail(f"the actor list's viewport has implausible extents {(vx, vy, vw, vh)}")
    if len(visible) < 6:
        fail(f"only {len(visible)} actor rows are fully visible at the default size: {visible}")

    step("clicking the Zelenskyy mention in the article text")
    article = wait_for("the article text", lambda: next(iter(descendants(app, lambda n: n.name == "Article text")), None))
    text = article.queryText()
    content = text.getText(0, -1)
    offset = content.find("Volodymyr Zelenskyy")
    if offset < 0:
        fail("the article text does not contain 'Volodymyr Zelenskyy'")
    x, y, w, h = text.getCharacterExtents(offset + 12, pyatspi.WINDOW_COORDS)
    if w <= 0 or h <= 0:
        fail(f"no character extents for offset {offset + 12}: {(x, y, w, h)}")
    step(f"character {offset + 12} at {(x, y, w, h)} (window coordinates)")
    click(x + w / 2, y + h / 2)

    step("expecting the actor's details in the side panel")
    detail = wait_for("the selected-actor details", lambda: next(iter(descendants(
        app, lambda n: n.name == "Selected actor")), None))
    wait_for("the selected actor's name in the side panel",
             lambda: descendants(detail, lambda n: n.name == "Volodymyr Zelenskyy"), timeout=10)

    step("expecting the statement in the side panel")
    wait_for("“Peace must be lasting” among the selected actor's statements",
             lambda: descendants(detail, lambda n: "Peace must be lasting" in (n.name or "")), timeout=10)

    step("the Positions view: actors grouped by issue, each stance one click from its evidence")
    def tab_named(name):
        def find():
            for n in descendants(app, lambda n: n.name == name and n.roleName == "page tab"):
                x, y, w, h = n.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
                if w > 0 and h > 0:
                    return n
            return None
        return find
    click(*center_of(wait_for("the Positions view switcher tab", tab_named("Positions"))))
    guarantees = wait_for("the list of positions on security guarantees", lambda: next(iter(descendants(
        app, lambda n: n.name == "Positions on security guarantees")), None), timeout=10)
    row = wait_for("Zelenskyy's position for security guarantees", lambda: next(iter(descendants(
        guarantees, lambda n: n.roleName == "list item" and (n.name or "").startswith("Volodymyr Zelenskyy, for"))), None), timeout=10)
    step(f"position row: {row.name}")
    click(*center_of(row))
    article = wait_for("the Article view switcher tab", tab_named("Article"))
    wait_for("the Article view shown after activating the position (its evidence revealed)",
             lambda: article.getState().contains(pyatspi.STATE_SELECTED) or article.getState().contains(pyatspi.STATE_CHECKED),
             timeout=10)
    step("evidence shown in the article")

    step("switching to the timeline")
    # The switcher exists twice (wide and narrow) plus the bottom bar: click the one on screen.
    def timeline_tab():
        for n in descendants(app, lambda n: n.name == "Timeline" and n.roleName == "page tab"):
            x, y, w, h = n.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            if w > 0 and h > 0:
                return n
        return None
    tab = wait_for("the Timeline view switcher tab", timeline_tab)

    def selected(node):
        state = node.getState()
        return state.contains(pyatspi.STATE_SELECTED) or state.contains(pyatspi.STATE_CHECKED)
    if selected(tab):
        fail("the Timeline tab is selected before it was clicked")
    click(*center_of(tab))
    wait_for("the Timeline tab to be selected", lambda: selected(tab), timeout=10)
    dated = wait_for("the dated events list",
                     lambda: next(iter(descendants(app, lambda n: n.name == "Dated events")), None))
    wait_for("the 1994 event in the timeline",
             lambda: descendants(dated, lambda n: n.roleName == "list item" and n.name.startswith("1994")), timeout=10)
    step("1994 event found")

    step("clearing the publication date: the core resolves the timeline again")
    def items(lst):
        return [c for c in lst.children if c.roleName == "list item"]
    dated_before = len(items(dated))

    def article_tab():
        for n in descendants(app, lambda n: n.name == "Article" and n.roleName == "page tab"):
            x, y, w, h = n.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            if w > 0 and h > 0:
                return n
        return None
    click(*center_of(wait_for("the Article view switcher tab", article_tab)))
    date_button = wait_for("the publication date button", lambda: next(iter(descendants(
        app, lambda n: n.roleName == "push button" and n.name == "Publication date: 18 August 2025")), None))
    click(*center_of(date_button))

    def walk(node, pred):
        # Own traversal: dogtail's search is slow over the calendar's day labels.
        if pred(node):
            return node
        for child in node.children:
            found = walk(child, pred)
            if found:
                return found
        return None
    clear = wait_for("the Clear button of the date popover", lambda: walk(
        date_button, lambda n: n.roleName == "push button" and (n.name or "").startswith("Clear")), timeout=10)
    clear.queryAction().doAction(0)
    wait_for("the toast about the cleared date", lambda: next(iter(descendants(
        app, lambda n: (n.name or "").startswith("Publication date cleared: "))), None), timeout=30)
    wait_for("the date button offering to set a date", lambda: next(iter(descendants(
        app, lambda n: n.roleName == "push button" and n.name == "Set publication date")), None), timeout=10)
    dated = wait_for("the dated events list", lambda: next(iter(descendants(app, lambda n: n.name == "Dated events")), None))
    dated_after = len(items(dated))
    if dated_after >= dated_before:
        fail(f"clearing the publication date left {dated_after} dated events (before: {dated_before})")
    step(f"dated events: {dated_before} → {dated_after}")
    detail = wait_for("the selected-actor details", lambda: next(iter(descendants(app, lambda n: n.name == "Selected actor")), None))
    wait_for("Volodymyr Zelenskyy still selected after the new analysis",
             lambda: descendants(detail, lambda n: n.name == "Volodymyr Zelenskyy"), timeout=10)
    step("the selected actor is kept")

    time.sleep(0.5)
    subprocess.run(["import", "-window", "root", SCREENSHOT], check=True, timeout=30)
    step(f"screenshot saved: {SCREENSHOT}")
    if process.poll() is not None:
        fail(f"the application exited early with status {process.returncode}")
    print("PASS")
finally:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
