import hashlib

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME, ActionForm
from django.contrib.admin.views.main import ChangeList
from django.core.cache import cache
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Concat
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationTabularInline
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname
from simple_history.admin import SimpleHistoryAdmin

from formats.languages import country_name
from programs.access import HistoryReadOnly, OrganizationScopedAdmin, organizations_of
from programs.models import Organization, Program
from workshops.models import Occurrence
from workshops.selectors import occurrence_ids_visible_to

from .answers import answer_file_response
from .errors import RegistrationError
from .models import Participant, ParticipantCategory, Registration, RegistrationStatusChange
from .names import name_fold
from .questionnaire import answers_for_display
from .selectors import participant_countries, registration_countries
from .services import TRANSITIONS, registration_transition, registrations_delete, registrations_transition_bulk

S = Registration.Status

# What staff may do from the admin, as verbs; withdrawing is the official's own act.
REVIEW_ACTIONS = {
    S.UNDER_REVIEW: _("Start review"),
    S.ACCEPTED: _("Accept"),
    S.WAITLISTED: _("Waitlist"),
    S.REJECTED: _("Reject"),
    S.CANCELLED: _("Cancel"),
    S.ATTENDED: _("Mark attended"),
    S.NO_SHOW: _("Mark no-show"),
    S.COMPLETED: _("Complete"),
}


def _search_terms(search_term):
    """The words of an admin search, quotes keeping a phrase together (as Django's own search does)."""
    terms = []
    for bit in smart_split(search_term):
        if bit[:1] in {'"', "'"} and bit[-1:] == bit[:1]:
            bit = unescape_string_literal(bit)
        if bit:
            terms.append(bit)
    return terms


def _in_any_language(field, term):
    query = Q()
    for language in AVAILABLE_LANGUAGES:
        query |= Q(**{f"{build_localized_fieldname(field, language)}__icontains": term})
    return query


def search_key_q(term, relation=""):
    """Officials whose name (either script, either order, diacritics and spaces ignored) or email
    contains `term` (the participant reached through `relation`): one column, `search_key`
    (participants.names), which a trigram index serves on PostgreSQL (migration
    0011_admin_list_indexes), instead of five LIKEs on every row.

    A condition on the row itself, not `pk IN (subquery)`: the database can then walk the list's
    ordering index and stop after a page of matches for a common name ("kim": 1 in 7), and use the
    trigram index for a rare one; the subquery made it collect every match before the first row."""
    folded = name_fold(term)
    if not folded:
        return Q(pk__in=[])
    return Q(**{f"{relation}search_key__contains": folded})


class CountryColumn:
    """The country as its name in the reader's language. The admin's default rendering of a
    CountryField rebuilds the 250 choices for every cell; formats.country_name looks it up once."""

    @admin.display(description=_("country"), ordering="country")
    def country_display(self, obj):
        return country_name(obj.country)


class LeanChangeList(ChangeList):
    """The changelist of LeanRows: each row's link carries the list's filters in its own URL.

    Django adds them per row with `add_preserved_filters`, which resolves every row's URL against
    the whole URLconf (a few milliseconds a row on a busy machine) only to learn that a change
    page is not the changelist; the links come out the same."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.row_filters, self.preserved_filters = self.preserved_filters, ""

    def url_for_result(self, result):
        url = super().url_for_result(result)
        return f"{url}?{self.row_filters}" if self.row_filters else url


class NameSearchChangeList(LeanChangeList):
    """The officials' list: a search sorts its matches by name instead of walking the name index.

    Unsearched, the list walks the (family name, given name) index and stops after a page. Searched,
    PostgreSQL would walk that index too, betting the matches are spread evenly through the names,
    but a search is mostly for a family name, whose matches sit together: "wang" read 85,000 of
    100,000 officials in name order before the first Wang (160 ms, against 30 ms for "chen"). Sorting
    by the names as expressions, which the index does not serve, makes it collect the matches
    through the trigram index and sort them: a cost that follows the number of matches, the same
    order on the page."""

    def get_ordering(self, request, queryset):
        ordering = super().get_ordering(request, queryset)
        if not self.query:
            return ordering
        return [_by_value(field) if field in NAME_ORDER_FIELDS else field for field in ordering]


NAME_ORDER_FIELDS = {"family_name", "-family_name", "given_name", "-given_name"}


def _by_value(field):
    name = field.lstrip("-")
    expression = Concat(F(name), Value(""), output_field=models.CharField())
    return expression.desc() if field.startswith("-") else expression.asc()


class LeanRows:
    """Changelist rows drawn without per-row template or URL work: the selection check box as
    the same HTML Django's widget template renders (one template render per row otherwise), and
    the row links of LeanChangeList. At 100 rows a page this is most of the list's drawing time."""

    def get_changelist(self, request, **kwargs):
        return LeanChangeList

    def action_checkbox(self, obj):
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            ACTION_CHECKBOX_NAME,
            str(obj.pk),
            format_html(_("Select this object for an action - {}"), str(obj)),
        )


