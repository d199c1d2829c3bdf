"""PDF documents a person can hand over: synthèse, carte d'urgence, historique des accès, justificatif d'aidant.

Built in memory with reportlab (the caller stores the bytes as a document or writes them to a path the person
chose: no temp file, S15). DejaVu Sans is embedded so every French accent prints; type is large for older eyes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Frame,
    KeepInFrame,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from dossier.fhir.model import EntryLike

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
BODY_SIZE = 12.5  # generous: readable without glasses for most older readers
INK = colors.HexColor("#111111")
ACCENT = colors.HexColor("#0b3d91")  # dark blue: contrast ratio > 10:1 on white

KIND_TITLES: dict[str, tuple[str, str]] = {
    "identity": ("Identité", "Identity"),
    "condition": ("Maladies et sujets de santé", "Conditions"),
    "treatment": ("Traitements", "Treatments"),
    "allergy": ("Allergies", "Allergies"),
    "hospitalisation": ("Hospitalisations", "Hospital stays"),
    "procedure": ("Antécédents chirurgicaux et actes", "Surgical history and procedures"),
    "disability": ("Handicaps", "Disabilities"),
    "family_history": ("Antécédents familiaux", "Family history"),
    "vaccination": ("Vaccinations", "Immunizations"),
    "blood_group": ("Groupe sanguin", "Blood group"),
    "lifestyle": ("Habitudes de vie", "Lifestyle"),
    "measurement": ("Mesures", "Measurements"),
    "lab_result": ("Résultats d'analyses", "Lab results"),
    "emergency_contact": ("Contacts d'urgence", "Emergency contacts"),
    "trusted_person": ("Personne de confiance", "Trusted person"),
    "caregiver": ("Proches aidants", "Caregivers"),
    "advance_directive": ("Directives anticipées", "Advance directives"),
    "organ_donation": ("Don d'organes", "Organ donation"),
}
SYNTHESE_ORDER = [k for k in KIND_TITLES if k != "identity"]
RECENT_LAB_RESULTS = 10  # a synthèse shows the latest results; the full list stays in Carnet


def register_fonts() -> None:
    """Register the embedded DejaVu fonts once (reportlab keeps a process-wide registry)."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


def _styles(size: float = BODY_SIZE) -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, bulletFontName=FONT, fontSize=size, leading=size * 1.35, textColor=INK)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=size * 0.85, leading=size * 1.15),
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=size * 1.7, leading=size * 2.1, textColor=ACCENT
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=size * 1.2,
            leading=size * 1.6,
            textColor=ACCENT,
            spaceBefore=size * 0.9,
            spaceAfter=size * 0.3,
        ),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=size * 1.2, bulletIndent=size * 0.2),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _english(lang: str) -> bool:
    return lang.startswith("en")


def format_date(value: date | datetime, lang: str = "fr") -> str:
    """« 14/03/2026 10:05 » in French; « 14 Mar 2026 10:05 » in English (no day/month order to guess)."""
    if _english(lang):
        day = f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"
        return f"{day} {value:%H:%M}" if isinstance(value, datetime) else day
    return value.strftime("%d/%m/%Y %H:%M") if isinstance(value, datetime) else value.strftime("%d/%m/%Y")


_fmt_date = format_date


def entry_text(entry: EntryLike) -> str:
    """One readable line per entry: the store's summary when there is one, else its values."""
    summary = getattr(entry, "summary", None)
    if isinstance(summary, str) and summary.strip():
        from dossier.entries import ENTRY_KINDS

        spec = ENTRY_KINDS.get(entry.kind)
        # The store's summary starts with the kind ("Allergie : …"): redundant under the section heading.
        prefix = f"{spec.label_fr} : " if spec is not None else ""
        return summary.removeprefix(prefix) if prefix else summary
    return ", ".join(str(v) for v in entry.data.values() if isinstance(v, str | int | float) and str(v) != "")


