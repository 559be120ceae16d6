"""What each notice in the store claims, as read for reconciliation (plain records, no RDF)."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ontology.namespace import NGS

if TYPE_CHECKING:
    import pyoxigraph

HERE = Path(__file__).parent


@dataclass(frozen=True, slots=True)
class WindowClaim:
    """A suspension window as one notice states it (``fact`` is its ng:SuspensionWindow IRI)."""

    fact: str
    notice: str
    start: dt.datetime
    end: dt.datetime | None


@dataclass(frozen=True, slots=True)
class StatusClaim:
    """A service line or a channel stated suspended or available by one notice.

    ``topic`` says what the status is about: ``("service", service IRI)`` or
    ``("channel", kind IRI, name)``.
    """

    fact: str
    notice: str
    topic: tuple[str, ...]
    status: str


@dataclass(frozen=True, slots=True)
class NoticeClaims:
    """Everything reconciliation needs to know about one notice."""

    notice: str
    region: str | None
    province: str | None
    published: dt.datetime | None
    revision: bool
    systems: frozenset[str]
    windows: tuple[WindowClaim, ...]
    statuses: tuple[StatusClaim, ...]


@cache
def system_of_service() -> dict[str, str]:
    """Service-line IRI -> system family key (systems.yaml)."""
    from extractors.lexicon import load_yaml_file

    systems = load_yaml_file(HERE / "systems.yaml")
    return {f"{NGS}{service}": system for system, services in systems.items() for service in services}


@cache
def _revision_pattern():
    from extractors.lexicon import alternation, load_yaml_file
    from extractors.script import compile_either

    return compile_either(alternation(load_yaml_file(HERE / "revisions.yaml")["revision"]))


def says_revision(text: str) -> bool:
    """Whether a title or a window's sentence announces a change to an earlier window."""
    return bool(_revision_pattern().search(text))


def _datetime(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)


def _head(row: dict[str, str]) -> dict:
    """What the notice of a window row says of itself; read once per notice."""
    return {"region": row.get("region"), "province": row.get("province"),
            "published": _datetime(row.get("published")), "revision": says_revision(row.get("title", ""))}


def read_claims(store: pyoxigraph.Store) -> list[NoticeClaims]:
    """The claims of every notice graph of the store that states a suspension window."""
    from noticegraph.sparql import select_rows

    heads: dict[str, dict] = {}
    windows: dict[str, dict[str, WindowClaim]] = defaultdict(dict)
    for row in select_rows(store, HERE / "queries" / "window_claims.rq"):
        notice = row["notice"]
        if notice not in heads:
            heads[notice] = _head(row)
        heads[notice]["revision"] = heads[notice]["revision"] or says_revision(row.get("quote", ""))
        fact = row["window"]
        windows[notice][fact] = WindowClaim(fact, notice, _datetime(row["start"]), _datetime(row.get("end")))
    statuses: dict[str, list[StatusClaim]] = defaultdict(list)
    systems: dict[str, set[str]] = defaultdict(set)
    for row in select_rows(store, HERE / "queries" / "status_claims.rq"):
        notice, service, status = row["notice"], row.get("service"), row.get("status")
        if service and (status is None or status.endswith("/suspended")) and service in system_of_service():
            systems[notice].add(system_of_service()[service])
        if status is None:
            continue
        topic = ("service", service) if service else ("channel", row["kind"], row["name"])
        statuses[notice].append(StatusClaim(row["fact"], notice, topic, status))
    return [NoticeClaims(notice, head["region"], head["province"], head["published"], head["revision"],
                         frozenset(systems[notice]), tuple(windows[notice].values()), tuple(statuses[notice]))
            for notice, head in heads.items()]
