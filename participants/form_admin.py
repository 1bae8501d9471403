"""Staff build registration forms in the admin: a form (per program, or per occurrence) with its
sections; a section with its questions; a question with its choices. Each page links the next
level; labels, help texts and choices have a box per language (django-modeltranslation)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from programs.access import OrganizationScopedAdmin, programs_visible_to
from workshops.selectors import occurrences_visible_to

from .category_models import ParticipantCategory
from .form_models import FILE_KINDS, Question, QuestionChoice, QuestionSection, QuestionSet

# Keys the registration form uses for itself.
RESERVED_KEYS = {"consent"}


def _sets_visible_to(user):
    if user.is_superuser:
        return QuestionSet.objects.all()
    return QuestionSet.objects.filter(
        Q(program__in=programs_visible_to(user).values("pk"))
        | Q(occurrence__in=occurrences_visible_to(user).values("pk"))
        | Q(category__occurrence__in=occurrences_visible_to(user).values("pk"))
    )


class _ConditionChoices:
    """A condition names a question of the same form (the object's own form once it has one)."""

    def _question_set_id(self, request, obj):
        return None

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "condition_question":
            queryset = Question.objects.filter(section__question_set__in=_sets_visible_to(request.user))
            set_id = getattr(request, "_question_set_id", None)
            if set_id is not None:
                queryset = queryset.filter(section__question_set_id=set_id)
            kwargs["queryset"] = queryset.select_related("section")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def _check_condition(obj, question_set_id):
    question = obj.condition_question
    if question is None:
        return
    if question.section.question_set_id != question_set_id:
        raise ValidationError({"condition_question": _("Choose a question of this form.")})
    if isinstance(obj, Question) and obj.pk is not None and question.pk == obj.pk:
        raise ValidationError({"condition_question": _("A question cannot depend on itself.")})
    if not obj.condition_value:
        raise ValidationError({"condition_value": _("Say which answer shows it.")})


class SectionForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        set_id = self.instance.question_set_id or getattr(cleaned.get("question_set"), "pk", None)
        self.instance.condition_question = cleaned.get("condition_question")
        self.instance.condition_value = cleaned.get("condition_value", "")
        _check_condition(self.instance, set_id)
        return cleaned


class SectionInline(_ConditionChoices, TranslationStackedInline):
    model = QuestionSection
    form = SectionForm
    extra = 1
    fields = ("order", "title", "help_text", "condition_question", "condition_value")
    show_change_link = True


@admin.register(QuestionSet)
class QuestionSetAdmin(OrganizationScopedAdmin, admin.ModelAdmin):
    list_display = ("__str__", "program", "occurrence", "category", "updated_at")
    search_fields = ("program__name", "occurrence__title", "category__occurrence__title")
    list_select_related = ("program", "occurrence", "category__occurrence")
    autocomplete_fields = ("program", "occurrence")
    inlines = [SectionInline]

    def scoped_queryset(self, request, queryset):
        return queryset.filter(pk__in=_sets_visible_to(request.user).values("pk"))

    def get_form(self, request, obj=None, **kwargs):
        request._question_set_id = obj.pk if obj else -1
        return super().get_form(request, obj, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "category":
            # A category's form: only of the categories of occurrences this staff member manages.
            categories = ParticipantCategory.objects.select_related("occurrence")
            if not request.user.is_superuser:
                categories = categories.filter(occurrence__in=occurrences_visible_to(request.user).values("pk"))
            kwargs["queryset"] = categories
            field = super().formfield_for_foreignkey(db_field, request, **kwargs)
            field.label_from_instance = lambda category: f"{category.occurrence} · {category}"
            return field
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class QuestionForm(forms.ModelForm):
    file_types = forms.MultipleChoiceField(
        label=_("file types"),
        required=False,
        choices=list(FILE_KINDS.items()),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For a file upload; every kind when none is ticked. Checked by the file's content."),
    )

    class Meta:
        model = Question
        fields = ("section", "key", "condition_question", "condition_value")

    def clean_key(self):
        key = self.cleaned_data["key"]
        if key in RESERVED_KEYS:
            raise ValidationError(_("This key is used by the form itself; choose another."))
        return key

    def clean(self):
        cleaned = super().clean()
        section = cleaned.get("section") or getattr(self.instance, "section", None)
        key = cleaned.get("key")
        if section is not None and key:
            taken = Question.objects.filter(section__question_set_id=section.question_set_id, key=key)
            if self.instance.pk:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error("key", _("Another question of this form has this key."))
        for low, high in (("min_length", "max_length"), ("min_value", "max_value")):
            if cleaned.get(low) is not None and cleaned.get(high) is not None and cleaned[low] > cleaned[high]:
                self.add_error(high, _("The maximum cannot be below the minimum."))
        if section is not None:
            self.instance.condition_question = cleaned.get("condition_question")
            self.instance.condition_value = cleaned.get("condition_value", "")
            try:
                _check_condition(self.instance, section.question_set_id)
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned


QUESTION_FIELDS = (
    "order",
    "key",
    "kind",
    "label",
    "help_text",
    "required",
    "personal",
    "active",
    "condition_question",
    "condition_value",
    "min_length",
    "max_length",
    "min_value",
    "max_value",
    "days_before_start",
    "days_after_end",
    "file_types",
    "max_file_mb",
)


class QuestionInline(_ConditionChoices, TranslationStackedInline):
    model = Question
    form = QuestionForm
    extra = 1
    fields = QUESTION_FIELDS
    show_change_link = True


@admin.register(QuestionSection)
class QuestionSectionAdmin(_ConditionChoices, OrganizationScopedAdmin, TranslationAdmin):
    list_display = ("__str__", "question_set", "order")
    list_select_related = ("question_set__program", "question_set__occurrence")
    fields = ("question_set", "order", "title", "help_text", "condition_question", "condition_value")
    form = SectionForm
    inlines = [QuestionInline]

    def scoped_queryset(self, request, queryset):
        return queryset.filter(question_set__in=_sets_visible_to(request.user).values("pk"))

    def get_form(self, request, obj=None, **kwargs):
        request._question_set_id = obj.question_set_id if obj else None
        return super().get_form(request, obj, **kwargs)

    def has_module_permission(self, request):
        return False  # reached from its form's page


class ChoiceInline(TranslationTabularInline):
    model = QuestionChoice
    extra = 3
    fields = ("order", "value", "label", "active")


@admin.register(Question)
class QuestionAdmin(_ConditionChoices, OrganizationScopedAdmin, TranslationAdmin):
    list_display = ("label", "key", "kind", "required", "personal", "active", "section")
    list_select_related = ("section__question_set__program", "section__question_set__occurrence")
    form = QuestionForm
    fields = ("section", *QUESTION_FIELDS)
    inlines = [ChoiceInline]

    def scoped_queryset(self, request, queryset):
        return queryset.filter(section__question_set__in=_sets_visible_to(request.user).values("pk"))

    def get_form(self, request, obj=None, **kwargs):
        request._question_set_id = obj.section.question_set_id if obj else None
        return super().get_form(request, obj, **kwargs)

    def has_module_permission(self, request):
        return False  # reached from its section's page
