"""The read-only open-data API: organizations, programs, occurrences with their agenda, public
agreements and participation counts. No personal data: agreements give signatories' names and
titles as the registry publishes them, statistics only counts (with the small-count rule).
Content is in the language of ?lang= or Accept-Language; any origin may read (CORS)."""

from django.conf import settings
from django.db.models import Prefetch, Q
from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django_countries import countries
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView

from aftercare.models import BestPractice
from programs.models import Agreement, AgreementSignatory, Organization, Program
from workshops.models import AgendaItem, Occurrence

from . import selectors

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
LANG = OpenApiParameter("lang", str, enum=LANGUAGE_CODES, description="Language of the content (else Accept-Language).")


def _param(name, kind=str, description=""):
    return OpenApiParameter(name, kind, description=description)


class OpenDataMixin:
    """?lang= over Accept-Language, readable from any origin, and filters that refuse bad values."""

    def dispatch(self, request, *args, **kwargs):
        lang = request.GET.get("lang", "")
        with translation.override(lang if lang in LANGUAGE_CODES else translation.get_language()):
            response = super().dispatch(request, *args, **kwargs)
            # Render inside the language, so lazily translated labels come out in it.
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        response["Access-Control-Allow-Origin"] = "*"
        response["Vary"] = "Accept-Language, Origin"
        return response

    def query(self, name):
        return self.request.query_params.get(name, "").strip()

    def year_param(self):
        raw = self.query("year")
        if not raw:
            return None
        if not raw.isdigit() or not 1900 <= int(raw) <= 2100:
            raise ValidationError({"year": ["A year between 1900 and 2100."]})
        return int(raw)

    def country_param(self):
        code = self.query("country").upper()
        if code and not countries.name(code):
            raise ValidationError({"country": ["An ISO 3166 country code such as KR."]})
        return code

    def choice_param(self, name, choices):
        value = self.query(name)
        if value and value not in dict(choices):
            raise ValidationError({name: [f"One of: {', '.join(dict(choices))}."]})
        return value


class OrganizationSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code")
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Organization
        fields = ["slug", "name", "name_native", "acronym", "kind", "country", "parent", "website"]


class ProgramSerializer(serializers.ModelSerializer):
    hosts = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Program
        fields = ["slug", "name", "kind", "summary", "description", "schedule_note", "audience", "since_year", "hosts"]


class AgendaItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgendaItem
        fields = ["kind", "title", "description", "speaker", "speaker_title", "day", "last_day", "starts_at", "ends_at"]


class OccurrenceSerializer(serializers.ModelSerializer):
    program = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    hosts = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    country = serializers.CharField(source="country.code")
    date = serializers.CharField(source="date_display")
    agenda = AgendaItemSerializer(source="agenda_items", many=True, read_only=True)

    class Meta:
        model = Occurrence
        fields = [
            "slug",
            "program",
            "number",
            "title",
            "theme",
            "details",
            "year",
            "start_date",
            "end_date",
            "date_precision",
            "date",
            "location",
            "country",
            "hosts",
            "capacity",
            "is_sample",
            "agenda",
        ]


class SignatorySerializer(serializers.ModelSerializer):
    organization = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = AgreementSignatory
        fields = ["role", "name", "name_native", "title", "organization"]


class AgreementSerializer(serializers.ModelSerializer):
    parties = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    builds_on = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    program = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    signatories = SignatorySerializer(many=True, read_only=True)

    class Meta:
        model = Agreement
        fields = [
            "slug",
            "kind",
            "title",
            "description",
            "terms",
            "parties",
            "signed_on",
            "signed_on_precision",
            "place",
            "builds_on",
            "program",
            "cohort_size",
            "cohort_duration_days",
            "alternates_yearly",
            "first_exchange_year",
            "signatories",
        ]


