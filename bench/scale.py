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


def measure(requests: int) -> dict:
    """Run inside a configured Django process; returns the figures."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from speeches.models import Speech

    speech = Speech.objects.filter(slug__startswith="synthetic-").order_by("slug")[
        Speech.objects.filter(slug__startswith="synthetic-").count() // 2
    ]
    sentence = speech.sentences.current().order_by("position")[10]
    pages = {
        "reader": (speech.get_absolute_url(), {}),
        "panel (htmx)": (sentence.get_absolute_url(), {"HX-Request": "true", "HX-Target": "sentence-panel"}),
        "clause": ("/resolutions/1718/para_8__subpara_a/", {}),
        "claim": ("/claims/dprk-munitions-to-russia/", {}),
        "search": ("/search/?q=petroleum+cap", {}),
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
        timings = []
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get(url, headers=headers)
            if response.streaming:
                b"".join(response)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        figures[name] = {
            "status": response.status_code,
            "p50_ms": statistics.median(timings),
            "p99_ms": timings[max(0, int(len(timings) * 0.99) - 1)],
            "queries": len(queries),
            "html_bytes": len(body),
            "gzip_bytes": len(gzip.compress(body)),
        }
    return figures


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
        f"{'N':>6} {'page':<13} {'p50 ms':>7} {'p99 ms':>7} {'x p50':>6} {'queries':>7} {'HTML B':>8} {'gzip B':>7}"
    )
    print(header)
    for size, (per_speech, figures) in sorted(results.items()):
        print(f"{size:>6} {'ingestion':<13} {per_speech * 1000:>7.1f} {'':>7} {'':>6}   (ms per speech)")
        for name, row in figures.items():
            ratio = row["p50_ms"] / results[base_size][1][name]["p50_ms"]
            print(
                f"{size:>6} {name:<13} {row['p50_ms']:>7.2f} {row['p99_ms']:>7.2f} {ratio:>6.2f} "
                f"{row['queries']:>7} {row['html_bytes']:>8} {row['gzip_bytes']:>7}"
            )


if __name__ == "__main__":
    main()
