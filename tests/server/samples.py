"""What the route-driven server tests send to each route: a value for every path parameter
(pointing at patient A's data) and every POST route's form."""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.server.conftest import PASSWORD
from tests.server.world import World

PARAM = re.compile(r"{(\w+)(?::\w+)?}")
# Path parameters: pointing at patient A's data (a `{token}` is a fresh link's, see `url_of`).
PATH_SAMPLES: dict[str, Callable[[World], str]] = {
    "patient_id": lambda w: str(w.people.patient_a.id),
    "account_id": lambda w: str(w.people.patient_a.id),
    "exercise_id": lambda w: "cat_cow",
    "lesson_id": lambda w: "sleep",
    "name": lambda w: "rmdq",
    "kind": lambda w: "heat",
    "suffix": lambda w: "html",
    "format_": lambda w: "json",
    "path": lambda w: "app.css",
}
# Every POST route's form (the CSRF token is added). Most are left unfilled on purpose: the answer
# (400) shows the request got past the gate without changing anything.
POST_SAMPLES: dict[str, dict[str, str]] = {
    "/account/delete": {"confirm": ""},
    "/admin/accounts/{account_id}/reset": {"name": "Pat A"},
    "/admin/invite": {"role": "patient", "name": "New Person"},
    "/admin/patients/{patient_id}/delete": {"confirm": ""},
    "/checkin": {},
    "/clinic/invite": {"name": "New Patient"},
    "/clinic/patients/{patient_id}/cleared": {"flag": ""},
    "/clinic/patients/{patient_id}/programme": {"name": ""},
    "/clinic/patients/{patient_id}/programme/end": {},
    "/clinic/programmes": {"name": ""},
    "/clinic/exercises/new": {"do": "preview"},
    "/clinic/exercises/{exercise_id}": {"do": "preview"},
    "/intake/details": {},
    "/intake/finish": {},
    "/intake/safety": {},
    "/join/{token}": {},
    "/lessons/{lesson_id}/read": {},
    "/login": {"email": "walk.in@clinic.test", "password": PASSWORD},
    "/logout": {},
    "/logout/everywhere": {},
    "/questionnaires/{name}": {},
    "/reset/{token}": {"password": ""},
    "/session/complete": {},
    "/settings": {},
    "/welcome": {},
}


def url_of(world: World, path: str, *, join: str, reset: str) -> str:
    """The path with its parameters filled in (`{token}`: the join or the reset link's)."""

    def sample(found: re.Match[str]) -> str:
        name = found.group(1)
        if name == "token":
            return join if path.startswith("/join/") else reset
        return PATH_SAMPLES[name](world)

    return PARAM.sub(sample, path)
