"""Charts as inline SVG: bars, columns over time, a log-log map, a radar.

The report embeds its charts in the page; SVG made here is small, sharp at any zoom,
its text selectable, and drawing it costs milliseconds where a plotting library
costs seconds on a 3,000-article report. Every text (labels come from documents)
is XML-escaped; a full label too long to show is kept in a `<title>` tooltip.

>>> svg = bars(["AI", "robots"], [3, 1], ["#4e79a7", "#59a14f"], "articles")
>>> svg.startswith("<svg") and "AI" in svg and svg.count("<rect") >= 2
True
>>> nice_ticks(0, 7, integer=True)
[0, 2, 4, 6, 8]
"""

from __future__ import annotations

import hashlib
import html
import math

from .errors import for_terminal

__all__ = ["bars", "columns", "log_map", "radar", "nice_ticks", "short"]

FONT = "font-family='system-ui,sans-serif' font-size='11'"
GRID = "#e3e3e3"
INK = "#333"
MUTED = "#666"


def _e(text) -> str:
    # (control characters and bidirectional overrides shown as escapes, not obeyed)
    return html.escape(for_terminal(str(text)), quote=True)


def short(text: str, width: int = 40) -> str:
    """Text cut to `width` characters with an ellipsis.

    >>> short("a rather long label indeed", 10)
    'a rather…'
    """
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _label(x: float, y: float, text: str, width: int = 40, anchor: str = "start",
           extra: str = "") -> str:
    """A text, cut to `width`, with the whole text as its tooltip when cut."""
    shown = short(text, width)
    tip = f"<title>{_e(text)}</title>" if shown != " ".join(str(text).split()) else ""
    return (f"<text x='{x:.1f}' y='{y:.1f}' text-anchor='{anchor}' {extra}>{tip}"
            f"{_e(shown)}</text>")


def _svg(width: int, height: int, body: list[str], title: str) -> str:
    return (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
            f"viewBox='0 0 {width} {height}' role='img' {FONT}><title>{_e(title)}</title>"
            + "".join(body) + "</svg>")


def nice_ticks(low: float, high: float, count: int = 5, integer: bool = False) -> list[float]:
    """Round tick values covering [low, high]: steps of 1, 2 or 5 times a power of ten
    (at least 1 for counts)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    if integer:
        step = max(1, round(step))
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(int(round(value)) if integer else round(value, 10))
        value += step
    return ticks


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:g}"


def bars(labels: list[str], values: list[float], colours: list[str], xlabel: str,
         integer: bool = True, legend: dict[str, str] | None = None,
         title: str = "") -> str:
    """Horizontal bars, the first label on top, values at the bars' ends."""
    row, right, top, cut = 20, 60, 8, 46
    longest = max((len(short(label, cut)) for label in labels), default=10)
    left = int(16 + 6.3 * longest)  # room for the longest label at 11 px
    width = left + 520
    height = top + row * len(labels) + 44 + (18 if legend else 0)
    plot = width - left - right
    ticks = nice_ticks(0, max(values, default=1), 5, integer)
    scale = plot / ticks[-1]
    body = []
    for tick in ticks:
        x = left + tick * scale
        body.append(f"<line x1='{x:.1f}' y1='{top}' x2='{x:.1f}' y2='{top + row * len(labels)}' "
                    f"stroke='{GRID}'/>")
        body.append(f"<text x='{x:.1f}' y='{top + row * len(labels) + 14}' text-anchor='middle' "
                    f"fill='{MUTED}'>{_number(tick)}</text>")
    for i, (label, value, colour) in enumerate(zip(labels, values, colours)):
        y = top + i * row
        body.append(_label(left - 6, y + row * 0.68, label, cut, "end"))
        body.append(f"<rect x='{left}' y='{y + 3}' width='{max(value * scale, 1):.1f}' "
                    f"height='{row - 6}' fill='{_e(colour)}'><title>{_e(label)}: "
                    f"{_e(_number(value) if integer else f'{value:.2f}')}</title></rect>")
        body.append(f"<text x='{left + value * scale + 4:.1f}' y='{y + row * 0.68:.1f}' "
                    f"fill='{INK}'>{_e(_number(value) if integer else f'{value:.1f}')}</text>")
    body.append(f"<text x='{left + plot / 2:.1f}' y='{top + row * len(labels) + 32}' "
                f"text-anchor='middle' fill='{INK}'>{_e(xlabel)}</text>")
    if legend:
        x = left
        for name, colour in legend.items():
            body.append(f"<rect x='{x}' y='{height - 14}' width='10' height='10' "
                        f"fill='{_e(colour)}'/><text x='{x + 14}' y='{height - 5}'>{_e(name)}</text>")
            x += 24 + 7 * len(name)
    return _svg(width, height, body, title or xlabel)


