"""Staff attach materials and photos to their occurrences and decide on photo removal requests."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from programs.access import OrganizationScopedAdmin, programs_visible_to
from programs.coverage import TranslationCoverageAdmin
from workshops.selectors import occurrences_visible_to

from .alumni import alumni_report_handle, alumni_report_remove_sender
from .images import photo_files
from .models import (
    AlumniAbuseReport,
    BestPractice,
    Material,
    Photo,
    PhotoRemovalRequest,
    Question,
    ResearchArea,
    SpeakerInvitation,
    Survey,
)
from .services import AftercareError, photo_removal_decline, photo_remove, photo_set_image
from .speakers import speaker_invitation_send


class OccurrenceScopedAdmin(OrganizationScopedAdmin):
    occurrence_path = "occurrence"

    def scoped_queryset(self, request, queryset):
        return queryset.filter(**{f"{self.occurrence_path}__in": occurrences_visible_to(request.user).values("pk")})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "occurrence" and not request.user.is_superuser:
            kwargs["queryset"] = occurrences_visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class PrivateFileInput(forms.ClearableFileInput):
    """Materials live in the private storage, which has no URL: the current file is linked through
    the permission-checked download view instead (`current_file`)."""

    def is_initial(self, value):
        return False


@admin.register(Material)
class MaterialAdmin(TranslationCoverageAdmin, OccurrenceScopedAdmin, TranslationAdmin):
    list_display = ("title", "kind", "occurrence", "agenda_item", "is_public", "speaker", "created_at")
    readonly_fields = ("current_file", "speaker")
    # A link typed without a scheme is taken as https (Django 6's default, chosen now).
    formfield_overrides = {models.FileField: {"widget": PrivateFileInput}, models.URLField: {"assume_scheme": "https"}}

    @admin.display(description=_("current file"))
    def current_file(self, obj):
        if obj is None or not obj.pk or not (obj.file or obj.url):
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("aftercare:material_download", args=[obj.pk]), _("Download"))

    list_filter = ("kind", "is_public")
    search_fields = ("title", "occurrence__title")
    list_select_related = ("occurrence", "agenda_item", "speaker")
    autocomplete_fields = ("occurrence", "agenda_item")
    exclude = ("created_by",)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class PhotoForm(forms.ModelForm):
    upload = forms.ImageField(
        label=_("Photo"), required=False, help_text=_("JPEG, PNG or WebP; resized for the page, location data removed.")
    )

    class Meta:
        model = Photo
        fields = ("occurrence", "caption", "credit", "is_public", "order")

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload is None and (self.instance.pk is None or not self.instance.image):
            raise ValidationError(_("Please choose a photo."))
        if upload is not None:
            photo_files(upload)  # the same check the service makes: a clear error, nothing saved
        return upload


@admin.register(Photo)
class PhotoAdmin(TranslationCoverageAdmin, OccurrenceScopedAdmin, TranslationAdmin):
    form = PhotoForm
    list_display = ("caption", "occurrence", "is_public", "is_removed", "created_at")
    list_filter = ("is_public", "is_removed")
    search_fields = ("caption", "occurrence__title")
    list_select_related = ("occurrence",)
    autocomplete_fields = ("occurrence",)

    def save_model(self, request, obj, form, change):
        upload = form.cleaned_data.get("upload")
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            if upload is not None:
                photo_set_image(photo=obj, upload=upload)


@admin.register(PhotoRemovalRequest)
class PhotoRemovalRequestAdmin(OccurrenceScopedAdmin, admin.ModelAdmin):
    occurrence_path = "photo__occurrence"
    list_display = ("photo", "occurrence", "requested_by", "reason", "status", "created_at", "decided_by")
    list_filter = ("status",)
    list_select_related = ("photo__occurrence", "requested_by", "decided_by")
    readonly_fields = ("photo", "requested_by", "reason", "status", "created_at", "decided_by", "decided_at")
    actions = ["remove_photos", "decline"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("occurrence"))
    def occurrence(self, obj):
        return obj.photo.occurrence

    @admin.action(description=_("Remove the photos of the selected requests"), permissions=["change"])
    def remove_photos(self, request, queryset):
        photos = {r.photo for r in queryset.select_related("photo") if not r.photo.is_removed}
        for photo in photos:
            photo_remove(photo=photo, by=request.user)
        messages.success(
            request, ngettext("%(n)d photo removed.", "%(n)d photos removed.", len(photos)) % {"n": len(photos)}
        )

    @admin.action(description=_("Decline the selected requests"), permissions=["change"])
    def decline(self, request, queryset):
        done = 0
        for removal_request in queryset:
            try:
                photo_removal_decline(removal_request=removal_request, by=request.user)
                done += 1
            except AftercareError as exc:
                messages.warning(request, exc.message)
        messages.success(request, ngettext("%(n)d request declined.", "%(n)d requests declined.", done) % {"n": done})


class QuestionInline(TranslationStackedInline):
    model = Question
    extra = 0
    fields = ("order", "kind", "text", "choices", "required")


@admin.register(Survey)
class SurveyAdmin(TranslationCoverageAdmin, OccurrenceScopedAdmin, TranslationAdmin):
    list_display = ("title", "occurrence", "is_active", "sent_at", "reminded_at", "answers", "results")
    list_filter = ("is_active",)
    search_fields = ("title", "occurrence__title")
    list_select_related = ("occurrence",)
    autocomplete_fields = ("occurrence",)
    readonly_fields = ("sent_at", "reminded_at", "results")
    coverage_related = ("questions",)
    inlines = [QuestionInline]

    @admin.display(description=_("answers"))
    def answers(self, obj):
        return obj.responses.count()

    @admin.display(description=_("results"))
    def results(self, obj):
        if obj is None or not obj.pk:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("aftercare:survey_results", args=[obj.pk]), _("See the results")
        )


@admin.register(ResearchArea)
class ResearchAreaAdmin(TranslationCoverageAdmin, TranslationAdmin):
    list_display = ("name", "order", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(BestPractice)
class BestPracticeAdmin(admin.ModelAdmin):
    list_display = ("title", "area", "country", "year", "language", "is_published")
    list_filter = ("is_published", "area", "language", "year")
    search_fields = ("title", "summary")
    list_select_related = ("area",)
    exclude = ("created_by",)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class SpeakerMaterialInline(admin.TabularInline):
    model = Material
    fk_name = "speaker"
    fields = ("title", "kind", "agenda_item", "is_public")
    readonly_fields = ("title", "kind", "agenda_item")
    extra = 0
    can_delete = False
    verbose_name_plural = _("materials the speaker added (make one public here)")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(SpeakerInvitation)
class SpeakerInvitationAdmin(OccurrenceScopedAdmin, admin.ModelAdmin):
    """Staff invite a speaker: the speaker gets an email with a private link to add their materials."""

    list_display = ("name", "email", "occurrence", "agenda_item", "expires_at", "revoked", "created_at")
    list_filter = ("revoked",)
    search_fields = ("name", "email", "occurrence__title")
    list_select_related = ("occurrence", "agenda_item")
    autocomplete_fields = ("occurrence", "agenda_item")
    fields = ("occurrence", "agenda_item", "name", "email", "language", "expires_at", "revoked")
    inlines = [SpeakerMaterialInline]
    actions = ["send_again"]

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            if not change:
                obj.created_by = request.user
            super().save_model(request, obj, form, change)
            if not change:
                speaker_invitation_send(invitation=obj)
        if not change:
            messages.success(request, _("The invitation is on its way to %(email)s.") % {"email": obj.email})

    @admin.action(description=_("Send the invitation email again"))
    def send_again(self, request, queryset):
        sent = 0
        for invitation in queryset.select_related("occurrence"):
            if invitation.is_usable():
                speaker_invitation_send(invitation=invitation)
                sent += 1
        messages.success(
            request,
            ngettext("%(count)d invitation sent again.", "%(count)d invitations sent again.", sent) % {"count": sent},
        )


# --- Alumni network ------------------------------------------------------------------------------


class AlumniEntryAdminBase(OccurrenceScopedAdmin, admin.ModelAdmin):
    """The directory as staff read it; backoffice registers it with "Write to the selected alumni"
    (the cohort message of mailings). Staff may remove an entry (it is the official's to edit)."""

    occurrence_path = "registration__occurrence"
    list_display = ("participant", "program", "edition", "country", "organization", "position", "created_at")
    list_filter = ("program", "country", "is_sample")
    search_fields = ("participant__family_name", "participant__given_name", "participant__search_key")
    list_select_related = ("participant", "program", "registration__occurrence")
    readonly_fields = (
        "participant", "program", "registration", "country", "organization", "position", "languages", "note",
        "is_sample", "created_at", "updated_at",
    )  # fmt: skip

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("edition"))
    def edition(self, obj):
        return obj.registration.occurrence


