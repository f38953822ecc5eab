"""Store the citations found in a speech and the ones suggested for it.

The finder (citations.py) and the suggester (suggester.py) are pure text
work; this module matches what they return against the resolutions and
clauses we hold and records Citation rows.

- Explicit mentions ("resolution 1718 (2006)") are unambiguous, so they are
  stored as accepted; a curator can still reject one.
- Suggestions are stored as proposed, for a curator to accept or reject.
- A citation that exists in any state, rejected included, is never recreated:
  a curator's "no" stays no.
"""

from dataclasses import dataclass, field

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from speeches.models import Speech

from .citations import FoundCitation, find_citations
from .models import Citation, CitationOrigin, Clause, Resolution, ReviewStatus
from .suggester import SUGGESTION_THRESHOLD, ClauseProfile, Suggester

SUGGESTIONS_PER_SENTENCE = 3


@dataclass
class AnnotationReport:
    created: list[Citation] = field(default_factory=list)
    unknown: list[FoundCitation] = field(default_factory=list)


@transaction.atomic
def record_found_citations(speech: Speech) -> AnnotationReport:
    """Record every explicit citation in the speech's current sentences."""
    report = AnnotationReport()
    resolutions = {resolution.number: resolution for resolution in Resolution.objects.all()}
    clauses = {(clause.resolution.number, clause.eid): clause for clause in Clause.objects.select_related("resolution")}
    for sentence in speech.sentences.current():
        for found in find_citations(sentence.text):
            resolution = resolutions.get(found.resolution)
            if resolution is None:
                report.unknown.append(found)
                continue
            clause = clauses.get((found.resolution, found.eid)) if found.eid else None
            note = f"Named in the sentence: “{found.text}”."
            if found.eid and clause is None:
                note += f" We hold no clause {found.eid} of {resolution.symbol}; cited as a whole."
            citation, created = Citation.objects.get_or_create(
                sentence=sentence,
                resolution=resolution,
                clause=clause,
                defaults={
                    "origin": CitationOrigin.EXPLICIT,
                    "status": ReviewStatus.ACCEPTED,
                    "span_start": found.start,
                    "span_end": found.end,
                    "note": note,
                },
            )
            if created:
                report.created.append(citation)
    return report


def clause_profiles(clauses: list[Clause]) -> list[ClauseProfile]:
    return [
        ClauseProfile(
            resolution=clause.resolution.number,
            eid=clause.eid,
            label=clause.label,
            summary=clause.summary,
            key_terms=tuple(clause.key_terms),
            topics=tuple(clause.topics),
        )
        for clause in clauses
    ]


def suggester_for(clauses: list[Clause]) -> Suggester:
    """A suggester over the given clauses (all of ours, usually)."""
    return Suggester(clause_profiles(clauses))


@transaction.atomic
def record_suggestions(speech: Speech) -> list[Citation]:
    """Propose, for each current sentence, the clauses it most likely invokes."""
    clauses = list(Clause.objects.select_related("resolution"))
    if not clauses:
        return []
    by_key = {(clause.resolution.number, clause.eid): clause for clause in clauses}
    suggester = suggester_for(clauses)
    sentences = list(speech.sentences.current().filter(kind="sentence").order_by("position"))
    paragraphs: dict[tuple[int, int], list[str]] = {}
    for sentence in sentences:
        paragraphs.setdefault((sentence.part, sentence.paragraph), []).append(sentence.text)
    known = set(Citation.objects.filter(sentence__speech=speech).values_list("sentence_id", "clause_id"))
    proposed = []
    for sentence in sentences:
        context = " ".join(paragraphs[(sentence.part, sentence.paragraph)])
        for suggestion in suggester.suggest(
            sentence.text,
            context=context,
            limit=SUGGESTIONS_PER_SENTENCE,
            minimum=SUGGESTION_THRESHOLD,
        ):
            clause = by_key[(suggestion.resolution, suggestion.eid)]
            if (sentence.pk, clause.pk) in known:
                continue
            reasons = "; ".join(suggestion.reasons) or "its words match the clause's summary"
            proposed.append(
                Citation(
                    sentence=sentence,
                    resolution=clause.resolution,
                    clause=clause,
                    origin=CitationOrigin.SUGGESTED,
                    status=ReviewStatus.PROPOSED,
                    score=suggestion.score,
                    note=f"Suggested: {reasons}.",
                    said_on=speech.delivered_on,
                )
            )
    # Only proposed citations: no count changes until a curator accepts one.
    return bulk_create_with_history(proposed, Citation)
