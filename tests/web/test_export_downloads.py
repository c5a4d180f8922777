"""The export downloads stream (no Content-Length: sent as written) the bytes the journal gives."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.exports.test_streaming import fill_odd, whole
from unknot.content.schema import Library
from unknot.core.clock import FixedClock
from unknot.services import open_context
from unknot.settings import Settings


@pytest.mark.parametrize("format_", ["json", "csv", "fhir"])
def test_downloads_stream_the_journal(client: TestClient, home: Path, library: Library, format_: str) -> None:
    ctx = open_context(Settings(home=home), FixedClock(dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC)), library)
    fill_odd(ctx)
    response = client.get(f"/export/{format_}")
    assert response.status_code == 200 and "content-length" not in response.headers
    assert "attachment" in response.headers["content-disposition"]
    undated = re.compile(rb'"timestamp": "[^"]*"')  # a FHIR bundle carries the moment it was made
    assert undated.sub(b"", response.content) == undated.sub(b"", whole(ctx, format_))
    ctx.close()