def _identity_line(entries: Sequence[EntryLike]) -> str | None:
    ident = next((e for e in entries if e.kind == "identity"), None)
    if ident is None:
        return None
    d = ident.data
    name = " ".join(str(d[k]) for k in ("first_names", "birth_name") if d.get(k))
    born = d.get("birth_date")
    return f"{name}, né(e) le {_iso_to_fr(str(born))}" if born else (name or entry_text(ident))


def _iso_to_fr(value: str) -> str:
    try:
        return _fmt_date(date.fromisoformat(value[:10]))
    except ValueError:
        return value


def _footer(generated_at: datetime, label: str, lang: str = "fr") -> Any:
    made = "generated by Carnet on" if _english(lang) else "généré par Carnet le"

    def draw(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 9.5)
        canvas.setFillColor(INK)
        canvas.drawString(18 * mm, 10 * mm, f"{label} — {made} {_fmt_date(generated_at, lang)}")
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    return draw


def _build(story: list[Flowable], *, title: str, generated_at: datetime, lang: str = "fr") -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="Carnet",
        lang="en-GB" if _english(lang) else "fr-FR",
        # Without an initial font the canvas references Helvetica (never embedded) on every page.
        initialFontName=FONT,
    )
    footer = _footer(generated_at, title, lang)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def _grouped(entries: Iterable[EntryLike]) -> dict[str, list[EntryLike]]:
    out: dict[str, list[EntryLike]] = {}
    for e in entries:
        out.setdefault(e.kind, []).append(e)
    return out


def _not_concerned(groups: Mapping[str, list[EntryLike]]) -> set[str]:
    """Kinds whose section the patient declared "non concerné"."""
    from dossier.entries import ENTRY_KINDS

    sections = {str(e.data.get("section")) for e in groups.get("not_concerned", [])}
    return {name for name, spec in ENTRY_KINDS.items() if spec.section in sections}


def _headed(title: str, entries: Sequence[EntryLike], note: str, s: Mapping[str, ParagraphStyle]) -> list[Flowable]:
    """A document's first lines: its title, the person (name, birth date) and a small note on what it is."""
    story: list[Flowable] = [_p(title, s["title"])]
    who = _identity_line(entries)
    if who:
        story.append(_p(who, s["body"]))
    story.append(_p(note, s["small"]))
    return story


# --- Synthèse du profil médical ----------------------------------------------------------------------------------
def _recent_lab_results(items: Sequence[EntryLike]) -> tuple[list[EntryLike], int]:
    """The latest lab results, newest first, and how many older ones are left out."""
    newest = sorted(items, key=lambda e: str(e.data.get("date") or ""), reverse=True)
    return newest[:RECENT_LAB_RESULTS], max(0, len(newest) - RECENT_LAB_RESULTS)


def build_synthese(entries: Sequence[EntryLike], *, generated_at: datetime) -> bytes:
    """Synthèse du profil médical: every section, its entries or "non concerné", for professionals to read."""
    s = _styles()
    groups = _grouped(entries)
    nc = _not_concerned(groups)
    story = _headed(
        "Synthèse du profil médical",
        entries,
        "Informations déclarées par le patient dans Carnet. Elles ne remplacent pas un avis médical.",
        s,
    )
    shown = 0
    for kind in SYNTHESE_ORDER:
        items = groups.get(kind, [])
        if not items and kind not in nc:
            continue
        shown += 1
        story.append(_p(KIND_TITLES[kind][0], s["h2"]))
        if not items:
            story.append(_p("Non concerné(e) : déclaré par le patient.", s["body"]))
        older = 0
        if kind == "lab_result":
            items, older = _recent_lab_results(items)
        for e in items:
            story.append(Paragraph(escape(entry_text(e)), s["bullet"], bulletText="•"))
        if older:
            more = "résultat plus ancien" if older == 1 else "résultats plus anciens"
            story.append(_p(f"… et {older} {more}, à consulter dans Carnet.", s["small"]))
    if not shown:
        story.append(_p("Aucune information n'est encore renseignée.", s["body"]))
    return _build(story, title="Synthèse du profil médical", generated_at=generated_at)


