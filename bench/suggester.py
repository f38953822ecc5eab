"""Measure the clause suggester against curated links.

    uv run python bench/suggester.py

Two sets are scored:
- seed: every clause-level curated citation in seeds/citations.jsonl, on the
  seed speech (the suggester was written without reference to these links,
  but they are the ones we know best);
- held-out: bench/heldout.jsonl, sentences written for this benchmark in
  the style of other Council statements, never used while building the
  suggester.

For each sentence with at least one gold clause the suggester ranks every
clause we hold; precision and recall at 1 and 3 are averaged over sentences.
Resolution-level citations (no clause) are not scored. No database is used.
"""

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sanctions.suggester import SUGGESTION_THRESHOLD, ClauseProfile, Suggester  # noqa: E402
from speeches.anchors import assign_anchors  # noqa: E402
from speeches.segmenter import segment_text  # noqa: E402

SEEDS = ROOT / "seeds"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def clause_profiles() -> list[ClauseProfile]:
    return [
        ClauseProfile(
            resolution=row["resolution"],
            eid=row["eid"],
            label=row["label"],
            summary=row["summary"],
            key_terms=tuple(row.get("key_terms", [])),
            topics=tuple(row.get("topics", [])),
        )
        for row in read_jsonl(SEEDS / "clauses.jsonl")
    ]


def seed_sentences():
    """Yield (speech slug, anchor, segment, paragraph text) for every seed sentence."""
    for speech in read_jsonl(SEEDS / "speeches.jsonl"):
        segments = segment_text((SEEDS / speech["text_file"]).read_text(encoding="utf-8"))
        anchors = assign_anchors([segment.text for segment in segments])
        paragraphs: dict[int, list[str]] = {}
        for segment in segments:
            paragraphs.setdefault(segment.paragraph, []).append(segment.text)
        for segment, anchor in zip(segments, anchors, strict=True):
            yield speech["slug"], anchor, segment, " ".join(paragraphs[segment.paragraph])


def seed_cases() -> list[tuple[str, str, set[tuple[int, str]]]]:
    """(sentence, paragraph, gold clauses) for each curated sentence of the seed speeches."""
    gold: dict[tuple[str, str], set[tuple[int, str]]] = {}
    for row in read_jsonl(SEEDS / "citations.jsonl"):
        if row.get("eid"):
            gold.setdefault((row["speech"], row["sentence"]), set()).add((row["resolution"], row["eid"]))
    return [
        (segment.text, context, gold[(slug, anchor)])
        for slug, anchor, segment, context in seed_sentences()
        if (slug, anchor) in gold
    ]


def uncited_seed_sentences() -> list[tuple[str, str]]:
    """(sentence, paragraph) for seed sentences curators marked as citing nothing."""
    cited = {(row["speech"], row["sentence"]) for row in read_jsonl(SEEDS / "citations.jsonl")}
    return [
        (segment.text, context)
        for slug, anchor, segment, context in seed_sentences()
        if segment.kind == "sentence" and (slug, anchor) not in cited
    ]


def heldout_cases() -> list[tuple[str, str, set[tuple[int, str]]]]:
    return [
        (row["sentence"], row.get("context", ""), {(item[0], item[1]) for item in row["clauses"]})
        for row in read_jsonl(ROOT / "bench" / "heldout.jsonl")
    ]


def score(suggester: Suggester, cases) -> dict[str, float]:
    totals = {"p@1": 0.0, "r@1": 0.0, "p@3": 0.0, "r@3": 0.0}
    for sentence, context, gold in cases:
        ranked = [(s.resolution, s.eid) for s in suggester.suggest(sentence, context=context, limit=3)]
        for k in (1, 3):
            hits = len(set(ranked[:k]) & gold)
            totals[f"p@{k}"] += hits / k
            totals[f"r@{k}"] += hits / len(gold)
    return {name: value / max(len(cases), 1) for name, value in totals.items()}


def main() -> None:
    profiles = clause_profiles()
    started = time.perf_counter()
    suggester = Suggester(profiles)
    built = time.perf_counter() - started
    print(f"{len(profiles)} clauses; index built in {built * 1000:.1f} ms")
    print(f"{'set':<10} {'sentences':>9} {'P@1':>6} {'R@1':>6} {'P@3':>6} {'R@3':>6} {'ms/sentence':>12}")
    for name, cases in (("seed", seed_cases()), ("held-out", heldout_cases())):
        started = time.perf_counter()
        result = score(suggester, cases)
        per_sentence = (time.perf_counter() - started) * 1000 / max(len(cases), 1)
        print(
            f"{name:<10} {len(cases):>9} {result['p@1']:>6.2f} {result['r@1']:>6.2f} "
            f"{result['p@3']:>6.2f} {result['r@3']:>6.2f} {per_sentence:>12.2f}"
        )
    quiet = uncited_seed_sentences()
    noisy = sum(
        1 for sentence, context in quiet if suggester.suggest(sentence, context=context, minimum=SUGGESTION_THRESHOLD)
    )
    print(
        f"Proposals at the admin's threshold ({SUGGESTION_THRESHOLD}): {noisy} of {len(quiet)} seed sentences "
        f"that cite nothing would get at least one suggestion to reject."
    )


if __name__ == "__main__":
    main()
