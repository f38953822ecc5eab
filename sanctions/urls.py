"""Every reader-facing URL. The pages show the text layer (speeches) through
the legal layer (citations, claims), so they live here, in the app that knows
both; the speeches app stays free of any knowledge of sanctions."""

from django.urls import path, register_converter

from . import views


class EidConverter:
    """An AKN4UN eId such as para_8__subpara_a: lower-case letters, digits, underscores."""

    regex = "[a-z0-9_]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(EidConverter, "eid")

app_name = "sanctions"

urlpatterns = [
    path("", views.home, name="home"),
    path("speeches/", views.speech_list, name="speech_list"),
    path("speeches/<slug:slug>.json", views.speech_json, name="speech_json"),
    path("speeches/<slug:slug>/", views.speech_reader, name="speech"),
    path("speeches/<slug:slug>/s/<slug:anchor>/", views.sentence_detail, name="sentence"),
    path("resolutions/", views.resolution_list, name="resolution_list"),
    path("resolutions/<int:number>/", views.resolution_detail, name="resolution"),
    path("resolutions/<int:number>/<eid:eid>/", views.clause_detail, name="clause"),
    path("claims/", views.claim_list, name="claim_list"),
    path("claims/<slug:slug>/", views.claim_detail, name="claim"),
    path("search/", views.search, name="search"),
]
