"""Streamed output: written as the batch goes, replaced only when complete."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from noticegraph.output import stream_atomically

PREVIOUS = b"<a> <b> <c> .\n"

# fmt: off
CASES = [
    # chunks,                        returned, file afterwards
    ([b"x\n", b"y\n"],               2,        b"x\ny\n"),
    ([b"only\n"],                    1,        b"only\n"),
    ([],                             0,        PREVIOUS),        # nothing extracted: the previous output stays
]
# fmt: on


@pytest.mark.parametrize(("chunks", "count", "content"), CASES)
def test_stream_atomically(chunks: list[bytes], count: int, content: bytes, tmp_path: Path) -> None:
    out = tmp_path / "out.nt"
    out.write_bytes(PREVIOUS)
    assert stream_atomically(iter(chunks), out) == count
    assert out.read_bytes() == content
    assert [p.name for p in tmp_path.iterdir()] == ["out.nt"]     # no temporary file left


def test_stream_atomically_keeps_the_previous_output_when_the_producer_fails(tmp_path: Path) -> None:
    def failing() -> Iterator[bytes]:
        yield b"half\n"
        raise RuntimeError("extraction broke")

    out = tmp_path / "out.nt"
    out.write_bytes(PREVIOUS)
    with pytest.raises(RuntimeError):
        stream_atomically(failing(), out)
    assert out.read_bytes() == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["out.nt"]


def test_stream_atomically_creates_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "new" / "out.nt"
    assert stream_atomically(iter([b"x\n"]), out) == 1
    assert out.read_bytes() == b"x\n"
