"""What a table's header (or a label) says of the times under it, and the cells a row takes from the rows above.

A table row's times are read by their column: the header over a column says
whether its times are when something stops (暂停时间), ends (截止日期) or
resumes (恢复时间). A header may take two rows, the upper one grouping
columns (暂停办理时段 over 开始日期 | 开始时刻 | 截止日期 | 截止时刻); a column is
then named by both. An empty cell that a cell of a row above spans down over
(rowspan, :attr:`Block.covered`) holds that cell's time. A short label right
before a time (暂停：…, 恢复时间：…) says what it is as a header would.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from extractors.lexicon import load_yaml
from extractors.polarity import Analysis
from extractors.sentences import Sentence
from extractors.temporal import TimeExpression

CELL_SEPARATOR = re.compile(r"\t| \| ")   # between the cells of a table row (HTML, Markdown)
Role = str          # suspend, end or resume


@cache
def _role_patterns() -> tuple[re.Pattern[str], dict[Role, re.Pattern[str]]]:
    rules = dict(load_yaml("facts.yaml")["windows"]["table_columns"])
    names_times = re.compile(rules.pop("times"))
    return names_times, {role: re.compile(p) for role, p in rules.items()}


@cache
def _column_roles(header: tuple[tuple[str, ...], ...]) -> tuple[Role | None, ...]:
    """What each column of a table header (its names, top row first) says of its times: suspend, end,
    resume or nothing. The lowest name that names times decides, with the names above it when it
    says nothing of its own (开始日期 under 暂停办理时段); an end word decides over a suspension word
    (暂停办理时段/截止日期 is an end); a name saying two other roles says neither."""
    return tuple(_role(names) for names in header)


def _role(names: tuple[str, ...]) -> Role | None:
    names_times, patterns = _role_patterns()
    for depth in range(len(names) - 1, -1, -1):
        own = "".join(names[depth:])
        if not names_times.search(own):
            continue
        said = [role for role, pattern in patterns.items() if pattern.search(own)]
        if said or depth == 0:
            return "end" if "end" in said else said[0] if len(said) == 1 else None
    return None


def _header_rows(analysis: Analysis, row: Sentence) -> list[Sentence]:
    """The header rows over a table row, top first: its header and the header rows right above it."""
    rows = [analysis.sentences[row.table_header]]
    blocks = analysis.document.blocks
    while rows[0].index > 0:
        above = analysis.sentences[rows[0].index - 1]
        if not (above.kind == "table_row" and blocks[above.block].header and above.block == rows[0].block - 1):
            break
        rows.insert(0, above)
    return rows


def _row_text(analysis: Analysis, row: Sentence) -> str:
    block = analysis.document.blocks[row.block]
    return analysis.document.norm[block.start:block.end]


def _header(analysis: Analysis, row: Sentence) -> tuple[tuple[str, ...], ...]:
    """The names of each column over a table row, top row first (see :func:`_column_names`)."""
    return _column_names(tuple(_row_text(analysis, header) for header in _header_rows(analysis, row)))


@lru_cache(maxsize=256)
def _column_names(header_rows: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The names of each column under header rows (top first): the texts of the rows in that column,
    empty cells counted, an upper row's empty cell taking the text of the cell to its left that spans
    over it (colspan). Worked out once per header, though asked for every time and number of its rows."""
    rows = [CELL_SEPARATOR.split(text) for text in header_rows]
    width = max(len(cells) for cells in rows)
    names: list[list[str]] = [[] for _ in range(width)]
    for depth, cells in enumerate(rows):
        last = ""
        for column in range(width):
            text = cells[column] if column < len(cells) else ""
            if depth < len(rows) - 1:       # an upper row groups the columns under it
                last = text or last
                text = last
            names[column].append(text)
    return tuple(tuple(n) for n in names)


def header_text(analysis: Analysis, row: Sentence) -> str:
    """The names of the columns over a table row, joined ("" outside tables)."""
    if row.table_header < 0:
        return ""
    return "\t".join(names[-1] for names in _header(analysis, row))


def column_name(analysis: Analysis, row: Sentence, position: int) -> str:
    """The name over the column of a position in a table row ("" outside tables or past the header)."""
    if row.table_header < 0:
        return ""
    header = _header(analysis, row)
    column = column_of(analysis, row, position)
    return "".join(header[column]) if column < len(header) else ""


def column_of(analysis: Analysis, row: Sentence, position: int) -> int:
    """The column of a position in a table row (counted from the row's block: a leading cell may be empty)."""
    return len(CELL_SEPARATOR.findall(analysis.document.norm, analysis.document.blocks[row.block].start, position))


def column_roles(analysis: Analysis, row: Sentence) -> tuple[Role | None, ...]:
    """What the header over a table row says of the times in each column (() outside tables)."""
    if row.table_header < 0:
        return ()
    return _column_roles(_header(analysis, row))


def column_role(analysis: Analysis, row: Sentence, time: TimeExpression) -> Role | None:
    """For a time in a table row, what its column's header says of it (暂停时间 → suspend)."""
    roles = column_roles(analysis, row)
    column = column_of(analysis, row, time.start)
    return roles[column] if column < len(roles) else None


def covered_times(analysis: Analysis, row: Sentence, role: Role) -> list[TimeExpression]:
    """The times a row takes from a cell above spanning down over its cell of a ``role`` column: those of
    the nearest row above, in the same table, whose cell there is its own."""
    roles = column_roles(analysis, row)
    covered = analysis.document.blocks[row.block].covered
    columns = [c for c in covered if c < len(roles) and roles[c] == role]
    if not columns:
        return []
    for above in reversed(analysis.sentences[row.table_header + 1:row.index]):
        if above.table_header != row.table_header:
            return []
        if columns[0] in analysis.document.blocks[above.block].covered:
            continue
        return [t for t in analysis.times_in(above) if column_of(analysis, above, t.start) in columns]
    return []


@cache
def _labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A label right before a time, and a label's verb alone before a time opening with its 至."""
    rules = load_yaml("facts.yaml")["windows"]["time_label"]
    return re.compile(rules["label"]), re.compile(rules["before_until"])


def label_role(analysis: Analysis, row: Sentence, time: TimeExpression) -> Role | None:
    """What a short label right before a time says of it, as a column's header would (暂停：6月27日17:00 ↓
    恢复：7月1日9:00): suspend, end, resume or nothing."""
    norm, reach = analysis.document.norm, max(row.start, time.start - 10)
    label_pattern, before_until = _labels()
    label = label_pattern.search(norm, reach, time.start)
    if label is None and norm[time.start] in "至到":
        label = before_until.search(norm, reach, time.start)
    if label is None:
        return None
    _, patterns = _role_patterns()
    said = [role for role, pattern in patterns.items() if pattern.search(label.group(1))]
    return "end" if "end" in said else said[0] if len(said) == 1 else None


def spanned_start(analysis: Analysis, row: Sentence) -> TimeExpression | None:
    """For a row whose suspension cell is empty because a cell above spans down to it (rowspan), the
    time in that cell: the nearest row above in the same table with a time in that column."""
    for above in reversed(analysis.sentences[row.table_header + 1:row.index]):
        if above.table_header != row.table_header:
            return None
        starts = [t for t in analysis.times_in(above) if column_role(analysis, above, t) == "suspend"]
        if starts:
            return starts[0]
    return None
