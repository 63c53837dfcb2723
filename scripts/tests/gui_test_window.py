#!/usr/bin/python3
"""Window features over AT-SPI (run by gui-test.sh under Xvfb + D-Bus, after gui_test.py).

With a private compiled GSettings schema (keyfile backend, temporary XDG_CONFIG_HOME):
  0. Open Location: Main Menu → Open Location…, the address of the article on a local HTTP server,
     Open; the article is fetched and analysed;
  1. markup is literal: an article whose title, text and a quote hold <b>bold</b>, &,
     <span foreground="red">x</span> and <script>alert(1)</script> shows those characters as
     typed in the title, the article text, the window title and the side panel;
  2. export from the window: the Export menu's Markdown item writes the file (the save dialog is
     bypassed by the test-only DRAMATIS_EXPORT_PATH) and the toast "Exported to NAME" shows;
  3. preferences apply live: the Person switch in Preferences removes the person highlights from
     the article text (its AT-SPI text attributes), `gsettings set … article-font` changes its font,
     `gsettings set … positions-minimum-confidence` moves the open Preferences window's spin button
     (bound to the key with g_settings_bind);
  4. export through the real save dialog (GtkFileChooserNative's GTK dialog under Xvfb): PDF, the
     suggested name replaced by a typed path, Enter; the file is a PDF and the toast names it;
  5. settings survive a restart: Main Menu → Preferences → Dark style makes the window dark (its
     accessible description) and stores color-scheme 'dark'; Ctrl+Q; after a restart the window
     is dark again.
Any failed step exits non-zero.
"""
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import atspi_support
from atspi_support import descendants, fail, find_app, first, pyatspi, step, wait_for  # noqa: F401

BINARY, SCHEMA_DIR, SCREENSHOT = sys.argv[1], sys.argv[2], sys.argv[3]
atspi_support.failure_screenshot = SCREENSHOT.replace(".png", "-failure.png")
SCHEMA = "io.github.dramatis.Dramatis"

TITLE = 'Ministers & <b>bold</b> claims: <span foreground="red">x</span> <script>alert(1)</script>'
BODY_SENTENCE = ('The finance minister Maria Lopez spoke in Madrid on Monday about the budget & the <b>bold</b> '
                 'plan, and <span foreground="red">x</span> <script>alert(1)</script>.')
# The quote uses single quotes inside: the core ends a quotation at a straight double quote.
QUOTE = ("We will not accept <b>bold</b> cuts & <span foreground='red'>x</span> or "
         "<script>alert(1)</script> in this budget")
ARTICLE = f"""{TITLE}

{BODY_SENTENCE}

“{QUOTE},” Maria Lopez said.

Opposition leader Carlos Ruiz said the plan would fail.
"""

processes = []


def on_screen(node):
    try:
        x, y, w, h = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        # GTK 4.8 reports no SHOWING state: a widget on screen has a size.
        return w > 0 and h > 0 and node.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def click(node):
    """Clicks the middle of a widget (window coordinates; windows sit at 0,0 under bare Xvfb)."""
    x, y, w, h = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    pyatspi.Registry.generateMouseEvent(int(x + w / 2), int(y + h / 2), pyatspi.MOUSE_B1C)


def activate(node):
    """Activates a menu item by its AT-SPI "click" action: popovers are surfaces of their own, so
    their items' window coordinates do not match the screen."""
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) == "click":
            action.doAction(i)
            return
    fail(f"{node.roleName} {node.name!r} has no click action")


