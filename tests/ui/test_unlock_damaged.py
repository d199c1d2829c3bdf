"""Issue 15 finding 11 in the desktop app: a damaged page of the account database at unlock (S12, S38)."""

from __future__ import annotations

import hashlib

from desktop_app.profile import ProfileDirectory
from tests.ui.helpers import PASSWORD


def test_unlock_of_a_damaged_account_database_explains_in_french_and_keeps_the_file(
    qtbot, window, profiles: ProfileDirectory, existing_profile: str
) -> None:
    account = profiles.data_dir / "profiles" / existing_profile / "account.db"
    data = bytearray(account.read_bytes())
    for page in range(1, len(data) // 4096):  # every page past the header: the first read after the key meets one
        data[page * 4096 + 2048] ^= 0xFF
    account.write_bytes(bytes(data))
    before = hashlib.sha256(account.read_bytes()).hexdigest()
    window.welcome.buttons["unlock"].click()
    page = window.unlock_page
    qtbot.keyClicks(page.password_edit, PASSWORD)
    with qtbot.waitSignal(page.sig_unlock_failed, timeout=20_000) as failed:
        page.unlock_button.click()
    assert "illisible ou endommagé" in failed.args[0] and "Restaurez une sauvegarde" in failed.args[0]
    assert page.error.isVisible() and "illisible ou endommagé" in page.error.text()
    assert window.is_locked() and window.current_page() is page
    assert hashlib.sha256(account.read_bytes()).hexdigest() == before  # S38: never recreated, never touched
