"""Admin for the text layer. The sanctions app extends the sentence admin
with citation inlines, since only it knows what a citation is."""

from django import forms
from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from .ingest import IngestReport, resegment_speech
from .models import Meeting, Sentence, SentenceAlias, Speaker, Speech, SpeechPart
from .segmenter import SegmentationError, segment_text


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["held_on", "title", "symbol", "body"]
    search_fields = ["title", "symbol"]
    date_hierarchy = "held_on"


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "represents"]
    search_fields = ["name", "role", "represents"]
    prepopulated_fields = {"slug": ["name"]}


class SpeechPartInline(admin.TabularInline):
    model = SpeechPart
    extra = 0


class SentenceInline(admin.TabularInline):
    """The sentences in order; text changes go through the speech's raw text."""

    model = Sentence
    fields = ["position", "part", "paragraph", "kind", "anchor", "text", "retired"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    ordering = ["retired", "position"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class SpeechForm(forms.ModelForm):
    class Meta:
        model = Speech
        fields = [
            "slug",
            "title",
            "speaker",
            "meeting",
            "delivered_on",
            "source_url",
            "source_file",
            "summary",
            "raw_text",
        ]

    def clean_raw_text(self) -> str:
        text = self.cleaned_data["raw_text"]
        try:
            segment_text(text)
        except SegmentationError as error:
            raise forms.ValidationError(f"Line {error.line}: {error}") from None
        return text


@admin.register(Speech)
class SpeechAdmin(SimpleHistoryAdmin):
    """Paste a speech's text and save: it is segmented into anchored sentences.

    Editing the text later keeps every unchanged sentence's permalink; an
    edited sentence's old permalink redirects to the new one.
    """

    form = SpeechForm
    list_display = ["title", "speaker", "delivered_on", "meeting"]
    list_filter = ["delivered_on", "speaker"]
    search_fields = ["title", "slug", "speaker__name"]
    autocomplete_fields = ["speaker", "meeting"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "delivered_on"
    readonly_fields = ["created_at", "updated_at"]
    inlines = [SpeechPartInline, SentenceInline]

    def save_related(self, request, form, formsets, change) -> None:
        # Parts first (a curator may have renamed one), then the sentences.
        super().save_related(request, form, formsets, change)
        report = resegment_speech(form.instance)
        self.after_segmenting(request, report)

    def after_segmenting(self, request, report: IngestReport) -> None:
        """Tell the curator what segmenting did; subclasses add their own work."""
        level = messages.WARNING if report.retired else messages.INFO
        self.message_user(request, report.summary(), level)


class SentenceAliasInline(admin.TabularInline):
    model = SentenceAlias
    fk_name = "sentence"
    fields = ["anchor", "created_at"]
    readonly_fields = ["anchor", "created_at"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Sentence)
class SentenceAdmin(admin.ModelAdmin):
    list_display = ["anchor", "speech", "position", "kind", "short_text", "retired"]
    list_filter = ["retired", "kind", "speech"]
    search_fields = ["text", "anchor", "speech__title"]
    list_select_related = ["speech"]
    readonly_fields = ["speech", "part", "paragraph", "position", "kind", "text", "start", "end", "anchor", "retired"]
    inlines = [SentenceAliasInline]

    @admin.display(description="text")
    def short_text(self, sentence: Sentence) -> str:
        return str(sentence)

    def has_add_permission(self, request) -> bool:
        # Sentences come from segmenting a speech's text, never by hand.
        return False


@admin.register(SentenceAlias)
class SentenceAliasAdmin(admin.ModelAdmin):
    list_display = ["anchor", "sentence", "speech", "created_at"]
    search_fields = ["anchor", "sentence__anchor"]
    list_select_related = ["sentence", "speech"]
    readonly_fields = ["speech", "anchor", "sentence", "created_at"]
