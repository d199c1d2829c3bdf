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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.profile import UnlockedProfile
    from ui.app import MainWindow

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DBUS_SESSION_BUS_ADDRESS", "disabled:")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

PASSWORD = "cheval agrafe batterie correcte 1987"  # noqa: S105 (throwaway sample profile)


def sample_data(store, corpus: Path | None) -> None:
    store.entries.create(
        "identity", {"birth_name": "Martin", "first_names": "Camille", "sex": "F", "birth_date": "14/05/1952"}
    )
    store.entries.create("allergy", {"substance": "Pénicilline", "reaction": "Urticaire", "severity": "severe"})
    store.entries.create("treatment", {"name": "Lévothyrox", "dosage": "75 µg le matin", "start_date": "2019"})
    store.entries.create("condition", {"name": "Hypothyroïdie", "onset_date": "2018"})
    store.entries.create("vaccination", {"vaccine": "Grippe saisonnière", "date": "15/10/2025", "dose": "rappel"})
    store.entries.create(
        "vaccination",
        {"vaccine": "DTPolio (Revaxis)", "date": "12/03/2021", "dose": "rappel", "lot": "X4521"},
        author_kind="professional",
    )
    store.entries.create("vaccination", {"vaccine": "ROR", "date": "02/06/1953", "dose": "primo"})
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


def sample_what_comes_next(store) -> None:
    """Appointments and a records request for the « Agenda » and « Mes demandes de dossier » screens."""
    store.entries.create(
        "appointment",
        {
            "title": "Dentiste",
            "starts_at": "2027-01-12T14:30",
            "professional": "Dr Leroy",
            "place": "3 place de la Mairie",
        },
    )
    store.entries.create("appointment", {"title": "Mammographie de dépistage", "starts_at": "2027-02-03T09:15"})
    store.entries.create(
        "records_request",
        {
            "recipient": "Centre hospitalier de Rennes",
            "recipient_kind": "establishment",
            "requested": "Compte rendu d'hospitalisation de mars 2019",
            "oldest_information": "2019-03",
            "method": "registered_letter",
            "sent_on": "2026-11-20",
            "received_on": "2026-11-23",
            "delivery": "post",
        },
    )


def sample_repeating(profile) -> None:
    """A repeating appointment with a reminder (Agenda's « Se répète » column) and a suggestion put off."""
    from datetime import date

    from desktop_app import prevention

    store = profile.dossier()
    prevention.dismiss(profile, store.dossier_id, "screening_colorectal", never=False, today=date.today())
    store.entries.create(
        "appointment",
        {"title": "Kinésithérapie", "starts_at": "2026-12-08T18:00", "professional": "M. Caradec",
         "repeat": "weekly", "repeat_count": 10, "remind_minutes_before": 60},
    )  # fmt: skip


def what_comes_next_shots(window, shot: Callable[[str, Callable[[], None]], None], suffix: str) -> None:
    """Issue 21: « À venir » on the Accueil, a suggestion set aside, a repeating appointment, the reminder banner."""

    def home() -> None:
        home = window.dossier.home
        window.dossier.show_section("home")
        home.scroller.verticalScrollBar().setValue(home.upcoming.y())

    def set_aside() -> None:
        page = window.dossier.prevention
        window.dossier.show_section("prevention")
        page.show_dismissed.setChecked(True)
        page.show_row("screening_colorectal")  # put off for a month (sample_repeating)

    def repeating() -> None:
        page = window.dossier.agenda
        window.dossier.show_section("agenda")
        rows = [e.data.get("title") for e in page.model.rows()]
        if "Kinésithérapie" in rows:
            page.table.setCurrentIndex(page.model.index(rows.index("Kinésithérapie"), 0))
            page.on_edit_button_clicked()
            from PySide6.QtWidgets import QScrollArea

            area = page.form.parentWidget()
            while area is not None and not isinstance(area, QScrollArea):
                area = area.parentWidget()
            if area is not None:  # the form scrolled to how it repeats
                area.ensureWidgetVisible(page.form.row("repeat_count").editor)

    def banner() -> None:
        window.dossier.show_section("home")
        window.reminders.banner.dismiss()
        from ui.i18n import current_language

        english = current_language() == "en"
        window.reminders.notify(
            "Appointment 'Kinésithérapie' on 2026-12-08 at 18:00."
            if english
            else "Rendez-vous « Kinésithérapie » le 08/12/2026 à 18:00."
        )

    shot(f"29-home-upcoming-{suffix}", home)
    shot(f"29b-prevention-set-aside-{suffix}", set_aside)
    shot(f"29c-agenda-repeating-{suffix}", repeating)
    shot(f"29d-reminder-banner-{suffix}", banner)
    window.reminders.banner.dismiss()
    window.dossier.prevention.show_dismissed.setChecked(False)


