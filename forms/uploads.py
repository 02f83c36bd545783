"""The only file field of the platform: an upload passes ``analysis.files.guard`` while the form validates.

A view never reads the uploaded stream itself: after ``validate_on_submit()`` the checked bytes are in
``form.<field>.content`` and the name in ``form.<field>.filename``. A file that the guard refuses is a
form error in Dutch, so no parser ever sees it. ``tests/reliability/test_upload_guard.py`` keeps every
file field of ``forms/`` a ``GuardedFileField`` and every view away from ``.read()``.
"""

from flask import request
from flask_babel import gettext
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from flask_wtf.form import _Auto, _is_submitted
from werkzeug.datastructures import CombinedMultiDict, FileStorage, MultiDict
from wtforms.validators import ValidationError

from analysis.files.guard import Limits, UnusableFile, check_upload
from analysis.files.spreadsheets import LIMITS as contact_limits
from analysis.files.uploads import UploadSpec
from survey.coding.codebooks.transfer import LIMITS as codebook_limits
from survey.questionnaires.exchange.uploads import LIMITS as questionnaire_limits

#: limits per kind of upload: each importer's own (the file sizes are those the forms promise)
CONTACTS = contact_limits
INDICATORS = Limits(
    max_bytes=10 * 1024 * 1024, max_uncompressed=UploadSpec.max_uncompressed, max_entries=UploadSpec.max_zip_entries
)
CODEBOOK = codebook_limits
QUESTIONNAIRE = questionnaire_limits
IMAGE = Limits(max_bytes=500 * 1024)


class GuardedFileField(FileField):
    """A FileField whose upload is read once, bounded, and checked by the guard before the view runs."""

    def __init__(self, label=None, validators=None, limits: Limits = IMAGE, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.limits = limits
        self.content: bytes | None = None
        self.filename = ""

    def post_validate(self, form, validation_stopped):
        self.content, self.filename = None, ""
        if validation_stopped or not isinstance(self.data, FileStorage) or not self.data:
            return
        self.data.stream.seek(0)
        data = self.data.stream.read(self.limits.max_bytes + 1)
        try:
            check_upload(data, self.data.filename or "", self.limits)
        except UnusableFile as refused:
            raise ValidationError(gettext(refused.problem.msgid, **refused.problem.params)) from None
        self.content, self.filename = data, self.data.filename or ""


def _wrap_formdata(self, form, formdata):
    """What a submitted form reads: the posted fields, and uploaded files only under the names of its file
    fields. Flask-WTF's own version hands any uploaded file to any field (a text field then holds a
    FileStorage and its validators fail with a 500) and turns a JSON body into form data."""
    if formdata is not _Auto:
        return formdata
    if not _is_submitted():
        return None
    files = [
        (name, upload)
        for name, upload in request.files.items(multi=True)
        if isinstance(form._fields.get(name), FileField)
    ]
    if files:
        return CombinedMultiDict((MultiDict(files), request.form))
    return request.form or None


def install_formdata_rule() -> None:
    """Every FlaskForm of the platform reads its data through ``_wrap_formdata`` (called once, from forms/)."""
    FlaskForm.Meta.wrap_formdata = _wrap_formdata
