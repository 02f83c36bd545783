"""Every upload passes the one guarded reader (``analysis.files.guard``) before a parser sees it.

- No importer can forget it: every file field in ``forms/`` is a ``GuardedFileField`` and no view reads
  an uploaded stream itself.
- Zip bombs, XML with a DTD or entities (billion laughs), broken XML and deeply nested JSON are refused
  with a Dutch message on every importer, and the process that handled the request (a subprocess per
  upload, its own peak resident memory from ``bench.memory.peak_mb``) stays under 500 MB.
"""

import importlib
import inspect
import io
import json
import pkgutil
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from flask_wtf.file import FileField
from wtforms.fields.core import UnboundField

import forms
from analysis.files.guard import Limits, UnusableFile, check_upload
from forms.uploads import GuardedFileField
from survey.accounts.models import Role

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("upload_worker.py")
MAX_RSS_MB = 500


def form_classes():
    for module_info in pkgutil.iter_modules(forms.__path__):
        module = importlib.import_module(f"forms.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__:
                yield cls


def test_every_file_field_of_every_form_is_guarded():
    file_fields = []
    for cls in form_classes():
        for name, value in vars(cls).items():
            if isinstance(value, UnboundField) and issubclass(value.field_class, FileField):
                file_fields.append(f"{cls.__name__}.{name}")
                assert issubclass(value.field_class, GuardedFileField), f"{cls.__name__}.{name} is not guarded"
    assert len(file_fields) >= 5, file_fields  # contacts, indicators, codebook, questionnaire, logo


def test_no_view_reads_an_uploaded_stream_itself():
    """Views take ``form.<field>.content`` (checked bytes); reading ``request.files`` or the stream skips the guard."""
    offenders = []
    for path in (ROOT / "survey").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for pattern in (r"request\.files", r"\.data\.read\(", r"\.data\.stream", r"upload\.read\("):
            if re.search(pattern, source):
                offenders.append(f"{path.relative_to(ROOT)}: {pattern}")
    assert offenders == []


# the files -----------------------------------------------------------------------------------------------


def zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def workbook_with(sheet: bytes) -> bytes:
    return zipped(
        {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": sheet}
    )


def zip_bomb(megabytes: int = 1024) -> bytes:
    """A workbook whose sheet unpacks to ``megabytes`` MB of spaces (about 1 MB on disk for 1 GB)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            chunk = b" " * (1024 * 1024)
            for _ in range(megabytes):
                sheet.write(chunk)
    return out.getvalue()


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10) for n in range(1, 10))
    + b']><worksheet><sheetData><row><c t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
)
BROKEN = b"<worksheet><sheetData><row><c><v>1</v></row></worksheet>"
DEEP_XML = (
    b"<worksheet>"
    + b"".join(b"<e%d>" % n for n in range(500))
    + b"".join(b"</e%d>" % n for n in range(499, -1, -1))
    + b"</worksheet>"
)
DEEP_JSON = b"[" * 1_000_000 + b"]" * 1_000_000

#: (name of the file, its bytes, the Dutch message it must get)
ATTACKS = {
    "zip bomb": ("bom.xlsx", "uitgepakt te groot"),
    "billion laughs": ("lach.xlsx", "DTD of entiteiten"),
    "broken xml": ("kapot.xlsx", "beschadigd"),
    "deep xml": ("diep.xlsx", "te diep genest"),
    "deep json": ("diep.json", "te diep genest"),
}


def attack_file(kind: str) -> bytes:
    return {
        "zip bomb": zip_bomb,
        "billion laughs": lambda: workbook_with(LAUGHS),
        "broken xml": lambda: workbook_with(BROKEN),
        "deep xml": lambda: workbook_with(DEEP_XML),
        "deep json": lambda: DEEP_JSON,
    }[kind]()


@pytest.mark.parametrize("kind", sorted(ATTACKS))
def test_the_guard_refuses_each_attack_before_parsing(kind, monkeypatch):
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: pytest.fail("openpyxl opened an attack"))
    with pytest.raises(UnusableFile) as refused:
        check_upload(attack_file(kind), ATTACKS[kind][0], Limits())
    assert refused.value.kind in ("too_large", "forbidden_xml", "damaged", "nested")


def test_a_real_workbook_and_real_json_pass_the_guard():
    from openpyxl import Workbook

    book = Workbook()
    for n in range(2000):
        book.active.append([f"ouder{n}@example.nl", "Rotterdam", "ambulant", n])
    out = io.BytesIO()
    book.save(out)
    check_upload(out.getvalue(), "genodigden.xlsx", Limits())
    check_upload(
        json.dumps({"themes": [{"key": f"T{n}", "seeds": ["a", "b"]} for n in range(200)]}).encode(),
        "codeboek.json",
        Limits(),
    )


# every importer, in a process of its own -----------------------------------------------------------------


@pytest.fixture
def importers(db, region, make_user):
    from tests.survey.programmes.factories import make_indicator_set
    from tests.survey.responses.documents import create_survey

    survey = create_survey(db, region, public_key="bom")
    indicator_set = make_indicator_set(region)
    user = make_user(region, Role.BEHEERDER)
    db.session.commit()
    base = "/beheer/rijnmond"
    urls = {
        "contacts": f"{base}/vragenlijsten/{survey.id}/veldwerk/genodigden/importeren",
        "indicators": f"{base}/programma/uitvraag/{indicator_set.id}/uploaden",
        "codebook": f"{base}/coderen/codeboeken/importeren",
        "questionnaire (new)": f"{base}/vragenlijsten/importeren",
        "questionnaire (into draft)": f"{base}/vragenlijsten/{survey.id}/importeren",
    }
    return user.session_token, urls


def run_uploads(app, token, urls: list[str], files: list[tuple[Path, str]]) -> list[dict]:
    """Every file posted to every address in one process of its own: one JSON result per upload."""
    database = app.config["SQLALCHEMY_DATABASE_URI"]
    arguments = [str(part) for path, name in files for part in (path, name)]
    done = subprocess.run(
        [sys.executable, str(WORKER), database, token, json.dumps(urls), *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return [json.loads(line) for line in done.stdout.strip().splitlines() if line.startswith("{")]


@pytest.mark.slow
def test_every_importer_refuses_every_attack_in_dutch_and_stays_under_500_mb(app, importers, tmp_path):
    """One process gets every attack at every importer, as one gunicorn worker could; its peak memory after
    each importer's last attack bounds that importer and all before it (one process per importer took a
    start-up of the app each, a quarter of this test's time)."""
    token, urls = importers
    files = []
    for kind, (name, _) in sorted(ATTACKS.items()):
        (tmp_path / name).write_bytes(attack_file(kind))
        files.append((tmp_path / name, name))
    results = run_uploads(app, token, list(urls.values()), files)
    assert len(results) == len(urls) * len(files)
    for number, (importer, url) in enumerate(urls.items()):
        own = results[number * len(files) : (number + 1) * len(files)]
        for (kind, (name, message)), result in zip(sorted(ATTACKS.items()), own, strict=True):
            assert result["url"] == url
            assert result["status"] == 200, (importer, kind, result["status"], result["text"][:500])
            if importer == "indicators" and name.endswith(".json"):
                message = "Excelbestand"  # the indicator form refuses a .json file by its name, before the guard
            assert message in result["text"], (importer, kind, result["text"][-1500:])
        peak = own[-1]["peak_rss_mb"]
        print(f"{importer:27} peak RSS {peak} MB after {len(files)} attacks (before any {own[0]['rss_before_mb']} MB)")
        assert peak < MAX_RSS_MB, (importer, peak)