def columns(labels: list[str], values: list[int], ylabel: str, title: str = "") -> str:
    """Vertical bars in order (a timeline); x labels every year when there are many."""
    width, height, left, bottom, top = 760, 190, 44, 34, 10
    plot_w, plot_h = width - left - 12, height - top - bottom
    ticks = nice_ticks(0, max(values, default=1), 4, integer=True)
    scale = plot_h / ticks[-1]
    step = plot_w / max(len(labels), 1)
    body = []
    for tick in ticks:
        y = top + plot_h - tick * scale
        body.append(f"<line x1='{left}' y1='{y:.1f}' x2='{width - 12}' y2='{y:.1f}' "
                    f"stroke='{GRID}'/><text x='{left - 5}' y='{y + 4:.1f}' text-anchor='end' "
                    f"fill='{MUTED}'>{tick}</text>")
    yearly = len(labels) > 24
    every = max(1, math.ceil(len(labels) / 9))  # at most nine labels of months
    for i, (label, value) in enumerate(zip(labels, values)):
        x = left + i * step
        if value:
            body.append(f"<rect x='{x + step * 0.1:.1f}' y='{top + plot_h - value * scale:.1f}' "
                        f"width='{max(step * 0.8, 1):.1f}' height='{value * scale:.1f}' "
                        f"fill='#4e79a7'><title>{_e(label)}: {value}</title></rect>")
        if (label.endswith("-01") or i == 0) if yearly else i % every == 0:
            text = label[:4] if yearly else label
            body.append(f"<text x='{x + step / 2:.1f}' y='{top + plot_h + 14}' "
                        f"text-anchor='middle' fill='{MUTED}'>{_e(text)}</text>")
    body.append(f"<text x='12' y='{top + plot_h / 2:.1f}' text-anchor='middle' fill='{INK}' "
                f"transform='rotate(-90 12 {top + plot_h / 2:.1f})'>{_e(ylabel)}</text>")
    return _svg(width, height, body, title or ylabel)


def _log_ticks(low: float, high: float, candidates: list[float]) -> list[float]:
    inside = [c for c in candidates if low <= c <= high]
    while len(inside) > 8:
        inside = inside[::2]
    return inside


_SHARES = [m * 10 ** p for p in range(-5, 1) for m in (1, 2, 5)] + [1.0]
_FACTORS = [0.1, 0.25, 0.5, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0, 3.0, 5.0, 10.0]


def _growth_label(factor: float) -> str:
    """A growth factor as people read it: 1.25 -> "+25%", 1 -> "0%"."""
    percent = round((factor - 1) * 100)
    return f"{percent:+d}%" if percent else "0%"


