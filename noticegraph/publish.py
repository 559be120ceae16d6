"""Publishing: notices into the store (validated, one transaction each), then the portal exports.

The plain function behind the publish step of the Prefect pipeline
(``flows/pipeline.py``) and of ``noticegraph build``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extractors.facts import NoticeFacts


@dataclass(slots=True)
class PublishReport:
    """What publishing did: notices loaded, refused (with the reason), events reconciled, documents exported."""

    loaded: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    events: int = 0
    exported: int = 0


def validation_problem(facts: NoticeFacts) -> str | None:
    """Why a notice's graph fails the SHACL shapes, or None when it conforms."""
    from ontology.graph import notice_graph
    from ontology.validation import validate

    conforms, report = validate(notice_graph(facts))
    if conforms:
        return None
    messages = [line.strip() for line in report.splitlines() if line.strip().startswith("Message:")]
    return "fails SHACL validation: " + "; ".join(messages[:3])


def publish(all_facts: Iterable[NoticeFacts], store_dir: Path, jsonld_dir: Path | None = None,
            validate: bool = True) -> PublishReport:
    """Load every valid notice into the store, reconcile the store's events, then write the JSON-LD exports."""
    from noticegraph.events import rebuild_events
    from noticegraph.store import load_vocabularies, open_store, replace_notice

    report = PublishReport()
    store = open_store(store_dir)
    load_vocabularies(store)
    for facts in all_facts:
        problem = validation_problem(facts) if validate else None
        if problem:
            report.refused.append((facts.document.source, problem))
            continue
        replace_notice(store, facts)
        report.loaded += 1
    report.events = len(rebuild_events(store))
    store.flush()
    if jsonld_dir is not None:
        from noticegraph.export import export_store

        report.exported = len(export_store(store, jsonld_dir))
    return report