@extend_schema_view(
    list=extend_schema(parameters=[LANG, _param("country"), _param("kind")]), retrieve=extend_schema(parameters=[LANG])
)
class OrganizationViewSet(OpenDataMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = OrganizationSerializer
    lookup_field = "slug"

    def get_queryset(self):
        organizations = Organization.objects.select_related("parent").order_by("slug")
        if self.action == "list":
            if country := self.country_param():
                organizations = organizations.filter(country=country)
            if kind := self.choice_param("kind", Organization.Kind.choices):
                organizations = organizations.filter(kind=kind)
        return organizations


@extend_schema_view(
    list=extend_schema(
        parameters=[LANG, _param("kind"), _param("country", description="Programs open to officials of this country.")]
    ),
    retrieve=extend_schema(parameters=[LANG]),
)
class ProgramViewSet(OpenDataMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ProgramSerializer
    lookup_field = "slug"

    def get_queryset(self):
        programs = Program.objects.filter(is_active=True).prefetch_related("hosts").order_by("slug")
        if self.action == "list":
            if kind := self.choice_param("kind", Program.Kind.choices):
                programs = programs.filter(kind=kind)
            if country := self.country_param():
                programs = programs.filter(pk__in=[p.pk for p in programs if p.admits_country(country)])
        return programs


@extend_schema_view(
    list=extend_schema(
        parameters=[LANG, _param("program"), _param("country", description="Host country."), _param("year", int)]
    ),
    retrieve=extend_schema(parameters=[LANG]),
)
class OccurrenceViewSet(OpenDataMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = OccurrenceSerializer
    lookup_field = "slug"

    def get_queryset(self):
        occurrences = (
            Occurrence.objects.select_related("program")
            .prefetch_related("hosts", Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("day", "order")))
            .order_by("program__slug", "year", "number", "start_date", "pk")
        )
        if self.action == "list":
            if program := self.query("program"):
                occurrences = occurrences.filter(program__slug=program)
            if country := self.country_param():
                occurrences = occurrences.filter(country=country)
            if (year := self.year_param()) is not None:
                occurrences = occurrences.filter(Q(year=year) | Q(year__isnull=True, start_date__year=year))
        return occurrences


@extend_schema_view(
    list=extend_schema(parameters=[LANG, _param("kind"), _param("country"), _param("year", int)]),
    retrieve=extend_schema(parameters=[LANG]),
)
class AgreementViewSet(OpenDataMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = AgreementSerializer
    lookup_field = "slug"

    def get_queryset(self):
        if self.action != "list":
            return selectors.public_agreements().prefetch_related("parties", "signatories__organization")
        return (
            selectors.agreements_matching(
                kind=self.choice_param("kind", Agreement.Kind.choices),
                country=self.country_param(),
                year=self.year_param(),
            )
            .prefetch_related("signatories__organization")
            .select_related("builds_on", "program")
        )


class StatisticSerializer(serializers.Serializer):
    program = serializers.CharField()
    occurrence = serializers.CharField()
    year = serializers.IntegerField(allow_null=True)
    country = serializers.CharField(help_text="ISO code; empty for a figure not broken down by country.")
    participants = serializers.CharField(help_text='A count, or "<3" where the small-count rule hides it.')


@extend_schema(
    parameters=[LANG, _param("program"), _param("country"), _param("year", int)],
    responses=StatisticSerializer(many=True),
)
class StatisticsView(OpenDataMixin, ListAPIView):
    """Participants per occurrence and country: recorded figures of past editions, otherwise the
    registrations holding a seat; a country's count below 3 from registrations is "<3"."""

    serializer_class = StatisticSerializer

    def get_queryset(self):
        program = None
        if slug := self.query("program"):
            program = Program.objects.filter(slug=slug).first()
            if program is None:
                raise ValidationError({"program": ["No program has this slug."]})
        country, year = self.country_param(), self.year_param()
        rows = []
        for row in selectors.participation(program=program):
            if year is not None and row.year != year:
                continue
            for code, figure in row.by_country.items():
                if country and code != country:
                    continue
                rows.append(
                    {
                        "program": row.occurrence.program.slug,
                        "occurrence": row.occurrence.slug,
                        "year": row.year,
                        "country": code,
                        "participants": str(figure),
                    }
                )
        return rows


def api_not_found(request, *args, **kwargs):
    response = JsonResponse({"detail": "Not found."}, status=404)
    response["Access-Control-Allow-Origin"] = "*"
    return response


class BestPracticeSerializer(serializers.ModelSerializer):
    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    area_name = serializers.CharField(source="area.name")
    country = serializers.CharField(source="country.code")
    file = serializers.SerializerMethodField()

    class Meta:
        model = BestPractice
        fields = ["id", "title", "summary", "language", "country", "area", "area_name", "year", "file"]

    def get_file(self, report) -> str:
        if not report.file:
            return ""
        return self.context["request"].build_absolute_uri(reverse("aftercare:library_file", args=[report.pk]))


@extend_schema_view(
    list=extend_schema(parameters=[LANG, _param("area"), _param("country"), _param("year", int)]),
    retrieve=extend_schema(parameters=[LANG]),
)
class BestPracticeViewSet(OpenDataMixin, viewsets.ReadOnlyModelViewSet):
    """The best-practice library's published reports (aftercare), each in the language it was written in."""

    serializer_class = BestPracticeSerializer

    def get_queryset(self):
        reports = BestPractice.objects.filter(is_published=True).select_related("area").order_by("-year", "pk")
        if self.action == "list":
            if area := self.query("area"):
                reports = reports.filter(area__slug=area)
            if country := self.country_param():
                reports = reports.filter(country=country)
            if year := self.year_param():
                reports = reports.filter(year=year)
        return reports
