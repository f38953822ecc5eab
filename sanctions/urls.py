"""Every reader-facing URL. The pages show the text layer (speeches) through
the legal layer (citations, claims), so they live here, in the app that knows
both; the speeches app stays free of any knowledge of sanctions."""

from django.urls import path

from . import views

app_name = "sanctions"

urlpatterns = [
    path("", views.home, name="home"),
    path("speeches/", views.speech_list, name="speech_list"),
    path("speeches/<slug:slug>.json", views.speech_json, name="speech_json"),
    path("speeches/<slug:slug>/", views.speech_reader, name="speech"),
    path("speeches/<slug:slug>/s/<slug:anchor>/", views.sentence_detail, name="sentence"),
    path("resolutions/", views.resolution_list, name="resolution_list"),
    path("resolutions/<int:number>/", views.resolution_detail, name="resolution"),
    path("resolutions/<int:number>/<str:eid>/", views.clause_detail, name="clause"),
    path("claims/", views.claim_list, name="claim_list"),
    path("claims/<slug:slug>/", views.claim_detail, name="claim"),
    path("search/", views.search, name="search"),
]
