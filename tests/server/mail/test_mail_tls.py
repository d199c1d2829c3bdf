"""SMTP over STARTTLS and implicit TLS with login, against a real aiosmtpd and a throwaway CA (S35, S31)."""

from __future__ import annotations

import argparse
import dataclasses
import ipaddress
import os
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from fastapi.testclient import TestClient

from server.app import create_app
from server.config import Settings, SmtpSettings
from server.context import ServiceContext
from server.mail.service import MailConfigurationError, MailDeliveryError, OutgoingMail, SmtpMailer
from tests.support.service import Flows, Mailbox, bearer, free_port

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")

SMTP_USER = "carnet-relay"
SMTP_PASSWORD = "relais-secret-2026"  # a throwaway test credential


# ---------------------------------------------------------------- a throwaway PKI


@dataclass(frozen=True)
class Issued:
    cert_pem: Path
    key_pem: Path


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _write_key(key: ec.EllipticCurvePrivateKey, path: Path) -> Path:
    path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return path


class TestCa:
    """A self-signed certificate authority that issues server certificates."""

    __test__ = False

    def __init__(self, directory: Path, name: str) -> None:
        self.directory = directory
        self.key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.now(UTC)
        self.cert = (
            x509.CertificateBuilder()
            .subject_name(_name(name))
            .issuer_name(_name(name))
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256())
        )
        self.pem = directory / f"{name}.pem"
        self.pem.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))

    def issue(self, stem: str, *, dns: tuple[str, ...] = (), ips: tuple[str, ...] = ()) -> Issued:
        key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.now(UTC)
        names: list[x509.GeneralName] = [x509.DNSName(d) for d in dns]
        names += [x509.IPAddress(ipaddress.ip_address(ip)) for ip in ips]
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name(dns[0] if dns else ips[0]))
            .issuer_name(self.cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256())
        )
        cert_pem = self.directory / f"{stem}.crt"
        cert_pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        return Issued(cert_pem, _write_key(key, self.directory / f"{stem}.key"))


def server_context(issued: Issued) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(issued.cert_pem, issued.key_pem)
    return context


@dataclass(frozen=True)
class Pki:
    ca: TestCa  # the authority the service is configured to trust
    rogue: TestCa  # another authority nobody configured
    loopback: Issued  # by `ca`, for 127.0.0.1
    wrong_host: Issued  # by `ca`, but for another host name
    by_rogue: Issued  # for 127.0.0.1, by `rogue`


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    directory = tmp_path_factory.mktemp("pki")
    ca, rogue = TestCa(directory, "carnet-test-ca"), TestCa(directory, "rogue-ca")
    return Pki(
        ca=ca,
        rogue=rogue,
        loopback=ca.issue("loopback", dns=("localhost",), ips=("127.0.0.1",)),
        wrong_host=ca.issue("wrong-host", dns=("mail.example.org",)),
        by_rogue=rogue.issue("rogue-loopback", ips=("127.0.0.1",)),
    )


# ---------------------------------------------------------------- real SMTP servers


class Authenticator:
    """Accepts one login; remembers every attempt so a test can tell whether a password went out."""

    def __init__(self) -> None:
        self.attempts: list[tuple[bytes, bytes]] = []

    def __call__(self, _server: Any, _session: Any, _envelope: Any, _mechanism: str, data: Any) -> AuthResult:
        if not isinstance(data, LoginPassword):
            return AuthResult(success=False, handled=False)
        self.attempts.append((data.login, data.password))
        ok = data.login == SMTP_USER.encode() and data.password == SMTP_PASSWORD.encode()
        return AuthResult(success=ok, handled=False)  # not handled: aiosmtpd answers 535 on a refusal


@dataclass
class SmtpServer:
    port: int
    mailbox: Mailbox
    auth: Authenticator


