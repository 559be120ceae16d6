"""The command line: bad input never stops a batch, stdout carries only results, exit codes tell."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from noticegraph.cli import NOTHING, OK, SOME_FAILED, USAGE, main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "000_d7652f1d30021301.txt"

# fmt: off
BAD_FILES = [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\n", "empty"),
    ("image.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
    ("random.txt", bytes((i * 37 + 11) % 256 for i in range(4000)), ""),
    ("nav.html", "<html><body><nav><a href='/'>首页</a></nav></body></html>".encode(), "notice"),
    ("nodates.txt", "关于做好社保业务办理的通知。请广大参保人员通过线上渠道办理社保业务，如有疑问请咨询经办窗口。".encode(), "date"),
]
# fmt: on


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(("name", "raw", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_cli_bad_file_is_one_line_and_the_batch_goes_on(
        name: str, raw: bytes, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / name
    bad.write_bytes(raw)
    out = tmp_path / "out.nt"
    code, stdout, stderr = run(["extract", str(bad), str(SEED), "-o", str(out)], capsys)
    assert code == SOME_FAILED
    assert stdout == ""
    lines = [line for line in stderr.splitlines() if str(bad) in line]
    assert len(lines) == 1 and reason in lines[0]
    assert "Traceback" not in stderr
    assert "000_d7652f1d30021301.txt" in out.read_text(encoding="utf-8")


def test_cli_nothing_extracted_keeps_the_previous_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.nt"
    out.write_text("previous\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    code, _, _ = run(["extract", str(tmp_path / "empty.txt"), "-o", str(out)], capsys)
    assert code == NOTHING
    assert out.read_text(encoding="utf-8") == "previous\n"


def test_cli_missing_file_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, stderr = run(["extract", str(tmp_path / "gone.txt"), str(SEED), "-o", str(tmp_path / "o.nt")], capsys)
    assert code == SOME_FAILED and "gone.txt" in stderr and "Traceback" not in stderr


@pytest.mark.parametrize("fmt", ["nt", "ttl", "jsonld", "trig", "nq"])
def test_cli_extract_formats_parse(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from rdflib import Dataset

    out = tmp_path / f"out.{fmt}"
    code, _, stderr = run(["extract", str(SEED), "--format", fmt, "-o", str(out)], capsys)
    assert code == OK, stderr
    parsed = Dataset().parse(out, format={"nt": "nt", "ttl": "turtle", "jsonld": "json-ld",
                                          "trig": "trig", "nq": "nquads"}[fmt])
    assert len(parsed) > 100 or sum(len(g) for g in parsed.graphs()) > 100


@pytest.mark.parametrize("query", ["cq2", "ontology/queries/cq2_suspension_windows.rq",
                                   "SELECT ?source ?start ?end WHERE { ?w a <https://w3id.org/noticegraph/ontology#SuspensionWindow> ; <https://w3id.org/noticegraph/ontology#statedIn> ?source ; <https://schema.org/startDate> ?start . OPTIONAL { ?w <https://schema.org/endDate> ?end } }"],
                         ids=["name", "file", "text"])
def test_cli_query_by_name_file_or_text(query: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    graph = tmp_path / "g.nt"
    run(["extract", str(SEED), "-o", str(graph)], capsys)
    code, stdout, _ = run(["query", query, "--data", str(graph)], capsys)
    assert code == OK
    assert stdout.splitlines()[0].startswith("source,start,end")
    assert "2022-02-26T00:00:00+08:00,2022-03-21T00:00:00+08:00" in stdout


def test_cli_malformed_query_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = tmp_path / "g.nt"
    graph.write_text("", encoding="utf-8")
    code, stdout, stderr = run(["query", "SELECT WHERE {", "--data", str(graph)], capsys)
    assert code == USAGE and stdout == "" and len(stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", [[], ["extract"], ["query"], ["crawl"], ["build"], ["serve"], ["push"],
                                     ["export"], ["report"], ["flows", "run"], ["flows", "serve"]])
def test_cli_help_everywhere(command: list[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "noticegraph.cli", *command, "--help"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0
    assert "usage:" in done.stdout
    assert all(word in done.stdout for word in command)


def test_cli_help_does_not_import_spacy_or_prefect() -> None:
    code = "import sys; from noticegraph.cli import build_parser; build_parser(); " \
           "print('spacy' in sys.modules, 'prefect' in sys.modules, 'rdflib' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.split() == ["False", "False", "False"]


def test_cli_console_script_is_installed() -> None:
    assert shutil.which("noticegraph") or (Path(sys.executable).parent / "noticegraph").exists()
