"""Word documents (.docx): safety checks, text with locations, the AI notice, and in-place redaction.

A .docx is a zip of XML parts. We read it with :mod:`zipfile` and :mod:`lxml` directly rather than
through python-docx's object model, for three reasons: the safety checks must run before any XML is
parsed; a modified document must keep every part we did not touch byte for byte (python-docx would
re-serialise them all); and reading and redacting must walk the XML in exactly the same order, so that
an offset found in :attr:`DocxText.text` points at the same characters when we rewrite them.

The text, in reading order, is::

    section by section, the headers (primary, first page, even pages)
    then the body's paragraphs and table cells (each cell's paragraphs, nested tables inside them)
    then, section by section, the footers

one paragraph per line, joined with "\\n"; a table row is one line whose cells are separated by "\\t" (a
cell of several paragraphs keeps its line breaks), and a text box's paragraphs follow the paragraph that
anchors it. A header or footer part that several sections share (the "link to previous" case) is read
once. Each paragraph is a :class:`Segment` whose location says where it lives:
``{"part": "body", "paragraph": 3}``, ``{"part": "table", "table": 0, "row": 1, "cell": 2, "paragraph": 0}``
(a nested table adds ``"nested": [{"table", "row", "cell"}, ...]``),
``{"part": "header", "section": 0, "kind": "primary", "paragraph": 0}``, and likewise ``"footer"``
(tables inside a header or footer add ``table``/``row``/``cell`` to that location), and
``{"part": "textbox", "textbox": 0, "anchor": {…the anchoring paragraph's location…}, "paragraph": 0}``.
``paragraph`` counts paragraphs in their container (the body, a cell, a header), outside tables.

Not read: footnotes, endnotes, comments, deleted text of tracked changes, the VML fallback copy of a text box.
"""

from __future__ import annotations

import bisect
import io
import posixpath
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Unpack

from lxml import etree

from nlp.documents.archive import CheckedArchive, Document, Limits, file_bytes, open_archive, opened
from nlp.documents.errors import DocumentError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
CUSTOM_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
XML_NS = "http://www.w3.org/XML/1998/namespace"

REL_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
REL_CUSTOM_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CT_CUSTOM_PROPS = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_PROPS_PART = "docProps/custom.xml"
# The format id every custom (user-defined) property carries.
CUSTOM_PROPS_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"

PROP_AI_ASSISTED = "AIAssisted"
PROP_NOTICE_INSERTED = "AIAssistedNoticeInserted"

DEFAULT_MAIN_PART = "word/document.xml"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, R_RUN, T = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("r"), _w("t")
SDT, SDT_CONTENT, CUSTOM_XML = _w("sdt"), _w("sdtContent"), _w("customXml")
SECT_PR, BODY = _w("sectPr"), _w("body")
TXBX_CONTENT = _w("txbxContent")
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

# Inside a paragraph: elements whose content is not part of the visible text (or is read elsewhere).
_SKIP_IN_PARAGRAPH = frozenset(
    _w(tag) for tag in ("pPr", "rPr", "del", "moveFrom", "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr")
) | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}
# Inside a run: what each child contributes to the text. w:t is the only editable one.
_RUN_CHARACTERS = {_w("tab"): "\t", _w("br"): "\n", _w("cr"): "\n", _w("noBreakHyphen"): "-"}
# Containers that are transparent at block, row and cell level (content controls, custom XML).
_WRAPPERS = frozenset({SDT, CUSTOM_XML})

# OOXML's header/footer types by Word's HeaderFooterType names, in reading order (as addin/lib/word-document.js).
_HEADER_KINDS = {"default": "primary", "first": "firstPage", "even": "evenPages"}

# Safe parsing: no DTD, no entities, no network (check_docx has already refused DOCTYPE/ENTITY).
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          remove_blank_text=False)


# --------------------------------------------------------------------------------------------------
# Safety checks


def check_docx(data: bytes, *, max_uncompressed: int = 50_000_000, max_entries: int = 2000,
               max_ratio: int = 200) -> CheckedArchive:
    """Refuse anything that is not a safe, readable .docx (:class:`DocumentError` with the reason); return it
    checked, to hand to :func:`read_docx`, :func:`redact_docx` and :func:`insert_notice_docx` in place of the
    bytes, so that one request checks and decompresses the package once, under the caller's limits.

    :func:`nlp.documents.archive.check_archive` does the checks every zip-based office file gets (legacy and
    encrypted files, zip bombs, DOCTYPE and ENTITY declarations, macros); then the main document part named
    by the package relationships must exist.
    """
    checked = open_archive(data, "docx", max_uncompressed=max_uncompressed, max_entries=max_entries,
                           max_ratio=max_ratio, main_part="")
    if _main_part_of(checked.entries) not in checked.entries:
        raise DocumentError("not_docx", detail="no main document part")
    return checked