def sample_care_history(profile) -> None:
    """The offline copy of the Histoire de santé, as the service would have returned it."""
    from datetime import UTC, datetime

    from desktop_app.setting_keys import SettingKey

    records = [
        ("consultation", "2025-11-03", "Consultation de médecine générale", "Dr Anne Durand"),
        ("medicine", "2025-11-03", "Lévothyroxine 75 µg, 3 boîtes", None),
        ("consultation", "2025-09-18", "Consultation d'endocrinologie", "Dr Paul Lefèvre"),
        ("medicine", "2025-06-02", "Paracétamol 1 g, 2 boîtes", None),
        ("consultation", "2024-12-10", "Consultation de médecine générale", "Dr Anne Durand"),
    ]
    profile.set_setting(
        SettingKey.CARE_HISTORY,
        {
            "fetched_at": datetime(2025, 11, 20, 9, 30, tzinfo=UTC).isoformat(),
            "records": [
                {"id": f"00000000-0000-0000-0000-00000000000{i}", "kind": k, "date": d, "label": lbl, "professional": p}
                for i, (k, d, lbl, p) in enumerate(records)
            ],
        },
    )


def sample_access_copies(profile) -> None:
    """The offline copies of Accès et confidentialité and of the Historique des accès; the carnet is linked to an
    address nobody answers on, so both screens show their copy with its date (« hors ligne »)."""
    from datetime import UTC, datetime

    from desktop_app.setting_keys import SettingKey
    from desktop_app.sync.engine import S_REFRESH, S_URL

    fetched = datetime(2025, 11, 20, 9, 30, tzinfo=UTC).isoformat()
    gp = {"rpps": "10000000017", "name": "Dr Anne Durand", "profession": "medecin_generaliste"}
    settings = {
        "authorised": [{**gp, "authorised_at": "2024-01-08T10:00:00+00:00", "until": None, "administrateur": True}],
        "blocked": [{"rpps": "10000000025", "name": "Dr Paul Lefèvre", "profession": "cardiologue"}],
        "administrateurs": ["10000000017"],
        "medecin_traitant": gp,
        "emergency": {
            "samu": True,
            "other_professionals": True,
            "masked_documents": False,
            "mask_all_including_emergency": False,
        },
        "default_masked_from_professionals": False,
        "aidants": [
            {
                "account_id": "00000000-0000-4000-8000-0000000000a1",
                "identifier": "lucas.martin",
                "starts_at": "2025-09-01T00:00:00+00:00",
                "ends_at": "2026-03-01T22:59:00+00:00",
                "active": True,
            }
        ],
        "legal_representatives": [],
        "post_mortem_opposed": True,
        "occupational_consents": [
            {"rpps": "10000000041", "name": "Dr Alex Travail", "profession": "medecin_du_travail"}
        ],
    }
    profile.set_setting(SettingKey.ACCESS_SETTINGS, {"own": {"fetched_at": fetched, "settings": settings}})
    events = [
        ("2025-11-19T15:02:00+00:00", "professional", "Dr Anne Durand", "10000000017", "dossier.open", "allowed"),
        ("2025-11-02T08:40:00+00:00", "patient", None, None, "access.authorised", "allowed"),
        ("2025-10-21T11:15:00+00:00", "professional", "Dr Paul Lefèvre", "10000000025", "dossier.open", "denied"),
    ]
    profile.set_setting(
        SettingKey.ACCESS_HISTORY,
        {
            "fetched_at": fetched,
            "items": [
                {
                    "at": at,
                    "actor_kind": kind,
                    "actor_name": name,
                    "actor_rpps": rpps,
                    "action": action,
                    "outcome": outcome,
                    "reason": "professional_blocked" if outcome == "denied" else "professional_authorised",
                    "assisted_by": None,
                }
                for at, kind, name, rpps, action, outcome in events
            ],
        },
    )
    profile.set_setting(S_URL, "http://127.0.0.1:9")
    profile.set_setting(S_REFRESH, "not-a-real-token")


