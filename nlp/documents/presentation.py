"""PowerPoint presentations (.pptx): text with slide and shape locations, in-place redaction, the AI notice.

Read with python-pptx after :func:`nlp.documents.archive.check_archive` has passed the file. The text, in
reading order, is slide by slide: every shape's paragraphs (placeholders and titles, text boxes, shapes
inside groups at any depth, table cells row by row), then the slide's speaker notes; one paragraph per line,
a line break inside a paragraph as ``\\v`` (as PowerPoint's own API gives it). Each paragraph's location:
``{"slide": 1, "shape": "Title 1", "shape_id": 2, "paragraph": 0}`` (slides count from 1, as PowerPoint
numbers them), a table cell adds ``"row"`` and ``"cell"``, speaker notes are ``{"slide": 1, "part":
"notes", "paragraph": 0}``.

Redaction rewrites only the characters of the spans inside the runs they touch (run formatting kept) and
saves with python-pptx, which writes back the same XML for everything it did not change.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any, Unpack

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.exc import PackageNotFoundError
from pptx.util import Emu, Pt

from nlp.documents.archive import Document, Limits, file_bytes, opened
from nlp.documents.docx import (
    PROP_AI_ASSISTED,
    PROP_NOTICE_INSERTED,
    DocxText,
    _custom_properties_part,
    _Package,
    _parse_custom_properties,
    _set_custom_properties,
)
from nlp.documents.errors import DocumentError
from nlp.documents.located import Paragraph, join, rewrite

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
A_R, A_T, A_BR, A_FLD = (f"{{{A}}}{tag}" for tag in ("r", "t", "br", "fld"))
NOTICE_PLACEMENTS = ("first_slide", "notes")


def _set_text(element: etree._Element, text: str) -> None:
    element.text = text


def _atoms(paragraph: etree._Element) -> list[tuple[etree._Element, str, bool]]:
    atoms = []
    for child in paragraph:
        if child.tag in (A_R, A_FLD):
            text_element = child.find(A_T)
            if text_element is not None:
                atoms.append((text_element, text_element.text or "", True))
        elif child.tag == A_BR:
            atoms.append((child, "\v", False))
    return atoms


def _text_frame_paragraphs(text_frame: Any, location: dict[str, Any]) -> Iterator[Paragraph]:
    for index, paragraph in enumerate(text_frame.paragraphs):
        element = paragraph._p
        yield Paragraph(element, {**location, "paragraph": index}, _atoms(element), _set_text)


def _shape_paragraphs(shapes: Any, slide_number: int) -> Iterator[Paragraph]:
    for shape in shapes:
        base = {"slide": slide_number, "shape": shape.name, "shape_id": shape.shape_id}
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _shape_paragraphs(shape.shapes, slide_number)
        elif getattr(shape, "has_table", False) and shape.has_table:
            for row_index, row in enumerate(shape.table.rows):
                for cell_index, cell in enumerate(row.cells):
                    yield from _text_frame_paragraphs(cell.text_frame, {**base, "row": row_index, "cell": cell_index})
        elif shape.has_text_frame:
            yield from _text_frame_paragraphs(shape.text_frame, base)


def _walk(presentation: Any) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    for number, slide in enumerate(presentation.slides, 1):
        paragraphs.extend(_shape_paragraphs(slide.shapes, number))
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
            paragraphs.extend(_text_frame_paragraphs(slide.notes_slide.notes_text_frame,
                                                     {"slide": number, "part": "notes"}))
    return paragraphs


def _open(data: Document, limits: Limits) -> Any:
    archive = opened(data, "pptx", limits)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return Presentation(io.BytesIO(archive.data))
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as error:
        raise DocumentError("corrupt", detail=f"pptx: {type(error).__name__}") from None


def _save(presentation: Any) -> bytes:
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


def read_pptx(data: Document, **limits: Unpack[Limits]) -> DocxText:
    """The text of a .pptx (slides, shapes, tables, notes) with each paragraph's location."""
    return join(_walk(_open(data, limits)))


def redact_pptx(data: Document, replacements: list[tuple[int, int, str]] | tuple, **limits: Unpack[Limits]) -> bytes:
    """Rewrite only the characters of the spans (offsets into ``read_pptx(data).text``), run formatting kept."""
    presentation = _open(data, limits)
    paragraphs = _walk(presentation)
    text = join(paragraphs).text
    if not rewrite(paragraphs, len(text), replacements):
        return file_bytes(data)
    return _save(presentation)


def insert_notice_pptx(data: Document, notice: str, placement: str = "first_slide", *,
                       now: datetime | None = None, **limits: Unpack[Limits]) -> bytes:
    """The presentation with the AI notice once — a text box across the top of the first slide, or a
    paragraph at the end of every slide's speaker notes — and the custom property ``AIAssisted`` set.

    When the notice's wording is already in the deck it is not added again (only the property is set).
    """
    if placement not in NOTICE_PLACEMENTS:
        raise ValueError(f"placement must be one of {NOTICE_PLACEMENTS}, not {placement!r}")
    if not notice.strip():
        raise ValueError("the notice is empty")
    presentation = _open(data, limits)
    present = notice in join(_walk(presentation)).text
    if not present and len(presentation.slides):
        if placement == "first_slide":
            margin = Emu(int(presentation.slide_width * 0.04))
            box = presentation.slides[0].shapes.add_textbox(
                margin, margin, presentation.slide_width - 2 * margin, Pt(40))
            box.name = "AIGuard notice"
            box.text_frame.word_wrap = True
            box.text_frame.text = notice
            for paragraph in box.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(12)
                    run.font.italic = True
        else:
            for slide in presentation.slides:
                notes = slide.notes_slide.notes_text_frame
                if notes is None:
                    continue
                if notes.text.strip():
                    notes.add_paragraph().text = notice
                else:
                    notes.text = notice
    changed = file_bytes(data) if present else _save(presentation)
    package = _Package(changed)
    part = _custom_properties_part(package)
    if part and _parse_custom_properties(package.xml(part)).get(PROP_AI_ASSISTED) is True and present:
        return file_bytes(data)
    values = {PROP_AI_ASSISTED: ("bool", "true")}
    if not present:
        moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
        values[PROP_NOTICE_INSERTED] = ("lpwstr", moment.isoformat().replace("+00:00", "Z"))
    _set_custom_properties(package, values)
    return package.to_bytes()
