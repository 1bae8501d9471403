from django.urls import path

from . import views

app_name = "bureau"

urlpatterns = [
    path("", views.request_list, name="request_list"),
    path("new/", views.request_create, name="request_create"),
    path("<str:reference>/", views.request_detail, name="request_detail"),
]
