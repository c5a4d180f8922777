"""SVG to PNG, for the formats that need pixels (the contact sheet, notification images)."""

from __future__ import annotations


def png_bytes(svg: str, zoom: float = 2.0, background: str = "#ffffff") -> bytes:
    """The SVG drawn to a PNG (resvg: no browser, no system library)."""
    import resvg_py

    return bytes(resvg_py.svg_to_bytes(svg_string=svg, zoom=zoom, background=background))
