"""Refresh the Qt Linguist sources from the code and check that the English translation is complete.

    python scripts/i18n.py          # update resources/i18n/carnet_{fr,en}.ts from ui/ (keeps existing translations)
    python scripts/i18n.py --check  # exit 1 when an English translation is missing or unfinished

French is the source language; module-level texts use ``ui.i18n.translate`` imported as ``_t``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def update() -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    for lang in ("fr", "en"):
        ts = I18N / f"carnet_{lang}.ts"
        subprocess.run(
            [
                str(LUPDATE),
                "-no-obsolete",
                "-locations",
                "none",
                "-tr-function-alias",
                "translate+=_t",
                "-source-language",
                "fr_FR",
                "-target-language",
                "en_GB" if lang == "en" else "fr_FR",
                *sources(),
                "-ts",
                str(ts),
            ],
            cwd=ROOT,
            check=True,
        )


def missing(ts: Path) -> list[str]:
    """Source texts of ``ts`` whose translation is empty or unfinished."""
    out = []
    for message in ET.parse(ts).getroot().iter("message"):  # noqa: S314 (our own source file)
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            out.append(source)
            continue
        forms = [f.text or "" for f in translation.findall("numerusform")]
        if (forms and not all(forms)) or (not forms and not (translation.text or "").strip()):
            out.append(source)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if not args.check:
        update()
    gaps = missing(I18N / "carnet_en.ts")
    for text in gaps:
        print(f"untranslated: {text!r}")
    return 1 if gaps else 0


if __name__ == "__main__":
    raise SystemExit(main())
