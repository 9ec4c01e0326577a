"""Drive a real headless Chromium (Debian's `chromium`) with Playwright.

Nothing is downloaded: Playwright only drives the browser installed on the
machine (`.ci/run` installs it). Without one, browser tests skip, unless
KG_REQUIRE_TOOLS=1 (set by CI), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from kg.view import CHROMIUM_FLAGS, find_chromium


def chromium_or_skip() -> str:
    path = find_chromium()
    if path:
        return path
    if os.environ.get("KG_REQUIRE_TOOLS") == "1":
        pytest.fail("KG_REQUIRE_TOOLS=1 but no Chromium found (install Debian's chromium)")
    pytest.skip("no Chromium on this machine")


@contextmanager
def launched():
    """A Playwright Chromium browser, headless, with background networking off."""
    executable = chromium_or_skip()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True,
            args=[flag for flag in CHROMIUM_FLAGS if flag != "--headless"])
        try:
            yield browser
        finally:
            browser.close()


class OpenPage:
    """A page opened with the network off, recording every request, script error and
    breach of the page's Content-Security-Policy (`violations()`)."""

    def __init__(self, browser, path: Path, viewport=(1400, 900), fragment: str = ""):
        self.context = browser.new_context(offline=True, viewport={"width": viewport[0],
                                                                   "height": viewport[1]})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.add_init_script("window.cspViolations = []; document.addEventListener("
                                  "'securitypolicyviolation', e => window.cspViolations.push("
                                  "e.violatedDirective + ' ' + e.blockedURI))")
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)
        self.page.goto(Path(path).resolve().as_uri() + fragment)
        try:
            self.wait_for("window.kg && window.kg.ready", timeout=60)
        except AssertionError as error:  # say why: the page's own errors
            raise AssertionError(f"the page never got ready; its errors: {self.errors}") from error

    def _route(self, route) -> None:
        self.requests.append(route.request.url)
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def wait_for(self, expression: str, arg=None, timeout: float = 30) -> None:
        """Wait until `expression` is true in the page. (Playwright's wait_for_function
        evaluates strings with eval, which the explorer's policy rightly forbids.)"""
        deadline = time.monotonic() + timeout
        while not self.eval(expression, arg):
            if time.monotonic() > deadline:
                raise AssertionError(f"never true in the page: {expression}")
            time.sleep(0.05)

    def violations(self) -> list[str]:
        return self.eval("window.cspViolations")

    def eval(self, script: str, arg=None):
        return self.page.evaluate(script, arg)

    def close(self) -> None:
        self.context.close()