def sample_notifications(profile) -> None:
    """The offline copy of the notifications: two unread, one read (the sidebar shows the badge « (2) »)."""
    from desktop_app.setting_keys import SettingKey

    items = [
        ("2025-11-19T15:02:00+00:00", "professional_access", "Dr Anne Durand", None, False),
        ("2025-11-12T10:20:00+00:00", "document_added_by_professional", "Dr Anne Durand", "Compte rendu", False),
        ("2025-10-30T08:00:00+00:00", "aidant_invited", "Odette Lefèvre", "2026-06-30T21:59:00+00:00", True),
    ]
    page = {
        "items": [
            {
                "id": f"00000000-0000-4000-8000-00000000000{n}",
                "event": event,
                "at": at,
                "professional_name": who,
                "professional_rpps": None,
                "detail": detail,
                "read": read,
            }
            for n, (at, event, who, detail, read) in enumerate(items)
        ],
        "unread": 2,
        "next_offset": None,
    }
    profile.set_setting(
        SettingKey.NOTIFICATIONS, {"fetched_at": "2025-11-20T09:30:00+00:00", "page": page, "pending_read": []}
    )


def viewer_screens(window, shot: Callable[[str, Callable[[], None]], None], suffix: str) -> None:
    """The document viewer given the whole page (« Agrandir ») and zoomed in once, then back to its share."""
    viewer = window.dossier.documents.viewer

    def widened() -> None:
        window.dossier.show_section("documents")
        viewer.set_widened(True)
        viewer.zoom_by(1.25)

    shot(f"09b-documents-viewer-widened-{suffix}", widened)
    viewer.set_widened(False)


def people_screens(window, shot: Callable[[str, Callable[[], None]], None], settle: Callable[[], None], suffix: str):
    """Notifications (offline copy, badge) and « Les personnes que j'aide », in French then English (the search and
    the heir's request need the service: tests/ui/test_people.py grabs them against the real one)."""

    def notifications() -> None:
        window.dossier.show_section("notifications")
        for _ in range(40):
            settle()
            if window.dossier.notifications.model.rowCount():
                break

    def helping() -> None:
        window.dossier.show_section("access")
        settle()
        page = window.dossier.access
        if page.helping_box is not None:
            page.show_part(page.helping_box)

    for language in ("fr", "en"):
        window.set_preference("language", language)
        shot(f"70-notifications-offline-{language}-{suffix}", notifications)
        shot(f"71-access-people-{language}-{suffix}", helping)
    window.set_preference("language", "fr")


def sample_helping(profile: UnlockedProfile) -> None:
    """The offline copy of « Les personnes que j'aide »: one person helped, one deceased relative opened as heir."""
    from desktop_app.setting_keys import SettingKey

    rows = [
        {
            "dossier_id": "00000000-0000-4000-8000-0000000000b1",
            "first_names": "Odette",
            "last_name": "Lefèvre",
            "birth_date": "1941-04-12",
            "role": "aidant",
            "starts_at": "2025-09-01T00:00:00+00:00",
            "until": "2030-06-30T21:59:00+00:00",
        },
        {
            "dossier_id": "00000000-0000-4000-8000-0000000000b2",
            "first_names": "Jeanne",
            "last_name": "Martin",
            "birth_date": "1938-02-03",
            "role": "heir",
        },
    ]
    profile.set_setting(SettingKey.HELPED, {"fetched_at": "2025-11-20T09:30:00+00:00", "rows": rows})


