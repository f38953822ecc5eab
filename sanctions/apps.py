from django.apps import AppConfig


class SanctionsConfig(AppConfig):
    """The legal layer: resolutions, clauses, actors, claims and citations."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "sanctions"

    def ready(self) -> None:
        # Connects the receivers that keep counts and copied dates true.
        from . import derived  # noqa: F401
