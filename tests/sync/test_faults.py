"""Network faults through a fault-injecting TCP proxy: backoff with full jitter, Retry-After, stalls, resets, limits."""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from desktop_app.sync.engine import S_URL
from desktop_app.sync.http import Backoff, SyncHttp, SyncOffline
from tests.support.faultproxy import FaultProxy, Faults
from tests.support.sync_lab import Device, Lab, make_engine

pytestmark = pytest.mark.usefixtures("sqlite_only")


class RecordingEvent(threading.Event):
    """A cancel event that records how long the client chose to wait, and does not actually wait."""

    def __init__(self) -> None:
        super().__init__()
        self.waits: list[float] = []

    def wait(self, timeout: float | None = None) -> bool:
        self.waits.append(float(timeout or 0.0))
        return False


def test_full_jitter_backoff_grows_exponentially_and_stays_under_the_cap() -> None:
    top = Backoff(base=1.0, cap=8.0, rand=lambda: 0.999_999)
    assert [round(top.delay(n)) for n in range(6)] == [1, 2, 4, 8, 8, 8]
    assert Backoff(base=1.0, cap=8.0, rand=lambda: 0.0).delay(5) == 0.0  # full jitter: anywhere from zero
    assert Backoff().delay(0, retry_after=42.0) == 42.0


def test_retry_after_is_honoured_and_the_request_then_succeeds(lab: Lab) -> None:
    proxy = FaultProxy(lab.live.port, Faults(reply_503=2, retry_after=7))
    waits = RecordingEvent()
    http = SyncHttp(proxy.url, cancel=waits, backoff=Backoff(attempts=5))
    try:
        response = http.request("GET", "/health", auth=False)
    finally:
        http.close()
        proxy.close()
    assert response.status_code == 200
    assert waits.waits == [7.0, 7.0]
    assert http.requests == 3


def test_an_unreachable_service_ends_in_offline_with_nothing_lost(lab: Lab) -> None:
    device = lab.device(lab.person())
    entry = device.profile.dossier().entries.create("allergy", {"name": "Pollen"})
    device.profile.set_setting(S_URL, "http://127.0.0.1:9")  # nothing listens there
    device.engine = make_engine(device.profile)
    states: list[str] = []
    device.engine.on_state(lambda s: states.append(s.value))
    try:
        device.engine.sync_once()
    except SyncOffline as exc:
        assert "restent sur cet ordinateur" in exc.message_fr
    else:  # pragma: no cover - the sync must not pretend to succeed
        raise AssertionError("sync succeeded with no service")
    assert states[-1] == "offline"
    assert device.profile.dossier().outbox.count_pending() == 1
    assert device.profile.dossier().entries.get(entry.id).data == {"name": "Pollen"}


def _via(device: Device, proxy: FaultProxy, **kw: object) -> None:
    device.profile.set_setting(S_URL, proxy.url)
    device.engine.http.close()
    device.engine = make_engine(device.profile, **kw)  # type: ignore[arg-type]


def _sync_until_quiet(device: Device, rounds: int = 40) -> None:
    for _ in range(rounds):
        try:
            device.engine.sync_once()
            if device.profile.dossier().outbox.count_pending() == 0:
                return
        except SyncOffline:
            continue
    raise AssertionError("the queue never drained")


def test_resets_latency_and_cut_connections_still_converge_with_no_stuck_queue(lab: Lab) -> None:
    person = lab.person()
    a, b = lab.device(person), lab.device(person)
    proxy = FaultProxy(lab.live.port, Faults(reset_probability=0.15, latency=0.001, seed=11))
    try:
        _via(a, proxy, backoff=Backoff(base=0.001, cap=0.01, attempts=3), stall_timeout=0.5)
        _via(b, proxy, backoff=Backoff(base=0.001, cap=0.01, attempts=3), stall_timeout=0.5)
        ids = []
        for i in range(40):
            writer = a if i % 2 else b
            ids.append(writer.profile.dossier().entries.create("allergy", {"name": f"N{i}"}).id)
        a.profile.dossier().documents.add(b"%PDF-1.4\n" + b"z" * 300_000, title="CR", category="compte_rendu")
        for _ in range(3):
            _sync_until_quiet(a)
            _sync_until_quiet(b)
    finally:
        proxy.close()
    assert proxy.connections > 2
    for device in (a, b):
        _via(device, FaultProxy(lab.live.port))  # healed network
        device.engine.sync_once()
        device.engine.sync_once()
    names_a = sorted(e.data["name"] for e in a.profile.dossier().entries.list(limit=1000))
    names_b = sorted(e.data["name"] for e in b.profile.dossier().entries.list(limit=1000))
    assert names_a == names_b == sorted(f"N{i}" for i in range(40))
    [doc] = b.profile.dossier().documents.list()
    assert b.profile.dossier().documents.read(doc.id).startswith(b"%PDF-1.4\nzzz")


