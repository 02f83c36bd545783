"""Invitation, reminder and letter texts: built-in defaults per language and form of address, editable per
survey, with placeholders such as {link}, {code}, {titel} and {einddatum}.

Texts for respondents are survey content (like the answer scales), not platform UI, so they live here
per language rather than in the Dutch catalog. A line whose placeholder has no value is left out: a
reminder to someone who already started has no new {link}, and {verder} tells them to use the first one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: placeholders staff can use in the texts
PLACEHOLDERS = ("titel", "link", "code", "codeadres", "einddatum", "minuten", "organisatie", "afmeldlink",
                "verder")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
KINDS = ("invitation", "reminder", "letter")

_NL_U = {
    "invitation": (
        "Uitnodiging: {titel}",
        "Beste heer, mevrouw,\n\n"
        "Wij willen graag weten wat u van de jeugdhulp vindt. Daarom vragen wij u mee te doen aan het "
        "onderzoek „{titel}”. Het kost ongeveer {minuten} minuten.\n\n"
        "Uw antwoorden zijn anoniem. Niemand kan zien wat u hebt geantwoord.\n\n"
        "Doe mee via deze link: {link}\n"
        "Of ga naar {codeadres} en typ deze code: {code}\n"
        "{verder}\n\n"
        "U kunt meedoen tot en met {einddatum}.\n\n"
        "Met vriendelijke groet,\n{organisatie}\n\n"
        "Wilt u geen e-mail meer over dit onderzoek? Meld u dan af: {afmeldlink}\n"),
    "reminder": (
        "Herinnering: {titel}",
        "Beste heer, mevrouw,\n\n"
        "Een tijdje geleden vroegen wij u mee te doen aan het onderzoek „{titel}”. Misschien bent u er nog "
        "niet aan toegekomen. Uw mening helpt ons de jeugdhulp beter te maken.\n\n"
        "Doe mee via deze link: {link}\n"
        "Of ga naar {codeadres} en typ deze code: {code}\n"
        "{verder}\n\n"
        "Hebt u de vragenlijst de laatste dagen al ingevuld? Dan hoeft u niets meer te doen: deze herinnering "
        "kan u dan nog bereiken, omdat wij niet bijhouden wie wanneer heeft geantwoord. Hartelijk dank!\n\n"
        "U kunt meedoen tot en met {einddatum}.\n\n"
        "Met vriendelijke groet,\n{organisatie}\n\n"
        "Wilt u geen e-mail meer over dit onderzoek? Meld u dan af: {afmeldlink}\n"),
    "letter": (
        "Wat vindt u van de jeugdhulp?",
        "Beste heer, mevrouw,\n\n"
        "Wij willen graag weten wat u van de jeugdhulp vindt. Daarom vragen wij u mee te doen aan het "
        "onderzoek „{titel}”. Het kost ongeveer {minuten} minuten.\n\n"
        "Uw antwoorden zijn anoniem. Niemand kan zien wat u hebt geantwoord.\n\n"
        "Scan de QR-code met de camera van uw telefoon. Of ga naar {codeadres} en typ de code {code}.\n"
        "{verder}\n\n"
        "U kunt meedoen tot en met {einddatum}.\n\n"
        "Met vriendelijke groet,\n{organisatie}\n"),
}
_NL_JE = {
    "invitation": (
        "Doe je mee? {titel}",
        "Hoi,\n\n"
        "Wij willen graag weten wat jij van de jeugdhulp vindt. Doe je mee aan het onderzoek „{titel}”? "
        "Het kost ongeveer {minuten} minuten.\n\n"
        "Je antwoorden zijn anoniem. Niemand kan zien wat jij hebt geantwoord. Ook je ouders niet.\n\n"
        "Doe mee via deze link: {link}\n"
        "Of ga naar {codeadres} en typ deze code: {code}\n"
        "{verder}\n\n"
        "Je kunt meedoen tot en met {einddatum}.\n\n"
        "Groet,\n{organisatie}\n\n"
        "Wil je geen e-mail meer over dit onderzoek? Meld je dan af: {afmeldlink}\n"),
    "reminder": (
        "Herinnering: {titel}",
        "Hoi,\n\n"
        "Een tijdje geleden vroegen we je mee te doen aan het onderzoek „{titel}”. Misschien ben je er nog "
        "niet aan toegekomen. Jouw mening helpt ons de hulp beter te maken.\n\n"
        "Doe mee via deze link: {link}\n"
        "Of ga naar {codeadres} en typ deze code: {code}\n"
        "{verder}\n\n"
        "Heb je de vragenlijst de laatste dagen al ingevuld? Dan hoef je niets meer te doen. Je kunt deze "
        "herinnering dan toch krijgen, omdat we niet bijhouden wie wanneer heeft geantwoord. Bedankt!\n\n"
        "Je kunt meedoen tot en met {einddatum}.\n\n"
        "Groet,\n{organisatie}\n\n"
        "Wil je geen e-mail meer over dit onderzoek? Meld je dan af: {afmeldlink}\n"),
    "letter": (
        "Wat vind jij van de hulp?",
        "Hoi,\n\n"
        "Wij willen graag weten wat jij van de jeugdhulp vindt. Doe je mee aan het onderzoek „{titel}”? "
        "Het kost ongeveer {minuten} minuten.\n\n"
        "Je antwoorden zijn anoniem. Niemand kan zien wat jij hebt geantwoord. Ook je ouders niet.\n\n"
        "Scan de QR-code met de camera van je telefoon. Of ga naar {codeadres} en typ de code {code}.\n"
        "{verder}\n\n"
        "Je kunt meedoen tot en met {einddatum}.\n\n"
        "Groet,\n{organisatie}\n"),
}
_EN = {
    "invitation": (
        "Invitation: {titel}",
        "Hello,\n\n"
        "We would like to know what you think of the youth care you received. Please take part in the "
        "survey \"{titel}\". It takes about {minuten} minutes.\n\n"
        "Your answers are anonymous. Nobody can see what you answered.\n\n"
        "Take part with this link: {link}\n"
        "Or go to {codeadres} and type this code: {code}\n"
        "{verder}\n\n"
        "You can take part until {einddatum}.\n\n"
        "Kind regards,\n{organisatie}\n\n"
        "No more e-mails about this survey? Unsubscribe here: {afmeldlink}\n"),
    "reminder": (
        "Reminder: {titel}",
        "Hello,\n\n"
        "Some time ago we asked you to take part in the survey \"{titel}\". Perhaps you have not had time "
        "yet. Your opinion helps us improve youth care.\n\n"
        "Take part with this link: {link}\n"
        "Or go to {codeadres} and type this code: {code}\n"
        "{verder}\n\n"
        "Did you fill in the questionnaire in the last few days? Then there is nothing more to do: this "
        "reminder may still reach you, because we do not keep track of who answered when. Thank you!\n\n"
        "You can take part until {einddatum}.\n\n"
        "Kind regards,\n{organisatie}\n\n"
        "No more e-mails about this survey? Unsubscribe here: {afmeldlink}\n"),
    "letter": (
        "What do you think of youth care?",
        "Hello,\n\n"
        "We would like to know what you think of the youth care you received. Please take part in the "
        "survey \"{titel}\". It takes about {minuten} minutes.\n\n"
        "Your answers are anonymous. Nobody can see what you answered.\n\n"
        "Scan the QR code with the camera of your phone. Or go to {codeadres} and type the code {code}.\n"
        "{verder}\n\n"
        "You can take part until {einddatum}.\n\n"
        "Kind regards,\n{organisatie}\n"),
}
DEFAULTS = {("nl", "u"): _NL_U, ("nl", "je"): _NL_JE, ("en", "u"): _EN, ("en", "je"): _EN}

#: what {verder} says to someone who already started (no new link: the first one resumes their answers)
CONTINUE = {
    ("nl", "u"): "U bent al begonnen. Gebruik de link of QR-code uit ons eerste bericht. Dan gaat u verder "
                 "waar u was gebleven.",
    ("nl", "je"): "Je bent al begonnen. Gebruik de link of QR-code uit ons eerste bericht. Dan ga je verder "
                  "waar je was gebleven.",
    ("en", "u"): "You have already started. Use the link or QR code from our first message to continue "
                 "where you stopped.",
    ("en", "je"): "You have already started. Use the link or QR code from our first message to continue "
                  "where you stopped.",
}


#: the line above a Dutch mail or letter for an invitee whose language the questionnaire does not have
LANGUAGE_NOTE = {
    "en": "We do not have this questionnaire in your language. This message and the questionnaire are in "
          "Dutch. Perhaps someone you know can help you read them.",
    "ar": "هذا الاستبيان غير متوفر بلغتك. هذه الرسالة والاستبيان باللغة الهولندية. "
          "ربما يستطيع شخص تعرفه مساعدتك في قراءتهما.",
    "tr": "Bu anket sizin dilinizde mevcut değil. Bu mesaj ve anket Felemenkçedir. Belki tanıdığınız biri "
          "okumanıza yardım edebilir.",
    "pl": "Nie mamy tej ankiety w Twoim języku. Ta wiadomość i ankieta są po niderlandzku. Może ktoś znajomy "
          "pomoże Ci je przeczytać.",
    "uk": "У нас немає цього опитування вашою мовою. Це повідомлення та опитування нідерландською мовою. "
          "Можливо, хтось із знайомих допоможе вам їх прочитати.",
    "de": "Diesen Fragebogen gibt es nicht in Ihrer Sprache. Diese Nachricht und der Fragebogen sind auf "
          "Niederländisch. Vielleicht kann Ihnen jemand beim Lesen helfen.",
    "fr": "Ce questionnaire n'existe pas dans votre langue. Ce message et le questionnaire sont en "
          "néerlandais. Quelqu'un de votre entourage peut peut-être vous aider à les lire.",
}


def language_note(language: str | None, available: list[str]) -> str:
    """The line in the invitee's own language when the questionnaire lacks it (English for languages
    without a line of their own); empty when the questionnaire has the language."""
    if not language or language in available:
        return ""
    return LANGUAGE_NOTE.get(language, LANGUAGE_NOTE["en"])


@dataclass(frozen=True)
class Text:
    subject: str
    body: str


def default_text(kind: str, language: str, form: str) -> Text | None:
    """The built-in text for a kind in a language (None when there is none in that language)."""
    texts = DEFAULTS.get((language, form))
    return Text(*texts[kind]) if texts else None


def text_for(templates: dict, kind: str, language: str, form: str) -> Text | None:
    """The survey's own text for this kind and language, else the built-in one, else None."""
    own = (templates or {}).get(kind, {}).get(language)
    if own and own.get("body"):
        return Text(own.get("subject", ""), own["body"])
    return default_text(kind, language, form)


