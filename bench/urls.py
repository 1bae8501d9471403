"""The product's URLs plus the benchmark's ceiling: a bare view through the same middleware.
Used only by bench/settings_load.py."""

from django.http import HttpResponse
from django.urls import path

from exchange_portal.urls import urlpatterns as product_urlpatterns


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare, name="bench_bare"), *product_urlpatterns]
