"""Character spans of one paragraph, asked whether they overlap a range, in logarithmic time.

A paragraph of a few hundred characters holds a handful of linked names, but an
article may be one paragraph of a megabyte with thousands of them: scanning every
span for every candidate grew with the square of the paragraph (a 900 KB article
took 4 s to build, most of it in two such scans).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class Spans:
    """Half-open spans [start, end); overlapping ones are kept as their union, which answers the same."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(spans):
            if ends and start < ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        self._starts, self._ends = starts, ends

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span has a character in [start, end), or (for start == end) holds `start` inside it."""
        i = bisect_right(self._ends, start)  # the first span that ends after `start`; the ones before cannot overlap
        return i < len(self._starts) and self._starts[i] < end

    def __contains__(self, at: int) -> bool:
        """Whether some span holds the character at `at`."""
        return self.overlaps(at, at + 1)
