"""The HTML report: one self-contained page a councillor or journalist can read without help."""

from __future__ import annotations

from html import escape

from ..validate.findings import Finding, Report, Severity
from .common import (
    Quote,
    RuleGroup,
    group_by_rule,
    plural,
    quote_finding,
    rule_name,
    record_place,
    source_place,
    verdict,
    waiver_text,
)

_CSS = """
:root { --red: #b3261e; --red-bg: #fdecea; --amber: #8a5a00; --amber-bg: #fff4dc; --blue: #1d5b8f;
  --blue-bg: #e8f1fa; --green: #1e6b34; --green-bg: #e7f4ea; --ink: #1f2328; --muted: #59636e; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f7f9; color: var(--ink);
  font: 16px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
header.verdict { border-radius: 10px; padding: 1.25rem 1.5rem; margin-bottom: 1.25rem; }
header.fail { background: var(--red-bg); border-left: 8px solid var(--red); }
header.pass { background: var(--green-bg); border-left: 8px solid var(--green); }
header .dataset { margin: 0; color: var(--muted); font-size: .9rem; letter-spacing: .02em; }
header h1 { margin: .2rem 0 .4rem; font-size: 1.7rem; line-height: 1.25; }
header p.explain { margin: 0; }
.cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: .75rem; margin-bottom: 1.25rem; }
.card { background: #fff; border-radius: 8px; padding: .75rem 1rem; border: 1px solid #dde1e6; }
.card .n { display: block; font-size: 1.8rem; font-weight: 700; line-height: 1.1; }
.card .what { color: var(--muted); font-size: .85rem; }
.card.error .n { color: var(--red); } .card.warning .n { color: var(--amber); }
.card.waived .n { color: var(--blue); }
.guide { background: #fff; border: 1px solid #dde1e6; border-radius: 8px; padding: .75rem 1rem;
  margin-bottom: 1.25rem; font-size: .95rem; }
.guide dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .25rem 0 0; }
.guide dt { font-weight: 600; } .guide dd { margin: 0; }
nav { margin-top: .75rem; }
nav ul { padding-left: 1.2rem; margin: .25rem 0 0; }
section.rule { background: #fff; border: 1px solid #dde1e6; border-radius: 8px; padding: 1rem 1.25rem;
  margin-bottom: 1rem; }
section.rule h2 { margin: 0; font-size: 1.2rem; }
section.rule h2 .count { font-weight: 400; color: var(--muted); font-size: 1rem; }
section.rule .rule-meta { margin: .15rem 0 .75rem; color: var(--muted); font-size: .9rem; }
section.rule .rule-meta .code { white-space: nowrap; margin-left: .4rem; font-size: .85em; }
p.says { margin: .5rem 0 0; font-size: .8rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
ol.findings { list-style: none; padding: 0; margin: 0; }
li.finding { border-top: 1px solid #eceff2; padding: .75rem 0; }
li.finding:first-child { border-top: 0; padding-top: 0; }
.badge { display: inline-block; font-size: .75rem; font-weight: 700; text-transform: uppercase;
  letter-spacing: .04em; border-radius: 4px; padding: .05rem .45rem; margin-right: .4rem; vertical-align: 1px; }
.badge.error { background: var(--red-bg); color: var(--red); }
.badge.warning { background: var(--amber-bg); color: var(--amber); }
.badge.waived { background: var(--blue-bg); color: var(--blue); }
p.message { margin: 0; font-weight: 500; }
p.where { margin: .2rem 0 0; color: var(--muted); font-size: .9rem; }
blockquote { margin: .15rem 0 0; padding: .4rem .8rem; border-left: 4px solid #c8ced6; background: #f6f7f9;
  font-family: Georgia, "Times New Roman", serif; font-style: italic; }
p.waiver { margin: .4rem 0 0; padding: .35rem .7rem; background: var(--blue-bg); border-radius: 4px;
  font-size: .92rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
footer { color: var(--muted); font-size: .85rem; margin-top: 1.5rem; }
@media (max-width: 700px) { .cards { grid-template-columns: repeat(2, 1fr); } }
"""

_GUIDE = (
    ("Error", "error", "a figure or fact in the data that does not add up or breaks a rule."),
    ("Warning", "warning", "something that may be wrong and is worth a second look."),
    ("Acknowledged", "waived", "a known mistake in the published paper, kept as printed, with the reason."),
)