def _checked_docx(data: Document, limits: Limits) -> CheckedArchive:
    """``data`` checked by :func:`check_docx` under ``limits``, or handed on when it already was."""
    if isinstance(data, CheckedArchive):
        return opened(data, "docx", limits)  # refuses an archive checked as another kind
    return check_docx(data, **limits)


# --------------------------------------------------------------------------------------------------
# Package access


def _main_part_of(entries: dict[str, bytes]) -> str:
    """The main document part, from the package relationships (word/document.xml by default)."""
    if "_rels/.rels" not in entries:
        return DEFAULT_MAIN_PART
    try:
        rels = etree.fromstring(entries["_rels/.rels"], _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return DEFAULT_MAIN_PART
    for rel in rels.iter(f"{{{PKG_RELS}}}Relationship"):
        if rel.get("Type") in REL_OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
            return _resolve_target("", rel.get("Target", ""))
    return DEFAULT_MAIN_PART


def _resolve_target(source_dir: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(source_dir, target))


def _rels_name(part_name: str) -> str:
    directory, base = posixpath.split(part_name)
    return posixpath.join(directory, "_rels", base + ".rels")


class _Package:
    """The zip's entries, parsed lazily; remembers which XML parts were changed. Built from a checked archive,
    it decompresses nothing again."""

    def __init__(self, data: bytes | CheckedArchive) -> None:
        if isinstance(data, CheckedArchive):
            self.data, self.infos, self.raw = data.data, list(data.infos), dict(data.entries)
        else:
            self.data = data
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                self.infos = archive.infolist()
                self.raw = {info.filename: archive.read(info) for info in self.infos}
        self.main = _main_part_of(self.raw)
        self.trees: dict[str, etree._Element] = {}
        self.changed: set[str] = set()
        self.added: dict[str, bytes] = {}

    def xml(self, name: str) -> etree._Element:
        if name not in self.trees:
            try:
                self.trees[name] = etree.fromstring(self.raw[name], _PARSER)
            except etree.XMLSyntaxError as error:
                raise DocumentError("corrupt", detail=f"{name}: {error}") from None
        return self.trees[name]

    def relationships(self, part_name: str) -> dict[str, str]:
        """rId -> part name of the internal relationships of ``part_name``."""
        rels_name = _rels_name(part_name)
        if rels_name not in self.raw:
            return {}
        source_dir = posixpath.dirname(part_name)
        return {
            rel.get("Id", ""): _resolve_target(source_dir, rel.get("Target", ""))
            for rel in self.xml(rels_name).iter(f"{{{PKG_RELS}}}Relationship")
            if rel.get("TargetMode") != "External"
        }

    def to_bytes(self) -> bytes:
        """The package with changed parts re-serialised and everything else copied as it was."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            for info in self.infos:
                content = self.raw[info.filename]
                if info.filename in self.changed:
                    content = _serialise(self.trees[info.filename])
                copy = zipfile.ZipInfo(info.filename, info.date_time)
                copy.compress_type = info.compress_type
                copy.external_attr = info.external_attr
                copy.create_system = info.create_system
                archive.writestr(copy, content)
            for name, content in self.added.items():
                info = zipfile.ZipInfo(name, datetime.now(timezone.utc).timetuple()[:6])
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, content)
        return out.getvalue()


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --------------------------------------------------------------------------------------------------
# Reading: one walk shared by read_docx and redact_docx


@dataclass(frozen=True)
class Segment:
    """One paragraph of :attr:`DocxText.text`: ``text[start:end]``, and where it lives in the document."""

    start: int
    end: int
    location: dict[str, Any]


@dataclass(frozen=True)
class DocxText:
    """The text of a .docx in reading order, and the paragraph each character comes from."""

    text: str
    segments: tuple[Segment, ...]
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def locate(self, start: int, end: int) -> dict[str, Any]:
        """Where ``text[start:end]`` is: the location of the paragraph holding ``start``.

        A span that runs into later paragraphs also gets ``"to"``: the location of the last one.
        """
        if not self.segments:
            return {}
        starts = self._starts or tuple(segment.start for segment in self.segments)
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        last = max(bisect.bisect_right(starts, max(end - 1, start)) - 1, first)
        location = dict(self.segments[first].location)
        if last != first:
            location["to"] = dict(self.segments[last].location)
        return location


@dataclass
class _Paragraph:
    part: str
    element: etree._Element
    start: int
    end: int
    location: dict[str, Any]


def _paragraph_atoms(paragraph: etree._Element) -> list[tuple[etree._Element, str]]:
    """The paragraph's visible characters as (element, text) pairs, in order; w:t elements are editable."""
    atoms: list[tuple[etree._Element, str]] = []

    def visit(element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP_IN_PARAGRAPH:
                continue
            if tag == R_RUN:
                for piece in child:
                    if piece.tag == T:
                        atoms.append((piece, piece.text or ""))
                    elif piece.tag in _RUN_CHARACTERS:
                        atoms.append((piece, _RUN_CHARACTERS[piece.tag]))
            elif tag != P:  # hyperlinks, insertions, fields, inline content controls, smart tags…
                visit(child)

    visit(paragraph)
    return atoms


def _paragraph_text(paragraph: etree._Element) -> str:
    return "".join(text for _, text in _paragraph_atoms(paragraph))


def _unwrap(container: etree._Element) -> Iterator[etree._Element]:
    """Children of a container, looking through content controls and custom XML wrappers."""
    for child in container:
        if child.tag in _WRAPPERS:
            content = child.find(SDT_CONTENT) if child.tag == SDT else child
            if content is not None:
                yield from _unwrap(content)
        else:
            yield child


def _block_location(base: dict[str, Any], cells: list[dict[str, int]]) -> dict[str, Any]:
    location = dict(base)
    if cells:
        if location["part"] == "body":
            location["part"] = "table"
        location.update(cells[0])
        if len(cells) > 1:
            location["nested"] = [dict(cell) for cell in cells[1:]]
    return location


def _walk_blocks(container: etree._Element, base: dict[str, Any],
                 cells: list[dict[str, int]]) -> Iterator[tuple[etree._Element, dict[str, Any], str]]:
    """(paragraph, location, what follows it) for every paragraph of a block container, in order.

    Tables are read row by row: the last paragraph of a cell is followed by a tab when another cell of
    the row comes after it, so a row reads as one line of cells (「密等\t機密」), as Word hands it over.
    Text boxes anchored in a paragraph (where stamps and 密等 boxes often sit) follow that paragraph.
    """
    paragraph_index = table_index = 0
    for child in _unwrap(container):
        if child.tag == P:
            location = {**_block_location(base, cells), "paragraph": paragraph_index}
            yield child, location, "\n"
            paragraph_index += 1
            for box_index, box in enumerate(_text_boxes(child)):
                yield from _walk_blocks(box, {"part": "textbox", "textbox": box_index, "anchor": location}, [])
        elif child.tag == TBL:
            rows = [row for row in _unwrap(child) if row.tag == TR]
            for row_index, row in enumerate(rows):
                row_cells = [cell for cell in _unwrap(row) if cell.tag == TC]
                for cell_index, cell in enumerate(row_cells):
                    path = cells + [{"table": table_index, "row": row_index, "cell": cell_index}]
                    blocks = list(_walk_blocks(cell, base, path))
                    if blocks and cell_index < len(row_cells) - 1:
                        paragraph, location, _ = blocks[-1]
                        blocks[-1] = (paragraph, location, "\t")
                    yield from blocks
            table_index += 1


def _text_boxes(paragraph: etree._Element) -> list[etree._Element]:
    """The text boxes anchored in a paragraph (DrawingML or VML), each once, not those nested in others."""
    boxes = []
    for box in paragraph.iter(TXBX_CONTENT):
        ancestor = box.getparent()
        while ancestor is not None and ancestor is not paragraph:
            if ancestor.tag in (MC_FALLBACK, TXBX_CONTENT):
                break  # the VML copy of a DrawingML box, or a box inside another box (read with it)
            ancestor = ancestor.getparent()
        else:
            boxes.append(box)
    return boxes


def _body(package: _Package) -> etree._Element:
    """The main part's w:body (a document without one is corrupt)."""
    body = package.xml(package.main).find(BODY)
    if body is None:
        raise DocumentError("corrupt", detail="document has no body")
    return body


def _section_properties(body: etree._Element) -> list[etree._Element]:
    """Every section's w:sectPr in document order (ends of sections in paragraphs, then the body's last)."""
    sections = []
    for sect_pr in body.iter(SECT_PR):
        parent = sect_pr.getparent()
        grandparent = parent.getparent() if parent is not None else None
        if parent is body or (parent is not None and parent.tag == _w("pPr")
                              and grandparent is not None and grandparent.tag == P):
            sections.append(sect_pr)
    return sections


def _walk_document(package: _Package) -> Iterator[tuple[str, etree._Element, dict[str, Any], str]]:
    """(part name, paragraph, location, what follows): every section's headers, the body, every section's footers.

    The order and the kind names are the add-in's (addin/lib/word-document.js), so a document reads the same
    from the pane, the document-open check, the CLI and ``POST /api/v1/documents``.
    """
    body = _body(package)
    targets = package.relationships(package.main)
    sections = _section_properties(body)
    seen: set[str] = set()

    def parts(reference_tag: str, part_kind: str) -> Iterator[tuple[str, etree._Element, dict[str, Any], str]]:
        for section_index, sect_pr in enumerate(sections):
            references = {ref.get(_w("type"), "default"): ref.get(f"{{{R}}}id")
                          for ref in sect_pr.findall(_w(reference_tag))}
            for word_kind, kind in _HEADER_KINDS.items():
                part_name = targets.get(references.get(word_kind) or "")
                if not part_name or part_name in seen or part_name not in package.raw:
                    continue
                seen.add(part_name)
                base = {"part": part_kind, "section": section_index, "kind": kind}
                for paragraph, location, follows in _walk_blocks(package.xml(part_name), base, []):
                    yield part_name, paragraph, location, follows

    yield from parts("headerReference", "header")
    for paragraph, location, follows in _walk_blocks(body, {"part": "body"}, []):
        yield package.main, paragraph, location, follows
    yield from parts("footerReference", "footer")


def _layout(package: _Package) -> tuple[str, list[_Paragraph]]:
    pieces: list[str] = []
    paragraphs: list[_Paragraph] = []
    offset = 0
    for part_name, element, location, follows in _walk_document(package):
        text = _paragraph_text(element)
        paragraphs.append(_Paragraph(part_name, element, offset, offset + len(text), location))
        pieces.extend((text, follows))
        offset += len(text) + 1
    return "".join(pieces[:-1]), paragraphs


def read_docx(data: Document, **limits: Unpack[Limits]) -> DocxText:
    """The text of a .docx (body, tables, headers, footers) with each paragraph's location.

    ``limits`` (max_uncompressed, max_entries, max_ratio) go to :func:`check_docx`, which runs first — unless
    ``data`` is what :func:`check_docx` returned.
    """
    text, paragraphs = _layout(_Package(_checked_docx(data, limits)))
    segments = tuple(Segment(p.start, p.end, p.location) for p in paragraphs)
    return DocxText(text, segments, tuple(segment.start for segment in segments))


# --------------------------------------------------------------------------------------------------
# Redaction


def _set_text(element: etree._Element, text: str) -> None:
    element.text = text
    element.set(f"{{{XML_NS}}}space", "preserve")


def _edit_paragraph(paragraph: etree._Element, start: int, end: int, replacement: str) -> None:
    """Replace paragraph characters [start, end) by ``replacement``, inside the first run they touch."""
    atoms = []
    offset = 0
    for element, text in _paragraph_atoms(paragraph):
        atoms.append((element, text, offset, offset + len(text)))
        offset += len(text)
    if start == end:  # a pure insertion: the atom holding ``start``, else the one ending there
        touched = [a for a in atoms if a[2] <= start < a[3]] or [a for a in atoms if a[3] == start][-1:]
    else:
        touched = [a for a in atoms if a[2] < end and a[3] > start]
    if not touched:
        if replacement:
            run = etree.SubElement(paragraph, R_RUN)
            _set_text(etree.SubElement(run, T), replacement)
        return
    for index, (element, text, atom_start, atom_end) in enumerate(touched):
        keep_before = text[: max(start - atom_start, 0)]
        keep_after = text[max(end - atom_start, 0):] if end < atom_end else ""
        inserted = replacement if index == 0 else ""
        if element.tag == T:
            _set_text(element, keep_before + inserted + keep_after)
            continue
        # A tab or a break (one character): the replacement goes into a new w:t in the same run.
        if inserted:
            new_text = etree.Element(T)
            _set_text(new_text, inserted)
            if start == end and atom_end == start:
                element.addnext(new_text)
            else:
                element.addprevious(new_text)
        parent = element.getparent()
        if start != end and parent is not None:  # covered by the span: it goes
            parent.remove(element)


def redact_docx(data: Document, replacements: Sequence[tuple[int, int, str]], **limits: Unpack[Limits]) -> bytes:
    """Rewrite only the characters of the given spans (offsets into ``read_docx(data).text``).

    Each span's replacement goes into the first run the span touches, keeping that run's formatting;
    the rest of the span is trimmed from the following runs. A span across paragraphs is cut at each
    paragraph (the paragraphs are not merged). Spans must not overlap. Parts with no span are copied
    byte for byte. ``limits`` go to :func:`check_docx` (or ``data`` is what it returned).
    """
    package = _Package(_checked_docx(data, limits))
    text, paragraphs = _layout(package)
    spans = sorted((int(start), int(end), str(replacement)) for start, end, replacement in replacements)
    previous_end = 0
    for start, end, _ in spans:
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span ({start}, {end}) outside the document text (length {len(text)})")
        if start < previous_end:
            raise ValueError(f"span ({start}, {end}) overlaps the previous span")
        previous_end = end
    starts = [paragraph.start for paragraph in paragraphs]
    edits: list[tuple[int, int, int, str]] = []  # (paragraph index, local start, local end, replacement)
    for start, end, replacement in spans:
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        pending = replacement
        for index in range(first, len(paragraphs)):
            paragraph = paragraphs[index]
            if paragraph.start > end or (paragraph.start == end and start != end):
                break
            local_start = max(start, paragraph.start) - paragraph.start
            local_end = min(end, paragraph.end) - paragraph.start
            if local_start > local_end or (local_start == local_end and start != end):
                continue
            edits.append((index, local_start, local_end, pending))
            pending = ""
            if start == end:
                break
    # Last edit first: offsets earlier in a paragraph stay valid while we change later ones.
    for index, local_start, local_end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        paragraph = paragraphs[index]
        _edit_paragraph(paragraph.element, local_start, local_end, replacement)
        package.changed.add(paragraph.part)
    if not package.changed:
        return file_bytes(data)
    return package.to_bytes()


# --------------------------------------------------------------------------------------------------
# The AI notice and the custom document properties


def _notice_paragraph(text: str) -> etree._Element:
    paragraph = etree.Element(P, nsmap={"w": W})
    run = etree.SubElement(paragraph, R_RUN)
    _set_text(etree.SubElement(run, T), text)
    return paragraph


def _custom_properties_part(package: _Package) -> str | None:
    if "_rels/.rels" in package.raw:
        for rel in package.xml("_rels/.rels").iter(f"{{{PKG_RELS}}}Relationship"):
            if rel.get("Type") == REL_CUSTOM_PROPS:
                name = _resolve_target("", rel.get("Target", ""))
                if name in package.raw:
                    return name
    return None


def read_custom_properties(data: Document) -> dict[str, Any]:
    """The document's custom properties (docProps/custom.xml) as name -> value (bool, int, float or str)."""
    package = _Package(_checked_docx(data, {}))
    part = _custom_properties_part(package)
    return _parse_custom_properties(package.xml(part)) if part else {}


def _parse_custom_properties(root: etree._Element) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for prop in root.findall(f"{{{CUSTOM_PROPS}}}property"):
        value_element = next(iter(prop), None)
        if value_element is None or not isinstance(value_element.tag, str):
            continue
        kind = etree.QName(value_element).localname
        raw = value_element.text or ""
        value: Any = raw
        if kind == "bool":
            value = raw.strip().lower() in ("true", "1")
        elif kind in ("i1", "i2", "i4", "i8", "int", "ui1", "ui2", "ui4", "ui8", "uint"):
            try:
                value = int(raw)
            except ValueError:
                value = raw
        elif kind in ("r4", "r8", "decimal"):
            try:
                value = float(raw)
            except ValueError:
                value = raw
        properties[prop.get("name", "")] = value
    return properties


def _set_custom_properties(package: _Package, values: dict[str, tuple[str, str]]) -> None:
    """Set custom properties (name -> (vt type, text)), creating docProps/custom.xml if needed."""
    part = _custom_properties_part(package)
    if part is None:
        part = CUSTOM_PROPS_PART
        root = etree.Element(f"{{{CUSTOM_PROPS}}}Properties", nsmap={None: CUSTOM_PROPS, "vt": VT})
        package.trees[part] = root
        _add_package_relationship(package, part)
        _add_content_type_override(package, part)
    else:
        root = package.xml(part)
    properties = {prop.get("name"): prop for prop in root.findall(f"{{{CUSTOM_PROPS}}}property")}
    pids = [int(pid) for prop in properties.values() if (pid := prop.get("pid") or "").isdigit()]
    next_pid = max(pids + [1]) + 1
    for name, (kind, text) in values.items():
        prop = properties.get(name)
        if prop is None:
            prop = etree.SubElement(root, f"{{{CUSTOM_PROPS}}}property",
                                    {"fmtid": CUSTOM_PROPS_FMTID, "pid": str(next_pid), "name": name})
            next_pid += 1
        for child in list(prop):
            prop.remove(child)
        etree.SubElement(prop, f"{{{VT}}}{kind}").text = text
    if part in package.raw:
        package.changed.add(part)
    else:
        package.added[part] = _serialise(root)


def _add_package_relationship(package: _Package, part: str) -> None:
    if "_rels/.rels" not in package.raw:
        raise DocumentError("corrupt", detail="no package relationships")
    rels = package.xml("_rels/.rels")
    ids = {rel.get("Id") for rel in rels}
    number = 1
    while f"rId{number}" in ids:
        number += 1
    etree.SubElement(rels, f"{{{PKG_RELS}}}Relationship",
                     {"Id": f"rId{number}", "Type": REL_CUSTOM_PROPS, "Target": part})
    package.changed.add("_rels/.rels")


def _add_content_type_override(package: _Package, part: str) -> None:
    if "[Content_Types].xml" not in package.raw:
        raise DocumentError("corrupt", detail="no content types")
    types = package.xml("[Content_Types].xml")
    part_name = "/" + part
    for override in types.findall(f"{{{CONTENT_TYPES}}}Override"):
        if override.get("PartName", "").lower() == part_name.lower():
            override.set("ContentType", CT_CUSTOM_PROPS)
            break
    else:
        etree.SubElement(types, f"{{{CONTENT_TYPES}}}Override",
                         {"PartName": part_name, "ContentType": CT_CUSTOM_PROPS})
    package.changed.add("[Content_Types].xml")


def insert_notice_docx(data: Document, notice_zh: str, notice_en: str, position: str = "top", *,
                       is_present: Callable[[str], bool] | None = None,
                       now: datetime | None = None, **limits: Unpack[Limits]) -> bytes:
    """The document with the AI notice as its own paragraph(s) at the top or bottom of the body, once.

    The notice is not inserted again when ``is_present(text)`` says one is already there (by default:
    the exact zh or en wording is in the document), or when the custom property ``AIAssisted`` is
    already true and the exact wording is present. The custom properties ``AIAssisted`` (vt:bool true)
    and, when the notice is inserted, ``AIAssistedNoticeInserted`` (ISO 8601 UTC time, vt:lpwstr) are
    set; other custom properties are kept. When nothing needs to change, the input comes back unchanged.
    ``limits`` go to :func:`check_docx` (or ``data`` is what it returned).
    """
    if position not in ("top", "bottom"):
        raise ValueError(f"position must be 'top' or 'bottom', not {position!r}")
    lines = [line for notice in (notice_zh, notice_en) if notice for line in notice.splitlines() if line]
    if not lines:
        raise ValueError("the notice is empty")
    package = _Package(_checked_docx(data, limits))
    text, _ = _layout(package)
    exact = any(notice and notice in text for notice in (notice_zh, notice_en))
    custom_part = _custom_properties_part(package)
    properties = _parse_custom_properties(package.xml(custom_part)) if custom_part else {}
    flagged = properties.get(PROP_AI_ASSISTED) is True
    present = (is_present(text) if is_present is not None else exact) or (flagged and exact)
    if present and flagged:
        return file_bytes(data)
    values = {PROP_AI_ASSISTED: ("bool", "true")}
    if not present:
        body = _body(package)
        new_paragraphs = [_notice_paragraph(line) for line in lines]
        if position == "top":
            anchor = body[0] if len(body) else None
            for paragraph in new_paragraphs:
                if anchor is None:
                    body.append(paragraph)
                else:
                    anchor.addprevious(paragraph)
        else:
            last = body[-1] if len(body) else None
            for paragraph in new_paragraphs:
                if last is not None and last.tag == SECT_PR:
                    last.addprevious(paragraph)
                else:
                    body.append(paragraph)
        package.changed.add(package.main)
        moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
        values[PROP_NOTICE_INSERTED] = ("lpwstr", moment.isoformat().replace("+00:00", "Z"))
    _set_custom_properties(package, values)
    return package.to_bytes()
