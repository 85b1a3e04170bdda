#!/usr/bin/env python3
"""Transcribe Oxen.ai video-model parameter tables into model-object JSON files.

Inputs (read-only):
  /work/shared/reference/oxen-video-models.md            86 per-model tables (docs.oxen.ai @ edc2a51)
  /work/shared/reference/seed-kling-2-6-pro-text-to-video.md  full page of kling-video-v2-6-pro-text-to-video

Output: schemas/<id>.json, one per model, in the shape of `GET /api/ai/models/{id}`,
written with json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n".
Deterministic: re-running reproduces the same bytes.

Usage:  python3 schemas/tools/transcribe.py [--ref-dir DIR] [--out-dir DIR]
Stdlib only.
"""
import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_REF_DIR = "/work/shared/reference"
DEFAULT_OUT_DIR = os.path.dirname(HERE)  # schemas/
MODELS_MD = "oxen-video-models.md"
SEED_PAGE_MD = "seed-kling-2-6-pro-text-to-video.md"
SEED_PAGE_ID = "kling-video-v2-6-pro-text-to-video"

# A page that was removed from the docs is transcribed from an older commit; its Page line reads
# "... @ bf032c9^ (2026-07-25; page removed 2026-07-27))".  Only 8 of the 9 `kling-video-o3-*` ids are
# removed: `kling-video-o3-omni` is still at HEAD edc2a51 and is NOT marked.
REMOVED_PREFIX = "kling-video-o3-"
REMOVED_RE = re.compile(r"page removed (\d{4}-\d{2}-\d{2})")

# ---------------------------------------------------------------------------
# HAND-WRITTEN OVERRIDES: facts the rendered tables cannot carry.
# The tables print only `array<object>` / `object`; the item shapes below come
# from the sources named in each note.  Every override is listed in README.md.
# ---------------------------------------------------------------------------
KLING_ELEMENT_ITEM = {
    "type": "object",
    "properties": {
        "frontal_image_url": {"type": "string", "format": "uri",
                              "description": "Frontal image of the element."},
        "reference_image_urls": {"type": "array", "items": {"type": "string", "format": "uri"},
                                 "description": "Additional reference images of the element."},
    },
    "required": ["frontal_image_url"],
}
KLING_ELEMENTS_NOTE = (
    "Item shape not in the rendered table (it prints array<object>); taken from oxen-api.md: "
    "'Kling elements: {frontal_image_url, reference_image_urls[]}'. Where the docs example sends [{}], that is a placeholder."
)
WAN27_URL_ITEM = {"type": "object", "properties": {"url": {"type": "string", "format": "uri"}}, "required": ["url"]}
WAN27_NOTE = (
    "Item shape inferred: the table prints array<object> and the description says each item has a URL and an "
    "optional reference voice; the key name `url` is an assumption and the voice key (and any other keys) are "
    "undocumented. The docs example sends plain URL strings here, which disagrees with array<object>."
)

# (model id or "*kling*", field) -> replacement pieces merged into the property.
# "*kling*" applies to every model whose id starts with "kling-".
NESTED_OVERRIDES = {
    ("*kling*", "elements"): {"items": KLING_ELEMENT_ITEM, "x-transcription-note": KLING_ELEMENTS_NOTE},
    ("wan-v2-7-reference-to-video", "reference_images"): {"items": WAN27_URL_ITEM, "x-transcription-note": WAN27_NOTE},
    ("wan-v2-7-reference-to-video", "reference_videos"): {"items": WAN27_URL_ITEM, "x-transcription-note": WAN27_NOTE},
    ("luma-ray-v3-2-reframe", "source_position"): {
        "x-transcription-note": "The table prints only `object`; its keys (a normalized source rectangle) are "
                                "undocumented and the docs example omits the field, so the shape is left open."},
}

# Cells whose `fmt` column holds more than a format name.  We keep only the format and
# record the raw cell in a note (the description column is transcribed unchanged).
ODD_FORMAT_CELLS = {
    "MP4, MOV. Duration: 2-10s. Max 100 MB. Format: uri": "uri",
}

