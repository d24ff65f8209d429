# SPDX-License-Identifier: Apache-2.0
"""ScenarioError: what pocsim says about bad input, one Diagnostic per error."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence


@dataclass(frozen=True)
class Diagnostic:
    """One error, where the CLI would print ``FILE:LINE:COL: error: KEY.PATH: message``.

    ``file``, ``line`` and ``column`` are None for an error that has no place
    in a file (a sweep folder in the way); ``excerpt`` holds the offending
    line with a caret under the column, for YAML syntax errors, else "".
    """

    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    key_path: Optional[str]
    message: str
    excerpt: str = ""

    def __str__(self) -> str:
        if self.file is None:
            return self.message
        return f"{self.file}:{self.line}:{self.column}: error: {self.key_path}: {self.message}"


class ScenarioError(ValueError):
    """Bad input: every error at once, as the CLI reports them (exit status 2).

    ``errors`` lists them all; ``file``, ``line``, ``column``, ``key_path``
    and ``message`` are the first one's. ``str(error)`` is what the CLI prints.
    """

    def __init__(self, errors: Sequence[Diagnostic]):
        self.errors = list(errors)
        first = self.errors[0]
        self.file, self.line, self.column = first.file, first.line, first.column
        self.key_path, self.message = first.key_path, first.message
        super().__init__("\n".join(str(d) + ("\n" + d.excerpt.rstrip("\n") if d.excerpt else "")
                                   for d in self.errors))


# FILE:LINE:COL: error: KEY.PATH: message; the file name may hold colons.
_LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<column>\d+): error: (?P<key>.+?): (?P<message>.*)$")


def diagnostics_from_text(text: str) -> list[Diagnostic]:
    """The errors of a command's printed messages: located lines parsed, each
    followed by its excerpt (lines that start with a space); any other line
    (``pocsim sweep: error: ...``) as an error without a place."""
    found: list[Diagnostic] = []
    for line in text.splitlines():
        if line.startswith(" ") and found:
            last = found[-1]
            found[-1] = Diagnostic(last.file, last.line, last.column, last.key_path, last.message,
                                   last.excerpt + line + "\n")
        elif m := _LINE.match(line):
            found.append(Diagnostic(m["file"], int(m["line"]), int(m["column"]), m["key"],
                                    m["message"]))
        elif line.strip():
            found.append(Diagnostic(None, None, None, None, line))
    return found
