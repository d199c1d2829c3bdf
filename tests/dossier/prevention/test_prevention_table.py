"""The prevention computation against real cases of the 2025 vaccination calendar, the organised screening
programmes and « Mon bilan prévention »; each case names the rule of the source it checks.

Sources: CV2025 = Calendrier des vaccinations et recommandations vaccinales 2025 (ministère chargé de la santé,
28 April 2025, updated December 2025); INCa = Institut national du cancer, dépistages organisés; MBP = « Mon bilan
prévention », article L1411-6-2 CSP and ameli.fr."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest

from dossier.prevention import Person, Record, Status, compute, load_calendars
from dossier.prevention.compute import DEFAULT_HORIZON

TODAY = date(2026, 12, 6)
CALENDARS = load_calendars()
HEXA = "Infanrix hexa"


@dataclass(frozen=True)
class Case:
    name: str
    source: str
    birth: str
    rule: str
    status: Status | None  # None: the rule gives nothing for this person
    records: tuple[tuple[str, str], ...] = ()
    sex: str = "F"
    answers: dict[str, bool | None] = field(default_factory=dict)
    today: date = TODAY
    due: str | None = None
    done_on: str | None = None
    next_due: str | None = None
    label: str | None = None
    horizon_years: int | None = None
    cvx: tuple[tuple[str, str, str], ...] = ()  # (date, name, cvx code)
    kind: str = "vaccination"


def c(
    name: str, source: str, birth: str, rule: str, status: Status | None, *recs: tuple[str, str], **kw: object
) -> Case:
    return Case(name, source, birth, rule, status, tuple(recs), **kw)  # type: ignore[arg-type]


S = Status
CASES = [
    # --- infant schedule (CV2025, obligations: DTCaP-Hib-HepB 2, 4, 11 months; pneumocoque; MenB; MenACWY; ROR)
    c(
        "dtp dose 1 due at 2 months",
        "CV2025 DTP nourrisson : 1re dose à 2 mois",
        "2026-10-01",
        "dtp_child",
        S.DUE,
        due="2026-12-01",
    ),
    c(
        "dtp dose 1 not yet at 6 weeks",
        "CV2025 DTP nourrisson : 2 mois",
        "2026-10-20",
        "dtp_child",
        S.UPCOMING,
        due="2026-12-20",
    ),
    c(
        "hexavalent twice: booster at 11 months next",
        "CV2025 rappel à 11 mois",
        "2026-06-01",
        "dtp_child",
        S.UPCOMING,
        ("2026-08-01", HEXA),
        ("2026-10-01", HEXA),
        due="2027-05-01",
        label="11 mois",
    ),
    c(
        "hexavalent counts for hepatitis B",
        "CV2025 hépatite B 2, 4, 11 mois",
        "2026-06-01",
        "hepb",
        S.UPCOMING,
        ("2026-08-01", HEXA),
        ("2026-10-01", HEXA),
        due="2027-05-01",
    ),
    c(
        "hexavalent counts for Hib",
        "CV2025 Hib 2, 4, 11 mois",
        "2026-06-01",
        "hib",
        S.UPCOMING,
        ("2026-08-01", HEXA),
        ("2026-10-01", HEXA),
        due="2027-05-01",
    ),
    c(
        "hexavalent is not a pneumococcal vaccine",
        "CV2025 pneumocoque 2 mois",
        "2026-06-01",
        "pneumo_infant",
        S.OVERDUE,
        ("2026-08-01", HEXA),
        due="2026-08-01",
    ),
    c(
        "pneumococcal twice: booster next",
        "CV2025 pneumocoque rappel 11 mois",
        "2026-06-01",
        "pneumo_infant",
        S.UPCOMING,
        ("2026-08-01", "Prevenar 13"),
        ("2026-10-01", "Prevenar 13"),
        due="2027-05-01",
    ),
    c(
        "pneumococcal catch-up ends at 2 years",
        "CV2025 pneumocoque, rattrapage jusqu'à 2 ans",
        "2024-06-01",
        "pneumo_infant",
        None,
    ),
    c(
        "MenB dose 1 missed at 3 months",
        "CV2025 MenB obligatoire M3",
        "2026-06-01",
        "menb_infant",
        S.OVERDUE,
        due="2026-09-01",
    ),
    c(
        "MenB dose 2 two months after dose 1",
        "CV2025 MenB M5",
        "2026-06-01",
        "menb_infant",
        S.OVERDUE,
        ("2026-09-01", "Bexsero"),
        due="2026-11-01",
    ),
    c(
        "MenB booster at 12 months",
        "CV2025 MenB rappel M12",
        "2026-06-01",
        "menb_infant",
        S.UPCOMING,
        ("2026-09-01", "Bexsero"),
        ("2026-11-03", "Bexsero"),
        due="2027-06-01",
    ),
    c(
        "MenACWY dose at 6 months",
        "CV2025 MenACWY obligatoire 6 mois",
        "2026-06-01",
        "menacwy_infant",
        S.DUE,
        due="2026-12-01",
    ),
    c(
        "MenACWY one catch-up dose after 12 months",
        "CV2025 MenACWY rattrapage 12-24 mois",
        "2025-06-01",
        "menacwy_infant",
        S.OVERDUE,
        due="2026-06-01",
        label="rattrapage",
    ),
    c(
        "MenACWY catch-up over at 2 years",
        "CV2025 obligation étendue jusqu'à 2 ans",
        "2024-06-01",
        "menacwy_infant",
        None,
    ),
    c(
        "MenACWY 6 and 12 months done",
        "CV2025 MenACWY 6 et 12 mois",
        "2025-06-01",
        "menacwy_infant",
        S.DONE,
        ("2025-12-01", "Nimenrix"),
        ("2026-06-01", "Nimenrix"),
        done_on="2026-06-01",
    ),
    c("MMR dose 1 at 12 months missed", "CV2025 ROR 12 mois", "2025-06-01", "mmr", S.OVERDUE, due="2026-06-01"),
    c(
        "MMR dose 2 between 16 and 18 months",
        "CV2025 ROR 16-18 mois",
        "2025-06-01",
        "mmr",
        S.DUE,
        ("2026-06-10", "Priorix"),
        due="2026-10-01",
    ),
    c(
        "MMR two doses done",
        "CV2025 ROR deux doses",
        "2025-06-01",
        "mmr",
        S.DONE,
        ("2026-06-10", "Priorix"),
        ("2026-10-05", "M-M-RVaxPro"),
        done_on="2026-10-05",
    ),
    c("MMR not for people born before 1980", "CV2025 ROR rattrapage nés depuis 1980", "1975-04-01", "mmr", None),
    c(
        "MMR second dose catch-up in an adult born in 1990",
        "CV2025 ROR rattrapage deux doses",
        "1990-01-01",
        "mmr",
        S.OVERDUE,
        ("1991-01-15", "ROR"),
        label="2e dose",
    ),
    c(
        "'erreur' is not MMR",
        "CV2025 ROR 12 mois (mot entier)",
        "2025-06-01",
        "mmr",
        S.OVERDUE,
        ("2026-06-01", "Erreur de saisie"),
        due="2026-06-01",
    ),
    c(
        "rotavirus dose 1 at 2 months",
        "CV2025 rotavirus dès 6 semaines",
        "2026-10-01",
        "rotavirus",
        S.DUE,
        due="2026-12-01",
    ),
    c("rotavirus too late after 24 weeks", "CV2025 rotavirus avant 24 semaines", "2026-04-01", "rotavirus", None),
    c("BCG depends on the tuberculosis question", "CV2025 BCG enfants à risque", "2026-06-01", "bcg", S.ASK),
    c(
        "BCG not recommended without risk",
        "CV2025 BCG enfants à risque",
        "2026-06-01",
        "bcg",
        None,
        answers={"tuberculosis_risk": False},
    ),
    c(
        "BCG recommended with risk",
        "CV2025 BCG dès 1 mois",
        "2026-06-01",
        "bcg",
        S.OVERDUE,
        answers={"tuberculosis_risk": True},
        due="2026-07-01",
    ),
    # --- childhood boosters (CV2025: DTCaP à 6 ans, dTcaP entre 11 et 13 ans)
    c(
        "booster at 6 years due",
        "CV2025 rappel DTCaP 6 ans",
        "2020-09-01",
        "dtp_child",
        S.DUE,
        ("2020-11-01", HEXA),
        ("2021-01-01", HEXA),
        ("2021-08-01", HEXA),
        due="2026-09-01",
        label="6 ans",
    ),
    c(
        "after the 6-year booster, 11 years",
        "CV2025 rappel 11-13 ans",
        "2020-09-01",
        "dtp_child",
        S.UPCOMING,
        ("2020-11-01", HEXA),
        ("2021-01-01", HEXA),
        ("2021-08-01", HEXA),
        ("2026-09-15", "Tetravac"),
        due="2031-09-01",
        horizon_years=6,
    ),
    c(
        "booster between 11 and 13 due",
        "CV2025 rappel dTcaP 11-13 ans",
        "2014-03-01",
        "dtp_child",
        S.DUE,
        ("2014-05-01", HEXA),
        ("2014-07-01", HEXA),
        ("2015-02-01", HEXA),
        ("2020-03-10", "Tetravac"),
        due="2025-03-01",
        label="11 et 13",
    ),
    c(
        "teen booster catch-up gives way to the adult one",
        "CV2025 rappels de l'adulte",
        "2009-01-01",
        "dtp_child",
        None,
        ("2009-03-01", HEXA),
        ("2009-05-01", HEXA),
        ("2009-12-01", HEXA),
        ("2015-01-10", "Tetravac"),
    ),
    # --- adult dTP boosters at 25, 45, 65 then every 10 years (CV2025)
    c(
        "25-year booster due",
        "CV2025 rappel dTcaP à 25 ans",
        "2001-06-01",
        "dtp_adult",
        S.DUE,
        due="2026-06-01",
        label="Rappel diphtérie-tétanos-poliomyélite à 25 ans",
    ),
    c(
        "25-year booster done",
        "CV2025 rappel à 25 ans, suivant à 45 ans",
        "2001-06-01",
        "dtp_adult",
        S.DONE,
        ("2026-07-01", "Repevax"),
        next_due="2046-06-01",
    ),
    c(
        "45-year booster due, 2017 dose too old",
        "CV2025 rappel à 45 ans",
        "1981-03-10",
        "dtp_adult",
        S.DUE,
        ("2017-04-03", "Revaxis"),
        due="2026-03-10",
        label="à 45 ans",
    ),
    c(
        "45-year booster overdue",
        "CV2025 rappel à 45 ans (rattrapage)",
        "1980-03-10",
        "dtp_adult",
        S.OVERDUE,
        ("2017-04-03", "Revaxis"),
        due="2025-03-10",
        label="Rappel diphtérie-tétanos-poliomyélite à 45 ans",
    ),
    c(
        "dose at 42 counts for 45",
        "CV2025 rappel à 45 ans (interprétation : 5 ans avant)",
        "1980-03-10",
        "dtp_adult",
        S.DONE,
        ("2022-05-01", "dTPolio"),
        next_due="2045-03-10",
    ),
    c(
        "65-year booster done",
        "CV2025 rappel à 65 ans, puis 75 ans",
        "1961-01-15",
        "dtp_adult",
        S.DONE,
        ("2026-02-01", "Revaxis"),
        next_due="2036-01-15",
        label="à 65 ans",
    ),
    c(
        "75-year booster overdue",
        "CV2025 rappels tous les 10 ans après 65 ans",
        "1950-05-05",
        "dtp_adult",
        S.OVERDUE,
        ("2014-06-01", "Revaxis"),
        label="à 75 ans",
    ),
    c(
        "85-year booster done",
        "CV2025 rappels tous les 10 ans après 65 ans",
        "1940-05-05",
        "dtp_adult",
        S.DONE,
        ("2021-06-01", "Revaxis"),
        label="à 85 ans",
        next_due="2035-05-05",
    ),
    c(
        "25-year booster is years away",
        "CV2025 rappel à 25 ans",
        "2006-01-01",
        "dtp_adult",
        S.UPCOMING,
        due="2031-01-01",
        horizon_years=6,
    ),
    c("25-year booster outside the horizon", "CV2025 rappel à 25 ans", "2006-01-01", "dtp_adult", None),
    c(
        "a CVX code counts without a known name",
        "CV2025 rappel à 45 ans",
        "1981-03-10",
        "dtp_adult",
        S.DONE,
        cvx=(("2026-04-01", "Vaccin", "113"),),
    ),
    # --- whooping cough in pregnancy (CV2025)
    c(
        "pregnant, no pertussis dose",
        "CV2025 coqueluche à chaque grossesse dès 20 SA",
        "1996-01-01",
        "pertussis_pregnancy",
        S.DUE,
        answers={"pregnant": True},
    ),
    c(
        "pregnant, pertussis dose this pregnancy",
        "CV2025 coqueluche à chaque grossesse",
        "1996-01-01",
        "pertussis_pregnancy",
        S.DONE,
        ("2026-10-01", "Repevax"),
        answers={"pregnant": True},
    ),
    c(
        "dTP without pertussis does not count",
        "CV2025 coqueluche (vaccin dTcaP)",
        "1996-01-01",
        "pertussis_pregnancy",
        S.DUE,
        ("2026-10-01", "Revaxis"),
        answers={"pregnant": True},
    ),
    c("pregnancy unanswered", "CV2025 coqueluche femmes enceintes", "1996-01-01", "pertussis_pregnancy", S.ASK),
    c(
        "pregnancy question not for men",
        "CV2025 coqueluche femmes enceintes",
        "1996-01-01",
        "pertussis_pregnancy",
        None,
        sex="M",
    ),
    # --- HPV (CV2025: 11-14 ans 2 doses; rattrapage 15-26 ans 3 doses M0 M2 M6)
    c("HPV girl 12 due", "CV2025 HPV 11-14 ans", "2014-06-01", "hpv", S.DUE, due="2025-06-01"),
    c("HPV boy 12 due", "CV2025 HPV filles et garçons", "2014-06-01", "hpv", S.DUE, sex="M"),
    c(
        "HPV second dose late",
        "CV2025 HPV 2 doses espacées de 5 à 13 mois",
        "2013-01-01",
        "hpv",
        S.OVERDUE,
        ("2024-03-01", "Gardasil 9"),
        due="2024-08-01",
    ),
    c(
        "HPV two doses done",
        "CV2025 HPV 2 doses",
        "2013-01-01",
        "hpv",
        S.DONE,
        ("2024-03-01", "Gardasil 9"),
        ("2024-09-15", "Gardasil 9"),
    ),
    c(
        "HPV catch-up at 22 (3-dose schedule)",
        "CV2025 HPV rattrapage jusqu'à 26 ans révolus",
        "2004-01-01",
        "hpv",
        S.OVERDUE,
        sex="M",
        label="rattrapage",
    ),
    c(
        "HPV catch-up dose 2 at M2",
        "CV2025 HPV rattrapage M0 M2 M6",
        "2004-01-01",
        "hpv",
        S.OVERDUE,
        ("2026-09-01", "Gardasil 9"),
        due="2026-11-01",
    ),
    c(
        "HPV catch-up dose 3 at M6",
        "CV2025 HPV rattrapage M0 M2 M6",
        "2004-01-01",
        "hpv",
        S.DUE,
        ("2026-06-01", "Gardasil 9"),
        ("2026-08-01", "Gardasil 9"),
        due="2026-12-01",
    ),
    c("HPV not after 26", "CV2025 HPV jusqu'à 26 ans révolus", "1998-01-01", "hpv", None),
    c(
        "HPV started at 14: two doses suffice",
        "CV2025 HPV schéma 2 doses si début avant 15 ans",
        "2011-06-01",
        "hpv",
        S.DONE,
        ("2026-05-01", "Gardasil 9"),
        ("2026-10-01", "Gardasil 9"),
    ),
    # --- MenACWY adolescents (CV2025)
    c("MenACWY at 13 due", "CV2025 MenACWY 11-14 ans", "2013-06-01", "menacwy_teen", S.DUE, due="2024-06-01"),
    c(
        "infant MenACWY dose does not count",
        "CV2025 MenACWY indépendamment du statut vaccinal",
        "2013-06-01",
        "menacwy_teen",
        S.DUE,
        ("2013-12-01", "Nimenrix"),
    ),
    c("MenACWY catch-up at 21", "CV2025 MenACWY rattrapage 15-24 ans", "2005-01-01", "menacwy_teen", S.OVERDUE),
    c("MenACWY not at 26", "CV2025 MenACWY jusqu'à 24 ans révolus", "2000-01-01", "menacwy_teen", None),
    c(
        "MenACWY teen dose done",
        "CV2025 MenACWY 11-14 ans",
        "2010-01-01",
        "menacwy_teen",
        S.DONE,
        ("2023-05-01", "Nimenrix"),
    ),
    # --- seasonal flu and Covid-19 (CV2025)
    c(
        "flu at 68 during the campaign",
        "CV2025 grippe à partir de 65 ans",
        "1958-01-01",
        "flu_65",
        S.DUE,
        due="2026-10-15",
        label="2026-2027",
    ),
    c(
        "flu done this season",
        "CV2025 grippe chaque année",
        "1958-01-01",
        "flu_65",
        S.DONE,
        ("2026-10-20", "Efluelda"),
        next_due="2027-10-15",
    ),
    c(
        "last season's flu dose does not count",
        "CV2025 grippe chaque année",
        "1958-01-01",
        "flu_65",
        S.DUE,
        ("2025-11-01", "Vaxigrip"),
    ),
    c(
        "flu off season: next campaign",
        "CV2025 grippe campagne d'automne",
        "1958-01-01",
        "flu_65",
        S.UPCOMING,
        ("2025-11-01", "Vaxigrip"),
        today=date(2026, 6, 1),
        due="2026-10-15",
    ),
    c(
        "turning 65 during the season",
        "CV2025 grippe à partir de 65 ans",
        "1962-01-01",
        "flu_65",
        S.UPCOMING,
        due="2027-01-01",
    ),
    c(
        "flu with a chronic illness",
        "CV2025 grippe personnes à risque",
        "1980-01-01",
        "flu_risk",
        S.DUE,
        answers={"chronic_illness": True},
    ),
    c(
        "flu: no chronic illness",
        "CV2025 grippe personnes à risque",
        "1980-01-01",
        "flu_risk",
        None,
        answers={"chronic_illness": False},
    ),
    c(
        "flu in pregnancy",
        "CV2025 grippe femmes enceintes",
        "1996-01-01",
        "flu_pregnancy",
        S.DUE,
        answers={"pregnant": True},
    ),
    c("Covid-19 at 76 due", "CV2025 Covid-19 à partir de 65 ans", "1950-01-01", "covid_65", S.DUE),
    c(
        "Covid-19 done this autumn",
        "CV2025 Covid-19 chaque automne",
        "1950-01-01",
        "covid_65",
        S.DONE,
        ("2026-10-30", "Comirnaty"),
    ),
    # --- shingles, pneumococcus, RSV for older adults (CV2025)
    c("shingles from 65", "CV2025 zona 65 ans et plus", "1960-01-01", "zoster_65", S.OVERDUE, due="2025-01-01"),
    c(
        "shingles dose 2 two months later",
        "CV2025 zona 2 doses à 2 mois",
        "1960-01-01",
        "zoster_65",
        S.DUE,
        ("2026-10-01", "Shingrix"),
        due="2026-12-01",
    ),
    c(
        "shingles two doses done",
        "CV2025 zona 2 doses",
        "1960-01-01",
        "zoster_65",
        S.DONE,
        ("2026-06-01", "Shingrix"),
        ("2026-08-05", "Shingrix"),
    ),
    c(
        "shingles when immunocompromised",
        "CV2025 zona immunodéprimés dès 18 ans",
        "1990-01-01",
        "zoster_immunocompromised",
        S.OVERDUE,
        answers={"immunocompromised": True},
    ),
    c("shingles question unanswered", "CV2025 zona immunodéprimés", "1990-01-01", "zoster_immunocompromised", S.ASK),
    c(
        "pneumococcus done at 70",
        "CV2025 pneumocoque 65 ans et plus, dose unique",
        "1955-01-01",
        "pneumo_65",
        S.DONE,
        ("2025-11-01", "Prevenar 20"),
    ),
    c(
        "pneumococcus missing at 71",
        "CV2025 pneumocoque 65 ans et plus",
        "1955-01-01",
        "pneumo_65",
        S.OVERDUE,
        due="2020-01-01",
    ),
    c(
        "pneumococcus with a chronic illness at 46",
        "CV2025 pneumocoque adultes à risque",
        "1980-01-01",
        "pneumo_risk",
        S.OVERDUE,
        answers={"chronic_illness": True},
    ),
    c("RSV at 78", "CV2025 VRS 75 ans et plus", "1948-01-01", "rsv_75", S.OVERDUE),
    c("RSV done", "CV2025 VRS une dose", "1948-01-01", "rsv_75", S.DONE, ("2024-10-01", "Arexvy")),
    c(
        "RSV at 68 with heart disease",
        "CV2025 VRS 65-74 ans à risque",
        "1958-01-01",
        "rsv_65_risk",
        S.OVERDUE,
        answers={"chronic_heart_or_lung": True},
    ),
    c(
        "RSV at 68 without heart or lung disease",
        "CV2025 VRS 65-74 ans à risque",
        "1958-01-01",
        "rsv_65_risk",
        None,
        answers={"chronic_heart_or_lung": False},
    ),
    # --- organised screening (INCa)
    c(
        "bowel screening never done at 56",
        "INCa colorectal 50-74 ans",
        "1970-01-01",
        "screening_colorectal",
        S.OVERDUE,
        sex="M",
        due="2020-01-01",
    ),
    c(
        "bowel test last year",
        "INCa colorectal tous les 2 ans",
        "1970-01-01",
        "screening_colorectal",
        S.DONE,
        ("2025-09-01", "Test immunologique"),
        kind="procedure",
        next_due="2027-09-01",
    ),
    c(
        "bowel test 2 years and 9 months ago",
        "INCa colorectal tous les 2 ans",
        "1970-01-01",
        "screening_colorectal",
        S.OVERDUE,
        ("2024-03-01", "Test immunologique"),
        kind="procedure",
        due="2026-03-01",
    ),
    c(
        "bowel screening starts at 50",
        "INCa colorectal à partir de 50 ans",
        "1976-09-01",
        "screening_colorectal",
        S.DUE,
        due="2026-09-01",
    ),
    c("bowel screening ends at 74", "INCa colorectal jusqu'à 74 ans", "1950-01-01", "screening_colorectal", None),
    c("breast screening not for men", "INCa sein femmes 50-74 ans", "1966-05-01", "screening_breast", None, sex="M"),
    c(
        "mammogram last year",
        "INCa sein tous les 2 ans",
        "1966-05-01",
        "screening_breast",
        S.DONE,
        ("2025-06-01", "Mammographie"),
        kind="procedure",
        next_due="2027-06-01",
    ),
    c(
        "breast screening at 50 soon",
        "INCa sein à partir de 50 ans",
        "1977-03-01",
        "screening_breast",
        S.UPCOMING,
        due="2027-03-01",
    ),
    c(
        "cervix: second smear a year after the first",
        "INCa col 25-29 ans, deux examens à un an",
        "2000-03-01",
        "screening_cervix_25",
        S.OVERDUE,
        ("2025-04-01", "Frottis"),
        kind="procedure",
        due="2026-04-01",
    ),
    c(
        "cervix: two smears, next in 3 years",
        "INCa col 25-29 ans puis 3 ans",
        "2000-03-01",
        "screening_cervix_25",
        S.DONE,
        ("2025-04-01", "Frottis"),
        ("2026-04-15", "Frottis"),
        kind="procedure",
        next_due="2029-04-15",
    ),
    c(
        "cervix at 36: HPV test 3 years after a smear",
        "INCa col 30-65 ans, test HPV 3 ans après la cytologie",
        "1990-01-01",
        "screening_cervix_30",
        S.DONE,
        ("2024-02-01", "Frottis cervico-utérin"),
        kind="procedure",
        next_due="2027-02-01",
    ),
    c(
        "cervix: HPV test every 5 years",
        "INCa col test HPV tous les 5 ans",
        "1990-01-01",
        "screening_cervix_30",
        S.DONE,
        ("2022-01-10", "Test HPV"),
        kind="procedure",
        next_due="2027-01-10",
    ),
    c(
        "cervix: HPV test 5½ years ago",
        "INCa col test HPV tous les 5 ans",
        "1990-01-01",
        "screening_cervix_30",
        S.OVERDUE,
        ("2021-05-01", "Test HPV"),
        kind="procedure",
        due="2026-05-01",
    ),
    c("cervix screening ends at 65", "INCa col jusqu'à 65 ans", "1960-01-01", "screening_cervix_30", None),
    # --- Mon bilan prévention (MBP: 18-25, 45-50, 60-65, 70-75)
    c(
        "check-up at 21",
        "MBP 18-25 ans",
        "2005-01-01",
        "bilan_prevention",
        S.DUE,
        label="18 à 25 ans",
        due="2023-01-01",
    ),
    c(
        "check-up done at 20",
        "MBP 18-25 ans",
        "2005-01-01",
        "bilan_prevention",
        S.DONE,
        ("2025-02-01", "Mon bilan prévention"),
        kind="procedure",
        next_due="2050-01-01",
    ),
    c("check-up at 48", "MBP 45-50 ans", "1978-06-01", "bilan_prevention", S.DUE, label="45 à 50 ans"),
    c("check-up at 60", "MBP 60-65 ans", "1966-06-01", "bilan_prevention", S.DUE, label="60 à 65 ans"),
    c("check-up at 71", "MBP 70-75 ans", "1955-01-01", "bilan_prevention", S.DUE, label="70 à 75 ans"),
    c("no check-up range at 81", "MBP dernière tranche 70-75 ans", "1945-01-01", "bilan_prevention", None),
]


def _records(case: Case) -> list[Record]:
    found = [Record(on=date.fromisoformat(d), name=n, kind=case.kind) for d, n in case.records]
    found += [Record(on=date.fromisoformat(d), name=n, cvx=frozenset({code})) for d, n, code in case.cvx]
    return found


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case(case: Case) -> None:
    person = Person(date.fromisoformat(case.birth), case.sex, case.answers)
    horizon = timedelta(days=366 * case.horizon_years) if case.horizon_years else DEFAULT_HORIZON
    results = compute(person, _records(case), CALENDARS, today=case.today, horizon=horizon)
    found = [r for r in results if r.rule_id == case.rule]
    if case.status is None:
        assert found == [], f"{case.source}: expected nothing, got {found}"
        return
    assert len(found) == 1, f"{case.source}: {case.rule} missing from {[r.rule_id for r in results]}"
    rec = found[0]
    assert rec.status is case.status, f"{case.source}: {rec}"
    if case.due:
        assert rec.due_date == date.fromisoformat(case.due), case.source
    if case.done_on:
        assert rec.done_on == date.fromisoformat(case.done_on), case.source
    if case.next_due:
        assert rec.next_due == date.fromisoformat(case.next_due), case.source
    if case.label:
        assert case.label in rec.label_fr, f"{case.source}: {rec.label_fr}"
    assert rec.source_fr.startswith(("Calendrier des vaccinations", "Dépistages organisés")), rec.source_fr
    if case.status is Status.ASK:
        assert rec.questions_fr and rec.questions_en


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 60


def test_every_rule_is_covered_by_a_case() -> None:
    rules = {rule.id for cal in CALENDARS for rule in cal.rules}
    assert rules <= {case.rule for case in CASES}
