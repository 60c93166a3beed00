"""Files handed over for saving: reports and answer tables, all with one response shape."""

from __future__ import annotations

from django.http import HttpResponse

from . import exports

PDF = "application/pdf"
TABLE_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def table_download(rows: list[list[str]], name: str, kind: str) -> HttpResponse:
    """Answer rows as `<name>.csv` or `<name>.xlsx`, as `kind` asks."""
    content = exports.to_xlsx(rows) if kind == "xlsx" else exports.to_csv(rows)
    return download(content, TABLE_TYPES[kind], f"{name}.{kind}")