# --- Carte d'urgence ---------------------------------------------------------------------------------------------
CARD_W, CARD_H = 85.6 * mm, 54 * mm  # ISO/IEC 7810 ID-1, the size of a bank card


def _card_panels(entries: Sequence[EntryLike]) -> list[tuple[str, list[str]]]:
    groups = _grouped(entries)
    nc = _not_concerned(groups)

    def lines(kind: str, *, none: str = "Non renseigné") -> list[str]:
        items = groups.get(kind, [])
        if items:
            return [entry_text(e) for e in items]
        return ["Aucune (déclaré par le patient)" if kind in nc else none]

    current = [e for e in groups.get("treatment", []) if e.data.get("ongoing", not e.data.get("end_date"))]
    conditions = [
        e for e in groups.get("condition", []) if e.data.get("status") != "resolved" and not e.data.get("end_date")
    ]
    ident = next((e for e in entries if e.kind == "identity"), None)
    doctor = ident.data.get("gp_name") if ident is not None else None
    blood = groups.get("blood_group", [])
    directives = "Oui, j'ai rédigé des directives anticipées" if groups.get("advance_directive") else "Non renseigné"
    return [
        (
            "CARTE D'URGENCE",
            [
                _identity_line(entries) or "Nom : ……………………",
                f"Groupe sanguin : {entry_text(blood[0]) if blood else 'non renseigné'}",
                f"Directives anticipées : {directives}",
                f"Médecin traitant : {doctor or 'non renseigné'}",
            ],
        ),
        ("Allergies", lines("allergy")),
        ("Traitements en cours", [entry_text(e) for e in current] or lines("treatment")),
        (
            "Maladies importantes et contacts",
            [entry_text(e) for e in conditions][:4]
            + [f"Urgence : {entry_text(e)}" for e in groups.get("emergency_contact", [])]
            + [f"Personne de confiance : {entry_text(e)}" for e in groups.get("trusted_person", [])],
        ),
    ]


