"""A problem found in a record, said so that the person who wrote the record can fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hub.wording import say_count
from hub.words import say


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int
    field: str
    message: str
    warning: bool = False

    def order(self) -> tuple:
        """The same order as comparing problems, but quicker as a sort key: thousands of warnings sorted
        by comparison took a tenth of a second."""
        return self.path.parts, self.line, self.field, self.message, self.warning

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        kind = f" {say('commands.warning')}:" if self.warning else ""
        return f"{self.path}:{self.line}:{field}{kind} {self.message}"


class RecordsInvalid(Exception):
    """Raised when one or more records are wrong; the site must not be built from them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(problem) for problem in self.problems]
        lines.append(say_count("problems.summary", len(self.problems)))
        return "\n".join(lines)
