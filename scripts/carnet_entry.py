"""Entry point of the frozen Carnet bundle (build_installer.spec): the same as the ``carnet`` console script."""

from ui.main import main

if __name__ == "__main__":
    raise SystemExit(main())