def test_a_stalled_transfer_is_aborted_and_resumed(lab: Lab) -> None:
    device = lab.device(lab.person())
    device.profile.dossier().entries.create("allergy", {"name": "Arachide"})
    proxy = FaultProxy(lab.live.port, Faults(stall_downstream_for=3.0))
    try:
        _via(device, proxy, stall_timeout=0.3, backoff=Backoff(base=0.001, cap=0.01, attempts=3))
        report = device.engine.sync_once()
    finally:
        proxy.close()
    assert report.pushed == {"applied": 1}
    assert proxy.connections >= 2  # the stalled connection was dropped and the request sent again


def test_a_body_size_limit_in_front_of_the_service_is_met_with_smaller_batches(lab: Lab) -> None:
    device = lab.device(lab.person())
    store = device.profile.dossier()
    store.entries.create_many("allergy", [{"name": f"Allergie {i} " + "x" * 150} for i in range(300)])
    proxy = FaultProxy(lab.live.port, Faults(max_request_bytes=24 * 1024))
    try:
        _via(device, proxy, backoff=Backoff(base=0.001, cap=0.01, attempts=2))
        report = device.engine.sync_once()
    finally:
        proxy.close()
    assert report.pushed == {"applied": 300}
    assert store.outbox.count_pending() == 0


def test_the_worker_retries_on_its_own_timer_without_new_edits_and_reports_progress(lab: Lab) -> None:
    device = lab.device(lab.person())
    store = device.profile.dossier()
    store.entries.create_many("allergy", [{"name": f"A{i}"} for i in range(5)])
    proxy = FaultProxy(lab.live.port, Faults(reply_503=3, retry_after=0))
    states: list[str] = []
    progress: list[tuple[str, int, int]] = []
    settled = threading.Event()

    def on_state(state: object) -> None:
        states.append(str(getattr(state, "value", state)))
        if states[-1] == "up_to_date":
            settled.set()

    try:
        _via(device, proxy, backoff=Backoff(base=0.001, cap=0.01, attempts=2))
        device.engine.on_state(on_state)
        device.engine.on_progress(lambda p: progress.append((p.phase, p.done, p.total)))
        device.engine.start(interval=3600)  # no edit will poke it: only its retry timer can get it through
        assert settled.wait(30)
        device.engine.cancel()
    finally:
        proxy.close()
    assert "offline" in states and states[-1] == "up_to_date", (states, proxy.connections, proxy.faults.reply_503)
    assert ("push", 5, 5) in progress
    assert store.outbox.count_pending() == 0


def test_an_expired_access_token_is_refreshed_transparently(lab: Lab) -> None:
    from desktop_app.sync.engine import S_ACCESS

    device = lab.device(lab.person())
    before = device.profile.settings[S_ACCESS]
    lab.live.settings.clock.advance(timedelta(minutes=20))  # type: ignore[attr-defined]
    device.profile.dossier().entries.create("allergy", {"name": "Pollen"})
    assert device.engine.sync_once().pushed == {"applied": 1}
    assert device.profile.settings[S_ACCESS] != before


def test_s35_a_self_signed_service_is_refused(tmp_path: Path) -> None:
    """S35: certificates are verified; a self-signed service never receives a request."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .sign(key, hashes.SHA256())
    )
    (tmp_path / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "key.pem").write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    received: list[bytes] = []

    def serve() -> None:
        while True:
            try:
                raw, _ = listener.accept()
            except OSError:
                return
            try:
                with context.wrap_socket(raw, server_side=True) as tls:
                    received.append(tls.recv(1024))
            except (ssl.SSLError, OSError):
                pass

    threading.Thread(target=serve, daemon=True).start()
    http = SyncHttp(f"https://127.0.0.1:{port}", backoff=Backoff(base=0.001, cap=0.01, attempts=2))
    try:
        with pytest.raises(SyncOffline):
            http.request("GET", "/health", auth=False)
    finally:
        http.close()
        listener.close()
    assert received == []


def test_s35_the_verifying_tls_context_is_made_once_and_follows_the_trust_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every screen action opens a client: the CA bundle is loaded once per trust store, not per action (it cost
    40–90 ms each time), and a trust store named in SSL_CERT_FILE is still the one used."""
    import certifi

    from desktop_app.sync.http import verifying_context

    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    first = verifying_context()
    assert verifying_context() is first and first.verify_mode == ssl.CERT_REQUIRED and first.check_hostname
    monkeypatch.setenv("SSL_CERT_FILE", certifi.where())
    assert verifying_context() is not first and verifying_context().verify_mode == ssl.CERT_REQUIRED
