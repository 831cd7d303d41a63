"""Decks, workbooks and ODF files built by the tests (python-pptx, openpyxl, odfpy): no binary fixtures."""

from __future__ import annotations

import io

from odf.opendocument import OpenDocumentPresentation, OpenDocumentSpreadsheet, OpenDocumentText
from odf.table import Table as OdfTable
from odf.table import TableCell, TableRow
from odf.text import H, P, Span
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from pptx import Presentation
from pptx.util import Inches, Pt

ROSTER = [
    ["113年度弱勢家庭補助申請名冊"],
    ["序號", "姓名", "身分證字號", "手機", "地址", "金額"],
    ["1", "林美", "A123456789", "0912345678", "新北市板橋區中山路一段161號", "0223456789"],
    ["2", "陳志", "B223456788", "0922333444", "臺北市信義區市府路1號", 3500],
]


def pptx_bytes(*, marking_in: str = "", notes: str = "聯絡人陳志明，電話0912345678") -> bytes:
    """Slide 1: a title and a text box with a bold run; slide 2: a group with a text box and a table;
    speaker notes on slide 1. ``marking_in`` puts 「限閱」 in the "title" or the "notes"."""
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "114年度工作計畫" + ("（限閱）" if marking_in == "title" else "")
    box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(6), Inches(1))
    paragraph = box.text_frame.paragraphs[0]
    paragraph.add_run().text = "承辦人王小明，手機09"
    bold = paragraph.add_run()
    bold.text = "12345678"
    bold.font.bold = True
    bold.font.size = Pt(20)
    slide.notes_slide.notes_text_frame.text = notes + ("（限閱）" if marking_in == "notes" else "")
    second = deck.slides.add_slide(deck.slide_layouts[6])
    group = second.shapes.add_group_shape()
    inner = group.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(1))
    inner.text_frame.text = "群組內：身分證A123456789"
    table = second.shapes.add_table(2, 2, Inches(1), Inches(3), Inches(6), Inches(1)).table
    table.cell(0, 0).text, table.cell(0, 1).text = "姓名", "電話"
    table.cell(1, 0).text, table.cell(1, 1).text = "林美", "02-2960-3456"
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def xlsx_bytes(*, sheet_name: str = "名冊", title_marking: bool = False) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_name
    for row in ROSTER:
        sheet.append(row)
    if title_marking:
        sheet["A1"] = "密等及解密條件或保密期限：密"
    sheet["B3"].font = Font(bold=True, color="FF0000")
    sheet["F2"].comment = Comment("金額單位：元", "承辦")
    other = workbook.create_sheet("說明")
    other.append(["本表僅供內部統計"])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_bytes(encoding: str = "utf-8-sig", delimiter: str = ",") -> bytes:
    lines = [delimiter.join(str(cell) for cell in row) for row in ROSTER[1:]]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def odt_bytes() -> bytes:
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="會議紀錄"))
    paragraph = P(text="承辦人王小明，電話")
    paragraph.addElement(Span(text="0912345678"))
    paragraph.addText("，謝謝")
    document.text.addElement(paragraph)
    table = OdfTable(name="名單")
    for cells in (["姓名", "身分證字號"], ["林美", "A123456789"]):
        row = TableRow()
        for value in cells:
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.text.addElement(table)
    return _save(document)


def ods_bytes(*, sheet_name: str = "名冊") -> bytes:
    document = OpenDocumentSpreadsheet()
    table = OdfTable(name=sheet_name)
    for values in ROSTER:
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)
    table.addElement(TableRow(numberrowsrepeated=1048000))  # the empty rows every sheet ends with
    document.spreadsheet.addElement(table)
    return _save(document)


def odp_bytes(*, marking: bool = False) -> bytes:
    from odf.draw import Frame, Page, TextBox
    from odf.presentation import Notes
    from odf.style import MasterPage, PageLayout

    document = OpenDocumentPresentation()
    layout = PageLayout(name="layout")
    document.automaticstyles.addElement(layout)
    master = MasterPage(name="master", pagelayoutname=layout)
    document.masterstyles.addElement(master)
    page = Page(masterpagename=master, name="第一頁")
    frame = Frame(name="標題", width="20cm", height="3cm", x="1cm", y="1cm")
    box = TextBox()
    box.addElement(P(text="簡報標題" + ("（限閱）" if marking else "")))
    box.addElement(P(text="聯絡人王小明 0912345678"))
    frame.addElement(box)
    page.addElement(frame)
    notes = Notes()
    notes_frame = Frame(name="備忘稿", width="20cm", height="3cm", x="1cm", y="1cm")
    notes_box = TextBox()
    notes_box.addElement(P(text="講者備忘：身分證A123456789"))
    notes_frame.addElement(notes_box)
    notes.addElement(notes_frame)
    page.addElement(notes)
    document.presentation.addElement(page)
    return _save(document)
