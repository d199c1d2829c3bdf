"""The human-readable part of a CDA document as HTML, the way the HL7 CDA stylesheet shows it.

Header (title, patient, author, custodian, date) then every section's title and narrative block (`section/text`:
paragraphs, lists, tables, styled content). Only the tags written here come out; every text and attribute value
from the document is escaped; no link target, image or style sheet is emitted, so a viewer loads nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Final
from xml.etree.ElementTree import Element

from dossier.cda.header import INS_OIDS, CdaHeader, find, findall, text
from dossier.cda.parse import HL7
from dossier.dates import PartialDate
from dossier.errors import DossierValidationError

_STYLE_TAGS: Final = {"bold": "b", "italics": "i", "underline": "u", "emphasis": "em"}
_BLOCK_CELL: Final = {"th", "td"}
_MAX_DEPTH: Final = 12  # sections nested deeper are shown flat: h6 is the last heading level
_CSS: Final = (
    "body{font-family:sans-serif;} h1{font-size:150%;} h2{font-size:125%;margin-top:14px;}"
    " table{border-collapse:collapse;margin:4px 0;} th,td{border:1px solid #888;padding:3px 6px;}"
    " th{background:#e6e9ef;} .header td{border:none;padding:1px 8px 1px 0;} .muted{color:#555;}"
)


def _local(el: Element) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.removeprefix(f"{{{HL7}}}")


def _styles(el: Element) -> list[str]:
    codes = (el.get("styleCode") or "").split()
    return [_STYLE_TAGS[c.lower()] for c in codes if c.lower() in _STYLE_TAGS]


def _wrap(tags: list[str], inner: str) -> str:
    for tag in reversed(tags):
        inner = f"<{tag}>{inner}</{tag}>"
    return inner


def _children(el: Element) -> str:
    """The element's mixed content: its text, each child rendered, each child's tail."""
    parts = [escape(el.text or "")]
    for child in el:
        parts.append(_node(child))
        parts.append(escape(child.tail or ""))
    return "".join(parts)


def _span(tag: str) -> Callable[[Element], str]:
    return lambda el: _wrap([tag, *_styles(el)], _children(el))


def _table(el: Element) -> str:
    border = ' border="1" cellspacing="0" cellpadding="3"'
    return f"<table{border}>{_children(el)}</table>"


def _cell(el: Element) -> str:
    tag = _local(el)
    spans = "".join(
        f' {name}="{int(value)}"' for name in ("colspan", "rowspan") if (value := el.get(name) or "").isdigit()
    )
    return f"<{tag}{spans}>{_wrap(_styles(el), _children(el))}</{tag}>"


def _list(el: Element) -> str:
    tag = "ol" if el.get("listType") == "ordered" else "ul"
    caption = find(el, "caption")
    head = f"<p><b>{_children(caption)}</b></p>" if caption is not None else ""
    items = "".join(f"<li>{_wrap(_styles(i), _children(i))}</li>" for i in findall(el, "item"))
    return f"{head}<{tag}>{items}</{tag}>"


def _link(el: Element) -> str:
    # The target is not emitted: a click must open nothing, and the address is shown as text.
    target = el.get("href") or ""
    label = _children(el)
    return f"<u>{label}</u>" + (f" <span class='muted'>({escape(target)})</span>" if target else "")


def _media(el: Element) -> str:
    return "<i>[image]</i>"


_RENDERERS: Final[dict[str, Callable[[Element], str]]] = {
    "content": lambda el: _wrap(_styles(el), _children(el)),
    "paragraph": lambda el: f"<p>{_wrap(_styles(el), _children(el))}</p>",
    "br": lambda el: "<br/>",
    "sub": _span("sub"),
    "sup": _span("sup"),
    "caption": lambda el: f"<caption>{_children(el)}</caption>",
    "table": _table,
    "thead": _span("thead"),
    "tbody": _span("tbody"),
    "tfoot": _span("tfoot"),
    "tr": _span("tr"),
    "th": _cell,
    "td": _cell,
    "list": _list,
    "linkHtml": _link,
    "renderMultiMedia": _media,
    "footnote": lambda el: f"<span class='muted'>[{_children(el)}]</span>",
    "footnoteRef": lambda el: "",
    "col": lambda el: "",
    "colgroup": lambda el: "",
}


def _node(el: Element) -> str:
    renderer = _RENDERERS.get(_local(el))
    # An element the narrative block does not define: its text is kept, its markup is not.
    return renderer(el) if renderer is not None else _children(el)


def _section(section: Element, depth: int) -> str:
    level = min(2 + depth, 6)
    title = text(find(section, "title"))
    parts = [f"<h{level}>{escape(title)}</h{level}>"] if title else []
    block = find(section, "text")
    if block is not None:
        parts.append(f"<div>{_children(block)}</div>")
    for sub in findall(section, "component/section"):
        parts.append(_section(sub, min(depth + 1, _MAX_DEPTH)))
    return "".join(parts)


def _day(value: str | None, en: bool) -> str:
    if not value:
        return ""
    try:
        return value if en else PartialDate.parse(value).french()
    except DossierValidationError:
        return value


def _header_rows(header: CdaHeader, lang: str) -> list[tuple[str, str]]:
    en = lang.startswith("en")
    patient = header.patient
    who = patient.display_name
    if patient.birth_date:
        who += f" ({'born' if en else 'né(e) le'} {_day(patient.birth_date, en)})"
    rows = [("Patient" if en else "Patient(e)", who)]
    rows += [(INS_OIDS[oid], value) for oid, value in patient.ins]
    rows.append(
        ("Author" if en else "Auteur", ", ".join(p for p in (header.author_name, header.author_organization) if p))
    )
    rows.append(("Custodian" if en else "Établissement responsable", header.custodian))
    rows.append(("Date", _day(header.effective_date, en)))
    if header.type_code is not None:
        label = header.type_code.label
        rows.append(("Document type" if en else "Type de document", f"{label} (LOINC {header.type_code.code})"))
    return [(k, v) for k, v in rows if v]


def render_html(root: Element, header: CdaHeader, *, lang: str = "fr") -> str:
    """A complete, self-contained HTML page of the document's header and narrative."""
    rows = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in _header_rows(header, lang))
    parts = [
        f"<html><head><style>{_CSS}</style></head><body>",
        f"<h1>{escape(header.title)}</h1>",
        f"<table class='header'>{rows}</table><hr/>",
    ]
    body = find(root, "component/structuredBody")
    for section in findall(body, "component/section"):
        parts.append(_section(section, 0))
    non_xml = find(root, "component/nonXMLBody/text")
    if non_xml is not None:
        media = non_xml.get("mediaType") or ""
        joined = "Embedded document" if lang.startswith("en") else "Document joint"
        parts.append(f"<p class='muted'>{joined} ({escape(media)})</p>")
    parts.append("</body></html>")
    return "".join(parts)
