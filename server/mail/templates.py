"""The messages the service sends, in French with an English line."""

from __future__ import annotations

from datetime import datetime

from server.mail.service import OutgoingMail

_FOOTER = (
    "\n\n-- \nCarnet — ce message est automatique, merci de ne pas y répondre.\n"
    "(Automatic message, please do not reply.)\n"
)


def _date_fr(when: datetime) -> str:
    return when.strftime("%d/%m/%Y")


def provisioning(
    *, to: str, first_names: str, activation_code: str, deadline: datetime, public_url: str
) -> OutgoingMail:
    body = (
        f"Bonjour {first_names},\n\n"
        "Votre espace santé Carnet va être créé.\n"
        f"Votre code d'activation (usage unique) : {activation_code}\n\n"
        f"Pour l'activer dès maintenant, rendez-vous sur {public_url} avec ce code, votre numéro de "
        "sécurité sociale et le numéro de série de votre carte Vitale.\n"
        f"Si vous ne souhaitez pas d'espace santé, vous pouvez vous y opposer jusqu'au {_date_fr(deadline)} "
        "avec les mêmes informations. Sans opposition, l'espace sera créé après cette date.\n\n"
        f"English: your Carnet health space activation code is {activation_code}; you may activate it, "
        f"or oppose its creation until {deadline.date().isoformat()}."
    )
    return OutgoingMail(to=to, subject="Votre espace santé Carnet / Your Carnet health space", body=body + _FOOTER)


def coming_of_age(*, to: str, first_names: str, activation_code: str, public_url: str) -> OutgoingMail:
    body = (
        f"Bonjour {first_names},\n\n"
        "Vous avez 18 ans : votre espace santé Carnet, géré jusqu'ici par vos représentants légaux, est désormais le "
        "vôtre.\n"
        f"Votre code d'activation (usage unique) : {activation_code}\n\n"
        f"Pour le prendre en main, rendez-vous sur {public_url} avec ce code, votre numéro de sécurité sociale et le "
        "numéro de série de votre carte Vitale. Les soins confidentiels que vous avez reçus avant vos 18 ans y "
        "figurent ; vos parents ne les ont jamais vus.\n\n"
        f"English: you are 18 and your Carnet health space is now yours; your activation code is {activation_code}."
    )
    return OutgoingMail(to=to, subject="Votre espace santé Carnet / Your Carnet health space", body=body + _FOOTER)


def one_time_code(*, to: str, code: str, purpose_fr: str, purpose_en: str, minutes: int) -> OutgoingMail:
    body = (
        f"Bonjour,\n\nVotre code à usage unique pour {purpose_fr} : {code}\n"
        f"Il est valable {minutes} minutes. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.\n\n"
        f"English: your one-time code to {purpose_en} is {code} (valid {minutes} minutes)."
    )
    return OutgoingMail(to=to, subject=f"Carnet : code pour {purpose_fr} / Carnet one-time code", body=body + _FOOTER)


def identifier_reminder(*, to: str, identifiers: list[str]) -> OutgoingMail:
    listed = "\n".join(f"  - {i}" for i in identifiers)
    body = (
        "Bonjour,\n\nVous avez demandé à retrouver votre identifiant Carnet. "
        f"Identifiant(s) associé(s) à cette adresse :\n{listed}\n\n"
        "English: you asked for your Carnet identifier; it is listed above."
    )
    return OutgoingMail(to=to, subject="Votre identifiant Carnet / Your Carnet identifier", body=body + _FOOTER)


_CALLED_DOCTOR = frozenset(
    {
        "medecin_generaliste",
        "medecin_specialiste",
        "medecin_du_travail",
        "medecin_regulateur_samu",
        "chirurgien_dentiste",
    }
)
"""Professions addressed as « Docteur » (physicians and dentists); everyone else as « Madame, Monsieur »."""


def professional_greeting(profession: str, last_name: str) -> str:
    """« Bonjour Docteur Durand, » for a physician or a dentist, « Bonjour Madame, Monsieur, » for a nurse,
    a midwife, a pharmacist… (a title is never guessed for a profession that does not carry it)."""
    return f"Bonjour Docteur {last_name}," if profession in _CALLED_DOCTOR else "Bonjour Madame, Monsieur,"


def professional_enrolment(*, to: str, last_name: str, code: str, profession: str = "") -> OutgoingMail:
    body = (
        f"{professional_greeting(profession, last_name)}\n\nVotre accès professionnel à Carnet est prêt.\n"
        f"Code d'enrôlement (usage unique) : {code}\n"
        "Utilisez-le avec votre numéro RPPS pour choisir votre mot de passe : dans Carnet, « Poste de soins » puis "
        "« Première connexion (code d'enrôlement) », ou en ligne de commande `carnet-cli enrol`.\n\n"
        f"English: your Carnet professional enrolment code is {code} (« Poste de soins » → first sign-in, or "
        "`carnet-cli enrol`)."
    )
    return OutgoingMail(to=to, subject="Accès professionnel Carnet / Carnet professional access", body=body + _FOOTER)


def helper_enrolment(*, to: str, first_names: str, organisation: str, code: str) -> OutgoingMail:
    body = (
        f"Bonjour {first_names},\n\n{organisation} vous a inscrit(e) comme aidant(e) des sessions accompagnées "
        f"de Carnet.\nCode d'enrôlement (usage unique) : {code}\n"
        "Utilisez-le avec cette adresse e-mail pour choisir votre mot de passe.\n\n"
        f"English: {organisation} registered you as a helper of Carnet's assisted sessions; "
        f"your enrolment code is {code}."
    )
    return OutgoingMail(to=to, subject="Accès aidant Carnet / Carnet helper access", body=body + _FOOTER)


def notice(*, to: str, subject_fr: str, text_fr: str, text_en: str) -> OutgoingMail:
    body = f"Bonjour,\n\n{text_fr}\n\nEnglish: {text_en}"
    return OutgoingMail(to=to, subject=f"Carnet : {subject_fr}", body=body + _FOOTER)