def log_map(points: list[dict], xlabel: str, ylabel: str, x_cut: float, y_cut: float,
            corners: tuple[str, str, str, str], legend: dict[str, str], title: str = "") -> str:
    """A scatter on log axes: points are dicts with x (a share, > 0), y (a growth factor,
    > 0), size, colour, label (shown when `show`) and tip; dashed lines at the cuts;
    `corners` names the quadrants (top left, top right, bottom left, bottom right).
    x ticks read as percentages, y ticks as growth (+25%)."""
    width, height, left, right, top, bottom = 820, 470, 62, 130, 12, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    xs = [p["x"] for p in points] + [x_cut]
    ys = [p["y"] for p in points] + [y_cut]
    x0, x1 = math.log(min(xs) / 1.5), math.log(max(xs) * 1.5)
    y0, y1 = math.log(min(ys) / 1.12), math.log(max(ys) * 1.12)

    def px(x: float) -> float:
        return left + (math.log(x) - x0) / (x1 - x0) * plot_w

    def py(y: float) -> float:
        return top + plot_h - (math.log(y) - y0) / (y1 - y0) * plot_h

    body = [f"<rect x='{left}' y='{top}' width='{plot_w}' height='{plot_h}' fill='none' "
            f"stroke='#bbb'/>"]
    for tick in _log_ticks(math.exp(x0), math.exp(x1), _SHARES):
        x = px(tick)
        body.append(f"<line x1='{x:.1f}' y1='{top}' x2='{x:.1f}' y2='{top + plot_h}' "
                    f"stroke='{GRID}'/><text x='{x:.1f}' y='{top + plot_h + 14}' "
                    f"text-anchor='middle' fill='{MUTED}'>{tick * 100:g}%</text>")
    for tick in _log_ticks(math.exp(y0), math.exp(y1), _FACTORS):
        y = py(tick)
        body.append(f"<line x1='{left}' y1='{y:.1f}' x2='{left + plot_w}' y2='{y:.1f}' "
                    f"stroke='{GRID}'/><text x='{left - 5}' y='{y + 4:.1f}' text-anchor='end' "
                    f"fill='{MUTED}'>{_growth_label(tick)}</text>")
    body.append(f"<line x1='{px(x_cut):.1f}' y1='{top}' x2='{px(x_cut):.1f}' "
                f"y2='{top + plot_h}' stroke='#888' stroke-dasharray='5 4'/>")
    body.append(f"<line x1='{left}' y1='{py(y_cut):.1f}' x2='{left + plot_w}' "
                f"y2='{py(y_cut):.1f}' stroke='#888' stroke-dasharray='5 4'/>")
    for (x, y, anchor), name in zip(((left + 6, top + 16, "start"),
                                     (left + plot_w - 6, top + 16, "end"),
                                     (left + 6, top + plot_h - 8, "start"),
                                     (left + plot_w - 6, top + plot_h - 8, "end")), corners):
        body.append(f"<text x='{x}' y='{y}' text-anchor='{anchor}' fill='#777' "
                    f"font-style='italic' font-size='12'>{_e(name)}</text>")
    labels = []
    for p in sorted(points, key=lambda p: -p["size"]):
        x, y = px(p["x"]), py(p["y"])
        body.append(f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{p['size']:.1f}' "
                    f"fill='{_e(p['colour'])}' fill-opacity='0.8' stroke='#333' "
                    f"stroke-width='0.5'><title>{_e(p['tip'])}</title></circle>")
        if p.get("show"):
            labels.append((x, y, p))
    placed: list[tuple[float, float, float, float]] = []  # label boxes: x0, y0, x1, y1
    for x, y, p in labels:
        text = short(p["label"], 30)
        wide = 5.6 * len(text)
        for anchor in ("start", "end"):  # right of the point, else left of it
            x0 = x + p["size"] + 3 if anchor == "start" else x - p["size"] - 3 - wide
            box = (x0, y - 13, x0 + wide, y)
            inside = left <= box[0] and box[2] <= left + plot_w and top <= box[1]
            if inside and not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and
                                  b[1] < box[3] for b in placed):
                placed.append(box)
                body.append(_label(x0 if anchor == "start" else box[2], y - 3, p["label"], 30,
                                   anchor, "font-size='10' fill='#111' paint-order='stroke' "
                                           "stroke='#fff' stroke-width='3'"))
                break
    body.append(f"<text x='{left + plot_w / 2:.1f}' y='{height - 8}' text-anchor='middle' "
                f"fill='{INK}'>{_e(xlabel)}</text>")
    body.append(f"<text x='14' y='{top + plot_h / 2:.1f}' text-anchor='middle' fill='{INK}' "
                f"transform='rotate(-90 14 {top + plot_h / 2:.1f})'>{_e(ylabel)}</text>")
    y = top + 10
    for name, colour in legend.items():
        body.append(f"<circle cx='{width - right + 18}' cy='{y}' r='5' fill='{_e(colour)}' "
                    f"stroke='#333' stroke-width='0.5'/><text x='{width - right + 28}' "
                    f"y='{y + 4}'>{_e(name)}</text>")
        y += 18
    return _svg(width, height, body, title or f"{ylabel} by {xlabel}")


