"""The inzage as one document: the child, who made it, the sections of records and the log of
readers. `inzage` builds it; `as_json` and `inzage_pdf.render` turn it into the two files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ... import texts
from ..common.clock import format_moment
from .access_log import LogRow
from .records import Section


@dataclass
class Inzage:
    child_id: int
    child_name: str
    born: str
    made_at: datetime
    made_by: str
    made_by_role: str
    organisation: str
    sections: list[Section]
    log: list[LogRow]

    def review_count(self) -> int:
        return sum(s.review_count() for s in self.sections)

    def as_json(self) -> dict:
        return {
            "inzage": {
                "kind_id": self.child_id, "kind": self.child_name, "geboortedatum": self.born,
                "gemaakt_op": self.made_at.isoformat(), "gemaakt_door": self.made_by, "rol": self.made_by_role,
                "organisatie": self.organisation, "toelichting": texts.INZAGE_DOC_GRONDSLAG,
                "let_op": texts.INZAGE_DOC_LET_OP, "ter_beoordeling": self.review_count(),
            },
            "onderdelen": [{"sleutel": s.key, "titel": s.title, "records": [r.as_json() for r in s.records]}
                           for s in self.sections],
            "logboek": [{"wanneer": r.at.isoformat(), "wie": r.actor_name, "medewerker_id": r.actor_id,
                         "rol": r.role_label, "actie": r.action, "waarover": r.object_text,
                         "uitkomst": r.outcome_label, "details": r.detail} for r in self.log],
        }


def inzage_heading(inzage: Inzage) -> list[str]:
    """The lines at the top of the document (PDF), in Dutch."""
    return [texts.INZAGE_DOC_OVER.format(naam=inzage.child_name, geboren=inzage.born, id=inzage.child_id),
            texts.INZAGE_DOC_GEMAAKT.format(moment=format_moment(inzage.made_at), naam=inzage.made_by,
                                            rol=inzage.made_by_role, organisatie=inzage.organisation),
            texts.INZAGE_DOC_GRONDSLAG]
