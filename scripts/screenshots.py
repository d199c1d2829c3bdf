"""Render every main screen of the desktop application to PNG: both themes, 100 % and 200 % text.

    python scripts/screenshots.py OUTPUT_DIR [--corpus DIR]

Works offscreen (QT_QPA_PLATFORM=offscreen, the default here) or under Xvfb
(``xvfb-run -a -s "-screen 0 1280x800x24" python scripts/screenshots.py out``). It builds a throwaway profile
with sample data in a temporary directory, which is deleted afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DBUS_SESSION_BUS_ADDRESS", "disabled:")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

PASSWORD = "cheval agrafe batterie correcte 1987"  # noqa: S105 (throwaway sample profile)


def _sample_data(store, corpus: Path | None) -> None:
    store.entries.create(
        "identity", {"birth_name": "Martin", "first_names": "Camille", "sex": "F", "birth_date": "14/05/1952"}
    )
    store.entries.create("allergy", {"substance": "Pénicilline", "reaction": "Urticaire", "severity": "severe"})
    store.entries.create("treatment", {"name": "Lévothyrox", "dosage": "75 µg le matin", "start_date": "2019"})
    store.entries.create("condition", {"name": "Hypothyroïdie", "onset_date": "2018"})
    store.entries.create("vaccination", {"vaccine": "Grippe saisonnière", "date": "15/10/2025", "dose": "rappel"})
    for i, (kg, sys_, dia) in enumerate(
        [(74.0, 135, 85), (73.2, 131, 84), (72.5, 128, 82), (71.8, 126, 80), (71.0, 124, 79)]
    ):
        when = f"0{i + 1}/0{i + 2}/2025 08:00"
        store.entries.create("measurement", {"measure_type": "weight", "value": kg, "measured_at": when})
        store.entries.create(
            "measurement", {"measure_type": "blood_pressure", "systolic": sys_, "diastolic": dia, "measured_at": when}
        )
    pdfs = sorted(corpus.rglob("*.pdf")) if corpus else []
    if pdfs:
        store.documents.add(
            pdfs[0].read_bytes(), title="Compte rendu de consultation", category="compte_rendu", filename=pdfs[0].name
        )
    store.documents.add(
        b"%PDF-1.4\n%%EOF\n", title="Ordonnance du Dr Bernard", category="ordonnance", author_kind="professional"
    )
    store.documents.add("Notes de suivi : tension à surveiller.\n".encode(), title="Mes notes", category="autre")


def _sample_care_history(profile) -> None:
    """The offline copy of the Histoire de santé, as the service would have returned it."""
    from datetime import UTC, datetime

    from desktop_app.online import S_CARE_HISTORY

    records = [
        ("consultation", "2025-11-03", "Consultation de médecine générale", "Dr Anne Durand"),
        ("medicine", "2025-11-03", "Lévothyroxine 75 µg, 3 boîtes", None),
        ("consultation", "2025-09-18", "Consultation d'endocrinologie", "Dr Paul Lefèvre"),
        ("medicine", "2025-06-02", "Paracétamol 1 g, 2 boîtes", None),
        ("consultation", "2024-12-10", "Consultation de médecine générale", "Dr Anne Durand"),
    ]
    profile.set_setting(
        S_CARE_HISTORY,
        {
            "fetched_at": datetime(2025, 11, 20, 9, 30, tzinfo=UTC).isoformat(),
            "records": [
                {"id": f"00000000-0000-0000-0000-00000000000{i}", "kind": k, "date": d, "label": lbl, "professional": p}
                for i, (k, d, lbl, p) in enumerate(records)
            ],
        },
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument(
        "--corpus", type=Path, default=Path(os.environ.get("CARNET_CORPUS_DIR", ROOT.parent / "shared" / "data"))
    )
    args = parser.parse_args()
    args.output.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication, QScrollArea

    from desktop_app import vault
    from desktop_app.profile import ProfileDirectory
    from ui import theme
    from ui.app import MainWindow
    from ui.dialogs import ScriptedConfirmer
    from ui.i18n import LanguageManager, build_translations
    from ui.ops import wait_for_idle

    build_translations()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    languages = LanguageManager(app)
    languages.set_language("fr")

    def settle() -> None:
        for _ in range(5):
            wait_for_idle()
            app.processEvents()

    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="carnet-shots-") as tmp:
        profiles = ProfileDirectory(Path(tmp), kdf=vault.FLOOR_KDF)
        profile, recovery_key = profiles.create("Camille Martin", PASSWORD)
        _sample_data(profile.dossier(), args.corpus if args.corpus.is_dir() else None)
        _sample_care_history(profile)
        profile.lock()
        # An address nobody answers on: the online screens are shown, no request is made while rendering them.
        window = MainWindow(
            profiles=profiles,
            languages=languages,
            confirmer=ScriptedConfirmer(),
            apply_preferences=False,
            server_url="http://127.0.0.1:9",
            watch_os_lock=False,
        )
        window.resize(1280, 800)
        window.show()

        def shot(name: str, prepare: Callable[[], None]) -> None:
            prepare()
            settle()
            path = args.output / f"{name}.png"
            window.grab().save(str(path))
            written.append(path)

        def create_page() -> None:
            window.on_welcome_choice_made("create")
            window.create_page.name_edit.setText("Camille Martin")
            window.create_page.password_edit.setText("soleil2024")

        def recovery() -> None:
            window.recovery_page.show_key(recovery_key)
            window.show_page(window.recovery_page)

        def unlock_error() -> None:
            window.show_unlock()
            window.unlock_page.password_edit.setText("mauvais mot de passe")
            window.unlock_page.on_unlock_button_clicked()
            settle()

        def opened() -> None:
            window.unlock_page.password_edit.setText(PASSWORD)
            window.unlock_page.on_unlock_button_clicked()
            settle()
            window.dossier.show_section("home")

        def profile_section() -> None:
            window.dossier.show_section("profile")
            window.dossier.profile.show_kind("allergy")

        def measures() -> None:
            window.dossier.show_section("measures")
            window.dossier.measures.select_measure("blood_pressure")

        def documents() -> None:
            window.dossier.show_section("documents")
            page = window.dossier.documents
            settle()
            page.select_row(page.model.rowCount() - 1)
            page.on_open_button_clicked()
            settle()

        def wizard_step(index: int) -> Callable[[], None]:
            def prepare() -> None:
                wizard = window.activation_page
                assert wizard is not None
                if index == 0:
                    window.on_welcome_choice_made("activate")
                    wizard.code_edit.setText("K7QM 4XHP 9TRW")
                    wizard.nir_edit.setText("2 52 05 75 056 112 49")
                    wizard.serial_edit.setText("123456789")
                    wizard.identifier_edit.setText("Camille")
                    wizard.password_edit.setText("quatre chats dorment")
                window.show_page(wizard)
                wizard.go_to(index)

            return prepare

        def login_page() -> None:
            window.on_welcome_choice_made("login")
            assert window.login_page is not None
            window.login_page.identifier_edit.setText("camille.martin")

        def opposition_page() -> None:
            window.on_welcome_choice_made("oppose")
            assert window.opposition_page is not None
            window.opposition_page.code_edit.setText("K7QM 4XHP 9TRW")
            window.opposition_page.show_field_error(
                "nir", "La clé (les 2 derniers chiffres) ne correspond pas au numéro de sécurité sociale."
            )

        def account_settings() -> None:
            window.dossier.show_section("settings")
            settle()
            settings = window.dossier.settings
            settings.remember_box.remember_check.setChecked(True)
            scroller = settings.findChild(QScrollArea)
            if scroller is not None:
                scroller.ensureWidgetVisible(settings.remember_box, 0, 40)

        for high_contrast in (False, True):
            for scale in (100, 200):
                theme.apply_theme(app, high_contrast=high_contrast, text_scale=scale)
                suffix = f"{'hc' if high_contrast else 'default'}-{scale}"
                window.lock()
                settle()
                shot(f"01-welcome-{suffix}", window.show_welcome)
                shot(f"02-unavailable-{suffix}", lambda: window.on_welcome_choice_made("activate"))
                shot(f"03-create-{suffix}", create_page)
                shot(f"04-recovery-key-{suffix}", recovery)
                shot(f"05-unlock-error-{suffix}", unlock_error)
                shot(f"06-home-{suffix}", opened)
                shot(f"07-profile-{suffix}", profile_section)
                shot(f"08-measures-{suffix}", measures)
                shot(f"09-documents-{suffix}", documents)
                shot(f"10-settings-{suffix}", lambda: window.dossier.show_section("settings"))
                shot(f"11-history-offline-{suffix}", lambda: window.dossier.show_section("history"))
                shot(f"12-settings-account-{suffix}", account_settings)
                window.lock()
                settle()
                shot(f"13-activation-code-{suffix}", wizard_step(0))
                shot(f"14-activation-serial-{suffix}", wizard_step(2))
                shot(f"15-activation-identifier-{suffix}", wizard_step(3))
                shot(f"16-activation-password-{suffix}", wizard_step(4))
                shot(f"17-login-{suffix}", login_page)
                shot(f"18-opposition-{suffix}", opposition_page)
        window.lock()
        settle()
        window.close()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
