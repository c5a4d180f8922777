"""Make the app's PNG icons from its one drawing, static/icon.svg: python scripts/make_icons.py

The PNGs are committed; run this again after changing the SVG. Chromium draws the SVG (Playwright
driving Debian's /usr/bin/chromium, as the browser tests do) at each size, and the PNG is its
screenshot:
- icon-192.png, icon-512.png: the SVG as it is, its rounded corners transparent;
- icon-maskable-512.png: for systems that cut icons to their own shape (Android's adaptive icons),
  the mark drawn small enough to stay inside the safe circle (80% of the width), on a square filled
  with the SVG's background colour to the edges;
- apple-touch-icon.png (180): the same full square, as iOS rounds the corners itself and turns
  transparent ones black.
"""

from __future__ import annotations

import base64
import re
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

STATIC = Path(__file__).resolve().parents[1] / "src" / "unknot" / "web" / "static"
CHROMIUM = "/usr/bin/chromium"
# name: (size in pixels, how much of the width the drawing takes, filled to the edges)
ICONS = {
    "icon-192.png": (192, 1.0, False),
    "icon-512.png": (512, 1.0, False),
    "icon-maskable-512.png": (512, 0.7, True),
    "apple-touch-icon.png": (180, 0.8, True),
}


def background_of(svg: str) -> str:
    """The colour of the SVG's first filled shape: its background square."""
    found = re.search(r'fill="(#[0-9a-fA-F]{3,6})"', svg)
    if not found:
        raise SystemExit('icon.svg: its background square needs a fill colour like fill="#0b5d57"')
    return found.group(1)


def draw(page: Page, svg: str, size: int, share: float, full: bool) -> bytes:
    source = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    side = round(size * share)
    backdrop = background_of(svg) if full else "transparent"
    page.set_viewport_size({"width": size, "height": size})
    page.set_content(
        f'<body style="margin:0;display:grid;place-items:center;width:{size}px;height:{size}px;'
        f'background:{backdrop}"><img src="{source}" width="{side}" height="{side}"></body>'
    )
    page.wait_for_function("document.images[0].complete")
    return page.screenshot(omit_background=not full)


def main() -> int:
    svg = (STATIC / "icon.svg").read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(device_scale_factor=1)
        for name, (size, share, full) in ICONS.items():
            (STATIC / name).write_bytes(draw(page, svg, size, share, full))
            print(f"{name}: {size}x{size}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