# Kling 2.6 Pro text-to-video: descriptions, defaults and the model description come from its full
# page (SEED_PAGE_MD, "Request parameters" tables) instead of the shortened table.  The page appends
# rendered enum/default/range text to descriptions ("... One of: a, b." / "... Default value: x Range: a – b.");
# those suffixes are stripped here and cross-checked against the table's enum/range.
SEED_SUFFIX_RE = re.compile(r"\s+(One of: (?P<enum>.*?)\.|Default value: (?P<dflt>\S+)(?: Range: (?P<lo>\S+) – (?P<hi>\S+)\.)?)$")

# ---------------------------------------------------------------------------

HEADING_RE = re.compile(r"^## `(?P<id>[^`]+)` — (?P<name>.+)$")
RANGE_RE = re.compile(r"^(?P<lo>-∞|[-+]?\d+(?:\.\d+)?)\.\.(?P<hi>\+∞|[-+]?\d+(?:\.\d+)?)$")
MEDIA_KINDS = ("text", "image", "video", "audio")


def num(text):
    """Parse a number as written: int when there is no decimal point, else float."""
    return float(text) if ("." in text or "e" in text.lower()) else int(text)


def split_row(line):
    line = line.strip()
    assert line.startswith("|") and line.endswith("|"), line
    return [c.strip() for c in line[1:-1].split(" | ")]


def unbacktick(cell):
    if len(cell) >= 2 and cell.startswith("`") and cell.endswith("`"):
        return cell[1:-1]
    return cell


def parse_models(text):
    """Return a list of sections: dict(id, name, page, subtitle, category, example, rows)."""
    sections = []
    cur = None
    for line in text.splitlines():
        m = HEADING_RE.match(line)
        if m:
            cur = {"id": m["id"], "name": m["name"].strip(), "rows": []}
            sections.append(cur)
            continue
        if cur is None:
            continue
        if line.startswith("- Page: "):
            cur["page"] = line[len("- Page: "):].split(" ")[0]
            m = REMOVED_RE.search(line)
            cur["removed"] = m.group(1) if m else None
        elif line.startswith("- Subtitle: "):
            sub = line[len("- Subtitle: "):]
            desc, _, cat = sub.rpartition("; category: ")
            cur["subtitle"], cur["category"] = desc, cat
        elif line.startswith("- Example (all params): `"):
            cur["example"] = json.loads(line[len("- Example (all params): `"):].rstrip().rstrip("`"))
        elif line.startswith("| `"):
            cells = split_row(line)
            if len(cells) != 7:
                raise SystemExit(f"{cur['id']}: row has {len(cells)} cells: {line}")
            field, typ, req, dflt, allowed, fmt, note = cells
            cur["rows"].append({"field": unbacktick(field), "type": typ, "req": req == "yes",
                                "default": unbacktick(dflt) if dflt else None,
                                "allowed": allowed, "fmt": fmt, "note": note})
    for s in sections:
        for k in ("page", "subtitle", "category", "example"):
            if k not in s:
                raise SystemExit(f"{s['id']}: missing {k}")
    return sections


def schema_type(typ):
    """Table type cell -> (property skeleton, scalar type used for enum members)."""
    if typ.startswith("array<") and typ.endswith(">"):
        inner = typ[len("array<"):-1]
        return {"type": "array", "items": {"type": inner}}, None
    if typ.startswith("["):
        types = json.loads(typ.replace("'", '"'))
        return {"type": types}, types
    return {"type": typ}, typ


def enum_member(text, kind, model_id, field):
    if kind == "integer":
        return int(text)
    if kind == "number":
        return num(text)
    if kind == "string":
        return text
    if kind == "boolean":
        return {"true": True, "false": False}[text]
    if isinstance(kind, list) and set(kind) == {"integer", "string"}:
        return int(text) if re.fullmatch(r"-?\d+", text) else text
    raise SystemExit(f"{model_id}.{field}: cannot type enum member {text!r} for {kind!r}")


