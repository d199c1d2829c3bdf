"""Assisted session (PGSSI-S) against the real service on loopback: keyboard only, and nothing left on the PC."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import select

from desktop_app.assisted import HELPER_TOKEN_HEADER, AssistedInputError, AssistedWork, HelperSession, HelperTransport
from desktop_app.sync.http import Backoff
from desktop_app.vault import FLOOR_KDF
from server.professionals.service import NewProfessional, add_professional
from server.sync.models import SyncRecord
from tests.support.desktop_service import flows as flows
from tests.support.desktop_service import live as live
from tests.support.desktop_service import mailbox as mailbox
from tests.support.desktop_service import server_template as server_template
from tests.support.desktop_service import smtp_server as smtp_server
from tests.support.helper_accounts import LEA, helper_session, register_helper
from tests.support.service import PASSWORD, Flows, Mailbox, Person
from tests.support.sync_lab import LiveServer
from tests.ui.helpers import missing_accessibility
from ui.assisted.session import AssistedSession
from ui.ops import wait_for_idle

RPPS = "10000000009"
SHOTS = Path("/tmp/shots-modes")


class RecordingKeyring(KeyringBackend):
    """A keyring that keeps what it is given, so the test can say nothing was stored (S-keyring)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.stored: dict[tuple[str, str], str] = {}
        self.calls: list[str] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.calls.append(f"get {service}")
        return self.stored.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls.append(f"set {service}")
        self.stored[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.calls.append(f"delete {service}")
        self.stored.pop((service, username), None)


@pytest.fixture
def helper_pc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """The helper's PC: its own temp, data, cache and config folders (empty) and a recording keyring."""
    dirs = {name: tmp_path / "pc" / name for name in ("tmp", "data", "cache", "config")}
    for path in dirs.values():
        path.mkdir(parents=True)
    monkeypatch.setenv("TMPDIR", str(dirs["tmp"]))
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.setenv("XDG_DATA_HOME", str(dirs["data"]))
    monkeypatch.setenv("XDG_CACHE_HOME", str(dirs["cache"]))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(dirs["config"]))
    previous = keyring.get_keyring()
    recorder = RecordingKeyring()
    keyring.set_keyring(recorder)
    yield {"dirs": dirs, "keyring": recorder, "printed": tmp_path / "printed"}
    keyring.set_keyring(previous)


def _register_doctor(live: LiveServer) -> None:
    assert live.ctx is not None
    with live.ctx.sessions() as session:
        add_professional(
            session, live.ctx, NewProfessional(RPPS, "medecin_generaliste", "Durand", "Anne", "anne@example.org")
        )
        session.commit()


def _pdf_printer(folder: Path, calls: list[Path]) -> Any:
    def make(_parent: Any) -> QPrinter:
        folder.mkdir(exist_ok=True)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        path = folder / f"printed-{len(calls)}.pdf"
        printer.setOutputFileName(str(path))
        calls.append(path)
        return printer

    return make


def _pdf(qtbot: Any, path: Path) -> tuple[str, int]:
    """A printed PDF's text and how many distinct colours its first page shows (a blank page has one)."""
    data = QByteArray(path.read_bytes())  # kept alive: QBuffer does not own it
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    qtbot.waitUntil(lambda: document.status() in (QPdfDocument.Status.Ready, QPdfDocument.Status.Error))
    assert document.pageCount() >= 1
    image = document.render(0, QSize(300, 420))
    colours = {image.pixel(x, y) for x in range(0, 300, 3) for y in range(0, 420, 3)}
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount())), len(colours)


def _pdf_bytes(qtbot: Any, pdf: bytes) -> tuple[str, int]:
    """_pdf for a PDF held in memory."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    qtbot.waitUntil(lambda: document.status() in (QPdfDocument.Status.Ready, QPdfDocument.Status.Error))
    image = document.render(0, QSize(300, 420))
    colours = {image.pixel(x, y) for x in range(0, 300, 3) for y in range(0, 420, 3)}
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount())), len(colours)


def _session(qtbot: Any, live: LiveServer, mailbox: Mailbox, printed: Path, calls: list[Path]) -> AssistedSession:
    """A session on the helper's first screen; Léa (France Services de Melun) is a registered, enrolled helper."""
    assert live.ctx is not None
    with httpx.Client(base_url=live.url, timeout=30) as api:
        register_helper(live.ctx, mailbox, api, LEA)

    def work(helper: HelperSession) -> AssistedWork:
        return AssistedWork(live.url, helper, kdf=FLOOR_KDF, backoff=Backoff(base=0.01, cap=0.05, attempts=2))

    session = AssistedSession(server_url=live.url, work_factory=work, printer=_pdf_printer(printed, calls))
    qtbot.addWidget(session)
    session.resize(900, 700)
    session.show()
    session.activateWindow()
    qtbot.waitUntil(lambda: session.helper_signin.email.hasFocus())
    return session


