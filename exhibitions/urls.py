from django.urls import path

from . import views

app_name = "exhibitions"

urlpatterns = [
    path("<slug:slug>/", views.exhibition_detail, name="exhibition_detail"),
    path("<slug:slug>/exhibits/<int:pk>/", views.exhibit_detail, name="exhibit_detail"),
    path("<slug:slug>/exhibits/<int:pk>/image.jpg", views.exhibit_image, {"size": "display"}, name="exhibit_image"),
    path("<slug:slug>/exhibits/<int:pk>/thumb.jpg", views.exhibit_image, {"size": "thumb"}, name="exhibit_thumb"),
]
