from django.urls import path

from . import views

app_name = "applications"

urlpatterns = [
    path("", views.application_list, name="list"),
    path("<int:pk>/", views.application_detail, name="detail"),
    path("<int:pk>/withdraw/", views.application_withdraw_view, name="withdraw"),
    path("apply/<slug:slug>/", views.application_create, name="create"),
]