def shared_dossier_screens(
    window: MainWindow, settle: Callable[[], None], suffix: str, output: Path, written: list[Path]
) -> None:
    """The read-only view of a dossier shared with the person (an aidant's, an heir's), in French then English: as
    the service showed it (a sample view), then unreachable (the address nobody answers on)."""
    from datetime import UTC, date, datetime

    from desktop_app.access import SharedDossierView, SharedRecord

    def record(n: int, entity: str, kind: str, title: str, author: str, day: int) -> SharedRecord:
        return SharedRecord(f"rec-{n}", entity, kind, title, author, datetime(2025, 11, day, 9, tzinfo=UTC))

    view = SharedDossierView(
        "00000000-0000-4000-8000-0000000000b1",
        "Odette",
        "Lefèvre",
        date(1941, 4, 12),
        "aidant_delegation",
        (
            record(1, "entry", "condition", "Diabète de type 2", "patient", 18),
            record(2, "entry", "treatment", "Metformine 1000 mg", "professional", 12),
            record(3, "entry", "allergy", "Pénicilline", "patient", 3),
            record(4, "document", "compte_rendu", "Compte rendu de cardiologie", "professional", 15),
            record(5, "document", "biologie", "Bilan sanguin", "professional", 7),
        ),
    )
    page = window.dossier.access
    box = page.helping_box
    if box is None:
        return
    for language in ("fr", "en"):
        window.set_preference("language", language)
        window.dossier.show_section("access")
        page.show_part(box)
        settle()
        dialog = box.open_shared(view.dossier_id, "Odette Lefèvre", "aidant", until=datetime(2030, 6, 30, tzinfo=UTC))
        assert dialog is not None
        for name in ("offline", "aidant"):
            for _ in range(40):  # the opening fails (nobody answers), then the sample view is shown
                settle()
                if dialog.state != "loading":
                    break
            if name == "aidant":
                dialog.present(view)
            settle()
            path = output / f"72-shared-dossier-{name}-{language}-{suffix}.png"
            dialog.grab().save(str(path))
            written.append(path)
        dialog.close()
    window.set_preference("language", "fr")


def shoot_exports(window, languages, settle, output: Path, work: Path, scale_text: Callable[[int], None]) -> list[Path]:
    """Issue 17's « Exporter / Imprimer » screens, in French and English: each printout, the download, the import
    report (a small FHIR file with one item skipped), the restore of a backup. The carnet must be locked."""
    import json

    from tests.support.exports_ui import SAMPLE_IMPORT
    from ui.exports.common import Doors

    written: list[Path] = []
    doors: Doors = window.exports.doors
    doors.run_modal = lambda _dialog: 0
    window.unlock_page.password_edit.setText(PASSWORD)
    window.unlock_page.on_unlock_button_clicked()
    settle()
    backup = window.profile.backup(work)
    fhir = work / "resultats.json"
    fhir.write_text(json.dumps(SAMPLE_IMPORT), encoding="utf-8")

    def grab(name: str) -> None:
        for _ in range(40):
            settle()
            dialog = window.exports.dialog
            if dialog is not None and getattr(dialog, "content", b"") is not None:
                break
        dialog = window.exports.dialog
        assert dialog is not None, (name, getattr(window._confirmer, "informed", None))
        settle()
        path = output / f"{name}.png"
        dialog.grab().save(str(path))
        written.append(path)
        dialog.reject()
        settle()

    doors.folder = lambda _parent, _title: backup
    doors.open_path = lambda _parent, _title, _filters: work / "carnet-2026-03-01.carnet"
    for scale in (100, 200):
        scale_text(scale)
        for lang in ("fr", "en"):
            languages.set_language(lang)
            settle()
            suffix = f"{lang}-{scale}"
            for kind, action in window.exports.printouts.items():
                action.trigger()
                grab(f"40-print-{kind.value}-{suffix}")
            window.exports.download_action.trigger()
            grab(f"41-download-fhir-{suffix}")
            window.exports.download_action.trigger()
            window.exports.dialog.archive_radio.setChecked(True)
            grab(f"41-download-archive-{suffix}")
            window.exports.import_file(fhir)
            grab(f"42-import-report-{suffix}")
            window.exports.restore_action.trigger()
            grab(f"43-restore-{suffix}")
            window.exports.restore_archive_action.trigger()
            grab(f"44-restore-archive-{suffix}")
    scale_text(100)
    languages.set_language("fr")
    settle()
    return written


