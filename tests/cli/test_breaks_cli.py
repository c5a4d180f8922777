"""`unknot breaks simulate` as a script would use it."""

from __future__ import annotations

import json

import pytest

from tests.cli.helpers import run_unknot
from tests.contract_breaks import reference


def test_simulate_prints_the_contract_json() -> None:
    trace = {
        "settings": {"work_minutes": 30, "natural_break_minutes": 5, "snooze_minutes": 5},
        "activity": [[0, 2000], [2100, 5000], [6000, 9000]],
        "responses": ["snooze", "take", "skip"],
    }
    done = run_unknot("breaks", "simulate", "--trace", "-", "--json", stdin=json.dumps(trace))
    assert done.returncode == 0 and done.stderr == ""
    assert json.loads(done.stdout) == reference(trace["settings"], trace["activity"], trace["responses"])


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("{", "trace: not valid JSON"),
        ('{"activity": [[3, 1]]}', "activity[0]: start must be less than end"),
        ('{"activity": [], "settings": {"work_minutes": -1}}', "settings.work_minutes: "),
        # Extreme values are refused at once instead of running for hours.
        ('{"activity": [[0, 1e300]]}', "trace: 1e+300 active seconds would prompt more than 100,000"),
        (
            '{"activity": [[0, 100]], "settings": '
            '{"work_minutes": 1, "natural_break_minutes": 0.5, "snooze_minutes": 1e-300}}',
            "trace: 100 active seconds would prompt more than",
        ),
    ],
)
def test_invalid_trace_exits_2_with_one_line(text: str, first: str) -> None:
    done = run_unknot("breaks", "simulate", "--trace", "-", "--json", stdin=text)
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith(first)
