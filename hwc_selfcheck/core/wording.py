"""Small helpers for correct English in messages: counts, "a" or "an", and lists.

Messages are read by coaches, employers and providers, so "1 gap" and
"3 gaps" read better than "3 gap(s)", "an hours log" better than
"a hours log", and "a, b and c" better than "a and b and c" or "a, b, c".
Kept here so every module words them the same way.
"""

from __future__ import annotations

from typing import Optional, Sequence

# Words that start with a silent "h", so they take "an" (an hour, an honest mistake).
_SILENT_H = ("hour", "honest", "honour", "heir")


def noun(count: int, singular: str, plural_form: Optional[str] = None) -> str:
    """The form of a word for a count: 'file' for 1, 'files' otherwise; pass the plural when it is not just +s
    ('people', or 'are' for 'is')."""
    return singular if count == 1 else plural_form or singular + "s"


def plural(count: int, singular: str, plural_form: Optional[str] = None) -> str:
    """The count and its noun: '1 file', '0 files', '3 files'."""
    return f"{count} {noun(count, singular, plural_form)}"


def a_or_an(phrase: str) -> str:
    """The phrase after the right article: 'an hours log', 'a training record', 'an e-learning course'."""
    word = phrase.strip().lower()
    vowel_sound = word[:1] in "aeiou" or word.startswith(_SILENT_H)
    return f"{'an' if vowel_sound else 'a'} {phrase}"


def join_words(words: Sequence[str], last: str = "and") -> str:
    """A list as people write it: 'a', 'a and b', 'a, b and c' (or 'a, b or c' with ``last='or'``)."""
    items = [str(w) for w in words]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"