def sync_status_shots(output: Path, app, languages, settle: Callable[[], None], written: list[Path]) -> None:
    """The sync status and the inbox of refused changes (issue 17), in French and English, at 100 % and 200 %.

    A carnet linked to an account whose service does not answer (an address nobody listens on): the engine really
    tries, fails and says "hors ligne"; the changes waiting are the carnet's own; the two refusals are recorded as
    the service answers them (reason code and French detail), as after an earlier sync."""
    import time

    from sqlalchemy import insert, update

    from desktop_app import schema, vault
    from desktop_app.dossier_store import Intent
    from desktop_app.profile import ProfileDirectory
    from desktop_app.setting_keys import SettingKey
    from desktop_app.sync import tables as t
    from dossier.sync_protocol import Entity, MutationOp
    from ui import theme

    with tempfile.TemporaryDirectory(prefix="carnet-shots-sync-") as tmp:
        profiles = ProfileDirectory(Path(tmp), kdf=vault.FLOOR_KDF)
        profile, _key = profiles.create("Zoé Lefèvre", PASSWORD)
        store = profile.dossier()
        kept = store.entries.create("allergy", {"name": "Pollen de bouleau", "severity": "mild"})
        store.entries.create("treatment", {"name": "Cétirizine", "dosage": "10 mg le soir"})
        refused = [
            ("create", "1b0c9a52-5a7e-4d8e-9a43-2f6a1f1d0001", {"name": [None, "Arachide"], "severity": [None, "x"]}),
            ("update", kept.id, {"severity": ["mild", "très forte"]}),
        ]
        with store._write() as write:
            for op, entity_id, changes in refused:
                write.queue(Intent(Entity.ENTRY, entity_id, "allergy", MutationOp(op), 0, changes))
        with store.transaction() as conn:
            rows = list(conn.execute(schema.outbox.select().order_by(schema.outbox.c.client_seq.desc()).limit(2)))
            for row in rows:
                conn.execute(
                    update(schema.outbox).where(schema.outbox.c.mutation_id == row.mutation_id).values(state="rejected")
                )
                conn.execute(
                    insert(t.sync_results).values(
                        mutation_id=row.mutation_id,
                        status="rejected",
                        reason="validation_failed",
                        message="Gravité : choisissez Légère, Modérée, Grave ou Je ne sais pas.",
                    )
                )
        profile.set_setting(SettingKey.SERVER_URL, "http://127.0.0.1:9")
        profile.set_setting(SettingKey.REFRESH_TOKEN, "screenshot")
        profile.lock()
        window = sample_window(profiles, languages)
        window.show_unlock()
        window.unlock_page.password_edit.setText(PASSWORD)
        window.unlock_page.on_unlock_button_clicked()
        deadline = time.monotonic() + 120
        while window.sync.state != "offline" and time.monotonic() < deadline:  # the engine tries, then gives up
            settle()
            time.sleep(0.2)
        window.dossier.show_section("home")
        for language in ("fr", "en"):
            languages.set_language(language)
            for scale in (100, 200):
                theme.apply_theme(app, high_contrast=False, text_scale=scale)
                window.resize(1280, 800)
                settle()
                for name, widget in (("30-sync-status-pending", window), ("31-sync-refused-inbox", None)):
                    if widget is None:
                        inbox = window.show_refused()
                        settle()
                        inbox.list.setCurrentRow(1)
                        settle()
                        widget = window._conflict_dialog
                    settle()
                    path = output / f"{name}-{language}-{scale}.png"
                    widget.grab().save(str(path))
                    written.append(path)
                inbox = window.show_refused()
                inbox.resend_button.click()  # the entry's own form, filled with what was refused
                settle()
                path = output / f"32-sync-refused-resend-{language}-{scale}.png"
                window._conflict_dialog.grab().save(str(path))
                written.append(path)
                inbox.cancel_edit_button.click()
                window._conflict_dialog.close()
        languages.set_language("fr")
        theme.apply_theme(app, high_contrast=False, text_scale=100)
        window.lock()
        settle()
        window.close()


def secret_care_shots(work: Path, languages, output: Path, settle, written: list[Path]) -> None:
    """Issue 17, a young adult's own carnet, in French and English at 100 and 200 %: the identity with sex and
    matricule INS, and the Documents with the secret care received before 18 marked as such (and why)."""
    from datetime import date

    from PySide6.QtWidgets import QApplication

    from desktop_app import vault
    from desktop_app.profile import ProfileDirectory
    from dossier.documents import Confidentiality
    from dossier.identifiers import nir_key
    from ui import theme
    from ui.i18n import current_language

    profiles = ProfileDirectory(work / "lea", kdf=vault.FLOOR_KDF)
    profile, _key = profiles.create("Léa Martin", PASSWORD)
    ds = profile.dossier()
    identity = {"birth_name": "Martin", "first_names": "Léa", "birth_date": "2008-01-25", "sex": "F"}
    ds.entries.create("identity", {**identity, "ins": "2080175056123" + nir_key("2080175056123")})
    body = b"%PDF-1.4\n%%EOF\n"
    ds.documents.add(body, title="Rappel vaccin DTP", category="compte_rendu", document_date=date(2025, 10, 2))
    secret = ds.documents.add(body, title="Contraception — consultation", category="compte_rendu",
                              document_date=date(2025, 11, 10), author_kind="professional")  # fmt: skip
    ds.documents.set_confidentiality(secret.id, Confidentiality(hidden_from_legal_representatives=True))
    profile.lock()
    window = sample_window(profiles, languages)
    app = QApplication.instance()
    for lang in ("fr", "en"):
        languages.set_language(lang)
        for scale in (100, 200):
            theme.apply_theme(app, high_contrast=False, text_scale=scale)
            window.show_unlock()
            window.unlock_page.password_edit.setText(PASSWORD)
            window.unlock_page.on_unlock_button_clicked()
            settle()
            window.dossier.show_section("profile")
            window.dossier.profile.show_kind("identity")
            settle()
            for name in ("identity-ins", "documents-secret-care"):
                if name == "documents-secret-care":
                    window.dossier.show_section("documents")
                    page = window.dossier.documents
                    settle()
                    titles = [page.model.row_object(r).title for r in range(page.model.rowCount())]
                    page.select_row(titles.index(secret.title))
                settle()
                window.resize(1280, 800)
                settle()
                path = output / f"60-{name}-{current_language()}-{scale}.png"
                window.grab().save(str(path))
                written.append(path)
            window.lock()
            settle()
    theme.apply_theme(app, high_contrast=False, text_scale=100)
    window.close()


