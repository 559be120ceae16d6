"""What the report shows, read from the store: the SPARQL of ``queries/*.rq`` → typed rows.

Every fact row keeps its notice and its evidence, so each view can link a cell to
the sentence that states it (``Evidence.href``, the highlight on the notice's
review page).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from urllib.parse import quote

QUERIES = Path(__file__).resolve().parent / "queries"
SERVICE = "https://w3id.org/noticegraph/id/service/"
CHANNEL_KIND = "https://w3id.org/noticegraph/id/channel-kind/"
STATUS = "https://w3id.org/noticegraph/id/status/"
UNKNOWN_REGION = "unknown"


@dataclass(frozen=True)
class Region:
    code: str                      # GB/T 2260 code, or UNKNOWN_REGION
    label: str                     # Chinese name (the code when the store has no label)
    province: str                  # the code of the province it lies in (its own for a province)

    @property
    def is_province(self) -> bool:
        return self.code == self.province


@dataclass(frozen=True)
class Notice:
    iri: str
    file_name: str
    title: str
    url: str
    published: str
    region: str                    # a region code, or UNKNOWN_REGION
    text: str                      # the cleaned text the evidence offsets count in

    @property
    def page_file(self) -> str:
        """The review page's file, relative to the report folder."""
        return f"review/{self.file_name}.html"

    @property
    def page(self) -> str:
        """The review page's link (URL-quoted), relative to the report folder."""
        return quote(self.page_file)


@dataclass(frozen=True)
class Evidence:
    iri: str
    notice: str
    start: int                     # code points into Notice.text
    end: int
    exact: str
    href: str                      # review page#fragment, relative to the report folder

    @property
    def fragment(self) -> str:
        return self.iri.rpartition("#")[2]


@dataclass(frozen=True)
class Fact:
    iri: str
    notice: str
    evidence: Evidence


@dataclass(frozen=True)
class Window(Fact):
    start: datetime
    end: datetime | None
    open_ended: bool
    vague: bool
    tentative: bool
    services: tuple[str, ...]      # service keys


@dataclass(frozen=True)
class ServiceFact(Fact):
    service: str                   # key, e.g. pension
    status: str                    # suspended | available


@dataclass(frozen=True)
class ChannelFact(Fact):
    name: str
    kind: str                      # channel-kind key


@dataclass(frozen=True)
class Payment(Fact):
    benefit: str                   # service key
    for_month: str                 # YYYY-MM
    paid_by: str                   # YYYY-MM-DD


@dataclass(frozen=True)
class Deadline(Fact):
    day: date
    action: str


@dataclass(frozen=True)
class FactValues(Fact):
    """Any fact, for the review pages: its class and its values as (property, value) IRIs/literals."""
    kind: str
    values: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class EventWindow:
    """One window version of a suspension event (noticegraph/events): the notices' windows that state it."""
    event: str
    province: str                  # region code
    sources: int                   # notices describing the event
    iri: str
    start: datetime
    end: datetime | None
    agreement: int                 # notices stating exactly this window
    supersedes: bool               # a later notice's revision of an earlier window
    superseded: bool               # revised by a later notice
    conflicting: bool              # another notice states a rival window, nothing settles which holds
    claims: tuple[Evidence, ...]
    claim_facts: tuple[str, ...] = ()   # the notices' ng:SuspensionWindow IRIs that state it


@dataclass
class ReportData:
    notices: dict[str, Notice]
    regions: dict[str, Region]
    labels: dict[str, str]                     # IRI → Chinese label
    services: list[tuple[str, str]]            # (key, Chinese label), the service lines of the vocabulary
    evidence: dict[str, Evidence]
    windows: list[Window] = field(default_factory=list)
    service_facts: list[ServiceFact] = field(default_factory=list)
    open_channels: list[ChannelFact] = field(default_factory=list)
    payments: list[Payment] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    facts: list[FactValues] = field(default_factory=list)
    event_windows: list[EventWindow] = field(default_factory=list)

    # derived once, on first use (load() fills the lists before any view reads them)
    @cached_property
    def superseded_windows(self) -> frozenset[str]:
        """The notices' windows that a later notice revised (the claims of superseded event windows)."""
        return frozenset(fact for window in self.event_windows if window.superseded for fact in window.claim_facts)

    @cached_property
    def evidence_by_notice(self) -> dict[str, list[Evidence]]:
        return _by_notice(self.evidence.values())

    @cached_property
    def facts_by_notice(self) -> dict[str, list[FactValues]]:
        return _by_notice(self.facts)

    def region_of(self, notice: str) -> Region:
        return self.regions[self.notices[notice].region]

    def label(self, iri: str, namespace: str = "") -> str:
        """The Chinese label of a term (an IRI, or a key in ``namespace``), else its key."""
        return self.labels.get(namespace + iri, key(iri))


def _by_notice(items) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for item in items:
        grouped[item.notice].append(item)
    return grouped


def key(iri: str) -> str:
    """The last segment of an IRI: a vocabulary key, a region code, a property's local name."""
    return iri.rstrip("/").replace("#", "/").rpartition("/")[2]


