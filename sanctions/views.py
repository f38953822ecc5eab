"""Reader pages. Each view renders a full page, or just its fragment when
htmx asks for that fragment by target id; one view, one template, two uses."""

from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import condition, require_GET
from django.views.decorators.vary import vary_on_headers

from speeches.http import wants_fragment
from speeches.models import Speech

from . import reading
from .caching import cache_by_corpus_version, page_etag
from .diagram import lay_out
from .forms import ClaimFilterForm, SearchForm
from .models import (
    Citation,
    Claim,
    ClaimActor,
    ClaimClause,
    ClaimSentence,
    Clause,
    Resolution,
)
from .search import search as run_search

CITATIONS_PER_PAGE = 50


def fragment_or_page(request: HttpRequest, template: str, target: str) -> str:
    return f"{template}#{target}" if wants_fragment(request, target) else template


@require_GET
@condition(etag_func=page_etag)
@cache_by_corpus_version
def home(request: HttpRequest) -> HttpResponse:
    """The narrative at a glance: who is alleged to give what to whom, and when."""
    flows = reading.alleged_flows()
    timeline = reading.narrative_timeline()
    context = {
        "diagram": lay_out(flows),
        "timeline": timeline,
        "speeches": Speech.objects.for_reader()[:10],
        "resolutions": Resolution.objects.for_list(),
        "claim_count": Claim.objects.count(),
    }
    return render(request, "sanctions/home.html", context)


@require_GET
def speech_list(request: HttpRequest) -> HttpResponse:
    speeches = Speech.objects.for_reader().annotate(
        sentence_count=Count("sentences", filter=Q(sentences__retired=False))
    )
    return render(request, "sanctions/speech_list.html", {"speeches": speeches})


def reader_context(speech: Speech, panel: reading.SentencePanel | None = None) -> dict:
    sentences = reading.reader_sentences(speech)
    return {
        "speech": speech,
        "parts": reading.layout(sentences),
        "selected": panel.sentence if panel is not None else None,
        "panel": panel,
        "cited_count": sum(1 for s in sentences if s.accepted_citations),
        "sentence_count": len(sentences),
    }


@require_GET
@vary_on_headers("HX-Request")
@condition(etag_func=page_etag)
@cache_by_corpus_version
def speech_reader(request: HttpRequest, slug: str) -> HttpResponse:
    """A speech, sentence by sentence, with the clause panel closed."""
    speech = get_object_or_404(Speech.objects.for_reader(), slug=slug)
    if wants_fragment(request, "sentence-panel"):  # the panel closed: nothing to read but the speech
        return render(request, "sanctions/reader.html#sentence-panel", {"speech": speech, "selected": None})
    return render(request, "sanctions/reader.html", reader_context(speech))


@require_GET
@vary_on_headers("HX-Request")
@condition(etag_func=page_etag)
@cache_by_corpus_version
def sentence_detail(request: HttpRequest, slug: str, anchor: str) -> HttpResponse:
    """One sentence: the full reader with its panel open, or just the panel."""
    panel = reading.sentence_panel(slug, anchor)
    if panel is None:
        speech = get_object_or_404(Speech, slug=slug)
        try:
            renamed = speech.find_sentence(anchor)
        except Http404:
            context = {"speech": speech, "anchor": anchor}
            return render(request, "sanctions/sentence_missing.html", context, status=404)
        return redirect(renamed, permanent=True)  # an old alias: send people to the current permalink
    speech = panel.sentence.speech  # with its speaker and meeting
    if wants_fragment(request, "sentence-panel"):
        context = {"speech": speech, "selected": panel.sentence, "panel": panel}
        return render(request, "sanctions/reader.html#sentence-panel", context)
    return render(request, "sanctions/reader.html", reader_context(speech, panel))


@require_GET
def speech_json(request: HttpRequest, slug: str) -> JsonResponse:
    """The speech as data: metadata, sentences, accepted citations, claims."""
    speech = get_object_or_404(Speech.objects.for_reader(), slug=slug)
    sentences = reading.reader_sentences(speech, with_claims=True)
    document = {
        "slug": speech.slug,
        "title": speech.title,
        "url": request.build_absolute_uri(speech.get_absolute_url()),
        "speaker": {
            "name": speech.speaker.name,
            "role": speech.speaker.role,
            "represents": speech.speaker.represents,
        },
        "delivered_on": speech.delivered_on.isoformat(),
        "meeting": None
        if speech.meeting is None
        else {
            "symbol": speech.meeting.symbol,
            "title": speech.meeting.title,
            "held_on": speech.meeting.held_on.isoformat(),
        },
        "source_url": speech.source_url,
        "parts": [{"number": p.number, "label": p.label} for p in speech.parts.order_by("number")],
        "sentences": [
            {
                "anchor": s.anchor,
                "url": request.build_absolute_uri(s.get_absolute_url()),
                "part": s.part,
                "paragraph": s.paragraph,
                "position": s.position,
                "kind": s.kind,
                "text": s.text,
                "citations": [
                    {
                        "resolution": c.resolution.number,
                        "eid": c.clause.eid if c.clause else None,
                        "origin": c.origin,
                        "note": c.note,
                    }
                    for c in s.accepted_citations
                ],
                "claims": [row.claim.slug for row in s.claim_rows],
            }
            for s in sentences
        ],
    }
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 2})