class IndexedSearch:
    """Admin search through subqueries that an index serves (see `search_queries`), instead of
    Django's OR of LIKEs across joined tables, which reads every row of every table joined."""

    def search_queries(self, term):
        raise NotImplementedError

    def get_search_results(self, request, queryset, search_term):
        for term in _search_terms(search_term):
            queryset = queryset.filter(self.search_queries(term))
        return queryset, False


class AdminLevelFilter(admin.SimpleListFilter):
    """The nine levels the database allows, without reading every profile for the levels in use."""

    title = _("administrative level")
    parameter_name = "admin_level"

    def lookups(self, request, model_admin):
        return [(str(level), str(level)) for level in range(1, 10)]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        return queryset.filter(admin_level=int(value)) if value in {str(n) for n in range(1, 10)} else queryset.none()


class ParticipantCountryFilter(admin.SimpleListFilter):
    """The countries of the officials this staff member can see, not the 250 of the country list.

    Superusers': a skip scan of the country index (participants.selectors), as cheap at 100,000
    officials as at 100. Program staff's: the countries of their officials, kept in the cache for a
    few minutes per scope (a country that appears meanwhile is listed once it expires; choosing it
    by its link filters at once)."""

    title = _("country")
    parameter_name = "country"
    cache_seconds = 300

    def lookups(self, request, model_admin):
        if request.user.is_superuser:
            codes = participant_countries()
        else:
            # The scope: the organization (its tree) and the occurrences it manages.
            scope = f"{request.user.organization_id}:{sorted(occurrence_ids_visible_to(request.user))}"
            key = "admin:participant-countries:" + hashlib.sha256(scope.encode()).hexdigest()
            codes = cache.get(key)
            if codes is None:
                codes = participant_countries(model_admin.get_queryset(request))
                cache.set(key, codes, self.cache_seconds)
        return sorted(((code, country_name(code)) for code in codes), key=lambda pair: pair[1])

    def queryset(self, request, queryset):
        return queryset.filter(country=self.value()) if self.value() else queryset


@admin.register(Participant)
class ParticipantAdmin(
    LeanRows, CountryColumn, IndexedSearch, HistoryReadOnly, OrganizationScopedAdmin, SimpleHistoryAdmin
):
    list_display = (
        "romanized",
        "native",
        "country_display",
        "organization",
        "position",
        "admin_level",
        "email",
        "is_sample",
    )
    list_filter = (ParticipantCountryFilter, AdminLevelFilter, "preferred_language", "is_sample")
    search_fields = (
        "family_name",
        "given_name",
        "family_name_native",
        "given_name_native",
        "email",
        "organization__name",
    )
    # What the search reads (search_queries): the name in any script and either order, accents
    # optional, and the email (all in `search_key`), or the organization's name in any language.
    search_help_text = _("Search by name (in any script, either order, accents optional), email or organization.")
    # The organization of the page's officials in a query of its own (prefetch), not joined: a
    # search sorts its matches (NameSearchChangeList), and every row joined to the organization's
    # names in every language made that sort carry rows twenty times as wide.
    list_select_related = ()
    autocomplete_fields = ("organization", "user")
    show_full_result_count = False

    def get_changelist(self, request, **kwargs):
        return NameSearchChangeList

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("organization")

    def search_queries(self, term):
        # The organizations are few: read their ids first, so that a term naming none (a person's
        # name, the usual search) leaves one condition the trigram or the name index serves.
        query = search_key_q(term)
        organizations = list(Organization.objects.filter(_in_any_language("name", term)).values_list("pk", flat=True))
        return query | Q(organization_id__in=organizations) if organizations else query

    @admin.display(description=_("romanized name"), ordering="family_name")
    def romanized(self, participant):
        return participant.romanized_name

    @admin.display(description=_("native name"), ordering="family_name_native")
    def native(self, participant):
        return participant.native_name

    def get_readonly_fields(self, request, obj=None):
        # The account decides who sees the profile's registrations and certificates; it is linked
        # when the official verifies their email (participants.self_service), not by staff.
        readonly = super().get_readonly_fields(request, obj)
        return readonly if request.user.is_superuser else (*readonly, "user")

    def scoped_queryset(self, request, queryset):
        # Officials who work for the staff member's organization, or who applied to one of their
        # occurrences. The organization first: the database checks it row by row and builds the
        # set of applicants only when a row is not of the organization.
        applied = Registration.objects.filter(occurrence_id__in=occurrence_ids_visible_to(request.user))
        return queryset.filter(
            Q(organization__in=organizations_of(request.user)) | Q(pk__in=applied.values("participant_id"))
        )


