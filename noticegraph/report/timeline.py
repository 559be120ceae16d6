"""The timeline (Gantt) of suspension windows: a pure layout, drawn as inline SVG and as a PNG.

One panel per province, each with its own date axis (the corpus spans years: one
axis for all would squeeze every window into a hairline). Inside a panel the
province's own windows come first, then each city's; one lane and one bar per
window. An open-ended window reaches the panel's end; tentative (预计/拟) and
vague (下旬) windows are hatched and say so in their label.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from html import escape
from pathlib import Path

from noticegraph.report.data import Region, ReportData, Window

CHINA = timezone(timedelta(hours=8))          # Asia/Shanghai has had no DST since 1991
WIDTH, LABELS, MARGIN = 960, 150, 16          # SVG pixels: whole width, label column, right margin
LANE, BAR, AXIS = 24, 14, 26                  # lane height, bar height, axis band
TICK_STEPS = (1, 2, 3, 7, 14, 28, 56, 91)     # days between ticks; the smallest giving at most MAX_TICKS
MAX_TICKS = 10
CLOSED, OPEN, SUPERSEDED = "#e07b6f", "#f0b35e", "#c8c8c8"   # bar colours, as in templates/report.css


@dataclass(frozen=True)
class Bar:
    window: Window
    region: Region
    x: float
    width: float
    y: float
    label: str                   # dates and marks, e.g. "2月21日 起（未定结束）"
    href: str
    superseded: bool = False     # a later notice revised this window (the events graph)

    @property
    def marks(self) -> tuple[str, ...]:
        w = self.window
        return tuple(m for m, on in (("open", w.open_ended), ("tentative", w.tentative), ("vague", w.vague),
                                     ("superseded", self.superseded)) if on)


@dataclass(frozen=True)
class Panel:
    province: Region
    start: datetime              # local midnight before the first start
    end: datetime                # the axis end (open bars reach it)
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, str], ...]
    groups: tuple[tuple[Region, float, float], ...]   # region, first lane's y, last lane's bottom
    height: float


def day_floor(moment: datetime) -> datetime:
    local = moment.astimezone(CHINA)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def axis_span(windows: Sequence[Window]) -> tuple[datetime, datetime]:
    """Local midnight before the first start → midnight after the last stated time, with room after it
    for open-ended windows to read as open (at least three days, or a sixth of the span)."""
    start = day_floor(min(w.start for w in windows))
    last = max(max(w.start, w.end or w.start) for w in windows)
    end = day_floor(last) + (timedelta(days=1) if last != day_floor(last) else timedelta(0))
    end = max(end, start + timedelta(days=1))
    if any(w.end is None for w in windows):
        end = day_floor(end + max(timedelta(days=3), (end - start) / 6) + timedelta(hours=23))
    return start, end


def ticks(start: datetime, end: datetime, x: Callable[[datetime], float]) -> tuple[tuple[float, str], ...]:
    days = (end - start).days
    step = next((s for s in TICK_STEPS if days / s <= MAX_TICKS), TICK_STEPS[-1])
    days_shown = (start + timedelta(days=d) for d in range(0, days + 1, step))
    return tuple((x(day), f"{day.month}/{day.day}") for day in days_shown)


def short(moment: datetime) -> str:
    """``2月26日`` at midnight, ``7月24日18:00`` otherwise (local time)."""
    local = moment.astimezone(CHINA)
    day = f"{local.month}月{local.day}日"
    return day if (local.hour, local.minute) == (0, 0) else f"{day}{local:%H:%M}"


def bar_label(window: Window) -> str:
    text = f"{short(window.start)} 起（未定结束）" if window.end is None else f"{short(window.start)}–{short(window.end)}"
    marks = [m for m, on in (("预计", window.tentative), ("时间约略", window.vague)) if on]
    if window.open_ended and window.end is not None:
        marks.append("未定结束")
    return text + (f"（{'，'.join(marks)}）" if marks else "")


def layout(data: ReportData, width: int = WIDTH) -> list[Panel]:
    """The panels, provinces in code order; inside each the province's lanes, then its cities' in code order."""
    by_province: dict[str, list[Window]] = {}
    for window in data.windows:
        by_province.setdefault(data.region_of(window.notice).province, []).append(window)
    panels = []
    for code in sorted(by_province):
        def order(w: Window, code=code) -> tuple:
            region = data.region_of(w.notice).code
            return region != code, region, w.start, w.end or w.start, w.iri

        windows = sorted(by_province[code], key=order)
        start, end = axis_span(windows)
        plot = width - LABELS - MARGIN

        def x(moment: datetime, start=start, end=end, plot=plot) -> float:
            return round(LABELS + plot * ((moment - start) / (end - start)), 1)

        bars, groups, y = [], [], AXIS
        superseded = data.superseded_windows
        for window in windows:
            region = data.region_of(window.notice)
            if not groups or groups[-1][0] != region:
                groups.append((region, y, y))
            left, right = x(window.start), x(window.end or end)
            revised = window.iri in superseded
            label = bar_label(window) + ("（已被后续通告调整）" if revised else "")
            bars.append(Bar(window, region, left, round(max(right - left, 2.0), 1), y + (LANE - BAR) / 2,
                            label, window.evidence.href, revised))
            y += LANE
            groups[-1] = (region, groups[-1][1], y)
        panels.append(Panel(data.regions[code], start, end, tuple(bars), ticks(start, end, x), tuple(groups), y + 8))
    return panels


# --- SVG --------------------------------------------------------------------------------------------

def _text_width(text: str, size: float = 12) -> float:
    """A rough width: CJK characters are square, the rest about half as wide."""
    return sum(size if ord(c) > 0x2E7F else size * 0.6 for c in text)


def _label_position(bar: Bar, width: int) -> tuple[float, str, str]:
    """Where a bar's label goes: inside it if it fits, else after it, else before it."""
    needed = _text_width(bar.label) + 8
    if bar.width >= needed:
        return bar.x + 4, "start", "inside"
    if bar.x + bar.width + needed <= width:
        return bar.x + bar.width + 4, "start", "outside"
    return bar.x - 4, "end", "outside"