@require_GET
def resolution_list(request: HttpRequest) -> HttpResponse:
    return render(request, "sanctions/resolution_list.html", {"resolutions": Resolution.objects.for_list()})


@require_GET
@condition(etag_func=page_etag)
@cache_by_corpus_version
def resolution_detail(request: HttpRequest, number: int) -> HttpResponse:
    """A resolution clause by clause, each clause with how often it is cited."""
    resolution = get_object_or_404(Resolution, number=number)
    whole = (
        Citation.objects.accepted()
        .on_current_sentences()
        .filter(resolution=resolution, clause__isnull=True)
        .select_related("sentence__speech")
    )
    context = {
        "resolution": resolution,
        "clauses": reading.resolution_clauses(resolution.pk),
        "whole_citations": whole[:CITATIONS_PER_PAGE],
    }
    return render(request, "sanctions/resolution_detail.html", context)


@require_GET
@vary_on_headers("HX-Request")
@condition(etag_func=page_etag)
@cache_by_corpus_version
def clause_detail(request: HttpRequest, number: int, eid: str) -> HttpResponse:
    """One clause with every sentence and claim that cites it."""
    clause = get_object_or_404(
        Clause.objects.select_related("resolution", "parent__resolution", "tally"),
        resolution__number=number,
        eid=eid,
    )
    page = reading.page_of_links(
        reading.clause_citing_sentences(clause),
        count=reading.stored_tally(clause).citing_sentences,
        number=request.GET.get("page"),
        per_page=CITATIONS_PER_PAGE,
    )
    claims = Claim.objects.filter(claim_clauses__clause=clause).order_by("title")
    context = {
        "clause": clause,
        "resolution": clause.resolution,
        "children": clause.children.select_related("resolution").order_by("position"),
        "page": page,
        "claims": claims,
        "json_ld": clause_json_ld(request, clause),
    }
    template = fragment_or_page(request, "sanctions/clause_detail.html", "cited-by")
    return render(request, template, context)


def clause_json_ld(request: HttpRequest, clause: Clause) -> dict:
    resolution = clause.resolution
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": f"{resolution.symbol}, paragraph {clause.label}",
        "legislationIdentifier": f"{resolution.symbol} {clause.eid}",
        "url": request.build_absolute_uri(clause.get_absolute_url()),
        "abstract": clause.summary,
        "legislationDate": resolution.adopted_on.isoformat(),
        "legislationPassedBy": {"@type": "Organization", "name": "United Nations Security Council"},
        "isPartOf": {
            "@type": "Legislation",
            "name": resolution.symbol,
            "legislationIdentifier": resolution.symbol,
            "url": resolution.official_url,
        },
    }
    return data


@require_GET
@vary_on_headers("HX-Request")
@condition(etag_func=page_etag)
@cache_by_corpus_version
def claim_list(request: HttpRequest) -> HttpResponse:
    """Claims, filterable by actor, topic, resolution, speech and status."""
    form = ClaimFilterForm(request.GET or None)
    claims = Claim.objects.for_list()
    if form.is_bound and form.is_valid():
        claims = form.filter(claims)
    elif form.is_bound:
        claims = claims.none()
    template = fragment_or_page(request, "sanctions/claim_list.html", "claim-results")
    return render(request, template, {"form": form, "claims": claims})


@require_GET
@vary_on_headers("HX-Request")
@condition(etag_func=page_etag)
@cache_by_corpus_version
def claim_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One claim: what is alleged, by whom, where it was said, what it breaks.

    A claim repeated in thousands of statements lists them a page at a time.
    """
    claim = get_object_or_404(
        Claim.objects.select_related("tally").prefetch_related(
            Prefetch("actor_roles", ClaimActor.objects.select_related("actor")),
            "quantities",
            "sources",
            Prefetch("claim_clauses", ClaimClause.objects.select_related("clause__resolution")),
        ),
        slug=slug,
    )
    page = reading.page_of_links(
        ClaimSentence.objects.filter(claim=claim),
        count=reading.stored_tally(claim).sentences,
        number=request.GET.get("page"),
        per_page=CITATIONS_PER_PAGE,
    )
    context = {"claim": claim, "page": page, "json_ld": claim_json_ld(request, claim, page)}
    template = fragment_or_page(request, "sanctions/claim_detail.html", "said-in")
    return render(request, template, context)


def claim_json_ld(request: HttpRequest, claim: Claim, page) -> dict:
    appearances = []
    for row in page.object_list:
        speech = row.sentence.speech
        appearances.append(
            {
                "@type": "CreativeWork",
                "name": speech.title,
                "url": request.build_absolute_uri(row.sentence.get_absolute_url()),
                "datePublished": speech.delivered_on.isoformat(),
                "author": {"@type": "Person", "name": speech.speaker.name},
            }
        )
    data = {
        "@context": "https://schema.org",
        "@type": "Claim",
        "name": claim.title,
        "text": claim.statement,
        "url": request.build_absolute_uri(claim.get_absolute_url()),
        "appearance": appearances,
    }
    if appearances:
        data["firstAppearance"] = appearances[-1]
    return data


@require_GET
@vary_on_headers("HX-Request")
@condition(etag_func=page_etag)
@cache_by_corpus_version
def search(request: HttpRequest) -> HttpResponse:
    """Sentences, clauses and claims matching every word of the query."""
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results = run_search(query) if query else None
    template = fragment_or_page(request, "sanctions/search.html", "search-results")
    return render(request, template, {"form": form, "query": query, "results": results})