def _sign_in_helper(qtbot: Any, session: AssistedSession, mailbox: Mailbox, shot: Path | None = None) -> None:
    """The helper signs in with her own account (S51): e-mail, password, then the code mailed to her."""
    _type(qtbot, LEA.email)
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, PASSWORD)
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.helper_signin.code.hasFocus(), timeout=20_000)
    assert session.current_page == "helper" and session.helper_signin.password.text() == ""  # not kept once sent
    _type(qtbot, mailbox.last_otp(LEA.email))
    if shot is not None:
        session.grab().save(str(shot))
    _enter_and_wait(qtbot, session, "consent")


def _type(qtbot: Any, text: str) -> None:
    """Type on the keyboard into whatever has the focus (QTest only knows ASCII: accents go as key events)."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    for char in text:
        if char.isascii():
            qtbot.keyClicks(target, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _key(qtbot: Any, key: Qt.Key) -> None:
    assert QApplication.focusWidget() is not None, "nothing has the keyboard focus"
    qtbot.keyClick(QApplication.focusWidget(), key)


def _enter_and_wait(qtbot: Any, session: AssistedSession, page: str) -> None:
    """Return, then wait until the screen called `page` (see ui.assisted.session.PATHS) is shown."""
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.current_page == page, timeout=20_000)


def _choose(qtbot: Any, session: AssistedSession, path: str, first_page: str) -> None:
    """On the choice screen, Tab to the answer for `path` and press Return (keyboard only)."""
    assert session.current_page == "choice" and session.choices["activation"].hasFocus()
    for _ in range(list(session.choices).index(path)):
        _key(qtbot, Qt.Key.Key_Tab)
    assert session.choices[path].hasFocus()
    _enter_and_wait(qtbot, session, first_page)


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_keyboard_only_session_leaves_nothing_on_the_pc(
    qtbot: Any, live: LiveServer, flows: Flows, mailbox: Mailbox, helper_pc: dict[str, Any]
) -> None:
    person: Person = flows.active_person()
    _register_doctor(live)
    calls: list[Path] = []
    session = _session(qtbot, live, mailbox, helper_pc["printed"], calls)
    SHOTS.mkdir(parents=True, exist_ok=True)

    _sign_in_helper(qtbot, session, mailbox, SHOTS / "assisted-1-helper.png")
    assert session.step_label.text() == "Étape 2"  # the total depends on the answer to the third screen
    _key(qtbot, Qt.Key.Key_Space)  # ticks the consent box, which has the focus
    assert session.consent.isChecked()
    session.grab().save(str(SHOTS / "assisted-2-consent.png"))
    _enter_and_wait(qtbot, session, "choice")
    _choose(qtbot, session, "login", "password")
    assert session.step_label.text() == "Étape 4 sur 8"
    _type(qtbot, person.identifier)
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, PASSWORD)
    session.grab().save(str(SHOTS / "assisted-3-password.png"))
    _enter_and_wait(qtbot, session, "code")
    assert session.password.text() == ""  # not kept in the widget once sent
    _type(qtbot, mailbox.last_otp(person.email))
    _enter_and_wait(qtbot, session, "entries")
    _type(qtbot, "Pénicilline")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Levothyrox 75 µg")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Paul Martin")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "06 12 34 56 78")
    session.grab().save(str(SHOTS / "assisted-5-entries.png"))
    _enter_and_wait(qtbot, session, "rpps")
    _type(qtbot, RPPS)
    _enter_and_wait(qtbot, session, "finish")
    assert session.step_label.text() == "Étape 8 sur 8"
    session.grab().save(str(SHOTS / "assisted-7-finish.png"))
    assert session.print_card.hasFocus()
    _key(qtbot, Qt.Key.Key_Return)  # carte d'urgence
    qtbot.waitUntil(lambda: len(calls) == 1 and calls[0].exists(), timeout=20_000)
    _key(qtbot, Qt.Key.Key_Tab)
    assert session.print_receipt.hasFocus()
    _key(qtbot, Qt.Key.Key_Return)  # récapitulatif
    assert len(calls) == 2 and calls[1].exists()
    # The sheets as built (printed above as pictures of these PDFs): the récapitulatif is a styled page, and the
    # carte d'urgence carries the person's name from the service.
    receipt, receipt_fonts = _pdf_bytes(qtbot, session.receipt_pdf())
    assert receipt_fonts > 2
    assert session.work is not None
    card, _ = _pdf_bytes(qtbot, session.work.emergency_card_pdf())
    assert "Zoé Martin" in card
    _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Return)  # terminer et tout effacer
    qtbot.waitUntil(lambda: session.current_page == "done", timeout=20_000)
    session.grab().save(str(SHOTS / "assisted-8-done.png"))
    wait_for_idle()

    (_, card_colours), (_, receipt_colours) = _pdf(qtbot, calls[0]), _pdf(qtbot, calls[1])
    assert card_colours > 2  # the carte d'urgence is printed as a picture of the PDF: not a blank page
    assert receipt_colours > 2  # so is the récapitulatif, a styled page (it was plain text before)
    assert "Carte d'urgence imprimée" in receipt
    assert person.identifier in receipt and "Léa Dubois" in receipt and "France Services" in receipt
    assert PASSWORD not in receipt and "RPPS 10000000009" in receipt

    # The service has the entries and the médecin traitant.
    assert live.ctx is not None
    with live.ctx.sessions() as db:
        rows = db.scalars(select(SyncRecord).where(SyncRecord.dossier_id == person.dossier_id)).all()
    kinds = {(r.kind, json.loads(r.values_json).get("name")) for r in rows}
    assert ("allergy", "Pénicilline") in kinds and ("emergency_contact", "Paul Martin") in kinds
    token = flows.login(person)["access_token"]
    consent = httpx.get(f"{live.url}/v1/me/access", headers={"Authorization": f"Bearer {token}"}).json()
    assert consent["medecin_traitant"]["rpps"] == RPPS

    # Nothing of the person remains: no profile, no cache, no temp file, no keyring entry.
    for name, folder in helper_pc["dirs"].items():
        assert _listing(folder) == [], name
    assert helper_pc["keyring"].stored == {} and not any(c.startswith("set") for c in helper_pc["keyring"].calls)
    assert all(not e.text() for e in session.findChildren(type(session.password)))


def test_bad_input_is_explained_and_loses_nothing(
    qtbot: Any, live: LiveServer, flows: Flows, mailbox: Mailbox, helper_pc: dict[str, Any]
) -> None:
    person = flows.active_person()
    session = _session(qtbot, live, mailbox, helper_pc["printed"], [])
    _key(qtbot, Qt.Key.Key_Return)  # the helper did not sign in: refused, stays on step 1
    qtbot.waitUntil(lambda: "e-mail" in session.step("helper").error.text(), timeout=20_000)
    assert session.current_step == 0 and session.work is None
    _type(qtbot, LEA.email)
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "pas le bon mot de passe")  # S52: the helper's own password, refused by the service
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "incorrect" in session.step("helper").error.text(), timeout=20_000)
    assert session.current_page == "helper" and session.work is None and not session.helper_signin.code.isVisible()
    session.helper_signin.password.clear()
    session.helper_signin.password.setFocus()
    _type(qtbot, PASSWORD)
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.helper_signin.code.hasFocus(), timeout=20_000)
    _type(qtbot, "000000")  # a wrong code: the helper is not signed in
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.step("helper").error.isVisible(), timeout=20_000)
    assert session.current_page == "helper" and session.work is None
    session.helper_signin.code.clear()
    _type(qtbot, mailbox.last_otp(LEA.email))
    _enter_and_wait(qtbot, session, "consent")
    _key(qtbot, Qt.Key.Key_Return)  # consent not given
    assert session.current_page == "consent" and session.step("consent").error.isVisible()
    _key(qtbot, Qt.Key.Key_Space)
    _enter_and_wait(qtbot, session, "choice")
    _choose(qtbot, session, "login", "password")
    _type(qtbot, person.identifier)
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "pas le bon mot de passe")
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.step("password").error.isVisible(), timeout=20_000)
    assert session.current_page == "password" and session.identifier.text() == person.identifier
    assert "incorrect" in session.step("password").error.text()
    session.password.clear()
    session.password.setFocus()
    _type(qtbot, PASSWORD)
    _enter_and_wait(qtbot, session, "code")
    _type(qtbot, "000000")  # a wrong e-mailed code: said beside the field, the typed code stays
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.step("code").error.isVisible(), timeout=20_000)
    assert session.current_page == "code" and session.code.text() == "000000"
    session.code.clear()
    _type(qtbot, mailbox.last_otp(person.email))
    _enter_and_wait(qtbot, session, "entries")
    _type(qtbot, "Arachide")
    for _ in range(2):
        _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Paul Martin")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "pas un numéro")  # the contact's phone is invalid: nothing at all is written
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.step("entries").error.isVisible(), timeout=20_000)
    assert session.current_page == "entries" and session.allergy.text() == "Arachide"  # what was typed is kept
    assert "téléphone" in session.step("entries").error.text().lower()
    assert session.work is not None
    assert live.ctx is not None
    with live.ctx.sessions() as db:
        assert db.scalars(select(SyncRecord).where(SyncRecord.dossier_id == person.dossier_id)).all() == []
    session.contact_phone.clear()
    session.contact_phone.setFocus()
    _type(qtbot, "0612345678")
    _enter_and_wait(qtbot, session, "rpps")
    _type(qtbot, "123")  # an RPPS has 11 digits
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.step("rpps").error.isVisible(), timeout=20_000)
    assert "11 chiffres" in session.step("rpps").error.text() and session.current_page == "rpps"
    workspace = session.work.workspace
    session.close()  # the helper closes the window mid-session: wiped all the same
    wait_for_idle()
    assert not workspace.exists()
    assert _listing(helper_pc["dirs"]["tmp"]) == []


def test_read_aloud_uses_the_speech_engine_and_every_control_is_described(qtbot: Any) -> None:
    session = AssistedSession(server_url="http://127.0.0.1:9", speech_engine="mock")
    qtbot.addWidget(session)
    session.show()
    session.read_aloud.setChecked(True)
    assert session.read_aloud.isEnabled() and session.spoken == ["L'aidant se connecte"]
    assert missing_accessibility(session.stack.widget(i) for i in range(session.stack.count())) == []
    unavailable = AssistedSession(server_url="http://127.0.0.1:9", speech_engine="no-such-engine")
    qtbot.addWidget(unavailable)
    unavailable.read_aloud.setChecked(True)  # degrades: the box is disabled, nothing crashes
    assert not unavailable.read_aloud.isEnabled() and not unavailable.read_aloud.isChecked()


def test_every_request_carries_the_signed_in_helpers_token_refreshed_before_it_expires_S51(
    live: LiveServer, flows: Flows, mailbox: Mailbox
) -> None:
    """The helper signs in against the real service (password, then her own mailed code); every request of the
    session carries her token — refreshed before it expires — and the service names her account; signing out at the
    end ends it at once."""
    assert live.ctx is not None
    helper = helper_session(live.url, live.ctx, mailbox)
    assert (helper.identity.name, helper.identity.structure) == ("Léa Dubois", "France Services de Melun")
    person = flows.active_person()
    me = {"Authorization": f"Bearer {flows.login(person)['access_token']}"}
    seen: list[str] = []

    class Spy(httpx.BaseTransport):
        def __init__(self) -> None:
            self.inner = httpx.HTTPTransport()

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            seen.append(request.headers.get(HELPER_TOKEN_HEADER, ""))
            return self.inner.handle_request(request)

    with httpx.Client(transport=HelperTransport(helper, Spy()), base_url=live.url) as client:
        assert client.get("/v1/me/access", headers=me).status_code == 200
        helper._expires_at = 0.0  # the token is about to expire: the next request refreshes it first
        settings = {"samu": True, "other_professionals": False, "masked_documents": False}
        assert client.put("/v1/me/access/emergency", json=settings, headers=me).status_code == 200  # audited
    assert len(seen) == 2 and seen[0] and seen[1] and seen[0] != seen[1]
    history = httpx.get(f"{live.url}/v1/me/access/history", headers=me).json()["items"]
    assert any(item.get("assisted_by") == "Léa Dubois|France Services de Melun" for item in history), history
    saved = helper._refresh
    helper._refresh, helper._expires_at = "x" * 43, 0.0  # a refresh the service refuses: the helper's session ended
    with pytest.raises(AssistedInputError, match="helper's session ended"):
        helper.token()
    helper._refresh = saved
    helper.close()
    r = httpx.get(f"{live.url}/v1/me/access", headers=me | {HELPER_TOKEN_HEADER: seen[1]})
    assert r.status_code == 403 and r.json()["code"] == "helper_unauthorized"  # signed out: the token is dead
    with pytest.raises(AssistedInputError, match="sign in first"):
        helper.token()
    with pytest.raises(AssistedInputError, match="e-mail"):
        HelperSession(live.url).start("  ", PASSWORD)  # nothing typed: nothing sent


def test_the_welcome_screen_starts_an_assisted_session_and_returns_when_it_ends(qtbot, profiles, clock) -> None:
    """« Séance accompagnée » on the welcome screen opens a fresh session page; finishing it brings the welcome back."""
    from ui.app import MainWindow

    window = MainWindow(profiles=profiles, clock=clock, server_url="http://127.0.0.1:9", watch_os_lock=False)
    qtbot.addWidget(window)
    window.show()
    window.welcome.buttons["assisted"].click()
    session = window.assisted_session
    assert session is not None and window.current_page() is session
    session.sig_finished.emit()
    qtbot.waitUntil(lambda: window.current_page() is window.welcome)
    assert window.assisted_session is None


def test_the_welcome_screen_opens_the_clinic_workstation_and_goes_back(qtbot, profiles, clock) -> None:
    """« Poste de soins » shows the professional sign-in; « Retour à l'accueil » locks it and goes back."""
    from ui.app import MainWindow

    window = MainWindow(profiles=profiles, clock=clock, server_url="http://127.0.0.1:9", watch_os_lock=False)
    qtbot.addWidget(window)
    window.show()
    window.welcome.buttons["clinic"].click()
    assert window.current_page() is window.clinic_page and window.clinic_window is not None
    back = next(b for b in window.clinic_page.findChildren(QPushButton) if "accueil" in b.text())
    back.click()
    assert window.current_page() is window.welcome


