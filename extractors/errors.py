"""Coded errors for notices that cannot be read or extracted."""
from __future__ import annotations


class NoticeError(Exception):
    """A notice that cannot be turned into facts; the message is one line for the user.

    Attributes:
        code: a stable code such as ``E101`` (see :data:`MESSAGES`).
        reason: the human-readable reason, without the file name.
    """

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(f"{code} {reason}")
        self.code = code
        self.reason = reason


MESSAGES = {
    "E100": "file is empty",
    "E101": "file is binary, not a notice",
    "E102": "cannot decode text in any known charset",
    "E103": "page has no notice text after cleaning",
    "E104": "notice states no dates",
    "E105": "file cannot be read",
    "E106": "unsupported input",
    "E107": "malformed query",
    "E108": "store cannot be opened",
    "E109": "server not installed",
    "E110": "SPARQL server error",
    "E111": "query stopped at the timeout",
}


def notice_error(code: str, detail: str = "") -> NoticeError:
    """Build a :class:`NoticeError` from its code and an optional detail."""
    reason = MESSAGES[code] + (f": {detail}" if detail else "")
    return NoticeError(code, reason)