def select(store, name: str) -> list[dict[str, str]]:
    """The rows of ``queries/{name}.rq`` as dicts of plain strings (unbound variables left out)."""
    from noticegraph.sparql import select_rows

    return select_rows(store, QUERIES / f"{name}.rq")


def _flag(row: dict[str, str], name: str) -> bool:
    return row.get(name) in ("true", "1")


def load(store) -> ReportData:
    """Everything the report shows, from a (read-only) store."""
    regions = _regions(select(store, "regions"))
    notices = {}
    for row in select(store, "notices"):
        region = key(row["region"]) if "region" in row else UNKNOWN_REGION
        notices[row["notice"]] = Notice(row["notice"], row["fileName"], row.get("title", ""), row.get("url", ""),
                                        row.get("published", ""), region if region in regions else UNKNOWN_REGION,
                                        row.get("text", ""))
    if any(n.region == UNKNOWN_REGION for n in notices.values()):
        regions[UNKNOWN_REGION] = Region(UNKNOWN_REGION, "地区未注明", UNKNOWN_REGION)
    evidence = {row["evidence"]: Evidence(row["evidence"], row["notice"], int(row["start"]), int(row["end"]),
                                          row["exact"], f"{notices[row['notice']].page}#{key(row['evidence'])}")
                for row in select(store, "evidence") if row["notice"] in notices}
    data = ReportData(notices, regions, {row["term"]: row["label"] for row in select(store, "labels")},
                      [(row["key"], row.get("label", row["key"])) for row in select(store, "services")], evidence)

    def rows(name: str):
        for row in select(store, name):
            if row["evidence"] in evidence:
                yield row, (row["fact"], row["notice"], evidence[row["evidence"]])

    data.windows = [Window(*base, start=datetime.fromisoformat(row["start"]),
                           end=datetime.fromisoformat(row["end"]) if "end" in row else None,
                           open_ended=_flag(row, "openEnded") or "end" not in row, vague=_flag(row, "vague"),
                           tentative=_flag(row, "tentative"),
                           services=tuple(sorted(key(s) for s in row.get("services", "").split())))
                    for row, base in rows("windows")]
    data.service_facts = [ServiceFact(*base, service=key(row["service"]), status=key(row["status"]))
                          for row, base in rows("service_statements")]
    data.open_channels = [ChannelFact(*base, name=row.get("name", ""), kind=key(row["kind"]))
                          for row, base in rows("open_channels")]
    data.payments = [Payment(*base, benefit=key(row["benefit"]), for_month=row.get("forMonth", ""),
                             paid_by=row.get("paidBy", "")) for row, base in rows("payments")]
    data.deadlines = [Deadline(*base, day=date.fromisoformat(row["day"]), action=row.get("action", ""))
                      for row, base in rows("deadlines")]
    data.facts = _facts(rows("facts"))
    data.event_windows = _event_windows(select(store, "event_windows"), evidence)
    return data


def _event_windows(rows: list[dict[str, str]], evidence: dict[str, Evidence]) -> list[EventWindow]:
    """One EventWindow per window version, its claims' evidence gathered from its rows."""
    found: dict[str, tuple[dict[str, str], dict[str, Evidence], set[str], dict[str, None]]] = {}
    for row in rows:
        _, claims, flags, facts = found.setdefault(row["window"], (row, {}, set(), {}))
        if row["evidence"] in evidence:
            claims[row["evidence"]] = evidence[row["evidence"]]
        flags.update(name for name in ("supersedes", "supersededBy", "rival") if name in row)
        facts[row["claim"]] = None
    return [EventWindow(row["event"], key(row["province"]), int(row["sources"]), iri,
                        datetime.fromisoformat(row["start"]),
                        datetime.fromisoformat(row["end"]) if "end" in row else None, int(row["agreement"]),
                        "supersedes" in flags, "supersededBy" in flags, "rival" in flags,
                        tuple(sorted(claims.values(), key=lambda e: (e.notice, e.start))), tuple(facts))
            for iri, (row, claims, flags, facts) in found.items()]


def _regions(rows: list[dict[str, str]]) -> dict[str, Region]:
    regions: dict[str, Region] = {}
    for row in rows:
        province = row["provinceCode"]
        regions[province] = Region(province, row.get("provinceLabel", province), province)
        regions[row["code"]] = Region(row["code"], row.get("label", row["code"]), province)
    return regions


def _facts(rows) -> list[FactValues]:
    """One FactValues per fact, its values in query order."""
    found: dict[str, tuple[tuple, str, list]] = {}
    for row, base in rows:
        entry = found.setdefault(row["fact"], (base, row["class"], []))
        entry[2].append((row["property"], row["value"]))
    facts = [FactValues(*base, kind=kind, values=tuple(values)) for base, kind, values in found.values()]
    return sorted(facts, key=lambda f: (f.notice, f.evidence.start, _fact_order(f.iri)))


def _fact_order(iri: str) -> tuple[str, int]:
    """``N#window-2`` → ("window", 2): facts of one sentence in kind and text order."""
    kind, _, index = iri.rpartition("#")[2].rpartition("-")
    return (kind, int(index)) if index.isdigit() else (iri, 0)
