"""Reader pages: full pages, htmx fragments, permalinks, 404s, query counts."""

import json

import pytest

from sanctions.models import ActorRole, Citation
from speeches.models import SentenceAlias
from tests.factories import (
    make_actor,
    make_citation,
    make_claim,
    make_clause,
    make_resolution,
    make_speech,
)

pytestmark = pytest.mark.django_db

FRAGMENT = {"HX-Request": "true"}


def htmx(target: str, **extra) -> dict:
    return {"HX-Request": "true", "HX-Target": target, **extra}


@pytest.fixture
def cited():
    """A speech whose second sentence cites 1718 para 8 (a), with a claim."""
    speech = make_speech(sentences=5)
    sentence = speech.sentences.get(position=2)
    clause = make_clause(make_resolution(1718), "para_8__subpara_a", summary="No arms may go to the DPRK.")
    make_citation(sentence, clause, note="It names the arms embargo.")
    claim = make_claim(
        slug="arms-to-russia",
        title="Arms to Russia",
        sentences=[sentence],
        clauses=[clause],
        actors=[(make_actor("dprk"), ActorRole.SUPPLIER), (make_actor("russia"), ActorRole.RECIPIENT)],
    )
    return {"speech": speech, "sentence": sentence, "clause": clause, "claim": claim}


# -- the dual-use views: full page, fragment, full page on history restore ----

DUAL_USE = [
    ("reader", "sentence-panel"),
    ("sentence", "sentence-panel"),
    ("clause", "cited-by"),
    ("claims", "claim-results"),
    ("search", "search-results"),
    ("claim", "said-in"),
]


def url_for(kind: str, cited: dict) -> str:
    return {
        "reader": cited["speech"].get_absolute_url(),
        "sentence": cited["sentence"].get_absolute_url(),
        "clause": cited["clause"].get_absolute_url(),
        "claims": "/claims/?actor=dprk",
        "search": "/search/?q=sentence",
        "claim": cited["claim"].get_absolute_url(),
    }[kind]


@pytest.mark.parametrize(("kind", "target"), DUAL_USE)
def test_direct_get_gives_the_full_page(client, cited, kind, target):
    response = client.get(url_for(kind, cited))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html and f'id="{target}"' in html
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(("kind", "target"), DUAL_USE)
def test_htmx_request_for_the_target_gives_only_the_fragment(client, cited, kind, target):
    response = client.get(url_for(kind, cited), headers=htmx(target))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert html.lstrip().startswith(("<aside", "<section")) and f'id="{target}"' in html
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(("kind", "target"), DUAL_USE)
def test_history_restore_gets_the_full_page_again(client, cited, kind, target):
    headers = htmx(target, **{"HX-History-Restore-Request": "true"})
    response = client.get(url_for(kind, cited), headers=headers)
    assert "<html" in response.content.decode()


@pytest.mark.parametrize(("kind", "target"), DUAL_USE)
def test_htmx_request_for_another_target_gets_the_full_page(client, cited, kind, target):
    response = client.get(url_for(kind, cited), headers=htmx("main"))
    assert "<html" in response.content.decode()


# -- the reader and sentence permalinks ---------------------------------------


def test_sentence_permalink_opens_the_panel_on_that_sentence(client, cited):
    response = client.get(cited["sentence"].get_absolute_url())
    html = response.content.decode()
    assert 'aria-current="true"' in html
    assert "No arms may go to the DPRK." in html
    assert "It names the arms embargo." in html
    assert 'href="/resolutions/1718/para_8__subpara_a/"' in html
    assert "Arms to Russia" in html


def test_panel_lists_citations_in_document_order_with_counts_and_claims(client, cited):
    """The panel's one-query read gives what the ORM would: a whole-resolution
    citation before clause citations, resolutions in number order, counts
    of the other sentences and claims citing each clause, claims by title."""
    sentence, clause = cited["sentence"], cited["clause"]
    later = make_clause(clause.resolution, "para_9", summary="Freeze <the> assets.", official_text="Decides & more")
    other = make_resolution(2397, year=2017)
    make_citation(sentence, later)
    make_citation(sentence, make_clause(other, "para_5"))
    Citation.objects.create(sentence=sentence, resolution=clause.resolution, origin="explicit", status="accepted")
    for neighbour in cited["speech"].sentences.exclude(pk=sentence.pk)[:3]:
        make_citation(neighbour, clause)  # three other sentences cite 8 (a)
    make_claim(title="Another claim", sentences=[sentence], clauses=[clause])

    html = client.get(sentence.get_absolute_url(), headers=htmx("sentence-panel")).content.decode()
    order = [
        html.index("</strong> as a whole"),
        html.index("paragraph 8 (a)"),
        html.index("paragraph 9"),
        html.index("S/RES/2397 (2017)</strong>, paragraph 5"),
    ]
    assert order == sorted(order)
    assert "also cited by 3 other sentences and 2 claims" in html  # 8 (a)
    assert "also cited by 0 other sentences and 0 claims" in html  # 9
    assert "Freeze &lt;the&gt; assets." in html and "Decides &amp; more" in html
    assert html.index("Another claim") < html.index("Arms to Russia")


