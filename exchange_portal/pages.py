"""The portal's own pages, linked from every page's footer: about, contact, privacy policy and
accessibility statement. Their text is in the templates (templates/pages/), translated."""

from django.urls import path
from django.views.generic import TemplateView

PAGES = [
    ("about", "about/"),
    ("contact", "contact/"),
    ("privacy", "privacy/"),
    ("accessibility", "accessibility/"),
]

urlpatterns = [
    path(address, TemplateView.as_view(template_name=f"pages/{name}.html"), name=name) for name, address in PAGES
]
