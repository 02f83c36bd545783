"""A contact file (invitees) → contacts and a per-row report.

Columns are recognised by their Dutch or English names. Only what fieldwork needs is kept: e-mail
address, postal address (with an optional name line), preferred language and coarse background
categories (gemeente, kind of help, age band, respondent type). Other columns are ignored. A column that
holds citizen service numbers (BSN) — by its name, or because most of its values are nine digits that
pass the eleven-test — makes the whole file unusable: the platform never stores a BSN.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from analysis.files.cells import is_bsn_column, is_bsn_name
from analysis.files.spreadsheets import Problem, UnusableFile, flag, read_table

#: background variables kept on an invitation (coarse categories only)
BACKGROUND = ("gemeente", "soort_hulp", "leeftijd", "respondenttype")

#: normalised column name → field; a name is lower-cased with everything but letters and digits removed
COLUMN_NAMES = {
    "email": ("email", "emailadres", "mail", "mailadres", "emailaddress"),
    "name": ("naam", "name", "tenaamstelling", "aanhef", "tav"),
    "address": ("adres", "postadres", "address", "adresregel", "straatenhuisnummer"),
    "street": ("straat", "straatnaam", "street"),
    "number": ("huisnummer", "huisnr", "housenumber"),
    "addition": ("toevoeging", "huisnummertoevoeging"),
    "postcode": ("postcode", "zip", "postalcode"),
    "city": ("woonplaats", "plaats", "city", "town"),
    "language": ("taal", "language", "voorkeurstaal"),
    "gemeente": ("gemeente", "municipality"),
    "soort_hulp": ("soorthulp", "hulpvorm", "typehulp", "vormvanhulp", "hulp", "kindofhelp"),
    "leeftijd": ("leeftijd", "leeftijdsgroep", "leeftijdscategorie", "age", "ageband"),
    "respondenttype": ("respondenttype", "respondent", "rol", "doelgroep", "type"),
}
#: the Dutch column name of each part of a postal address, for a report on a file that lacks the column
ADDRESS_COLUMNS = {"street": "Straat", "postcode": "Postcode", "city": "Woonplaats"}

#: how people write a language in a contact file → language code
LANGUAGES = {
    "nl": ("nl", "nederlands", "dutch", "nld"),
    "en": ("en", "engels", "english", "eng"),
    "ar": ("ar", "arabisch", "arabic"),
    "tr": ("tr", "turks", "turkish"),
    "pl": ("pl", "pools", "polish"),
    "uk": ("uk", "oekraiens", "oekraïens", "ukrainian"),
    "ti": ("ti", "tigrinya", "tigrinja"),
    "fa": ("fa", "farsi", "perzisch", "dari", "prs"),
    "so": ("so", "somalisch", "somali"),
    "de": ("de", "duits", "german"),
    "fr": ("fr", "frans", "french"),
    "es": ("es", "spaans", "spanish"),
}
_LANGUAGE_CODES = {alias: code for code, aliases in LANGUAGES.items() for alias in aliases}

EMAIL = re.compile(r"^[^@\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,24}$")
POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Za-z]{2})$")
MAX_CATEGORY = 60
#: a dash of any kind: between digits it becomes an en dash (12–15), elsewhere a hyphen
_DIGIT_DASH = re.compile(r"(?<=\d)\s*[-\u2010-\u2015\u2212]\s*(?=\d)")
_OTHER_DASH = re.compile(r"[\u2010\u2011\u2012\u2014\u2015\u2212]")
_YEARS = r"(?:\s*(?:jaar|jr|j|years?|yrs?)\.?)?"
_AGE = re.compile(r"^(\d{1,3})" + _YEARS + "$", re.IGNORECASE)
_AGE_RANGE = re.compile(r"^(\d{1,3})–(\d{1,3})" + _YEARS + "$", re.IGNORECASE)
_AGE_FROM = re.compile(r"^(\d{1,3})\s*(?:\+|jaar en ouder|en ouder)$", re.IGNORECASE)


@dataclass(frozen=True)
class Contact:
    row: int
    email: str | None
    postal_address: str | None
    language: str
    background: dict[str, str]


@dataclass
class ContactFile:
    contacts: list[Contact] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: field → column name as written in the file
    columns: dict[str, str] = field(default_factory=dict)
    #: columns the file has that are not used (and not stored)
    ignored: list[str] = field(default_factory=list)

    @property
    def skipped_rows(self) -> int:
        return len({p.row for p in self.problems if p.skipped and p.row is not None})


def read_contacts(data: bytes, filename: str = "", known: Iterable[Mapping[str, str]] = ()) -> ContactFile:
    """Contacts from a CSV or XLSX file, with a problem per bad row; UnusableFile if the file can't be used.

    ``known`` are the backgrounds already stored for the survey: a category is written as it was first
    stored there (or first in this file), whatever its case (see :func:`known_spellings`)."""
    rows = read_table(data, filename)
    header, body = rows[0], rows[1:]
    columns, ignored = map_columns(header)
    refuse_bsn(header, body)
    if "email" not in columns and "address" not in columns and "street" not in columns:
        raise UnusableFile(
            flag(
                None,
                "No column with e-mail addresses or postal addresses was found. The first "
                "row must hold the column names, for example e-mail, adres, postcode, "
                "woonplaats.",
            )
        )
    if not any(any(row) for row in body):
        raise UnusableFile(flag(None, "The file has no rows below the column names."))
    result = ContactFile(columns={f: header[i] for f, i in columns.items()}, ignored=ignored)
    spelling = known_spellings(known)
    seen: dict[tuple, int] = {}
    emails: dict[str, int] = {}
    for number, row in enumerate(body, start=2):
        if not any(row):
            continue
        contact = _contact(number, row, header, columns, result.problems, spelling)
        if contact is None:
            continue
        key = (contact.email, contact.postal_address, contact.language, tuple(sorted(contact.background.items())))
        if key in seen:
            result.problems.append(flag(number, "This row is the same as row %(other)s.", other=seen[key]))
            continue
        seen[key] = number
        if contact.email and contact.email in emails:
            result.problems.append(
                flag(
                    number,
                    "This e-mail address is also in row %(other)s. Each row gets its own invitation.",
                    field=header[columns["email"]],
                    skipped=False,
                    other=emails[contact.email],
                )
            )
        emails.setdefault(contact.email or "", number)
        result.contacts.append(contact)
    return result


def map_columns(header: list[str]) -> tuple[dict[str, int], list[str]]:
    """Which column holds which field (first match wins), and the names of unused columns."""
    lookup = {alias: name for name, aliases in COLUMN_NAMES.items() for alias in aliases}
    columns: dict[str, int] = {}
    ignored = []
    for index, title in enumerate(header):
        name = lookup.get(_normal(title))
        if name is not None and name not in columns:
            columns[name] = index
        elif title:
            ignored.append(title)
    return columns, ignored


def refuse_bsn(header: list[str], body: list[list[str]]) -> None:
    """Refuse the whole file if any column holds BSNs, by its name or by its content (the rules are in
    ``analysis.files.cells``)."""
    for index, title in enumerate(header):
        values = [row[index] for row in body if index < len(row) and row[index]]
        if is_bsn_name(title) or is_bsn_column(values):
            raise UnusableFile(
                flag(
                    None,
                    "Column %(column)s seems to hold citizen service numbers (BSN). The "
                    "platform never stores a BSN, so this file was not read. Remove the "
                    "column and upload the file again.",
                    column=title or str(index + 1),
                )
            )


def _contact(number, row, header, columns, problems, spelling) -> Contact | None:
    if len(row) > len(header) and any(row[len(header) :]):
        problems.append(flag(number, "This row has more values than there are column names.", field=""))
        return None

    def value(name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    def column(name: str) -> str:
        return header[columns[name]] if name in columns else ""

    email = value("email").lower() or None
    if email and not EMAIL.match(email):
        problems.append(
            flag(number, "%(value)s is not a valid e-mail address.", field=column("email"), value=email[:80])
        )
        return None
    address, problem = _address(number, value, column)
    if problem is not None:
        problems.append(problem)
        return None
    if not email and not address:
        problems.append(flag(number, "This row has neither an e-mail address nor a postal address."))
        return None
    language = _language(number, value("language"), column("language"), problems)
    background = {}
    for name in BACKGROUND:
        category = _category(name, value(name))
        if category is None:
            problems.append(
                flag(
                    number,
                    "%(value)s is not an age or an age band (such as 14 or 12–15); this invitee is added "
                    "without an age.",
                    field=column(name),
                    skipped=False,
                    value=value(name)[:20],
                )
            )
        elif category:
            background[name] = spelling.setdefault((name, category.casefold()), category)
    return Contact(row=number, email=email, postal_address=address, language=language, background=background)


def _address(number, value, column) -> tuple[str | None, Problem | None]:
    """Address lines (name, street and number, postcode and city) or one address column as given."""
    name, full = value("name"), value("address")
    street = " ".join(p for p in (value("street"), value("number"), value("addition")) if p)
    postcode, city = value("postcode"), value("city")
    if not (full or street or postcode or city):
        return None, None
    if postcode:
        match = POSTCODE.match(postcode)
        if not match:
            return None, flag(
                number,
                "%(value)s is not a valid postcode (such as 3011 AB).",
                field=column("postcode"),
                value=postcode[:20],
            )
        postcode = f"{match.group(1)} {match.group(2).upper()}"
    if full:
        lines = [name, full, " ".join(p for p in (postcode, city.upper()) if p)]
    else:
        if not (street and postcode and city):
            missing = next(f for f, v in (("street", street), ("postcode", postcode), ("city", city)) if not v)
            # the column as the file names it, or (when the file lacks it) the Dutch name it should have
            name = column(missing) or ADDRESS_COLUMNS[missing]
            return None, flag(number, "The postal address is incomplete: %(part)s is missing.", field=name, part=name)
        lines = [name, street, f"{postcode}  {city.upper()}"]
    return "\n".join(line for line in lines if line), None


def _language(number, raw, column, problems) -> str:
    if not raw:
        return "nl"
    code = _LANGUAGE_CODES.get(raw.strip().lower())
    if code is None:
        problems.append(
            flag(number, "Language %(value)s is not known; Dutch is used.", field=column, skipped=False, value=raw[:40])
        )
        return "nl"
    return code


def _category(name: str, raw: str) -> str | None:
    """A coarse category with its spaces and dashes tidied: an age in any common form (14, 14 jaar,
    14 jr) becomes the age band of the reports and an age range is kept (12–15, 24+); other values are
    kept short. None for an age that is neither, so that it is not stored as given."""
    text = _DIGIT_DASH.sub("–", _OTHER_DASH.sub("-", " ".join(raw.split())))
    if not text:
        return ""
    if name != "leeftijd":
        return text[:MAX_CATEGORY]
    if match := _AGE.match(text):
        return age_band(int(match.group(1)))
    if (match := _AGE_RANGE.match(text)) and int(match.group(1)) < int(match.group(2)):
        return f"{int(match.group(1))}–{int(match.group(2))}"
    if match := _AGE_FROM.match(text):
        return f"{int(match.group(1))}+"
    return None


def known_spellings(backgrounds: Iterable[Mapping[str, str]]) -> dict[tuple[str, str], str]:
    """(variable, category in lower case) → the category as first written in these backgrounds (in
    their order), so that "Ambulant" and "ambulant" from two files are one group."""
    spelling: dict[tuple[str, str], str] = {}
    for background in backgrounds:
        for name in BACKGROUND:
            category = _category(name, (background or {}).get(name) or "")
            if category:
                spelling.setdefault((name, category.casefold()), category)
    return spelling


def age_band(age: int) -> str:
    """The age bands of the CEO reports: 12–15, 16–17, 18–23 (and below/above)."""
    if age < 12:
        return "0–11"
    if age <= 15:
        return "12–15"
    if age <= 17:
        return "16–17"
    if age <= 23:
        return "18–23"
    return "24+"


def _normal(title: str) -> str:
    return re.sub(r"[^a-z0-9ïë]", "", (title or "").lower())
