"""What is due, overdue or done for one person: a pure function of the birth date, the sex, the answered questions,
the dated records and today's date, over the versioned calendars. Each result carries the rule applied and its
source, so a person can check it ("Rappel diphtérie-tétanos-poliomyélite à 45 ans")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Final

from dossier.prevention.ages import Span
from dossier.prevention.records import Record, is_act
from dossier.prevention.schedule import (
    Calendar,
    FixedAgesRule,
    PeriodicRule,
    Rule,
    Schedule,
    SeasonalRule,
    SeriesRule,
    WindowsRule,
)

DEFAULT_HORIZON: Final = timedelta(days=365)
# A dose given up to 4 days before a minimum interval still counts (the usual grace period of vaccination
# schedules; without it a dose booked "2 months later" on a shorter month would not count).
GRACE: Final = timedelta(days=4)
_DEFAULT_STEP_WINDOW: Final = Span(months=1)
_LAST_AGE: Final = Span(years=120)


class Status(StrEnum):
    """Where a person stands for one rule."""

    DONE = "done"  # the last recommended act was done; `next_due` says when the next one comes
    DUE = "due"  # to do now (within the recommended window)
    OVERDUE = "overdue"  # past the window, catch-up still recommended
    UPCOMING = "upcoming"  # later, within the horizon asked for
    ASK = "ask"  # depends on a question the person has not answered


@dataclass(frozen=True, slots=True)
class Person:
    """Who the calendar is computed for; `answers` maps a condition id to True, False or None (skipped)."""

    birth_date: date
    sex: str | None = None
    answers: Mapping[str, bool | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One line of the result: the act, its status and dates, the rule applied and where the rule comes from."""

    rule_id: str
    category: str
    status: Status
    label_fr: str
    label_en: str
    rule_fr: str
    rule_en: str
    source_fr: str
    source_en: str
    source_url: str
    calendar_id: str
    due_date: date | None = None
    until: date | None = None
    done_on: date | None = None
    next_due: date | None = None
    conditions: tuple[str, ...] = ()
    questions_fr: tuple[str, ...] = ()
    questions_en: tuple[str, ...] = ()

    def label(self, lang: str = "fr") -> str:
        return self.label_en if lang.startswith("en") else self.label_fr

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form (ISO dates), for the CLI and exports."""
        out: dict[str, object] = {}
        for name in self.__slots__:
            value = getattr(self, name)
            out[name] = (
                value.isoformat() if isinstance(value, date) else list(value) if isinstance(value, tuple) else value
            )
        out["status"] = self.status.value
        return out


@dataclass(frozen=True, slots=True)
class _Outcome:
    status: Status
    label_fr: str
    label_en: str
    due_date: date | None = None
    until: date | None = None
    done_on: date | None = None
    next_due: date | None = None


def _at(birth: date, span: Span | None) -> date:
    return (span or Span()).after(birth)


def _timed(
    status_due: date, window_end: date, today: date, catch_up_end: date | None, can_be_overdue: bool
) -> Status | None:
    """DUE, OVERDUE or None (lapsed) for an act whose recommended date has passed."""
    if today < window_end:
        return Status.DUE
    if catch_up_end is not None and today >= catch_up_end:
        return None
    return Status.OVERDUE if can_be_overdue else Status.DUE


def _pick_schedule(rule: SeriesRule, birth: date, doses: Sequence[date], today: date) -> Schedule | None:
    first_counted = rule.schedules[0].steps[0].counts_from
    counted = [d for d in doses if d >= _at(birth, first_counted)]
    reference = counted[0] if counted else today
    for schedule in rule.schedules:
        if schedule.first_dose_from is not None and reference < _at(birth, schedule.first_dose_from):
            continue
        if schedule.first_dose_before is not None and reference >= _at(birth, schedule.first_dose_before):
            continue
        return schedule
    return None


def _series(rule: SeriesRule, birth: date, doses: Sequence[date], today: date) -> _Outcome | None:
    schedule = _pick_schedule(rule, birth, doses, today)
    if schedule is None:
        return None
    used: set[int] = set()
    previous: date | None = None
    for step in schedule.steps:
        earliest = _at(birth, step.counts_from)
        if previous is not None and step.min_interval is not None:
            earliest = max(earliest, step.min_interval.after(previous) - GRACE)
        match = next((i for i, d in enumerate(doses) if i not in used and d >= earliest and d <= today), None)
        if match is not None:
            used.add(match)
            previous = doses[match]
            continue
        due = _at(birth, step.age)
        if previous is not None and step.min_interval is not None:
            due = max(due, step.min_interval.after(previous))
        window_end = (step.window or _DEFAULT_STEP_WINDOW).after(due)
        catch_up_end = _at(birth, rule.catch_up_until) if rule.catch_up_until else None
        if rule.until is not None:
            rule_end = _at(birth, rule.until)
            catch_up_end = min(catch_up_end, rule_end) if catch_up_end else rule_end
        if catch_up_end is not None and due >= catch_up_end:
            return None
        if today < due:
            return _Outcome(Status.UPCOMING, step.label_fr, step.label_en, due, window_end)
        status = _timed(due, window_end, today, catch_up_end, rule.can_be_overdue)
        if status is None:
            return None
        return _Outcome(status, step.label_fr, step.label_en, due, window_end if status is Status.DUE else catch_up_end)
    last = schedule.steps[-1]
    return _Outcome(Status.DONE, last.label_fr, last.label_en, done_on=previous)


def _fixed_ages(rule: FixedAgesRule, birth: date, doses: Sequence[date], today: date) -> _Outcome:
    ages = list(rule.ages)
    while rule.then_every is not None and _at(birth, ages[-1]) < _at(birth, _LAST_AGE):
        ages.append(Span(years=ages[-1].years + rule.then_every.years, months=ages[-1].months + rule.then_every.months))

    def label(age: Span) -> tuple[str, str]:
        return (
            rule.label_fr.replace("{age}", str(age.whole_years)),
            rule.label_en.replace("{age}", str(age.whole_years)),
        )

    passed = [a for a in ages if _at(birth, a) <= today]
    coming = next((a for a in ages if _at(birth, a) > today), None)
    next_due = _at(birth, coming) if coming else None
    if not passed:
        assert coming is not None and next_due is not None  # ages run to 120 years
        return _Outcome(Status.UPCOMING, *label(coming), due_date=next_due, until=rule.window.after(next_due))
    current = passed[-1]
    due = _at(birth, current)
    counting = [d for d in doses if rule.counts_before.before(due) <= d <= today]
    if counting:
        return _Outcome(Status.DONE, *label(current), due_date=due, done_on=counting[-1], next_due=next_due)
    window_end = rule.window.after(due)
    status = Status.DUE if today < window_end or not rule.can_be_overdue else Status.OVERDUE
    return _Outcome(status, *label(current), due_date=due, until=window_end if status is Status.DUE else None)


def _periodic(rule: PeriodicRule, birth: date, records: Sequence[tuple[date, str]], today: date) -> _Outcome | None:
    start = _at(birth, rule.start)
    end = _at(birth, rule.until) if rule.until else None
    if end is not None and today >= end:
        return None
    past = [(d, act) for d, act in records if d <= today]
    last = past[-1] if past else None
    if last is None:
        next_due = start
    else:
        interval = rule.interval_by_act.get(last[1], rule.every)
        if rule.first_every is not None and sum(1 for d, _ in past if d >= start) == 1:
            interval = rule.first_every
        next_due = max(start, interval.after(last[0]))
    if end is not None and next_due >= end:
        if last is not None and last[0] >= start:
            return _Outcome(Status.DONE, rule.label_fr, rule.label_en, done_on=last[0])
        return None
    if today < next_due:
        if last is not None and last[0] >= Span(years=1).before(start):
            return _Outcome(Status.DONE, rule.label_fr, rule.label_en, done_on=last[0], next_due=next_due)
        return _Outcome(Status.UPCOMING, rule.label_fr, rule.label_en, due_date=next_due)
    window_end = rule.window.after(next_due)
    if today < window_end:
        return _Outcome(Status.DUE, rule.label_fr, rule.label_en, due_date=next_due, until=window_end)
    status = Status.OVERDUE if rule.can_be_overdue else Status.DUE
    return _Outcome(status, rule.label_fr, rule.label_en, due_date=next_due, until=end)


def _month_day(year: int, text: str) -> date:
    month, day = int(text[:2]), int(text[3:])
    if month == 2 and day == 29:
        day = 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return date(year, month, day)


def _seasonal(rule: SeasonalRule, birth: date, doses: Sequence[date], today: date) -> _Outcome | None:
    crosses_year = rule.season_end < rule.season_start

    def bounds(season: int) -> tuple[date, date]:
        end_year = season + 1 if crosses_year else season
        return _month_day(season, rule.season_start), _month_day(end_year, rule.season_end)

    def season_of(day: date) -> int:
        """The season under way on `day`, or the next one."""
        return next(s for s in (day.year - 1, day.year, day.year + 1) if bounds(s)[1] >= day)

    eligible_from = _at(birth, rule.start)
    season = season_of(max(today, eligible_from))
    begin, finish = bounds(season)
    if rule.until is not None and _at(birth, rule.until) <= begin:
        return None
    name = f"{season}-{season + 1}" if crosses_year else str(season)
    label_fr, label_en = rule.label_fr.replace("{season}", name), rule.label_en.replace("{season}", name)
    counts_from = _month_day(season, rule.counts_from)
    done = [d for d in doses if counts_from <= d <= min(finish, today)]
    if done:
        return _Outcome(Status.DONE, label_fr, label_en, done_on=done[-1], next_due=bounds(season + 1)[0])
    due = max(begin, eligible_from)
    status = Status.UPCOMING if today < due else Status.DUE
    return _Outcome(status, label_fr, label_en, due_date=due, until=finish)


def _windows(rule: WindowsRule, birth: date, doses: Sequence[date], today: date) -> _Outcome | None:
    for low, high in rule.windows:
        start, end = _at(birth, low), _at(birth, high)
        if today >= end:
            continue
        label_fr = rule.label_fr.replace("{start}", str(low.whole_years)).replace("{end}", str(high.whole_years - 1))
        label_en = rule.label_en.replace("{start}", str(low.whole_years)).replace("{end}", str(high.whole_years - 1))
        if today < start:
            return _Outcome(Status.UPCOMING, label_fr, label_en, due_date=start, until=end)
        done = [d for d in doses if start <= d <= today]
        if done:
            later = next((_at(birth, lo) for lo, _ in rule.windows if _at(birth, lo) > end), None)
            return _Outcome(Status.DONE, label_fr, label_en, done_on=done[-1], next_due=later)
        return _Outcome(Status.DUE, label_fr, label_en, due_date=start, until=end)
    return None


def _applies(rule: Rule, calendar: Calendar, person: Person) -> bool | None:
    """False when the rule is not for this person, None when it hangs on an unanswered question, else True."""
    if rule.sex is not None and person.sex != rule.sex:
        return False
    if rule.born_from is not None and person.birth_date < rule.born_from:
        return False
    unanswered = False
    for condition_id in rule.conditions:
        condition = calendar.conditions[condition_id]
        if condition.sex is not None and person.sex != condition.sex:
            return False
        answer = person.answers.get(condition_id)
        if answer is False:
            return False
        unanswered = unanswered or answer is None
    return None if unanswered else True


def _evaluate(
    rule: Rule, calendar: Calendar, person: Person, records: Sequence[Record], today: date
) -> _Outcome | None:
    birth = person.birth_date
    matched = [
        (r.on, act_id) for r in records for act_id in rule.acts if r.on >= birth and is_act(r, calendar.acts[act_id])
    ]
    matched = sorted(dict.fromkeys(sorted(matched, key=lambda m: m[0])), key=lambda m: m[0])
    # One act per day is one dose, however many of the rule's acts it names.
    dates = sorted({d for d, _ in matched})
    if isinstance(rule, SeriesRule):
        return _series(rule, birth, dates, today)
    if isinstance(rule, FixedAgesRule):
        return _fixed_ages(rule, birth, dates, today)
    if isinstance(rule, PeriodicRule):
        first_by_day: dict[date, str] = {}
        for d, act in matched:
            first_by_day.setdefault(d, act)
        return _periodic(rule, birth, sorted(first_by_day.items()), today)
    if isinstance(rule, SeasonalRule):
        return _seasonal(rule, birth, dates, today)
    return _windows(rule, birth, dates, today)


def compute(
    person: Person,
    records: Iterable[Record],
    calendars: Sequence[Calendar],
    *,
    today: date,
    horizon: timedelta = DEFAULT_HORIZON,
) -> list[Recommendation]:
    """Every rule's standing for `person` on `today`, overdue first, then due, asked, upcoming, done.

    Upcoming acts further than `horizon` are left out; rules that no longer apply (a catch-up age passed) give
    nothing. A rule that depends on an unanswered question comes back as ASK with its questions.
    """
    if person.birth_date > today:
        return []
    known = sorted(records, key=lambda r: r.on)
    found: list[Recommendation] = []
    for calendar in calendars:
        for rule in calendar.rules:
            applies = _applies(rule, calendar, person)
            if applies is False:
                continue
            outcome = _evaluate(rule, calendar, person, known, today)
            if outcome is None:
                continue
            status = outcome.status
            if status is Status.UPCOMING and outcome.due_date is not None and outcome.due_date > today + horizon:
                continue
            if applies is None and status is not Status.DONE:
                status = Status.ASK
            asked = tuple(c for c in rule.conditions if person.answers.get(c) is None) if status is Status.ASK else ()
            found.append(
                Recommendation(
                    rule_id=rule.id,
                    category=rule.category,
                    status=status,
                    label_fr=outcome.label_fr,
                    label_en=outcome.label_en,
                    rule_fr=rule.rule_fr,
                    rule_en=rule.rule_en,
                    source_fr=calendar.source_fr(rule),
                    source_en=calendar.source_en(rule),
                    source_url=calendar.url,
                    calendar_id=calendar.id,
                    due_date=outcome.due_date,
                    until=outcome.until,
                    done_on=outcome.done_on,
                    next_due=outcome.next_due,
                    conditions=rule.conditions,
                    questions_fr=tuple(calendar.conditions[c].question_fr for c in asked),
                    questions_en=tuple(calendar.conditions[c].question_en for c in asked),
                )
            )
    order = {Status.OVERDUE: 0, Status.DUE: 1, Status.ASK: 2, Status.UPCOMING: 3, Status.DONE: 4}
    return sorted(found, key=lambda r: (order[r.status], r.due_date or r.done_on or today, r.rule_id))


def questions(calendars: Sequence[Calendar]) -> dict[str, tuple[str, str]]:
    """Every question the calendars may ask: condition id → (French, English)."""
    return {cid: (c.question_fr, c.question_en) for cal in calendars for cid, c in cal.conditions.items()}
