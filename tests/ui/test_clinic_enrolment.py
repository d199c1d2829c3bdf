"""The Poste de soins for a professional's first day and a shared workstation, against the real service on
loopback and its real SMTP outbox: enrolment from the window with the e-mailed code, then a trusted workstation
(« Verrouiller » keeps the trust: the password alone reopens it; « Changer d'utilisateur », the idle lock and the
end of the trust period forget it)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from desktop_app.dossier_store import utc_now
from tests.support.clinic_lab import clinic as clinic
from tests.support.clinic_lab import lab as lab
from tests.support.clinic_lab import network as network
from tests.support.clinic_lab import picker as picker
from tests.support.clinic_lab import registered, shot, sign_in
from tests.support.desktop_service import flows as flows
from tests.support.desktop_service import live as live
from tests.support.desktop_service import mailbox as mailbox
from tests.support.desktop_service import server_template as server_template
from tests.support.desktop_service import smtp_server as smtp_server
from tests.support.service import PASSWORD
from tests.support.sync_lab import Lab
from tests.ui.helpers import missing_accessibility
from ui.clinic.window import ClinicWindow
from ui.ops import wait_for_idle

MIDWIFE = "10000000066"


def _unlock(qtbot: Any, clinic: ClinicWindow, pro: dict[str, Any]) -> None:
    """RPPS and password only; the test then sees whether a code is asked."""
    clinic.rpps.setText(pro["rpps"])
    clinic.password.setText(PASSWORD)
    clinic.sign_in.click()
    qtbot.waitUntil(lambda: clinic.session is not None or clinic.code_box.isVisible(), timeout=20_000)


def test_enrol_from_the_window_with_the_emailed_code_then_sign_in(qtbot: Any, lab: Lab, clinic: Any) -> None:
    midwife = registered(lab, MIDWIFE, "sage_femme", "Moreau", "Julie", enrol=False)
    assert midwife["mail"].startswith("Bonjour Madame, Monsieur,")
    clinic.show_enrolment.click()
    assert clinic.enrol_box.isVisible() and missing_accessibility([clinic]) == []
    clinic.enrol_rpps.setText(MIDWIFE)
    clinic.enrol_code.setText(midwife["code"])
    clinic.enrol_password.setText("motdepasse")  # under the policy: refused before anything is sent
    clinic.enrol_again.setText("motdepasse")
    clinic.enrol_confirm.click()
    qtbot.waitUntil(clinic.enrol_error.isVisible, timeout=10_000)
    assert "mot de passe" in clinic.enrol_error.text().lower()
    shot(clinic, "e1-enrol-weak")
    clinic.enrol_password.setText(PASSWORD)
    clinic.enrol_again.setText(PASSWORD + "x")
    clinic.enrol_confirm.click()
    assert "différents" in clinic.enrol_error.text()
    clinic.enrol_code.setText("AAAA-BBBB-CCCC")
    clinic.enrol_again.setText(PASSWORD)
    clinic.enrol_confirm.click()
    qtbot.waitUntil(lambda: "incorrect" in clinic.enrol_error.text(), timeout=10_000)

    clinic.enrol_code.setText(midwife["code"])
    clinic.enrol_password.setText(PASSWORD)
    clinic.enrol_again.setText(PASSWORD)
    clinic.enrol_confirm.click()  # enrolled, then signed in at once: the e-mailed code is asked
    qtbot.waitUntil(clinic.code_box.isVisible, timeout=20_000)
    assert not clinic.enrol_box.isVisible() and clinic.enrol_password.text() == ""
    clinic.code.setText(lab.mailbox.last_otp(midwife["email"]))
    clinic.confirm_code.click()
    qtbot.waitUntil(lambda: clinic.session is not None, timeout=20_000)
    assert "Julie MOREAU — Sage-femme" in clinic.who.text()
    assert clinic.session.may_vaccinate()


def test_a_trusted_workstation_asks_no_code_until_the_user_changes_or_the_trust_ends(
    qtbot: Any, lab: Lab, clinic: Any
) -> None:
    midwife = registered(lab, MIDWIFE, "sage_femme", "Moreau", "Julie")
    sign_in(qtbot, clinic, lab, midwife)  # password + e-mailed code
    until = clinic.session.trusted_until()
    assert until is not None and timedelta(hours=11.9) < until - utc_now() <= timedelta(hours=12)
    assert "poste de confiance jusqu'au" in clinic.who.text()
    shot(clinic, "e2-trusted")

    mails = len(lab.mailbox.to(midwife["email"]))
    clinic.lock_button.click()  # « Verrouiller »: keys dropped, trust kept
    assert clinic.locked and clinic.stack.currentIndex() == 0
    _unlock(qtbot, clinic, midwife)
    assert clinic.session is not None and not clinic.code_box.isVisible()  # no e-mailed code
    assert len(lab.mailbox.to(midwife["email"])) == mails

    clinic.lock_button.click()
    clinic.rpps.setText(MIDWIFE)
    clinic.password.setText("pas le bon mot de passe")  # the trust never replaces the password
    clinic.sign_in.click()
    qtbot.waitUntil(clinic.password_error.isVisible, timeout=20_000)
    assert clinic.session is None

    _unlock(qtbot, clinic, midwife)
    assert clinic.session is not None
    clinic.switch_user.click()  # « Changer d'utilisateur » forgets the trust
    wait_for_idle()
    _unlock(qtbot, clinic, midwife)
    assert clinic.code_box.isVisible() and clinic.session is None
    clinic.code.setText(lab.mailbox.last_otp(midwife["email"]))
    clinic.confirm_code.click()
    qtbot.waitUntil(lambda: clinic.session is not None, timeout=20_000)

    clinic.idle._clock.advance(121)  # the idle lock forgets it too
    qtbot.waitUntil(lambda: clinic.locked, timeout=5_000)
    wait_for_idle()
    _unlock(qtbot, clinic, midwife)
    assert clinic.code_box.isVisible()
    clinic.code.setText(lab.mailbox.last_otp(midwife["email"]))
    clinic.confirm_code.click()
    qtbot.waitUntil(lambda: clinic.session is not None, timeout=20_000)

    clinic.lock_button.click()  # and the trust ends with the shift
    clinic.wall_clock = lambda: utc_now() + timedelta(hours=12, minutes=1)
    _unlock(qtbot, clinic, midwife)
    assert clinic.code_box.isVisible() and clinic.session is None
    clinic.cancel_code.click()
