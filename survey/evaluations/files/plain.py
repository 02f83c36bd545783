"""Plain text of the report in every format: paragraphs, and characters every format can hold."""

import re

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BLANK_LINES = re.compile(r"\n\s*\n")


def xml_safe(text) -> str:
    """The text without characters XML cannot hold (Word and Excel files are XML inside)."""
    return _XML_INVALID.sub("", "" if text is None else str(text))


def paragraphs(text) -> list[str]:
    """Paragraphs of a plain text: an empty line starts a new one; single line breaks are kept."""
    cleaned = xml_safe(text).replace("\r\n", "\n").replace("\r", "\n").strip()
    return [part.strip() for part in _BLANK_LINES.split(cleaned) if part.strip()]
