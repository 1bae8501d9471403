from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from programs.access import (
    HistoryReadOnly,
    OrganizationScopedAdmin,
    ScopedChoices,
    agreements_visible_to,
    organizations_of,
    programs_visible_to,
)
from workshops.selectors import occurrence_ids_visible_to

from .documents import document_revoke, invitation_letter_issue, verification_url
from .models import (
    AllowancePayment,
    AttendanceDay,
    Certificate,
    CertificateDesign,
    ExchangeCohort,
    InvitationLetter,
    InvitationLetterTemplate,
    Placement,
    Signatory,
    SpeechCriterion,
    SpeechEntry,
    SpeechRound,
    SpeechScore,
)
from .services import (
    CohortError,
    attendance_mark,
    attendance_refusal,
    attendance_undo,
    placement_allowances_generate,
)
from .speech_selectors import speech_round_results
from .speech_services import speech_round_advance, speech_round_close, speech_round_publish


def _judge_choices(request):
    """Judges score in the admin, so they are staff; staff pick among their own organization's."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_staff=True, organization__in=organizations_of(request.user))
        .order_by("email")
    )


def _judge_only(request):
    """A judge (programs.roles.JUDGES) who does not also run the contest: only their own rounds."""
    return not request.user.is_superuser and not request.user.has_perm("cohorts.change_speechround")


class RegistrationScopedAdmin(OrganizationScopedAdmin):
    def scoped_queryset(self, request, queryset):
        return queryset.filter(registration__occurrence__in=occurrence_ids_visible_to(request.user))


class AllowanceInline(admin.TabularInline):
    model = AllowancePayment
    extra = 0
    autocomplete_fields = ("payer",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("payer")


@admin.register(Placement)
class PlacementAdmin(HistoryReadOnly, RegistrationScopedAdmin, SimpleHistoryAdmin):
    list_display = (
        "registration",
        "host",
        "training_start",
        "training_end",
        "pretraining_start",
        "insurance_valid_until",
    )
    list_filter = (("registration__occurrence", admin.RelatedOnlyFieldListFilter), "host")
    search_fields = ("registration__participant__family_name", "registration__participant__given_name", "host__name")
    list_select_related = ("registration__participant", "registration__occurrence", "host")
    autocomplete_fields = ("host",)
    raw_id_fields = ("registration",)
    inlines = [AllowanceInline]
    actions = ["generate_allowances"]
    fieldsets = (
        (None, {"fields": ("registration", "host", "department")}),
        (_("Training"), {"fields": (("pretraining_start", "pretraining_end"), ("training_start", "training_end"))}),
        (_("Insurance"), {"fields": ("insurance_provider", "insurance_policy", "insurance_valid_until")}),
        (None, {"fields": ("note",)}),
    )

    @admin.action(description=_("Generate the monthly allowance schedule"), permissions=["change"])
    def generate_allowances(self, request, queryset):
        done = []
        try:
            # All or nothing, like the review actions: one placement refused leaves every schedule as it was.
            with transaction.atomic():
                for placement in queryset.select_related("registration__occurrence__program"):
                    done.append((placement, len(placement_allowances_generate(placement=placement))))
        except CohortError as error:
            self.message_user(request, _("Nothing was changed. %(reason)s") % {"reason": error.message}, messages.ERROR)
            return
        for placement, count in done:
            self.message_user(
                request,
                _("%(placement)s: %(count)s monthly payments scheduled.") % {"placement": placement, "count": count},
                messages.SUCCESS,
            )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Recorded with your name and sent to the holder."),
    )


class RevocableAdmin(RegistrationScopedAdmin):
    """Certificates and letters: a revoke page, the verification state and the PDF in the list.

    Neither is added here: certificates come from the certification ceremony only (so numbers stay
    in sequence), letters from the registrations list's action (which checks every condition).
    Neither is deleted: a document is revoked, and its verification page must keep answering.
    Subclasses name their download URL in `download_url_name`.
    """

    download_url_name = None
    list_filter = (
        ("registration__occurrence", admin.RelatedOnlyFieldListFilter),
        ("verification__revoked_at", admin.EmptyFieldListFilter),
    )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("PDF"))
    def download(self, document):
        if not document.file:
            return _("being built")
        return format_html('<a href="{}">{}</a>', reverse(self.download_url_name, args=[document.pk]), _("Download"))

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path(
                "<path:object_id>/revoke/",
                self.admin_site.admin_view(self.revoke_view),
                name="{}_{}_revoke".format(*info),
            )
        ] + super().get_urls()

    change_form_template = "admin/cohorts/document_change_form.html"

    @admin.display(description=_("state"))
    def state(self, document):
        return _document_state(document)

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        info = self.model._meta.app_label, self.model._meta.model_name
        if obj is not None and not obj.verification.revoked_at and self.has_change_permission(request, obj):
            context["revoke_url"] = reverse("admin:{}_{}_revoke".format(*info), args=[obj.pk])
        if obj is not None:
            context["verification_url"] = verification_url(obj.verification)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def revoke_view(self, request, object_id):
        document = self.get_object(request, object_id)
        if document is None or not self.has_change_permission(request, document):
            raise Http404
        form = RevokeForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                document_revoke(verification=document.verification, by=request.user, reason=form.cleaned_data["reason"])
            except CohortError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(
                    request,
                    _("%(document)s is revoked; its holder is told.") % {"document": document},
                    messages.SUCCESS,
                )
                info = self.model._meta.app_label, self.model._meta.model_name
                return HttpResponseRedirect(reverse("admin:{}_{}_change".format(*info), args=[document.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": document,
            "form": form,
            "title": _("Revoke %(document)s") % {"document": document},
            "holder": document.registration.participant,
            "occurrence": document.registration.occurrence,
        }
        return TemplateResponse(request, "admin/cohorts/revoke.html", context)


@admin.register(Certificate)
class CertificateAdmin(RevocableAdmin, admin.ModelAdmin):
    list_display = ("number", "registration", "issued_on", "rendered_at", "state", "download")
    download_url_name = "cohorts:certificate_download"
    search_fields = ("number", "registration__participant__family_name", "registration__participant__given_name")
    list_select_related = ("registration__participant", "registration__occurrence", "verification__revoked_by")
    readonly_fields = ("registration", "number", "issued_on", "issued_by", "file", "rendered_at", "state")
    fields = readonly_fields


@admin.register(InvitationLetter)
class InvitationLetterAdmin(RevocableAdmin, admin.ModelAdmin):
    list_display = ("reference", "registration", "issued_on", "issued_by", "state", "download")
    download_url_name = "cohorts:letter_download"
    search_fields = ("reference", "registration__participant__family_name", "registration__participant__given_name")
    list_select_related = (
        "registration__participant",
        "registration__occurrence",
        "issued_by",
        "verification__revoked_by",
    )
    readonly_fields = ("registration", "reference", "issued_on", "issued_by", "file", "state")
    fields = readonly_fields


@admin.action(description=_("Issue a visa invitation letter"), permissions=["issue_letter"])
def issue_invitation_letters(modeladmin, request, queryset):
    """A building block for the registrations list: one letter per selected registration, each
    issued or refused on its own (a refusal names the official and the reason)."""
    for registration in queryset.select_related("participant", "occurrence__program"):
        try:
            letter = invitation_letter_issue(registration=registration, by=request.user)
        except CohortError as error:
            modeladmin.message_user(request, error.message, messages.ERROR)
        else:
            modeladmin.message_user(
                request,
                _("Letter %(reference)s issued to %(name)s; its PDF is being built.")
                % {"reference": letter.reference, "name": registration.participant},
                messages.SUCCESS,
            )


def has_issue_letter_permission(request):
    return request.user.has_perm("cohorts.add_invitationletter")


class ProgramDocumentAdmin(OrganizationScopedAdmin, TranslationAdmin):
    def scoped_queryset(self, request, queryset):
        return queryset.filter(program__in=programs_visible_to(request.user).values("pk"))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "program" and not request.user.is_superuser:
            kwargs["queryset"] = programs_visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Signatory)
class SignatoryAdmin(OrganizationScopedAdmin, TranslationAdmin):
    list_display = ("name", "name_native", "title", "organization")
    search_fields = ("name", "name_native", "title")
    autocomplete_fields = ("organization",)

    def scoped_queryset(self, request, queryset):
        return queryset.filter(organization__in=organizations_of(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organization" and not request.user.is_superuser:
            kwargs["queryset"] = organizations_of(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(CertificateDesign)
class CertificateDesignAdmin(ProgramDocumentAdmin):
    list_display = ("program", "title")
    autocomplete_fields = ("issuers", "signatories")


@admin.register(InvitationLetterTemplate)
class InvitationLetterTemplateAdmin(ProgramDocumentAdmin):
    list_display = ("program", "host", "signatory", "reference_prefix")
    autocomplete_fields = ("host", "signatory")


class AttendanceDayForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        registration, day = cleaned.get("registration"), cleaned.get("day")
        if registration is not None and day is not None:
            refusal = attendance_refusal(registration=registration, day=day)
            if refusal:
                raise forms.ValidationError(refusal)
        return cleaned


@admin.register(AttendanceDay)
class AttendanceDayAdmin(RegistrationScopedAdmin, admin.ModelAdmin):
    form = AttendanceDayForm
    list_display = ("registration", "day", "checked_in_at", "checked_in_by")
    list_filter = ("day", ("registration__occurrence", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("registration__participant", "registration__occurrence", "checked_in_by")
    raw_id_fields = ("registration",)
    readonly_fields = ("checked_in_at", "checked_in_by")

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        # The same use case as the check-in page, so the first day also moves the registration to attended.
        attendance = attendance_mark(registration=obj.registration, day=obj.day, by=request.user)
        obj.pk, obj.checked_in_at, obj.checked_in_by = attendance.pk, attendance.checked_in_at, attendance.checked_in_by

    def delete_model(self, request, obj):
        # The check-in page's undo: recorded, and the registration's status follows.
        self._undo(request, [obj])

    def delete_queryset(self, request, queryset):
        self._undo(request, queryset.select_related("registration__participant"))

    def _undo(self, request, attendances):
        try:
            with transaction.atomic():
                for attendance in attendances:
                    attendance_undo(registration=attendance.registration, day=attendance.day, by=request.user)
        except CohortError as error:
            self.message_user(request, _("Nothing was changed. %(reason)s") % {"reason": error.message}, messages.ERROR)


class SpeechEntryInline(ScopedChoices, admin.TabularInline):
    model = SpeechEntry
    extra = 0
    raw_id_fields = ("registration",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("registration__participant")


@admin.register(SpeechCriterion)
class SpeechCriterionAdmin(ProgramDocumentAdmin):
    list_display = ("name", "program", "max_points", "order")
    list_select_related = ("program",)


@admin.register(SpeechRound)
class SpeechRoundAdmin(OrganizationScopedAdmin, admin.ModelAdmin):
    list_display = (
        "occurrence",
        "kind",
        "language",
        "held_on",
        "advance_top",
        "advance_threshold",
        "tie_break",
        "closed_at",
        "results_published_at",
    )
    list_filter = ("kind", "language")
    list_select_related = ("occurrence",)
    autocomplete_fields = ("occurrence",)
    filter_horizontal = ("judges",)
    inlines = [SpeechEntryInline]
    actions = ["advance", "close", "publish"]
    readonly_fields = ("results", "closed_at", "results_published_at")

    def scoped_queryset(self, request, queryset):
        queryset = queryset.filter(occurrence__in=occurrence_ids_visible_to(request.user))
        if _judge_only(request):
            queryset = queryset.filter(judges=request.user)
        return queryset

    def get_fields(self, request, obj=None):
        if _judge_only(request):
            # A judge sees their round, without links to pages their role does not open, and
            # the other judges' scores only once the round is closed.
            return self._judge_fields(obj)
        return super().get_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if _judge_only(request):
            return self._judge_fields(obj)
        return super().get_readonly_fields(request, obj)

    @staticmethod
    def _judge_fields(obj):
        fields = ("occurrence_title", "kind", "language", "held_on", "closed_at")
        return fields + ("results",) if obj is not None and obj.closed_at else fields

    def get_inlines(self, request, obj):
        return [] if _judge_only(request) else super().get_inlines(request, obj)

    @admin.display(description=_("occurrence"))
    def occurrence_title(self, speech_round):
        return speech_round.occurrence.title

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "judges" and not request.user.is_superuser:
            kwargs["queryset"] = _judge_choices(request)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("Results"))
    def results(self, speech_round):
        if not speech_round.pk:
            return "—"
        rows = speech_round_results(round=speech_round)
        return format_html(
            "<ol>{}</ol>",
            format_html_join(
                "",
                "<li>{} — {} ({} {})</li>",
                (
                    (row["participant"], row["mean"] if row["mean"] is not None else "—", row["judges"], _("judges"))
                    for row in rows
                ),
            ),
        )

    @admin.action(description=_("Advance the best contestants to the final"), permissions=["change"])
    def advance(self, request, queryset):
        for speech_round in queryset:
            try:
                final = speech_round_advance(preliminary=speech_round)
            except CohortError as error:
                self.message_user(request, error.message, messages.ERROR)
                continue
            count = final.entries.count()
            self.message_user(
                request,
                ngettext(
                    "%(count)s contestant goes on to the final.", "%(count)s contestants go on to the final.", count
                )
                % {"count": count},
                messages.SUCCESS,
            )

    @admin.action(description=_("Close the round (judges then see every score)"), permissions=["change"])
    def close(self, request, queryset):
        self._each(request, queryset, speech_round_close, _("%(round)s is closed."))

    @admin.action(description=_("Release the results on the public results page"), permissions=["change"])
    def publish(self, request, queryset):
        self._each(request, queryset, speech_round_publish, _("The results of %(round)s are released."))

    def _each(self, request, queryset, service, done):
        for speech_round in queryset:
            try:
                service(round=speech_round)
            except CohortError as error:
                self.message_user(request, f"{speech_round}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, done % {"round": speech_round}, messages.SUCCESS)


@admin.register(SpeechScore)
class SpeechScoreAdmin(OrganizationScopedAdmin, admin.ModelAdmin):
    list_display = ("entry", "judge", "criterion", "score")
    list_filter = (
        ("entry__round__occurrence", admin.RelatedOnlyFieldListFilter),
        "entry__round__kind",
        "entry__round__language",
    )
    list_select_related = ("entry__registration__participant", "entry__round", "judge")

    def scoped_queryset(self, request, queryset):
        queryset = queryset.filter(entry__round__occurrence__in=occurrence_ids_visible_to(request.user))
        if _judge_only(request):
            # A judge sees and changes only their own scores, in the rounds they judge.
            queryset = queryset.filter(judge=request.user, entry__round__judges=request.user)
        return queryset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Contestants have no admin of their own, so ScopedChoices cannot narrow this one.
        if db_field.name == "entry" and not request.user.is_superuser:
            entries = SpeechEntry.objects.filter(round__occurrence__in=occurrence_ids_visible_to(request.user))
            if _judge_only(request):
                entries = entries.filter(round__judges=request.user)
            kwargs["queryset"] = entries.select_related("registration__participant", "round__occurrence")
        if db_field.name == "judge" and not request.user.is_superuser:
            kwargs["queryset"] = (
                _judge_choices(request).filter(pk=request.user.pk) if _judge_only(request) else _judge_choices(request)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        return {"judge": request.user.pk, **super().get_changeform_initial_data(request)}


# Inlines shown on the registration page (participants.admin.RegistrationAdmin).


class PlacementInline(admin.StackedInline):
    model = Placement
    extra = 0
    max_num = 1
    autocomplete_fields = ("host",)
    fields = PlacementAdmin.fieldsets[0][1]["fields"][1:] + (
        ("pretraining_start", "pretraining_end"),
        ("training_start", "training_end"),
        "insurance_provider",
        "insurance_policy",
        "insurance_valid_until",
        "note",
    )


class AttendanceDayInline(admin.TabularInline):
    model = AttendanceDay
    extra = 0
    fields = ("day", "checked_in_at", "checked_in_by")
    readonly_fields = ("day", "checked_in_at", "checked_in_by")
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("checked_in_by")

    def has_add_permission(self, request, obj=None):
        return False


class CertificateInline(admin.TabularInline):
    model = Certificate
    extra = 0
    fields = ("number", "issued_on", "download", "state")
    readonly_fields = ("number", "issued_on", "download", "state")
    can_delete = False
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("verification__revoked_by")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("PDF"))
    def download(self, certificate):
        return CertificateAdmin.download(None, certificate)

    @admin.display(description=_("state"))
    def state(self, certificate):
        return _document_state(certificate)


def _document_state(document):
    """Valid, or revoked with who, when and why: the log staff read."""
    verification = document.verification
    if verification.revoked_at:
        return _("Revoked on %(date)s by %(by)s: %(reason)s") % {
            "date": formats.date_format(timezone.localtime(verification.revoked_at), "SHORT_DATETIME_FORMAT"),
            "by": verification.revoked_by or "—",
            "reason": verification.revoked_reason,
        }
    return _("valid")


class InvitationLetterInline(admin.TabularInline):
    """The registration page's log of letters: who issued each and when, and any revocation."""

    model = InvitationLetter
    extra = 0
    fields = ("reference", "issued_on", "issued_by", "download", "state")
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("issued_by", "verification__revoked_by")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("PDF"))
    def download(self, letter):
        return InvitationLetterAdmin.download(None, letter)

    @admin.display(description=_("state"))
    def state(self, letter):
        return _document_state(letter)


class ExchangeCohortInline(ScopedChoices, admin.TabularInline):
    """The yearly cohorts on an agreement's page (registered by backoffice)."""

    model = ExchangeCohort
    extra = 0
    fields = ("year", "sending", "receiving", "size", "duration_days", "occurrence", "note")
    autocomplete_fields = ("sending", "receiving", "occurrence")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("sending", "receiving", "occurrence")


@admin.register(ExchangeCohort)
class ExchangeCohortAdmin(OrganizationScopedAdmin, admin.ModelAdmin):
    list_display = ("agreement", "year", "sending", "receiving", "size", "duration_days", "occurrence")
    list_filter = ("year",)
    search_fields = ("agreement__title", "sending__name", "receiving__name")
    list_select_related = ("agreement", "sending", "receiving", "occurrence")
    autocomplete_fields = ("agreement", "sending", "receiving", "occurrence")

    def scoped_queryset(self, request, queryset):
        return queryset.filter(agreement__in=agreements_visible_to(request.user).values("pk"))
