"""Sending mail: the `Mailer` interface, the default `.eml` outbox and an SMTP client."""

from __future__ import annotations

import logging
import smtplib
import ssl
import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Protocol

from server.config import SmtpSettings

log = logging.getLogger("carnet.server.mail")


@dataclass(frozen=True, slots=True)
class OutgoingMail:
    """A plain-text UTF-8 message to one person."""

    to: str
    subject: str
    body: str


class MailDeliveryError(RuntimeError):
    """The message could not be handed over; the caller's transaction must not pretend it was."""


def mask_address(address: str) -> str:
    """`zoe@example.org` → `z***@example.org`: enough to follow a delivery, not to learn who."""
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


class Mailer(Protocol):
    """Anything that delivers an `OutgoingMail` or raises `MailDeliveryError`."""

    def send(self, mail: OutgoingMail) -> None: ...


def build_message(mail: OutgoingMail, *, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="carnet.localhost")
    message.set_content(mail.body, charset="utf-8")
    return message


class OutboxMailer:
    """Zero-configuration default: every message becomes an `.eml` file in the outbox directory."""

    def __init__(self, directory: Path, *, sender: str) -> None:
        self.directory = directory
        self.sender = sender

    def send(self, mail: OutgoingMail) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            target = self.directory / f"{uuid.uuid4()}.eml"
            tmp = target.with_suffix(".tmp")
            tmp.write_bytes(bytes(build_message(mail, sender=self.sender)))
            tmp.replace(target)
        except OSError as exc:
            raise MailDeliveryError("outbox not writable") from exc
        log.info("mail sent to %s", mask_address(mail.to))


class SmtpMailer:
    """Delivers through an SMTP server (plain, STARTTLS or implicit TLS, optional login)."""

    def __init__(self, settings: SmtpSettings, *, sender: str) -> None:
        self.settings = settings
        self.sender = sender

    def send(self, mail: OutgoingMail) -> None:
        s = self.settings
        message = build_message(mail, sender=self.sender)
        try:
            client: smtplib.SMTP
            if s.ssl:
                client = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout_s, context=ssl.create_default_context())
            else:
                client = smtplib.SMTP(s.host, s.port, timeout=s.timeout_s)
            with client:
                if s.starttls and not s.ssl:
                    client.starttls(context=ssl.create_default_context())
                if s.user:
                    client.login(s.user, s.password or "")
                client.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            log.warning("mail to %s not delivered (%s)", mask_address(mail.to), type(exc).__name__)
            raise MailDeliveryError("smtp delivery failed") from exc
        log.info("mail sent to %s", mask_address(mail.to))
