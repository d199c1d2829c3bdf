"""Numbers and dates in the interface's language, one format per language (QLocale of ui.i18n's current language).

fr: "70,4 kg", "06/12/2026", "06/12/2026 08:30"; en: "70.4 kg", "12/6/2026", "12/6/2026 08:30".
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from ui.i18n import current_language

DATE_FORMATS = {"fr": "dd/MM/yyyy", "en": "M/d/yyyy"}
MONTH_FORMATS = {"fr": "MM/yyyy", "en": "M/yyyy"}
TIME_FORMAT = "HH:mm"


def locale() -> QLocale:
    return QLocale(QLocale.Language.English if current_language() == "en" else QLocale.Language.French)


def date_format() -> str:
    """The Qt date pattern of the current language (chart axes, date editors)."""
    return DATE_FORMATS.get(current_language(), DATE_FORMATS["fr"])


def month_format() -> str:
    return MONTH_FORMATS.get(current_language(), MONTH_FORMATS["fr"])


def format_number(value: float, decimals: int | None = None) -> str:
    """A number with the language's decimal separator; trailing zeros dropped unless ``decimals`` is given."""
    loc = locale()
    loc.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    if decimals is not None:
        return loc.toString(float(value), "f", decimals)
    if float(value).is_integer():
        return loc.toString(int(value))
    return loc.toString(float(value), "g", 12)


def format_quantity(value: float, unit: str, decimals: int | None = None) -> str:
    """ "70,4 kg" (fr) / "70.4 kg" (en)."""
    number = format_number(value, decimals)
    return f"{number} {unit}" if unit else number


def format_date(value: date | datetime) -> str:
    if isinstance(value, datetime):
        value = value.date()
    return locale().toString(QDate(value.year, value.month, value.day), date_format())


def format_datetime(value: datetime) -> str:
    moment = QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second))
    return locale().toString(moment, f"{date_format()} {TIME_FORMAT}")


def format_iso(text: str) -> str:
    """An ISO date or date-time as stored ("2026-12-06", "2026-12-06T08:30", "2019-05", "2019") for display."""
    try:
        if len(text) > 10:
            return format_datetime(datetime.fromisoformat(text))
        if len(text) == 10:
            return format_date(date.fromisoformat(text))
    except ValueError:
        return text
    if len(text) == 7 and text[4] == "-":  # a month: "05/2019" / "5/2019"
        return locale().toString(QDate(int(text[:4]), int(text[5:7]), 1), month_format())
    return text
