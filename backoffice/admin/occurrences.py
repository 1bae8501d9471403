"""The occurrence page: its fields, agenda, quotas, delegations and recorded figures, with the
seat rules (participants), the dashboard, badges and certification ceremony (cohorts)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from cohorts.pdf import badges_pdf
from cohorts.selectors import occurrence_dashboard
from cohorts.services import CohortError, ceremony_plan, ceremony_refusal, certification_ceremony_hold
from delegations.models import Nomination
from delegations.selectors import allocation_figures, allocation_nominations
from delegations.tasks import send_delegation_reminders
from delegations.views import letter_response
from formats.languages import country_name
from participants.admin import ParticipantCategoryInline
from participants.errors import RegistrationError
from participants.models import Registration, SystemNote
from participants.services import occurrence_seats_recount, seats_held
from programs.access import HistoryReadOnly, OrganizationScopedAdmin
from programs.coverage import TranslationCoverageAdmin
from workshops.admin import AgendaItemInline, DelegationInline, RecordedParticipationInline
from workshops.editions import EditionError, edition_create_next
from workshops.models import CountryQuota, Occurrence
from workshops.selectors import occurrences_visible_to


def _seats_taken_message(taken):
    return ngettext(
        "%(count)s seat is taken already; the capacity cannot be lower.",
        "%(count)s seats are taken already; the capacity cannot be lower.",
        taken,
    ) % {"count": taken}


class OccurrenceAdminForm(forms.ModelForm):
    def clean_capacity(self):
        capacity = self.cleaned_data.get("capacity")
        taken = seats_held(occurrence_id=self.instance.pk) if self.instance.pk else 0
        if capacity is not None and capacity < taken:
            raise forms.ValidationError(_seats_taken_message(taken))
        return capacity


class CountryQuotaForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        country, organization, seats = cleaned.get("country"), cleaned.get("organization"), cleaned.get("seats")
        if bool(country) == bool(organization):
            raise forms.ValidationError(_("Give either a country or a sending organization, not both."))
        if self.instance.pk and seats is not None:
            nominated = self.instance.seats_nominated
            if seats < nominated:
                self.add_error(
                    "seats",
                    ngettext(
                        "%(count)s seat is nominated already; the allocation cannot be lower.",
                        "%(count)s seats are nominated already; the allocation cannot be lower.",
                        nominated,
                    )
                    % {"count": nominated},
                )
        if self.instance.occurrence_id and country and not organization and seats is not None:
            taken = seats_held(occurrence_id=self.instance.occurrence_id, country=str(country))
            if seats < taken:
                self.add_error(
                    "seats",
                    ngettext(
                        "%(count)s seat is taken by %(country)s already; the quota cannot be lower.",
                        "%(count)s seats are taken by %(country)s already; the quota cannot be lower.",
                        taken,
                    )
                    % {"count": taken, "country": country_name(country)},
                )
        return cleaned


class CountryQuotaInline(admin.TabularInline):
    model = CountryQuota
    form = CountryQuotaForm
    extra = 0
    fields = (
        "country",
        "organization",
        "seats",
        "seats_taken",
        "seats_nominated",
        "nomination_deadline",
        "substitution_deadline",
    )
    readonly_fields = ("seats_taken", "seats_nominated")
    autocomplete_fields = ("organization",)


@admin.register(Occurrence)
class OccurrenceAdmin(
    TranslationCoverageAdmin, HistoryReadOnly, OrganizationScopedAdmin, SimpleHistoryAdmin, TranslationAdmin
):
    coverage_related = ("agenda_items", "delegations", "participant_categories")
    list_display = (
        "title",
        "program",
        "number",
        "date_display",
        "location",
        "capacity",
        "seats_taken",
        "admission",
        "is_cancelled",
        "is_sample",
    )
    list_filter = (("program", admin.RelatedOnlyFieldListFilter), "admission", "is_cancelled", "is_sample", "year")
    search_fields = ("title", "title_ko", "title_zh_hans", "title_ja", "location", "slug")
    list_select_related = ("program",)
    autocomplete_fields = ("program", "hosts")
    readonly_fields = ("seats_taken",)
    inlines = [
        AgendaItemInline,
        CountryQuotaInline,
        ParticipantCategoryInline,
        DelegationInline,
        RecordedParticipationInline,
    ]
    prepopulated_fields = {"slug": ("title_en",)}
    date_hierarchy = "start_date"
    change_form_template = "admin/workshops/occurrence/change_form.html"
    form = OccurrenceAdminForm
    actions = ["next_edition"]

    def scoped_queryset(self, request, queryset):
        return queryset.filter(pk__in=occurrences_visible_to(request.user).values("pk"))

    # Program staff hold change, not add, on occurrences: proposing the next edition of their own
    # program is part of running it.
    @admin.action(description=_("Propose the next edition (next host of the rotation)"), permissions=["change"])
    def next_edition(self, request, queryset):
        created = None
        for program in {occurrence.program for occurrence in queryset}:
            try:
                created = edition_create_next(program=program)
            except EditionError as error:
                self.message_user(request, f"{program}: {error.message}", messages.ERROR)
                continue
            self.message_user(
                request,
                _("Edition %(number)s of %(program)s is proposed in %(country)s; check its dates and venue.")
                % {"number": created.number, "program": program, "country": country_name(created.country)},
                messages.SUCCESS,
            )
        if created is not None:
            return HttpResponseRedirect(reverse("admin:workshops_occurrence_change", args=[created.pk]))
        return None

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A quota added for a country that already holds seats starts at zero; count them now.
        occurrence_seats_recount(occurrence_id=form.instance.pk, by=request.user)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/badges.pdf", wrap(self.badges_view), name="workshops_occurrence_badges"),
            path("<path:object_id>/ceremony/", wrap(self.ceremony_view), name="workshops_occurrence_ceremony"),
            path("<path:object_id>/delegations/", wrap(self.delegations_view), name="workshops_occurrence_delegations"),
            path(
                "<path:object_id>/delegations/letters/<int:nomination_pk>/",
                wrap(self.delegation_letter_view),
                name="workshops_occurrence_delegation_letter",
            ),
        ] + super().get_urls()

    def _occurrence_or_404(self, request, object_id):
        occurrence = self.get_object(request, object_id)
        if occurrence is None or not self.has_view_permission(request, occurrence):
            raise Http404
        return occurrence

    def badges_view(self, request, object_id):
        occurrence = self._occurrence_or_404(request, object_id)
        if not request.user.has_perm("participants.view_registration"):
            raise PermissionDenied
        registrations = (
            Registration.objects.filter(
                occurrence=occurrence, status__in=[Registration.Status.ACCEPTED, Registration.Status.ATTENDED]
            )
            .select_related("participant__organization", "category")
            .order_by("country", "participant__family_name", "participant__given_name")
        )
        response = HttpResponse(
            badges_pdf(occurrence=occurrence, registrations=registrations), content_type="application/pdf"
        )
        response["Content-Disposition"] = f'inline; filename="badges-{occurrence.slug}.pdf"'
        return response

    def ceremony_view(self, request, object_id):
        """A confirmation page: who completes and who does not; holding it is refused before the last day."""
        occurrence = self._occurrence_or_404(request, object_id)
        if not (
            self.has_change_permission(request, occurrence)
            and request.user.has_perm("participants.change_registration")
        ):
            raise Http404
        change_url = reverse("admin:workshops_occurrence_change", args=[occurrence.pk])
        if request.method == "POST":
            expected = {int(pk) for pk in request.POST.getlist("completing") if pk.isdigit()}
            try:
                issued = certification_ceremony_hold(
                    occurrence=occurrence,
                    by=request.user,
                    note=SystemNote(gettext_noop("Certification ceremony")),
                    expected=expected,
                )
            except (RegistrationError, CohortError) as error:
                self.message_user(request, error.message, messages.ERROR)
                return HttpResponseRedirect(request.path)
            self.message_user(
                request,
                ngettext(
                    "%(count)s certificate issued; its PDF is being built.",
                    "%(count)s certificates issued; the PDFs are being built.",
                    len(issued),
                )
                % {"count": len(issued)},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": occurrence,
            "title": _("Certification ceremony: %(occurrence)s") % {"occurrence": occurrence.title},
            "refusal": ceremony_refusal(occurrence=occurrence),
            "plan": ceremony_plan(occurrence=occurrence),
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/workshops/occurrence/ceremony.html", context)

    def delegations_view(self, request, object_id):
        """Each sending organization's allocation and how far its delegation is; reminders on request."""
        if not request.user.has_perm("delegations.view_focalpoint"):
            raise PermissionDenied
        occurrence = self._occurrence_or_404(request, object_id)
        if request.method == "POST":
            if not self.has_change_permission(request, occurrence):
                raise Http404
            send_delegation_reminders.delay_on_commit(occurrence_id=occurrence.pk, user_id=request.user.pk)
            self.message_user(
                request,
                _("Reminders are being sent to focal points and to nominees who have not registered."),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:workshops_occurrence_delegations", args=[occurrence.pk]))
        rows = allocation_figures(occurrence_id=occurrence.pk)
        nominations = {}
        for nomination in allocation_nominations(occurrence_id=occurrence.pk):
            nominations.setdefault(nomination.allocation_id, []).append(nomination)
        for row in rows:
            row["nominations"] = nominations.get(row["allocation"].pk, [])
        totals = {
            key: sum(row[key] for row in rows)
            for key in ("seats", "nominated", "registered", "accepted", "missing_letters", "missing_travel")
        }
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": occurrence,
            "title": _("Delegations: %(title)s") % {"title": occurrence.title},
            "rows": rows,
            "totals": totals,
            "can_remind": self.has_change_permission(request, occurrence),
        }
        return TemplateResponse(request, "admin/workshops/occurrence/delegations.html", context)

    def delegation_letter_view(self, request, object_id, nomination_pk):
        occurrence = self._occurrence_or_404(request, object_id)
        nomination = get_object_or_404(Nomination, pk=nomination_pk, allocation__occurrence=occurrence)
        return letter_response(nomination)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        occurrence = self.get_object(request, object_id)
        if occurrence is not None:
            extra_context["dashboard"] = occurrence_dashboard(occurrence=occurrence)
        return super().change_view(request, object_id, form_url, extra_context)
