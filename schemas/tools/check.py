#!/usr/bin/env python3
"""Self-check for the transcribed model schemas (stdlib only).

Usage: python3 schemas/tools/check.py [--ref-dir DIR] [--schemas-dir DIR]

ERRORs (exit status 1): wrong file count, id/file-name mismatch, unparsable or non-canonical JSON,
a default outside its enum/range or of the wrong type, a required name that is not a property,
an example key that is not a property, files that differ from a fresh transcription run.
WARNings (exit status 0): inconsistencies inside the sources themselves, e.g. an example value whose
JSON type disagrees with the table; these are reported, not fixed.
"""
import argparse
import glob
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # keep the tree clean
sys.path.insert(0, HERE)
import transcribe  # noqa: E402

EXPECTED_COUNT = 86
errors, warnings = [], []


def type_ok(value, schema):
    t = schema.get("type")
    types = t if isinstance(t, list) else [t]
    for ty in types:
        if ty == "string" and isinstance(value, str):
            return True
        if ty == "integer" and isinstance(value, int) and not isinstance(value, bool):
            return True
        if ty == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return True
        if ty == "boolean" and isinstance(value, bool):
            return True
        if ty == "array" and isinstance(value, list):
            return all(type_ok(v, schema.get("items", {})) for v in value)
        if ty == "object" and isinstance(value, dict):
            props = schema.get("properties", {})
            return all(type_ok(v, props[k]) for k, v in value.items() if k in props)
        if ty is None:
            return True
    return False


def in_enum(value, enum):
    # JSON-typed membership: 5 matches 5 (and 5.0) but not "5"; True never matches 1.
    return any(type(value) is type(e) or (isinstance(value, (int, float)) and not isinstance(value, bool)
                                          and isinstance(e, (int, float)) and not isinstance(e, bool))
               and value == e for e in enum)


def in_range(value, prop):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return not ("minimum" in prop or "maximum" in prop)
    return prop.get("minimum", value) <= value <= prop.get("maximum", value)


