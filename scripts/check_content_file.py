"""Validate individual content files against the schema: python scripts/check_content_file.py FILE..."""

import sys
from pathlib import Path

import yaml

from unknot.content.schema import Cause, Exercise, Habit, Safety, Therapy

MODELS = {"exercises": Exercise, "causes": Cause, "habits": Habit, "therapies": Therapy}
SOURCES = {s["id"] for s in yaml.safe_load(Path("src/unknot/content/data/sources.yaml").read_text())}

ok = True
for name in sys.argv[1:]:
    path = Path(name)
    model = Safety if path.name == "safety.yaml" else MODELS[path.parent.name]
    try:
        item = model.model_validate(yaml.safe_load(path.read_text()))
        unknown = [s for s in item.sources if s not in SOURCES]
        if unknown:
            raise ValueError(f"unknown sources {unknown}")
        if hasattr(item, "id") and str(item.id) != path.stem:
            raise ValueError("id must match file name")
        print(f"ok   {name}")
    except Exception as exc:
        ok = False
        print(f"FAIL {name}: {exc}")
sys.exit(0 if ok else 1)
