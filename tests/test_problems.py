"""Problems are listed by file, line and field, whichever way they are sorted."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

from hub.records.problems import Problem


def test_sorting_by_the_order_key_gives_the_same_order_as_comparing_problems():
    problems = [
        Problem(Path(path), line, field, message, warning)
        for path, line, field, message, warning in itertools.product(
            ("engagements/a.yaml", "engagements/a-b.yaml", "engagements/a/b.yaml", "map/bodies.yaml"),
            (1, 2, 10),
            ("", "closes", "title"),
            ("is missing.", "is empty."),
            (False, True),
        )
    ]
    shuffled = random.Random(1).sample(problems, len(problems))
    ordered = sorted(shuffled, key=Problem.order)
    assert ordered == sorted(shuffled)
    # Each file's problems come together, in order of line.
    paths = [p.path for p in ordered]
    assert len(list(itertools.groupby(paths))) == len(set(paths))
    lines = [p.line for p in ordered if p.path == Path("engagements/a.yaml")]
    assert lines == sorted(lines)
