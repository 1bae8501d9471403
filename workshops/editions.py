"""Editions of a program whose host rotates between countries (the Korea-China-Japan Local
Governments Conference: China, Japan, Korea): the next host, and the next edition proposed from
the last one held there."""

import datetime

from django.db import transaction
from django.db.models import F, Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import Occurrence

LANGS = ("en", "ko", "zh_hans", "zh_hant", "ja")


class EditionError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _editions(program):
    return Occurrence.objects.filter(program=program, is_cancelled=False).order_by(
        F("number").asc(nulls_first=True), F("start_date").asc(nulls_first=True), "year", "pk"
    )


def rotation_next_host(*, program):
    """The country that hosts the next edition: after the latest edition's host in the rotation,
    the rotation's first country when no edition names a host of it."""
    rotation = [str(c) for c in program.rotation_countries]
    if not rotation:
        return None
    hosted = [str(o.country) for o in _editions(program) if str(o.country) in rotation]
    if not hosted:
        return rotation[0]
    return rotation[(rotation.index(hosted[-1]) + 1) % len(rotation)]


def edition_proposal(*, program):
    """What the next edition would be: number, year, host country, and the venue and hosts of the
    last edition held in that country (staff confirm or change them)."""
    country = rotation_next_host(program=program)
    if country is None:
        raise EditionError(_("This program declares no host rotation."))
    editions = _editions(program)
    last = editions.last()
    number = (editions.aggregate(top=Max("number"))["top"] or 0) + 1
    year = None
    if last is not None:
        year = (last.year or (last.start_date.year if last.start_date else None) or datetime.date.today().year) + 1
    previous_there = editions.filter(country=country).last()
    return {
        "number": number,
        "year": year or datetime.date.today().year,
        "country": country,
        "previous_there": previous_there,
        "template": last,
    }


def edition_create_next(*, program):
    """Create the next edition as proposed, dated to its year only, with no registration window."""
    with transaction.atomic():
        proposal = edition_proposal(program=program)
        previous, template = proposal["previous_there"], proposal["template"]
        number, year = proposal["number"], proposal["year"]
        titles = {f"title_{lang}": f"{getattr(program, f'name_{lang}') or program.name} {year}" for lang in LANGS}
        locations = {f"location_{lang}": getattr(previous, f"location_{lang}") if previous else "" for lang in LANGS}
        edition = Occurrence.objects.create(
            program=program,
            slug=slugify(f"{program.slug}-{number}-{year}")[:80],
            number=number,
            year=year,
            date_precision="year",
            start_date=datetime.date(year, 1, 1),
            country=proposal["country"],
            capacity=template.capacity if template else program.typical_capacity,
            is_sample=bool(template and template.is_sample),
            **titles,
            **locations,
        )
        if previous is not None:
            edition.hosts.set(previous.hosts.all())
    return edition
