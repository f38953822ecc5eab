"""A curator, as a new user would: paste a speech, review suggestions, record a
claim, share its permalink, fix a typo, and find every link still working."""

import re

from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from sanctions.models import Citation, Claim
from speeches.models import Speech

TEXT = """Thank you, Madam President.
The DPRK has now sent more artilery shells to Russia, in breach of resolution 1718 (2006).
Russia also delivers refined petroleum far above the 500,000-barrel cap.
"""


def choose(page, field_id: str, search: str) -> None:
    """Pick an option in one of the admin's autocomplete (select2) widgets."""
    page.click(f"#{field_id} + .select2 .select2-selection")
    page.fill(".select2-container--open .select2-search__field", search)
    page.click(f".select2-results__option:has-text({search!r})")


def log_in(page, base_url):
    user = User.objects.create_user("curator", password="a long curator passphrase", is_staff=True)
    user.groups.add(Group.objects.get(name="Curators"))
    page.goto(base_url + "/admin/login/?next=/admin/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", "a long curator passphrase")
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()


def test_curator_pastes_reviews_records_a_claim_and_edits_without_breaking_links(seeded_site, page):
    base = seeded_site.url
    log_in(page, base)

    # Paste a new speech.
    page.goto(base + "/admin/speeches/speech/add/")
    # The slug first: once edited by hand, the admin stops deriving it from the title.
    page.fill("#id_slug", "deliveries")
    page.fill("#id_title", "Statement on DPRK deliveries")
    choose(page, "id_speaker", "Linda Thomas-Greenfield")
    page.fill("#id_delivered_on", "2025-01-10")
    page.fill("#id_raw_text", TEXT)
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("suggested for review")
    speech = Speech.objects.get(slug="deliveries")
    assert speech.sentences.count() == 3
    petroleum = speech.sentences.get(text__startswith="Russia also delivers")
    suggestion = Citation.objects.get(sentence=petroleum, clause__resolution__number=2397, clause__eid="para_5")
    assert suggestion.status == "proposed"

    # Accept the suggestion with a note, through the bulk action.
    page.goto(base + f"/admin/sanctions/citation/?sentence__speech__id__exact={speech.pk}&status__exact=proposed")
    page.check(f"input[name=_selected_action][value='{suggestion.pk}']")
    page.select_option("select[name=action]", "accept")
    page.fill("input[name=note]", "The 500,000-barrel cap is set by 2397 para 5.")
    page.click("button[name=index]")
    expect(page.locator(".messagelist")).to_contain_text("1 citation(s) marked accepted")

    # Record a claim with its sentence and clause.
    page.goto(base + "/admin/sanctions/claim/add/")
    page.fill("#id_slug", "petroleum-2025")
    page.fill("#id_title", "Petroleum above the cap in 2025")
    page.fill("#id_statement", "Russia delivers refined petroleum above the cap.")
    page.select_option("#id_topic", "petroleum")
    page.fill("#id_basis", "Stated as fact")
    page.click("#claim_sentences-group .add-row a")
    choose(page, "id_claim_sentences-0-sentence", "Russia also delivers")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    claim = Claim.objects.get(slug="petroleum-2025")
    assert list(claim.sentences.all()) == [petroleum]

    # Share: the claim's permalink opens on the claim.
    page.goto(base + "/claims/petroleum-2025/")
    expect(page.locator("h1")).to_have_text("Petroleum above the cap in 2025")
    expect(page.locator("#claim")).to_contain_text("Russia also delivers refined petroleum")

    # Fix the typo in the speech; the edited sentence's old permalink redirects.
    shells = speech.sentences.get(text__contains="artilery")
    old_url = base + shells.get_absolute_url()
    page.goto(base + f"/admin/speeches/speech/{speech.pk}/change/")
    page.fill("#id_raw_text", TEXT.replace("artilery", "artillery"))
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("1 edited")
    page.goto(old_url)
    expect(page).to_have_url(re.compile(r"/speeches/deliveries/s/(?!" + shells.anchor + r")[a-z0-9-]+/$"))
    expect(page.locator("#sentence-panel")).to_contain_text("more artillery shells")
    # The accepted citation and the claim survived the edit.
    page.goto(base + petroleum.get_absolute_url())
    expect(page.locator("#sentence-panel")).to_contain_text("S/RES/2397 (2017)")
    expect(page.locator("#sentence-panel")).to_contain_text("Petroleum above the cap in 2025")
