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
    ("1", {"nl": "Heel verdrietig", "en": "Very sad", "ar": "حزين جدًا", "tr": "Çok üzgün", "pl": "Bardzo smutny",
           "uk": "Дуже сумно"}),
    ("2", {"nl": "Verdrietig", "en": "Sad", "ar": "حزين", "tr": "Üzgün", "pl": "Smutny", "uk": "Сумно"}),
    ("3", {"nl": "Gewoon", "en": "Okay", "ar": "عادي", "tr": "Normal", "pl": "Zwyczajnie", "uk": "Нормально"}),
    ("4", {"nl": "Blij", "en": "Happy", "ar": "سعيد", "tr": "Mutlu", "pl": "Wesoły", "uk": "Радісно"}),
    ("5", {"nl": "Heel blij", "en": "Very happy", "ar": "سعيد جدًا", "tr": "Çok mutlu", "pl": "Bardzo wesoły",
           "uk": "Дуже радісно"}),
]
SMILEYS_3 = [
    ("1", {"nl": "Niet leuk", "en": "Not nice", "ar": "ليس لطيفًا", "tr": "Hoş değil", "pl": "Niefajnie",
           "uk": "Не подобається"}),
    ("2", {"nl": "Gewoon", "en": "Okay", "ar": "عادي", "tr": "Normal", "pl": "Zwyczajnie", "uk": "Нормально"}),
    ("3", {"nl": "Leuk", "en": "Nice", "ar": "لطيف", "tr": "Hoş", "pl": "Fajnie", "uk": "Подобається"}),
]


def numeric_scale(low: int, high: int) -> list[tuple[str, dict]]:
    return [(str(n), {"nl": str(n)}) for n in range(low, high + 1)]


def yes_no() -> list[tuple[str, dict]]:
    return [("ja", {"nl": "Ja", "en": "Yes", "ar": "نعم", "tr": "Evet", "pl": "Tak", "uk": "Так"}),
            ("nee", {"nl": "Nee", "en": "No", "ar": "لا", "tr": "Hayır", "pl": "Nie", "uk": "Ні"})]
