"""`noticegraph report`: what it writes, its errors, and a start-up that imports none of its heavy libraries."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from noticegraph.cli import NOTHING, main

ROOT = Path(__file__).resolve().parents[3]


def test_report_writes_every_part(report_dir: Path, report_data) -> None:
    assert (report_dir / "index.html").is_file() and (report_dir / "timeline.png").is_file()
    assert sorted(p.name for p in (report_dir / "review").iterdir()) == \
        sorted(f"{n.file_name}.html" for n in report_data.notices.values())
    assert {p.name for p in report_dir.glob("*.csv")} == {"events.csv", "services.csv", "channels.csv", "payments.csv",
                                                         "deadlines.csv", "windows.csv"}


def test_report_is_offline(report_dir: Path) -> None:
    """No reference leaves the folder: no http(s) resources, no scripts, no fonts, no external stylesheet."""
    from lxml import html

    for path in [report_dir / "index.html", *(report_dir / "review").glob("*.html")]:
        page = html.parse(str(path)).getroot()
        assert page.xpath("//script | //link[@rel='stylesheet'] | //iframe | //img[starts-with(@src, 'http')]") == []
        assert "@import" not in path.read_text(encoding="utf-8") and "@font-face" not in path.read_text("utf-8")


def test_report_missing_store_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["report", "--store", str(tmp_path / "none"), "--out", str(tmp_path / "out")])
    lines = capsys.readouterr().err.strip().splitlines()
    assert code == NOTHING and len(lines) == 1
    assert lines[0].startswith(f"noticegraph: {tmp_path / 'none'}: ") and "no store" in lines[0]
    assert not (tmp_path / "out").exists()


def test_report_unwritable_output_is_one_line(built_corpus, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    code = main(["report", "--store", str(built_corpus[0]), "--out", str(blocker / "report")])
    lines = capsys.readouterr().err.strip().splitlines()
    assert code == NOTHING and len(lines) == 1 and lines[0].startswith(f"noticegraph: {blocker}")
    assert "Traceback" not in lines[0]


def test_report_help_and_lazy_imports() -> None:
    done = subprocess.run([sys.executable, "-m", "noticegraph.cli", "report", "--help"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and "--store" in done.stdout and "--out" in done.stdout
    code = "import sys; from noticegraph.cli import build_parser; build_parser(); " \
           "print(*(m in sys.modules for m in ('matplotlib', 'jinja2', 'icalendar', 'pyoxigraph')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.split() == ["False"] * 4