def build_property(model_id, idx, row):
    prop, kind = schema_type(row["type"])
    prop["x-order"] = idx
    prop["description"] = row["note"]
    if row["default"] is not None:
        prop["default"] = json.loads(row["default"])
    allowed = row["allowed"]
    if allowed:
        m = RANGE_RE.match(allowed)
        if m:
            if m["lo"] != "-∞":
                prop["minimum"] = num(m["lo"])
            if m["hi"] != "+∞":
                prop["maximum"] = num(m["hi"])
        else:
            prop["enum"] = [enum_member(x, kind, model_id, row["field"]) for x in allowed.split(", ")]
    fmt = row["fmt"]
    if fmt:
        note = None
        if fmt in ODD_FORMAT_CELLS:
            note = f"The table's fmt cell reads {fmt!r}; transcribed as format {ODD_FORMAT_CELLS[fmt]!r}."
            fmt = ODD_FORMAT_CELLS[fmt]
        if prop["type"] == "array":
            prop["items"]["format"] = fmt
        else:
            prop["format"] = fmt
        if note:
            prop["x-transcription-note"] = note
    # nested shapes
    for key in ((model_id, row["field"]), ("*kling*", row["field"]) if model_id.startswith("kling-") else None):
        if key and key in NESTED_OVERRIDES:
            prop.update(json.loads(json.dumps(NESTED_OVERRIDES[key])))
            break
    else:
        if row["type"] in ("object", "array<object>"):
            raise SystemExit(f"{model_id}.{row['field']}: {row['type']} without a NESTED_OVERRIDES entry")
    return prop


def is_url_field(prop):
    if prop["type"] == "string":
        return prop.get("format") == "uri"
    if prop["type"] == "array":
        return prop["items"].get("type") in ("string", "object")
    return False


def capabilities(section, props):
    found = set()
    if "prompt" in props:
        found.add("text")
    # INFERENCE: a text-to-video table without a `prompt` row (kling-video-o3-pro-text-to-video) still takes text.
    if section["category"].startswith("text-to-"):
        found.add("text")
    if "image" in section["category"]:
        found.add("image")
    for name, prop in props.items():
        if not is_url_field(prop):
            continue
        low = name.lower()
        if "image" in low or "frame" in low or name == "elements":  # Kling elements are image references
            found.add("image")
        if "video" in low:
            found.add("video")
        if "audio" in low:
            found.add("audio")
    return [k for k in MEDIA_KINDS if k in found]


def parse_seed_page(text):
    """Return (model description, {field: (type, default_or_None, description)} in page order)."""
    lines = text.splitlines()
    desc = None
    for i, line in enumerate(lines):
        if line.startswith("# "):
            for nxt in lines[i + 1:]:
                if nxt.startswith("> "):
                    desc = nxt[2:].strip()
                    break
                if nxt.strip():
                    break
            break
    start = lines.index("## Request parameters")
    fields = {}
    for line in lines[start:]:
        if line.startswith("| `"):
            field, typ, dflt, descr = split_row(line)
            fields[unbacktick(field)] = (unbacktick(typ), unbacktick(dflt) if dflt else None, descr)
    return desc, fields


def apply_seed_page(model, page_text):
    desc, fields = parse_seed_page(page_text)
    if desc:
        model["description"] = desc
    props = model["request_schema"]["properties"]
    if list(fields) != sorted(props, key=lambda k: props[k]["x-order"]):
        raise SystemExit(f"seed page fields {list(fields)} differ from the table")
    for name, (typ, dflt, descr) in fields.items():
        prop = props[name]
        if typ != prop["type"]:
            raise SystemExit(f"seed page {name}: type {typ} != {prop['type']}")
        m = SEED_SUFFIX_RE.search(descr)
        if m:
            descr = descr[:m.start()]
            if m["enum"] is not None and [str(x) for x in prop.get("enum", [])] != m["enum"].split(", "):
                raise SystemExit(f"seed page {name}: enum {m['enum']} != {prop.get('enum')}")
            if m["lo"] is not None and (num(m["lo"]), num(m["hi"])) != (prop.get("minimum"), prop.get("maximum")):
                raise SystemExit(f"seed page {name}: range {m['lo']}-{m['hi']} differs from the table")
            if m["dflt"] is not None and dflt is not None and json.loads(dflt) != json.loads(m["dflt"]):
                raise SystemExit(f"seed page {name}: default text {m['dflt']} != {dflt}")
        prop["description"] = descr
        if dflt is not None:
            prop["default"] = json.loads(dflt)
        elif "default" in prop:
            del prop["default"]


