"""The preferences as a form: fields grouped, labelled and typed from `Preferences` itself, and the
changes a posted form asks for. The settings page shows this; it keeps no list of its own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, get_args

from annotated_types import Ge, Gt, Le

from unknot.core.preferences import Preferences


@dataclass(frozen=True)
class FormField:
    key: str
    label: str
    kind: str  # toggle, choice, time, number, text
    value: str
    choices: list[tuple[str, str]] = field(default_factory=list)  # (value, label)
    bounds: dict[str, str] = field(default_factory=dict)  # min, max and step of a number
    example: str = ""


@dataclass(frozen=True)
class FormGroup:
    title: str
    fields: list[FormField]


def _extra(key: str) -> dict[str, Any]:
    extra = Preferences.model_fields[key].json_schema_extra
    return extra if isinstance(extra, dict) else {}


def _kind(annotation: Any) -> str:
    if annotation is bool:
        return "toggle"
    if annotation is dt.time:
        return "time"
    if annotation in (int, float):
        return "number"
    return "choice" if get_args(annotation) else "text"


def _bounds(key: str, annotation: Any) -> dict[str, str]:
    bounds = {"step": "1" if annotation is int else "any"}
    for rule in Preferences.model_fields[key].metadata:
        if isinstance(rule, Ge | Gt):
            bounds["min"] = f"{rule.ge if isinstance(rule, Ge) else rule.gt:g}"
        elif isinstance(rule, Le):
            bounds["max"] = f"{rule.le:g}"
    return bounds


def _value(value: Any) -> str:
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return f"{value:g}" if isinstance(value, float | int) and not isinstance(value, bool) else str(value)


def _field(prefs: Preferences, key: str) -> FormField:
    info = Preferences.model_fields[key]
    kind = _kind(info.annotation)
    extra = _extra(key)
    choices = list(dict(extra.get("choices", {})).items()) if kind == "choice" else []
    return FormField(
        key=key,
        label=info.description or key,
        kind=kind,
        value=_value(getattr(prefs, key)),
        choices=choices,
        bounds=_bounds(key, info.annotation) if kind == "number" else {},
        example=str(extra.get("example", "")),
    )


def shown_keys() -> list[str]:
    """The preferences a person sets on the settings page (those with a group)."""
    return [key for key in Preferences.model_fields if "group" in _extra(key)]


def form_groups(prefs: Preferences) -> list[FormGroup]:
    groups: dict[str, list[FormField]] = {}
    for key in shown_keys():
        groups.setdefault(str(_extra(key)["group"]), []).append(_field(prefs, key))
    return [FormGroup(title, fields) for title, fields in groups.items()]


def posted_changes(form: Mapping[str, str]) -> dict[str, str]:
    """What a posted settings form changes: every toggle (unticked is off), and each other field sent."""
    changes = {}
    for key in shown_keys():
        if Preferences.model_fields[key].annotation is bool:
            changes[key] = form.get(key) or "off"
        elif key in form:
            changes[key] = form[key]
    return changes
