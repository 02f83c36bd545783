"""The one guarded reader every uploaded or imported file passes before any parser sees it.

Pure: bytes (or a path to a zip archive) in, ``None`` out, or ``UnusableFile`` with an English msgid
that the web layer translates. What is checked, in this order:

- the size of the file itself;
- a zip archive (XLSX is one): the number of entries, the total declared uncompressed size and the
  compression ratio, read from the central directory without unpacking anything. Python's zipfile
  never inflates an entry past its declared size, so a lying header cannot get past this either;
- every XML part of an archive, streamed through defusedxml's expat parser in small chunks (no tree is
  built): a DTD, an entity declaration or an external reference refuses the file, and so do broken XML
  and elements nested deeper than ``max_xml_depth``;
- JSON (a ``.json`` file, a file that starts with ``{`` or ``[``, or a ``.json`` entry of an archive):
  nesting deeper than ``max_json_depth`` refuses the file before ``json.loads`` could recurse.

Importers do not call this themselves: the upload form field (``forms.uploads.GuardedFileField``) does,
and the region archive import calls ``check_archive_path``. A test keeps every file field guarded.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

ZIP_MAGIC = b"PK\x03\x04"
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file or a row: row number as the user sees it (header is row 1)."""

    row: int | None
    field: str
    msgid: str
    params: dict = field(default_factory=dict)
    #: the row was left out (True) or imported with an adjusted value (False)
    skipped: bool = True


def flag(row: int | None, msgid: str, field: str = "", skipped: bool = True, **params) -> Problem:
    """A problem; the msgid is extracted for translation with the "flag:2" keyword."""
    return Problem(row=row, field=field, msgid=msgid, params=params, skipped=skipped)


class UnusableFile(ValueError):
    """The file as a whole cannot be used; nothing in it is imported. ``kind`` says why, for callers that
    have codes of their own: too_large, nested, forbidden_xml, damaged (or "" from other readers)."""

    def __init__(self, problem: Problem, kind: str = ""):
        super().__init__(problem.msgid % problem.params if problem.params else problem.msgid)
        self.problem = problem
        self.kind = kind


@dataclass(frozen=True)
class Limits:
    """What one kind of upload may be. The defaults suit a spreadsheet of a few thousand rows."""

    max_bytes: int = 10 * 1024 * 1024
    max_uncompressed: int = 50 * 1024 * 1024
    #: a real workbook compresses 5–20×, a JSON archive up to ~50×; a bomb compresses ~1000×
    max_ratio: int = 200
    max_entries: int = 500
    max_xml_depth: int = 64
    max_json_depth: int = 40


def check_upload(data: bytes, filename: str, limits: Limits) -> None:
    """Refuse a file that is too large, a zip bomb, dangerous or absurd XML, or absurdly nested JSON."""
    if len(data) > limits.max_bytes:
        raise UnusableFile(
            flag(None, "The file is larger than %(mb)s MB and was not read.", mb=_megabytes(limits.max_bytes)),
            "too_large",
        )
    name = (filename or "").lower()
    if data.startswith(ZIP_MAGIC):
        with _open_zip(io.BytesIO(data)) as archive:
            check_zip(archive, limits)
    elif name.endswith(".json") or data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        check_json_depth(data, limits.max_json_depth)


def check_archive_path(path, limits: Limits) -> None:
    """The same checks for a zip archive on disk (the region archive), entry by entry."""
    with _open_zip(path) as archive:
        check_zip(archive, limits)


def check_zip(archive: zipfile.ZipFile, limits: Limits) -> None:
    members = archive.infolist()
    total = sum(m.file_size for m in members)
    packed = max(sum(m.compress_size for m in members), 1)
    if len(members) > limits.max_entries or total > limits.max_uncompressed or total / packed > limits.max_ratio:
        raise UnusableFile(
            flag(
                None,
                "The file is too large once unpacked (more than %(mb)s MB) or packed "
                "suspiciously tightly; it was not opened.",
                mb=_megabytes(limits.max_uncompressed),
            ),
            "too_large",
        )
    for member in members:
        name = member.filename.lower()
        if name.endswith((".xml", ".rels", ".vml")):
            with archive.open(member) as stream:
                check_xml(stream, limits.max_xml_depth)
        elif name.endswith(".json"):
            check_json_depth(archive.read(member), limits.max_json_depth)


class _Depth:
    """A parser target that only counts how deep elements nest (no tree is kept)."""

    def __init__(self, limit: int):
        self.limit, self.depth = limit, 0

    def start(self, tag, attributes):
        self.depth += 1
        if self.depth > self.limit:
            raise UnusableFile(flag(None, "The file is nested too deeply to be read."), "nested")

    def end(self, tag):
        self.depth -= 1

    def data(self, text):
        pass

    def close(self):
        return None


def check_xml(stream, max_depth: int) -> None:
    """Stream XML through defusedxml: no DTD, no entities, no external references, not too deep."""
    parser = DefusedXMLParser(target=_Depth(max_depth), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    try:
        while chunk := stream.read(CHUNK):
            parser.feed(chunk)
        parser.close()
    except DefusedXmlException as error:
        raise UnusableFile(
            flag(None, "The file contains XML declarations (DTD or entities) that are not allowed."), "forbidden_xml"
        ) from error
    except (ParseError, zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
        if isinstance(error, UnusableFile):
            raise
        raise UnusableFile(flag(None, "The file is damaged: a part of it cannot be read."), "damaged") from error


_JSON_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def check_json_depth(data: bytes, max_depth: int) -> None:
    """Count brackets outside strings; deeper than ``max_depth`` is refused before any JSON parser runs."""
    depth = 0
    for match in _JSON_TOKENS.finditer(data):
        token = match.group()
        if token in (b"{", b"["):
            depth += 1
            if depth > max_depth:
                raise UnusableFile(flag(None, "The file is nested too deeply to be read."), "nested")
        elif token in (b"}", b"]"):
            depth -= 1


def _open_zip(source) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(source)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as error:
        raise UnusableFile(flag(None, "The file is damaged: a part of it cannot be read."), "damaged") from error


def _megabytes(size: int) -> str:
    """2, 0,5 or 1,5: a size in MB as a Dutch reader writes it (analysis/ has no Babel)."""
    return f"{size / 2**20:.1f}".removesuffix(".0").replace(".", ",")
