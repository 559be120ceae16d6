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
def _yaml(name: str):
    import yaml

    with (HERE / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def system_of_service() -> dict[str, str]:
    """Service-line IRI -> system family key (systems.yaml)."""
    return {f"{NGS}{service}": system for system, services in _yaml("systems.yaml").items() for service in services}


@cache
def _revision_pattern():
    from extractors.lexicon import alternation
    from extractors.script import compile_either

    return compile_either(alternation(_yaml("revisions.yaml")["revision"]))


def says_revision(text: str) -> bool:
    """Whether a title or a window's sentence announces a change to an earlier window."""
    return bool(_revision_pattern().search(text))


def _query(store: pyoxigraph.Store, name: str):
    return store.query((HERE / "queries" / name).read_text(encoding="utf-8"))


def _value(solution, name: str) -> str | None:
    term = solution[name]
    return None if term is None else term.value


def _datetime(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)


def read_claims(store: pyoxigraph.Store) -> list[NoticeClaims]:
    """The claims of every notice graph of the store that states a suspension window."""
    heads: dict[str, dict] = {}
    windows: dict[str, dict[str, WindowClaim]] = defaultdict(dict)
    for row in _query(store, "window_claims.rq"):
        notice = _value(row, "notice")
        head = heads.setdefault(notice, {"region": _value(row, "region"), "province": _value(row, "province"),
                                         "published": _datetime(_value(row, "published")),
                                         "revision": says_revision(_value(row, "title") or "")})
        head["revision"] = head["revision"] or says_revision(_value(row, "quote") or "")
        fact = _value(row, "window")
        windows[notice][fact] = WindowClaim(fact, notice, _datetime(_value(row, "start")),
                                            _datetime(_value(row, "end")))
    statuses: dict[str, list[StatusClaim]] = defaultdict(list)
    systems: dict[str, set[str]] = defaultdict(set)
    for row in _query(store, "status_claims.rq"):
        notice, service, status = _value(row, "notice"), _value(row, "service"), _value(row, "status")
        if service and (status is None or status.endswith("/suspended")):
            systems[notice].update(filter(None, [system_of_service().get(service)]))
        if status is None:
            continue
        topic = ("service", service) if service else ("channel", _value(row, "kind"), _value(row, "name"))
        statuses[notice].append(StatusClaim(_value(row, "fact"), notice, topic, status))
    return [NoticeClaims(notice, head["region"], head["province"], head["published"], head["revision"],
                         frozenset(systems[notice]), tuple(windows[notice].values()), tuple(statuses[notice]))
            for notice, head in heads.items()]