# Prices that public sources give (USD per output second), per model id; all other models stay without `pricing`
# (never invented). Source of every entry: public Oxen pricing, as quoted in issue 8 (2026-11); see schemas/README.md.
PRICING = {
    "kling-video-v2-6-pro-text-to-video": {"cost_per_second": 0.07, "cost_per_second_with_audio": 0.14},
    "kling-video-v2-6-pro-image-to-video": {"cost_per_second": 0.07, "cost_per_second_with_audio": 0.14},
    "kling-video-o3-pro-image-to-video": {"cost_per_second": 0.224},
    "kling-video-o3-pro-reference-to-video": {"cost_per_second": 0.224},
    "kling-video-o3-pro-video-to-video-edit": {"cost_per_second": 0.336},
    "kling-video-v3-pro-motion-control": {"cost_per_second": 0.168},
    "flux-3-video": {"cost_per_second": 0.221},
}


def pricing(model_id):
    """The model object's `pricing`, or None when no public source gives a price."""
    if model_id not in PRICING:
        return None
    return dict(method="per_video_output_second", **PRICING[model_id])


def build_model(section):
    props, required = {}, []
    for idx, row in enumerate(section["rows"]):
        if row["field"] in props:
            raise SystemExit(f"{section['id']}: duplicate field {row['field']}")
        props[row["field"]] = build_property(section["id"], idx, row)
        if row["req"]:
            required.append(row["field"])
    schema = {"type": "object", "title": "Input", "properties": props}
    if required:
        schema["required"] = required
    model = {
        "id": section["id"],
        "object": "model",
        "owned_by": section["id"].split("-")[0],
        "display_name": section["name"],
        "description": section["subtitle"],
        "model_type": section["category"],
        "endpoint": "/videos/generate",
        "capabilities": {"input": capabilities(section, props), "output": ["video"]},
        "x-docs-url": section["page"],
        "request_schema": schema,
    }
    if pricing(section["id"]) is not None:
        model["pricing"] = pricing(section["id"])
    if section["removed"]:
        if not section["id"].startswith(REMOVED_PREFIX):
            raise SystemExit(f"{section['id']}: removed page outside {REMOVED_PREFIX}*")
        model["x-removed-from-docs"] = section["removed"]
    return model


def dump(obj):
    return json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref-dir", default=DEFAULT_REF_DIR)
    ap.add_argument("--out-dir", default=DEFAULT_OUT_DIR)
    args = ap.parse_args(argv)
    with open(os.path.join(args.ref_dir, MODELS_MD), encoding="utf-8") as f:
        sections = parse_models(f.read())
    with open(os.path.join(args.ref_dir, SEED_PAGE_MD), encoding="utf-8") as f:
        seed_text = f.read()
    ids = [s["id"] for s in sections]
    if len(set(ids)) != len(ids):
        raise SystemExit("duplicate model ids")
    written = 0
    for s in sections:
        model = build_model(s)
        if s["id"] == SEED_PAGE_ID:
            apply_seed_page(model, seed_text)
        path = os.path.join(args.out_dir, s["id"] + ".json")
        data = dump(model).encode("utf-8")
        old = None
        if os.path.exists(path):
            with open(path, "rb") as f:
                old = f.read()
        if old != data:
            with open(path, "wb") as f:
                f.write(data)
        written += 1
    print(f"transcribed {written} models into {args.out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