def _badge(finding: Finding) -> str:
    if finding.waived:
        return '<span class="badge waived">Acknowledged</span>'
    if finding.severity == Severity.error:
        return '<span class="badge error">Error</span>'
    return '<span class="badge warning">Warning</span>'


def _finding(finding: Finding, quote: Quote | None) -> str:
    where = "In " + record_place(finding)
    source = source_place(finding)
    if source:
        where += f" ({source})"
    quoted = quote_finding(quote, finding)
    parts = [
        f'<li class="finding">{_badge(finding)}',
        f'<p class="message">{escape(finding.message)}</p>',
        f'<p class="where">{escape(where)}.</p>',
    ]
    if quoted:
        parts.append(f'<p class="says">The paper says:</p>\n<blockquote>{escape(quoted)}</blockquote>')
    if finding.waived:
        parts.append(f'<p class="waiver"><strong>Acknowledged:</strong> {escape(waiver_text(finding))}</p>')
    parts.append("</li>")
    return "\n".join(parts)


def _counts(group: RuleGroup) -> str:
    counts = [plural(n, noun) for n, noun in ((group.errors, "error"), (group.warnings, "warning")) if n]
    if group.waived:
        counts.append(f"{group.waived} acknowledged")
    return ", ".join(counts)


def _section(group: RuleGroup, quote: Quote | None) -> str:
    findings = "\n".join(_finding(f, quote) for f in group.findings)
    # A code outside the registry has no statement of its rule, only its name, already the heading.
    rule = f"The rule: {escape(group.title)} " if group.title != rule_name(group.code) else ""
    return (
        f'<section class="rule" id="rule-{escape(group.code)}">\n'
        f'<h2>{escape(rule_name(group.code))} <span class="count">({escape(_counts(group))})</span></h2>\n'
        f'<p class="rule-meta">{rule}<span class="code">Code: <code>{escape(group.code)}</code></span></p>\n'
        f'<ol class="findings">\n{findings}\n</ol>\n</section>'
    )


def _explain(report: Report) -> str:
    if report.errors:
        return ("Each problem below says what does not add up, where the figure is in the dataset, and the "
                "line of the council paper it was taken from. Fix the data if it was copied wrongly; if the "
                "paper itself is wrong, keep the figure as printed and acknowledge it in waivers.yaml.")
    return "Every check passed, or the mistakes found are known errors in the published papers, listed below."


def render_html(report: Report, quote: Quote | None = None) -> str:
    """The report as one HTML page: no scripts, no external files, every value escaped."""
    groups = group_by_rule(report)
    state = "fail" if report.errors else "pass"
    cards = "\n".join(
        f'<div class="card {kind}"><span class="n">{count}</span><span class="what">{what}</span></div>'
        for kind, count, what in (
            ("error", report.errors, "errors to fix"),
            ("warning", report.warnings, "warnings to check"),
            ("waived", report.waived, "acknowledged"),
            ("", report.records, "records checked"),
            ("", report.rules, "rules checked"),
        )
    )
    guide = "\n".join(
        f'<dt><span class="badge {kind}">{name}</span></dt><dd>{text}</dd>' for name, kind, text in _GUIDE
    )
    contents = "\n".join(
        f'<li><a href="#rule-{escape(g.code)}">{escape(rule_name(g.code))}</a> ({escape(_counts(g))})</li>'
        for g in groups
    )
    nav = f"<nav><strong>Contents</strong><ul>\n{contents}\n</ul></nav>" if groups else ""
    sections = "\n".join(_section(g, quote) for g in groups)
    title = f"Validation report: {report.dataset}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<main>
<header class="verdict {state}">
<p class="dataset">Validation report · {escape(report.dataset)}</p>
<h1>{escape(verdict(report))}</h1>
<p class="explain">{escape(_explain(report))}</p>
</header>
<div class="cards">
{cards}
</div>
<div class="guide"><strong>How to read this report</strong>
<dl>
{guide}
</dl>
{nav}
</div>
{sections}
<footer>Made by scrutiny-data. Line numbers count from the top of each source paper's text.</footer>
</main>
</body>
</html>
"""