class ParticipantCategoryInline(TranslationTabularInline):
    """An occurrence's participant categories, on its admin page (backoffice composes it there).
    A category's own registration form is built under Registration forms."""

    model = ParticipantCategory
    extra = 0
    fields = ("name", "order", "capacity", "seats_taken", "needs_review", "badge_colour")
    readonly_fields = ("seats_taken",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "badge_colour":
            field.widget = forms.TextInput(attrs={"type": "color"})
        return field


class StatusChangeInline(admin.TabularInline):
    model = RegistrationStatusChange
    extra = 0
    can_delete = False
    readonly_fields = ("from_status", "to_status", "changed_by", "changed_at", "note_shown")
    fields = ("from_status", "to_status", "changed_by", "changed_at", "note_shown")

    @admin.display(description=_("note"))
    def note_shown(self, change):
        return change.note_display

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by", "registration__occurrence")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReviewActionForm(ActionForm):
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class CountryInScopeFilter(admin.SimpleListFilter):
    """Only the countries that occur among the registrations this staff member can see."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        occurrence_ids = None if request.user.is_superuser else occurrence_ids_visible_to(request.user)
        codes = registration_countries(occurrence_ids=occurrence_ids)
        return sorted(((code, country_name(code)) for code in codes), key=lambda pair: pair[1])

    def queryset(self, request, queryset):
        return queryset.filter(country=self.value()) if self.value() else queryset


class ProgramInScopeFilter(admin.SimpleListFilter):
    """The programs of the occurrences this staff member manages: read from the few occurrences,
    not from the registrations."""

    title = _("program")
    parameter_name = "program"

    def lookups(self, request, model_admin):
        visible = Occurrence.objects.all()
        if not request.user.is_superuser:
            visible = visible.filter(pk__in=occurrence_ids_visible_to(request.user))
        programs = Program.objects.filter(pk__in=visible.values("program_id"))
        return [(str(program.pk), str(program)) for program in programs]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if not value.isdigit():
            return queryset.none()
        return queryset.filter(occurrence__program_id=int(value))


def _review_action(to_status, label):
    def action(modeladmin, request, queryset):
        modeladmin.transition_many(request, queryset, to_status)

    action.__name__ = f"make_{to_status}"
    action.short_description = label
    action.allowed_permissions = ("change",)
    return action


class RegistrationReviewAdmin(
    LeanRows, CountryColumn, IndexedSearch, HistoryReadOnly, OrganizationScopedAdmin, SimpleHistoryAdmin
):
    """Review of registrations: the status actions and buttons, the history, the scope.

    backoffice registers it with what the features add (placements, attendance, certificates,
    delegate-list import and roster export)."""

    list_display = (
        "participant",
        "occurrence",
        "category",
        "country_display",
        "status",
        "submitted_at",
        "decided_at",
        "is_sample",
    )
    # No filter reads the registrations to offer its choices, and no date hierarchy (which reads
    # every row's date): at 100,000 registrations the page costs what it costs at 100.
    list_filter = (
        "status",
        ProgramInScopeFilter,
        CountryInScopeFilter,
        "submitted_at",
        "is_sample",
    )
    search_fields = (
        "participant__family_name",
        "participant__given_name",
        "participant__family_name_native",
        "participant__given_name_native",
        "participant__email",
        "occurrence__title",
    )
    # What the search reads (search_queries): the official's name in any script and either order,
    # accents optional, and email (all in `search_key`), or the occurrence's title in any language.
    search_help_text = _("Search by name (in any script, either order, accents optional), email or occurrence title.")
    list_select_related = ("participant", "occurrence", "category")
    # The newest first, by an index (Meta.ordering would sort by occurrence, hence program, first).
    ordering = ("-submitted_at", "-pk")
    show_full_result_count = False
    # Status changes go through the review actions (participants.services), never a raw edit;
    # moving a registration to another occurrence or country would falsify the seat counts.
    readonly_fields = (
        "participant",
        "occurrence",
        "country",
        "status",
        "submitted_at",
        "decided_at",
        "consent_given_at",
        # A nominee's registration: the allocation their focal point nominated them into, and who.
        "allocation",
        "nominated_by",
        # Its seats are counted with the occurrence's: set when the official registers, not edited.
        "category",
        "answers_shown",
    )
    inlines = [StatusChangeInline]
    action_form = ReviewActionForm
    actions = [_review_action(status, label) for status, label in REVIEW_ACTIONS.items()]
    change_form_template = "admin/participants/registration/change_form.html"

    def scoped_queryset(self, request, queryset):
        return queryset.filter(occurrence_id__in=occurrence_ids_visible_to(request.user))

    def search_queries(self, term):
        # As for officials: the few occurrences whose title matches are read first, so that a
        # name alone leaves one condition on the participant the page's join already reads.
        query = search_key_q(term, "participant__")
        occurrences = list(Occurrence.objects.filter(_in_any_language("title", term)).values_list("pk", flat=True))
        return query | Q(occurrence_id__in=occurrences) if occurrences else query

    @admin.display(description=_("answers"))
    def answers_shown(self, registration):
        """The answers with their questions' labels; an uploaded file links to its download."""
        rows = answers_for_display(registration.occurrence, registration.answers, category=registration.category)
        if not rows:
            return "-"
        return format_html(
            '<dl class="registration-answers">{}</dl>',
            format_html_join(
                "",
                '<dt>{}</dt><dd data-answer="{}">{}</dd>',
                (
                    (
                        label,
                        key,
                        format_html(
                            '<a href="{}">{}</a>',
                            reverse("admin:participants_registration_answer_file", args=[registration.pk, key]),
                            value,
                        )
                        if is_file
                        else value,
                    )
                    for key, label, value, is_file in rows
                ),
            ),
        )

    def answer_file_view(self, request, object_id, key):
        """An uploaded answer, for staff who may see the registration (its occurrence's staff)."""
        registration = self.get_object(request, object_id)
        if registration is None or not self.has_view_permission(request, registration):
            raise Http404
        return answer_file_response(registration=registration, key=key)

    def delete_model(self, request, obj):
        registrations_delete(registrations=[obj], by=request.user)

    def delete_queryset(self, request, queryset):
        registrations_delete(registrations=queryset, by=request.user)

    def has_add_permission(self, request):
        # Registrations come from the officials' form (registration_submit) or a roster import.
        return False

    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/transition/",
                self.admin_site.admin_view(self.transition_view),
                name="participants_registration_transition",
            ),
            path(
                "<path:object_id>/answers/<slug:key>/",
                self.admin_site.admin_view(self.answer_file_view),
                name="participants_registration_answer_file",
            ),
        ]
        return urls + super().get_urls()

    def _note(self, request):
        return (request.POST.get("note") or "").strip()[:500]

    def transition_many(self, request, queryset, to_status):
        registrations = list(queryset.select_related("participant"))
        try:
            registrations_transition_bulk(
                registrations=registrations, to_status=to_status, by=request.user, note=self._note(request)
            )
        except RegistrationError as error:
            who = f"{error.registration.participant}: " if error.registration is not None else ""
            self.message_user(
                request,
                _("Nothing was changed. %(who)s%(reason)s") % {"who": who, "reason": error.message},
                messages.ERROR,
            )
            return
        self.message_user(
            request,
            ngettext(
                "%(count)s registration is now %(status)s.",
                "%(count)s registrations are now %(status)s.",
                len(registrations),
            )
            % {"count": len(registrations), "status": S(to_status).label.lower()},
            messages.SUCCESS,
        )

    def transition_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        registration = self.get_object(request, object_id)
        if registration is None or not self.has_view_permission(request, registration):
            raise Http404
        if not self.has_change_permission(request, registration):
            raise Http404
        to_status = request.POST.get("to_status", "")
        if to_status not in REVIEW_ACTIONS:
            self.message_user(request, _("Unknown status."), messages.ERROR)
        else:
            try:
                registration_transition(
                    registration=registration, to_status=to_status, by=request.user, note=self._note(request)
                )
            except RegistrationError as error:
                self.message_user(
                    request, _("Nothing was changed. %(reason)s") % {"reason": error.message}, messages.ERROR
                )
            else:
                self.message_user(
                    request,
                    _("The registration is now %(status)s.") % {"status": S(to_status).label.lower()},
                    messages.SUCCESS,
                )
        return HttpResponseRedirect(reverse("admin:participants_registration_change", args=[registration.pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        registration = self.get_object(request, object_id)
        if registration is not None:
            extra_context["review_buttons"] = [
                (status.value, label)
                for status, label in REVIEW_ACTIONS.items()
                if status in TRANSITIONS[S(registration.status)]
            ]
            extra_context["can_review"] = self.has_change_permission(request, registration)
        return super().change_view(request, object_id, form_url, extra_context)


from . import form_admin, travel_admin  # noqa: E402, F401 - registration forms; hotels, rooms and travel details
