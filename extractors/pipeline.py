"""The spaCy pipeline: ``spacy.blank("zh")`` with the character segmenter plus
the project's components.

=================  =========================================  ===========================
component          assigns                                    reads
=================  =========================================  ===========================
``notice_times``   ``doc._.times``, ``doc.spans["time"]``     ``doc.user_data["reference"]``,
                                                              ``doc.user_data["date_atoms"]``
``services``       ``doc.spans["service"]`` (lexicon ruler;   ontology/services.ttl labels
                   as tuples: ``rulers.matches``)
``channels``       ``doc.spans["channel"]`` (lexicon ruler;   ontology/channels.ttl labels,
                   as tuples: ``rulers.matches``)             ontology/channel_names.yaml
``notice_facts``   ``doc._.facts`` (:class:`NoticeFacts`)     everything above
=================  =========================================  ===========================

The doc is made from :attr:`Document.norm` (Simplified script, same offsets as
the original text), so every span's offsets are evidence offsets.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from functools import cache
from itertools import accumulate
from typing import TYPE_CHECKING

from extractors.channels import ChannelMention, bracketed_names, channel_mention
from extractors.deadlines import extract_deadlines
from extractors.document import Document
from extractors.facts import NoticeFacts
from extractors.hotlines import extract_hotlines, hotline_channels
from extractors.lexicon import load_yaml
from extractors.payments import extract_payments
from extractors.polarity import Analysis, analyse
from extractors.regions import extract_region
from extractors.rulers import FACTORY as RULER
from extractors.rulers import matches
from extractors.rulers import register as register_ruler
from extractors.statuses import ServiceMention, channel_statuses, service_statuses
from extractors.temporal import date_atoms, estimate_reference, find_time_expressions, restated_reference
from extractors.tokenizer import register as register_tokenizer
from extractors.windows import extract_windows

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SEGMENTER = "noticegraph.char_tokenizer.v1"   # one token per character, see extractors/tokenizer.py
KNOWN = "known"
BLOCKER = "_blocker"


def reference_date(document: Document, atoms: list | None = None) -> dt.date | None:
    """The date relative days and missing years are read against (``atoms``: the norm's :func:`date_atoms`):
    the signature's, else the publication's, else one estimated from the text; a relative day restated
    as a day of the month (今日（13日）) corrects it."""
    if document.signed is not None:
        reference = document.signed
    elif document.published is not None:
        reference = document.published.date()
    else:
        return estimate_reference(document.norm, atoms)
    return restated_reference(reference, atoms if atoms is not None else date_atoms(document.norm))


def _register() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc

    for name in ("times", "facts"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if "notice_times" not in Language.factories:
        Language.component("notice_times", assigns=["doc._.times", "doc.spans"])(notice_times)
        Language.component("notice_facts", requires=["doc._.times", "doc.spans"], assigns=["doc._.facts"])(notice_facts)


def notice_times(doc: Doc) -> Doc:
    """Find the time expressions of the doc's text."""
    document = doc.user_data.get("document")
    text = document.norm if document else doc.text
    times = find_time_expressions(text, doc.user_data.get("reference"), doc.user_data.get("date_atoms"))
    doc._.times = times
    spans = (doc.char_span(t.start, t.end, label="TIME", alignment_mode="expand") for t in times)
    doc.spans["time"] = [s for s in spans if s is not None]
    return doc


def _service_mentions(doc: Doc) -> list[ServiceMention]:
    norm, agencies = doc.user_data["document"].norm, _agency_list()
    return [ServiceMention(start, end, label) for start, end, label, _ in matches(doc, "service")
            if label != BLOCKER and not agencies.match(norm, end)]


@cache
def _agency_list() -> re.Pattern[str]:
    """What follows a service named as one of a list of departments (…住房公积金、不动产登记等部门提供…)."""
    return re.compile(load_yaml("services.yaml")["agency_list"])


def _channel_mentions(doc: Doc, analysis: Analysis) -> list[ChannelMention]:
    text = analysis.document.norm       # doc.text would be rebuilt from the tokens at every access
    mentions: list[ChannelMention] = []
    for start, end, label, span_id in matches(doc, "channel"):
        sentence = analysis.sentence_of(start)
        limit = sentence.start if sentence else 0
        mention = channel_mention(text, start, end, label, limit, span_id == KNOWN)
        mentions.append(mention)
        mentions += bracketed_names(text, end, mention.kind)
    return mentions


def _outside_channel_names(services: list[ServiceMention], channels: list[ChannelMention]) -> list[ServiceMention]:
    """Service mentions that are not part of a channel's proper name (个人所得税APP names an app, not tax)."""
    names = sorted((c.start, c.end) for c in channels if c.proper)
    starts = [start for start, _ in names]
    reach = list(accumulate((end for _, end in names), max))     # furthest end of the names starting so far
    return [s for s in services if not (i := bisect_right(starts, s.start)) or reach[i - 1] < s.end]


def notice_facts(doc: Doc) -> Doc:
    """Turn the doc's layers into typed facts of its :class:`Document`."""
    document: Document = doc.user_data["document"]
    analysis = analyse(document, doc._.times)
    mentions = _channel_mentions(doc, analysis)
    services = _outside_channel_names(_service_mentions(doc), mentions)
    windows, resumptions = extract_windows(analysis)
    resumed = max((r.at for r in resumptions), default=None)
    hotlines = extract_hotlines(analysis)
    channels = channel_statuses(analysis, mentions, resumed) + hotline_channels(hotlines)
    doc._.facts = NoticeFacts(
        document=document, reference=doc.user_data.get("reference"), region=extract_region(analysis),
        windows=tuple(windows), resumptions=tuple(resumptions),
        services=tuple(service_statuses(analysis, services, resumed)),
        channels=tuple(channels),
        payments=tuple(extract_payments(analysis, services)), deadlines=tuple(extract_deadlines(analysis)),
        hotlines=tuple(hotlines), time_expressions=len(doc._.times),
    )
    return doc


def _lexicon_patterns(lexicon: dict[str, list[str]], id_: str = "") -> list[dict]:
    return [{"label": key, "pattern": label, "id": id_} for key, labels in lexicon.items() for label in labels]


@cache
def build_nlp() -> Language:
    """The extraction pipeline (built once per process)."""
    import spacy

    from ontology.vocab import channel_kind_lexicon, channel_names, service_lexicon

    _register()
    register_tokenizer()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": SEGMENTER}}})
    register_ruler()
    blockers = {BLOCKER: load_yaml("services.yaml")["blockers"]}
    nlp.add_pipe(RULER, name="services", config={"spans_key": "service"}).add_patterns(
        _lexicon_patterns(service_lexicon()) + _lexicon_patterns(blockers))
    names = {}
    for name, kind in channel_names().items():
        names.setdefault(kind, []).append(name)
    nlp.add_pipe(RULER, name="channels", config={"spans_key": "channel"}).add_patterns(
        _lexicon_patterns(channel_kind_lexicon()) + _lexicon_patterns(names, KNOWN))
    nlp.add_pipe("notice_times")
    nlp.add_pipe("notice_facts")
    return nlp


def extract(document: Document) -> NoticeFacts:
    """All facts of one cleaned notice."""
    nlp = build_nlp()
    doc = nlp.make_doc(document.norm)
    atoms = date_atoms(document.norm)      # scanned once for the reference estimate and the time expressions
    doc.user_data["document"] = document
    doc.user_data["date_atoms"] = atoms
    doc.user_data["reference"] = reference_date(document, atoms)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc._.facts
