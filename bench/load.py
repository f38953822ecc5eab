"""Load test: run the production server on loopback and drive a realistic mix.

    uv run python bench/load.py [--seconds 10] [--concurrency 1,8,32,64] [--server gunicorn]
    DATABASE_URL=postgres://user:pass@127.0.0.1:5432/name uv run python bench/load.py

Starts the production server (gunicorn gthread by default; granian in WSGI
mode or uvicorn on the ASGI entry point for comparison) against a copy of the
SQLite database (or the PostgreSQL one named by DATABASE_URL, migrated and
seeded), then for each concurrency level runs a
bounded number of seconds of requests from keep-alive client threads: reader
pages, sentence panels as htmx fragments, clause pages, claims and search.
Prints requests/s, p50/p99 latency, errors and 5xx per level. Only 127.0.0.1
is ever contacted; every loop stops by itself.
"""

import argparse
import http.client
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEECH = "/speeches/thomas-greenfield-2024-12-18/"
HTMX = {"HX-Request": "true", "HX-Target": "sentence-panel"}


def gunicorn(port: int, workers: int, threads: int) -> list[str]:
    return [
        *(sys.executable, "-m", "gunicorn", "config.wsgi", "--worker-class", "gthread"),
        *("--workers", str(workers), "--threads", str(threads)),
        *("--max-requests", "20000", "--max-requests-jitter", "2000"),
        *("--bind", f"127.0.0.1:{port}", "--log-level", "warning"),
    ]


def granian(port: int, workers: int, threads: int) -> list[str]:
    return [
        *(sys.executable, "-m", "granian", "--interface", "wsgi", "config.wsgi:application"),
        *("--workers", str(workers), "--blocking-threads", str(threads)),
        *("--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"),
    ]


def uvicorn(port: int, workers: int, threads: int) -> list[str]:
    # ASGI: Django runs each sync view in a thread behind the event loop.
    return [
        *(sys.executable, "-m", "uvicorn", "config.asgi:application", "--workers", str(workers)),
        *("--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"),
    ]


SERVERS = {"gunicorn": gunicorn, "granian": granian, "uvicorn": uvicorn}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="bench-only-" + "k" * 40,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL="0",  # plain HTTP on loopback; TLS belongs to the proxy
        DATABASE_URL=database_url,
    )
    return env


def prepare(env: dict[str, str]) -> list[str]:
    """Migrate, seed and collect static files; return the URLs to request."""
    for command in (["migrate", "-v", "0"], ["load_seeds"], ["collectstatic", "--noinput", "-v", "0"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
    code = (
        "import django; django.setup();"
        "from speeches.models import Sentence;"
        "print('\\n'.join(s.get_absolute_url() for s in Sentence.objects.current()[:40]))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    sentences = out.stdout.split()
    # The floor: one panel's HTML saved as a static file, so both are the same size.
    floor_code = (
        "import django, sys; django.setup();"
        "from django.test import Client;"
        f"body = Client(HTTP_HOST='127.0.0.1').get({sentences[0]!r}, headers={HTMX!r}).content;"
        f"open({str(ROOT / 'staticfiles' / FLOOR_FILE)!r}, 'wb').write(body)"
    )
    subprocess.run([sys.executable, "-c", floor_code], cwd=ROOT, env=env, check=True)
    return sentences


def mix(sentences: list[str]) -> list[tuple[str, dict]]:
    """One round of the realistic mix: mostly reading, some panels, a few lookups."""
    return [
        (SPEECH, {}),
        *((url, HTMX) for url in random.sample(sentences, 4)),
        (random.choice(sentences), {}),
        ("/resolutions/1718/para_8__subpara_c/", {}),
        ("/resolutions/2397/para_5/", {}),
        ("/claims/", {}),
        ("/claims/?topic=arms", {"HX-Request": "true", "HX-Target": "claim-results"}),
        ("/claims/russia-petroleum-above-cap/", {}),
        (
            "/search/?q=" + random.choice(["missiles", "petroleum", "training", "Panel of Experts"]).replace(" ", "+"),
            {},
        ),
    ]


def panels(sentences: list[str]) -> list[tuple[str, dict]]:
    """Only sentence panels, as htmx asks for them."""
    return [(url, HTMX) for url in random.sample(sentences, 10)]


def floor(sentences: list[str]) -> list[tuple[str, dict]]:
    """A static file the size of a panel, through the same server (the floor)."""
    return [(f"/static/{FLOOR_FILE}", {})] * 10


MIXES = {"realistic": mix, "panel": panels, "static": floor}
FLOOR_FILE = "bench-floor.html"


def drive(port: int, sentences: list[str], concurrency: int, seconds: float, rounds=mix) -> dict:
    latencies: list[float] = []
    errors = server_errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker() -> None:
        nonlocal errors, server_errors
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        local: list[float] = []
        local_errors = local_5xx = 0
        while time.monotonic() < deadline:
            for url, headers in rounds(sentences):
                started = time.perf_counter()
                try:
                    connection.request("GET", url, headers=headers)
                    response = connection.getresponse()
                    response.read()
                    if response.status >= 500:
                        local_5xx += 1
                    elif response.status >= 400:
                        local_errors += 1
                except (OSError, http.client.HTTPException):
                    local_errors += 1
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                local.append(time.perf_counter() - started)
                if time.monotonic() >= deadline:
                    break
        connection.close()
        with lock:
            latencies.extend(local)
            errors += local_errors
            server_errors += local_5xx

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    return {
        "concurrency": concurrency,
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000 if latencies else 0.0,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000 if latencies else 0.0,
        "errors": errors,
        "5xx": server_errors,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=10.0, help="Seconds of load per concurrency level.")
    parser.add_argument("--concurrency", default="1,8,32,64", help="Comma-separated client thread counts.")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes.")
    parser.add_argument("--threads", type=int, default=8, help="Threads per worker (gunicorn, granian).")
    parser.add_argument(
        "--mix",
        choices=sorted(MIXES),
        default="realistic",
        help="realistic (default), panel (only htmx sentence panels) or static (a panel-sized static file).",
    )
    parser.add_argument(
        "--server",
        choices=sorted(SERVERS),
        default="gunicorn",
        help="Which server to measure: gunicorn (production), granian (WSGI) or uvicorn (ASGI).",
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="sne-load-"))
    # PostgreSQL when DATABASE_URL names one (it is migrated and seeded),
    # else a fresh SQLite file.
    database_url = os.environ.get("DATABASE_URL", "")
    postgres = database_url.startswith("postgres")
    env = server_env(database_url if postgres else f"sqlite:///{workdir / 'bench.sqlite3'}")
    sentences = prepare(env)
    port = free_port()
    server = subprocess.Popen(SERVERS[args.server](port, args.workers, args.threads), cwd=ROOT, env=env)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        drive(port, sentences, 2, 2.0)  # warm the workers
        print(
            f"{args.server}, {args.workers} workers x {args.threads} threads, {args.mix} mix, "
            f"{'PostgreSQL' if postgres else 'SQLite'}, "
            f"{os.cpu_count()} CPUs"
        )
        print(f"{'conc':>5} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'5xx':>5}")
        failed = False
        for level in (int(value) for value in args.concurrency.split(",")):
            row = drive(port, sentences, level, args.seconds, MIXES[args.mix])
            failed |= bool(row["errors"] or row["5xx"])
            print(
                f"{row['concurrency']:>5} {row['requests']:>9} {row['rps']:>8.1f} {row['p50_ms']:>8.1f} "
                f"{row['p99_ms']:>8.1f} {row['errors']:>7} {row['5xx']:>5}"
            )
        return 1 if failed else 0
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
