from django.urls import path

from . import views

app_name = "devmail"

urlpatterns = [
    path("", views.message_list, name="list"),
    path("clear/", views.clear, name="clear"),
    path("<str:message_id>/", views.message_detail, name="message"),
]
