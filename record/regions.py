"""World regions for the partnerships registry's filter, after the UN's geographic regions (M49),
with Asia split as readers of an East Asian portal expect. A country not listed is in "Other"."""

from django.utils.translation import pgettext_lazy

REGIONS = {
    "east_asia": (pgettext_lazy("region", "East Asia"), {"CN", "HK", "JP", "KP", "KR", "MN", "MO", "TW"}),
    "southeast_asia": (
        pgettext_lazy("region", "Southeast Asia"),
        {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"},
    ),
    "south_central_asia": (
        pgettext_lazy("region", "South and Central Asia"),
        {"AF", "BD", "BT", "IN", "IR", "KZ", "KG", "LK", "MV", "NP", "PK", "TJ", "TM", "UZ"},
    ),
    "middle_east": (
        pgettext_lazy("region", "Middle East"),
        {"AE", "BH", "IL", "IQ", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "YE"},
    ),
    "europe": (
        pgettext_lazy("region", "Europe"),
        {
            "AT",
            "BE",
            "BG",
            "CH",
            "CZ",
            "DE",
            "DK",
            "EE",
            "ES",
            "FI",
            "FR",
            "GB",
            "GR",
            "HR",
            "HU",
            "IE",
            "IT",
            "LT",
            "LU",
            "LV",
            "NL",
            "NO",
            "PL",
            "PT",
            "RO",
            "RS",
            "RU",
            "SE",
            "SI",
            "SK",
            "UA",
        },
    ),
    "americas": (
        pgettext_lazy("region", "Americas"),
        {"AR", "BO", "BR", "CA", "CL", "CO", "CR", "EC", "GT", "MX", "PA", "PE", "PY", "US", "UY", "VE"},
    ),
    "africa": (
        pgettext_lazy("region", "Africa"),
        {"DZ", "EG", "ET", "GH", "KE", "MA", "NG", "RW", "SN", "TN", "TZ", "UG", "ZA"},
    ),
    "oceania": (pgettext_lazy("region", "Oceania"), {"AU", "FJ", "NZ", "PG", "WS"}),
}


def region_choices():
    return [(key, label) for key, (label, _codes) in REGIONS.items()]


def region_countries(key):
    return REGIONS[key][1]
