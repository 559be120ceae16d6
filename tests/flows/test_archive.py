"""WARC files: records, digests, rotation, atomic appends and reading back after a crash."""
from __future__ import annotations

import gzip
import random
import re
from pathlib import Path

from flows.archive import Exchange, WarcArchive, payload_digest, read_responses, warc_files

NAME = re.compile(r"^noticegraph-\d{14}-\d{5}\.warc\.gz$")


def exchange(i: int, size: int = 2000) -> Exchange:
    body = f"第{i}号停机通告。".encode("gbk") + random.Random(i).randbytes(size)   # incompressible
    return Exchange(url=f"http://h/notice/{i}.html", method="GET", request_headers=(("User-Agent", "t"),),
                    status=200, reason="OK", http_version="HTTP/1.1",
                    headers=(("Content-Type", "text/html"), ("Content-Encoding", "gzip")), body=body)


def test_round_trip_with_request_records_and_digests(tmp_path: Path) -> None:
    with WarcArchive(tmp_path) as archive:
        ids = [archive.write(exchange(i)) for i in range(3)]
    [path] = warc_files(tmp_path)
    assert NAME.match(path.name)
    back = list(read_responses([path]))
    assert [r.record_id for r in back] == ids
    assert [r.body for r in back] == [exchange(i).body for i in range(3)]
    assert ("Content-Encoding", "gzip") not in back[0].headers          # stored decoded
    text = gzip.decompress(path.read_bytes()).decode("latin-1")
    assert text.count("WARC-Type: request") == 3 and text.count("WARC-Type: response") == 3
    assert f"WARC-Payload-Digest: {payload_digest(exchange(0).body)}" in text
    assert "WARC-Target-URI: http://h/notice/0.html" in text and "WARC-Date: " in text


def test_rotation_by_size(tmp_path: Path) -> None:
    with WarcArchive(tmp_path, max_bytes=13_000) as archive:
        for i in range(6):
            archive.write(exchange(i, size=6000))
    paths = warc_files(tmp_path)
    assert len(paths) >= 3 and all(NAME.match(p.name) for p in paths)
    assert [r.url for r in read_responses(paths)] == [f"http://h/notice/{i}.html" for i in range(6)]
    with WarcArchive(tmp_path) as archive:                     # a later run continues the numbering
        archive.write(exchange(9))
    assert warc_files(tmp_path)[-1].name.endswith(f"-{len(paths) + 1:05d}.warc.gz")


def test_open_file_of_a_killed_run_is_readable_up_to_the_cut(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path)
    archive.write(exchange(0))
    archive.write(exchange(1))
    [path] = warc_files(tmp_path)
    before_last = path.stat().st_size
    archive.write(exchange(2))
    assert path.name.endswith(".warc.gz.open")                 # never closed: the run was killed
    whole = path.read_bytes()
    for cut in range(1, len(whole) - before_last + 1, 7):      # the last exchange cut anywhere
        path.write_bytes(whole[:-cut])
        urls = [r.url for r in read_responses([path])]
        assert urls in (["http://h/notice/0.html", "http://h/notice/1.html"],
                        ["http://h/notice/0.html", "http://h/notice/1.html", "http://h/notice/2.html"])
