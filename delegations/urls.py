from django.urls import path

from . import views

app_name = "delegations"

urlpatterns = [
    path("delegations/", views.home, name="home"),
    path("delegations/<int:pk>/", views.allocation_detail, name="allocation"),
    path("delegations/<int:pk>/nominate/", views.nominate, name="nominate"),
    path("delegations/<int:pk>/nominate-list/", views.nominate_list, name="nominate_list"),
    path("delegations/<int:pk>/nominations/<int:nomination_pk>/letter/", views.letter_upload, name="letter_upload"),
    path("delegations/<int:pk>/nominations/<int:nomination_pk>/letter.pdf", views.letter_download, name="letter"),
    path("delegations/<int:pk>/nominations/<int:nomination_pk>/substitute/", views.substitute, name="substitute"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("invitations/<str:token>/register/", views.invitation_register, name="invitation_register"),
]