@contextmanager
def smtp_server(*, starttls: Issued | None = None, implicit: Issued | None = None) -> Iterator[SmtpServer]:
    """aiosmtpd on loopback: STARTTLS offered with `starttls`, TLS from the first byte with `implicit`, or plain."""
    box, auth, port = Mailbox(), Authenticator(), free_port()
    options: dict[str, Any] = {
        "authenticator": auth,
        "auth_required": starttls is not None or implicit is not None,
    }
    if starttls is not None:
        options.update(tls_context=server_context(starttls), require_starttls=True)
    if implicit is not None:
        # TLS from the first byte, which aiosmtpd's AUTH check does not see: let it offer AUTH all the same.
        options.update(ssl_context=server_context(implicit), auth_require_tls=False)
    controller = Controller(box, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield SmtpServer(port, box, auth)
    finally:
        controller.stop()


MODES = ["starttls", "implicit"]


def tls_settings(mode: str, port: int, ca_file: Path | None, *, password: str = SMTP_PASSWORD) -> SmtpSettings:
    return SmtpSettings(
        host="127.0.0.1",
        port=port,
        starttls=mode == "starttls",
        ssl=mode == "implicit",
        user=SMTP_USER,
        password=password,
        ca_file=ca_file,
        timeout_s=5,
    )


@contextmanager
def server_for(mode: str, issued: Issued) -> Iterator[SmtpServer]:
    with smtp_server(**{mode: issued}) as server:
        yield server


MAIL = OutgoingMail(to="zoe@example.org", subject="Essai", body="Votre code à usage unique : 123456\n")


# ---------------------------------------------------------------- the whole flow over HTTP


@contextmanager
def service(settings: Settings) -> Iterator[tuple[TestClient, ServiceContext]]:
    ctx = ServiceContext.build(settings, pool_size=5)
    try:
        with TestClient(create_app(settings, context=ctx)) as client:
            yield client, ctx
    finally:
        ctx.close()


@pytest.mark.parametrize("mode", MODES)
def test_codes_travel_over_tls_with_login_and_a_person_signs_in_with_them(
    mode: str, pki: Pki, settings: Settings
) -> None:
    """S35: the codes of activation and login reach the person through a verified TLS session with SMTP login."""
    with server_for(mode, pki.loopback) as smtp:
        configured = dataclasses.replace(settings, smtp=tls_settings(mode, smtp.port, pki.ca.pem))
        with service(configured) as (client, ctx):
            flows = Flows(client, ctx, smtp.mailbox)
            person = flows.active_person()  # activation code, then the e-mail confirmation code, read from mails
            tokens = flows.login(person)  # the login code, read from the mail
            assert client.get("/v1/me", headers=bearer(tokens)).status_code == 200
        assert len(smtp.mailbox.to(person.email)) >= 3
        assert smtp.auth.attempts and all(a == (SMTP_USER.encode(), SMTP_PASSWORD.encode()) for a in smtp.auth.attempts)


@pytest.mark.parametrize("mode", MODES)
def test_untrusted_certificate_refuses_the_login_over_http_and_loses_nothing(
    mode: str, pki: Pki, settings: Settings
) -> None:
    """S35: a server certificate from an authority we did not configure: 503, no mail, no password sent; once the
    right authority is configured, the same person signs in."""
    with server_for(mode, pki.by_rogue) as rogue, server_for(mode, pki.loopback) as good:
        honest = dataclasses.replace(settings, smtp=tls_settings(mode, good.port, pki.ca.pem))
        with service(honest) as (client, ctx):
            person = Flows(client, ctx, good.mailbox).active_person()
        misled = dataclasses.replace(settings, smtp=tls_settings(mode, rogue.port, pki.ca.pem))
        with service(misled) as (client, ctx):
            r = Flows(client, ctx, rogue.mailbox).start_login(person)
        assert r.status_code == 503 and r.json()["code"] == "mail_unavailable"
        assert r.headers["content-type"].startswith("application/problem+json")
        assert rogue.mailbox.messages == [] and rogue.auth.attempts == []
        with service(honest) as (client, ctx):
            tokens = Flows(client, ctx, good.mailbox).login(person)
            assert client.get("/v1/me", headers=bearer(tokens)).status_code == 200


# ---------------------------------------------------------------- the client alone


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", ["other_authority", "other_host_name", "system_store_only"])
def test_client_refuses_an_untrusted_certificate_with_a_clear_error(mode: str, case: str, pki: Pki) -> None:
    """S35: verification of the chain and of the host name; the test CA is in no system store."""
    issued, ca_file = {
        "other_authority": (pki.by_rogue, pki.ca.pem),
        "other_host_name": (pki.wrong_host, pki.ca.pem),
        "system_store_only": (pki.loopback, None),
    }[case]
    with server_for(mode, issued) as smtp:
        mailer = SmtpMailer(tls_settings(mode, smtp.port, ca_file), sender="Carnet <ne-pas-repondre@carnet.localhost>")
        with pytest.raises(MailDeliveryError, match=r"^Certificat du serveur SMTP refusé .*not trusted"):
            mailer.send(MAIL)
    assert smtp.mailbox.messages == [] and smtp.auth.attempts == []


@pytest.mark.parametrize("mode", MODES)
def test_client_delivers_utf8_mail_over_tls_with_login(mode: str, pki: Pki) -> None:
    with server_for(mode, pki.loopback) as smtp:
        SmtpMailer(tls_settings(mode, smtp.port, pki.ca.pem), sender="Carnet <c@carnet.localhost>").send(MAIL)
    assert smtp.mailbox.last_body(MAIL.to).splitlines() == MAIL.body.splitlines()


def test_starttls_missing_on_the_server_sends_nothing_in_clear(pki: Pki) -> None:
    """S35: asked for STARTTLS, a server that does not offer it gets neither the password nor the message."""
    with smtp_server() as plain:
        mailer = SmtpMailer(tls_settings("starttls", plain.port, pki.ca.pem), sender="c@carnet.localhost")
        with pytest.raises(MailDeliveryError, match="ne propose pas STARTTLS"):
            mailer.send(MAIL)
    assert plain.mailbox.messages == [] and plain.auth.attempts == []


@pytest.mark.parametrize("mode", MODES)
def test_wrong_smtp_password_is_a_clear_error(mode: str, pki: Pki) -> None:
    with server_for(mode, pki.loopback) as smtp:
        mailer = SmtpMailer(
            tls_settings(mode, smtp.port, pki.ca.pem, password="pas le bon"), sender="c@carnet.localhost"
        )
        with pytest.raises(MailDeliveryError, match="refusé l'identifiant"):
            mailer.send(MAIL)
    assert smtp.mailbox.messages == []


def test_settings_that_cannot_be_safe_are_refused_before_anything_is_sent(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="chiffrée"):
        SmtpSettings(host="127.0.0.1", user=SMTP_USER, password=SMTP_PASSWORD)
    with pytest.raises(ValueError, match="pas les deux"):
        SmtpSettings(host="127.0.0.1", starttls=True, ssl=True)
    with pytest.raises(ValueError, match="autorités"):
        SmtpSettings(host="127.0.0.1", ca_file=tmp_path / "ca.pem")
    missing = SmtpSettings(host="127.0.0.1", starttls=True, ca_file=tmp_path / "absent.pem")
    with pytest.raises(MailConfigurationError, match="illisible"):
        ServiceContext.build(Settings(data_dir=tmp_path, smtp=missing), pool_size=0)
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("pas un certificat")
    with pytest.raises(MailConfigurationError, match="illisible"):
        SmtpMailer(dataclasses.replace(missing, ca_file=garbage), sender="c@carnet.localhost")


# ---------------------------------------------------------------- the command line hands TLS to every worker


def test_serve_options_reach_worker_processes_with_tls_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """S35: with --workers > 1 each worker rebuilds its settings from the environment: none falls back to clear SMTP."""
    from server import cli

    environ = {k: v for k, v in os.environ.items() if not k.startswith(cli.ENV_PREFIX)}
    monkeypatch.setattr(os, "environ", environ)  # what _export_env writes stays in this test
    environ[cli.ENV_PREFIX + "SMTP_PASSWORD"] = "mot de passe smtp"
    ca = tmp_path / "ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    args = cli.build_parser().parse_args(
        ["serve", "--data-dir", str(tmp_path), "--smtp-host", "mail.example.org", "--smtp-port", "587",
         "--smtp-starttls", "--smtp-user", "carnet", "--smtp-ca-file", str(ca)]
    )  # fmt: skip
    parent = cli.settings_from_args(args)
    cli._export_env(args, parent)
    worker = cli.settings_from_args(argparse.Namespace(data_dir=None, database_url=None))
    assert worker.smtp == parent.smtp
    assert worker.smtp is not None and worker.smtp.starttls and worker.smtp.ca_file == ca.resolve()
    assert worker.smtp.password == "mot de passe smtp"


def test_contradictory_smtp_options_stop_the_command_with_a_sentence(tmp_path: Path) -> None:
    from server import cli

    args = cli.build_parser().parse_args(
        ["serve", "--data-dir", str(tmp_path), "--smtp-host", "mail.example.org", "--smtp-user", "carnet"]
    )
    with pytest.raises(SystemExit) as stopped:
        cli.settings_from_args(args)
    assert "chiffrée" in str(stopped.value.code) and "Traceback" not in str(stopped.value.code)
