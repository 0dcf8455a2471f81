"""Containment queries on many character spans in logarithmic time.

Asking ``any(a <= s and e <= b for a, b in spans)`` once per token or per mark is quadratic on
a long report with thousands of quotations; :class:`SpanIndex` answers it with a binary search.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator


class SpanIndex:
    """A fixed set of half-open spans ``[start, end)`` (they may overlap or nest).

    ``covers(s, e)`` is True if one span contains all of ``[s, e)``; ``covers(pos)`` asks for
    one character. Iterating gives the spans back in start order.
    """

    __slots__ = ("_ends", "_max_end", "_spans", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = sorted((int(a), int(b)) for a, b in spans)
        self._starts = [a for a, _ in self._spans]
        self._ends = [b for _, b in self._spans]
        best = -1
        self._max_end = []
        for b in self._ends:
            best = max(best, b)
            self._max_end.append(best)

    def covers(self, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        k = bisect_right(self._starts, start) - 1
        return k >= 0 and self._max_end[k] >= end

    def touches(self, lo: int, hi: int) -> bool:
        """True if a span starts at or before ``hi`` and ends at or after ``lo``."""
        k = bisect_right(self._starts, hi) - 1
        return k >= 0 and self._max_end[k] >= lo

    def __contains__(self, pos: int) -> bool:
        return self.covers(pos)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)

    def __bool__(self) -> bool:
        return bool(self._spans)


class Breaks:
    """Positions of one kind of character (line breaks, say): is there one in ``[a, b)``?"""

    __slots__ = ("_pos",)

    def __init__(self, text: str, char: str = "\n") -> None:
        pos = []
        i = text.find(char)
        while i >= 0:
            pos.append(i)
            i = text.find(char, i + 1)
        self._pos = pos

    def within(self, a: int, b: int) -> bool:
        k = bisect_right(self._pos, a - 1)
        return k < len(self._pos) and self._pos[k] < b

    def next(self, a: int) -> int:
        """The first position at or after ``a``, or -1."""
        k = bisect_right(self._pos, a - 1)
        return self._pos[k] if k < len(self._pos) else -1

    def prev(self, a: int) -> int:
        """The last position before ``a``, or -1."""
        k = bisect_right(self._pos, a - 1) - 1
        return self._pos[k] if k >= 0 else -1
