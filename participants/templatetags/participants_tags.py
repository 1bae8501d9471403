from django import template

from participants.eligibility import program_eligibility
from participants.models import Registration

register = template.Library()


@register.simple_tag(takes_context=True)
def my_registration(context, occurrence):
    """The signed-in official's registration for `occurrence`, or None (one query, only when signed in)."""
    user = context["request"].user
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(participant__user=user, occurrence=occurrence).first()


@register.simple_tag
def eligibility_of(program):
    """Who may register for the program's occurrences, as sentences (participants.eligibility)."""
    return program_eligibility(program)