class _CardSheet(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """Four card-size panels (2 × 2) with a solid cut line and dotted fold lines: cut, fold twice, keep in a wallet."""

    def __init__(self, panels: Sequence[tuple[str, Sequence[str]]]) -> None:
        super().__init__()
        self.panels = panels
        self.width, self.height = 2 * CARD_W, 2 * CARD_H

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(INK)
        c.setLineWidth(1.2)
        c.rect(0, 0, self.width, self.height)  # cut line
        c.setDash(3, 3)
        c.setLineWidth(0.6)
        c.line(CARD_W, 0, CARD_W, self.height)  # fold lines
        c.line(0, CARD_H, self.width, CARD_H)
        c.setDash()
        title = ParagraphStyle("card-title", fontName=FONT_BOLD, fontSize=12, leading=15, textColor=ACCENT)
        body = ParagraphStyle("card-body", fontName=FONT, bulletFontName=FONT, fontSize=10.5, leading=13, textColor=INK)
        # Folded along the horizontal line first, the bottom row ends up behind the top row: drawn upside down
        # here, it reads the right way up once folded.
        positions = [(0, CARD_H, False), (CARD_W, CARD_H, False), (CARD_W, 0, True), (0, 0, True)]
        for (heading, lines), (x, y, flipped) in zip(self.panels, positions, strict=False):
            flow: list[Flowable] = [Paragraph(escape(heading), title)]
            flow += [Paragraph(escape(line), body, bulletText="•") for line in lines]
            # Too much to fit shrinks the panel's type rather than losing a line (an allergy must never vanish).
            box = KeepInFrame(CARD_W - 8 * mm, CARD_H - 6 * mm, flow, mode="shrink")
            c.saveState()
            if flipped:
                c.translate(x + CARD_W, y + CARD_H)
                c.rotate(180)
            else:
                c.translate(x, y)
            frame = Frame(
                3 * mm,
                2 * mm,
                CARD_W - 6 * mm,
                CARD_H - 4 * mm,
                showBoundary=0,
                leftPadding=1,
                rightPadding=1,
                topPadding=1,
                bottomPadding=1,
            )
            frame.addFromList([box], c)
            c.restoreState()


def build_emergency_card(entries: Sequence[EntryLike], *, generated_at: datetime) -> bytes:
    """Carte d'urgence: allergies, current treatments, blood group, major conditions, contacts, directives."""
    s = _styles()
    story: list[Flowable] = [
        _p("Carte d'urgence", s["title"]),
        _p(
            "Découpez le long du trait plein, pliez le long des pointillés, puis gardez la carte avec vos papiers "
            "d'identité. Mettez-la à jour quand vos traitements changent.",
            s["body"],
        ),
        Spacer(1, 6 * mm),
        _CardSheet(_card_panels(entries)),
    ]
    return _build(story, title="Carte d'urgence", generated_at=generated_at)


# A table with a header row: a grid, the header shaded.
TABLE_STYLE: tuple[tuple[Any, ...], ...] = (
    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6f5")),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
)


# --- Carnet de vaccination --------------------------------------------------------------------------------------
VACCINATION_DOSES = {"primo": "Primo-vaccination", "rappel": "Rappel"}


def _vaccination_rows(items: Sequence[EntryLike], style: ParagraphStyle) -> list[list[Any]]:
    """One row per injection, oldest first (the order a paper carnet de vaccination is filled in)."""
    rows: list[list[Any]] = []
    for e in sorted(items, key=lambda e: str(e.data.get("date") or "")):
        d = e.data
        cells = (
            _iso_to_fr(str(d.get("date") or "")),
            str(d.get("vaccine") or ""),
            VACCINATION_DOSES.get(str(d.get("dose") or ""), str(d.get("dose") or "")),
            str(d.get("lot") or ""),
            str(d.get("vaccinator") or ""),
        )
        rows.append([_p(cell, style) for cell in cells])
    return rows


def build_vaccination_record(entries: Sequence[EntryLike], *, generated_at: datetime) -> bytes:
    """Carnet de vaccination: the person, then every injection with its date, vaccine, dose, batch and vaccinator."""
    s = _styles(11.5)
    groups = _grouped(entries)
    story = _headed(
        "Carnet de vaccination",
        entries,
        "Vaccinations déclarées dans Carnet. Montrez ce relevé à votre médecin ou à votre pharmacien ; "
        "il ne remplace pas un certificat de vaccination signé.",
        s,
    )
    story.append(Spacer(1, 4 * mm))
    items = groups.get("vaccination", [])
    if not items:
        declared = "vaccination" in _not_concerned(groups)
        none = "Aucune vaccination (déclaré par le patient)." if declared else "Aucune vaccination n'est renseignée."
        story.append(_p(none, s["body"]))
        return _build(story, title="Carnet de vaccination", generated_at=generated_at)
    th = ParagraphStyle("th", parent=s["body"], fontName=FONT_BOLD)
    head = [_p(h, th) for h in ("Date", "Vaccin", "Injection", "Lot", "Vacciné par")]
    table = Table(
        [head, *_vaccination_rows(items, s["body"])],
        colWidths=[28 * mm, 42 * mm, 44 * mm, 22 * mm, 38 * mm],
        repeatRows=1,
    )
    table.setStyle(TableStyle(list(TABLE_STYLE)))
    story.append(table)
    return _build(story, title="Carnet de vaccination", generated_at=generated_at)


# --- Historique des accès ----------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AccessEvent:
    """One line of the access history: who read or changed what, when."""

    at: datetime
    actor: str  # "Dr Marie Curie (médecin généraliste)", "Vous", "Benoît Lefèvre (aidant)"
    action: str  # "a consulté", "a ajouté un document"…, in the sheet's language
    detail: str = ""
    emergency: bool = False  # bris de glace


def build_access_history(
    events: Sequence[AccessEvent],
    *,
    patient_label: str,
    generated_at: datetime,
    period: tuple[date, date] | None = None,
    lang: str = "fr",
) -> bytes:
    """Historique des accès: every access, newest first; emergency accesses (bris de glace) stand out.

    ``lang`` ("fr" or "en") words the sheet; the lines (`events`) come already worded by the caller."""
    t = _ACCESS_TEXT["en" if _english(lang) else "fr"]
    s = _styles(11.5)
    story: list[Flowable] = [_p(t["title"], s["title"]), _p(t["record"].format(name=patient_label), s["body"])]
    if period:
        story.append(
            _p(t["period"].format(start=_fmt_date(period[0], lang), end=_fmt_date(period[1], lang)), s["body"])
        )
    story.append(Spacer(1, 4 * mm))
    if not events:
        story.append(_p(t["none"], s["body"]))
    else:
        head = [_p(h, ParagraphStyle("th", parent=s["body"], fontName=FONT_BOLD)) for h in t["head"]]
        rows: list[list[Any]] = [head]
        style = list(TABLE_STYLE)
        for i, ev in enumerate(sorted(events, key=lambda e: e.at, reverse=True), start=1):
            action = ev.action + (f" — {ev.detail}" if ev.detail else "")
            if ev.emergency:
                action = t["emergency"] + action
                style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#fde2d4")))
            rows.append([_p(_fmt_date(ev.at, lang), s["body"]), _p(ev.actor, s["body"]), _p(action, s["body"])])
        table = Table(rows, colWidths=[38 * mm, 55 * mm, 81 * mm], repeatRows=1)
        table.setStyle(TableStyle(style))
        story.append(table)
    return _build(story, title=t["title"], generated_at=generated_at, lang=lang)


_ACCESS_TEXT: dict[str, dict[str, Any]] = {
    "fr": {
        "title": "Historique des accès",
        "record": "Dossier de {name}",
        "period": "Période : du {start} au {end}",
        "none": "Aucun accès enregistré sur cette période.",
        "head": ("Date", "Qui", "Action"),
        "emergency": "ACCÈS D'URGENCE (bris de glace) : ",
    },
    "en": {
        "title": "Access history",
        "record": "Record of {name}",
        "period": "Period: from {start} to {end}",
        "none": "No access recorded in this period.",
        "head": ("Date", "Who", "Action"),
        "emergency": "EMERGENCY ACCESS (break the glass): ",
    },
}


# --- Justificatif d'accès pour un proche aidant ------------------------------------------------------------------
DEFAULT_CAREGIVER_RIGHTS = (
    "consulter le dossier",
    "ajouter des informations et des documents",
    "modifier les informations",
)
CAREGIVER_LIMITS = (
    "gérer les accès des professionnels",
    "fermer le dossier",
    "exporter les données",
)
_CAREGIVER_TEXT: dict[str, dict[str, Any]] = {
    "fr": {
        "title": "Justificatif d'accès — proche aidant",
        "footer": "Justificatif d'accès",
        "grant": "{patient} autorise {caregiver}{rel} à l'aider à gérer son dossier Carnet du {start} au {end} inclus.",
        "may": "Ce que la personne aidante peut faire :",
        "may_not": "Ce qu'elle ne peut pas faire :",
        "rights": DEFAULT_CAREGIVER_RIGHTS,
        "limits": CAREGIVER_LIMITS,
        "end": (
            "L'une ou l'autre personne peut mettre fin à cette autorisation à tout moment depuis Carnet. "
            "Chaque action de la personne aidante figure dans l'historique des accès."
        ),
        "reference": "Référence : {reference}",
    },
    "en": {
        "title": "Access certificate — caregiver",
        "footer": "Access certificate",
        "grant": (
            "{patient} authorises {caregiver}{rel} to help them manage their Carnet record from {start} to {end} "
            "inclusive."
        ),
        "may": "What the caregiver may do:",
        "may_not": "What they may not do:",
        "rights": ("read the record", "add information and documents", "change the information"),
        "limits": ("manage the access of health professionals", "close the record", "export the data"),
        "end": (
            "Either person may end this authorisation at any time from Carnet. "
            "Every action of the caregiver appears in the access history."
        ),
        "reference": "Reference: {reference}",
    },
}


@dataclass(frozen=True, slots=True)
class CaregiverGrant:
    """A delegation to a proche aidant: who, for whom, until when, with which rights.

    Empty ``rights`` / ``limits``: the standard ones, in the certificate's language."""

    patient_name: str
    caregiver_name: str
    start: date
    end: date
    reference: str
    relationship: str = ""
    rights: tuple[str, ...] = ()
    limits: tuple[str, ...] = field(default=())


def build_caregiver_certificate(grant: CaregiverGrant, *, generated_at: datetime, lang: str = "fr") -> bytes:
    """Justificatif d'accès: proof the caregiver may act on the dossier, with the dates and the limits."""
    if grant.end < grant.start:
        raise ValueError("the delegation ends before it starts")
    t = _CAREGIVER_TEXT["en" if _english(lang) else "fr"]
    s = _styles()
    rel = f" ({grant.relationship})" if grant.relationship else ""
    story: list[Flowable] = [
        _p(t["title"], s["title"]),
        _p(
            t["grant"].format(
                patient=grant.patient_name,
                caregiver=grant.caregiver_name,
                rel=rel,
                start=_fmt_date(grant.start, lang),
                end=_fmt_date(grant.end, lang),
            ),
            s["body"],
        ),
        _p(t["may"], s["h2"]),
        *[Paragraph(escape(r), s["bullet"], bulletText="•") for r in grant.rights or t["rights"]],
        _p(t["may_not"], s["h2"]),
        *[Paragraph(escape(r), s["bullet"], bulletText="•") for r in grant.limits or t["limits"]],
        Spacer(1, 6 * mm),
        _p(t["end"], s["body"]),
        _p(t["reference"].format(reference=grant.reference), s["small"]),
    ]
    return _build(story, title=t["footer"], generated_at=generated_at, lang=lang)


# --- Récapitulatif de séance accompagnée ------------------------------------------------------------------------
def build_session_receipt(
    *,
    title: str,
    lines: Sequence[str],
    sections: Sequence[tuple[str, Sequence[str]]],
    generated_at: datetime,
) -> bytes:
    """A récapitulatif styled like the other sheets: a title, who/when lines, then headed lists."""
    s = _styles()
    story: list[Flowable] = [_p(title, s["title"]), *[_p(line, s["body"]) for line in lines]]
    for heading, items in sections:
        story.append(_p(heading, s["h2"]))
        story.extend(Paragraph(escape(item), s["bullet"], bulletText="•") for item in items)
    return _build(story, title=title, generated_at=generated_at)


# --- Clé de secours -----------------------------------------------------------------------------------------------
_RECOVERY_TEXT: dict[str, dict[str, Any]] = {
    "fr": {
        "title": "Clé de secours de votre carnet",
        "who": "Carnet de : {name}",
        "when": "Clé créée le : {date}",
        "key": "Votre clé de secours",
        "what_h": "À quoi sert cette clé ?",
        "what": (
            "Si vous oubliez le mot de passe de votre carnet, cette clé est le seul moyen de l'ouvrir sur cet "
            "ordinateur : dans « Ouvrir mon carnet », cochez « J'ai oublié mon mot de passe » et saisissez-la, "
            "puis choisissez un nouveau mot de passe.",
            "Elle ne sert pas à vous connecter au service en ligne : pour cela, utilisez « Mot de passe oublié ».",
        ),
        "where_h": "Où la garder ?",
        "where": (
            "Rangez cette feuille en lieu sûr, avec vos papiers importants, loin de l'ordinateur.",
            "Ne la photographiez pas, ne l'envoyez pas par e-mail, ne la donnez à personne : elle ouvre votre carnet.",
            "Une nouvelle clé (Paramètres › Nouvelle clé de secours) remplace celle-ci, qui ne fonctionne alors plus.",
        ),
        "footer": "Clé de secours",
    },
    "en": {
        "title": "Your record's recovery key",
        "who": "Record of: {name}",
        "when": "Key created on: {date}",
        "key": "Your recovery key",
        "what_h": "What is this key for?",
        "what": (
            "If you forget your record's password, this key is the only way to open it on this computer: in "
            "'Open my record', tick 'I forgot my password', type it, then choose a new password.",
            "It does not sign you in to the online service: for that, use 'Forgot password'.",
        ),
        "where_h": "Where to keep it?",
        "where": (
            "Keep this sheet somewhere safe, with your important papers, away from the computer.",
            "Do not photograph it, e-mail it or give it to anyone: it opens your record.",
            "A new key (Settings › New recovery key) replaces this one, which then stops working.",
        ),
        "footer": "Recovery key",
    },
}


def build_recovery_sheet(*, person_name: str, recovery_key: str, generated_at: datetime, lang: str = "fr") -> bytes:
    """The printed recovery key: whose carnet, the date, the key in large type, what it is for, where to keep it."""
    text: dict[str, Any] = _RECOVERY_TEXT["en" if lang.startswith("en") else "fr"]
    if not lang.startswith("en"):  # a no-break space inside « … »: no guillemet left alone at the end of a line
        text = {
            k: tuple(_guillemets(line) for line in v) if isinstance(v, tuple) else _guillemets(v)
            for k, v in text.items()
        }
    s = _styles()
    key_style = ParagraphStyle(
        "key", parent=s["body"], fontName=FONT_BOLD, fontSize=BODY_SIZE * 1.6, leading=BODY_SIZE * 2.4
    )
    # The key on two lines of whole groups, as it is typed (a group is never cut in two).
    groups = recovery_key.split("-")
    half = (len(groups) + 1) // 2
    key_markup = escape("-".join(groups[:half])) + ("-<br/>" + escape("-".join(groups[half:])) if groups[half:] else "")
    key_box = Table([[Paragraph(key_markup, key_style)]], colWidths=[A4[0] - 36 * mm])
    key_box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.5, ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), 4 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
            ]
        )
    )
    story: list[Flowable] = [
        _p(text["title"], s["title"]),
        _p(text["who"].format(name=person_name), s["h2"]),
        _p(text["when"].format(date=_fmt_date(generated_at.date(), lang)), s["body"]),
        Spacer(1, 5 * mm),
        _p(text["key"], s["h2"]),
        key_box,
        _p(text["what_h"], s["h2"]),
        *[Paragraph(escape(line), s["bullet"], bulletText="•") for line in text["what"]],
        _p(text["where_h"], s["h2"]),
        *[Paragraph(escape(line), s["bullet"], bulletText="•") for line in text["where"]],
    ]
    return _build(story, title=str(text["footer"]), generated_at=generated_at, lang=lang)


def _guillemets(text: str) -> str:
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")


def write_pdf(out: Path, content: bytes) -> None:
    """Write to the path the person chose (S15: no other copy is made)."""
    out.write_bytes(content)


__all__ = [
    "AccessEvent",
    "CaregiverGrant",
    "build_access_history",
    "build_caregiver_certificate",
    "build_emergency_card",
    "build_recovery_sheet",
    "build_session_receipt",
    "build_synthese",
    "build_vaccination_record",
    "format_date",
    "register_fonts",
    "write_pdf",
]
