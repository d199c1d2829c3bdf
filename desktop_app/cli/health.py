"""carnet-cli sub-commands for what comes next: `prevention due|dismiss|restore|answer`,
`requests list|add|letter|close`, `agenda list|add|export|import`.

`agenda import` shows what the file would add and adds it only with --yes (all or nothing). Dates given with
--today are for checking the calendar on another day; they never change what is stored.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from desktop_app import agenda, prevention, records_requests
from desktop_app.cli.core import EXIT_OK, Context, UsageError, _entry_json, _parse_fields
from desktop_app.hardening import make_private
from dossier.prevention import Status

_STATUS = {
    Status.OVERDUE: ("en retard", "overdue"),
    Status.DUE: ("à faire", "due"),
    Status.ASK: ("question", "question"),
    Status.UPCOMING: ("à venir", "upcoming"),
    Status.DONE: ("fait", "done"),
}
_REQUEST_STATUS = {
    "reflection": ("délai de réflexion (48 h)", "48-hour reflection period"),
    "waiting": ("en attente", "waiting"),
    "late": ("délai dépassé", "deadline passed"),
    "answered": ("reçu", "received"),
}
_YES = {"oui", "o", "yes", "y", "true", "1"}
_NO = {"non", "n", "no", "false", "0"}
_SKIP = {"passer", "skip", "?", ""}


def _today(ctx: Context) -> date:
    raw = getattr(ctx.args, "today", None)
    if not raw:
        return date.today()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise UsageError(f"Date invalide : « {raw} » (AAAA-MM-JJ).", f"Invalid date: '{raw}' (YYYY-MM-DD).") from None


def _fr_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _output(ctx: Context) -> Path:
    out = Path(ctx.args.output)
    if out.exists() and not ctx.args.force:
        raise UsageError(
            f"« {out} » existe déjà : choisissez un autre nom ou ajoutez --force.",
            f"'{out}' already exists: choose another name or add --force.",
        )
    return out


def _write(out: Path, content: bytes) -> None:
    with out.open("wb") as target:
        make_private(out)  # in clear on disk: the owner's only (S15)
        target.write(content)


def _dossier_id(ctx: Context) -> str:
    return ctx.dossier().dossier_id


# ------------------------------------------------------------------------------------------------ prevention
def cmd_prevention_due(ctx: Context) -> int:
    store = ctx.dossier()
    answers = prevention.load_answers(ctx.profile(), store.dossier_id)
    horizon = timedelta(days=ctx.args.horizon_days)
    today = _today(ctx)
    found = prevention.due(store, answers=answers, today=today, horizon=horizon)
    marks = prevention.load_dismissed(ctx.profile(), store.dossier_id)
    aside = {rule for rule in marks if prevention.is_dismissed(rule, marks, today=today)}
    if not ctx.args.all:  # --all: also what is done and what was set aside (with its mark)
        found = [r for r in found if r.status is not Status.DONE and r.rule_id not in aside]
    if ctx.args.json:
        rows = [r.as_dict() | {"dismissed": marks.get(r.rule_id) if r.rule_id in aside else None} for r in found]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        ctx.out("Rien à faire pour le moment.", "Nothing to do for now.")
    en = ctx.lang == "en"
    for r in found:
        status = _STATUS[r.status][1 if en else 0]
        when = _fr_date(r.due_date or r.done_on)
        print(f"[{status}] {r.label('en' if en else 'fr')}" + (f" — {when}" if when else ""))
        print(f"    {r.rule_en if en else r.rule_fr}")
        print(f"    Source: {r.source_en}" if en else f"    Source : {r.source_fr}")
        for question in r.questions_en if en else r.questions_fr:
            print(f"    ? {question}")
    return EXIT_OK


def cmd_prevention_dismiss(ctx: Context) -> int:
    """Set a suggestion aside: for good, or with --later for a month."""
    today = _today(ctx)
    prevention.dismiss(ctx.profile(), _dossier_id(ctx), ctx.args.rule, never=not ctx.args.later, today=today)
    if ctx.args.later:
        back = today + prevention.LATER
        ctx.out(f"« {ctx.args.rule} » sera proposé à nouveau le {_fr_date(back)}.",
                f"'{ctx.args.rule}' will be suggested again on {back.isoformat()}.")  # fmt: skip
    else:
        ctx.out(f"« {ctx.args.rule} » ne sera plus proposé.", f"'{ctx.args.rule}' will no longer be suggested.")
    return EXIT_OK


def cmd_prevention_restore(ctx: Context) -> int:
    """Suggest a set-aside recommendation again."""
    prevention.restore(ctx.profile(), _dossier_id(ctx), ctx.args.rule)
    ctx.out(f"« {ctx.args.rule} » est proposé à nouveau.", f"'{ctx.args.rule}' is suggested again.")
    return EXIT_OK


def cmd_prevention_answer(ctx: Context) -> int:
    answers: dict[str, bool | None] = {}
    for raw in ctx.args.answer:
        name, sep, value = raw.partition("=")
        word = value.strip().lower()
        if not sep or word not in _YES | _NO | _SKIP:
            raise UsageError(
                f"Réponse mal écrite : « {raw} » (attendu question=oui, non ou passer).",
                f"Malformed answer '{raw}' (expected question=yes, no or skip).",
            )
        answers[name.strip()] = True if word in _YES else False if word in _NO else None
    prevention.save_answers(ctx.profile(), _dossier_id(ctx), answers)
    ctx.out("Réponses enregistrées.", "Answers saved.")
    return EXIT_OK


# ------------------------------------------------------------------------------------------------ records requests
def cmd_requests_list(ctx: Context) -> int:
    tracked = records_requests.list_requests(ctx.dossier(), now=datetime.now())
    if ctx.args.json:
        print(json.dumps([t.as_dict() for t in tracked], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not tracked:
        ctx.out("Aucune demande de dossier.", "No records request.")
    en = ctx.lang == "en"
    for t in tracked:
        status = _REQUEST_STATUS[t.status.value][1 if en else 0]
        latest = _fr_date(t.deadlines.latest)
        estimate = (" (estimation)" if not en else " (estimate)") if t.deadlines.estimated else ""
        print(f"{t.entry.id}  [{status}] {t.entry.data['recipient']}")
        ctx.out(
            f"    envoyée le {_fr_date(records_requests.first_day(t.entry.data['sent_on']))} ; "
            f"au plus tard le {latest}{estimate}",
            f"    sent on {t.entry.data['sent_on']}; at the latest on {t.deadlines.latest.isoformat()}{estimate}",
        )
    return EXIT_OK


def cmd_requests_add(ctx: Context) -> int:
    entry = records_requests.add_request(ctx.dossier(), _parse_fields(ctx.args.field, ctx.args.field_json))
    tracked = records_requests.track(entry, now=datetime.now())
    if ctx.args.json:
        print(json.dumps(tracked.as_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    ctx.out(
        f"Demande enregistrée ({entry.id}). Réponse attendue au plus tard le {_fr_date(tracked.deadlines.latest)}.",
        f"Request saved ({entry.id}). Answer due at the latest on {tracked.deadlines.latest.isoformat()}.",
    )
    return EXIT_OK


def cmd_requests_letter(ctx: Context) -> int:
    out = _output(ctx)
    pdf = records_requests.letter(ctx.dossier(), ctx.args.id, written_on=_today(ctx), generated_at=datetime.now())
    ctx.out("Attention : la lettre enregistrée ne sera pas chiffrée.", "Warning: the saved letter is not encrypted.")
    _write(out, pdf)
    ctx.out(f"Lettre enregistrée dans {out}.", f"Letter saved to {out}.")
    return EXIT_OK


def cmd_requests_close(ctx: Context) -> int:
    store = ctx.dossier()
    if ctx.args.file:
        path = Path(ctx.args.file)
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise UsageError(
                f"Fichier illisible : {path} ({exc.strerror}).", f"Cannot read {path} ({exc.strerror})."
            ) from None
        records_requests.file_records(
            store, ctx.args.id, content, filename=path.name, category=ctx.args.category, received_on=_today(ctx)
        )
        ctx.out("Dossier classé dans Documents ; demande close.", "Records filed in Documents; request closed.")
        return EXIT_OK
    records_requests.close_request(store, ctx.args.id, answered_on=_today(ctx))
    ctx.out("Demande close : dossier reçu.", "Request closed: records received.")
    return EXIT_OK


# ------------------------------------------------------------------------------------------------ agenda
def cmd_agenda_list(ctx: Context) -> int:
    since = _today(ctx) if not ctx.args.all else None
    found = agenda.list_appointments(ctx.dossier(), since=since)
    if ctx.args.json:
        print(json.dumps([_entry_json(e) for e in found], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        ctx.out("Aucun rendez-vous à venir.", "No upcoming appointment.")
    for e in found:
        print(f"{e.id}  {e.summary}")
    return EXIT_OK


def cmd_agenda_add(ctx: Context) -> int:
    entry = agenda.add_appointment(ctx.dossier(), _parse_fields(ctx.args.field, ctx.args.field_json))
    if ctx.args.json:
        print(json.dumps(_entry_json(entry), ensure_ascii=False, indent=2))
        return EXIT_OK
    ctx.out(f"Rendez-vous enregistré ({entry.id}).", f"Appointment saved ({entry.id}).")
    return EXIT_OK


def cmd_agenda_export(ctx: Context) -> int:
    out = _output(ctx)
    store = ctx.dossier()
    chosen = [store.entries.get(i) for i in ctx.args.id] if ctx.args.id else agenda.list_appointments(store)
    ics = agenda.export_ics(chosen, now=datetime.now().astimezone())
    _write(out, ics)
    ctx.out(f"{len(chosen)} rendez-vous exporté(s) dans {out}.", f"{len(chosen)} appointment(s) exported to {out}.")
    return EXIT_OK


def cmd_agenda_import(ctx: Context) -> int:
    store = ctx.dossier()
    try:
        content = Path(ctx.args.file).read_bytes()
    except OSError as exc:
        raise UsageError(
            f"Fichier illisible : {ctx.args.file} ({exc.strerror}).", f"Cannot read {ctx.args.file} ({exc.strerror})."
        ) from None
    plan = agenda.plan_import(content, existing_uids=agenda.existing_uids(store), today=date.today())
    if ctx.args.json:
        summary: dict[str, Any] = {
            "to_add": list(plan.to_add),
            "already_there": list(plan.already_there),
            "left_aside": [{"title": t, "reason_fr": fr, "reason_en": en} for t, fr, en in plan.left_aside],
            "notes_fr": list(plan.notes_fr),
            "notes_en": list(plan.notes_en),
            "applied": bool(ctx.args.yes),
        }
        if ctx.args.yes:
            agenda.apply_import(store, plan)
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return EXIT_OK
    ctx.out(f"À ajouter : {len(plan.to_add)} rendez-vous.", f"To add: {len(plan.to_add)} appointment(s).")
    for fields in plan.to_add:
        print(f"  + {fields['starts_at']}  {fields['title']}")
    if plan.already_there:
        ctx.out(
            f"Déjà dans l'agenda : {len(plan.already_there)}.", f"Already in the agenda: {len(plan.already_there)}."
        )
    for title, fr, en in plan.left_aside:
        ctx.out(f"  - {title} : laissé de côté ({fr})", f"  - {title}: left aside ({en})")
    for fr, en in zip(plan.notes_fr, plan.notes_en, strict=True):
        ctx.out(f"  ! {fr}", f"  ! {en}")
    if not ctx.args.yes:
        ctx.out(
            "Rien n'a été ajouté : relancez avec --yes pour ajouter.", "Nothing added: run again with --yes to add."
        )
        return EXIT_OK
    added = agenda.apply_import(store, plan)
    ctx.out(f"{len(added)} rendez-vous ajouté(s).", f"{len(added)} appointment(s) added.")
    return EXIT_OK


# ------------------------------------------------------------------------------------------------ parser
def register(subparsers: Any, *, parents: Sequence[argparse.ArgumentParser]) -> None:
    """Add the prevention, records-request and agenda commands to carnet-cli (from desktop_app/cli/core.py)."""

    def command(sub: Any, name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, parents=list(parents), help=help_text)
        p.set_defaults(handler=handler, command_name=name)
        return p

    def fields(p: argparse.ArgumentParser) -> None:
        p.add_argument("--field", action="append", default=[], metavar="NOM=VALEUR")
        p.add_argument("--field-json", action="append", default=[], metavar="NOM=JSON")

    def output(p: argparse.ArgumentParser) -> None:
        p.add_argument("--output", "-o", required=True)
        p.add_argument("--force", action="store_true")

    group = subparsers.add_parser("prevention", help="vaccinations, dépistages et bilans de prévention")
    sub = group.add_subparsers(dest="cmd", required=True)
    p = command(sub, "due", cmd_prevention_due, "ce qui est à faire, en retard ou fait, avec la règle et sa source")
    p.add_argument("--all", action="store_true", help="montrer aussi ce qui est fait")
    p.add_argument("--horizon-days", type=int, default=365, help="à venir dans ce nombre de jours")
    p.add_argument("--today", help="calculer pour une autre date (AAAA-MM-JJ)")
    p = command(sub, "dismiss", cmd_prevention_dismiss, "ne plus proposer une recommandation (ou --later : un mois)")
    p.add_argument("rule", metavar="RÈGLE", help="l'identifiant de la règle (rule_id de « due --json »)")
    p.add_argument("--later", action="store_true", help="seulement pour un mois")
    p.add_argument("--today", help=argparse.SUPPRESS)
    p = command(sub, "restore", cmd_prevention_restore, "proposer à nouveau une recommandation écartée")
    p.add_argument("rule", metavar="RÈGLE")
    p = command(sub, "answer", cmd_prevention_answer, "répondre aux questions du calendrier (ou les passer)")
    p.add_argument("answer", nargs="+", metavar="QUESTION=oui|non|passer")

    group = subparsers.add_parser("requests", help="mes demandes de dossier médical (loi du 4 mars 2002)")
    sub = group.add_subparsers(dest="cmd", required=True)
    command(sub, "list", cmd_requests_list, "les demandes et leurs délais légaux")
    fields(command(sub, "add", cmd_requests_add, "enregistrer une demande"))
    p = command(sub, "letter", cmd_requests_letter, "écrire la lettre de demande (PDF, non chiffré)")
    p.add_argument("id")
    p.add_argument("--today", help="date de la lettre (AAAA-MM-JJ)")
    output(p)
    p = command(sub, "close", cmd_requests_close, "le dossier est arrivé : clore la demande")
    p.add_argument("id")
    p.add_argument("--file", help="le dossier reçu, à classer dans Documents")
    p.add_argument("--category", default="compte_rendu", help="catégorie du document (par défaut : compte_rendu)")
    p.add_argument("--today", help="date de réception (AAAA-MM-JJ)")

    group = subparsers.add_parser("agenda", help="rendez-vous")
    sub = group.add_subparsers(dest="cmd", required=True)
    p = command(sub, "list", cmd_agenda_list, "les rendez-vous à venir")
    p.add_argument("--all", action="store_true", help="aussi les rendez-vous passés")
    p.add_argument("--today", help=argparse.SUPPRESS)
    fields(command(sub, "add", cmd_agenda_add, "ajouter un rendez-vous"))
    p = command(sub, "export", cmd_agenda_export, "exporter en iCalendar (.ics, non chiffré)")
    p.add_argument("--id", action="append", default=[], help="un rendez-vous (répétable) ; par défaut : tous")
    output(p)
    p = command(sub, "import", cmd_agenda_import, "importer un fichier .ics (montre d'abord ce qui sera ajouté)")
    p.add_argument("file")
    p.add_argument("--yes", action="store_true", help="ajouter vraiment")
