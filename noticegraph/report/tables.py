"""The report's tables, built once and written twice: as HTML (templates/index.html) and as CSV.

A table is rows of cells; a cell that states a fact carries links to its evidence
(the highlighted sentence on the notice's review page). The CSV has the cells'
text and one last column, ``evidence``, with every link of the row.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from noticegraph.report.data import (
    CHANNEL_KIND,
    SERVICE,
    STATUS,
    EventWindow,
    Evidence,
    Fact,
    Region,
    ReportData,
    ServiceFact,
    key,
)
from noticegraph.report.timeline import bar_label

STATUSES = ("suspended", "available")
QUOTE_LENGTH = 60


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    title: str = ""


@dataclass(frozen=True)
class Cell:
    text: str = ""
    links: tuple[Link, ...] = ()
    css: str = ""


@dataclass(frozen=True)
class Table:
    name: str                              # CSV file stem and HTML anchor
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Cell, ...]] = field(default_factory=list)
    row_css: list[str] = field(default_factory=list)

    def add(self, cells: Iterable[Cell], css: str = "") -> None:
        self.rows.append(tuple(cells))
        self.row_css.append(css)


def quote_cell(evidence: Evidence) -> Cell:
    """The evidence column: the quote (shortened) linking to its highlight."""
    text = evidence.exact if len(evidence.exact) <= QUOTE_LENGTH else evidence.exact[:QUOTE_LENGTH] + "…"
    return Cell(text, (Link(text, evidence.href, evidence.exact),), "quote")


def ordered_regions(data: ReportData) -> list[Region]:
    """Provinces in code order, each followed by its cities in code order."""
    return sorted(data.regions.values(), key=lambda r: (r.province, not r.is_province, r.code))


def _sorted_facts(data: ReportData, facts: Iterable[Fact], *extra) -> list:
    return sorted(facts, key=lambda f: (data.region_of(f.notice).province, data.region_of(f.notice).code,
                                        *(getattr(f, name) for name in extra), f.evidence.start, f.iri))


def _region_cells(data: ReportData, fact: Fact) -> tuple[Cell, Cell]:
    region = data.region_of(fact.notice)
    return Cell(data.regions[region.province].label), Cell(region.label if not region.is_province else "（全省）")


def matrix(data: ReportData) -> Table:
    """Service lines by region: suspended, unaffected (available), both, or not stated; a province's row
    includes what its cities' notices state."""
    cells: dict[tuple[str, str], dict[str, list[ServiceFact]]] = {}
    for fact in data.service_facts:
        region = data.region_of(fact.notice)
        for code in dict.fromkeys((region.code, region.province)):
            cells.setdefault((code, fact.service), {}).setdefault(fact.status, []).append(fact)
    table = Table("services", "业务条线 × 地区", ("地区", "代码", *(label for _, label in data.services)))
    for region in ordered_regions(data):
        row = [Cell(region.label, css="region"), Cell(region.code)]
        for service, _ in data.services:
            row.append(status_cell(data, cells.get((region.code, service), {})))
        table.add(row, "province" if region.is_province else "city")
    return table


def status_cell(data: ReportData, by_status: dict[str, list[ServiceFact]]) -> Cell:
    """One matrix cell: a link per stated status to its first evidence (the title counts the statements)."""
    stated = [s for s in STATUSES if s in by_status]
    if not stated:
        return Cell("—", css="not-stated")
    links = []
    for status in stated:
        facts = sorted(by_status[status], key=lambda f: (f.notice, f.evidence.start))
        links.append(Link(data.label(status, STATUS), facts[0].evidence.href,
                          f"{len(facts)} 条陈述：{facts[0].evidence.exact}"))
    css = "both" if len(stated) == 2 else stated[0]
    return Cell(" / ".join(link.text for link in links), tuple(links), css)