def sample_window(profiles, languages):
    """The main window over ``profiles``, shown at 1280×800, talking to an address nobody answers on (benchmarks and
    the accessibility test open the sample dossier in it)."""
    from ui.app import MainWindow
    from ui.dialogs import ScriptedConfirmer

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
    return window


def account_shots(window, profiles, languages, output: Path, settle, written: list[Path], scale: int = 100) -> None:
    """The account doors (issue 17), in French and English: forgotten identifier and password, the account's
    password, closure and deletion, the space box, linking a carnet at sign-in, the activation's password rule."""
    from PySide6.QtWidgets import QScrollArea

    from ui.account.recovery import open_forgot_identifier, open_forgot_password
    from ui.account_forms import open_steps_dialog
    from ui.dialogs import ScriptedConfirmer
    from ui.settings.space import AccountPasswordSteps, SpaceEndSteps

    def grab(widget, name: str) -> None:
        settle()
        path = output / f"{name}{'' if scale == 100 else f'-{scale}'}.png"
        widget.grab().save(str(path))
        written.append(path)

    for lang in ("fr", "en"):
        languages.set_language(lang)
        window.lock()
        settle()
        window.show_welcome()
        grab(window, f"50-welcome-recovery-links-{lang}")
        dialog, steps = open_forgot_identifier(window, window.server_url)
        steps.email_edit.setText("camille.martin@example.org")
        grab(dialog, f"51-forgot-identifier-{lang}")
        steps.go_to(1)
        grab(dialog, f"52-forgot-identifier-sent-{lang}")
        dialog.close()
        dialog, steps = open_forgot_password(window, window.server_url, "camille.martin")
        grab(dialog, f"53-forgot-password-{lang}")
        steps.go_to(1)
        steps.code_edit.setText("123 456")
        steps.password.edit.setText(steps.password.meter.example_phrase())
        grab(dialog, f"54-forgot-password-example-refused-{lang}")
        steps.go_to(2)
        grab(dialog, f"55-forgot-password-done-{lang}")
        dialog.close()
        login = window.login_page
        window.on_welcome_choice_made("login")
        login.local.prepare(profiles, window.server_url, "camille.martin")
        login.go_to(1)
        grab(window, f"56-login-link-carnet-{lang}")
        wizard = window.activation_page
        window.on_welcome_choice_made("activate")
        wizard.identifier_edit.setText("camille.martin")
        wizard.go_to(4)
        wizard.password_edit.setText("bonjour mon ami comment vas")
        grab(window, f"57-activation-password-rule-{lang}")
        wizard.reset()
        profile = profiles.unlock(PASSWORD)
        try:
            steps = AccountPasswordSteps(profile)
            dialog = open_steps_dialog(window, steps)
            steps.password.edit.setText("Tortue orange lit 9 journaux sous la pluie")
            grab(dialog, f"58-account-password-{lang}")
            dialog.close()
            for action, number in (("closure", 59), ("deletion", 60)):
                steps = SpaceEndSteps(profile, action=action, confirmer=ScriptedConfirmer())
                dialog = open_steps_dialog(window, steps)
                grab(dialog, f"{number}-space-{action}-{lang}")
                steps.go_to(1)
                grab(dialog, f"{number}-space-{action}-done-{lang}")
                dialog.close()
        finally:
            profile.lock()
        window.on_create_page_created(profiles.unlock(PASSWORD), "AGHQB-5EDW7-RB2CQ-CH7DJ-TXQDV-K3SFG-8E23V-89W6S")
        sheet = output / f"61-recovery-sheet-{lang}.pdf"
        sheet.write_bytes(window.recovery_page.sheet_pdf())
        written.append(sheet)
        window.on_recovery_page_done()
        settle()
        box = window.dossier.settings.space_box
        window.dossier.show_section("settings")
        box.setEnabled(True)
        box._show_state("closed")
        window.dossier.settings.findChild(QScrollArea).ensureWidgetVisible(box, 0, 40)
        grab(window, f"62-settings-space-{lang}")
        window.lock()
        settle()
    languages.set_language("fr")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument(
        "--corpus", type=Path, default=Path(os.environ.get("CARNET_CORPUS_DIR", ROOT.parent / "shared" / "data"))
    )
    parser.add_argument("--lang", choices=("fr", "en"), default="fr", help="interface language (default: fr)")
    parser.add_argument(
        "--only", default="", help="comma-separated variants to render, e.g. default-100,hc-200 (default: all four)"
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
    languages.set_language(args.lang)

    def settle() -> None:
        for _ in range(5):
            wait_for_idle()
            app.processEvents()

    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="carnet-shots-") as tmp:
        profiles = ProfileDirectory(Path(tmp), kdf=vault.FLOOR_KDF)
        profile, recovery_key = profiles.create("Camille Martin", PASSWORD)
        sample_data(profile.dossier(), args.corpus if args.corpus.is_dir() else None)
        sample_care_history(profile)
        sample_access_copies(profile)
        sample_notifications(profile)
        sample_helping(profile)
        profile.set_setting("ui.language", args.lang)  # the profile's own choice, applied when it opens
        sample_what_comes_next(profile.dossier())
        sample_repeating(profile)
        profile.lock()
        # An address nobody answers on: the online screens are shown, no request is made while rendering them.
        confirmer = ScriptedConfirmer()
        window = MainWindow(
            profiles=profiles,
            languages=languages,
            confirmer=confirmer,
            apply_preferences=False,
            server_url="http://127.0.0.1:9",
            watch_os_lock=False,
        )
        window.resize(1280, 800)
        window.show()

        def shot(name: str, prepare: Callable[[], None]) -> None:
            prepare()
            settle()
            window.resize(1280, 800)  # a page that needs more shows wider than 1280 (never silently kept wider)
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

        def login_locked_page() -> None:
            """The account held after a stranger's failures: the code de déblocage by e-mail (S50, S55)."""
            from desktop_app.account import UnlockTicket

            login_page()
            assert window.login_page is not None
            page = window.login_page
            page.error.setText(
                "Trop de tentatives. Réessayez dans 60 secondes. Si ce compte est le vôtre, connectez-vous depuis un "
                "appareil déjà enregistré, ou demandez un code par e-mail."
            )
            page.error.setVisible(True)
            page.unlock_box.offer()
            page.unlock_box.sent(UnlockTicket("http://127.0.0.1:9", "camille.martin", "00000000-0000-0000-0000-0"))
            page.unlock_box.code.setText("482 779")

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

        def vaccinations() -> None:
            window.dossier.show_section("vaccinations")
            page = window.dossier.vaccinations
            settle()
            rows = page.model.rows()
            own = next(i for i, e in enumerate(rows) if e.author_kind == "patient" and e.data["vaccine"] == "ROR")
            page.table.setCurrentIndex(page.model.index(own, 0))
            confirmer.answers.append(True)
            page.on_delete_button_clicked()  # the status bar offers « Annuler (Ctrl+Z) »
            settle()
            pro = next(i for i, e in enumerate(page.model.rows()) if e.author_kind == "professional")
            page.table.setCurrentIndex(page.model.index(pro, 0))

        def vaccinations_not_concerned() -> None:
            window.dossier.show_section("vaccinations")
            page = window.dossier.vaccinations
            settle()
            page.on_not_concerned_button_clicked()  # refused: vaccinations are recorded (the message shows)
            settle()

        def undo() -> None:
            window.dossier.undo.undo()
            settle()

        def access_offline() -> None:
            window.dossier.show_section("access")
            page = window.dossier.access
            for _ in range(40):
                settle()
                if page.settings is not None:
                    break
            page.tabs.setCurrentIndex(0)
            page.table.setCurrentIndex(page.model.index(0, 0))
            page.scroller.verticalScrollBar().setValue(0)

        def access_children() -> None:
            page = window.dossier.access
            if page.children_box is not None:
                page.show_part(page.children_box)

        def access_occupational() -> None:
            page = window.dossier.access
            rows = [page.model.row_object(r) for r in range(page.model.rowCount())]
            occupational = next(i for i, r in enumerate(rows) if r.occupational_consent)
            page.table.setCurrentIndex(page.model.index(occupational, 0))
            page.show_part(page.occupational_button)

        def child_window(name: str) -> None:
            from datetime import date

            from desktop_app.access import ChildProfile

            page = window.dossier.access
            child = ChildProfile("00000000-0000-4000-8000-00000000c01d", "Léa", "Martin", date(2015, 3, 2))
            page.manage_child(child)
            dialog, tabs = page.child_dialog, page.child_tabs
            assert dialog is not None and tabs is not None
            for index, tab in ((0, "access"), (1, "history")):
                tabs.setCurrentIndex(index)
                settle()
                dialog.resize(1152, 720)
                settle()
                path = args.output / f"{name}-{tab}.png"
                dialog.grab().save(str(path))
                written.append(path)
            dialog.close()

        def what_comes_next(section: str) -> Callable[[], None]:
            def prepare() -> None:
                window.dossier.show_section(section)
                page = window.dossier.with_context[section]
                page.reload()
                settle()
                if page.model.rowCount():
                    page.table.setCurrentIndex(page.model.index(0, 0))

            return prepare

        def access_history_offline() -> None:
            window.dossier.show_section("access_history")
            for _ in range(40):
                settle()
                if window.dossier.access_history.model.rowCount():
                    break

        for high_contrast in (False, True):
            for scale in (100, 200):
                suffix = f"{'hc' if high_contrast else 'default'}-{scale}"
                if args.only and suffix not in args.only.split(","):
                    continue
                theme.apply_theme(app, high_contrast=high_contrast, text_scale=scale)
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
                viewer_screens(window, shot, suffix)
                shot(f"10-settings-{suffix}", lambda: window.dossier.show_section("settings"))
                shot(f"11-history-offline-{suffix}", lambda: window.dossier.show_section("history"))
                shot(f"12-settings-account-{suffix}", account_settings)
                shot(f"19-vaccinations-undo-{suffix}", vaccinations)
                undo()
                shot(f"25-vaccinations-not-concerned-{suffix}", vaccinations_not_concerned)
                shot(f"20-access-offline-{suffix}", access_offline)
                shot(f"21-access-children-{suffix}", access_children)
                shot(f"23-access-occupational-{suffix}", access_occupational)
                child_window(f"24-child-window-{suffix}")
                shot(f"22-access-history-offline-{suffix}", access_history_offline)
                people_screens(window, shot, settle, suffix)
                shared_dossier_screens(window, settle, suffix, args.output, written)
                shot(f"26-prevention-{suffix}", what_comes_next("prevention"))
                shot(f"27-agenda-{suffix}", what_comes_next("agenda"))
                shot(f"28-records-requests-{suffix}", what_comes_next("requests"))
                what_comes_next_shots(window, shot, suffix)
                window.lock()
                settle()
                shot(f"13-activation-code-{suffix}", wizard_step(0))
                shot(f"14-activation-serial-{suffix}", wizard_step(2))
                shot(f"15-activation-identifier-{suffix}", wizard_step(3))
                shot(f"16-activation-password-{suffix}", wizard_step(4))
                shot(f"17-login-{suffix}", login_page)
                shot(f"17b-login-locked-{suffix}", login_locked_page)
                shot(f"18-opposition-{suffix}", opposition_page)
        for scale in (100, 200):
            theme.apply_theme(app, high_contrast=False, text_scale=scale)
            account_shots(window, profiles, languages, args.output, settle, written, scale)
        theme.apply_theme(app, high_contrast=False, text_scale=100)
        window.lock()
        settle()
        written += shoot_exports(
            window,
            languages,
            settle,
            args.output,
            Path(tmp),
            lambda scale: theme.apply_theme(app, high_contrast=False, text_scale=scale),
        )
        window.lock()
        settle()
        window.close()
        secret_care_shots(Path(tmp), languages, args.output, settle, written)
    sync_status_shots(args.output, app, languages, settle, written)
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
