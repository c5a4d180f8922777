"""The seam for optional features: a feature adds a command group, pages, navigation and the browser
permissions it needs; a missing optional dependency is one clear line naming the extra to install."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from fastapi import APIRouter
from fastapi.responses import PlainTextResponse
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from unknot.cli.app import build_cli
from unknot.features import FEATURES, Feature, MissingExtraError, require
from unknot.settings import Settings
from unknot.web.app import create_app


def _commands() -> typer.Typer:
    group = typer.Typer(help="A feature for the test.")

    @group.command("say")
    def say() -> None:
        print("hello from a feature")

    @group.command("needs")
    def needs() -> None:
        require("unknot_no_such_module", feature="hello", extra="hello")

    return group


def _routers() -> list[APIRouter]:
    router = APIRouter()

    @router.get("/hello")
    def hello() -> PlainTextResponse:
        return PlainTextResponse("hello page")

    return [router]


HELLO = Feature(
    "hello",
    commands=_commands,
    routers=_routers,
    nav=(("/hello", "Hello"),),
    permissions={"camera": "(self)"},
    sources={"media-src": "blob:"},
)
ABSENT = Feature("absent", routers=_routers, nav=(("/hello", "Absent"),), available=lambda: False)


@pytest.fixture
def client(home: Path) -> Iterator[TestClient]:
    app = create_app(Settings(home=home), features=[*FEATURES, HELLO])
    with TestClient(app, base_url="http://127.0.0.1:8765") as test_client:
        test_client.get(f"/?token={app.state.access_token}")  # signed in, as `unknot serve`'s address does
        yield test_client


def test_a_feature_adds_a_command_group() -> None:
    runner = CliRunner()
    assert "hello from a feature" in runner.invoke(build_cli([*FEATURES, HELLO]), ["hello", "say"]).output
    assert runner.invoke(build_cli(), ["hello", "say"]).exit_code == 2, "not there without the feature"


def test_a_missing_dependency_names_the_extra_to_install() -> None:
    result = CliRunner().invoke(build_cli([HELLO]), ["hello", "needs"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "hello: needs the optional part 'hello' (unknot_no_such_module is not installed); "
        "install it with: pip install 'unknot[hello]'"
    )
    with pytest.raises(MissingExtraError):
        require("unknot_no_such_module", feature="hello", extra="hello")
    assert require("json", feature="hello", extra="hello").dumps([]) == "[]"


def test_a_feature_adds_pages_navigation_and_the_permissions_it_needs(client: TestClient) -> None:
    page = client.get("/")
    assert '<a href="/hello">Hello</a>' in page.text
    assert client.get("/hello").text == "hello page"
    assert "camera=(self)" in page.headers["permissions-policy"]
    assert "microphone=()" in page.headers["permissions-policy"]
    assert "media-src 'self' blob:" in page.headers["content-security-policy"]


def test_without_a_feature_none_of_it_is_there(home: Path) -> None:
    app = create_app(Settings(home=home), features=[ABSENT])  # not even the shipped camera
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        page = client.get(f"/?token={app.state.access_token}")
        assert "/hello" not in page.text and client.get("/hello").status_code == 404
        assert "camera=()" in page.headers["permissions-policy"]
        assert "media-src" not in page.headers["content-security-policy"]
