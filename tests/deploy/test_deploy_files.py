"""The deployment files in deploy/ say what docs/server.md says, and the tools that read them accept them."""

from __future__ import annotations

import ipaddress
import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from unknot.settings import DEFAULT_PORT

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
UNKNOT = "/opt/unknot/venv/bin/unknot"  # where docs/server.md installs unknot
ENV_FILE = "/etc/unknot/unknot.env"
SECRETS = ("UNKNOT_SECRET", "UNKNOT_DATABASE_URL", "POSTGRES_PASSWORD")


def unit_entries(name: str) -> dict[str, list[str]]:
    """Every `Key=value` of a systemd unit, keys repeated as systemd allows (sections ignored)."""
    entries: dict[str, list[str]] = {}
    for line in (DEPLOY / name).read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            entries.setdefault(key, []).append(value)
    return entries


def tool(name: str, package: str) -> str:
    """The tool's path; CI must have the ones .ci/run installs, elsewhere a missing one skips the test."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI") and package == "systemd":
            pytest.fail(f"CI must check the deployment files with {name} (package {package}, see .ci/run)")
        pytest.skip(f"{name} is not installed (package {package})")
    return found


def test_the_unit_runs_four_workers_on_localhost_as_its_own_user_after_migrating() -> None:
    unit = unit_entries("unknot.service")
    assert shlex.split(unit["ExecStart"][0]) == [
        UNKNOT, "server", "--host", "127.0.0.1", "--port", str(DEFAULT_PORT), "--workers", "4"
    ]  # fmt: skip
    assert shlex.split(unit["ExecStartPre"][0]) == [UNKNOT, "server", "migrate"]
    assert unit["User"] == ["unknot"] and unit["EnvironmentFile"] == [ENV_FILE]
    assert unit["Restart"] == ["on-failure"]
    for hardening in ("NoNewPrivileges", "ProtectHome", "PrivateTmp", "PrivateDevices", "RestrictSUIDSGID"):
        assert unit[hardening] == ["yes"], hardening
    assert unit["ProtectSystem"] == ["strict"] and unit["CapabilityBoundingSet"] == [""]
    assert not any(secret in line for line in unit.get("Environment", []) for secret in SECRETS)


def units_with_a_stand_in_for_unknot(folder: Path) -> list[Path]:
    """The shipped units, with unknot's path pointing at a stand-in (systemd checks the file is there)."""
    stand_in = folder / "unknot"
    stand_in.write_text("#!/bin/sh\n", encoding="utf-8")
    stand_in.chmod(0o755)
    units = []
    for source in sorted(DEPLOY.glob("unknot*.service")) + sorted(DEPLOY.glob("unknot*.timer")):
        unit = folder / source.name
        unit.write_text(source.read_text(encoding="utf-8").replace(UNKNOT, str(stand_in)), encoding="utf-8")
        units.append(unit)
    return units