def press_ctrl(keysym):
    control_l = 37  # keycode of Control_L in Xvfb's default keymap
    pyatspi.Registry.generateKeyboardEvent(control_l, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    pyatspi.Registry.generateKeyboardEvent(control_l, None, pyatspi.KEY_RELEASE)


def walk(node, pred):
    """Depth-first search (dogtail's search is slow or stalls on some GTK 4.8 subtrees)."""
    if pred(node):
        return node
    for child in node.children:
        found = walk(child, pred)
        if found:
            return found
    return None


def main_window(app):
    return first(app, lambda n: n.roleName == "frame" and "Dramatis" in (n.name or ""))


def start(env, *files):
    process = subprocess.Popen([BINARY, *files], env=env)
    processes.append(process)
    app = wait_for("the application on the accessibility bus", lambda: find_app(process.pid))
    return process, app


def open_preferences(app):
    """Main Menu → Preferences; returns the Preferences window."""
    click(wait_for("the main menu button", lambda: first(app, lambda n: n.name == "Main Menu" and on_screen(n))))
    activate(wait_for("the Preferences menu item",
                      lambda: first(app, lambda n: n.roleName == "menu item"
                                    and (n.name or "").replace("_", "") == "Preferences" and on_screen(n)), timeout=10))
    return wait_for("the Preferences window",
                    lambda: first(app, lambda n: n.roleName in ("frame", "dialog") and n.name == "Preferences"))


def stop_all():
    for p in processes:
        if p.poll() is None:
            p.terminate()
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()


atspi_support.on_failure = stop_all

work = tempfile.mkdtemp(prefix="dramatis-gui-")
try:
    article_path = os.path.join(work, "markup.txt")
    with open(article_path, "w", encoding="utf-8") as f:
        f.write(ARTICLE)
    export_path = os.path.join(work, "export", "markup-article.md")
    os.makedirs(os.path.dirname(export_path))
    env = dict(os.environ, DRAMATIS_NON_UNIQUE="1", GSETTINGS_SCHEMA_DIR=SCHEMA_DIR, GSETTINGS_BACKEND="keyfile",
               XDG_CONFIG_HOME=os.path.join(work, "config"), DRAMATIS_EXPORT_PATH=export_path,
               HOME=os.path.join(work, "home"))
    os.makedirs(env["HOME"])

    def gsettings_get(key):
        return subprocess.run(["gsettings", "get", SCHEMA, key], env=env, capture_output=True, text=True,
                              check=True, timeout=20).stdout.strip()

    if gsettings_get("color-scheme") != "'default'":
        fail(f"the private settings do not start at the default style: {gsettings_get('color-scheme')}")

    # ---- 0. Open Location -----------------------------------------------------------------------
    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(QuietHandler, directory=work)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/markup.txt"
    step("starting the window without an article; Main Menu → Open Location…")
    process, app = start(env)
    export_button = wait_for("the Export menu button", lambda: first(app, lambda n: n.name == "Export" and on_screen(n)))
    if export_button.getState().contains(pyatspi.STATE_SENSITIVE):
        fail("Export is enabled before an article was analysed")
    def open_location(address):
        click(wait_for("the main menu button", lambda: first(app, lambda n: n.name == "Main Menu" and on_screen(n))))
        activate(wait_for("the Open Location menu item",
                          lambda: first(app, lambda n: n.roleName == "menu item"
                                        and (n.name or "").replace("_", "") == "Open Location…" and on_screen(n)),
                          timeout=10))
        dialog = wait_for("the Open Location dialog", lambda: next((w for w in app.children if walk(
            w, lambda n: n.name == "Article address")), None), timeout=10)
        entry = walk(dialog, lambda n: n.name == "Article address")
        buttons = []
        walk(dialog, lambda n: n.roleName == "push button" and buttons.append(n) and False)
        open_button = next((b for b in buttons if (b.name or "").replace("_", "").startswith("Open")), None)
        if open_button is None:
            fail(f"no Open button in the Open Location dialog: {[(b.name, b.roleName) for b in buttons]}")
        if open_button.getState().contains(pyatspi.STATE_SENSITIVE):
            fail("Open is enabled before an address was typed")
        entry.queryEditableText().setTextContents("not an address")
        time.sleep(0.5)
        if open_button.getState().contains(pyatspi.STATE_SENSITIVE):
            fail("Open is enabled for “not an address”")
        entry.queryEditableText().setTextContents(address)
        wait_for("Open to be enabled for an http address",
                 lambda: open_button.getState().contains(pyatspi.STATE_SENSITIVE), timeout=10)
        step(f"fetching {address}")
        open_button.queryAction().doAction(0)

    missing = url.replace("markup.txt", "missing.txt")
    open_location(missing)
    wait_for("the error toast for a missing page", lambda: first(
        app, lambda n: (n.name or "").startswith("Could not open ") and "missing.txt" in n.name and on_screen(n)),
        timeout=30)
    wait_for("the empty state again", lambda: first(app, lambda n: n.name == "Open an Article" and on_screen(n)),
             timeout=10)
    step("a missing page gives an error toast; the window stays usable")
    open_location(url)

    # ---- 1. Markup is literal ------------------------------------------------------------------
    step("the article full of markup, fetched over HTTP")
    panel = wait_for("the actor list", lambda: first(app, lambda n: n.name == "Actors" and n.roleName == "list"))
    wait_for("the Maria Lopez actor row",
             lambda: descendants(panel, lambda n: n.roleName == "list item" and n.name.startswith("Maria Lopez,")))

    wait_for("the title label showing the raw title",
             lambda: first(app, lambda n: n.roleName == "label" and n.name == TITLE), timeout=10)
    step("title label is literal")
    frame = main_window(app)
    if frame is None or frame.name != f"{TITLE} — Dramatis":
        fail(f"window title is not literal: {frame.name if frame else None!r}")
    # The article header and the header bar's title (AdwViewSwitcherTitle) both show it.
    wait_for("two labels showing the raw title (article header, header bar)",
             lambda: len(descendants(app, lambda n: n.roleName == "label" and n.name == TITLE)) >= 2, timeout=10)
    step("window title and header title are literal")

    article = wait_for("the article text", lambda: first(app, lambda n: n.name == "Article text"))
    text = article.queryText().getText(0, -1)
    expected_body = ARTICLE.split("\n", 2)[2].strip()
    if text.strip() != expected_body:
        fail(f"the article text is not the raw text:\n{text!r}\nexpected\n{expected_body!r}")
    step("article text equals the raw text")

    row = first(panel, lambda n: n.roleName == "list item" and n.name.startswith("Maria Lopez,"))
    panel.querySelection().selectChild(row.indexInParent)
    detail = wait_for("the selected-actor details", lambda: first(app, lambda n: n.name == "Selected actor"))
    wait_for("the quote as a literal label in the side panel",
             lambda: first(detail, lambda n: n.roleName == "label" and n.name == f"“{QUOTE}”"), timeout=10)
    step("statement label in the panel is literal")

    # ---- 2. Export from the window -------------------------------------------------------------
    step("exporting to Markdown through the Export menu")
    export_button = wait_for("the Export menu button",
                             lambda: first(app, lambda n: n.name == "Export" and on_screen(n)))
    click(export_button)
    item = wait_for("the Markdown item of the Export menu",
                    lambda: first(app, lambda n: n.roleName == "menu item"
                                  and (n.name or "").replace("_", "") == "Markdown…" and on_screen(n)),
                    timeout=10)
    activate(item)
    wait_for(f"the exported file {export_path}",
             lambda: os.path.isfile(export_path) and os.path.getsize(export_path) > 0, timeout=20)
    with open(export_path, encoding="utf-8") as f:
        exported = f.read()
    if "Maria Lopez" not in exported:
        fail("the exported Markdown does not name Maria Lopez")
    wait_for("the toast “Exported to markup-article.md”",
             lambda: first(app, lambda n: n.name == "Exported to markup-article.md" and on_screen(n)), timeout=10)
    step(f"exported {len(exported)} characters; toast shown")

    step("Ctrl+E opens the Export menu, Escape closes it")
    def expanded():
        return export_button.getState().contains(pyatspi.STATE_EXPANDED)
    if expanded():
        fail("the Export menu is still open after choosing Markdown")
    press_ctrl(0x65)  # e
    wait_for("the Export menu open (EXPANDED)", expanded, timeout=10)
    pyatspi.Registry.generateKeyboardEvent(0xff1b, None, pyatspi.KEY_SYM)  # Escape
    wait_for("the Export menu closed by Escape", lambda: not expanded(), timeout=10)

    # ---- 3 and 4. Preferences apply live; settings survive a restart ---------------------------------------------------------
    frame = main_window(app)
    if "Light style" not in (frame.description or ""):
        fail(f"the window is not light at first: description {frame.description!r}")
    step("setting the dark style: Main Menu → Preferences → Dark")
    prefs = open_preferences(app)
    dark = wait_for("the Dark style check button",
                    lambda: first(prefs, lambda n: n.roleName == "check box"
                                  and (n.name or "").startswith("Dark style") and on_screen(n)), timeout=10)
    if dark.getState().contains(pyatspi.STATE_CHECKED):
        fail("the Dark style check button is checked before it was clicked")
    click(dark)
    wait_for("the Dark style check button to be checked",
             lambda: dark.getState().contains(pyatspi.STATE_CHECKED), timeout=10)
    wait_for("the window's dark style", lambda: "Dark style" in (main_window(app).description or ""), timeout=10)
    wait_for("color-scheme 'dark' in the settings", lambda: gsettings_get("color-scheme") == "'dark'", timeout=10)
    step("dark style shown and stored")

    step("Preferences → Highlights → Person off: person mentions lose their colour at once")
    article = first(app, lambda n: n.name == "Article text")
    text_iface = article.queryText()
    carlos = text_iface.getText(0, -1).find("Carlos Ruiz") + 2

    def background_at(offset):
        attributes, start, end = text_iface.getAttributeRun(offset, False)
        return any(a.startswith("bg-color:") for a in attributes)
    if not background_at(carlos):
        fail("the Carlos Ruiz mention is not highlighted before the change")
    person = wait_for("the Person highlight switch", lambda: first(
        prefs, lambda n: (n.name or "").startswith("Highlight person mentions") and on_screen(n)), timeout=10)
    click(person)
    wait_for("the Carlos Ruiz mention without highlight", lambda: not background_at(carlos), timeout=10)
    types = gsettings_get("highlight-types")
    if "person" in types or "place" not in types:
        fail(f"highlight-types is {types} after switching Person off")
    step(f"person highlight removed; highlight-types {types}")

    step("gsettings set article-font 'Monospace 20': the article text follows")
    subprocess.run(["gsettings", "set", SCHEMA, "article-font", "Monospace 20"], env=env, check=True, timeout=20)
    wait_for("the article text in Monospace",
             lambda: "family-name:Monospace" in text_iface.getDefaultAttributes(), timeout=10)
    step("article font applied live")
    subprocess.run(["import", "-window", "root", SCREENSHOT], check=True, timeout=30)

    step("Preferences controls bound to their keys: `gsettings set` moves the open window's spin button")
    spin = wait_for("the minimum confidence spin button", lambda: first(
        prefs, lambda n: (n.name or "").startswith("Minimum confidence of a shown position")), timeout=10)
    subprocess.run(["gsettings", "set", SCHEMA, "positions-minimum-confidence", "0.25"], env=env, check=True, timeout=20)
    wait_for("the spin button at 0.25", lambda: abs(spin.queryValue().currentValue - 0.25) < 1e-6, timeout=10)
    subprocess.run(["gsettings", "set", SCHEMA, "positions-minimum-confidence", "0.0"], env=env, check=True, timeout=20)
    wait_for("the spin button back at 0", lambda: abs(spin.queryValue().currentValue) < 1e-6, timeout=10)
    step("spin button follows positions-minimum-confidence")

    step("quitting with Ctrl+Q")
    press_ctrl(0x71)  # q
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        fail("Ctrl+Q did not quit the application")
    if process.returncode != 0:
        fail(f"the application exited with status {process.returncode}")

    step("restarting on the article (without the test-only export path): the window must be dark")
    env2 = {k: v for k, v in env.items() if k != "DRAMATIS_EXPORT_PATH"}
    process, app = start(env2, article_path)
    wait_for("the restarted window in the dark style",
             lambda: "Dark style" in (main_window(app).description or ""), timeout=30)
    if gsettings_get("color-scheme") != "'dark'":
        fail("color-scheme is no longer 'dark' after the restart")
    prefs = open_preferences(app)
    for name, checked in [("Dark style", True), ("Light style", False), ("Highlight person mentions", False),
                          ("Highlight place mentions", True)]:
        node = wait_for(f"the {name} control", lambda: first(prefs, lambda n: (n.name or "").startswith(name)))
        if node.getState().contains(pyatspi.STATE_CHECKED) != checked:
            fail(f"after the restart, {name} is {'not ' if checked else ''}checked in Preferences")
    step("Preferences shows the stored choices after the restart")
    gtk_window_close = 0xff1b  # Escape closes the Preferences window
    pyatspi.Registry.generateKeyboardEvent(gtk_window_close, None, pyatspi.KEY_SYM)
    wait_for("the Preferences window to close",
             lambda: not any(w.name == "Preferences" for w in app.children), timeout=10)

    step("exporting a PDF through the save dialog")
    wait_for("the analysed article", lambda: first(app, lambda n: n.roleName == "list item"
                                                   and (n.name or "").startswith("Maria Lopez,")))
    export_button = wait_for("the Export menu button",
                             lambda: first(app, lambda n: n.name == "Export" and on_screen(n)))
    wait_for("Export enabled", lambda: export_button.getState().contains(pyatspi.STATE_SENSITIVE), timeout=10)
    click(export_button)
    activate(wait_for("the PDF item of the Export menu",
                      lambda: first(app, lambda n: n.roleName == "menu item" and (n.name or "") == "PDF…"
                                    and on_screen(n)), timeout=10))
    chooser = wait_for("the save dialog “Export as PDF”",
                       lambda: next((w for w in app.children if w.name == "Export as PDF"), None), timeout=15)
    name_field = wait_for("the Name field", lambda: walk(chooser, lambda n: n.roleName == "text" and n.name == "Name:"))
    def field_text():
        # GTK 4.8's entries answer getText(0, -1) with "": ask for the character count.
        text = name_field.queryText()
        return text.getText(0, text.characterCount)
    suggested = wait_for("the suggested name in the Name field", field_text, timeout=10)
    if suggested != "ministers-b-bold-b-claims-span-foreground-red-x-span-script.pdf":
        fail(f"unexpected suggested file name {suggested!r}")
    step(f"suggested name: {suggested}")
    pdf_path = os.path.join(work, "export", "typed name.pdf")
    name_field.queryEditableText().setTextContents(pdf_path)
    wait_for("the typed path in the Name field", lambda: field_text() == pdf_path, timeout=10)
    pyatspi.Registry.generateKeyboardEvent(0xff0d, None, pyatspi.KEY_SYM)  # Return: the default Export
    wait_for(f"the exported PDF {pdf_path}", lambda: os.path.isfile(pdf_path) and os.path.getsize(pdf_path) > 0,
             timeout=30)
    with open(pdf_path, "rb") as f:
        if f.read(5) != b"%PDF-":
            fail("the exported file is not a PDF")
    wait_for("the toast “Exported to typed name.pdf”",
             lambda: first(app, lambda n: n.name == "Exported to typed name.pdf" and on_screen(n)), timeout=10)
    step(f"PDF of {os.path.getsize(pdf_path)} bytes written; toast shown")
    step("dark style restored after the restart")
    print("PASS")
finally:
    stop_all()
    shutil.rmtree(work, ignore_errors=True)