#: an e-mail to an invitee who also gets a letter: the link and code are only in the letter
LETTER = {
    ("nl", "u"): "Uw persoonlijke link (QR-code) en code staan in de brief die u per post krijgt.",
    ("nl", "je"): "Je persoonlijke link (QR-code) en code staan in de brief die je per post krijgt.",
    ("en", "u"): "Your personal link (QR code) and code are in the letter we send you by post.",
    ("en", "je"): "Your personal link (QR code) and code are in the letter we send you by post.",
}


def letter_sentence(language: str, form: str) -> str:
    return LETTER.get((language, form)) or LETTER[("nl", form)]


def continue_sentence(language: str, form: str) -> str:
    return CONTINUE.get((language, form)) or CONTINUE[("nl", form)]


def unknown_placeholders(text: str) -> list[str]:
    """Placeholders in a text that do not exist (shown to staff when they edit a text)."""
    return sorted({name for name in PLACEHOLDER.findall(text or "") if name not in PLACEHOLDERS})


def fill(text: str, values: dict[str, str]) -> str:
    """Put the values in; a line whose placeholder has no value is left out; unknown braces stay as typed."""
    lines = []
    for line in (text or "").split("\n"):
        names = [n for n in PLACEHOLDER.findall(line) if n in PLACEHOLDERS]
        if any(not values.get(n) for n in names):
            continue
        lines.append(PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0))
                                     if m.group(1) in PLACEHOLDERS else m.group(0), line))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
