"""Staff of the occurrence's program manage its exhibitions: sections, exhibiting organizations and
exhibits inline (programs.roles gives program staff the permissions; the scope is programs.access)."""

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from programs.access import OrganizationScopedAdmin
from programs.coverage import TranslationCoverageAdmin
from workshops.selectors import occurrences_visible_to

from .images import exhibit_image_files
from .models import Exhibit, Exhibition, Exhibitor, Section
from .services import exhibit_remove_image, exhibit_set_image


class SectionInline(TranslationStackedInline):
    model = Section
    extra = 0
    fields = ("order", "title", "description")


class ExhibitorInline(TranslationStackedInline):
    model = Exhibitor
    extra = 0
    fields = ("order", "organization", "name", "country")
    autocomplete_fields = ("organization",)


class ExhibitForm(forms.ModelForm):
    upload = forms.ImageField(
        label=_("Image"),
        required=False,
        help_text=_("JPEG, PNG or WebP, up to 10 MB; resized for the page, location data removed."),
    )
    remove_image = forms.BooleanField(label=_("Remove the image"), required=False)

    class Meta:
        model = Exhibit
        fields = ("order", "section", "exhibitor", "title", "description", "stand", "image_description", "is_sample")

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload is not None:
            exhibit_image_files(upload)  # the service's own check: a clear error, nothing saved
        return upload


class ExhibitInline(TranslationStackedInline):
    model = Exhibit
    form = ExhibitForm
    extra = 0
    fields = (
        "order",
        "section",
        "exhibitor",
        "title",
        "description",
        "stand",
        "upload",
        "current_image",
        "remove_image",
        "image_description",
        "is_sample",
    )
    readonly_fields = ("current_image",)
    verbose_name_plural = _("exhibits (save new sections and exhibiting organizations first to choose them here)")

    @admin.display(description=_("current image"))
    def current_image(self, obj):
        if obj is None or not obj.pk or not obj.thumbnail:
            return "—"
        url = reverse("exhibitions:exhibit_thumb", args=[obj.exhibition.slug, obj.pk])
        return format_html('<img src="{}" alt="{}" width="200">', url, obj.alt_text)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only the sections and exhibitors of the exhibition being edited.
        exhibition_id = getattr(request, "_exhibition_id", None)
        if db_field.name == "section":
            kwargs["queryset"] = Section.objects.filter(exhibition_id=exhibition_id)
        elif db_field.name == "exhibitor":
            kwargs["queryset"] = Exhibitor.objects.filter(exhibition_id=exhibition_id).select_related("organization")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Exhibition)
class ExhibitionAdmin(TranslationCoverageAdmin, OrganizationScopedAdmin, TranslationAdmin):
    list_display = ("title", "occurrence", "date_display", "is_published", "is_sample")
    list_filter = ("is_published",)
    search_fields = ("title", "occurrence__title")
    list_select_related = ("occurrence",)
    autocomplete_fields = ("occurrence",)
    prepopulated_fields = {"slug": ("title_en",)}
    inlines = [SectionInline, ExhibitorInline, ExhibitInline]
    coverage_related = ("sections", "exhibitors", "exhibits")
    readonly_fields = ("public_page",)

    @admin.display(description=_("public page"))
    def public_page(self, obj):
        if obj is None or not obj.pk:
            return "—"
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.get_absolute_url())

    def scoped_queryset(self, request, queryset):
        return queryset.filter(occurrence__in=occurrences_visible_to(request.user).values("pk"))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "occurrence" and not request.user.is_superuser:
            kwargs["queryset"] = occurrences_visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        request._exhibition_id = obj.pk if obj else None
        return super().get_form(request, obj, **kwargs)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is not Exhibit:
            return
        for exhibit_form in formset.forms:
            exhibit = exhibit_form.instance
            if exhibit_form in formset.deleted_forms or not exhibit.pk or not hasattr(exhibit_form, "cleaned_data"):
                continue
            upload = exhibit_form.cleaned_data.get("upload")
            if upload is not None:
                exhibit_set_image(exhibit=exhibit, upload=upload)
            elif exhibit_form.cleaned_data.get("remove_image") and exhibit.image:
                exhibit_remove_image(exhibit=exhibit)
