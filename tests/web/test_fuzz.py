"""Fuzzed requests to every address and form: odd numbers, odd text, odd names. None is a 500.

The forms are the pages' own (read from their HTML, so a new field is fuzzed without a change here),
with one to three fields replaced by a hostile value. UNKNOT_FUZZ_REQUESTS sets how many (the issue's
5,000 were run by hand; the suite runs fewer).
"""

from __future__ import annotations

import os
import random
from html.parser import HTMLParser

from fastapi.testclient import TestClient

from tests.web.conftest import app_routes
from tests.web.test_pages import intake
from unknot.present.intake import DETAILS, FIRST_STEP, SAFETY

REQUESTS = int(os.environ.get("UNKNOT_FUZZ_REQUESTS", "600"))
HOSTILE = (
    "",
    " ",
    "²",
    "①",
    "٣",
    "๓",
    "Ⅻ",
    "1" * 5000,
    "9" * 30,
    "-1",
    "-0",
    "+5",
    " 5 ",
    "5.5",
    "1e999",
    "nan",
    "inf",
    "-inf",
    "0x10",
    "1_0",
    "007",
    "\u0661\u0660",
    "\x00",
    "\u202e5",
    "\ufeff5",
    "<script>x</script>",
    "'; DROP TABLE checkins; --",
    "%",
    "%00",
    "../../etc/passwd",
    "2026-W01-1",
    "2026-13-45",
    "0000-00-00",
    "x" * 100_000,
    "yes",
    "no",
    "none",
    "lower_back",
    "true",
    "[]",
    "{}",
    "null",
    "\U0001d7d3",
    "\uff15",
)
PATH_VALUES = ("cat_cow", "heat", "cold", "csv", "json", "pdf", "html", "odi", "x", "..", "²", "1" * 300)
QUERY_KEYS = ("page", "minutes", "q", "region", "level", "kind", "token", "days")
INTAKE_FIELDS = tuple(q.field for q in FIRST_STEP + SAFETY + DETAILS)


class Forms(HTMLParser):
    """The posted forms of a page: action → {field: a value the page offers}."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: dict[str, dict[str, str]] = {}
        self.current: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        given = {k: v or "" for k, v in attrs}
        if tag == "form" and given.get("method", "").lower() == "post":
            self.current = self.forms.setdefault(given.get("action", ""), {})
        elif tag in ("input", "select", "textarea") and self.current is not None and given.get("name"):
            self.current.setdefault(given["name"], given.get("value", "1"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.current = None


def posted_forms(client: TestClient, paths: list[str]) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for path in paths:
        parser = Forms()
        parser.feed(client.get(path).text)
        for action, fields in parser.forms.items():
            found.setdefault(action, {}).update(fields)
    return found


def concrete(path: str, rng: random.Random) -> str:
    while "{" in path:
        start, end = path.index("{"), path.index("}")
        path = path[:start] + rng.choice(PATH_VALUES) + path[end + 1 :]
    return path


def fuzzed(base: dict[str, str], rng: random.Random) -> dict[str, str]:
    form = dict(base)
    for _ in range(rng.randint(1, 3)):
        form[rng.choice([*base, *INTAKE_FIELDS, "extra"])] = rng.choice(HOSTILE)
    return form


def test_no_fuzzed_request_is_a_server_error(client: TestClient) -> None:
    intake(client)
    gets = [path for path, methods in app_routes(client.app) if "GET" in methods]
    forms = posted_forms(client, [p for p in gets if "{" not in p] + ["/questionnaires/odi", "/lessons"])
    csrf = next(f["csrf"] for f in forms.values() if "csrf" in f)
    posts = [path for path, methods in app_routes(client.app) if "POST" in methods]
    rng = random.Random(15)
    errors: list[str] = []
    for _ in range(REQUESTS):
        if rng.random() < 0.3:
            query = {rng.choice(QUERY_KEYS): rng.choice(HOSTILE)[:6000]}  # the client's limit: 64 KiB
            response = client.get(concrete(rng.choice(gets), rng), params=query)
        else:
            path = concrete(rng.choice(posts), rng)
            response = client.post(path, data=fuzzed(forms.get(path, {"csrf": csrf}) | {"csrf": csrf}, rng))
        if response.status_code >= 500 or response.status_code == 422:
            errors.append(f"{response.request.method} {response.request.url.path}: {response.status_code}")
    assert not errors, sorted(set(errors))
