#!/usr/bin/python3
"""The library in the window over AT-SPI (run by gui-test.sh under Xvfb + D-Bus).

Opens two articles that quote one person under two spellings (each opened article is added to
a fresh library), opens that person's page from the Library view's search, expects both
statements with their article titles, clicks one, and expects the window to show that article
with the caret at the start of the statement's sentence. Saves screenshots of the Library and
of the actor page. Any failed step exits non-zero.
usage: gui_test_library.py BINARY LIBRARY_SCREENSHOT ACTOR_SCREENSHOT
"""
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

import atspi_support
from atspi_support import descendants, fail, find_app, first, pyatspi, step, wait_for  # noqa: F401

BINARY, LIBRARY_SHOT, ACTOR_SHOT = sys.argv[1], sys.argv[2], sys.argv[3]
atspi_support.failure_screenshot = LIBRARY_SHOT.replace(".png", "-failure.png")

ARTICLES = {
    "Talks in Kyiv": "Ukrainian President Volodymyr Zelenskyy said on Monday that his country would not give up "
                     "territory. \"We will defend every village,\" Zelenskyy said.",
    "Summit ends": "Volodymyr Zelensky, the president of Ukraine, said the summit had been useful. "
                   "\"Our partners listened,\" he told reporters after the meeting.",
}


def center_of(node):
    x, y, w, h = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return x + w // 2, y + h // 2


def click(x, y):
    pyatspi.Registry.generateMouseEvent(int(x), int(y), pyatspi.MOUSE_B1C)


def on_screen(node):
    try:
        x, y, w, h = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return w > 0 and h > 0
    except Exception:
        return False


folder = tempfile.mkdtemp(prefix="dramatis-gui-library-")
paths = []
for i, (title, body) in enumerate(ARTICLES.items()):
    path = os.path.join(folder, f"article-{i + 1}.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"{title}\n\n{body}\n")
    paths.append(path)
library = os.path.join(folder, "library.sqlite")
env = dict(os.environ, DRAMATIS_NON_UNIQUE="1", DRAMATIS_LIBRARY=library)
process = None
try:
    # One window, the two articles one after the other: each is added when it is shown.
    for n, path in enumerate(paths):
        process = subprocess.Popen([BINARY, path], env=env)
        step(f"waiting for article {n + 1} to be analysed and added")
        app = wait_for("the application on the accessibility bus", lambda: find_app(process.pid))
        wait_for("the actor list", lambda: first(app, lambda n: n.name == "Actors" and n.roleName == "list"))
        def stored():
            try:
                with sqlite3.connect(f"file:{library}?mode=ro", uri=True, timeout=5) as db:
                    return db.execute("SELECT COUNT(*) FROM article").fetchone()[0] > n
            except sqlite3.Error:
                return False
        wait_for(f"article {n + 1} in the library", stored, timeout=30)
        if n == 0:
            process.terminate()
            process.wait(timeout=10)

    step("switching to the Library view")
    tab = wait_for("the Library tab", lambda: next((t for t in descendants(
        app, lambda n: n.name == "Library" and n.roleName == "page tab") if on_screen(t)), None))
    click(*center_of(tab))
    wait_for("both articles in the Library list", lambda: all(
        descendants(app, lambda n, t=t: n.roleName == "list item" and (n.name or "").startswith(t)) for t in ARTICLES), timeout=30)
    time.sleep(0.5)
    subprocess.run(["import", "-window", "root", LIBRARY_SHOT], check=True, timeout=30)
    step(f"screenshot saved: {LIBRARY_SHOT}")

    step("searching the library for the person")
    entry = wait_for("the library search entry", lambda: first(app, lambda n: n.name == "Search the library"))
    entry.queryEditableText().setTextContents("Zelenskyy")
    actor = wait_for("the actor row", lambda: first(
        app, lambda n: n.roleName == "list item" and (n.name or "").startswith("Actor Volodymyr Zelensk")), timeout=20)
    if "2 articles" not in actor.name:
        fail(f"the actor row does not count two articles: {actor.name!r}")
    click(*center_of(actor))

    step("expecting both statements with their article titles")
    statements = wait_for("the statements across articles", lambda: next((l for l in descendants(
        app, lambda n: n.name == "Statements across articles") if on_screen(l)), None), timeout=20)
    rows = wait_for("statement rows", lambda: [r for r in descendants(statements, lambda n: n.roleName == "list item")] or None)
    names = [r.name for r in rows]
    for title in ARTICLES:
        if not any(f"in {title}" in name for name in names):
            fail(f"no statement from “{title}” on the actor page: {names}")
    step(f"{len(rows)} statements: {names}")
    time.sleep(0.5)
    subprocess.run(["import", "-window", "root", ACTOR_SHOT], check=True, timeout=30)
    step(f"screenshot saved: {ACTOR_SHOT}")

    target = next(r for r in rows if "partners listened" in r.name)
    click(*center_of(target))
    step("expecting the article with the caret on the statement's sentence")

    def caret_sentence():
        for text_node in descendants(app, lambda n: n.name == "Article text"):
            if not on_screen(text_node):
                continue
            text = text_node.queryText()
            content = text.getText(0, -1)
            if "Our partners listened" not in content:
                continue
            caret = text.caretOffset
            return content, caret
        return None
    content, caret = wait_for("the caret in the second article", caret_sentence, timeout=30)
    quote = content.find("Our partners listened")
    sentence = content[caret:caret + 40]
    # At the start of the statement's sentence: before the quote, with no sentence end between.
    if not (0 <= caret <= quote and "." not in content[caret:quote]):
        fail(f"the caret is not at the statement's sentence: {sentence!r}")
    step(f"caret at: {sentence!r}")
    if process.poll() is not None:
        fail(f"the application exited early with status {process.returncode}")
    print("PASS")
finally:
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
