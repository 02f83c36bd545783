"""How long reading, checking and importing a data-uitvraag upload takes at the row limit.

Run: python -m bench.programme_uploads [rows] [--memory]   (default 50,000 rows, the upload limit)
Prints one table row per step: wall-clock and CPU seconds; with --memory also the peak of Python
allocations (tracemalloc, which itself slows the run down several times).
"""

import io
import os
import sys
import tempfile
import time
import tracemalloc

from openpyxl import Workbook

os.environ.setdefault("SURVEY_JOBS_URL", "immediate")

GEMEENTEN = ["Schiedam", "Vlaardingen", "Maassluis", "Ridderkerk", "Lansingerland"]


def rows(count: int):
    for i in range(count):
        year, quarter = 2000 + i // 20_000, 1 + (i // 5) % 4
        yield ["Jeugdigen per gemeente", f"{year}-K{quarter}", GEMEENTEN[i % 5], f"{i % 97},5", "", f"KIND-{i:07d}"]


def csv_file(count: int) -> bytes:
    lines = ["indicator;periode;gemeente;waarde;opmerking;kindnummer"]
    lines += [";".join(r) for r in rows(count)]
    return "\n".join(lines).encode("cp1252")


def xlsx_file(count: int) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Gegevens")
    sheet.append(["indicator", "periode", "gemeente", "waarde", "opmerking", "kindnummer"])
    for row in rows(count):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


MEMORY = "--memory" in sys.argv


def measure(label: str, function):
    if MEMORY:
        tracemalloc.start()
    start, cpu = time.perf_counter(), time.process_time()
    result = function()
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    peak = f"{tracemalloc.get_traced_memory()[1] / 1e6:8.1f}" if MEMORY else "–"
    tracemalloc.stop()
    print(f"| {label} | {seconds:.2f} | {cpu_seconds:.2f} | {peak} |")
    return result


def main(count: int) -> None:
    from analysis.files.uploads import IndicatorSpec, UploadSpec, read_upload

    spec = UploadSpec(
        (IndicatorSpec(1, "Jeugdigen per gemeente", "quarter", True),), tuple(GEMEENTEN), "kindnummer", max_rows=count
    )
    print(f"{count:,} rows\n\n| step | wall s | CPU s | peak MB |\n|---|---|---|---|")
    data_csv = measure("build CSV (cp1252, semicolons)", lambda: csv_file(count))
    data_xlsx = measure("build XLSX (openpyxl write_only)", lambda: xlsx_file(count))
    print(f"| file sizes: CSV {len(data_csv) / 1e6:.1f} MB, XLSX {len(data_xlsx) / 1e6:.1f} MB | | | |")
    for label, data, name in (("read + check CSV", data_csv, "x.csv"), ("read + check XLSX", data_xlsx, "x.xlsx")):
        result = measure(label, lambda d=data, n=name: read_upload(d, n, spec))
        assert result.ok, result.problems[:3]
    _import(data_xlsx, count)


def _import(data: bytes, count: int) -> None:
    """Through the service (default limit: 50,000 rows): hash pseudonyms, look for clashes, insert."""
    from survey import create_app
    from survey.accounts.models import Region
    from survey.database import Base
    from survey.extensions import db
    from survey.programmes.models import Programme
    from survey.programmes.monitor import measurements
    from survey.programmes.monitor.indicators import Aggregation, IndicatorSet, PeriodType

    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite3", "SECRET_KEY": "x"})
        with app.app_context():
            Base.metadata.create_all(db.engine)
            region = Region(slug="bench", name="Bench")
            programme = Programme(
                region=region, name="P", start_year=2000, end_year=2003, gemeenten=GEMEENTEN, report_months=[]
            )
            indicator_set = IndicatorSet(programme=programme, name="S", pseudonym_column="kindnummer")
            db.session.add_all([region, programme, indicator_set])
            db.session.flush()
            measurements.create_indicator(
                indicator_set,
                name="Jeugdigen per gemeente",
                unit="",
                period_type=PeriodType.QUARTER,
                per_gemeente=True,
                aggregation=Aggregation.DISTINCT,
            )
            db.session.commit()
            result, upload = measure(
                "import XLSX into SQLite (hash, clash check, insert)",
                lambda: measurements.import_upload(indicator_set, data, "x.xlsx", "Aanbieder", None),
            )
            db.session.commit()
            assert upload is not None and upload.row_count == count, result.problems[:3]
            db.engine.dispose()


if __name__ == "__main__":
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    main(int(numbers[0]) if numbers else 50_000)