# Patterns for every panel, defined once per page (ids must be unique in a document).
SVG_DEFS = ('<svg class="defs" width="0" height="0" aria-hidden="true"><defs>'
            '<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
            '<rect width="6" height="6" class="hatch-bg"/><line x1="0" y1="0" x2="0" y2="6" class="hatch-line"/>'
            '</pattern><linearGradient id="fade"><stop offset="0.6" class="fade-from"/>'
            '<stop offset="1" class="fade-to"/></linearGradient></defs></svg>')


def svg(panel: Panel, width: int = WIDTH) -> str:
    """One panel as an inline SVG element; every bar is a link to its evidence."""
    out = [f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{panel.height}" '
           f'viewBox="0 0 {width} {panel.height}" role="img" aria-label="{escape(panel.province.label)}">']
    for tick_x, text in panel.ticks:
        out.append(f'<line class="tick" x1="{tick_x}" y1="{AXIS - 6}" x2="{tick_x}" y2="{panel.height - 8}"/>'
                   f'<text class="tick-label" x="{tick_x}" y="{AXIS - 10}" text-anchor="middle">{text}</text>')
    for region, top, bottom in panel.groups:
        out.append(f'<line class="group" x1="0" y1="{top}" x2="{width}" y2="{top}"/>'
                   f'<text class="region" x="4" y="{top + LANE / 2 + 4}" data-region="{region.code}">'
                   f'{escape(region.label)}</text>')
        if bottom - top > LANE:
            out.append(f'<text class="region-code" x="4" y="{top + LANE * 1.5 + 4}">{region.code}</text>')
    for bar in panel.bars:
        classes = " ".join(("bar", *bar.marks))
        label_x, anchor, where = _label_position(bar, width)
        out.append(f'<a href="{escape(bar.href)}" class="bar-link">'
                   f'<rect class="{classes}" x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{BAR}" rx="2" '
                   f'data-window="{escape(bar.window.iri)}"><title>{escape(bar.label)}\n'
                   f'{escape(bar.window.evidence.exact)}</title></rect>'
                   f'<text class="bar-label {where}" x="{label_x}" y="{bar.y + BAR - 3}" text-anchor="{anchor}">'
                   f'{escape(bar.label)}</text></a>')
    out.append("</svg>")
    return "".join(out)


