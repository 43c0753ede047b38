"""Headless Chromium for the tests that look at what a reader sees (Debian's chromium + chromium-driver).

`make test` and CI install them (`.ci/run`); where they are missing the browser tests are skipped
with the reason, never silently passed. Run as a script to save screenshots of every report of a
report folder into ``screenshots/`` (ignored by git): ``python tests/browser.py reports``.
"""
from __future__ import annotations

import base64
import shutil
import sys
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,900")


def missing() -> str | None:
    """Why a browser cannot run here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed"
    for exe in (CHROMIUM, CHROMEDRIVER):
        if not Path(exe).exists():
            return f"{exe} is missing (apt-get install chromium chromium-driver)"
    return None


def driver():
    """A headless Chromium driven by Selenium."""
    import tempfile

    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    for flag in FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='salesnb-chromium-')}")
    opts.binary_location = CHROMIUM
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)


def screenshot(d, path: Path) -> Path:
    """The whole page as a PNG next to ``path`` (or at ``path`` if it ends in .png)."""
    height = d.execute_script("return document.documentElement.scrollHeight")
    shot = d.execute_cdp_cmd("Page.captureScreenshot", {
        "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": 1280, "height": min(int(height), 16000), "scale": 1}})
    out = path if path.suffix == ".png" else path.with_suffix(".png")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(base64.b64decode(shot["data"]))
    return out


#: What the page reports about itself: overflowing tables, title, language, images.
PAGE_FACTS = """
const tables = [...document.querySelectorAll('table')];
const over = tables.filter(t => {
  const box = t.getBoundingClientRect();
  return box.right > document.documentElement.clientWidth + 1;
}).map(t => (t.innerText || '').slice(0, 60));
return {
  title: document.title,
  lang: document.documentElement.lang,
  overflowing_tables: over,
  page_overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
  images: [...document.querySelectorAll('img')].map(i => i.src),
  text: document.body.innerText,
};
"""


def main(folder: str) -> None:
    """Screenshots of every HTML report under ``folder`` into ``screenshots/``."""
    root = Path(folder).resolve()
    out = Path("screenshots").resolve()
    d = driver()
    try:
        for page in sorted(root.rglob("*.html")):
            d.get(page.as_uri())
            print(screenshot(d, out / page.relative_to(root).with_suffix(".png")))
    finally:
        d.quit()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "reports")
