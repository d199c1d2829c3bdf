"""The catalogue of entry kinds (identity, profil médical, entourage…) and the sections of a dossier: declarative data,
one `EntryKind` per kind, with its fields, labels, summary and date fields and its cross-field rule."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from dossier.entries import rules
from dossier.entries.fields import Choice, EntryKind, FieldSpec, FieldType
from dossier.errors import DossierValidationError
from dossier.measures import MEASURES


# ---------------------------------------------------------------------------- sections
@dataclass(frozen=True, slots=True)
class Section:
    """A part of the dossier as the patient sees it; most can be declared "non concerné"."""

    id: str
    label_fr: str
    label_en: str
    can_be_not_concerned: bool = True


SECTIONS: Final[Mapping[str, Section]] = MappingProxyType(
    {
        s.id: s
        for s in (
            Section("identite", "Identité", "Identity", can_be_not_concerned=False),
            Section("maladies", "Maladies et sujets de santé", "Illnesses and health topics"),
            Section("traitements", "Traitements", "Treatments"),
            Section("allergies", "Allergies", "Allergies"),
            Section("hospitalisations", "Hospitalisations", "Hospital stays"),
            Section("actes", "Antécédents chirurgicaux et actes", "Surgical history and procedures"),
            Section("handicaps", "Handicaps", "Disabilities"),
            Section("antecedents_familiaux", "Antécédents familiaux", "Family history"),
            Section("vaccinations", "Vaccinations", "Vaccinations"),
            Section("groupe_sanguin", "Groupe sanguin", "Blood group"),
            Section("habitudes_de_vie", "Habitudes de vie", "Lifestyle"),
            Section("mesures", "Mesures", "Measurements"),
            Section("resultats", "Résultats d'analyses", "Lab results"),
            Section("entourage", "Entourage", "Family and contacts"),
            Section("directives_anticipees", "Directives anticipées", "Advance directives"),
            Section("don_organes", "Don d'organes", "Organ donation"),
            Section("demandes_dossier", "Mes demandes de dossier", "My records requests", can_be_not_concerned=False),
            Section("agenda", "Agenda", "Agenda", can_be_not_concerned=False),
        )
    }
)


def _f(
    name: str,
    label_fr: str,
    label_en: str,
    type_: FieldType = FieldType.TEXT,
    *,
    required: bool = False,
    choices: tuple[Choice, ...] = (),
    future_allowed: bool = False,
    minimum: float | None = None,
    maximum: float | None = None,
) -> FieldSpec:
    return FieldSpec(
        name, label_fr, label_en, type_, required, choices, future_allowed, minimum=minimum, maximum=maximum
    )


def _notes() -> FieldSpec:
    return _f("notes", "Remarques", "Notes", FieldType.LONG_TEXT)


def _contact_fields(*, phone_required: bool) -> tuple[FieldSpec, ...]:
    return (
        _f("name", "Nom et prénom", "Full name", required=True),
        _f("relationship", "Lien (conjoint, enfant, ami…)", "Relationship (spouse, child, friend…)"),
        _f("phone", "Téléphone", "Phone", FieldType.PHONE, required=phone_required),
        _f("email", "Adresse e-mail", "E-mail address", FieldType.EMAIL),
        _f("address", "Adresse", "Address", FieldType.LONG_TEXT),
        _notes(),
    )


def _choices(*items: tuple[str, str, str] | tuple[str, str, str, tuple[str, ...]]) -> tuple[Choice, ...]:
    return tuple(Choice(*item) for item in items)


_SEVERITY = _choices(
    ("mild", "Légère", "Mild", ("legere", "faible")),
    ("moderate", "Modérée", "Moderate", ("moyenne",)),
    ("severe", "Grave", "Severe", ("severe", "forte", "anaphylaxie")),
    ("unknown", "Je ne sais pas", "Unknown", ("inconnue", "ne sait pas")),
)
_RELATIONSHIPS = _choices(
    ("mother", "Mère", "Mother", ("maman",)),
    ("father", "Père", "Father", ("papa",)),
    ("sister", "Sœur", "Sister"),
    ("brother", "Frère", "Brother"),
    ("half_sister", "Demi-sœur", "Half-sister"),
    ("half_brother", "Demi-frère", "Half-brother"),
    ("daughter", "Fille", "Daughter"),
    ("son", "Fils", "Son"),
    ("maternal_grandmother", "Grand-mère maternelle", "Maternal grandmother"),
    ("maternal_grandfather", "Grand-père maternel", "Maternal grandfather"),
    ("paternal_grandmother", "Grand-mère paternelle", "Paternal grandmother"),
    ("paternal_grandfather", "Grand-père paternel", "Paternal grandfather"),
    ("aunt", "Tante", "Aunt"),
    ("uncle", "Oncle", "Uncle"),
    ("cousin", "Cousin ou cousine", "Cousin", ("cousine",)),
    ("other", "Autre membre de la famille", "Other relative", ("autre",)),
)

_KIND_LIST: Final = (
    EntryKind(
        "identity",
        "Identité",
        "Identity",
        "identite",
        singleton=True,
        fields=(
            _f("birth_name", "Nom de naissance", "Birth name", required=True),
            _f("first_names", "Prénoms", "First names", required=True),
            _f("used_name", "Nom d'usage", "Used name"),
            _f(
                "sex",
                "Sexe",
                "Sex",
                FieldType.CHOICE,
                required=True,
                choices=_choices(
                    ("F", "Féminin", "Female", ("femme", "f", "feminin")),
                    ("M", "Masculin", "Male", ("homme", "h", "masculin")),
                    ("I", "Indéterminé", "Undetermined", ("indetermine",)),
                ),
            ),
            _f("birth_date", "Date de naissance", "Birth date", FieldType.DATE, required=True),
            _f("birth_place", "Lieu de naissance", "Birth place"),
            _f("ins", "Matricule INS (n° de sécurité sociale)", "INS number (social security number)", FieldType.NIR),
            _f("address", "Adresse", "Address", FieldType.LONG_TEXT),
            _f("phone", "Téléphone", "Phone", FieldType.PHONE),
            _f("email", "Adresse e-mail", "E-mail address", FieldType.EMAIL),
            _f("gp_name", "Médecin traitant", "General practitioner"),
        ),
        summary_fields=("first_names", "birth_name", "birth_date"),
        finish=rules.finish_identity,
    ),
    EntryKind(
        "condition",
        "Maladie ou sujet de santé",
        "Illness or health topic",
        "maladies",
        singleton=False,
        fields=(
            _f("name", "Maladie ou sujet de santé", "Illness or health topic", required=True),
            _f("onset_date", "Depuis (année ou date)", "Since (year or date)", FieldType.DATE),
            _f("end_date", "Jusqu'à (si guéri)", "Until (if resolved)", FieldType.DATE),
            _f(
                "status",
                "État",
                "Status",
                FieldType.CHOICE,
                choices=_choices(
                    ("active", "En cours", "Active", ("actif", "actuel")),
                    ("resolved", "Guéri ou terminé", "Resolved", ("gueri", "termine", "resolu")),
                ),
            ),
            _notes(),
        ),
        summary_fields=("name", "onset_date"),
        date_fields=("onset_date", "end_date"),
        finish=rules.period("onset_date", "end_date"),
    ),
    EntryKind(
        "treatment",
        "Traitement",
        "Treatment",
        "traitements",
        singleton=False,
        fields=(
            _f("name", "Médicament ou traitement", "Medicine or treatment", required=True),
            _f("dosage", "Dosage et posologie", "Dose and schedule"),
            _f("start_date", "Début", "Start", FieldType.DATE, future_allowed=True),
            _f("end_date", "Fin", "End", FieldType.DATE, future_allowed=True),
            _f("ongoing", "En cours", "Ongoing", FieldType.BOOLEAN),
            _f("prescriber", "Prescrit par", "Prescribed by"),
            _notes(),
        ),
        summary_fields=("name", "dosage", "start_date"),
        date_fields=("start_date", "end_date"),
        finish=rules.finish_treatment,
    ),
    EntryKind(
        "allergy",
        "Allergie",
        "Allergy",
        "allergies",
        singleton=False,
        fields=(
            _f(
                "name",
                "Allergie à (médicament, aliment…)",
                "Allergic to (medicine, food…)",
                required=True,
            ),
            _f("reaction", "Réaction", "Reaction"),
            _f("severity", "Gravité", "Severity", FieldType.CHOICE, choices=_SEVERITY),
            _f("since", "Depuis", "Since", FieldType.DATE),
            _notes(),
        ),
        summary_fields=("name", "reaction", "severity"),
        date_fields=("since",),
    ),
    EntryKind(
        "hospitalisation",
        "Hospitalisation",
        "Hospital stay",
        "hospitalisations",
        singleton=False,
        fields=(
            _f("reason", "Motif", "Reason", required=True),
            _f("place", "Établissement", "Hospital"),
            _f("start_date", "Entrée", "Admission", FieldType.DATE, required=True),
            _f("end_date", "Sortie", "Discharge", FieldType.DATE),
            _notes(),
        ),
        summary_fields=("reason", "place", "start_date"),
        date_fields=("start_date", "end_date"),
        finish=rules.period("start_date", "end_date"),
    ),
    EntryKind(
        "procedure",
        "Opération ou acte médical",
        "Operation or procedure",
        "actes",
        singleton=False,
        fields=(
            _f("name", "Opération ou acte", "Operation or procedure", required=True),
            _f("date", "Date", "Date", FieldType.DATE),
            _f("place", "Établissement", "Hospital or practice"),
            _notes(),
        ),
        summary_fields=("name", "date"),
        date_fields=("date",),
    ),
    EntryKind(
        "disability",
        "Handicap",
        "Disability",
        "handicaps",
        singleton=False,
        fields=(
            _f("name", "Handicap", "Disability", required=True),
            _f("since", "Depuis", "Since", FieldType.DATE),
            _f("aids", "Aides et appareillages", "Aids and equipment", FieldType.LONG_TEXT),
            _notes(),
        ),
        summary_fields=("name", "since"),
        date_fields=("since",),
    ),
    EntryKind(
        "family_history",
        "Antécédent familial",
        "Family history",
        "antecedents_familiaux",
        singleton=False,
        fields=(
            _f("condition", "Maladie", "Illness", required=True),
            _f(
                "relationship",
                "Membre de la famille",
                "Family member",
                FieldType.CHOICE,
                required=True,
                choices=_RELATIONSHIPS,
            ),
            _f("age_at_onset", "Âge au début", "Age at onset", FieldType.INTEGER, minimum=0, maximum=130),
            _notes(),
        ),
        summary_fields=("condition", "relationship"),
    ),
    EntryKind(
        "vaccination",
        "Vaccination",
        "Vaccination",
        "vaccinations",
        singleton=False,
        fields=(
            _f("vaccine", "Vaccin", "Vaccine", required=True),
            _f("date", "Date", "Date", FieldType.DATE, required=True),
            _f("lot", "Numéro de lot", "Batch number"),
            _f(
                "dose",
                "Type d'injection",
                "Dose type",
                FieldType.CHOICE,
                choices=_choices(
                    (
                        "primo",
                        "Primo-vaccination",
                        "Primary",
                        ("primovaccination", "premiere dose", "primary"),
                    ),
                    ("rappel", "Rappel", "Booster", ("booster",)),
                ),
            ),
            _f("vaccinator", "Vacciné par", "Vaccinated by"),
            _notes(),
        ),
        summary_fields=("vaccine", "dose", "date"),
        date_fields=("date",),
    ),
    EntryKind(
        "blood_group",
        "Groupe sanguin",
        "Blood group",
        "groupe_sanguin",
        singleton=True,
        fields=(
            _f(
                "abo",
                "Groupe (A, B, AB, O)",
                "Group (A, B, AB, O)",
                FieldType.CHOICE,
                required=True,
                choices=_choices(("A", "A", "A"), ("B", "B", "B"), ("AB", "AB", "AB"), ("O", "O", "O", ("0",))),
            ),
            _f(
                "rh",
                "Rhésus",
                "Rhesus",
                FieldType.CHOICE,
                required=True,
                choices=_choices(
                    ("positive", "Positif (+)", "Positive (+)", ("+", "positif", "rh+")),
                    ("negative", "Négatif (−)", "Negative (−)", ("-", "−", "negatif", "rh-")),
                ),
            ),
            _f("date", "Date de l'analyse", "Test date", FieldType.DATE),
        ),
        summary_fields=("abo", "rh"),
        date_fields=("date",),
    ),
    EntryKind(
        "lifestyle",
        "Habitudes de vie",
        "Lifestyle",
        "habitudes_de_vie",
        singleton=True,
        fields=(
            _f(
                "tobacco",
                "Tabac",
                "Tobacco",
                FieldType.CHOICE,
                choices=_choices(
                    ("never", "Jamais fumé", "Never smoked", ("jamais", "non-fumeur")),
                    ("former", "Ancien fumeur", "Former smoker", ("ancien",)),
                    ("current", "Fumeur", "Smoker", ("fumeur", "oui")),
                ),
            ),
            _f(
                "cigarettes_per_day",
                "Cigarettes par jour",
                "Cigarettes per day",
                FieldType.INTEGER,
                minimum=0,
                maximum=200,
            ),
            _f(
                "alcohol",
                "Alcool",
                "Alcohol",
                FieldType.CHOICE,
                choices=_choices(
                    ("none", "Jamais", "Never", ("jamais", "non")),
                    ("occasional", "Occasionnellement", "Occasionally", ("occasionnel",)),
                    ("regular", "Régulièrement", "Regularly", ("regulier",)),
                ),
            ),
            _f(
                "alcohol_units_per_week",
                "Verres d'alcool par semaine",
                "Drinks per week",
                FieldType.INTEGER,
                minimum=0,
                maximum=500,
            ),
            _f(
                "physical_activity",
                "Activité physique",
                "Physical activity",
                FieldType.CHOICE,
                choices=_choices(
                    ("none", "Aucune", "None", ("aucune",)),
                    ("low", "Faible", "Low"),
                    ("moderate", "Modérée", "Moderate"),
                    ("high", "Importante", "High", ("intense",)),
                ),
            ),
            _f(
                "sleep_hours",
                "Heures de sommeil par nuit",
                "Hours of sleep per night",
                FieldType.NUMBER,
                minimum=0,
                maximum=24,
            ),
            _notes(),
        ),
        summary_fields=("tobacco", "alcohol", "physical_activity", "sleep_hours"),
        finish=rules.finish_lifestyle,
    ),
    EntryKind(
        "measurement",
        "Mesure",
        "Measurement",
        "mesures",
        singleton=False,
        fields=(
            _f(
                "measure_type",
                "Type de mesure",
                "Measure type",
                FieldType.CHOICE,
                required=True,
                choices=tuple(Choice(m.id, m.label_fr, m.label_en) for m in MEASURES.values() if not m.computed),
            ),
            _f("value", "Valeur", "Value", FieldType.NUMBER),
            _f("systolic", "Systolique (1er chiffre)", "Systolic (first number)", FieldType.NUMBER),
            _f("diastolic", "Diastolique (2e chiffre)", "Diastolic (second number)", FieldType.NUMBER),
            _f("unit", "Unité", "Unit"),
            _f(
                "measured_at",
                "Date et heure de la mesure",
                "Date and time measured",
                FieldType.DATETIME,
                required=True,
            ),
            _f("original_value", "Valeur saisie", "Value as typed", FieldType.NUMBER),
            _f("original_systolic", "Systolique saisie", "Systolic as typed", FieldType.NUMBER),
            _f("original_diastolic", "Diastolique saisie", "Diastolic as typed", FieldType.NUMBER),
            _f("original_unit", "Unité saisie", "Unit as typed"),
            _notes(),
        ),
        summary_fields=("measure_type", "measured_at"),
        date_fields=("measured_at",),
        finish=rules.finish_measurement,
    ),
    EntryKind(
        "lab_result",
        "Résultat d'analyse",
        "Lab result",
        "resultats",
        singleton=False,
        fields=(
            _f("test", "Analyse", "Test", required=True),
            _f("loinc", "Code LOINC", "LOINC code"),
            _f("value", "Valeur", "Value", FieldType.NUMBER),
            _f("value_text", "Résultat en texte", "Result as text", FieldType.LONG_TEXT),  # a conclusion can be long
            _f("unit", "Unité", "Unit"),
            _f("reference_range", "Valeurs de référence", "Reference range"),
            _f(
                "interpretation",
                "Interprétation",
                "Interpretation",
                FieldType.CHOICE,
                choices=_choices(
                    ("normal", "Normal", "Normal", ("n", "normale")),
                    ("high", "Élevé", "High", ("h", "haut", "elevee", "augmente")),
                    ("low", "Bas", "Low", ("l", "basse", "diminue")),
                    ("abnormal", "Anormal", "Abnormal", ("a", "anormale")),
                    ("critical", "Critique", "Critical", ("hh", "ll", "aa", "critique", "alerte")),
                ),
            ),
            _f("date", "Date de l'analyse", "Test date", FieldType.DATE, required=True),
            _f("laboratory", "Laboratoire", "Laboratory"),
            _notes(),
        ),
        summary_fields=("test", "value", "unit", "interpretation", "date"),
        date_fields=("date",),
        finish=rules.finish_lab_result,
    ),
    EntryKind(
        "emergency_contact",
        "Contact d'urgence",
        "Emergency contact",
        "entourage",
        singleton=False,
        fields=_contact_fields(phone_required=True),
        summary_fields=("name", "relationship", "phone"),
    ),
    EntryKind(
        "trusted_person",
        "Personne de confiance",
        "Trusted person",
        "entourage",
        singleton=True,
        fields=(
            *_contact_fields(phone_required=False),
            _f("designated_on", "Désignée le", "Designated on", FieldType.DATE),
        ),
        summary_fields=("name", "relationship", "phone"),
        date_fields=("designated_on",),
    ),
    EntryKind(
        "caregiver",
        "Proche aidant",
        "Caregiver",
        "entourage",
        singleton=False,
        fields=_contact_fields(phone_required=False),
        summary_fields=("name", "relationship", "phone"),
    ),
    EntryKind(
        "advance_directive",
        "Directives anticipées",
        "Advance directives",
        "directives_anticipees",
        singleton=False,
        fields=(
            _f("written_on", "Rédigées le", "Written on", FieldType.DATE),
            _f("summary", "Mes volontés en résumé", "My wishes in short", FieldType.LONG_TEXT),
            _f("kept_at", "Document conservé chez", "Document kept by"),
        ),
        summary_fields=("written_on", "kept_at"),
        date_fields=("written_on",),
        finish=rules.finish_advance_directive,
    ),
    EntryKind(
        "organ_donation",
        "Don d'organes",
        "Organ donation",
        "don_organes",
        singleton=True,
        fields=(
            _f(
                "position",
                "Ma position",
                "My position",
                FieldType.CHOICE,
                required=True,
                choices=_choices(
                    (
                        "donor",
                        "Je souhaite donner mes organes",
                        "I wish to donate my organs",
                        ("donneur", "oui"),
                    ),
                    ("refuses", "Je refuse le don d'organes", "I refuse organ donation", ("refus", "non")),
                    ("undecided", "Je n'ai pas encore décidé", "I have not decided yet", ("indecis",)),
                ),
            ),
            _f("told_relatives", "Mes proches le savent", "My relatives know", FieldType.BOOLEAN),
            _f(
                "national_refusal_register",
                "Inscrit au registre national des refus",
                "Registered on the national refusal register",
                FieldType.BOOLEAN,
            ),
            _notes(),
        ),
        summary_fields=("position",),
    ),
    EntryKind(
        "records_request",
        "Demande de dossier médical",
        "Medical records request",
        "demandes_dossier",
        singleton=False,
        fields=(
            _f(
                "recipient",
                "Destinataire (professionnel ou établissement)",
                "Recipient (professional or hospital)",
                required=True,
            ),
            _f(
                "recipient_kind",
                "Type de destinataire",
                "Recipient type",
                FieldType.CHOICE,
                required=True,
                choices=_choices(
                    (
                        "professional",
                        "Un professionnel de santé",
                        "A health professional",
                        ("professionnel", "medecin"),
                    ),
                    (
                        "establishment",
                        "Un établissement de santé",
                        "A hospital or clinic",
                        ("etablissement", "hopital"),
                    ),
                ),
            ),
            _f("recipient_address", "Adresse du destinataire", "Recipient's address", FieldType.LONG_TEXT),
            _f("requested", "Ce que je demande", "What I ask for", FieldType.LONG_TEXT, required=True),
            _f(
                "oldest_information",
                "Date des informations les plus anciennes demandées",
                "Date of the oldest information asked for",
                FieldType.DATE,
            ),
            _f(
                "method",
                "Envoyée par",
                "Sent by",
                FieldType.CHOICE,
                required=True,
                choices=_choices(
                    ("letter", "Courrier simple", "Letter", ("courrier", "lettre")),
                    (
                        "registered_letter",
                        "Lettre recommandée avec accusé de réception",
                        "Registered letter with acknowledgement",
                        ("recommande", "lrar", "ar"),
                    ),
                    ("email", "Courriel", "E-mail", ("mail", "e-mail", "courriel")),
                    ("on_site", "Remise sur place", "Handed in on site", ("sur place",)),
                ),
            ),
            _f("sent_on", "Envoyée le", "Sent on", FieldType.DATE, required=True),
            _f(
                "received_on",
                "Reçue par le destinataire le (accusé de réception)",
                "Received by the recipient on (acknowledgement)",
                FieldType.DATE,
            ),
            _f(
                "delivery",
                "Comment recevoir les documents",
                "How to receive the records",
                FieldType.CHOICE,
                choices=_choices(
                    ("post", "Par courrier à mon adresse", "By post to my address", ("courrier",)),
                    ("email", "Par messagerie sécurisée ou courriel", "By secure messaging or e-mail", ("mail",)),
                    ("on_site", "Consultation sur place", "Consulted on site", ("sur place",)),
                    ("doctor", "Envoi à un médecin que je désigne", "Sent to a doctor I name", ("medecin",)),
                ),
            ),
            _f("answered_on", "Dossier reçu le", "Records received on", FieldType.DATE),
            _notes(),
        ),
        summary_fields=("recipient", "sent_on", "answered_on"),
        date_fields=("sent_on", "received_on", "answered_on"),
        finish=rules.finish_records_request,
    ),
    EntryKind(
        "appointment",
        "Rendez-vous",
        "Appointment",
        "agenda",
        singleton=False,
        fields=(
            _f("title", "Objet", "What for", required=True),
            _f("starts_at", "Date et heure", "Date and time", FieldType.DATETIME, required=True, future_allowed=True),
            _f("ends_at", "Fin", "Ends", FieldType.DATETIME, future_allowed=True),
            _f("professional", "Professionnel", "Professional"),
            _f("place", "Lieu", "Place", FieldType.LONG_TEXT),
            _f(
                "remind_minutes_before",
                "Me le rappeler (minutes avant)",
                "Remind me (minutes before)",
                FieldType.INTEGER,
                minimum=0,
                maximum=20160,  # two weeks
            ),
            _f(
                "repeat",
                "Se répète",
                "Repeats",
                FieldType.CHOICE,
                choices=_choices(
                    ("daily", "Tous les jours (ou tous les N jours)", "Daily (or every N days)", ("jour", "jours")),
                    ("weekly", "Chaque semaine (ou toutes les N)", "Weekly (or every N weeks)", ("semaine",)),
                    ("monthly", "Chaque mois (ou tous les N mois)", "Monthly (or every N months)", ("mois",)),
                ),
            ),
            _f(
                "repeat_interval",
                "Tous les N (jours, semaines, mois)",
                "Every N (days, weeks, months)",
                FieldType.INTEGER,
                minimum=1,
                maximum=365,
            ),
            _f("repeat_until", "Jusqu'au", "Until", FieldType.DATE, future_allowed=True),
            _f("repeat_count", "Nombre de fois", "Number of times", FieldType.INTEGER, minimum=1, maximum=500),
            _f("uid", "Identifiant d'agenda (iCalendar)", "Calendar id (iCalendar)"),
            _notes(),
        ),
        summary_fields=("title", "starts_at", "professional"),
        date_fields=("starts_at",),
        finish=rules.finish_appointment,
    ),
    EntryKind(
        "not_concerned",
        "Non concerné",
        "Not concerned",
        None,
        singleton=False,
        fields=(
            _f(
                "section",
                "Rubrique",
                "Section",
                FieldType.CHOICE,
                required=True,
                choices=tuple(
                    Choice(s.id, s.label_fr, s.label_en) for s in SECTIONS.values() if s.can_be_not_concerned
                ),
            ),
        ),
        summary_fields=("section",),
    ),
)

ENTRY_KINDS: Final[Mapping[str, EntryKind]] = MappingProxyType({k.name: k for k in _KIND_LIST})


def find_kind(kind: str) -> EntryKind:
    """The kind named `kind`, or a validation error naming it."""
    found = ENTRY_KINDS.get(kind)
    if found is None:
        raise DossierValidationError.single(
            "kind",
            "unknown_kind",
            f"Type de saisie inconnu : « {kind} ».",
            f"Unknown entry kind: '{kind}'.",
        )
    return found
