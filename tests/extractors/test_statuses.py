"""Service-line statuses of single sentences (extractors/statuses.py through the pipeline)."""
from __future__ import annotations

import pytest

from extractors.pipeline import extract
from tests.conftest import document_of

# fmt: off
SERVICES = [
    # sentence, {(service, status)}
    ("升级期间，社会保险费缴费业务同步暂停。",            {("contribution", "suspended")}),
    ("个人所得税APP正常使用。",                           set()),              # names an app, not the tax line
    ("停机期间，个人所得税业务正常办理。",                 {("tax", "available")}),
    ("停机期间，暂停办理养老保险、失业保险业务。",          {("pension", "suspended"), ("unemployment", "suspended")}),
    ("社会保障卡管理信息系统不受停机影响。",               {("ss_card", "available")}),
    ("停机期间，失业保险金正常发放。",                    {("unemployment", "available")}),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), SERVICES, ids=[s[0][:12] for s in SERVICES])
def test_service_statuses_of_a_sentence(sentence: str, expected: set[tuple[str, str]]) -> None:
    facts = extract(document_of(sentence))
    assert {(s.service, s.status) for s in facts.services} == expected