@admin.register(AlumniAbuseReport)
class AlumniAbuseReportAdmin(admin.ModelAdmin):
    """Reports of messages between alumni, for the staff of the message's program."""

    list_display = ("created_at", "program", "sender", "recipient", "excerpt", "reason", "status", "handled_by")
    list_filter = ("status",)
    list_select_related = ("message__program", "message__sender", "message__recipient", "handled_by")
    readonly_fields = (
        "program", "sender", "recipient", "sent_at", "message_text", "reason", "status", "created_at",
        "handled_by", "handled_at",
    )  # fmt: skip
    exclude = ("message",)
    actions = ["mark_handled", "remove_senders"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(message__program__in=programs_visible_to(request.user).values("pk"))

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("program"))
    def program(self, obj):
        return obj.message.program

    @admin.display(description=_("sender"))
    def sender(self, obj):
        return obj.message.sender

    @admin.display(description=_("recipient"))
    def recipient(self, obj):
        return obj.message.recipient

    @admin.display(description=_("sent"))
    def sent_at(self, obj):
        return obj.message.created_at

    @admin.display(description=_("message"))
    def excerpt(self, obj):
        return obj.message.body[:80]

    @admin.display(description=_("message"))
    def message_text(self, obj):
        return obj.message.body

    @admin.action(description=_("Mark the selected reports as handled"), permissions=["change"])
    def mark_handled(self, request, queryset):
        reports = list(queryset.filter(status=AlumniAbuseReport.Status.OPEN))
        for report in reports:
            alumni_report_handle(report=report, by=request.user)
        messages.success(
            request, ngettext("%(n)d report handled.", "%(n)d reports handled.", len(reports)) % {"n": len(reports)}
        )

    @admin.action(description=_("Remove the senders from the program's alumni directory"), permissions=["change"])
    def remove_senders(self, request, queryset):
        removed = 0
        for report in queryset.select_related("message"):
            removed += alumni_report_remove_sender(report=report, by=request.user)
        messages.success(
            request,
            ngettext("%(n)d entry removed from the directory.", "%(n)d entries removed from the directory.", removed)
            % {"n": removed},
        )
