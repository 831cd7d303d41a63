"""Charts as inline SVG, drawn on the server: no script, no external library, nothing to load."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from markupsafe import Markup

BAR_COLOUR = "#1f6feb"
AXIS_COLOUR = "#57606a"
# Drawing units: the SVG scales to its box, so a chart 460 units wide keeps 13-unit text readable from a
# phone (≈ 10 px) to a wide screen (≈ 17 px).
WIDTH = 460
FONT_SIZE = 13
CJK_WIDTH, LATIN_WIDTH = 1.0, 0.62  # of the font size, to size the label column of bar charts


def _text_width(text: str) -> float:
    return sum(FONT_SIZE * (CJK_WIDTH if ord(c) > 0x2E80 else LATIN_WIDTH) for c in text)


def _fit(text: str, width: float) -> str:
    """``text``, shortened with an ellipsis to about ``width`` units."""
    if _text_width(text) <= width:
        return text
    while text and _text_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def column_chart(title: str, labels: Sequence[str], values: Sequence[int], colour: str = BAR_COLOUR) -> Markup:
    """Vertical bars, one per label (days), with the maximum marked on the axis."""
    width, height, left, bottom, top = WIDTH, 170, 36, 28, 12
    plot_width, plot_height = width - left - 8, height - bottom - top
    peak = max(values, default=0) or 1
    step = plot_width / max(len(values), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{_attr(title)}" class="chart">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{left}" y1="{top + plot_height}" x2="{width - 8}" y2="{top + plot_height}" '
        f'stroke="{AXIS_COLOUR}"/>',
        f'<text x="{left - 4}" y="{top + 8}" text-anchor="end" font-size="{FONT_SIZE}">{peak}</text>',
        f'<text x="{left - 4}" y="{top + plot_height}" text-anchor="end" font-size="{FONT_SIZE}">0</text>',
    ]
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        bar_height = plot_height * value / peak
        x = left + index * step + step * 0.1
        y = top + plot_height - bar_height
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.8:.1f}" height="{bar_height:.1f}" '
            f'fill="{colour}">'
            f"<title>{escape(label)}: {value}</title></rect>"
        )
    label_every = max(1, -(-len(labels) // 6))
    for index, label in enumerate(labels):
        if index % label_every == 0:
            x = left + index * step + step / 2
            parts.append(
                f'<text x="{x:.1f}" y="{height - 10}" text-anchor="middle" font-size="{FONT_SIZE}">'
                f"{escape(label)}</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def bar_chart(title: str, labels: Sequence[str], values: Sequence[int], colour: str = BAR_COLOUR) -> Markup:
    """Horizontal bars, one per label (departments, finding types), value printed at the end."""
    row, width = 24, WIDTH
    label_width = min(width // 2, max(48, round(max(map(_text_width, labels), default=0)) + 10))
    height = row * max(len(labels), 1) + 8
    peak = max(values, default=0) or 1
    bar_space = width - label_width - 8 - FONT_SIZE * LATIN_WIDTH * (len(str(peak)) + 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{_attr(title)}" class="chart">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = 4 + index * row
        bar = bar_space * value / peak
        parts.append(
            f"<g><title>{escape(label)}: {value}</title>"
            f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end" font-size="{FONT_SIZE}">'
            f"{escape(_fit(label, label_width - 8))}</text>"
            f'<rect x="{label_width}" y="{y + 3}" width="{bar:.1f}" height="{row - 8}" fill="{colour}"/>'
            f'<text x="{label_width + bar + 4:.1f}" y="{y + 14}" font-size="{FONT_SIZE}">{value}</text></g>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
