"""Where browsers report what the Content-Security-Policy blocked: each report is logged
(logger "exchange_portal.csp") as one line with the page, the directive and what was blocked.

Anyone can post here, so a report is read with a size limit, never stored, and answered 204
whatever it holds; a malformed one is answered 400."""

import json
import logging

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger("exchange_portal.csp")

MAX_REPORT_BYTES = 16 * 1024
FIELDS = ("document-uri", "violated-directive", "effective-directive", "blocked-uri", "source-file", "line-number")


def _reports(body):
    data = json.loads(body)
    # report-uri sends {"csp-report": {...}}; the Reporting API a list of {"type", "body": {...}}.
    if isinstance(data, dict) and isinstance(data.get("csp-report"), dict):
        return [data["csp-report"]]
    if isinstance(data, list):
        return [item["body"] for item in data if isinstance(item, dict) and isinstance(item.get("body"), dict)]
    raise ValueError("not a CSP report")


def _field(report, name):
    camel = "".join(part.capitalize() if i else part for i, part in enumerate(name.split("-")))
    value = report.get(name, report.get(camel, ""))
    return str(value)[:300]


@csrf_exempt
def csp_report(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length > MAX_REPORT_BYTES:
        return HttpResponseBadRequest("report too large")
    try:
        reports = _reports(request.read(MAX_REPORT_BYTES + 1)[:MAX_REPORT_BYTES].decode("utf-8"))
    except (ValueError, UnicodeDecodeError, KeyError, TypeError):
        return HttpResponseBadRequest("not a CSP report")
    for report in reports:
        logger.warning(
            "CSP violation: %s",
            " ".join(f"{name}={_field(report, name)!r}" for name in FIELDS),
        )
    return HttpResponse(status=204)
