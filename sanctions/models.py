"""The legal layer: what the Council decided, clause by clause, and what is
alleged to break it. Citations and claims point from here at the text layer
(speeches), never the other way round.
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from speeches.models import Sentence


class Confidence(models.TextChoices):
    VERIFIED = "verified", "Verified against the adopted text"
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium: to verify"
    LOW = "low", "Low: to verify"


class ResolutionQuerySet(models.QuerySet):
    def for_list(self) -> "ResolutionQuerySet":
        """Resolutions in adoption order, with how many clauses each holds."""
        return self.annotate(clause_count=models.Count("clauses")).order_by("adopted_on")


class Resolution(models.Model):
    """A Security Council resolution, e.g. S/RES/1718 (2006)."""

    number = models.PositiveIntegerField(unique=True)
    year = models.PositiveSmallIntegerField()
    symbol = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=200, blank=True)
    adopted_on = models.DateField()
    meeting_record = models.CharField(max_length=40, blank=True, help_text="e.g. S/PV.5551")
    vote_for = models.PositiveSmallIntegerField(null=True, blank=True)
    vote_against = models.PositiveSmallIntegerField(null=True, blank=True)
    vote_abstaining = models.PositiveSmallIntegerField(null=True, blank=True)
    official_url = models.URLField(help_text="The official text (undocs.org); linked, never copied.")
    press_release = models.CharField(max_length=40, blank=True, help_text="e.g. SC/8853")
    occasion = models.TextField(blank=True, help_text="Why it was adopted, in our words.")

    objects = ResolutionQuerySet.as_manager()

    # Every change is kept, with who made it, and can be reverted in the admin.
    history = HistoricalRecords()

    class Meta:
        ordering = ["adopted_on", "number"]
        constraints = [
            models.CheckConstraint(condition=Q(year__gte=1946), name="resolution_year_valid"),
        ]

    def __str__(self) -> str:
        return self.symbol

    def get_absolute_url(self) -> str:
        return reverse("sanctions:resolution", kwargs={"number": self.number})

    @property
    def vote(self) -> str:
        """The vote as people write it, e.g. 15-0-0, or empty if unknown."""
        if self.vote_for is None:
            return ""
        return f"{self.vote_for}-{self.vote_against or 0}-{self.vote_abstaining or 0}"


class ClauseKind(models.TextChoices):
    PREAMBULAR = "preambular", "Preambular"
    OPERATIVE = "operative", "Operative"


class Clause(models.Model):
    """One paragraph, subparagraph or point of a resolution, addressed by its AKN4UN eId."""

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="clauses")
    eid = models.CharField(
        "eId",
        max_length=80,
        help_text="Akoma Ntoso / AKN4UN identifier, e.g. para_8__subpara_a or preamble__para_2.",
    )
    label = models.CharField(max_length=40, help_text="As people cite it, e.g. 8 (a).")
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    kind = models.CharField(max_length=12, choices=ClauseKind.choices, default=ClauseKind.OPERATIVE)
    position = models.PositiveIntegerField(default=0, help_text="Document order within the resolution.")
    verb = models.CharField(max_length=40, blank=True, help_text="The operative verb, e.g. Decides.")
    summary = models.TextField(
        blank=True,
        help_text="What the clause requires, in our own plain words. Empty until a curator writes it.",
    )
    key_terms = models.JSONField(default=list, blank=True)
    topics = models.JSONField(default=list, blank=True)
    official_text = models.TextField(blank=True, help_text="Optional: the official wording, pasted in by a curator.")
    confidence = models.CharField(max_length=10, choices=Confidence.choices, default=Confidence.HIGH)
    verification = models.TextField(blank=True, help_text="What the summary was checked against.")
    curator_note = models.TextField(blank=True)

    # Every change is kept, with who made it, and can be reverted in the admin.
    history = HistoricalRecords()

    class Meta:
        ordering = ["resolution", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "eid"], name="clause_eid_unique"),
            models.CheckConstraint(condition=Q(kind__in=ClauseKind.values), name="clause_kind_valid"),
            models.CheckConstraint(condition=Q(confidence__in=Confidence.values), name="clause_confidence_valid"),
            models.CheckConstraint(
                condition=Q(eid__regex=r"^[a-z]+(_[0-9a-z]+)?(__[a-z]+_[0-9a-z]+)*$"),
                name="clause_eid_format",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.resolution.number} para {self.label}"

    def get_absolute_url(self) -> str:
        return reverse(
            "sanctions:clause",
            kwargs={"number": self.resolution.number, "eid": self.eid},
        )

    @property
    def depth(self) -> int:
        """0 for a paragraph, 1 for a subparagraph, 2 for a point."""
        levels = self.eid.count("__")
        return levels - 1 if self.eid.startswith("preamble__") else levels

    @property
    def needs_verification(self) -> bool:
        return self.confidence in {Confidence.MEDIUM, Confidence.LOW}


class ActorKind(models.TextChoices):
    STATE = "state", "State"
    ORGANISATION = "organisation", "Organisation"
    BODY = "body", "UN body"
    PERSON = "person", "Person"


class Actor(models.Model):
    """A State, organisation, UN body or person that claims are about."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=60, blank=True)
    kind = models.CharField(max_length=14, choices=ActorKind.choices)

    # Every change is kept, with who made it, and can be reverted in the admin.
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ActorKind.values), name="actor_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("sanctions:claim_list") + f"?actor={self.slug}"


