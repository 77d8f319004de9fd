"""Finding people by name as they are typed: case-, accent- and punctuation-insensitive, in the
database (SQLite and PostgreSQL alike).

Every child, family and guardian row carries a `search_key`: its name(s) normalised by `search_key`
below (lower case, accents folded, punctuation and hyphens gone, spaces collapsed). The models keep
it up to date on every ORM write (listeners in models/children.py); bulk inserts (the demo
generator), bulk updates (the retention) and the migration that added the column call
`search_key` themselves. A search then is `matches(column, query)`: every typed word, normalised
the same way, is a substring of the key (`LIKE '%word%'`), or the whole query without its spaces
is a substring of the key without its spaces ("noah jayden" and "noahjayden" find "Noah-Jayden",
"devries" finds "de Vries").

This module imports nothing of the app: the models use it too.
"""

from __future__ import annotations

import functools
import unicodedata

import sqlalchemy as sa

# Letters that NFKD does not take apart into a base letter and a combining mark.
_FOLDS = str.maketrans({
    "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "đ": "d", "ð": "d", "þ": "th",
    "ħ": "h", "ŀ": "l", "ĳ": "ij", "ŋ": "n", "ſ": "s", "ʼ": "", "’": "", "‘": "",
})
MAX_KEY = 400  # the column's length


def normalise(text: object) -> str:
    """"  Zoë  O'Neill-Çağla " -> "zoe oneillcagla": lower case, accents and special letters folded
    to plain letters, everything that is not a letter, digit or space left out (apostrophes,
    hyphens, dots), runs of spaces collapsed."""
    return _normalise(str(text or ""))


# The huiskamer's day compares every guardian's and pick-up person's name on each load (about 300
# names for 70 children, a seventh of the load's time): the same names, day after day.
@functools.lru_cache(maxsize=8192)
def _normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_FOLDS))
    kept = []
    for ch in folded:
        if unicodedata.combining(ch):
            continue
        if ch.isspace():
            kept.append(" ")
        elif ch.isalnum():
            kept.append(ch)
    return " ".join("".join(kept).split())


def search_key(*parts: object) -> str:
    """The key to store for a person or family: its name parts, each normalised, joined by one
    space ('Zoë', 'de Vries' -> 'zoe de vries')."""
    return " ".join(p for p in (normalise(part) for part in parts) if p)[:MAX_KEY]


def query_words(query: object) -> list[str]:
    """The typed words, normalised: what each must be a substring of the key."""
    return normalise(query).split()


def matches(column, query: object):
    """The SQL condition 'this key matches what was typed', or None when nothing was typed (the
    caller then applies no filter). Only letters, digits and spaces survive normalisation, so the
    words need no escaping in LIKE."""
    words = query_words(query)
    if not words:
        return None
    joined = sa.func.replace(column, " ", "").like(f"%{''.join(words)}%")
    if len(words) == 1:
        return joined  # one word: in the key without spaces covers in the key
    return sa.or_(sa.and_(*[column.like(f"%{word}%") for word in words]), joined)


def matches_text(key: str, query: object) -> bool:
    """The same test in Python, for a list already on the screen (a key made by `search_key`)."""
    words = query_words(query)
    return all(w in key for w in words) or "".join(words) in key.replace(" ", "")
