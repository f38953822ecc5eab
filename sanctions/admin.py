"""Admin for the legal layer, plus citation inlines on the sentence admin."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from speeches.admin import SentenceAdmin, SentenceInline, SpeechAdmin
from speeches.ingest import IngestReport
from speeches.models import Sentence, Speech

from . import derived
from .annotation import record_found_citations, record_suggestions
from .importing import import_resolution_text
from .models import (
    Actor,
    ActorAlias,
    Citation,
    Claim,
    ClaimActor,
    ClaimClause,
    ClaimQuantity,
    ClaimSentence,
    Clause,
    Resolution,
    ReviewStatus,
    SeedRecord,
    SentenceReview,
    Source,
    TimelineEvent,
)
from .resolution_text import ResolutionTextError


class ClauseInline(admin.TabularInline):
    model = Clause
    fields = ["position", "eid", "label", "parent", "kind", "summary", "confidence"]
    extra = 0
    show_change_link = True
    autocomplete_fields = ["parent"]


class ImportTextForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 24, "cols": 100}),
        help_text="Paste the resolution's plain text as published: preamble, numbered paragraphs, "
        "(a) subparagraphs, (i) points. Summaries already written are never overwritten.",
    )


@admin.register(Resolution)
class ResolutionAdmin(SimpleHistoryAdmin):
    list_display = ["symbol", "title", "adopted_on", "vote"]
    search_fields = ["symbol", "title", "=number"]
    date_hierarchy = "adopted_on"
    inlines = [ClauseInline]
    change_form_template = "admin/sanctions/resolution/change_form.html"

    def get_urls(self):
        extra = [
            path(
                "<path:object_id>/import-text/",
                self.admin_site.admin_view(self.import_text_view),
                name="sanctions_resolution_import_text",
            )
        ]
        return extra + super().get_urls()

    def import_text_view(self, request, object_id):
        """Create or update the clauses from the pasted official text."""
        resolution = self.get_object(request, object_id)
        if resolution is None:
            raise Http404("No such resolution.")
        if not self.has_change_permission(request, resolution):
            raise PermissionDenied
        form = ImportTextForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                report = import_resolution_text(resolution=resolution, text=form.cleaned_data["text"])
            except ResolutionTextError as error:
                form.add_error("text", str(error))
            else:
                self.message_user(request, report.summary(), messages.SUCCESS)
                return redirect("admin:sanctions_resolution_change", resolution.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": resolution,
            "form": form,
            "title": f"Import the official text of {resolution.symbol}",
        }
        return TemplateResponse(request, "admin/sanctions/resolution/import_text.html", context)


@admin.register(Clause)
class ClauseAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "eid", "kind", "confidence", "short_summary"]
    list_filter = ["resolution", "kind", "confidence"]
    search_fields = ["eid", "label", "summary", "official_text", "resolution__symbol"]
    list_select_related = ["resolution"]
    autocomplete_fields = ["resolution", "parent"]

    @admin.display(description="summary")
    def short_summary(self, clause: Clause) -> str:
        return clause.summary[:100]


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "aliases__alias"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ActorAliasInline]


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "publisher", "kind", "published_on"]
    list_filter = ["kind"]
    search_fields = ["title", "publisher", "url"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(TimelineEvent)
class TimelineEventAdmin(admin.ModelAdmin):
    list_display = ["happened_on", "title", "resolution", "confidence"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["resolution"]


class ReviewActionForm(ActionForm):
    note = forms.CharField(
        required=False,
        label="Note",
        help_text="Why: kept as the citation's note (leave empty to keep the existing note).",
    )


@admin.register(Citation)
class CitationAdmin(SimpleHistoryAdmin):
    """Review found and suggested citations: accept or reject, one by one or in bulk."""

    list_display = ["sentence", "resolution", "clause", "origin", "status", "score", "on_removed_sentence"]
    list_filter = ["status", "origin", "resolution", "sentence__retired", "sentence__speech"]
    search_fields = ["sentence__text", "sentence__anchor", "clause__eid", "note"]
    list_select_related = ["sentence", "resolution", "clause__resolution"]
    autocomplete_fields = ["sentence", "resolution", "clause"]
    action_form = ReviewActionForm
    actions = ["accept", "reject"]

    @admin.display(boolean=True, description="sentence removed")
    def on_removed_sentence(self, citation: Citation) -> bool:
        return citation.sentence.retired

    def _review(self, request, queryset, status: str) -> None:
        note = request.POST.get("note", "").strip()
        count = 0
        # One save per citation (not queryset.update) so each change is
        # recorded in the history with who made it; counts are recounted once.
        with derived.batch():
            for citation in queryset:
                citation.status = status
                if note:
                    citation.note = note
                citation.save()
                count += 1
        self.message_user(request, f"{count} citation(s) marked {status}.", messages.SUCCESS)

    @admin.action(description="Accept the selected citations", permissions=["change"])
    def accept(self, request, queryset) -> None:
        self._review(request, queryset, ReviewStatus.ACCEPTED)

    @admin.action(
        description="Reject the selected citations (they will not be suggested again)", permissions=["change"]
    )
    def reject(self, request, queryset) -> None:
        self._review(request, queryset, ReviewStatus.REJECTED)


class CitationInline(admin.TabularInline):
    model = Citation
    fields = ["resolution", "clause", "origin", "status", "score", "note"]
    autocomplete_fields = ["resolution", "clause"]
    extra = 0


class SentenceReviewInline(admin.StackedInline):
    model = SentenceReview
    extra = 0


class CitedSentenceAdmin(SentenceAdmin):
    inlines = [*SentenceAdmin.inlines, CitationInline, SentenceReviewInline]


admin.site.unregister(Sentence)
admin.site.register(Sentence, CitedSentenceAdmin)


class CitedSentenceInline(SentenceInline):
    """The speech's sentences in order, each with its citations."""

    fields = [*SentenceInline.fields, "citations_summary"]
    readonly_fields = fields

    def get_queryset(self, request):
        citations = Citation.objects.exclude(status=ReviewStatus.REJECTED).select_related("clause", "resolution")
        return super().get_queryset(request).prefetch_related(Prefetch("citations", citations))

    @admin.display(description="citations")
    def citations_summary(self, sentence: Sentence) -> str:
        return (
            format_html_join(
                ", ",
                '<a href="{}">{}</a> ({})',
                (
                    (reverse("admin:sanctions_citation_change", args=[c.pk]), c.clause or c.resolution, c.status)
                    for c in sentence.citations.all()
                ),
            )
            or "—"
        )


