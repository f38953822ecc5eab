"""Fixtures for curation tests."""

import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def curator(django_user_model):
    """A staff user in the Curators group, with exactly its permissions."""
    user = django_user_model.objects.create_user("curator", password="correct horse battery staple", is_staff=True)
    user.groups.add(Group.objects.get(name="Curators"))
    return user


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client