class ActorAlias(models.Model):
    """Another name a text may use for an actor (North Korea, Pyongyang, the Kremlin)."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=120)

    class Meta:
        verbose_name_plural = "actor aliases"
        ordering = ["alias"]
        constraints = [models.UniqueConstraint(fields=["alias"], name="actor_alias_unique")]

    def __str__(self) -> str:
        return self.alias


class SourceKind(models.TextChoices):
    STATEMENT = "statement", "Statement"
    REPORT = "report", "Report"
    PRESS = "press", "Press"
    UN_DOCUMENT = "un-document", "UN document"


class Source(models.Model):
    """A document a claim rests on or that a speech names."""

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=500, blank=True)
    published_on = models.DateField(null=True, blank=True)
    kind = models.CharField(max_length=12, choices=SourceKind.choices)

    # Every change is kept, with who made it, and can be reverted in the admin.
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=SourceKind.values), name="source_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.title


class TimelineEvent(models.Model):
    """A dated event in the sanctions story (a committee created, a veto)."""

    happened_on = models.DateField()
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    resolution = models.ForeignKey(Resolution, on_delete=models.SET_NULL, null=True, blank=True, related_name="events")
    confidence = models.CharField(max_length=10, choices=Confidence.choices, default=Confidence.HIGH)
    source_url = models.URLField(max_length=500, blank=True)

    class Meta:
        ordering = ["happened_on"]
        constraints = [
            models.UniqueConstraint(fields=["happened_on", "title"], name="event_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.happened_on}: {self.title}"


class CitationOrigin(models.TextChoices):
    EXPLICIT = "explicit", "Explicit mention"
    SUGGESTED = "suggested", "Suggested"
    CURATED = "curated", "Curated"


class ReviewStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class CitationQuerySet(models.QuerySet):
    def accepted(self) -> "CitationQuerySet":
        return self.filter(status=ReviewStatus.ACCEPTED)

    def proposed(self) -> "CitationQuerySet":
        return self.filter(status=ReviewStatus.PROPOSED)

    def on_current_sentences(self) -> "CitationQuerySet":
        return self.filter(sentence__retired=False)


class Citation(models.Model):
    """A sentence invoking a resolution, or one clause of it.

    `clause` is empty when the sentence names a resolution as a whole
    ("Resolutions 1718, 1874, and 2270"); curators then add clause-level ones.
    """

    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="citations")
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="citations")
    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, null=True, blank=True, related_name="citations")
    origin = models.CharField(max_length=10, choices=CitationOrigin.choices)
    status = models.CharField(max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PROPOSED)
    score = models.FloatField(null=True, blank=True, help_text="The suggester's confidence, 0 to 1.")
    span_start = models.PositiveIntegerField(
        null=True, blank=True, help_text="Offset of the cited words within the sentence."
    )
    span_end = models.PositiveIntegerField(null=True, blank=True)
    note = models.TextField(blank=True, help_text="Why the sentence invokes this clause.")
    said_on = models.DateField(
        editable=False,
        help_text="The speech's date, copied here (by sanctions/derived.py) so a clause's citing "
        "sentences can be listed newest first straight from an index.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CitationQuerySet.as_manager()

    # Every change is kept, with who made it, and can be reverted in the admin.
    # said_on is derived, not curated: it is left out of the history.
    history = HistoricalRecords(excluded_fields=["said_on"])

    class Meta:
        ordering = ["sentence", "resolution__number", "clause__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["sentence", "clause"],
                condition=Q(clause__isnull=False),
                name="citation_one_per_sentence_clause",
            ),
            models.UniqueConstraint(
                fields=["sentence", "resolution"],
                condition=Q(clause__isnull=True),
                name="citation_one_per_sentence_resolution",
            ),
            models.CheckConstraint(condition=Q(origin__in=CitationOrigin.values), name="citation_origin_valid"),
            models.CheckConstraint(condition=Q(status__in=ReviewStatus.values), name="citation_status_valid"),
            models.CheckConstraint(
                condition=Q(span_start__isnull=True, span_end__isnull=True) | Q(span_end__gt=models.F("span_start")),
                name="citation_span_valid",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=1),
                name="citation_score_range",
            ),
        ]
        indexes = [
            # Serves a clause page: its accepted citations, newest speech first.
            models.Index(fields=["clause", "status", "-said_on"], name="citation_clause_said_idx"),
            models.Index(fields=["resolution", "status"], name="citation_res_status_idx"),
        ]

    def __str__(self) -> str:
        target = self.clause or self.resolution
        return f"{self.sentence.anchor} → {target}"

    @property
    def cited_text(self) -> str:
        if self.span_start is None or self.span_end is None:
            return ""
        return self.sentence.text[self.span_start : self.span_end]


class SentenceReview(models.Model):
    """A curator's verdict that a sentence has been reviewed for citations.

    A reviewed sentence with no accepted citation cites nothing, on purpose;
    the note says why (rhetoric, thanks, a story), so readers are told plainly.
    """

    sentence = models.OneToOneField(Sentence, on_delete=models.CASCADE, related_name="review")
    note = models.TextField(blank=True)
    reviewed_at = models.DateTimeField(auto_now=True)

    # Every change is kept, with who made it, and can be reverted in the admin.
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Reviewed: {self.sentence.anchor}"


class ClaimTopic(models.TextChoices):
    ARMS = "arms", "Arms and munitions"
    MISSILES = "missiles", "Ballistic missiles"
    TROOPS = "troops", "Troops"
    TRAINING = "training", "Military training"
    PETROLEUM = "petroleum", "Refined petroleum"
    DUAL_USE = "dual-use", "Dual-use technology"
    SPACE = "space", "Satellite and space technology"
    NUCLEAR = "nuclear", "Nuclear programme"
    MONITORING = "monitoring", "Sanctions monitoring"
    OBSTRUCTION = "obstruction", "Political cover"


class ClaimStatus(models.TextChoices):
    ALLEGED = "alleged", "Alleged"
    CORROBORATED = "corroborated", "Corroborated by an independent source"
    DISPUTED = "disputed", "Disputed"
    ESTABLISHED = "established", "Established (on the record)"


class ClaimQuerySet(models.QuerySet):
    def for_list(self) -> "ClaimQuerySet":
        """Claims with actors (and their roles) and clauses, for the claims list."""
        return self.prefetch_related(
            models.Prefetch("actor_roles", ClaimActor.objects.select_related("actor")),
            models.Prefetch("clauses", Clause.objects.select_related("resolution")),
        ).order_by("title")


class Claim(models.Model):
    """An alleged violation or allegation, made in one or more speeches."""

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=200)
    statement = models.TextField(help_text="What is alleged, in one or two sentences of our own.")
    topic = models.CharField(max_length=20, choices=ClaimTopic.choices)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    period_label = models.CharField(
        max_length=120, blank=True, help_text="The period as the speaker puts it, e.g. 'to date'."
    )
    basis = models.CharField(
        max_length=200,
        blank=True,
        help_text="The basis the speaker gives, e.g. 'We assess', 'We have information'.",
    )
    status = models.CharField(max_length=14, choices=ClaimStatus.choices, default=ClaimStatus.ALLEGED)
    actors = models.ManyToManyField(Actor, through="ClaimActor", related_name="claims")
    sentences = models.ManyToManyField(Sentence, through="ClaimSentence", related_name="claims")
    clauses = models.ManyToManyField(Clause, through="ClaimClause", related_name="claims", blank=True)
    sources = models.ManyToManyField(Source, related_name="claims", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimQuerySet.as_manager()

    # Every change is kept, with who made it, and can be reverted in the admin.
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(condition=Q(topic__in=ClaimTopic.values), name="claim_topic_valid"),
            models.CheckConstraint(condition=Q(status__in=ClaimStatus.values), name="claim_status_valid"),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_end__gte=models.F("period_start")),
                name="claim_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("sanctions:claim", kwargs={"slug": self.slug})


class ActorRole(models.TextChoices):
    SUPPLIER = "supplier", "Supplier"
    RECIPIENT = "recipient", "Recipient"
    USER = "user", "User"
    TARGET = "target", "Affected"
    OBSTRUCTOR = "obstructor", "Obstructor"
    SHIELDED = "shielded", "Shielded"
    INVESTIGATOR = "investigator", "Investigator"
    SUBJECT = "subject", "Subject"


class ClaimActor(models.Model):
    """An actor's part in a claim (who gives, who receives)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="actor_roles")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="claim_roles")
    role = models.CharField(max_length=14, choices=ActorRole.choices)

    # Every change is kept, with who made it, and can be reverted in the admin.
    history = HistoricalRecords()

    class Meta:
        ordering = ["claim", "role"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "actor", "role"], name="claim_actor_role_unique"),
            models.CheckConstraint(condition=Q(role__in=ActorRole.values), name="claim_actor_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.actor} ({self.get_role_display()})"


class Qualifier(models.TextChoices):
    EXACTLY = "exactly", "exactly"
    MORE_THAN = "more-than", "more than"
    AT_LEAST = "at-least", "at least"
    WELL_OVER = "well-over", "well over"
    ABOUT = "about", "about"
    UP_TO = "up-to", "up to"
    ABOVE = "above", "above"


class ClaimQuantity(models.Model):
    """A figure a claim states, with its qualifier: 'more than 20,000 containers'."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="quantities")
    qualifier = models.CharField(max_length=10, choices=Qualifier.choices, default=Qualifier.EXACTLY)
    value = models.DecimalField(max_digits=14, decimal_places=2)
    unit = models.CharField(max_length=80, help_text="e.g. shipping containers, barrels, troops.")
    what = models.CharField(max_length=200, blank=True, help_text="What is counted, if the unit alone does not say.")

    # Every change is kept, with who made it, and can be reverted in the admin.
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "claim quantities"
        ordering = ["claim", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(qualifier__in=Qualifier.values), name="quantity_qualifier_valid"),
            models.CheckConstraint(condition=Q(value__gte=0), name="quantity_value_positive"),
        ]

    def __str__(self) -> str:
        value = f"{self.value.normalize():,f}"
        qualifier = "" if self.qualifier == Qualifier.EXACTLY else self.get_qualifier_display()
        words = [qualifier, value, self.unit]
        return " ".join(word for word in words if word)


class ClaimSentence(models.Model):
    """A sentence that makes a claim."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="claim_sentences")
    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="claim_links")
    note = models.TextField(blank=True)
    said_on = models.DateField(editable=False, help_text="The speech's date, copied here like Citation.said_on.")

    # Every change is kept, with who made it, and can be reverted in the admin.
    # said_on is derived, not curated: it is left out of the history.
    history = HistoricalRecords(excluded_fields=["said_on"])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["claim", "sentence"], name="claim_sentence_unique"),
        ]
        # Serves a claim page: where it was said, newest speech first.
        indexes = [models.Index(fields=["claim", "-said_on"], name="claim_sentence_said_idx")]

    def __str__(self) -> str:
        return f"{self.claim} ← {self.sentence.anchor}"


