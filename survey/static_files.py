"""Static files under fingerprinted names, kept by the browser for a year; every response compressed.

``url_for("static", filename="css/respondent.css")`` gives ``/static/css/respondent.3f9a1c2b7d.css``: the
first ten hex digits of the file's SHA-256. That name is served with ``Cache-Control: public,
max-age=31536000, immutable``, so a phone asks for the stylesheet and scripts once per version instead of
revalidating them on every screen; a changed file gets a new name. A plain or outdated name still works,
without the long lifetime. Compression (zstd, brotli or gzip, as the browser accepts) is Flask-Compress.
"""

from __future__ import annotations

import hashlib
import os
import re

from flask import Flask, send_from_directory
from werkzeug.security import safe_join

from survey.extensions import compress

YEAR = 365 * 24 * 3600
DIGEST_LENGTH = 10
FINGERPRINTED = re.compile(rf"^(?P<stem>.+)\.(?P<digest>[0-9a-f]{{{DIGEST_LENGTH}}})(?P<suffix>\.[A-Za-z0-9]+)$")
#: what compression is for: pages, styles, scripts, JSON and SVG; files (PDF, XLSX, images) are packed already
COMPRESSED_TYPES = [
    "text/html",
    "text/css",
    "text/plain",
    "text/javascript",
    "application/javascript",
    "application/json",
    "image/svg+xml",
]


class Fingerprints:
    """The digest of each static file, read again only when the file changed."""

    def __init__(self, folder: str):
        self.folder = folder
        self._known: dict[str, tuple[int, str]] = {}

    def digest(self, filename: str) -> str | None:
        path = safe_join(self.folder, filename)
        try:
            changed = os.stat(path).st_mtime_ns if path else None
        except OSError:
            return None
        if changed is None:
            return None
        known = self._known.get(filename)
        if known is None or known[0] != changed:
            with open(path, "rb") as file:
                known = self._known[filename] = (changed, hashlib.sha256(file.read()).hexdigest()[:DIGEST_LENGTH])
        return known[1]

    def name(self, filename: str) -> str:
        """``css/site.css`` → ``css/site.<digest>.css`` (unchanged for a file that is not there)."""
        digest = self.digest(filename)
        if digest is None:
            return filename
        stem, dot, suffix = filename.rpartition(".")
        return f"{stem}.{digest}.{suffix}" if dot else f"{filename}.{digest}"

    def real(self, requested: str) -> tuple[str, bool]:
        """(the file behind a requested name, whether the name carries the file's current digest)."""
        match = FINGERPRINTED.match(requested)
        if match is not None:
            filename = match["stem"] + match["suffix"]
            if self.digest(filename) is not None:
                return filename, self.digest(filename) == match["digest"]
        return requested, False


def register_static_files(app: Flask) -> None:
    """Fingerprinted static URLs with a long lifetime, and compressed responses."""
    app.config.setdefault("COMPRESS_MIMETYPES", COMPRESSED_TYPES)
    app.config.setdefault("COMPRESS_MIN_SIZE", 500)
    app.config.setdefault("COMPRESS_STREAMS", False)  # a streamed download stays as it is (and closes its file)
    compress.init_app(app)
    fingerprints = Fingerprints(app.static_folder)

    @app.url_defaults
    def fingerprint_static(endpoint, values):
        if endpoint == "static" and "filename" in values:
            values["filename"] = fingerprints.name(values["filename"])

    def static(filename):
        real, current = fingerprints.real(filename)
        response = send_from_directory(
            app.static_folder, real, max_age=YEAR if current else app.get_send_file_max_age(real)
        )
        if current:
            response.cache_control.public = True
            response.cache_control.immutable = True
        # read the (small) file now and close it, so it can be compressed as a whole
        response.direct_passthrough = False
        response.make_sequence()
        return response

    app.view_functions["static"] = static
