"""The reader in a real browser: htmx panel swaps, history, keyboard, no-JS."""

import re

from playwright.sync_api import expect

SPEECH = "/speeches/thomas-greenfield-2024-12-18/"
ARMS_SENTENCE = "colleagues-resolutions-1718-felu"
PETROLEUM_SENTENCE = "kremlin-continues-provide-jb67"
QUIET_SENTENCE = "russia-knows-shxg"


def sentence_url(anchor: str) -> str:
    return f"{SPEECH}s/{anchor}/"


def test_clicking_a_sentence_opens_its_clause_and_pushes_the_permalink(seeded_site, page):
    page.goto(seeded_site.url + SPEECH)
    page.click(f"#s-{PETROLEUM_SENTENCE}")
    panel = page.locator("#sentence-panel")
    expect(panel).to_contain_text("S/RES/2397 (2017)")
    expect(panel).to_contain_text("500,000")
    expect(page).to_have_url(re.compile(re.escape(sentence_url(PETROLEUM_SENTENCE)) + "$"))
    expect(page.locator(f"#s-{PETROLEUM_SENTENCE}")).to_have_attribute("aria-current", "true")
    # Focus moves to the panel heading, never to <body>.
    expect(page.locator("#panel-heading")).to_be_focused()
    expect(page.locator("#announcer")).to_contain_text("opened")
    assert page.console_watch.errors == []


def test_back_and_forward_move_between_sentences(seeded_site, page):
    page.goto(seeded_site.url + SPEECH)
    page.click(f"#s-{ARMS_SENTENCE}")
    expect(page).to_have_url(re.compile(re.escape(sentence_url(ARMS_SENTENCE))))
    page.click(f"#s-{PETROLEUM_SENTENCE}")
    expect(page.locator("#sentence-panel")).to_contain_text("2397")
    page.go_back()
    expect(page).to_have_url(re.compile(re.escape(sentence_url(ARMS_SENTENCE))))
    expect(page.locator("#sentence-panel")).to_contain_text("S/RES/1874 (2009)")
    page.go_forward()
    expect(page).to_have_url(re.compile(re.escape(sentence_url(PETROLEUM_SENTENCE))))
    expect(page.locator("#sentence-panel")).to_contain_text("2397")
    assert page.console_watch.errors == []


def test_a_sentence_permalink_opens_on_that_sentence(seeded_site, page):
    page.goto(seeded_site.url + sentence_url(PETROLEUM_SENTENCE))
    sentence = page.locator(f"#s-{PETROLEUM_SENTENCE}")
    expect(sentence).to_have_class(re.compile(r"\bselected\b"))
    expect(sentence).to_be_in_viewport()
    expect(page.locator("#sentence-panel")).to_contain_text("2397")
    og_title = page.locator('meta[property="og:title"]').get_attribute("content")
    assert "Kremlin continues" in og_title


def test_keyboard_moves_between_sentences_opens_and_returns(seeded_site, page):
    page.goto(seeded_site.url + SPEECH)
    first = page.locator(".speech a.sentence").first
    first.focus()
    page.keyboard.press("j")
    second = page.locator(".speech a.sentence").nth(1)
    expect(second).to_be_focused()
    page.keyboard.press("ArrowDown")
    third = page.locator(".speech a.sentence").nth(2)
    expect(third).to_be_focused()
    page.keyboard.press("k")
    expect(second).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#panel-heading")).to_be_focused()
    expect(page.locator("#sentence-panel")).to_contain_text("Sentence 2")
    page.keyboard.press("Escape")
    expect(second).to_be_focused()


def test_a_sentence_that_cites_nothing_says_so(seeded_site, page):
    page.goto(seeded_site.url + SPEECH)
    page.click(f"#s-{QUIET_SENTENCE}")
    expect(page.locator("#sentence-panel")).to_contain_text("cites no resolution clause")
    expect(page.locator("#sentence-panel")).to_contain_text("A curator reviewed it")


def test_reader_works_without_javascript(seeded_site, page_without_js):
    page = page_without_js
    page.goto(seeded_site.url + SPEECH)
    page.click(f"#s-{PETROLEUM_SENTENCE}")
    expect(page).to_have_url(re.compile(re.escape(sentence_url(PETROLEUM_SENTENCE))))
    expect(page.locator("#sentence-panel")).to_contain_text("2397")
    # Without JavaScript the link's #fragment scrolls to the sentence.
    expect(page.locator(f"#s-{PETROLEUM_SENTENCE}")).to_be_in_viewport()
    page.click("#sentence-panel a:has-text('S/RES/2397 (2017)')")
    expect(page.locator("h1")).to_contain_text("S/RES/2397 (2017), paragraph 5")
    expect(page.locator("#cited-by")).to_contain_text("Kremlin continues")


def test_phone_and_desktop_layouts(seeded_site, page, phone_page, screenshot):
    for name, current in [("desktop", page), ("phone", phone_page)]:
        current.goto(seeded_site.url + sentence_url(PETROLEUM_SENTENCE))
        width = current.evaluate("document.documentElement.scrollWidth")
        viewport = current.viewport_size["width"]
        assert width <= viewport, f"{name}: page scrolls sideways ({width} > {viewport})"
        screenshot(current, f"reader-{name}")
    # On a phone the open panel comes before the speech text.
    panel_top = phone_page.locator("#sentence-panel").bounding_box()["y"]
    speech_top = phone_page.locator(".speech").bounding_box()["y"]
    assert panel_top < speech_top
