"""Scale benchmark: page cost as the corpus grows.

    uv run python bench/scale.py [--sizes 100,1000,10000] [--requests 40]
    DATABASE_URL=postgres://user:pass@127.0.0.1:5432/name uv run python bench/scale.py

For each size N a fresh database is built (a temporary SQLite file, or the
PostgreSQL database named by DATABASE_URL, emptied first), migrated, seeded,
and filled with N synthetic speeches (manage.py generate_corpus). Then, in
process through Django's test client (the full middleware stack), each page
is requested --requests times: latency p50/p99, SQL queries, HTML bytes and
gzip bytes. A static file served through the same stack is the floor.
Figures are printed per size and as ratios to the smallest size.
"""

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(call, times: int) -> dict:
    """p50 and p99 milliseconds of `times` calls."""
    timings = []
    for _ in range(times):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {"p50_ms": statistics.median(timings), "p99_ms": timings[max(0, int(len(timings) * 0.99) - 1)]}


def measure(requests: int) -> dict:
    """Run inside a configured Django process; returns the figures."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from sanctions.models import Citation
    from speeches.models import Speech

    # The same speech and sentence at every N (generate_corpus is repeatable:
    # speech 50 is identical whatever N is), so the ratios compare like with
    # like: the panel is for a sentence citing 1718 para 8 (a), the most-cited
    # clause, so its counts are the corpus-wide ones.
    speech = Speech.objects.get(slug="synthetic-000050")
    citation = (
        Citation.objects.filter(
            sentence__speech=speech, clause__eid="para_8__subpara_a", clause__resolution__number=1718
        )
        .select_related("sentence")
        .order_by("sentence__position")
        .first()
    )
    sentence = citation.sentence
    fragment = {"HX-Request": "true", "HX-Target": "search-results"}
    pages = {
        "reader": (speech.get_absolute_url(), {}),
        "panel (htmx)": (sentence.get_absolute_url(), {"HX-Request": "true", "HX-Target": "sentence-panel"}),
        "clause": ("/resolutions/1718/para_8__subpara_a/", {}),
        "claim": ("/claims/dprk-munitions-to-russia/", {}),
        "search": ("/search/?q=petroleum+cap", {}),
        # What search-as-you-type fetches: the results fragment, first page.
        "search (htmx)": ("/search/?q=petroleum+cap", fragment),
        # "4500" is one of 90 figures in the synthetic claims: hundreds of
        # matches at N = 10,000, few enough (under 2,000) to be ranked.
        "search ranked": ("/search/?q=4500", fragment),
        "search rare": ("/search/?q=Zaporizhzhia", fragment),
        "static floor": ("/static/css/site.css", {}),
    }
    client = Client()
    figures = {}
    for name, (url, headers) in pages.items():
        response = client.get(url, headers=headers)
        body = b"".join(response) if response.streaming else response.content
        queries: list[str] = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url, headers=headers)

        def fetch(url=url, headers=headers):
            response = client.get(url, headers=headers)
            if response.streaming:
                b"".join(response)
            return response

        figures[name] = {
            "status": response.status_code,
            **timed(fetch, requests),
            "queries": len(queries),
            "html_bytes": len(body),
            "gzip_bytes": len(gzip.compress(body)),
        }
    figures["rank all, top 20"] = ranked_top_20(requests)
    return figures


def ranked_top_20(requests: int) -> dict:
    """Search with the unranked fallback switched off: every match of a common
    query scored and the best 20 returned, the worst case the fallback avoids."""
    from speeches import fulltext

    fulltext.RANK_AT_MOST = 10**9
    assert len(fulltext.sentence_ids_matching("petroleum cap", limit=20)) == 20  # also the warm-up
    return {
        "status": 200,
        **timed(lambda: fulltext.sentence_ids_matching("petroleum cap", limit=20), requests),
        "queries": 1,
        "html_bytes": 0,
        "gzip_bytes": 0,
    }


def build(size: int, env: dict[str, str]) -> float:
    """Migrate, seed and generate; returns ingestion seconds per speech."""
    manage = [sys.executable, "manage.py"]
    run = {"cwd": ROOT, "env": env, "check": True, "stdout": subprocess.DEVNULL}
    subprocess.run([*manage, "migrate", "-v", "0"], **run)
    subprocess.run([*manage, "load_seeds"], **run)
    started = time.perf_counter()
    subprocess.run([*manage, "generate_corpus", "--speeches", str(size)], **run)
    return (time.perf_counter() - started) / size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000", help="Comma-separated corpus sizes, in speeches.")
    parser.add_argument("--requests", type=int, default=40, help="Timed requests per page.")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.requests)))
        return

    postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    results = {}
    for size in (int(value) for value in args.sizes.split(",")):
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.test", PYTHONPATH=str(ROOT))
        if postgres:
            subprocess.run(
                [sys.executable, "manage.py", "flush", "--noinput"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL
            )
        else:
            env["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='sne-scale-')}/bench.sqlite3"
        per_speech = build(size, env)
        out = subprocess.run(
            [sys.executable, __file__, "--measure", "--requests", str(args.requests)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        results[size] = (per_speech, json.loads(out.stdout.strip().splitlines()[-1]))

    base_size = min(results)
    print(f"database: {'PostgreSQL' if postgres else 'SQLite'}; {os.cpu_count()} CPUs; {args.requests} requests/page")
    header = (
        f"{'N':>6} {'page':<16} {'p50 ms':>7} {'p99 ms':>7} {'x p50':>6} {'queries':>7} {'HTML B':>8} {'gzip B':>7}"
    )
    print(header)
    for size, (per_speech, figures) in sorted(results.items()):
        print(f"{size:>6} {'ingestion':<16} {per_speech * 1000:>7.1f} {'':>7} {'':>6}   (ms per speech)")
        for name, row in figures.items():
            ratio = row["p50_ms"] / results[base_size][1][name]["p50_ms"]
            print(
                f"{size:>6} {name:<16} {row['p50_ms']:>7.2f} {row['p99_ms']:>7.2f} {ratio:>6.2f} "
                f"{row['queries']:>7} {row['html_bytes']:>8} {row['gzip_bytes']:>7}"
            )


if __name__ == "__main__":
    main()
