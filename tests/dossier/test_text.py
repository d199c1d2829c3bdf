"""Accent folding: the ASCII shortcut gives exactly what the full Unicode path gives."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from dossier.text import fold


def unicode_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_folds_as_the_unicode_path_would(text: str) -> None:
    assert fold(text) == unicode_fold(text)


def test_french_names_lose_accents_ligatures_and_case() -> None:
    assert fold("Éléonore Œdème") == "eleonore oedeme"
    assert fold("GRÜNWALD-Ærø") == "grunwald-aero"
    assert fold("Zoé") == fold("ZOE") == "zoe"