def test_systemd_accepts_the_units(tmp_path: Path) -> None:
    analyze = tool("systemd-analyze", "systemd")
    units = units_with_a_stand_in_for_unknot(tmp_path)
    assert [u.name for u in units] == ["unknot-backup.service", "unknot.service", "unknot-backup.timer"]
    checked = subprocess.run(
        [analyze, "verify", "--man=no", *map(str, units)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr


def test_systemd_rates_the_server_unit_well_hardened(tmp_path: Path) -> None:
    analyze = tool("systemd-analyze", "systemd")
    unit = next(u for u in units_with_a_stand_in_for_unknot(tmp_path) if u.name == "unknot.service")
    rated = subprocess.run(
        [analyze, "security", "--offline=true", "--threshold=20", "--no-pager", str(unit)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    exposure = re.search(r"Overall exposure level for unknot.service: (\d+\.\d)", rated.stdout)
    assert rated.returncode == 0 and exposure, rated.stdout[-2000:] + rated.stderr
    assert float(exposure[1]) <= 2.0


def container_instructions() -> list[tuple[str, str]]:
    """The Containerfile's instructions as (INSTRUCTION, arguments), continuation lines joined."""
    text = (DEPLOY / "Containerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    return [
        (word.upper(), rest.strip())
        for word, _, rest in (line.partition(" ") for line in lines if line and not line.startswith("#"))
    ]


def test_the_container_runs_as_a_user_with_no_secret_inside_and_checks_its_health() -> None:
    steps = container_instructions()
    assert steps[0] == ("FROM", "python:3.11-slim")
    users = [args for name, args in steps if name == "USER"]
    assert users and users[-1] not in {"root", "0"} and not users[-1].startswith(("root:", "0:"))
    last_user = max(i for i, (name, _) in enumerate(steps) if name == "USER")
    assert all(name != "RUN" for name, _ in steps[last_user:]), "nothing runs as root after USER"
    baked = " ".join(args for name, args in steps if name in {"ENV", "ARG", "LABEL"})
    assert not any(secret in baked for secret in SECRETS), baked
    assert any(name == "RUN" and 'pip install ".[server]"' in args for name, args in steps)
    assert ("EXPOSE", str(DEFAULT_PORT)) in steps
    [health] = [args for name, args in steps if name == "HEALTHCHECK"]
    assert f"http://127.0.0.1:{DEFAULT_PORT}/healthz" in health
    [entrypoint] = [json.loads(args) for name, args in steps if name == "ENTRYPOINT"]
    assert entrypoint == ["unknot", "server", "--host", "0.0.0.0"]
    ignored = (DEPLOY / "Containerfile.dockerignore").read_text(encoding="utf-8").split()
    assert {"deploy/.env", "**/.venv", ".git"} <= set(ignored)


def compose() -> dict[str, Any]:
    loaded = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


REQUIRED = re.compile(r"\$\{(\w+):\?[^}]+\}")


def test_compose_takes_every_secret_from_the_env_file_and_refuses_to_start_without_one() -> None:
    services = compose()["services"]
    assert services["db"]["image"] == "postgres:16"
    for name in ("migrate", "app"):
        environment = services[name]["environment"]
        assert isinstance(environment, dict)
        assert REQUIRED.fullmatch(environment["UNKNOT_SECRET"])
        url = environment["UNKNOT_DATABASE_URL"]
        assert url.startswith("postgresql+psycopg://") and "${POSTGRES_PASSWORD:?" in url
    assert REQUIRED.fullmatch(str(services["db"]["environment"]["POSTGRES_PASSWORD"]))
    example = dict(
        line.split("=", 1)
        for line in (DEPLOY / "env.example").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    )
    lines = (DEPLOY / "compose.yaml").read_text(encoding="utf-8").splitlines()
    needed = set(REQUIRED.findall("\n".join(x for x in lines if not x.lstrip().startswith("#"))))
    assert needed == set(example)
    assert example["POSTGRES_PASSWORD"] == example["UNKNOT_SECRET"] == ""
    assert "deploy/.env" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_compose_migrates_before_the_app_and_trusts_forwarded_headers_from_the_proxy_alone() -> None:
    loaded = compose()
    services = loaded["services"]
    assert services["migrate"]["entrypoint"] == ["unknot", "server", "migrate"]
    assert services["app"]["depends_on"] == {"migrate": {"condition": "service_completed_successfully"}}
    build = services["app"]["build"]
    assert isinstance(build, dict) and (DEPLOY / build["context"] / build["dockerfile"]).resolve() == (
        DEPLOY / "Containerfile"
    )
    assert "ports" not in services["app"] and "ports" not in services["db"]
    front = loaded["networks"]["front"]["ipam"]["config"][0]["subnet"]
    trusted = services["app"]["environment"]["FORWARDED_ALLOW_IPS"]
    assert ipaddress.ip_network(trusted) == ipaddress.ip_network(front)
    on_front = {name for name, service in services.items() if "front" in service.get("networks", [])}
    assert on_front == {"app", "proxy"}
    assert loaded["networks"]["back"]["internal"] is True


def test_the_proxies_send_tls_traffic_to_the_workers_with_hsts_and_a_1_mb_limit() -> None:
    caddy = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    nginx = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    assert f"reverse_proxy {{$UNKNOT_UPSTREAM:127.0.0.1:{DEFAULT_PORT}}}" in caddy
    assert "max_size 1MB" in caddy and 'Strict-Transport-Security "max-age=31536000' in caddy
    assert f"server 127.0.0.1:{DEFAULT_PORT};" in nginx and "client_max_body_size 1m;" in nginx
    assert 'add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;' in nginx
    for header in ("X-Forwarded-For $remote_addr", "X-Forwarded-Proto $scheme"):
        assert f"proxy_set_header {header};" in nginx
    assert "listen 443 ssl" in nginx and "return 301 https://$host$request_uri;" in nginx


def test_caddy_accepts_the_caddyfile() -> None:
    caddy = tool("caddy", "caddy")
    checked = subprocess.run(
        [caddy, "validate", "--adapter", "caddyfile", "--config", str(DEPLOY / "Caddyfile")],
        capture_output=True, text=True, check=False, env={**os.environ, "HOME": "/nonexistent"},
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr[-2000:]


def test_nginx_accepts_the_server_blocks(tmp_path: Path) -> None:
    nginx = tool("nginx", "nginx")
    openssl = tool("openssl", "openssl")
    certificate, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=unknot.clinic.example",
         "-days", "1", "-keyout", str(key), "-out", str(certificate)],
        capture_output=True, check=True,
    )  # fmt: skip
    blocks = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    live = "/etc/letsencrypt/live/unknot.clinic.example"
    for name, path in (("fullchain.pem", certificate), ("privkey.pem", key)):
        blocks = blocks.replace(f"{live}/{name}", str(path))
    (tmp_path / "unknot.conf").write_text(blocks, encoding="utf-8")
    temp = "".join(f" {kind}_temp_path {tmp_path}/{kind};\n" for kind in ("client_body", "proxy"))
    main = f"pid {tmp_path}/nginx.pid;\nevents {{}}\nhttp {{\n{temp} include {tmp_path}/unknot.conf;\n}}\n"
    (tmp_path / "nginx.conf").write_text(main, encoding="utf-8")
    checked = subprocess.run(
        [nginx, "-t", "-q", "-e", "stderr", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr


def test_the_server_docs_name_the_paths_and_commands_the_files_use() -> None:
    guide = (ROOT / "docs" / "server.md").read_text(encoding="utf-8")
    for needed in (
        UNKNOT.removesuffix("/bin/unknot"), ENV_FILE, "unknot server init --admin", "unknot server migrate",
        "pg_dump -Fc", "pg_restore", "FORWARDED_ALLOW_IPS", "chmod 600", "secrets.token_urlsafe(32)",
        "journal_<n>", "unknot-backup.timer", "deploy/compose.yaml", "deploy/Caddyfile", "deploy/nginx.conf",
    ):  # fmt: skip
        assert needed in guide, needed
