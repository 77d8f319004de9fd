"""Small-cell suppression for report figures that leave the organisation: counts of 1 to 4 are
shown as "<5", with secondary suppression so a hidden count cannot be derived from its total
(the rules are described in rapportage/reports.py).
"""

from __future__ import annotations

from ... import texts

SMALL_MIN, SMALL_MAX = 1, 4  # counts in this range are shown as SUPPRESSED
SUPPRESSED = texts.RAPPORT_KLEIN_AANTAL
HIDDEN = texts.RAPPORT_VERBORGEN  # "–": hidden to protect a suppressed cell, or derived from one

Cell = int | float | str | None


# ==============================================================================================
# Small-cell suppression
# ==============================================================================================

def _small(value: int) -> bool:
    return SMALL_MIN <= value <= SMALL_MAX


def suppress_counts(values: list[int], total: int | None = None) -> tuple[list[Cell], Cell]:
    """Apply the module's suppression rule to one breakdown: the display cells and the display
    total (None when no total is given). See the module docstring."""
    primary = [_small(v) for v in values]
    secondary = [False] * len(values)
    hide_total = total is not None and _small(total)
    if total is not None and sum(primary) == 1:
        candidates = [i for i, v in enumerate(values) if not primary[i] and v > 0]
        if candidates:
            secondary[min(candidates, key=lambda i: (values[i], i))] = True
        else:
            hide_total = True
    cells: list[Cell] = [SUPPRESSED if p else HIDDEN if s else v
                         for v, p, s in zip(values, primary, secondary, strict=True)]
    if total is None:
        return cells, None
    return cells, (SUPPRESSED if _small(total) else HIDDEN) if hide_total else total


def is_suppressed(cell: Cell) -> bool:
    return cell in (SUPPRESSED, HIDDEN)
