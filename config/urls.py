"""Root URLs: the admin, then every reader page (served by the sanctions app)."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("sanctions.urls")),
]
