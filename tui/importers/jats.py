"""JATS XML (as PubMed Central publishes it) to `ReportDraft`s, one per `<article>`.

The XML is parsed with defusedxml on the standard library's expat: a document type
declaration is allowed (every PMC file names the JATS DTD) but never loaded, and any
entity declaration or external reference is refused before a byte of it is expanded, so
a billion-laughs bomb or an `<!ENTITY x SYSTEM "file:///...">` ends in one line of error.
defusedxml loads only on this path (`read_jats`), never when the app or another
sub-command starts.

From each article: the title, the DOI, the abstract with its labelled parts, and the body's
sections, nested as the XML nests them. Inline markup is flattened to the words it reads as
(`<italic>`, `<sup>`, `<xref>`); figures, tables and formulas are left out with a note;
references and the rest of the back matter are dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.importers.draft import DraftSection, ReportDraft
from tui.importers.errors import unusable
from tui.importers.headings import BACK_MATTER, normalise_name
from tui.importers.jats_text import LEFT_OUT, flatten, local_name

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

ARTICLE_SETS = frozenset({"pmc-articleset", "articles", "article-set", "collection"})
SKIPPED_ABSTRACTS = frozenset({"graphical", "teaser", "web-summary", "toc", "video"})
_PARAGRAPHS = frozenset({"p", "disp-quote", "statement", "speech", "verse-group", "preformat", "def-list"})


def read_jats(data: bytes, path: Path, source_file: str) -> list[ReportDraft]:
    """A draft per article in the JATS document, or `InputFileError` saying why there is none."""
    root = _parse(data, path)
    name = local_name(root.tag)
    if name == "article":
        articles = [root]
    elif name in ARTICLE_SETS:
        articles = [child for child in root if local_name(child.tag) == "article"]
        if not articles:
            raise unusable(path, f"XML article set <{name}> holds no <article>")
    else:
        raise unusable(path, f"XML but not JATS: the root element is <{name}>, not <article> or <pmc-articleset>")
    return [_article(article, source_file, path) for article in articles]


def _parse(data: bytes, path: Path) -> Element:
    import defusedxml.ElementTree as safe_tree
    from defusedxml import DefusedXmlException

    try:
        root: Element = safe_tree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
        return root
    except safe_tree.ParseError as error:
        line, column = getattr(error, "position", (None, None))
        message = str(error).split(":", 1)[0]
        raise unusable(path, f"malformed XML: {message}", line=line, column=(column or 0) + 1) from None
    except DefusedXmlException as error:
        what = type(error).__name__
        raise unusable(
            path, f"XML refused ({what}): entity declarations and external references are not read, for safety"
        ) from None


def _article(article: Element, source_file: str, path: Path) -> ReportDraft:
    meta = _first(article, "front", "article-meta")
    title_element = _first(meta, "title-group", "article-title") if meta is not None else None
    title = flatten(title_element).text if title_element is not None else ""
    draft = ReportDraft(title=title or path.stem, source_file=source_file, doi=_doi(meta))
    if not title:
        draft.note(f"the article has no <article-title>; the file name {path.stem!r} stands in")
    for abstract in meta.findall("abstract") if meta is not None else []:
        kind = abstract.get("abstract-type", "")
        if kind in SKIPPED_ABSTRACTS:
            draft.note(f"the {kind} abstract left out")
            continue
        _abstract(abstract, draft)
    body = article.find("body")
    if body is not None:
        _section_content(body, DraftSection("Text"), draft, is_body=True)
    if article.find("back") is not None:
        draft.note("back matter left out (references, acknowledgements, notes)")
    if article.find("sub-article") is not None or article.find("response") is not None:
        draft.note("sub-articles and responses left out")
    return draft


def _abstract(abstract: Element, draft: ReportDraft) -> None:
    title_element = abstract.find("title")
    title = flatten(title_element).text if title_element is not None else "Abstract"
    section = DraftSection(title or "Abstract")
    index = len(draft.sections)
    draft.sections.append(section)
    for child in abstract:
        name = local_name(child.tag)
        if name == "sec":
            _sec(child, index, draft)
        elif name in _PARAGRAPHS:
            section.paragraphs.extend(_paragraphs(child, draft))
        elif name == "kwd-group":
            draft.note("keywords left out")


def _sec(sec: Element, parent: int | None, draft: ReportDraft) -> None:
    title_element = sec.find("title")
    title = flatten(title_element).text if title_element is not None else ""
    if normalise_name(title) in BACK_MATTER or sec.get("sec-type", "") in (
        "supplementary-material",
        "ack",
        "COI-statement",
    ):
        draft.note(f"back matter left out: {title or sec.get('sec-type')!r}")
        return
    if not title:
        title = draft.sections[parent].title if parent is not None else "Untitled section"
        draft.note(f"a section without a title was named {title!r}")
    _section_content(sec, DraftSection(title, parent=parent), draft)


def _section_content(element: Element, section: DraftSection, draft: ReportDraft, *, is_body: bool = False) -> None:
    """`section` joins the draft, then its paragraphs in order and its sub-sections after it.

    The body's own paragraphs (before its first `<sec>`) go to an untitled lead section,
    which is dropped when it has none; the body's sections are top-level.
    """
    position = len(draft.sections)
    draft.sections.append(section)
    children_parent = None if is_body else position
    for child in element:
        name = local_name(child.tag)
        if name in ("title", "label", "sec-meta"):
            continue
        if name == "sec":
            _sec(child, children_parent, draft)
        elif name in LEFT_OUT:
            draft.note(f"{LEFT_OUT[name]} left out")
        elif name in ("list", "boxed-text"):
            for item in child.iter():
                if local_name(item.tag) == "p":
                    section.paragraphs.extend(_paragraphs(item, draft))
        else:
            section.paragraphs.extend(_paragraphs(child, draft))
    if is_body and not section.paragraphs:
        draft.sections.pop(position)
        _reparent(draft, position)


def _paragraphs(element: Element, draft: ReportDraft) -> list[str]:
    flat = flatten(element)
    for what in flat.left_out:
        draft.note(f"{what} left out")
    return [flat.text] if flat.text else []


def _reparent(draft: ReportDraft, removed: int) -> None:
    """The body's untitled lead section had no words: indices after it move down by one."""
    for section in draft.sections[removed:]:
        if section.parent is not None and section.parent >= removed:
            section.parent -= 1


def _doi(meta: Element | None) -> str | None:
    if meta is None:
        return None
    for article_id in meta.findall("article-id"):
        if article_id.get("pub-id-type") == "doi" and article_id.text and article_id.text.strip().startswith("10."):
            return article_id.text.strip()
    return None


def _first(element: Element | None, *path: str) -> Element | None:
    for name in path:
        if element is None:
            return None
        element = element.find(name)
    return element
