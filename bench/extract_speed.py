"""Extraction speed: a whole ``noticegraph extract`` process over 1,000 notices.

Replicates the bundled corpus (and the test notices) to N files, then in the
same run: (1) times ``noticegraph extract`` as a subprocess, one core
(``taskset -c 0`` when available); (2) times JioNLP's time extraction over the
same texts in this process (JioNLP is the common Chinese baseline for it);
(3) times ``noticegraph --help``; (4) splits one notice's time into its stages,
in this process (reading and cleaning, the spaCy doc, the date scan, each
pipeline component, N-Triples). Prints the results and writes
``bench/results/extract_speed_{corpus}.json``.

    python bench/extract_speed.py [--notices 1000]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"corpus": [ROOT / "corpus"], "all": [ROOT / "corpus", ROOT / "tests" / "data" / "notices"]}
CLI = [sys.executable, "-m", "noticegraph.cli"]


def replicate(target: Path, count: int, sources: list[Path]) -> list[Path]:
    """``count`` notice files made by copying the corpus under new names."""
    originals = sorted(p for folder in sources for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html"))
    made = []
    for i in range(count):
        source = originals[i % len(originals)]
        copy = target / f"{i:05d}_{source.name}"
        shutil.copyfile(source, copy)
        made.append(copy)
    return made


def one_core() -> list[str]:
    return ["taskset", "-c", "0"] if shutil.which("taskset") else []


def time_extract(folder: Path, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run(one_core() + CLI + ["extract", str(folder), "--format", "nt", "-o", str(out), "--quiet"],
                   check=True, cwd=ROOT)
    return time.perf_counter() - started


def time_help(repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "noticegraph"), "--help"], check=True,
                       stdout=subprocess.DEVNULL, cwd=ROOT)
        best = min(best, time.perf_counter() - started)
    return best


def time_jionlp(files: list[Path]) -> float | None:
    try:
        import jionlp
    except ImportError:
        return None
    from extractors.loading import load_document

    documents = [load_document(p) for p in files]
    bases = [(d.norm, d.published.timestamp() if d.published else time.time()) for d in documents]
    started = time.perf_counter()
    for text, base in bases:
        jionlp.ner.extract_time(text, time_base=base, with_parsing=True)
    return time.perf_counter() - started


def stage_times(files: list[Path]) -> dict[str, float]:
    """Milliseconds per notice of each stage of :func:`extractors.pipeline.extract`, run stage by stage.

    Run first in this process and under the batch's garbage-collection regime,
    as ``noticegraph extract`` runs them: after JioNLP's tables are loaded, full
    collections would traverse those too.
    """
    from extractors import pipeline
    from extractors.loading import load_document
    from extractors.temporal import date_atoms
    from noticegraph.batch import batch_collection
    from ontology.ntriples import notice_ntriples

    nlp = pipeline.build_nlp()
    spent: dict[str, float] = {}

    def timed(stage: str, step, *args):
        started = time.perf_counter()
        result = step(*args)
        spent[stage] = spent.get(stage, 0.0) + time.perf_counter() - started
        return result

    with batch_collection():
        for path in files:
            document = timed("read and clean", load_document, path)
            doc = timed("spaCy doc", nlp.make_doc, document.norm)
            atoms = timed("date scan", date_atoms, document.norm)
            doc.user_data.update(document=document, date_atoms=atoms,
                                 reference=pipeline.reference_date(document, atoms))
            for name, component in nlp.pipeline:
                doc = timed(name, component, doc)
            timed("N-Triples", lambda facts: "".join(notice_ntriples(facts)).encode("utf-8"), doc._.facts)
    return {stage: round(1000 * seconds / len(files), 3) for stage, seconds in spent.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notices", type=int, default=1000)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="corpus",
                        help="corpus: the bundled seeds (the issue's measure); all: seeds and the 9 test notices")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ng-bench-"))
    try:
        (work / "in").mkdir()
        files = replicate(work / "in", args.notices, CORPORA[args.corpus])
        seconds = time_extract(work / "in", work / "out.nt")
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024   # the extract process, the only child so far
        stages = stage_times(files)
        jio = time_jionlp(files)
        result = {"corpus": args.corpus, "notices": args.notices, "extract_seconds": round(seconds, 2),
                  "notices_per_second": round(args.notices / seconds, 1), "extract_peak_rss_mb": round(peak_mb),
                  "jionlp_time_seconds": round(jio, 2) if jio else None,
                  "jionlp_notices_per_second": round(args.notices / jio, 1) if jio else None,
                  "help_seconds": round(time_help(), 3), "cores": os.cpu_count(),
                  "stage_ms_per_notice": stages}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(result, indent=2))
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / f"extract_speed_{args.corpus}.json").write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
