from django.apps import AppConfig


class SpeechesConfig(AppConfig):
    """The text layer: meetings, speakers, speeches and their sentences."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "speeches"
