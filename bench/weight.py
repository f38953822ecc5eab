"""Page weight: what a first view of a page downloads, gzipped.

    uv run python bench/weight.py [URL ...]

Renders each page (the seed speech's reader by default) through Django's
test client, finds the stylesheets, scripts and icon it links to, and prints
the gzipped size of each and the total: what a browser with an empty cache
fetches. Targets (issue 6): all JavaScript at most 20 kB gzipped, a first view
of the seed reader at most 150 kB. tests/test_weight.py holds the same limits.
"""

import gzip
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_READER = "/speeches/thomas-greenfield-2024-12-18/"
ASSET = re.compile(r'<(?:script[^>]*\ssrc|link[^>]*\shref)="(?P<url>/static/[^"]+)"')


@dataclass
class Weight:
    url: str
    html_gzip: int
    assets: dict[str, int] = field(default_factory=dict)  # static URL -> gzipped bytes

    @property
    def script_gzip(self) -> int:
        return sum(size for url, size in self.assets.items() if url.endswith(".js"))

    @property
    def total_gzip(self) -> int:
        return self.html_gzip + sum(self.assets.values())


def first_view(client, url: str) -> Weight:
    """The gzipped weight of `url` and every static file it links to."""
    from django.conf import settings
    from django.contrib.staticfiles import finders

    html = client.get(url).content
    weight = Weight(url, len(gzip.compress(html)))
    for asset in dict.fromkeys(match["url"] for match in ASSET.finditer(html.decode())):
        path = finders.find(asset.split(settings.STATIC_URL, 1)[1])
        if path is None:
            raise LookupError(f"{url} links to {asset}, which no static finder knows")
        weight.assets[asset] = len(gzip.compress(Path(path).read_bytes()))
    return weight


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client

    for url in sys.argv[1:] or [SEED_READER]:
        weight = first_view(Client(), url)
        print(f"{url}\n  HTML {weight.html_gzip:>8} B gzip")
        for asset, size in weight.assets.items():
            print(f"  {asset:<40} {size:>8} B gzip")
        print(f"  all JavaScript {weight.script_gzip:>6} B gzip (target 20,000)")
        print(f"  first view     {weight.total_gzip:>6} B gzip (target 150,000)")


if __name__ == "__main__":
    main()
