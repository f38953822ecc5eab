"""Claims filters, live search, copy link, accessibility and CSP on every page type."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

PAGE_TYPES = {
    "home": "/",
    "speeches": "/speeches/",
    "reader": "/speeches/thomas-greenfield-2024-12-18/",
    "sentence": "/speeches/thomas-greenfield-2024-12-18/s/kremlin-continues-provide-jb67/",
    "resolutions": "/resolutions/",
    "resolution": "/resolutions/1718/",
    "clause": "/resolutions/2397/para_5/",
    "claims": "/claims/",
    "claim": "/claims/russia-petroleum-above-cap/",
    "search": "/search/?q=petroleum",
    "not-found": "/claims/no-such-claim/",
}


def test_claim_filters_update_the_list_and_the_address(seeded_site, page):
    page.goto(seeded_site.url + "/claims/")
    total = page.locator("#claim-results .claim-card").count()
    page.select_option("#id_topic", "petroleum")
    expect(page).to_have_url(re.compile(r"topic=petroleum"))
    expect(page.locator("#claim-results .claim-card")).to_have_count(1)
    expect(page.locator("#claim-results")).to_contain_text("500,000")
    page.reload()
    expect(page.locator("#claim-results .claim-card")).to_have_count(1)
    page.go_back()
    expect(page.locator("#claim-results .claim-card")).to_have_count(total)


def test_claim_filters_without_javascript(seeded_site, page_without_js):
    page = page_without_js
    page.goto(seeded_site.url + "/claims/")
    page.select_option("#id_actor", "china")
    page.click("form.filters button[type=submit]")
    expect(page).to_have_url(re.compile(r"actor=china"))
    expect(page.locator("#claim-results")).to_contain_text("China gives political cover")


def test_live_search_shows_results_as_you_type(seeded_site, page):
    page.goto(seeded_site.url + "/search/")
    page.fill("input[name=q]", "barrel")
    expect(page.locator("#search-results mark").first).to_have_text(re.compile("barrel", re.I))
    expect(page).to_have_url(re.compile(r"q=barrel"))
    page.fill("input[name=q]", "zzzyzzy")
    expect(page.locator("#search-results")).to_contain_text("No results")


def test_search_without_javascript_submits(seeded_site, page_without_js):
    page = page_without_js
    page.goto(seeded_site.url + "/search/")
    page.fill("input[name=q]", "artillery")
    page.click("form.search-form button[type=submit]")
    expect(page.locator("#search-results")).to_contain_text("artillery")


def test_claim_permalink_copy_button(seeded_site, browser):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=seeded_site.url)
    page = context.new_page()
    page.goto(seeded_site.url + PAGE_TYPES["claim"])
    page.click(".copy-button")
    expect(page.locator(".copy-button")).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith("/claims/russia-petroleum-above-cap/")
    context.close()


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_has_no_serious_accessibility_violations_or_csp_errors(seeded_site, page, name):
    page.goto(seeded_site.url + PAGE_TYPES[name])
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in serious]
    assert page.console_watch.errors == []


@pytest.mark.parametrize("name", ["reader", "sentence", "claims", "search"])
def test_controls_are_at_least_24_px(seeded_site, page, name):
    page.goto(seeded_site.url + PAGE_TYPES[name])
    small = page.evaluate(
        """() => Array.from(document.querySelectorAll('button, select, input, nav a'))
            .filter(el => el.offsetParent !== null)
            .map(el => [el.outerHTML.slice(0, 60), el.getBoundingClientRect()])
            .filter(([, r]) => r.width < 24 || r.height < 24)
            .map(([html]) => html)"""
    )
    assert small == []