# --- PNG --------------------------------------------------------------------------------------------

def cjk_font() -> str | None:
    """A font file fontconfig knows with Chinese glyphs (Noto Sans CJK or WenQuanYi first), or None."""
    import shutil
    import subprocess

    if shutil.which("fc-list") is None:
        return None
    listed = subprocess.run(["fc-list", ":lang=zh", "file", "family"], capture_output=True, text=True,
                            check=False).stdout.splitlines()
    fonts = sorted(((line.split(":")[0].strip(), line) for line in listed if ":" in line),
                   key=lambda font: ("Regular" not in font[0], font[0]))
    for preferred in ("Noto Sans CJK", "WenQuanYi", "Noto Serif CJK", ""):
        for path, line in fonts:
            if preferred in line and path.endswith((".ttc", ".ttf", ".otf")):
                return path
    return None


def png(panels: Sequence[Panel], path: Path) -> None:
    """The same panels as a PNG (matplotlib, Agg). Without a CJK font the labels are region codes and
    dates only, so no glyph is drawn as a box."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    font = cjk_font()
    if font is not None:
        font_manager.fontManager.addfont(font)
        family = font_manager.FontProperties(fname=font).get_name()
    heights = [max(len(p.bars), 1) + 1.5 for p in panels] or [1]
    with plt.rc_context({"font.family": [family, "DejaVu Sans"] if font else ["DejaVu Sans"], "font.size": 8}):
        figure, axes = plt.subplots(len(heights), 1, figsize=(11, 0.32 * sum(heights) + 0.6),
                                    gridspec_kw={"height_ratios": heights}, squeeze=False)
        for ax, panel in zip(axes[:, 0], panels):
            _draw_panel(ax, panel, cjk=font is not None)
        figure.tight_layout()
        figure.savefig(path, dpi=110)
        plt.close(figure)


def _draw_panel(ax, panel: Panel, *, cjk: bool) -> None:
    import matplotlib.dates as mdates

    lanes = range(len(panel.bars))
    for lane, bar in zip(lanes, panel.bars):
        window = bar.window
        end = window.end or panel.end
        colour = SUPERSEDED if bar.superseded else OPEN if window.open_ended else CLOSED
        ax.barh(lane, end - window.start, left=window.start, height=0.6, color=colour,
                hatch="///" if (window.tentative or window.vague) else None, edgecolor="#993333", linewidth=0.8)
        label = bar.label if cjk else _ascii_label(window)
        ax.text(window.start, lane, f" {label}", va="center", ha="left", fontsize=7)
    ax.set_yticks(list(lanes), [(b.region.label if cjk else b.region.code) for b in panel.bars])
    ax.invert_yaxis()
    ax.set_xlim(panel.start, panel.end)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%m-%d", tz=CHINA))
    title = f"{panel.province.label} {panel.province.code}" if cjk else panel.province.code
    ax.set_title(f"{title}  {panel.start:%Y-%m-%d} - {panel.end:%Y-%m-%d}", loc="left", fontsize=9)
    ax.grid(axis="x", alpha=0.3)


def _ascii_label(window: Window) -> str:
    text = f"{window.start.astimezone(CHINA):%m-%d %H:%M} - " + (
        "open end" if window.end is None else f"{window.end.astimezone(CHINA):%m-%d %H:%M}")
    marks = [m for m, on in (("tentative", window.tentative), ("vague", window.vague)) if on]
    return text + (f" ({', '.join(marks)})" if marks else "")
