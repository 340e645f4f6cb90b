"""The rule catalogue, generated from the registry: `scrutiny-data rules` and docs/rules.md."""

from __future__ import annotations

from typing import Any

from .registry import ENGINE_CODES, FAMILIES, RULES


def catalogue_records() -> list[dict[str, Any]]:
    """Every code with its family, severity, resources, title and description, in catalogue order."""
    records = [
        {"code": r.code, "family": r.family, "severity": str(r.severity), "resources": list(r.resources),
         "title": r.title, "description": r.docstring}
        for family in FAMILIES for r in RULES.values() if r.family == family
    ]
    records += [
        {"code": code, "family": "engine", "severity": str(severity), "resources": [], "title": text,
         "description": text}
        for code, (severity, text) in ENGINE_CODES.items()
    ]
    return records


def _resources(names: list[str]) -> str:
    return "every resource" if len(names) > 6 else ", ".join(f"`{n}`" for n in names)


def catalogue_markdown() -> str:
    """The rule catalogue as Markdown (the committed docs/rules.md)."""
    lines = [
        "# Rule catalogue",
        "",
        "<!-- Generated from the rule registry by `scrutiny-data rules --format markdown`; do not edit. -->",
        "",
        "Every finding carries one of these codes. Codes are a public contract: they stay stable, and a",
        "retired code stays listed. Errors fail a run unless waived in `waivers.yaml`; warnings do not.",
        "",
        "| code | family | severity | resources | what it checks |",
        "|---|---|---|---|---|",
    ]
    records = catalogue_records()
    lines += [f"| `{r['code']}` | {r['family']} | {r['severity']} | {_resources(r['resources']) or '-'} | "
              f"{r['title']} |" for r in records]
    for family in (*FAMILIES, "engine"):
        lines += ["", f"## {family}"]
        for record in (r for r in records if r["family"] == family):
            lines += ["", f"### `{record['code']}` ({record['severity']})", "", record["description"]]
    return "\n".join(lines) + "\n"
