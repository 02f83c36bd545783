"""Printed letters with a personal QR code and short code: one A4 page per invitee, in the invitee's language.

WeasyPrint lays the batch out once; the batch PDF and a zip with one PDF per invitee are written from the
same layout. The batch is a temporary download: it holds the codes in readable form, so it is deleted
when staff delete it or when fieldwork closes. Making letters again gives new codes.
"""

from __future__ import annotations

import base64
import io
import re
import zipfile
from datetime import date

import qrcode
import qrcode.constants
from flask import current_app, render_template
from markupsafe import Markup
from sqlalchemy import delete, select

from survey.accounts.models import Region
from survey.extensions import db
from survey.fieldwork.messages.composing import compose_parts, language_of
from survey.fieldwork.messages.placeholders import note_language
from survey.fieldwork.models import FieldworkSettings, LetterBatch, LetterKind
from survey.i18n import long_date, text_direction
from survey.questionnaires.models import Survey


def qr_svg(data: str, label: str, css_class: str = "qr") -> Markup:
    """A QR code as inline SVG (no Pillow needed), sized by CSS, with a text alternative.

    Dark modules of a row are drawn as one rectangle per run, which keeps the path short: PDF layout
    of a batch of letters is several times faster than with one square per module."""
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    size = len(matrix)
    label = str(Markup.escape(label))
    return Markup(  # noqa: S704 - numbers and an escaped label only
        f'<svg class="{css_class}" role="img" aria-label="{label}" viewBox="0 0 {size} {size}" '
        f'xmlns="http://www.w3.org/2000/svg"><path fill="#000" d="{"".join(runs)}"/></svg>'
    )


def qr_image(data: str, label: str) -> Markup:
    """A QR code as an embedded PNG for print: WeasyPrint places an image many times faster than it draws
    a vector path, which matters for a batch of a thousand letters (Pillow comes with WeasyPrint)."""
    from qrcode.image.pil import PilImage

    image = qrcode.make(
        data, image_factory=PilImage, box_size=8, border=2, error_correction=qrcode.constants.ERROR_CORRECT_M
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return Markup(  # noqa: S704 - base64 and an escaped label only
        f'<img class="qr" src="data:image/png;base64,{encoded}" alt="{Markup.escape(label)}">'
    )


def letter_pages(survey: Survey, settings: FieldworkSettings, deliveries, kind: LetterKind, today: date) -> list[dict]:
    """What each letter shows: address, date, heading, paragraphs, QR code and code."""
    text_kind = "letter" if kind == LetterKind.INVITATION else "reminder"
    region = db.session.get(Region, survey.region_id)
    pages = []
    for delivery in deliveries:
        invitation = delivery.invitation
        language = language_of(survey, settings, invitation, text_kind)
        subject, note, body = compose_parts(survey, settings, delivery, text_kind)
        body = re.sub(r"^.*/afmelden/\S+.*$", "", body, flags=re.MULTILINE)  # no opt-out link on paper
        paragraphs = [_paragraph(p, delivery.code) for p in body.split("\n\n") if p.strip()]
        if note:  # the line in the invitee's own language, set in that language's direction
            own = note_language(invitation.language)
            paragraphs.insert(0, _paragraph(note, delivery.code, own))
        link = _link(delivery.token)
        pages.append(
            {
                "language": language,
                "dir": text_direction(language),
                "address": (invitation.postal_address or "").split("\n"),
                "date": long_date(today, language),
                "sender": survey.text("organiser", language) or region.name,
                "subject": subject,
                "paragraphs": paragraphs,
                "qr": qr_image(link, subject) if link else None,
                "code": delivery.code,
                "code_url": current_app.config["BASE_URL"].rstrip("/") + "/code",
            }
        )
    return pages


#: a web address up to the punctuation that ends its sentence
URL = re.compile(r"https?://\S+?(?=[.,:;!?)\]\u060c\u061b\u061f\u06d4]*(?:\s|$))")


def _paragraph(text: str, code: str | None, language: str | None = None) -> dict:
    """One paragraph as HTML: its lines, and each web address and the code kept left to right in one piece
    (a right-to-left paragraph would otherwise reorder and split them). ``language`` only for a paragraph
    in another language than the letter's."""
    tokens = [URL.pattern] + ([re.escape(code)] if code else [])
    parts, start = [], 0
    for match in re.finditer("|".join(tokens), text):
        parts += [Markup.escape(text[start : match.start()]), _ltr(match.group())]
        start = match.end()
    parts.append(Markup.escape(text[start:]))
    html = Markup("").join(parts).replace("\n", Markup("<br>"))
    return {"html": html, "lang": language, "dir": text_direction(language) if language else None}


def _ltr(token: str) -> Markup:
    return Markup('<bdi dir="ltr" class="ltr-token">{}</bdi>').format(token)


def _link(token: str | None) -> str | None:
    return f"{current_app.config['BASE_URL'].rstrip('/')}/r/{token}" if token else None


def render_letters(pages: list[dict]) -> tuple[bytes, bytes]:
    """The batch PDF and a zip with one PDF per letter, from one layout pass."""
    from weasyprint import HTML

    html = render_template("fieldwork/letters.html", pages=pages)
    document = HTML(string=html, base_url=current_app.root_path).render()
    batch = document.write_pdf()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, page in enumerate(document.pages, start=1):
            archive.writestr(f"brief-{number:05d}.pdf", document.copy([page]).write_pdf())
    return batch, buffer.getvalue()


def make_letters(survey: Survey, settings: FieldworkSettings, deliveries, kind: LetterKind, today: date) -> LetterBatch:
    """Lay out the letters and keep the PDFs as a temporary download."""
    batch_pdf, archive = render_letters(letter_pages(survey, settings, deliveries, kind, today))
    batch = LetterBatch(survey_id=survey.id, kind=kind, letter_count=len(deliveries), pdf=batch_pdf, archive=archive)
    db.session.add(batch)
    db.session.flush()
    return batch


def batches(survey: Survey) -> list[LetterBatch]:
    return list(
        db.session.scalars(
            select(LetterBatch).where(LetterBatch.survey_id == survey.id).order_by(LetterBatch.created_at.desc())
        )
    )


def delete_batches(survey: Survey, batch_id: int | None = None) -> int:
    """Delete one or all letter downloads of a survey; returns how many."""
    stmt = delete(LetterBatch).where(LetterBatch.survey_id == survey.id)
    if batch_id is not None:
        stmt = stmt.where(LetterBatch.id == batch_id)
    return db.session.execute(stmt).rowcount
