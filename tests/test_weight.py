"""Page weight budgets (issue 6): they are deterministic, so they are tested;
bench/weight.py prints the figures."""

from bench.weight import SEED_READER, first_view


def test_first_view_of_the_seed_reader_fits_the_budget(client, seeded):
    weight = first_view(client, SEED_READER)
    scripts = [url for url in weight.assets if url.endswith(".js")]
    assert any("htmx" in url for url in scripts) and any("site" in url for url in scripts)
    assert any(url.endswith(".css") for url in weight.assets)
    assert weight.script_gzip <= 20_000
    assert weight.total_gzip <= 150_000