def test_a_retired_sentence_is_not_counted_among_the_others(client, cited):
    sentence = cited["sentence"]
    sentence.retired = True
    sentence.save()
    html = client.get(sentence.get_absolute_url(), headers=htmx("sentence-panel")).content.decode()
    assert "removed from the speech" in html
    assert "also cited by 0 other sentences and 1 claim" in html


def test_panel_says_plainly_when_a_sentence_cites_nothing(client, cited):
    quiet = cited["speech"].sentences.get(position=1)
    html = client.get(quiet.get_absolute_url(), headers=htmx("sentence-panel")).content.decode()
    assert "cites no resolution clause" in html
    assert "not been reviewed" in html


def test_old_anchor_redirects_to_current(client, cited):
    sentence = cited["sentence"]
    SentenceAlias.objects.create(speech=sentence.speech, anchor="before-the-edit-0000", sentence=sentence)
    response = client.get(f"/speeches/{sentence.speech.slug}/s/before-the-edit-0000/")
    assert response.status_code == 301
    assert response["Location"] == sentence.get_absolute_url()


def test_unknown_anchor_gets_a_helpful_404(client, cited):
    response = client.get(f"/speeches/{cited['speech'].slug}/s/no-such-sentence/")
    assert response.status_code == 404
    assert "no sentence with the permalink" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/speeches/nope/",
        "/speeches/nope/s/x/",
        "/resolutions/9999/",
        "/resolutions/1718/para_99/",
        "/claims/nope/",
        "/speeches/nope.json",
    ],
)
def test_unknown_objects_are_404_not_500(client, cited, path):
    assert client.get(path).status_code == 404


def test_speech_and_curator_text_is_escaped(client):
    speech = make_speech(text="We fear <script>alert(1)</script> in speeches.\n")
    html = client.get(speech.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_anonymous_reader_pages_set_no_cookies(client, cited):
    for url in [
        "/",
        cited["speech"].get_absolute_url(),
        cited["sentence"].get_absolute_url(),
        "/claims/",
        "/search/?q=x",
    ]:
        response = client.get(url)
        assert not response.cookies, url


def test_reader_marks_citing_sentences(client, cited):
    html = client.get(cited["speech"].get_absolute_url()).content.decode()
    assert html.count("sentence kind-sentence cites") == 1


# -- clause, resolution, claims, search, home ---------------------------------


def test_clause_page_lists_citing_sentences_and_claims_with_json_ld(client, cited):
    html = client.get(cited["clause"].get_absolute_url()).content.decode()
    assert cited["sentence"].text in html
    assert 'href="/claims/arms-to-russia/"' in html
    start = html.index('<script type="application/ld+json"')
    data = json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])
    assert data["@type"] == "Legislation"
    assert data["abstract"] == "No arms may go to the DPRK."


def test_resolution_page_shows_the_clause_tree_with_counts(client, cited):
    html = client.get("/resolutions/1718/").content.decode()
    assert "No arms may go to the DPRK." in html
    assert "cited by 1" in html


def test_claim_page_has_preview_meta_and_claim_json_ld(client, cited):
    html = client.get("/claims/arms-to-russia/").content.decode()
    assert '<meta property="og:title" content="Arms to Russia">' in html
    assert 'name="twitter:card"' in html
    start = html.index('<script type="application/ld+json"')
    data = json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])
    assert data["@type"] == "Claim"
    assert data["appearance"][0]["url"].endswith(cited["sentence"].get_absolute_url())


def test_claim_filters_narrow_the_list(client, cited):
    make_claim(slug="other", title="Unrelated claim", topic="nuclear", sentences=[cited["sentence"]])
    html = client.get("/claims/?actor=dprk").content.decode()
    assert "Arms to Russia" in html and "Unrelated claim" not in html
    html = client.get("/claims/?topic=nuclear").content.decode()
    assert "Unrelated claim" in html and "Arms to Russia" not in html
    html = client.get("/claims/?resolution=1718").content.decode()
    assert "Arms to Russia" in html and "Unrelated claim" not in html


def test_bad_claim_filter_is_a_form_error_not_a_500(client, cited):
    response = client.get("/claims/?actor=atlantis&topic=gossip")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Select a valid choice" in html
    assert "0 claims" in html


def test_search_finds_sentences_clauses_and_claims_and_highlights(client, cited):
    html = client.get("/search/?q=arms").content.decode()
    assert "<mark>arms</mark>" in html or "<mark>Arms</mark>" in html
    assert "/claims/arms-to-russia/" in html
    assert "/resolutions/1718/para_8__subpara_a/" in html


def test_search_highlights_escape_the_text_around_each_match(client, cited):
    clause = cited["clause"]
    clause.summary = 'Arms <script>alert("x")</script> & <b>more</b> arms.'
    clause.save()
    html = client.get("/search/?q=arms", headers=htmx("search-results")).content.decode()
    assert "<script>" not in html and "<b>" not in html
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt;"
    assert f"<mark>Arms</mark> {escaped} <mark>arms</mark>." in html


