"""Public pages, mounted under the language prefix."""

urlpatterns = []
