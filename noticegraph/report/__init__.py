"""The analyst report: ``noticegraph report --store DIR --out DIR``.

A static folder that opens offline (no CDN, no fonts to fetch, CSS inlined, no
JavaScript)::

    index.html            the sections of SECTIONS, in order
    review/{file}.html    one page per notice: its text, evidence highlighted, its facts beside it
    {table}.csv           each table of the index (UTF-8 with BOM)
    timeline.png          the timeline as a picture
    calendar/{code}.ics   suspension windows per region (a province's include its cities')

Modules, one job each: ``data`` (SPARQL → typed rows), ``timeline`` (layout, SVG,
PNG), ``tables`` (the tables and their CSV), ``review`` (review pages), ``ics``
(calendars), ``render`` (jinja2). To add a section to the index, append a Section
to SECTIONS with a template under ``templates/sections/``; a template sees the
context of :func:`index_context` (add what it needs there).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Section:
    id: str                  # the HTML anchor
    title: str
    template: str            # under templates/
    table: str = ""          # for sections/table.html: the name of the table it shows


SECTIONS: list[Section] = [
    Section("timeline", "暂停服务时间轴", "sections/timeline.html"),
    Section("events", "停机事件（跨公告汇总）", "sections/events.html", "events"),
    Section("services", "业务条线 × 地区", "sections/services.html"),
    Section("channels", "照常办理的渠道", "sections/table.html", "channels"),
    Section("payments", "待遇提前发放", "sections/table.html", "payments"),
    Section("deadlines", "办理期限", "sections/table.html", "deadlines"),
    Section("notices", "公告与日历", "sections/notices.html"),
]


@dataclass(frozen=True)
class ReportSummary:
    notices: int
    windows: int
    review_pages: int
    tables: int
    calendars: int


def index_context(data, panels, tables, calendars) -> dict:
    """What templates/index.html and its sections see."""
    from markupsafe import Markup

    from noticegraph.report.timeline import SVG_DEFS, svg

    return {"sections": SECTIONS, "notices": sorted(data.notices.values(), key=lambda n: n.file_name),
            "regions": data.regions, "panels": panels, "panel_svgs": [Markup(svg(p)) for p in panels],
            "svg_defs": Markup(SVG_DEFS), "tables": {t.name: t for t in tables}, "calendars": sorted(calendars),
            "window_count": len(data.windows), "evidence_count": len(data.evidence)}


def write_report(store_path: Path, out: Path) -> ReportSummary:
    """Write the report of the store in ``store_path`` to the folder ``out``."""
    from noticegraph.output import write_atomically
    from noticegraph.report import ics, review, tables, timeline
    from noticegraph.report.data import load
    from noticegraph.report.render import render
    from noticegraph.store import open_store

    data = load(open_store(store_path, read_only=True))
    panels = timeline.layout(data)
    all_tables = tables.all_tables(data)
    calendars = ics.calendars(data)
    out.mkdir(parents=True, exist_ok=True)
    write_atomically(render("index.html", **index_context(data, panels, all_tables, calendars)), out / "index.html")
    for notice in data.notices.values():
        write_atomically(render("review.html", **review.page_context(data, notice)), out / notice.page_file)
    tables.write_csv(all_tables, out)
    timeline.png(panels, out / "timeline.png")
    for code, body in calendars.items():
        write_atomically(body, out / "calendar" / f"{code}.ics")
    return ReportSummary(len(data.notices), len(data.windows), len(data.notices), len(all_tables), len(calendars))