def missing_required(value, schema):
    """Nested required keys missing from example objects (placeholders like [{}])."""
    out = []
    if isinstance(value, list) and "items" in schema:
        for v in value:
            out += missing_required(v, schema["items"])
    if isinstance(value, dict):
        out += [k for k in schema.get("required", []) if k not in value]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ref-dir", default=transcribe.DEFAULT_REF_DIR)
    ap.add_argument("--schemas-dir", default=transcribe.DEFAULT_OUT_DIR)
    args = ap.parse_args()

    with open(os.path.join(args.ref_dir, transcribe.MODELS_MD), encoding="utf-8") as f:
        sections = {s["id"]: s for s in transcribe.parse_models(f.read())}

    files = sorted(glob.glob(os.path.join(args.schemas_dir, "*.json")))
    if len(files) != EXPECTED_COUNT:
        errors.append(f"{len(files)} json files, expected {EXPECTED_COUNT}")
    if len(sections) != EXPECTED_COUNT:
        errors.append(f"{len(sections)} sections in {transcribe.MODELS_MD}, expected {EXPECTED_COUNT}")

    removed = 0
    for path in files:
        name = os.path.basename(path)[:-len(".json")]
        raw = open(path, "rb").read()
        try:
            model = json.loads(raw.decode("utf-8"))
        except ValueError as e:
            errors.append(f"{name}: does not parse: {e}")
            continue
        if transcribe.dump(model).encode("utf-8") != raw:
            errors.append(f"{name}: not in canonical dump format")
        mid = model.get("id")
        if mid != name:
            errors.append(f"{name}: id {mid!r} != file name")
        if model.get("pricing") != transcribe.pricing(name):
            errors.append(f"{name}: pricing {model.get('pricing')!r} is not the sourced one {transcribe.pricing(name)!r}")
        if "x-removed-from-docs" in model:
            removed += 1
            if not name.startswith(transcribe.REMOVED_PREFIX) or model["x-removed-from-docs"] != "2026-07-27":
                errors.append(f"{name}: unexpectedly marked removed ({model['x-removed-from-docs']!r})")
        schema = model["request_schema"]
        props = schema["properties"]
        orders = sorted(p["x-order"] for p in props.values())
        if orders != list(range(len(props))):
            errors.append(f"{name}: x-order is not 0..{len(props) - 1}")
        for r in schema.get("required", []):
            if r not in props:
                errors.append(f"{name}: required {r!r} is not a property")
        if "required" in schema and not schema["required"]:
            errors.append(f"{name}: empty required list")
        for field, prop in props.items():
            if "title" in prop:
                errors.append(f"{name}.{field}: has a title")
            if "enum" in prop:
                for e in prop["enum"]:
                    if not type_ok(e, prop):
                        errors.append(f"{name}.{field}: enum member {e!r} does not match type {prop['type']}")
            if "default" in prop:
                d = prop["default"]
                if not type_ok(d, prop):
                    errors.append(f"{name}.{field}: default {d!r} does not match type {prop['type']}")
                if "enum" in prop and not in_enum(d, prop["enum"]):
                    errors.append(f"{name}.{field}: default {d!r} not in enum {prop['enum']}")
                if not in_range(d, prop):
                    errors.append(f"{name}.{field}: default {d!r} outside range")
        sec = sections.get(name)
        if sec is None:
            errors.append(f"{name}: no section in {transcribe.MODELS_MD}")
            continue
        example = dict(sec["example"])
        if example.pop("model", None) != name:
            warnings.append(f"{name}: example 'model' differs from the id")
        for k, v in example.items():
            if k not in props:
                errors.append(f"{name}: example key {k!r} is not a property")
                continue
            p = props[k]
            if not type_ok(v, p):
                warnings.append(f"{name}.{k}: example value {json.dumps(v)} does not have schema type "
                                f"{json.dumps(p['type'])}{' of ' + json.dumps(p['items']) if p['type'] == 'array' else ''}")
            elif "enum" in p and not in_enum(v, p["enum"]):
                warnings.append(f"{name}.{k}: example value {v!r} not in enum")
            elif not in_range(v, p):
                warnings.append(f"{name}.{k}: example value {v!r} outside range")
            miss = missing_required(v, p)
            if miss:
                warnings.append(f"{name}.{k}: example item lacks required {sorted(set(miss))} (placeholder)")
        for r in schema.get("required", []):
            if r not in example:
                warnings.append(f"{name}: example omits required {r!r}")
    if removed != 8:
        errors.append(f"{removed} models marked x-removed-from-docs, expected 8")

    # Kling 2.6 Pro text-to-video must follow its full page.
    k = json.load(open(os.path.join(args.schemas_dir, transcribe.SEED_PAGE_ID + ".json"), encoding="utf-8"))
    kp = k["request_schema"]["properties"]
    expect = [
        (k["description"], "Cinematic text-to-video with native audio"),
        (kp["negative_prompt"].get("default"), "blur, distort, and low quality"),
        (kp["aspect_ratio"].get("enum"), ["9:16", "16:9", "1:1"]),
        (kp["aspect_ratio"]["description"], "Video aspect ratio"),
        (kp["duration"].get("enum"), [5, 10]),
        (kp["duration"]["description"], "Video duration in seconds"),
        ((kp["cfg_scale"].get("minimum"), kp["cfg_scale"].get("maximum"), kp["cfg_scale"].get("default")), (0, 10, 0.5)),
        (kp["cfg_scale"]["description"], "The CFG (Classifier Free Guidance) scale is a measure of how close you "
                                         "want the model to stick to your prompt."),
        (k["request_schema"].get("required"), ["prompt"]),
    ]
    for got, want in expect:
        if got != want:
            errors.append(f"{transcribe.SEED_PAGE_ID}: {got!r} != {want!r}")
    if not kp["prompt"].get("default", "").startswith("A close up of a blonde woman surfer"):
        errors.append(f"{transcribe.SEED_PAGE_ID}: prompt default missing")

    # Re-running the transcription must reproduce the same bytes.
    with tempfile.TemporaryDirectory() as tmp:
        transcribe.main(["--ref-dir", args.ref_dir, "--out-dir", tmp])
        for path in sorted(glob.glob(os.path.join(tmp, "*.json"))):
            mine = os.path.join(args.schemas_dir, os.path.basename(path))
            if not os.path.exists(mine) or open(mine, "rb").read() != open(path, "rb").read():
                errors.append(f"{os.path.basename(path)}: differs from a fresh transcription")

    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(files)} files, {len(errors)} errors, {len(warnings)} source warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
