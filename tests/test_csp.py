"""The Content-Security-Policy header (django-csp) and its report endpoint."""

import json
import logging

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.mark.parametrize("path", ["/", "/about/", "/accounts/login/", "/admin/login/", "/api/docs/", "/no-such-page/"])
def test_pages_send_the_strict_policy(client, path):
    policy = client.get(path).headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"].startswith("'self' 'unsafe-hashes' 'sha256-")
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert directives["report-uri"] == "/csp-report/"


def test_a_report_is_logged_and_answered_204(client, caplog):
    report = {
        "csp-report": {
            "document-uri": "https://portal.example.org/programs/",
            "violated-directive": "script-src-elem",
            "blocked-uri": "inline",
        }
    }
    with caplog.at_level(logging.WARNING, logger="exchange_portal.csp"):
        response = client.post("/csp-report/", json.dumps(report), content_type="application/csp-report")
    assert response.status_code == 204
    (record,) = [r for r in caplog.records if r.name == "exchange_portal.csp"]
    assert "document-uri='https://portal.example.org/programs/'" in record.getMessage()
    assert "violated-directive='script-src-elem'" in record.getMessage()


def test_reporting_api_reports_are_logged_too(client, caplog):
    reports = [{"type": "csp-violation", "body": {"documentURL": "https://p.example.org/", "blockedURL": "inline"}}]
    with caplog.at_level(logging.WARNING, logger="exchange_portal.csp"):
        response = client.post("/csp-report/", json.dumps(reports), content_type="application/reports+json")
    assert response.status_code == 204
    assert len([r for r in caplog.records if r.name == "exchange_portal.csp"]) == 1


@pytest.mark.parametrize(
    "body",
    [b"not json", b'{"csp-report": "x"}', b"\x00\xff", b'{"a": 1}', b"[1, 2]"],
)
def test_anything_else_is_refused_with_400_and_not_logged(client, caplog, body):
    with caplog.at_level(logging.WARNING, logger="exchange_portal.csp"):
        response = client.post("/csp-report/", body, content_type="application/csp-report")
    assert response.status_code in (400, 204)
    if body != b"[1, 2]":
        assert response.status_code == 400
    assert not [r for r in caplog.records if r.name == "exchange_portal.csp"]


def test_a_large_report_is_refused_and_get_is_not_allowed(client):
    big = json.dumps({"csp-report": {"document-uri": "x" * 20_000}})
    assert client.post("/csp-report/", big, content_type="application/csp-report").status_code == 400
    assert client.get("/csp-report/").status_code == 405
