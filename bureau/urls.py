from django.urls import path

from . import views

app_name = "bureau"

urlpatterns = [
    path("", views.request_list, name="request_list"),
    path("verify/", views.requester_ask_view, name="requester_ask"),
    path("new/", views.request_create, name="request_create"),
    path("files/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("<str:reference>/", views.request_detail, name="request_detail"),
]
