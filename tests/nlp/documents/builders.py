"""Real Word documents built with python-docx for the document tests (no binary fixtures in the repo)."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.shared import Pt


def docx_bytes(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def rezip(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def build_sample() -> bytes:
    """Body paragraphs, a bold run split across a phone number, a table with a nested table, a tab and a
    line break, and a primary, first-page and even-page header and footer; a second section that links
    to the first section's header and footer."""
    document = docx.Document()
    document.settings.odd_and_even_pages_header_footer = True
    document.add_paragraph("密等及解密條件或保密期限：")
    phone = document.add_paragraph("聯絡電話09")
    bold = phone.add_run("12345")
    bold.bold = True
    phone.add_run("678，謝謝")
    styled = document.add_paragraph()
    important = styled.add_run("重要")
    important.bold = True
    important.font.size = Pt(16)
    styled.add_run("：分機\t123\n第二行")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "姓名"
    table.cell(0, 1).text = "電話"
    table.cell(1, 0).text = "王小明"
    table.cell(1, 1).text = "02-2960-3456"
    inner = table.cell(1, 0).add_table(rows=1, cols=2)
    inner.cell(0, 1).text = "巢狀儲存格"
    document.add_paragraph("結尾段落")
    section = document.sections[0]
    section.header.paragraphs[0].text = "頁首：限閱"
    section.footer.paragraphs[0].text = "頁尾：承辦人陳大文"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "首頁頁首"
    section.first_page_footer.paragraphs[0].text = "首頁頁尾"
    section.even_page_header.paragraphs[0].text = "偶數頁頁首"
    section.even_page_footer.paragraphs[0].text = "偶數頁頁尾"
    document.add_section()  # linked to previous: same headers and footers
    document.add_paragraph("第二節內文")
    return docx_bytes(document)
