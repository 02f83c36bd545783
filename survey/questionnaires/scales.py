"""The answer scales of docs/domain.md ("Scales and escape answers"), with their stored codes and labels per language.

Stored codes: agreement "5" (helemaal mee eens) … "1" (helemaal niet mee eens) plus the escape
answers "weet_niet" and "nvt" (excluded from every denominator); frequency "altijd", "vaak", "soms",
"nooit"; grades "1" … "10"; 0–10 "0" … "10"; smileys "1" (saddest) … "3" or "5" (happiest).
"""

ESCAPE_CODES = ("weet_niet", "nvt")

AGREEMENT = [
    ("5", {"nl": "Helemaal mee eens", "en": "Strongly agree", "ar": "أوافق بشدة", "tr": "Kesinlikle katılıyorum",
           "pl": "Zdecydowanie się zgadzam", "uk": "Повністю згоден"}),
    ("4", {"nl": "Mee eens", "en": "Agree", "ar": "أوافق", "tr": "Katılıyorum", "pl": "Zgadzam się",
           "uk": "Згоден"}),
    ("3", {"nl": "Niet mee eens, niet mee oneens", "en": "Neither agree nor disagree",
           "ar": "لا أوافق ولا أعارض", "tr": "Ne katılıyorum ne katılmıyorum", "pl": "Ani tak, ani nie",
           "uk": "Ні згоден, ні не згоден"}),
    ("2", {"nl": "Niet mee eens", "en": "Disagree", "ar": "لا أوافق", "tr": "Katılmıyorum",
           "pl": "Nie zgadzam się", "uk": "Не згоден"}),
    ("1", {"nl": "Helemaal niet mee eens", "en": "Strongly disagree", "ar": "لا أوافق بشدة",
           "tr": "Kesinlikle katılmıyorum", "pl": "Zdecydowanie się nie zgadzam", "uk": "Зовсім не згоден"}),
    ("weet_niet", {"nl": "Weet ik niet", "en": "I don't know", "ar": "لا أعرف", "tr": "Bilmiyorum",
                   "pl": "Nie wiem", "uk": "Не знаю"}),
    ("nvt", {"nl": "Niet van toepassing", "en": "Not applicable", "ar": "لا ينطبق", "tr": "Geçerli değil",
             "pl": "Nie dotyczy", "uk": "Не стосується"}),
]

FREQUENCY = [
    ("altijd", {"nl": "Altijd", "en": "Always", "ar": "دائمًا", "tr": "Her zaman", "pl": "Zawsze", "uk": "Завжди"}),
    ("vaak", {"nl": "Vaak", "en": "Often", "ar": "غالبًا", "tr": "Sık sık", "pl": "Często", "uk": "Часто"}),
    ("soms", {"nl": "Soms", "en": "Sometimes", "ar": "أحيانًا", "tr": "Bazen", "pl": "Czasami", "uk": "Іноді"}),
    ("nooit", {"nl": "Nooit", "en": "Never", "ar": "أبدًا", "tr": "Hiçbir zaman", "pl": "Nigdy", "uk": "Ніколи"}),
]

SMILEYS_5 = [
    ("1", {"nl": "Heel verdrietig", "en": "Very sad"}),
    ("2", {"nl": "Verdrietig", "en": "Sad"}),
    ("3", {"nl": "Gewoon", "en": "Okay"}),
    ("4", {"nl": "Blij", "en": "Happy"}),
    ("5", {"nl": "Heel blij", "en": "Very happy"}),
]
SMILEYS_3 = [
    ("1", {"nl": "Niet leuk", "en": "Not nice"}),
    ("2", {"nl": "Gewoon", "en": "Okay"}),
    ("3", {"nl": "Leuk", "en": "Nice"}),
]


def numeric_scale(low: int, high: int) -> list[tuple[str, dict]]:
    return [(str(n), {"nl": str(n)}) for n in range(low, high + 1)]


def yes_no() -> list[tuple[str, dict]]:
    return [("ja", {"nl": "Ja", "en": "Yes"}), ("nee", {"nl": "Nee", "en": "No"})]
