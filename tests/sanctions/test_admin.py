"""Curation in the admin: who may enter, pasting and editing speeches, reviewing citations."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from sanctions.models import Citation, CitationOrigin, ReviewStatus
from speeches.models import SentenceAlias, Speech
from tests.factories import make_citation, make_claim, make_clause, make_resolution, make_speaker, make_speech

pytestmark = pytest.mark.django_db

TEXT = (
    "Resolution 1718 bans arms transfers to the DPRK.\n"
    "Russia has provided arms training to DPRK troops.\n"
    "###\n"
    "Thank you.\n"
)


@pytest.fixture
def clauses():
    resolution = make_resolution(1718)
    others = make_resolution(2397, year=2017)
    for number, summary in enumerate(
        [
            "Caps refined petroleum products supplied to the DPRK at 500,000 barrels a year.",
            "The DPRK may not export coal, iron or iron ore.",
            "States must freeze the assets of designated persons.",
            "States must bar the entry of designated persons.",
            "No luxury goods may be supplied to the DPRK.",
            "The DPRK must not conduct any further nuclear test.",
        ],
        start=1,
    ):
        make_clause(others, f"para_{number}", summary=summary)
    return {
        "8a": make_clause(
            resolution,
            "para_8__subpara_a",
            summary="States must not supply arms to the DPRK.",
            key_terms=["supply, sale or transfer"],
            topics=["arms embargo"],
        ),
        "8c": make_clause(
            resolution,
            "para_8__subpara_c",
            summary="States must prevent technical training, advice or assistance related to arms, "
            "to or from the DPRK.",
            key_terms=["technical training"],
            topics=["training"],
        ),
    }


def speech_form(speaker, **overrides):
    data = {
        "slug": "pasted",
        "title": "A pasted statement",
        "speaker": speaker.pk,
        "delivered_on": "2024-12-18",
        "raw_text": TEXT,
        "parts-TOTAL_FORMS": "0",
        "parts-INITIAL_FORMS": "0",
        "sentences-TOTAL_FORMS": "0",
        "sentences-INITIAL_FORMS": "0",
    }
    return data | overrides


def test_curators_group_has_exactly_the_curation_permissions():
    codenames = set(Group.objects.get(name="Curators").permissions.values_list("codename", flat=True))
    assert {"add_speech", "change_speech", "change_citation", "add_claim", "change_clause"} <= codenames
    assert "delete_speech" not in codenames and "delete_resolution" not in codenames
    assert "change_sentence" not in codenames and "add_user" not in codenames


def test_anonymous_users_are_sent_to_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_non_staff_users_cannot_reach_the_admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    response = client.get("/admin/sanctions/claim/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_curator_reaches_the_curation_pages(curator_client):
    for url in ["/admin/", "/admin/speeches/speech/", "/admin/sanctions/citation/", "/admin/sanctions/claim/add/"]:
        assert curator_client.get(url).status_code == 200, url
    assert curator_client.get("/admin/auth/user/").status_code == 403


def test_pasting_a_speech_segments_it_and_finds_and_suggests_citations(curator_client, clauses):
    speaker = make_speaker()
    response = curator_client.post(reverse("admin:speeches_speech_add"), speech_form(speaker))
    assert response.status_code == 302, response.content.decode()[:2000]
    speech = Speech.objects.get(slug="pasted")
    assert list(speech.sentences.values_list("text", flat=True)) == [
        "Resolution 1718 bans arms transfers to the DPRK.",
        "Russia has provided arms training to DPRK troops.",
        "Thank you.",
    ]
    assert list(speech.parts.values_list("label", flat=True)) == ["Statement", "Right of reply"]
    explicit = Citation.objects.get(origin=CitationOrigin.EXPLICIT)
    assert explicit.status == ReviewStatus.ACCEPTED and explicit.clause is None
    suggested = Citation.objects.filter(
        origin=CitationOrigin.SUGGESTED, sentence__text__startswith="Russia has provided"
    )
    assert clauses["8c"] in {c.clause for c in suggested}
    assert all(c.status == ReviewStatus.PROPOSED for c in suggested)


def test_text_that_is_not_a_speech_is_a_form_error(curator_client):
    response = curator_client.post(reverse("admin:speeches_speech_add"), speech_form(make_speaker(), raw_text="###\n"))
    assert response.status_code == 200
    assert "Line 1" in response.content.decode()
    assert not Speech.objects.exists()


def test_editing_the_text_keeps_permalinks_and_citations(curator_client, clauses):
    speech = make_speech(text=TEXT, slug="edited")
    training = speech.sentences.get(text__startswith="Russia has provided")
    kept = speech.sentences.get(text__startswith="Resolution 1718")
    citation = make_citation(training, clauses["8c"])
    claim = make_claim(sentences=[training])
    old_anchor, kept_anchor = training.anchor, kept.anchor
    data = speech_form(speech.speaker, slug="edited", raw_text=TEXT.replace("arms training", "military training"))
    data |= {"parts-TOTAL_FORMS": "0", "sentences-TOTAL_FORMS": "0"}
    response = curator_client.post(reverse("admin:speeches_speech_change", args=[speech.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    training.refresh_from_db()
    assert training.text == "Russia has provided military training to DPRK troops."
    assert SentenceAlias.objects.get(anchor=old_anchor).sentence == training
    assert speech.sentences.get(text__startswith="Resolution 1718").anchor == kept_anchor
    assert Citation.objects.get(pk=citation.pk).sentence == training
    assert claim.sentences.get() == training
    assert curator_client.get(f"/speeches/edited/s/{old_anchor}/").status_code == 301


def test_citations_on_a_removed_sentence_are_kept_and_listed(curator_client, clauses):
    speech = make_speech(text=TEXT, slug="cut")
    doomed = speech.sentences.get(text__startswith="Russia has provided")
    make_citation(doomed, clauses["8c"])
    data = speech_form(
        speech.speaker, slug="cut", raw_text=TEXT.replace("Russia has provided arms training to DPRK troops.\n", "")
    )
    response = curator_client.post(reverse("admin:speeches_speech_change", args=[speech.pk]), data, follow=True)
    assert "their citations and claims are kept" in response.content.decode()
    page = curator_client.get(reverse("admin:speeches_speech_change", args=[speech.pk])).content.decode()
    assert "Citation of 1718 para 8 (c)" in page


def test_bulk_accept_and_reject_with_a_note(curator_client, clauses):
    speech = make_speech(sentences=2)
    first, second = speech.sentences.all()
    a = make_citation(first, clauses["8a"], status=ReviewStatus.PROPOSED, origin=CitationOrigin.SUGGESTED)
    b = make_citation(second, clauses["8a"], status=ReviewStatus.PROPOSED, origin=CitationOrigin.SUGGESTED)
    url = reverse("admin:sanctions_citation_changelist")
    curator_client.post(url, {"action": "accept", "_selected_action": [a.pk], "note": "Names the supply ban."})
    curator_client.post(url, {"action": "reject", "_selected_action": [b.pk], "note": ""})
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, a.note) == (ReviewStatus.ACCEPTED, "Names the supply ban.")
    assert b.status == ReviewStatus.REJECTED
    assert a.history.first().history_user.username == "curator"


def test_rejected_suggestions_are_not_proposed_again(clauses):
    from sanctions.annotation import record_suggestions

    speech = make_speech(text="Russia has provided arms training to DPRK troops.\n")
    first_round = record_suggestions(speech)
    assert first_round
    Citation.objects.update(status=ReviewStatus.REJECTED)
    assert record_suggestions(speech) == []
    assert not Citation.objects.filter(status=ReviewStatus.PROPOSED).exists()


def test_claim_admin_view_on_site_opens_the_permalink(curator_client):
    claim = make_claim(slug="shared", sentences=[make_speech().sentences.first()])
    page = curator_client.get(reverse("admin:sanctions_claim_change", args=[claim.pk])).content.decode()
    assert "/r/" in page  # the admin's view-on-site redirect
    content_type = Permission.objects.get(codename="change_claim").content_type
    response = curator_client.get(f"/admin/r/{content_type.pk}/{claim.pk}/")
    assert response.status_code == 302 and response["Location"].endswith("/claims/shared/")


def test_failed_logins_are_throttled(client, django_user_model):
    django_user_model.objects.create_user("target", password="the right password 42", is_staff=True)
    for _ in range(5):
        client.post("/admin/login/?next=/admin/", {"username": "target", "password": "wrong"}, REMOTE_ADDR="10.9.8.7")
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "target", "password": "the right password 42"},
        REMOTE_ADDR="10.9.8.7",
    )
    assert response.status_code == 429


def test_a_curator_imports_official_text_from_the_admin(curator_client):
    resolution = make_resolution(4242, year=2031)
    make_clause(resolution, "para_1", summary="Our own summary.")
    url = reverse("admin:sanctions_resolution_import_text", args=[resolution.pk])
    text = (
        "The Security Council,\n1. Decides that garden gnomes shall not be exported;\n2. Requests a report on gnomes.\n"
    )
    response = curator_client.post(url, {"text": text})
    assert response.status_code == 302
    clause = resolution.clauses.get(eid="para_1")
    assert clause.summary == "Our own summary."
    assert "garden gnomes" in clause.official_text
    assert resolution.clauses.filter(eid="para_2").exists()


def test_malformed_official_text_is_a_form_error_naming_the_line(curator_client):
    resolution = make_resolution(4242, year=2031)
    url = reverse("admin:sanctions_resolution_import_text", args=[resolution.pk])
    response = curator_client.post(url, {"text": "1. Decides one thing;\n3. Decides another.\n"})
    assert response.status_code == 200
    assert "Line 2" in response.content.decode()
    assert not resolution.clauses.exists()


def test_history_shows_who_changed_a_clause_and_reverts_it(curator_client, clauses):
    clause = clauses["8c"]
    clause.summary = "A mistaken summary."
    clause.save()
    first = clause.history.order_by("history_id").first()
    url = reverse("admin:sanctions_clause_simple_history", args=[clause.pk, first.history_id])
    page = curator_client.get(reverse("admin:sanctions_clause_history", args=[clause.pk])).content.decode()
    assert url in page  # each version is listed, and opens as a form that reverts to it
    form = {
        "resolution": clause.resolution_id,
        "eid": clause.eid,
        "label": clause.label,
        "parent": "",
        "kind": first.kind,
        "position": first.position,
        "verb": first.verb,
        "summary": first.summary,
        "key_terms": '["technical training"]',
        "topics": '["training"]',
        "official_text": "",
        "confidence": first.confidence,
        "verification": "",
        "curator_note": "",
    }
    response = curator_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:1500]
    clause.refresh_from_db()
    assert clause.summary == first.summary
    assert clause.history.first().history_user.username == "curator"