def windows(data: ReportData) -> Table:
    table = Table("windows", "暂停服务时段", ("省份", "地区", "时段", "开始", "结束", "涉及业务", "原文"))
    for window in _sorted_facts(data, data.windows, "start"):
        services = "、".join(data.label(s, SERVICE) for s in window.services)
        table.add((*_region_cells(data, window), Cell(bar_label(window)), Cell(window.start.isoformat()),
                   Cell(window.end.isoformat() if window.end else "（未定）"), Cell(services),
                   quote_cell(window.evidence)))
    return table


def open_channels(data: ReportData) -> Table:
    table = Table("channels", "照常办理的渠道", ("省份", "地区", "渠道", "类型", "原文"))
    for channel in _sorted_facts(data, data.open_channels, "kind", "name"):
        table.add((*_region_cells(data, channel), Cell(channel.name), Cell(data.label(channel.kind, CHANNEL_KIND)),
                   quote_cell(channel.evidence)))
    return table


def payments(data: ReportData) -> Table:
    table = Table("payments", "待遇提前发放", ("省份", "地区", "待遇", "所属月份", "发放截止日", "原文"))
    for payment in _sorted_facts(data, data.payments, "paid_by", "benefit"):
        table.add((*_region_cells(data, payment), Cell(data.label(payment.benefit, SERVICE)), Cell(payment.for_month),
                   Cell(payment.paid_by), quote_cell(payment.evidence)))
    return table


def deadlines(data: ReportData) -> Table:
    table = Table("deadlines", "办理期限", ("省份", "地区", "截止日期", "应办事项", "原文"))
    for deadline in _sorted_facts(data, data.deadlines, "day"):
        table.add((*_region_cells(data, deadline), Cell(deadline.day.isoformat()), Cell(deadline.action),
                   quote_cell(deadline.evidence)))
    return table


def event_state(window: EventWindow) -> str:
    """现行 (current), 改期后 (a revision's new window), 已被取代 (superseded), 有冲突 (contradicted)."""
    if window.superseded:
        return "已被取代"
    state = "改期后" if window.supersedes else "现行"
    return f"{state}，有冲突" if window.conflicting else state


def events(data: ReportData) -> Table:
    """Suspension events across notices: each window version, how many notices agree, links to all of them."""
    table = Table("events", "停机事件（跨公告汇总）", ("省份", "事件", "来源公告数", "时段", "状态", "一致公告数", "依据"))
    ordered = sorted(data.event_windows, key=lambda w: (w.province, w.event, w.start, w.end or w.start, w.iri))
    for window in ordered:
        claims = tuple(Link(data.region_of(e.notice).label, e.href, e.exact) for e in window.claims)
        period = f"{window.start:%Y-%m-%d %H:%M} — {window.end:%Y-%m-%d %H:%M}" if window.end else \
            f"{window.start:%Y-%m-%d %H:%M} 起（未定）"
        province = data.regions.get(window.province)
        table.add((Cell(province.label if province else window.province), Cell(key(window.event)),
                   Cell(str(window.sources)), Cell(period), Cell(event_state(window)), Cell(str(window.agreement)),
                   Cell(" / ".join(link.text for link in claims), claims, "quote")),
                  "superseded" if window.superseded else "")
    return table


def all_tables(data: ReportData) -> list[Table]:
    return [events(data), matrix(data), open_channels(data), payments(data), deadlines(data), windows(data)]


def csv_bytes(table: Table, base_url: str = "") -> bytes:
    """The table as CSV in UTF-8 with a byte-order mark: Excel reads BOM-less UTF-8 as the local ANSI code
    page (GBK on Chinese Windows) and garbles the Chinese; other tools skip the BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow((*table.columns, "evidence"))
    for row in table.rows:
        links = " ".join(base_url + link.href for cell in row for link in cell.links)
        writer.writerow((*(cell.text for cell in row), links))
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(tables: Iterable[Table], out: Path) -> list[Path]:
    """One ``{name}.csv`` per table in ``out``; the files written."""
    from noticegraph.output import write_atomically

    written = []
    for table in tables:
        path = out / f"{table.name}.csv"
        write_atomically(csv_bytes(table), path)
        written.append(path)
    return written