def test_a_new_helper_enrols_from_the_first_screen_then_signs_in_S51(
    qtbot: Any, live: LiveServer, mailbox: Mailbox, helper_pc: dict[str, Any]
) -> None:
    """Registered by her organisation, Noémie has only the enrolment code: « Première connexion » lets her choose
    her password (under the policy) on the session's first screen, then sign in as every day — keyboard only."""
    from server.helpers.service import NewHelper, add_helper, add_organisation
    from tests.support.helper_accounts import enrolment_code

    assert live.ctx is not None
    email = "noemie.petit@fs-melun.example.org"
    with live.ctx.sessions() as db:
        org, _ = add_organisation(db, live.ctx, "France Services de Melun")
        add_helper(db, live.ctx, org, NewHelper(email, "Petit", "Noémie"))
        db.commit()
    session = AssistedSession(server_url=live.url)
    qtbot.addWidget(session)
    session.resize(900, 700)
    session.show()
    session.activateWindow()
    signin = session.helper_signin
    qtbot.waitUntil(signin.email.hasFocus)
    signin.enrol_link.click()
    assert signin.enrolling and signin.enrol_code.isVisible() and not signin.password.isVisible()
    signin.email.setFocus()
    _type(qtbot, email)
    _key(qtbot, Qt.Key.Key_Tab)
    assert signin.enrol_code.hasFocus()
    _type(qtbot, enrolment_code(mailbox, email))
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "motdepasse12")  # too weak: refused here, nothing sent
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "motdepasse12")
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(session.step("helper").error.text()), timeout=20_000)
    assert signin.enrolling and session.work is None
    signin.new_password.clear()
    signin.new_password_again.clear()
    signin.new_password.setFocus()
    _type(qtbot, PASSWORD)
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, PASSWORD)
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not signin.enrolling and signin.enrolled_note.isVisible(), timeout=20_000)
    assert signin.password.hasFocus() and signin.new_password.text() == "" and signin.email.text() == email
    _type(qtbot, PASSWORD)
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: signin.code.hasFocus(), timeout=20_000)
    _type(qtbot, mailbox.last_otp(email))
    _enter_and_wait(qtbot, session, "consent")
    session.close()
