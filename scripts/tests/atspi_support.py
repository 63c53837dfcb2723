"""Shared helpers of the AT-SPI GUI tests (gui_test.py, gui_test_window.py): dogtail set-up,
steps, failure with a screenshot, waiting, and finding nodes and the app on the bus."""
import os
import subprocess
import sys
import time

from dogtail.config import config
config.checkForA11y = False  # must precede dogtail.tree, or dogtail exits 1 silently
config.searchCutoffCount = 3
config.defaultDelay = 0.2
config.logDebugToStdOut = False
config.logDebugToFile = False
from dogtail import tree  # noqa: E402
import pyatspi  # noqa: E402,F401  (re-exported for the tests)

TIMEOUT = float(os.environ.get("GUI_TEST_TIMEOUT", "60"))
# Set by each test: where a failure's screenshot goes, and what to clean up before exiting.
failure_screenshot = None
on_failure = None


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    if failure_screenshot:
        try:
            subprocess.run(["import", "-window", "root", failure_screenshot], timeout=20)
        except Exception:
            pass
    if on_failure:
        on_failure()
    sys.exit(1)


def step(message):
    print(f"- {message}", flush=True)


def wait_for(what, find, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = find()
        except Exception:
            found = None
        if found:
            return found
        time.sleep(0.25)
    fail(f"timed out after {timeout:.0f} s waiting for {what}")


def descendants(node, pred):
    return node.findChildren(lambda n: pred(n), recursive=True, showingOnly=False)


def first(node, pred):
    return next(iter(descendants(node, pred)), None)


def find_app(pid):
    for app in tree.root.applications():
        try:
            if app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None
