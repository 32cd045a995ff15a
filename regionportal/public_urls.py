"""Public pages, mounted under the language prefix."""

from django.urls import include, path

urlpatterns = []
