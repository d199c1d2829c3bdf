"""Sending mail: the `Mailer` interface, the default `.eml` outbox and an SMTP client."""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Protocol

from server.config import SmtpSettings
from server.private_files import open_private, private_dir

log = logging.getLogger("carnet.server.mail")


@dataclass(frozen=True, slots=True)
class OutgoingMail:
    """A plain-text UTF-8 message to one person."""

    to: str
    subject: str
    body: str


class MailDeliveryError(RuntimeError):
    """The message could not be handed over; the caller's transaction must not pretend it was."""


class MailConfigurationError(ValueError):
    """The SMTP settings cannot work (unreadable CA file): refused when the service starts."""


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
            private_dir(self.directory)  # one-time codes inside: 0700, files 0600 (S45)
            target = self.directory / f"{uuid.uuid4()}.eml"
            tmp = target.with_suffix(".tmp")
            with os.fdopen(open_private(tmp), "wb") as out:
                out.write(bytes(build_message(mail, sender=self.sender)))
            tmp.replace(target)
        except OSError as exc:
            raise MailDeliveryError("outbox not writable") from exc
        log.info("mail sent to %s", mask_address(mail.to))


def tls_context(ca_file: Path | None) -> ssl.SSLContext:
    """A client context that verifies the certificate chain and the host name (S35), TLS 1.2 at least.

    Raises `MailConfigurationError` when the CA file cannot be read: a misconfiguration shows at start, not at the
    first mail."""
    try:
        context = ssl.create_default_context(cafile=str(ca_file) if ca_file is not None else None)
    except (OSError, ssl.SSLError) as exc:
        raise MailConfigurationError(
            f"SMTP : fichier d'autorités de certification illisible ({ca_file}). "
            f"(SMTP: the CA file cannot be read: {ca_file}.)"
        ) from exc
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context


def _delivery_error(exc: Exception) -> MailDeliveryError:
    """A French-first reason an operator can act on; never the message, the address or the password."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        return MailDeliveryError(
            "Certificat du serveur SMTP refusé (autorité inconnue, expiré ou nom d'hôte différent) : rien n'a été "
            f"envoyé. (SMTP server certificate not trusted: {exc.verify_message}; nothing was sent.)"
        )
    if isinstance(exc, smtplib.SMTPNotSupportedError) and "AUTH" in str(exc):
        return MailDeliveryError(
            "Le serveur SMTP ne propose pas d'authentification : identifiant non envoyé. "
            "(The SMTP server offers no authentication: the login was not sent.)"
        )
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return MailDeliveryError(
            "Le serveur SMTP ne propose pas STARTTLS : rien n'a été envoyé en clair. "
            "(The SMTP server does not offer STARTTLS: nothing was sent in clear.)"
        )
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return MailDeliveryError(
            "Le serveur SMTP a refusé l'identifiant ou le mot de passe. (The SMTP server refused the login.)"
        )
    return MailDeliveryError(f"Envoi SMTP impossible. (SMTP delivery failed: {type(exc).__name__}.)")


class SmtpMailer:
    """Delivers through an SMTP server: plain, STARTTLS or implicit TLS, optional login (only over TLS)."""

    def __init__(self, settings: SmtpSettings, *, sender: str) -> None:
        self.settings = settings
        self.sender = sender
        self._tls = tls_context(settings.ca_file) if settings.starttls or settings.ssl else None

    def send(self, mail: OutgoingMail) -> None:
        s = self.settings
        message = build_message(mail, sender=self.sender)
        try:
            client: smtplib.SMTP
            if s.ssl:
                client = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout_s, context=self._tls)
            else:
                client = smtplib.SMTP(s.host, s.port, timeout=s.timeout_s)
            with client:
                if s.starttls:
                    client.starttls(context=self._tls)  # raises rather than go on in clear
                if s.user:
                    client.login(s.user, s.password or "")
                client.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            error = _delivery_error(exc)
            log.warning("mail to %s not delivered: %s", mask_address(mail.to), error)
            raise error from exc
        log.info("mail sent to %s", mask_address(mail.to))
