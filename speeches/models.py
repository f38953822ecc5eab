"""The text layer: who said what, where, sentence by sentence.

Nothing here knows about resolutions or claims; the sanctions app points at
these models, never the other way round.
"""

from django.db import models
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Meeting(models.Model):
    """A meeting of a UN body at which speeches were delivered."""

    symbol = models.CharField(
        max_length=40,
        blank=True,
        help_text="The verbatim record's symbol, e.g. S/PV.9821, when known.",
    )
    body = models.CharField(max_length=120, default="Security Council")
    title = models.CharField(max_length=300)
    held_on = models.DateField()
    record_url = models.URLField(max_length=500, blank=True)

    class Meta:
        ordering = ["-held_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["symbol"],
                condition=~Q(symbol=""),
                name="meeting_symbol_unique_when_set",
            ),
            models.UniqueConstraint(fields=["held_on", "title"], name="meeting_date_title_unique"),
        ]

    def __str__(self) -> str:
        label = f"{self.body}, {self.held_on:%-d %B %Y}"
        return f"{label} ({self.symbol})" if self.symbol else label


class Speaker(models.Model):
    """A person who speaks, with the role they speak in."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    role = models.CharField(
        max_length=300,
        blank=True,
        help_text="The capacity they speak in, e.g. U.S. Representative to the UN.",
    )
    represents = models.CharField(
        max_length=200,
        blank=True,
        help_text="The State or organisation they speak for, as plain text.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SpeechQuerySet(models.QuerySet):
    def for_reader(self) -> "SpeechQuerySet":
        """Speeches with the speaker and meeting a reader page shows."""
        return self.select_related("speaker", "meeting")


class Speech(models.Model):
    """A statement as delivered, kept verbatim in `raw_text`."""

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    speaker = models.ForeignKey(Speaker, on_delete=models.PROTECT, related_name="speeches")
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="speeches",
    )
    delivered_on = models.DateField()
    source_url = models.URLField(max_length=500, blank=True)
    source_file = models.CharField(
        max_length=200,
        blank=True,
        help_text="The seed file the text came from, relative to seeds/.",
    )
    raw_text = models.TextField(help_text="The text exactly as received. A line holding only ### starts the next part.")
    summary = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SpeechQuerySet.as_manager()

    # Every change is kept, with who made it, and can be reverted in the admin.
    history = HistoricalRecords()

    class Meta:
        ordering = ["-delivered_on", "title"]
        indexes = [models.Index(fields=["delivered_on"], name="speech_delivered_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("sanctions:speech", kwargs={"slug": self.slug})

    def find_sentence(self, anchor: str) -> "Sentence":
        """The sentence with this anchor, current or retired, or via an old alias.

        Raises Http404 when nothing in this speech ever had the anchor.
        """
        sentence = self.sentences.filter(anchor=anchor).first()
        if sentence is not None:
            return sentence
        alias = SentenceAlias.objects.select_related("sentence").filter(speech=self, anchor=anchor).first()
        if alias is None:
            raise Http404(f"No sentence {anchor!r} in {self.title!r}.")
        return alias.sentence


class SpeechPart(models.Model):
    """An ordered part of a speech, e.g. the statement and a right of reply."""

    speech = models.ForeignKey(Speech, on_delete=models.CASCADE, related_name="parts")
    number = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=120)

    class Meta:
        ordering = ["speech", "number"]
        constraints = [
            models.UniqueConstraint(fields=["speech", "number"], name="part_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="part_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.speech}: {self.label}"


class SentenceKind(models.TextChoices):
    SENTENCE = "sentence", "Sentence"
    HEADING = "heading", "Heading"
    DATELINE = "dateline", "Date line"


class SentenceQuerySet(models.QuerySet):
    def current(self) -> "SentenceQuerySet":
        """Sentences that are in the speech's present text (not retired by an edit)."""
        return self.filter(retired=False)

    def retired_ones(self) -> "SentenceQuerySet":
        """Sentences an edit removed; kept so their citations and claims survive."""
        return self.filter(retired=True)


class Sentence(models.Model):
    """One sentence of a speech, addressed by its stable anchor.

    A sentence an edit deletes is retired rather than deleted, so the curated
    citations and claims pointing at it are kept and can be reviewed.
    """

    speech = models.ForeignKey(Speech, on_delete=models.CASCADE, related_name="sentences")
    part = models.PositiveSmallIntegerField(default=1)
    paragraph = models.PositiveIntegerField()
    position = models.PositiveIntegerField(help_text="Order within the speech, counted from 1 across all parts.")
    kind = models.CharField(max_length=10, choices=SentenceKind.choices, default=SentenceKind.SENTENCE)
    text = models.TextField()
    start = models.PositiveIntegerField(help_text="Offset of the first character in the raw text.")
    end = models.PositiveIntegerField(help_text="Offset just past the last character.")
    anchor = models.SlugField(max_length=64)
    retired = models.BooleanField(
        default=False,
        help_text="True once an edit removed this sentence from the speech.",
    )

    objects = SentenceQuerySet.as_manager()

    class Meta:
        ordering = ["speech", "retired", "position"]
        constraints = [
            models.UniqueConstraint(fields=["speech", "anchor"], name="sentence_anchor_unique"),
            models.UniqueConstraint(
                fields=["speech", "position"],
                condition=Q(retired=False),
                name="sentence_position_unique_when_current",
            ),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="sentence_span_valid"),
            models.CheckConstraint(condition=Q(kind__in=SentenceKind.values), name="sentence_kind_valid"),
            models.CheckConstraint(condition=Q(part__gte=1), name="sentence_part_positive"),
        ]
        indexes = [models.Index(fields=["speech", "position"], name="sentence_order_idx")]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    def get_absolute_url(self) -> str:
        return reverse(
            "sanctions:sentence",
            kwargs={"slug": self.speech.slug, "anchor": self.anchor},
        )


class SentenceAlias(models.Model):
    """An anchor a sentence used to have; old permalinks redirect through it."""

    speech = models.ForeignKey(Speech, on_delete=models.CASCADE, related_name="aliases")
    anchor = models.SlugField(max_length=64)
    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="aliases")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "sentence aliases"
        constraints = [
            models.UniqueConstraint(fields=["speech", "anchor"], name="alias_anchor_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.anchor} → {self.sentence.anchor}"
