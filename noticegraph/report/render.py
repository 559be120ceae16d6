"""HTML from the jinja2 templates of ``templates/`` (autoescaped: notice text is never markup)."""
from __future__ import annotations

from functools import cache
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=False, keep_trailing_newline=True)


def render(template: str, **context) -> bytes:
    """The page ``template`` with ``context``, as UTF-8."""
    from noticegraph import __version__

    return environment().get_template(template).render(version=__version__, **context).encode("utf-8")
