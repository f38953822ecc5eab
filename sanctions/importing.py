"""Import a resolution's official text into its clauses.

The parser (resolution_text) finds the clauses; this module writes them to
the database, matched by eId, in one transaction. It fills what the official
text settles (label, parent, kind, position, verb, official wording) and
leaves alone what curators write (summary, key terms, topics, confidence,
verification, note). It never deletes a clause: one missing from the text is
more likely a parsing slip than a repeal, and curated rows point at it.
Importing the same text again saves nothing.
"""

from dataclasses import dataclass, field

from django.db import transaction

from .models import Clause, Confidence, Resolution
from .resolution_text import ResolutionTextError, declared_resolution_number, parse_resolution_text

NEW_CLAUSE_NOTE = "Imported from the official text; summary to write."

# The fields the official text decides; everything else on a clause is curated.
IMPORTED_FIELDS = ("label", "parent", "kind", "position", "verb", "official_text")


@dataclass
class ImportReport:
    """What an import did, by eId."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    resolution: str = ""

    def summary(self) -> str:
        """One line for the command's output."""
        subject = f"{self.resolution}: " if self.resolution else ""
        return (
            f"{subject}{len(self.created)} clauses created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged."
        )


def import_resolution_text(*, resolution: Resolution, text: str) -> ImportReport:
    """Create or update `resolution`'s clauses from its official plain text."""
    parsed = parse_resolution_text(text)
    declared = declared_resolution_number(text)
    if declared is not None and declared[0] != resolution.number:
        number, line = declared
        raise ResolutionTextError(
            f"the text is resolution {number}, not resolution {resolution.number}.",
            line=line,
        )

    report = ImportReport(resolution=resolution.symbol)
    with transaction.atomic():
        clauses = {clause.eid: clause for clause in resolution.clauses.all()}
        # The parser yields parents before their children, so each parent is
        # saved (and has a pk) by the time a child refers to it.
        for position, item in enumerate(parsed, start=1):
            wanted = {
                "label": item.label,
                "parent": clauses[item.parent_eid] if item.parent_eid else None,
                "kind": item.kind,
                "position": position,
                "verb": item.verb,
                "official_text": item.text,
            }
            clause = clauses.get(item.eid)
            if clause is None:
                clause = Clause(
                    resolution=resolution,
                    eid=item.eid,
                    summary="",
                    confidence=Confidence.LOW,
                    curator_note=NEW_CLAUSE_NOTE,
                    **wanted,
                )
                clause.save()
                clauses[item.eid] = clause
                report.created.append(item.eid)
                continue
            changed = [name for name, value in wanted.items() if _differs(clause, name, value)]
            if not changed:
                report.unchanged.append(item.eid)
                continue
            for name in changed:
                setattr(clause, name, wanted[name])
            # update_fields: a curator editing the summary meanwhile keeps it.
            clause.save(update_fields=changed)
            report.updated.append(item.eid)
    return report


def _differs(clause: Clause, name: str, value: object) -> bool:
    if name == "parent":
        # Compare ids so an unchanged parent costs no query.
        return clause.parent_id != (value.pk if isinstance(value, Clause) else None)
    return getattr(clause, name) != value