class CuratedSpeechAdmin(SpeechAdmin):
    """The speech admin, plus citations found and suggested after each save,
    and a list of curated work left on sentences an edit removed."""

    inlines = [inline for inline in SpeechAdmin.inlines if inline is not SentenceInline] + [CitedSentenceInline]
    readonly_fields = [*SpeechAdmin.readonly_fields, "needs_review"]

    # Saving or deleting a speech can touch many citations: recount once.
    def save_related(self, request, form, formsets, change) -> None:
        with derived.batch():
            super().save_related(request, form, formsets, change)

    def delete_model(self, request, obj: Speech) -> None:
        with derived.batch():
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset) -> None:
        with derived.batch():
            super().delete_queryset(request, queryset)

    def after_segmenting(self, request, report: IngestReport) -> None:
        super().after_segmenting(request, report)
        found = record_found_citations(report.speech)
        suggested = record_suggestions(report.speech)
        text = f"{len(found.created)} citation(s) found, {len(suggested)} suggested for review."
        if found.unknown:
            numbers = ", ".join(sorted({str(item.resolution) for item in found.unknown}))
            text += f" Cited but not in our data: resolution {numbers}."
        self.message_user(request, text, messages.INFO)
        if report.retired:
            self.message_user(
                request,
                "Some sentences were removed by this edit; their citations and claims are kept "
                "and listed under 'Needs review'.",
                messages.WARNING,
            )

    @admin.display(description="Needs review: citations and claims on removed sentences")
    def needs_review(self, speech: Speech) -> str:
        if not speech.pk:
            return "—"
        citations = Citation.objects.filter(sentence__speech=speech, sentence__retired=True).select_related(
            "sentence", "clause", "resolution"
        )
        claims = Claim.objects.filter(
            claim_sentences__sentence__speech=speech, claim_sentences__sentence__retired=True
        ).distinct()
        rows = [
            (
                reverse("admin:sanctions_citation_change", args=[c.pk]),
                f"Citation of {c.clause or c.resolution} on “{c.sentence}”",
            )
            for c in citations
        ] + [(reverse("admin:sanctions_claim_change", args=[claim.pk]), f"Claim: {claim.title}") for claim in claims]
        if not rows:
            return "Nothing: every citation and claim rests on a sentence in the current text."
        return format_html("<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a></li>', rows))


admin.site.unregister(Speech)
admin.site.register(Speech, CuratedSpeechAdmin)


@admin.register(SentenceReview)
class SentenceReviewAdmin(SimpleHistoryAdmin):
    list_display = ["sentence", "note", "reviewed_at"]
    search_fields = ["sentence__text", "note"]
    autocomplete_fields = ["sentence"]


class ClaimActorInline(admin.TabularInline):
    model = ClaimActor
    autocomplete_fields = ["actor"]
    extra = 0


class ClaimQuantityInline(admin.TabularInline):
    model = ClaimQuantity
    extra = 0


class ClaimSentenceInline(admin.TabularInline):
    model = ClaimSentence
    autocomplete_fields = ["sentence"]
    extra = 0


class ClaimClauseInline(admin.TabularInline):
    model = ClaimClause
    autocomplete_fields = ["clause"]
    extra = 0


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = ["title", "topic", "status", "basis"]
    list_filter = ["topic", "status", "actors"]
    search_fields = ["title", "statement", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["sources"]
    inlines = [ClaimActorInline, ClaimQuantityInline, ClaimSentenceInline, ClaimClauseInline]


@admin.register(SeedRecord)
class SeedRecordAdmin(admin.ModelAdmin):
    """Read-only: what load_seeds last wrote, to explain why a row was kept."""

    list_display = ["model", "key", "loaded_at"]
    search_fields = ["model", "key"]
    readonly_fields = ["model", "key", "digest", "loaded_at"]

    def has_add_permission(self, request) -> bool:
        return False
