#!/usr/bin/env bash
# Build the Carnet one-folder bundle (build_installer.spec), check its contents, then run `Carnet --self-test` in it.
#
#   scripts/build_and_check_bundle.sh            # build in a temporary directory, removed afterwards
#   CARNET_BUNDLE_DIR=build/bundle scripts/build_and_check_bundle.sh   # keep the bundle (dist/ and work/ in there)
#
# Leaves nothing in the source tree but the compiled translations (resources/i18n/*.qm, git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    echo "PyInstaller absent de $PYTHON (pip install 'pyinstaller==6.22.*') / PyInstaller is not installed" >&2
    exit 2
fi

if [[ -n "${CARNET_BUNDLE_DIR:-}" ]]; then
    OUT="$(mkdir -p "$CARNET_BUNDLE_DIR" && cd "$CARNET_BUNDLE_DIR" && pwd)"
else
    OUT="$(mktemp -d "${TMPDIR:-/tmp}/carnet-bundle.XXXXXX")"
    trap 'rm -rf "$OUT"' EXIT
fi

start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --workpath "$OUT/work" --distpath "$OUT/dist" "$ROOT/build_installer.spec"
built=$(date +%s)
echo "Bundle construit en $((built - start)) s / bundle built in $((built - start)) s"

BUNDLE="$OUT/dist/Carnet"
"$PYTHON" "$ROOT/scripts/check_bundle.py" "$BUNDLE"

# Run from outside the source tree, with no Python path, display or session bus: only the bundle is used.
cd "$OUT"
env -u PYTHONPATH -u PYTHONHOME -u DISPLAY -u WAYLAND_DISPLAY \
    QT_QPA_PLATFORM=offscreen DBUS_SESSION_BUS_ADDRESS=disabled: QT_LOGGING_RULES='qt.qpa.*=false' \
    "$BUNDLE/Carnet" --self-test
echo "Auto-test du bundle réussi en $(($(date +%s) - built)) s / bundle self-test passed"
