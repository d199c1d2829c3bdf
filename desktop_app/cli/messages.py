"""carnet-cli messages: list | show ID | reply ID --text-stdin [--attach FILE] | save-attachment ID MESSAGE_ID
--category CATEGORY (the messagerie; every command syncs first: what waits in the outbox goes, what is new comes)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from desktop_app import messages
from desktop_app.cli.core import EXIT_OK, Context, UsageError
from desktop_app.profile import UnlockedProfile
from desktop_app.service_client import NotSignedIn
from desktop_app.sync.engine import SyncEngine
from desktop_app.sync.http import SyncOffline


def _flush(ctx: Context, profile: UnlockedProfile) -> None:
    """One sync of the carnet (messages are synced entities); offline, the copy on this computer is used."""
    try:
        report = SyncEngine(profile).sync_once()
    except (SyncOffline, NotSignedIn):
        ctx.out("Hors ligne : copie de cet ordinateur.", "Offline: this computer's copy.")
        return
    refused = report.pushed.get("rejected", 0) + report.pushed.get("forbidden", 0)
    if refused:
        print(
            f"{refused} modification(s) refusée(s) : carnet-cli sync les détaille."
            if ctx.lang != "en"
            else f"{refused} change(s) refused: carnet-cli sync lists them.",
            file=sys.stderr,
        )


def _json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def cmd_list(ctx: Context) -> int:
    profile = ctx.profile()
    _flush(ctx, profile)
    found, total = messages.conversations(profile, archived=ctx.args.archived, limit=ctx.args.limit)
    if ctx.args.json:
        _json({"total": total, "items": [asdict(c) for c in found]})
        return EXIT_OK
    if not found:
        ctx.out("Aucune conversation.", "No conversations.")
    for c in found:
        flags = (" [close]" if c.closed else "", " [closed]" if c.closed else "")
        unread = (f" ({c.unread} non lu(s))", f" ({c.unread} unread)") if c.unread else ("", "")
        when = c.last_message_at.strftime("%Y-%m-%d %H:%M")
        ctx.out(
            f"{c.id}  {when}  {c.professional_name} — {c.subject}{unread[0]}{flags[0]}",
            f"{c.id}  {when}  {c.professional_name} — {c.subject}{unread[1]}{flags[1]}",
        )
    if total > len(found):
        ctx.out(f"… {total - len(found)} de plus (--limit).", f"… {total - len(found)} more (--limit).")
    return EXIT_OK


def cmd_show(ctx: Context) -> int:
    profile = ctx.profile()
    _flush(ctx, profile)
    conversation, thread = messages.thread(profile, ctx.args.id, mark_as_read=True)
    if ctx.args.json:
        _json({"conversation": asdict(conversation), "messages": [asdict(m) for m in thread]})
        return EXIT_OK
    ctx.out(
        f"{conversation.subject} — {conversation.professional_name}",
        f"{conversation.subject} — {conversation.professional_name}",
    )
    for m in thread:
        who = ("vous", "you") if m.mine else (conversation.professional_name, conversation.professional_name)
        when = m.sent_at.strftime("%Y-%m-%d %H:%M") if m.sent_at else None
        seen = (" (lu)", " (read)") if m.seen_in(conversation) else ("", "")
        ctx.out(
            f"\n[{m.seq if m.seq is not None else '…'}] {who[0]}, {when or 'en attente d’envoi'}{seen[0]} :\n{m.text}",
            f"\n[{m.seq if m.seq is not None else '…'}] {who[1]}, {when or 'waiting to be sent'}{seen[1]}:\n{m.text}",
        )
        if m.attachment is not None:
            a = m.attachment
            ctx.out(
                f"  Pièce jointe : {a.filename} ({a.size} octets) — message {m.id}",
                f"  Attachment: {a.filename} ({a.size} bytes) — message {m.id}",
            )
    if conversation.closed:
        ctx.out("\nConversation close : plus de réponse possible.", "\nConversation closed: no more replies.")
    return EXIT_OK


def cmd_reply(ctx: Context) -> int:
    if not ctx.args.text_stdin:
        raise UsageError(
            "Le texte de la réponse se lit sur l'entrée standard : ajoutez --text-stdin.",
            "The reply's text is read from standard input: add --text-stdin.",
        )
    profile = ctx.profile()  # its password, with --password-stdin, is the first line of standard input
    text = sys.stdin.read()
    attachment = None
    if ctx.args.attach is not None:
        path = Path(ctx.args.attach)
        try:
            attachment = (path.read_bytes(), path.name)
        except OSError as exc:
            raise UsageError(
                f"Le fichier {path} n'a pas pu être lu : rien n'a été envoyé.",
                f"The file {path} could not be read: nothing was sent.",
            ) from exc
    _flush(ctx, profile)
    outcome = messages.reply(profile, ctx.args.id, text, attachment=attachment)
    if isinstance(outcome, messages.Queued):
        _flush(ctx, profile)
        sent = not any(m.pending and m.id == outcome.id for m in messages.thread(profile, ctx.args.id)[1])
        if not sent:
            ctx.out(
                f"Réponse {outcome.id} gardée : elle partira à la prochaine synchronisation (carnet-cli sync).",
                f"Reply {outcome.id} kept: it is sent at the next sync (carnet-cli sync).",
            )
            return EXIT_OK
    ctx.out(f"Réponse envoyée ({outcome.id}).", f"Reply sent ({outcome.id}).")
    return EXIT_OK


def cmd_save_attachment(ctx: Context) -> int:
    profile = ctx.profile()
    _flush(ctx, profile)
    conversation, thread = messages.thread(profile, ctx.args.id)
    message = next((m for m in thread if m.id == ctx.args.message_id and m.attachment is not None), None)
    if message is None:
        raise UsageError(
            "Ce message n'a pas de pièce jointe dans cette conversation (carnet-cli messages show ID).",
            "This message has no attachment in this conversation (carnet-cli messages show ID).",
        )
    saved = messages.save_to_documents(profile, conversation, message, category=ctx.args.category, title=ctx.args.title)
    ctx.out(
        f"« {saved.title} » enregistré dans vos documents ({saved.category}, {saved.id}).",
        f"“{saved.title}” saved in your documents ({saved.category}, {saved.id}).",
    )
    return EXIT_OK


def register(subparsers: Any, *, parents: Sequence[argparse.ArgumentParser]) -> None:
    """Add `messages` to carnet-cli (called from desktop_app/cli/core.py)."""
    group = subparsers.add_parser("messages", help="messagerie sécurisée").add_subparsers(dest="cmd", required=True)

    def command(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = group.add_parser(name, parents=list(parents), help=help_text)
        p.set_defaults(handler=handler, command_name=f"messages {name}")
        return p

    p = command("list", cmd_list, "lister les conversations")
    p.add_argument("--archived", action="store_true", help="les conversations archivées")
    p.add_argument("--limit", type=int, default=50)
    command("show", cmd_show, "lire une conversation (la marque lue)").add_argument("id")
    p = command("reply", cmd_reply, "répondre dans une conversation (texte sur l'entrée standard)")
    p.add_argument("id")
    p.add_argument("--text-stdin", action="store_true", help="lire le texte de la réponse sur l'entrée standard")
    p.add_argument("--attach", metavar="FICHIER", help="joindre ce document (5 Mo au plus)")
    p = command("save-attachment", cmd_save_attachment, "enregistrer une pièce jointe dans mes documents")
    p.add_argument("id", help="la conversation")
    p.add_argument("message_id", help="le message qui porte la pièce jointe")
    p.add_argument("--category", required=True, help="catégorie du document (biologie, imagerie, compte_rendu…)")
    p.add_argument("--title", default=None, help="titre du document (par défaut : le nom du fichier)")
