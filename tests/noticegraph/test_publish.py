"""Publishing refuses notices that fail validation, loads the rest and writes the exports."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from noticegraph.publish import publish
from noticegraph.store import notice_graphs, open_store


def test_publish_refuses_an_invalid_notice_and_loads_the_others(golden_facts: dict, tmp_path: Path) -> None:
    good = golden_facts["000_d7652f1d30021301.txt"]
    bad = golden_facts["002_975000b3fb2f80f3.txt"]
    window = bad.windows[0]
    broken = replace(bad, windows=(replace(window, end=window.start - dt.timedelta(days=1)),))
    report = publish([good, broken], tmp_path / "store", tmp_path / "jsonld")
    assert report.loaded == 1 and report.exported == 1
    assert len(report.refused) == 1 and "002_975000b3fb2f80f3.txt" in report.refused[0][0]
    stored = notice_graphs(open_store(tmp_path / "store", read_only=True))
    assert [iri.rsplit("/", 1)[-1] for iri in stored] == ["000_d7652f1d30021301.txt"]
    assert (tmp_path / "jsonld" / "index.json").exists()
