"""Shared fixtures. Builders live in tests/factories.py."""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture
def seeded(db):
    """The project's real seed corpus, loaded as `manage.py load_seeds` does."""
    call_command("load_seeds", stdout=StringIO())
