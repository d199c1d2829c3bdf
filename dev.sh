#!/usr/bin/env bash
# The two commands of the README:
#   ./dev.sh run    set up (first time) and launch Carnet with a local central service and a demo account
#   ./dev.sh test   set up (first time) and run the whole test suite (lint, types, tests)
#   ./dev.sh cluster  the central service as a cluster on this machine: HAProxy + 2 nodes + PgBouncer + PostgreSQL
#                     (docs/SCALING.md; needs `apt-get install haproxy pgbouncer postgresql`)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"

setup() {
  if [ ! -x "$VENV/bin/python" ]; then
    echo "[carnet] création de l'environnement Python (.venv)…"
    "$PY" -m venv "$VENV"
  fi
  # Re-install only when the project definition changed.
  local stamp="$VENV/.carnet-installed"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "[carnet] installation des dépendances (quelques minutes la première fois)…"
    if ! { "$VENV/bin/python" -m pip install --quiet --upgrade pip &&
           "$VENV/bin/python" -m pip install --quiet -e '.[dev]'; } >"$VENV/pip-install.log" 2>&1; then
      cat "$VENV/pip-install.log" >&2
      echo "[carnet] l'installation a échoué (voir ci-dessus)" >&2
      exit 1
    fi
    touch "$stamp"
  fi
  if [ -f ui/i18n.py ]; then
    "$VENV/bin/python" -c "from ui.i18n import build_translations; build_translations()" || true
  fi
}

run() {
  setup
  exec "$VENV/bin/python" scripts/run_demo.py "$@"
}

setup_node_harness() {
  # A Node (>= 20) test harness of tests/interop: its npm packages, when Node is here. $1: folder, $2: its name.
  local dir=$1
  if command -v npm >/dev/null && { [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules" ]; }; then
    echo "[carnet] $2 : installation des paquets npm…"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || echo "[carnet] npm ci a échoué : les tests de $2 seront ignorés (hors CI)" >&2
  fi
}

setup_validator() {
  setup_node_harness tests/interop/validator "validateur FHIR"  # the independent FHIR validator
  setup_node_harness tests/interop/oidc "fournisseur OIDC"  # a real OpenID Connect provider (oidc-provider)
}

start_postgres() {
  # A throwaway PostgreSQL cluster for the server tests, when PostgreSQL is installed (CI always installs it).
  if [ -z "${CARNET_TEST_POSTGRES_URL:-}" ] && [ -x scripts/pg-throwaway.sh ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if url=$(scripts/pg-throwaway.sh start); then
      export CARNET_TEST_POSTGRES_URL="$url"
      trap 'scripts/pg-throwaway.sh stop >/dev/null 2>&1 || true' EXIT
    fi
  fi
}

test_suite() {
  setup
  local failed=()
  echo "[carnet] ruff…"
  "$VENV/bin/ruff" check . || failed+=(ruff)
  echo "[carnet] mypy…"
  "$VENV/bin/mypy" || failed+=(mypy)
  echo "[carnet] règles de la maison…"
  if git grep -nE '^\s*(from|import)\s+PySide6' -- dossier desktop_app; then echo "PySide6 imported outside ui/"; failed+=(house); fi
  if git grep -nE '^\s*(from|import)\s+server(\.|\s|$)' -- desktop_app dossier ui; then echo "client imports server/"; failed+=(house); fi
  # Import rules that need a parser (the engine never imports its CLI, ui features never import each other…).
  "$VENV/bin/python" scripts/check_imports.py || failed+=(house)
  "$VENV/bin/python" scripts/check_server_imports.py || failed+=(house)
  if "$VENV/bin/python" - <<'PY'
import tomllib, sys
deps = tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]
sys.exit(0 if any(d.lower().startswith("keyrings.alt") for d in deps) else 1)
PY
  then echo "keyrings.alt must never be a runtime dependency (S26)"; failed+=(deps); fi
  setup_validator
  start_postgres
  echo "[carnet] pytest…"
  QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -m pytest -q -p no:cacheprovider "$@" || failed+=(pytest)
  if [ $# -eq 0 ]; then
    echo "[carnet] installateur (PyInstaller) et auto-test dans le paquet…"
    PATH="$VENV/bin:$PATH" scripts/build_and_check_bundle.sh || failed+=(installer)
  fi
  if [ ${#failed[@]} -gt 0 ]; then
    echo "[carnet] ÉCHEC : ${failed[*]}" >&2
    return 1
  fi
  echo "[carnet] tout est vert."
}

cluster() {
  # HAProxy in front of `carnet-server serve` nodes sharing a throwaway PostgreSQL through PgBouncer (transaction
  # mode) and one blob directory: the same cluster as tests/cluster, for a person to try. Ctrl-C stops everything.
  setup
  local missing=()
  command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
  command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [ -n "${CARNET_TEST_POSTGRES_URL:-}" ] || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "[carnet] il manque / missing: ${missing[*]} — apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  start_postgres
  "$VENV/bin/python" -m tests.support.cluster "$@"
}

case "${1:-}" in
  run) shift; run "$@" ;;
  cluster) shift; cluster "$@" ;;
  test) shift; test_suite "$@" ;;
  setup) setup ;;
  *) echo "usage: ./dev.sh run | ./dev.sh test | ./dev.sh cluster" >&2; exit 2 ;;
esac