class ClaimClause(models.Model):
    """A clause a claim allegedly breaks, with why."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="claim_clauses")
    clause = models.ForeignKey(Clause, on_delete=models.PROTECT, related_name="claim_links")
    note = models.TextField(blank=True)

    # Every change is kept, with who made it, and can be reverted in the admin.
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["claim", "clause"], name="claim_clause_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.claim} ⟂ {self.clause}"


class SeedRecord(models.Model):
    """What `load_seeds` last wrote to a row, so a curator's later edit is
    recognised (the row no longer matches) and never silently overwritten."""

    model = models.CharField(max_length=60)
    key = models.CharField(max_length=200)
    digest = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["model", "key"], name="seed_record_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.model}:{self.key}"


class ClauseTally(models.Model):
    """How often a clause is invoked: derived from citations and claims, and
    written only by sanctions/derived.py, so pages read one row instead of
    counting thousands.

    A table of its own rather than fields on Clause: saving a clause (in the
    admin, by the seed loader) must never write back a count read earlier.
    No database constraint ties it to the clause, so a cascade that deletes a
    clause's citations cannot recreate a row for a clause about to vanish;
    derived.py removes the row when the clause goes.
    """

    clause = models.OneToOneField(
        Clause,
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="tally",
    )
    citing_sentences = models.PositiveIntegerField(
        default=0, help_text="Accepted citations of the clause on current sentences."
    )
    claims = models.PositiveIntegerField(default=0, help_text="Claims said to break the clause.")

    def __str__(self) -> str:
        return f"clause {self.clause_id}: {self.citing_sentences} sentences, {self.claims} claims"


class ClaimTally(models.Model):
    """How many sentences make a claim; kept like ClauseTally."""

    claim = models.OneToOneField(
        Claim,
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="tally",
    )
    sentences = models.PositiveIntegerField(default=0, help_text="Sentences that make the claim.")

    def __str__(self) -> str:
        return f"claim {self.claim_id}: {self.sentences} sentences"