def radar(blips: list[dict], sectors: list[str], rings: list[str], legend: dict[str, str],
          title: str = "") -> str:
    """Blips (dicts with node, sector, ring index (0 inner), size, colour, tip) in
    sectors and rings; a blip's place inside its cell comes from a hash of its node, so
    the chart is the same every run."""
    width, height = 760, 600
    cx, cy, radius = 350, 300, 250
    # Rings of equal area (radius ~ sqrt), so the inner ring is not the most crowded.
    edge = [radius * math.sqrt(i / len(rings)) for i in range(len(rings) + 1)]
    body = []
    for i in range(len(rings), 0, -1):
        body.append(f"<circle cx='{cx}' cy='{cy}' r='{edge[i]:.1f}' fill='"
                    f"{'#f7f7f7' if i % 2 else '#fff'}' stroke='#ccc'/>")
    share = 2 * math.pi / max(len(sectors), 1)
    for i, sector in enumerate(sectors):
        angle = -math.pi / 2 + i * share
        body.append(f"<line x1='{cx}' y1='{cy}' x2='{cx + radius * math.cos(angle):.1f}' "
                    f"y2='{cy + radius * math.sin(angle):.1f}' stroke='#ccc'/>")
        middle = angle + share / 2
        x, y = cx + (radius + 18) * math.cos(middle), cy + (radius + 18) * math.sin(middle)
        anchor = "middle" if abs(math.cos(middle)) < 0.3 else "start" if math.cos(middle) > 0 \
            else "end"
        body.append(_label(x, y + 4, sector, 18, anchor, "font-size='12' font-weight='600'"))
    for i, ring in enumerate(rings):
        body.append(f"<text x='{cx + 3}' y='{cy - (edge[i] + edge[i + 1]) / 2 + 4:.1f}' "
                    f"fill='{MUTED}' font-size='10'>{_e(ring)}</text>")
    for blip in sorted(blips, key=lambda b: -b["size"]):
        digest = hashlib.blake2b(blip["node"].encode(), digest_size=8).digest()
        a, r = int.from_bytes(digest[:4], "big") / 2 ** 32, int.from_bytes(digest[4:], "big") / 2 ** 32
        angle = -math.pi / 2 + (blip["sector"] + 0.08 + 0.84 * a) * share
        inner, outer = edge[blip["ring"]], edge[blip["ring"] + 1]
        distance = inner + (outer - inner) * (0.12 + 0.76 * r)
        body.append(f"<circle cx='{cx + distance * math.cos(angle):.1f}' "
                    f"cy='{cy + distance * math.sin(angle):.1f}' r='{blip['size']:.1f}' "
                    f"fill='{_e(blip['colour'])}' fill-opacity='0.75' stroke='#333' "
                    f"stroke-width='0.4'><title>{_e(blip['tip'])}</title></circle>")
    y = 24
    for name, colour in legend.items():
        body.append(f"<circle cx='{width - 100}' cy='{y}' r='5' fill='{_e(colour)}' stroke='#333' "
                    f"stroke-width='0.5'/><text x='{width - 90}' y='{y + 4}'>{_e(name)}</text>")
        y += 18
    body.append(f"<text x='{width - 100}' y='{y + 8}' fill='{MUTED}' font-size='10'>rings: "
                "relevancy</text>")
    return _svg(width, height, body, title or "radar")
