"""Reading the generated files back as a user's program would: the PDF's text, the Word file's
paragraphs and tables, the Excel file's sheets."""

import io
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from openpyxl import load_workbook


def pdf_text(content: bytes) -> str:
    """The PDF's text (pdftotext from poppler-utils), whitespace collapsed."""
    assert content.startswith(b"%PDF-")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(content)
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
        ).stdout.decode("utf-8")
    return " ".join(text.split())


def pdf_pages(content: bytes) -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(content)
        info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True).stdout.decode()
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    return int(fields["Pages"]), fields["Page size"].strip()


def docx_parts(content: bytes) -> tuple[list[str], list[list[list[str]]]]:
    """(paragraph texts, tables as rows of cell texts)."""
    document = Document(io.BytesIO(content))
    paragraphs = [p.text for p in document.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return paragraphs, tables


def docx_headings(content: bytes) -> list[str]:
    document = Document(io.BytesIO(content))
    return [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]


def xlsx_sheets(content: bytes) -> dict[str, list[tuple]]:
    """Sheet name -> rows of values."""
    book = load_workbook(io.BytesIO(content))
    return {sheet.title: [tuple(c.value for c in row) for row in sheet.iter_rows()] for sheet in book.worksheets}


def xlsx_cells(content: bytes):
    """Every non-empty cell (openpyxl objects), to check types."""
    book = load_workbook(io.BytesIO(content))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]


def pdf_structure(content: bytes) -> tuple[dict, list[str]]:
    """(pdfinfo's fields, the tag tree one element per line, indented) as a screen reader gets it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(content)
        info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True).stdout.decode()
        tree = subprocess.run(["pdfinfo", "-struct", str(path)], check=True, capture_output=True).stdout.decode()
    fields = {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in info.splitlines() if ":" in line)}
    return fields, [line for line in tree.splitlines() if line.strip()]