def test_search_states_when_nothing_matches(client, cited):
    html = client.get("/search/?q=zebra").content.decode()
    assert "No results for" in html


def test_home_draws_who_gives_what_to_whom(client, cited):
    html = client.get("/").content.decode()
    assert "<svg" in html
    assert 'href="/claims/arms-to-russia/"' in html
    assert "?actor=dprk" in html and "?actor=russia" in html
    # Each flow also leads to the clauses its claims would break.
    assert 'href="/resolutions/1718/para_8__subpara_a/"' in html


def test_speech_json_carries_sentences_citations_and_claims(client, cited):
    response = client.get(f"/speeches/{cited['speech'].slug}.json")
    data = response.json()
    second = data["sentences"][1]
    assert second["anchor"] == cited["sentence"].anchor
    assert second["citations"] == [
        {"resolution": 1718, "eid": "para_8__subpara_a", "origin": "curated", "note": "It names the arms embargo."}
    ]
    assert second["claims"] == ["arms-to-russia"]
    assert [s["position"] for s in data["sentences"]] == [1, 2, 3, 4, 5]


def test_post_is_refused_on_reader_pages(client, cited):
    assert client.post(cited["speech"].get_absolute_url()).status_code in {403, 405}


# -- queries do not grow with size ------------------------------------------


def corpus(n: int) -> dict:
    speech = make_speech(sentences=n)
    clause = make_clause(make_resolution(1718), "para_8")
    other = make_clause(clause.resolution, "para_9")
    for letter in "abc":  # the clause page lists its parts, each with a link
        make_clause(clause.resolution, f"para_8__subpara_{letter}", parent=clause)
    sentences = list(speech.sentences.all())
    for sentence in sentences:
        make_citation(sentence, clause)
        make_citation(sentence, other)
    claim = make_claim(sentences=sentences[:n], clauses=[clause])
    return {"speech": speech, "sentence": sentences[-1], "clause": clause, "claim": claim}


@pytest.mark.parametrize("n", [10, 1000])
def test_query_counts_do_not_grow(client, django_assert_num_queries, n):
    data = corpus(n)
    # Exact counts, each including one query for the corpus version behind
    # the ETag, so a change shows up here (bench/README.md records them).
    pages = {
        data["speech"].get_absolute_url(): 4,
        data["sentence"].get_absolute_url(): 4,
        data["clause"].get_absolute_url(): 5,
        "/claims/": 7,
        # A second search query ranks the matches, when there are more than a page of them.
        "/search/?q=sentence": 5 if n <= 20 else 6,
        data["claim"].get_absolute_url(): 7,
    }
    for url, expected in pages.items():
        with django_assert_num_queries(expected):
            assert client.get(url).status_code == 200, url
    with django_assert_num_queries(2):
        response = client.get(data["sentence"].get_absolute_url(), headers=htmx("sentence-panel"))
        assert response.status_code == 200


# -- conditional GET ------------------------------------------------------------


def test_repeat_request_is_answered_304_with_one_query(client, cited, django_assert_max_num_queries):
    url = cited["sentence"].get_absolute_url()
    etag = client.get(url)["ETag"]
    with django_assert_max_num_queries(1):
        response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""


def test_etag_changes_when_curation_changes(client, cited):
    url = cited["sentence"].get_absolute_url()
    etag = client.get(url)["ETag"]
    citation = cited["sentence"].citations.get()
    citation.note = "A better reason."
    citation.save()
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert "A better reason." in response.content.decode()


def test_fragment_and_page_have_different_etags(client, cited):
    url = cited["sentence"].get_absolute_url()
    page = client.get(url)["ETag"]
    fragment = client.get(url, headers=htmx("sentence-panel"))["ETag"]
    assert page != fragment


def test_a_claim_repeated_everywhere_is_listed_a_page_at_a_time(client):
    data = corpus(120)
    html = client.get(data["claim"].get_absolute_url()).content.decode()
    assert "(120 sentences)" in html
    assert html.count('<li><a href="/speeches/speech-') == 50
    assert 'href="?page=2"' in html


@pytest.fixture
def page_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import cache

    cache.clear()
    yield cache
    cache.clear()


def test_unchanged_pages_are_served_from_the_cache(client, cited, page_cache, django_assert_max_num_queries):
    url = cited["sentence"].get_absolute_url()
    first = client.get(url, headers=htmx("sentence-panel"))
    with django_assert_max_num_queries(1):  # the corpus version, nothing else
        second = client.get(url, headers=htmx("sentence-panel"))
    assert second.content == first.content
    assert second["Content-Security-Policy"] and "HX-Request" in second["Vary"]
    # A full page is cached apart from its fragment.
    assert "<html" in client.get(url).content.decode()


def test_a_curation_change_is_never_served_stale(client, cited, page_cache):
    url = cited["sentence"].get_absolute_url()
    client.get(url)
    citation = cited["sentence"].citations.get()
    citation.note = "Changed after the page was cached."
    citation.save()
    assert "Changed after the page was cached." in client.get(url).content.decode()
