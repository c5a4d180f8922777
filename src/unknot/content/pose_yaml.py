"""An exercise's pose as the YAML the content files use: written out for a person to edit, and read back
with every error named by its line."""

from __future__ import annotations

import re
from typing import Any

import yaml
from pydantic import ValidationError

from unknot.content.loader import SAFE_LOADER
from unknot.content.schema import Pose

QUOTED = re.compile(r"'([a-z_]+)'")


class PoseYamlError(ValueError):
    """The pose's text is not a valid pose; the message names the line."""


def pose_yaml(pose: Pose) -> str:
    """The pose as a content file writes it: defaults left out, short maps on one line, whole numbers."""
    data = _whole(pose.model_dump(mode="json", exclude_defaults=True))
    return yaml.safe_dump(data, sort_keys=False, default_flow_style=None, width=110, allow_unicode=True)


def pose_from_yaml(text: str) -> Pose:
    """The pose the text describes; raises PoseYamlError ("line 12: ...") on the first problem."""
    try:
        node = yaml.compose(text, Loader=SAFE_LOADER)
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise PoseYamlError(f"{where}not valid YAML ({getattr(exc, 'problem', None) or exc})") from None
    if not isinstance(data, dict) or node is None:
        raise PoseYamlError("write the pose as the content files do: views, props and keyframes")
    try:
        return Pose.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        message = str(first["msg"]).removeprefix("Value error, ")
        line = _line_of(node, first["loc"], message)
        path = ".".join(str(p) for p in first["loc"])
        raise PoseYamlError(f"line {line}: {f'{path}: ' if path else ''}{message}") from None


def _whole(value: Any) -> Any:
    """Floats that are whole numbers written as integers (50, not 50.0), as people write angles."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _whole(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_whole(v) for v in value]
    return value


def _line_of(node: yaml.Node, loc: tuple[int | str, ...], message: str) -> int:
    """The line the error's location points to; inside it, the line of a key the message names in quotes
    (a keyframe's error says "unknown joint 'hip_lft'": the line of `hip_lft`)."""
    for part in loc:
        found = _child(node, part)
        if found is None:
            break
        node = found
    for name in QUOTED.findall(message):
        key = _key_named(node, name)
        if key is not None:
            return key.start_mark.line + 1
    return node.start_mark.line + 1


def _child(node: yaml.Node, part: int | str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        return next((value for key, value in node.value if key.value == str(part)), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        child: yaml.Node = node.value[part]
        return child
    return None


def _key_named(node: yaml.Node, name: str) -> yaml.Node | None:
    """The first key called `name` anywhere under the node."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == name:
                found: yaml.Node = key
                return found
            deeper = _key_named(value, name)
            if deeper is not None:
                return deeper
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            deeper = _key_named(item, name)
            if deeper is not None:
                return deeper
    return None
