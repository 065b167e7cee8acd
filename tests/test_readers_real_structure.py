"""Database exports laid out exactly like real Nexis / LexisNexis / Factiva files.

The fixtures in ``fixtures/readers/real_structure/`` are invented texts in the
structure of public sample exports and parsers (labels, spacing, ordering,
separators, encodings):

- LexisNexis Academic ``.txt``: ``inst/extdata/sample.TXT`` of the R package
  LexisNexisTools (JBGruber/LexisNexisTools): cover block (``Download Request``,
  ``Terms``, ``Source``, ``Project ID``), centred ``N of M DOCUMENTS``, outlet and
  date, two-line edition (``Edition 1;`` / ``Scotland``), headline, ``BYLINE:`` /
  ``SECTION:`` / ``LENGTH:``, hard-wrapped body, ``LOAD-DATE:`` ... ``JOURNAL-CODE:``
  and a centred two-line copyright; German keywords (``Dokument N von M``,
  ``LÄNGE:``, ``RUBRIK:``, ``AUTOR:``, ``SPRACHE:``) from its ``lnt_read`` defaults.
- Nexis Uni ``.docx``: LexisNexisTools ``lnt_parse_uni`` (``End of Document``,
  ``Body``, no-break space after labels), its issue #10 (``Byline`` and
  ``Highlight`` run into one paragraph) and issue #11 (cover page per TOC entry),
  garth74/nexis-uni-parser (cover: ``Client/Matter``, ``Search Type``, ``Narrowed
  by``, ``Job Number`` repeated per entry) and LeidenUniversityLibrary/nexis-analysis
  (Dutch source dates ``4 oktober 2017 woensdag`` with English labels).
- Factiva HTML: ``div.article.enArticle`` / ``deArticle`` with ``div#hd`` >
  ``span.enHeadline``, ``div.author``, unclassed metadata divs,
  ``p.articleParagraph`` and a last ``<p>Document ...</p>`` (yuxuan-bill/Scraptiva,
  brainwane/mcmasala, a German parser with ``Januar ... Dezember`` dates); the
  indexed display puts ``<td><b>HD</b>&nbsp;</td><td>...`` rows in each article
  div (tm.plugin.factiva ``readFactivaHTML``, laneatmore/factiva_html_parser).
- Factiva RTF/text: vkelk/factiva-rtf-db (tab-led codes, ``SE``/``CLM`` listed before
  ``HD``), a striprtf-based loader (``HD|...|`` rows, ``AN`` closes an article, Web
  News without ``TD``), D. Freelon's news_extract (page saved as text: ``*HD*``;
  Nexis Uni ``Anchors:``), fraba/Factiva-RTF-output-to-XML (article format order).
"""
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from discourse.readers import read, reader_for
from discourse.readers import factiva, nexis

FIX = Path(__file__).parent / "fixtures" / "readers" / "real_structure"
NB = "\u00a0"


# -- LexisNexis Academic (classic .txt) -------------------------------------------

def test_classic_txt_bom_crlf_two_line_edition_and_journal_code():
    p = FIX / "lexisnexis_classic_bom_crlf.txt"
    assert p.read_bytes()[:3] == b"\xef\xbb\xbf" and b"\r\n" in p.read_bytes()
    assert reader_for(p) is nexis
    res = read(p)
    # the record is the document's own number, even when it comes from another download
    assert [r.record for r in res.records] == ["1", "2", "4"]
    # the graphic-only document (no text, only GRAPHIC:) is reported, not dropped
    assert res.problems == [("3", "document has an empty body ('Map: where the rain fell')")]
    a, b, c = res.records
    assert (a.title, a.outlet, a.published, a.author) == (
        "Dry spell leaves barley growers counting the cost", "The Courier", "2021-07-21", "Ann Example")
    assert a.text.startswith("Barley growers across the region say the dry spell has cut yields by a fifth, "
                             "and some fields will not be harvested at all.\n\n")
    assert a.text.endswith("Merchants expect prices to rise before the autumn.")
    assert len(a.text.split("\n\n")) == 3
    assert a.extra == {"length": 212, "load_date": "2021-07-21", "language": "ENGLISH",
                       "publication_type": "Newspaper",
                       "copyright": "Copyright 2021 Example Newspapers Ltd All Rights Reserved"}
    assert (b.title, b.outlet, b.published, b.author) == (
        "Water limits for irrigation", "Farmers Weekly", "2021-07-22", None)
    assert b.text == ("Irrigation licences in two catchments were suspended on Thursday after river "
                      "levels fell below the threshold.")
    assert (b.extra["edition"], b.extra["section"], b.extra["journal_code"], b.extra["publication_type"]) == (
        "Edition 1; Scotland", "NEWS; Pg. 6", "FW", "Magazine")
    # hard-wrapped two-line headline, date without weekday, 'BY' in capitals, two-line
    # edition, and a photo caption with a colon that stays body text
    assert (c.title, c.outlet, c.published, c.author) == (
        "Drought summer: what the rain gauges say and why farmers are still waiting",
        "EXAMPLE ON SUNDAY (London)", "2021-07-25", "ANN EXAMPLE")
    assert c.text == ("The gauges in the eastern counties recorded less than a third of the usual July rain, "
                      "the weather service said.\n\nDry: a field of spring barley near Forfar")
    assert (c.extra["edition"], c.extra["publication_type"]) == ("Edition 2; National Edition", "Papers")
    for r in res.records:
        assert "\r" not in r.text and "\ufeff" not in (r.title or "")


def test_classic_txt_german_cp1252():
    p = FIX / "lexisnexis_classic_de_cp1252.txt"
    raw = p.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert reader_for(p) is nexis
    res = read(p)
    assert res.problems == []
    a, b = res.records
    assert (a.record, a.title, a.outlet, a.published, a.author) == (
        "1", "Bauern klagen über die Trockenheit", "Süddeutsche Zeitung", "2021-07-23", "Max Beispiel")
    assert a.text == ("Die Getreideernte fällt in diesem Jahr deutlich kleiner aus, berichten die "
                      "Landwirte in Franken.\n\nGrößere Schäden melden vor allem Betriebe ohne Bewässerung.")
    assert a.extra == {"section": "WIRTSCHAFT; S. 17", "length": 156, "update": "23. Juli 2021",
                       "language": "GERMAN", "edition": "Bayern Ausgabe",
                       "copyright": "Copyright 2021 Beispiel Verlag GmbH Alle Rechte vorbehalten"}
    assert (b.record, b.title, b.outlet, b.published, b.author, b.extra["length"]) == (
        "2", "Regen bringt kaum Entlastung", "Der Beispiel-Kurier", "2021-07-24", None, 80)
    assert b.text == "Der Regen vom Freitag kam für den Weizen zu spät."


# -- Nexis Uni (.docx) --------------------------------------------------------------

TITLES = ["Dry spell leaves barley growers counting the cost", "Droogte treft akkerbouwers",
          "Farm groups ask for drought aid"]
DOCS = [
    [  # newspaper: copyright line, Byline and Highlight in ONE paragraph, Graphic block
        TITLES[0], "The Courier", "July 21, 2021 Wednesday",
        "Copyright 2021 Example Newspapers Ltd All Rights Reserved",
        f"Section:{NB}NEWS; Pg. 4", f"Length:{NB}212 words",
        f"Byline:{NB}Ann Example Highlight:{NB}Growers say yields are down by a fifth.",
        "Body",
        "Barley growers across the region say the dry spell has cut yields by a fifth.",
        "\u201cWe have not seen a July like this in thirty years,\u201d one grower said.",
        "Merchants expect prices to rise before the autumn.",
        "Graphic", "Photo: A dry field near Forfar.",
        "Classification",
        f"Language:{NB}ENGLISH", f"Publication-Type:{NB}Newspaper",
        f"Subject:{NB}DROUGHT (92%); AGRICULTURE (90%)", f"Geographic:{NB}SCOTLAND (79%)",
        f"Load-Date:{NB}July 21, 2021",
        "End of Document",
    ],
    [  # Dutch source: the date is in Dutch, the labels in the interface language
        TITLES[1], "Het Voorbeeld", "4 oktober 2017 woensdag",
        "Copyright 2017 Voorbeeld Media B.V. All Rights Reserved",
        f"Section:{NB}Economie; Blz. 9", f"Length:{NB}95 words", f"Byline:{NB}Jan de Vries",
        "Body",
        "Akkerbouwers in het noorden melden een kleinere oogst door de droogte.",
        "Classification", f"Language:{NB}DUTCH; FLEMISH", f"Load-Date:{NB}October 5, 2017",
        "End of Document",
    ],
    [  # wire item: time after the date, no section, no copyright, plain-space label
        TITLES[2], "Example Wire", "July 23, 2021 Friday 5:02 PM EST", f"Length:{NB}64 words",
        "Dateline: EDINBURGH, July 23",
        "Body",
        "EDINBURGH, July 23 -- Farm groups asked ministers on Friday for emergency drought aid.",
        "Classification", f"Language:{NB}ENGLISH", f"Publication-Type:{NB}Newswire",
        f"Load-Date:{NB}July 24, 2021",
        "End of Document",
    ],
]


def _uni_docx(path):
    """Cover page with one TOC block per document, then each document on a new page."""
    d = docx.Document()
    for line in ("User Name: =", "Date and Time: = Monday, July 26, 2021 10:32:00 AM EDT",
                 "Job Number: 151427839", f"Documents ({len(DOCS)})"):
        d.add_paragraph(line)
    for i, title in enumerate(TITLES, start=1):
        d.add_paragraph(f"{i}. {title}")
        for line in ("Client/Matter: -None-", "Search Terms: drought AND harvest",
                     "Search Type: Terms and Connectors", "Narrowed by:"):
            d.add_paragraph(line)
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).text, t.cell(0, 1).text = "Content Type", "Narrowed by"
        t.cell(1, 0).text, t.cell(1, 1).text = "News", "Timeline: Jul 20, 2021 to Jul 25, 2021"
    for doc in DOCS:
        first = d.add_paragraph()
        first.add_run().add_break(WD_BREAK.PAGE)
        first.add_run(doc[0])
        for line in doc[1:]:
            d.add_paragraph(line)
    d.save(str(path))
    return path


def test_nexis_uni_docx_real_layout(tmp_path):
    p = _uni_docx(tmp_path / "Files(3).DOCX")
    assert reader_for(p) is nexis
    res = read(p)
    assert res.problems == []
    a, b, c = res.records
    assert [r.record for r in res.records] == ["1", "2", "3"]
    assert (a.title, a.outlet, a.published, a.author) == (
        TITLES[0], "The Courier", "2021-07-21", "Ann Example")
    assert a.extra == {
        "section": "NEWS; Pg. 4", "length": 212, "highlight": "Growers say yields are down by a fifth.",
        "copyright": "Copyright 2021 Example Newspapers Ltd All Rights Reserved",
        "graphic": "Photo: A dry field near Forfar.", "language": "ENGLISH",
        "publication_type": "Newspaper", "subject": "DROUGHT (92%); AGRICULTURE (90%)",
        "geographic": "SCOTLAND (79%)", "load_date": "2021-07-21"}
    assert a.text.startswith("Barley growers across the region")
    assert a.text.endswith("Merchants expect prices to rise before the autumn.")
    assert len(a.text.split("\n\n")) == 3
    assert (b.title, b.outlet, b.published, b.author) == (
        TITLES[1], "Het Voorbeeld", "2017-10-04", "Jan de Vries")
    assert (b.extra["language"], b.extra["load_date"], b.extra["length"]) == ("DUTCH; FLEMISH", "2017-10-05", 95)
    assert b.text == "Akkerbouwers in het noorden melden een kleinere oogst door de droogte."
    assert (c.title, c.outlet, c.published, c.author) == (TITLES[2], "Example Wire", "2021-07-23", None)
    assert c.extra["dateline"] == "EDINBURGH, July 23"
    assert "copyright" not in c.extra
    for r in res.records:
        for junk in ("Client/Matter", "Search Terms", "Narrowed by", "End of Document", "Load-Date",
                     "Classification", "Highlight"):
            assert junk not in r.text and junk not in (r.title or "")


def test_nexis_uni_end_marker_glued_to_last_field_and_other_languages():
    glued = DOCS[2][:-2] + [DOCS[2][-2] + "End of Document"] + DOCS[1]
    res = nexis.parse_lines(glued, one_per_line=True)
    assert [(r.title, r.extra["load_date"]) for r in res.records] == [
        (TITLES[2], "2021-07-24"), (TITLES[1], "2017-10-05")]
    german = [line.replace("End of Document", "Dokumentende") for line in DOCS[1] + DOCS[2]]
    res = nexis.parse_lines(german, one_per_line=True)
    assert [(r.record, r.published) for r in res.records] == [("1", "2017-10-04"), ("2", "2021-07-23")]
    assert res.problems == []


def _rtf(lines):
    """RTF as Word/Nexis write it: cp1252 escapes (\\'a0 for the no-break space),
    \\u escapes beyond cp1252, one \\par per paragraph, \\page between documents."""
    def esc(s):
        out = []
        for ch in s:
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) < 128:
                out.append(ch)
            else:
                try:
                    out.append("\\'%02x" % ch.encode("cp1252")[0])
                except UnicodeEncodeError:
                    out.append(f"\\u{ord(ch)}?")
        return "".join(out)
    body = "".join(("\\page\n" if line == "\f" else esc(line) + "\\par\n") for line in lines)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}"
            "{\\header\\pard Page 1 of 1\\par}\\f0\n" + body + "}").encode("ascii")


def test_nexis_uni_rtf_individual_files(tmp_path):
    """'Save as individual files': one document per RTF, no cover page."""
    p = tmp_path / "Dry_spell_leaves_barley_growers.RTF"
    p.write_bytes(_rtf(DOCS[0]))
    assert b"\\'a0" in p.read_bytes()
    assert reader_for(p) is nexis
    (r,) = read(p).records
    assert (r.record, r.title, r.outlet, r.published, r.author) == (
        "1", TITLES[0], "The Courier", "2021-07-21", "Ann Example")
    assert r.extra["highlight"] == "Growers say yields are down by a fifth."
    assert r.text.split("\n\n")[1] == "\u201cWe have not seen a July like this in thirty years,\u201d one grower said."
    assert "Page 1 of 1" not in r.text
    q = tmp_path / "Files(2).rtf"
    q.write_bytes(_rtf(DOCS[1] + ["\f"] + DOCS[2]))
    assert [(x.title, x.published) for x in read(q).records] == [
        (TITLES[1], "2017-10-04"), (TITLES[2], "2021-07-23")]


# -- Factiva HTML ----------------------------------------------------------------

def test_factiva_html_article_format():
    p = FIX / "factiva_article_format.html"
    assert reader_for(p) is factiva
    res = read(p)
    assert res.problems == []  # the Search Summary block is not an article
    a, b, c = res.records
    assert [(r.record, r.extra["factiva_id"]) for r in res.records] == [
        ("1", "DUNCOU0020210721eh7l0000b"), ("2", "EXWIRE0020210723eh7n000gx"),
        ("3", "SDDZ000020210723eh7n0000a")]
    assert (a.title, a.outlet, a.published, a.author) == (
        "Dry spell leaves barley growers counting the cost", "The Courier", "2021-07-21", "Ann Example")
    assert a.extra == {"factiva_id": "DUNCOU0020210721eh7l0000b", "word_count": 212, "time": "06:15",
                       "source_code": "DUNCOU", "page": "1", "language": "English",
                       "copyright": "\u00a9 2021 Example Newspapers Ltd. All rights reserved."}
    assert a.text.split("\n\n")[1] == ("\u201cWe have not seen a July like this in thirty years,\u201d one "
                                       "grower told the Example Grain Co market on Tuesday.")
    assert a.text.endswith("Merchants expect prices to rise before the autumn.")
    assert (b.title, b.outlet, b.published, b.author, b.extra["time"]) == (
        "Farm groups ask for drought aid", "Example Wire", "2021-07-23", None, "17:02 GMT")
    assert b.text == "EDINBURGH, July 23 -- Farm groups asked ministers on Friday for emergency drought aid."
    # German article: 'Von', '1.156 Wörter', '23 Juli 2021', 'Deutsch'
    assert (c.title, c.outlet, c.published, c.author) == (
        "Bauern klagen über die Trockenheit", "Süddeutsche Zeitung", "2021-07-23", "Max Beispiel")
    assert (c.extra["word_count"], c.extra["edition"], c.extra["page"], c.extra["language"]) == (
        1156, "Bayern Ausgabe", "17", "Deutsch")
    assert c.text == ("Die Getreideernte fällt in diesem Jahr deutlich kleiner aus, berichten die Landwirte "
                      "in Franken.\n\nGrößere Schäden melden vor allem Betriebe ohne Bewässerung.")
    for r in res.records:
        assert "Document " not in r.text and "Search Summary" not in r.text


def test_factiva_html_indexed_article_divs():
    p = FIX / "factiva_indexed.html"
    assert reader_for(p) is factiva
    res = read(p)
    assert res.problems == []
    a, b = res.records
    assert (a.title, a.outlet, a.published, a.author) == (
        "Dry spell leaves barley growers counting the cost", "The Courier", "2021-07-21", "Ann Example")
    assert a.text == ("Barley growers across the region say the dry spell has cut yields by a fifth.\n\n"
                      "\u201cWe have not seen a July like this in thirty years,\u201d one grower said.\n\n"
                      "Merchants expect prices to rise before the autumn.")
    assert a.extra == {
        "factiva_id": "DUNCOU0020210721eh7l0000b", "word_count": 212, "source_code": "DUNCOU",
        "page": "4", "language": "English", "time": "06:15",
        "copyright": "\u00a9 2021 Example Newspapers Ltd. All rights reserved.",
        "subject": "gcat : Political/General News | ncat : Content Types",
        "region": "uk : United Kingdom | scot : Scotland", "publisher": "Example Newspapers Ltd",
        "descriptors": "Agriculture"}
    assert (b.title, b.outlet, b.published, b.author, b.extra["word_count"], b.extra["factiva_id"]) == (
        "Bauern klagen über die Trockenheit", "Süddeutsche Zeitung", "2021-07-23", "Max Beispiel", 1156,
        "SDDZ000020210723eh7n0000a")
    assert b.text == ("Die Getreideernte fällt in diesem Jahr deutlich kleiner aus.\n\n"
                      "Größere Schäden melden vor allem Betriebe ohne Bewässerung.")


# -- Factiva text/RTF --------------------------------------------------------------

INDEXED_TXT = [  # tab-led codes as striprtf renders the indexed RTF; SE/CLM sit above HD
    "\tSE\tBusiness",
    "\tHD\tDry spell leaves barley growers counting the cost",
    "\tBY\tBy Ann Example",
    "\tWC\t212 words",
    "\tPD\t21 July 2021",
    "\tSN\tThe Courier",
    "\tSC\tDUNCOU",
    "\tLA\tEnglish",
    "\tLP\t",
    "\tBarley growers across the region say the dry spell has cut yields by a fifth.",
    "\tTD\t",
    "\tMerchants expect prices to rise before the autumn.",
    "\tAN\tDocument DUNCOU0020210721eh7l0000b",
    "",
    "Page 1 of 2 \u00a9 2021 Factiva, Inc. All rights reserved.",
    "",
    "\tCLM\tHeard in the Fields",
    "\tSE\tOpinion",
    "\tHD\tWhy the drought aid will come too late",
    "\tWC\t80 words",
    "\tPD\t24 July 2021",
    "\tSN\tExample Wire",
    "\tLP\t",
    "\tAid takes months to reach farms.",
    "\tAN\tDocument EXWIRE0020210724eh7o0001z",
]


def test_factiva_indexed_txt_section_above_headline(tmp_path):
    p = tmp_path / "Factiva-20210726-1030.txt"
    p.write_text("\n".join(INDEXED_TXT), encoding="utf-8")
    assert reader_for(p) is factiva
    res = read(p)
    assert res.problems == []
    a, b = res.records
    assert (a.title, a.author, a.published, a.outlet, a.extra["section"], a.extra["factiva_id"]) == (
        "Dry spell leaves barley growers counting the cost", "Ann Example", "2021-07-21", "The Courier",
        "Business", "DUNCOU0020210721eh7l0000b")
    assert a.text == ("Barley growers across the region say the dry spell has cut yields by a fifth.\n\n"
                      "Merchants expect prices to rise before the autumn.")
    assert (b.title, b.extra["section"], b.extra["column"], b.published, b.extra["factiva_id"]) == (
        "Why the drought aid will come too late", "Opinion", "Heard in the Fields", "2021-07-24",
        "EXWIRE0020210724eh7o0001z")
    assert b.text == "Aid takes months to reach farms."


def test_factiva_article_format_txt_with_page_footers(tmp_path):
    lines = [
        "Dry spell leaves barley growers counting the cost",
        "By Ann Example",
        "212 words",
        "21 July 2021",
        "The Courier",
        "DUNCOU",
        "English",
        "\u00a9 2021 Example Newspapers Ltd. All rights reserved.",
        "",
        "Barley growers across the region say the dry spell has cut yields by a fifth.",
        "",
        "Page 1 of 2 \u00a9 2021 Factiva, Inc. All rights reserved.",
        "",
        "Merchants expect prices to rise before the autumn.",
        "",
        "Document DUNCOU0020210721eh7l0000b",
    ]
    p = tmp_path / "factiva.txt"
    p.write_bytes(("\r\n".join(lines)).encode("cp1252"))
    assert reader_for(p) is factiva
    (r,) = read(p).records
    assert (r.title, r.author, r.published, r.outlet, r.extra["source_code"]) == (
        "Dry spell leaves barley growers counting the cost", "Ann Example", "2021-07-21", "The Courier", "DUNCOU")
    assert r.text == ("Barley growers across the region say the dry spell has cut yields by a fifth.\n\n"
                      "Merchants expect prices to rise before the autumn.")


def test_factiva_html_section_div_above_headline(tmp_path):
    html = (FIX / "factiva_article_format.html").read_text(encoding="utf-8").replace(
        '<div id="hd"><span class="enHeadline">Farm groups',
        '<div>Farming</div>\n<div id="hd"><span class="enHeadline">Farm groups', 1)
    p = tmp_path / "f.html"
    p.write_text(html, encoding="utf-8")
    b = read(p).records[1]
    assert (b.title, b.extra["section"], b.author, b.published) == (
        "Farm groups ask for drought aid", "Farming", None, "2021-07-23")


def test_factiva_article_format_french():
    lines = ["La sécheresse frappe les céréaliers", "Par Jeanne Exemple", "1\u00a0023 mots", "23 juillet 2021",
             "Le Quotidien Exemple", "QUOTEX", "Français", "Copyright 2021 Le Quotidien Exemple.", "",
             "Les récoltes de blé reculent d'un cinquième dans le Centre.", "",
             "Document QUOTEX0020210723eh7n0000c"]
    (r,) = factiva.parse_lines(lines).records
    assert (r.title, r.author, r.published, r.outlet, r.extra["word_count"], r.extra["language"]) == (
        "La sécheresse frappe les céréaliers", "Jeanne Exemple", "2021-07-23", "Le Quotidien Exemple", 1023,
        "Français")
    assert r.text == "Les récoltes de blé reculent d'un cinquième dans le Centre."


def test_classic_layout_saved_as_docx_with_end_markers(tmp_path):
    """Word exports that keep 'N of M DOCUMENTS', upper-case labels and a 'BODY' line
    but end each document with 'End of Document' and have no blank lines."""
    lines = ["1 of 2 DOCUMENTS", "The Courier", "July 21, 2021 Wednesday", "Final Edition",
             "Dry spell leaves barley growers counting the cost", "BYLINE: Ann Example",
             "SECTION: NEWS; Pg. 4", "LENGTH: 212 words", "BODY",
             "Barley growers across the region say the dry spell has cut yields.",
             "Merchants expect prices to rise.", "LOAD-DATE: July 21, 2021", "LANGUAGE: ENGLISH",
             "PUBLICATION-TYPE: Newspaper", "Copyright 2021 Example Newspapers Ltd", "End of Document",
             "2 of 2 DOCUMENTS", "Example Wire", "July 23, 2021 Friday", "Farm groups ask for drought aid",
             "LENGTH: 64 words", "Farm groups asked ministers on Friday for emergency drought aid.",
             "LOAD-DATE: July 24, 2021", "LANGUAGE: ENGLISH", "End of Document"]
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    p = tmp_path / "nexis_2025.DOCX"
    d.save(str(p))
    assert reader_for(p) is nexis
    res = read(p)
    assert res.problems == []
    a, b = res.records
    assert (a.record, a.title, a.outlet, a.published, a.author) == (
        "1", "Dry spell leaves barley growers counting the cost", "The Courier", "2021-07-21", "Ann Example")
    assert a.text == ("Barley growers across the region say the dry spell has cut yields.\n\n"
                      "Merchants expect prices to rise.")
    assert a.extra == {"section": "NEWS; Pg. 4", "length": 212, "load_date": "2021-07-21", "language": "ENGLISH",
                       "publication_type": "Newspaper", "copyright": "Copyright 2021 Example Newspapers Ltd",
                       "edition": "Final Edition"}
    assert (b.record, b.title, b.outlet, b.published, b.text) == (
        "2", "Farm groups ask for drought aid", "Example Wire", "2021-07-23",
        "Farm groups asked ministers on Friday for emergency drought aid.")


def test_factiva_indexed_rtf_table_rows_section_first_and_web_item(tmp_path):
    """striprtf renders the indexed RTF as 'SE|Business|' rows; SE precedes HD, cells hold
    several paragraphs, AN closes each article, and a Web News item has an LP but no TD."""
    rows = [("SE", "Business"), ("HD", "Dry spell leaves barley growers counting the cost"),
            ("BY", "By Ann Example"), ("WC", "1,212 words"), ("PD", "21 July 2021"), ("ET", "06:15"),
            ("SN", "The Courier"), ("SC", "DUNCOU"), ("LA", "English"), ("CY", "(c) 2021 Example Newspapers Ltd"),
            ("LP", "Barley growers say the dry spell has cut yields.\\par \\par Some fields will not be harvested."),
            ("TD", "Merchants expect prices to rise.\\par \\par \\u8220?It is grim,\\u8221? one said."),
            ("NS", "gcat : Political/General News"), ("AN", "Document DUNCOU0020210721eh7l0000b"),
            ("HD", "Web item: drought aid"), ("WC", "40 words"), ("PD", "23 July 2021"),
            ("SN", "Example Web News"), ("LP", "Farm groups asked for aid."),
            ("AN", "Document EXWEB00020210723eh7n0000z")]
    body = ""
    for code, value in rows:
        body += f"\\trowd\\cellx1000\\cellx9000\\pard\\intbl {code}\\cell\\pard\\intbl {value}\\cell\\row\n"
        if code == "AN":
            body += "\\pard\\par\\page\n"
    p = tmp_path / "Factiva-20210726-1030.rtf"
    p.write_bytes(("{\\rtf1\\ansi\\ansicpg1252\n" + body + "}").encode("ascii"))
    assert reader_for(p) is factiva
    res = read(p)
    assert res.problems == []
    a, b = res.records
    assert (a.title, a.author, a.published, a.outlet, a.extra["section"], a.extra["word_count"]) == (
        "Dry spell leaves barley growers counting the cost", "Ann Example", "2021-07-21", "The Courier",
        "Business", 1212)
    assert a.text == ("Barley growers say the dry spell has cut yields.\n\nSome fields will not be harvested.\n\n"
                      "Merchants expect prices to rise.\n\n\u201cIt is grim,\u201d one said.")
    assert (b.title, b.published, b.outlet, b.text, b.extra) == (
        "Web item: drought aid", "2021-07-23", "Example Web News", "Farm groups asked for aid.",
        {"factiva_id": "EXWEB00020210723eh7n0000z", "word_count": 40})


@pytest.mark.parametrize("text, iso", [
    ("July 23, 2021 Friday", "2021-07-23"),                 # Nexis Uni
    ("Jul 22, 2021 Thursday 5:02 PM EST", "2021-07-22"),    # Nexis Uni web sources
    ("January 8, 2010", "2010-01-08"),                      # LexisNexis Academic, no weekday
    ("4 oktober 2017 woensdag", "2017-10-04"),              # Nexis Uni, Dutch source
    ("11. Januar 2010 Montag", "2010-01-11"),               # LexisNexis, German
    ("23 Juli 2021", "2021-07-23"),                         # Factiva PD, German
    ("23 juillet 2021", "2021-07-23"),                      # Factiva PD, French
    ("23 de julio de 2021", "2021-07-23"),                  # Spanish
    ("1 März 2021", "2021-03-01"),
    ("2026년 7월 1일", "2026-07-01"),                        # Factiva PD, Korean interface
    ("07/08/2021", None),                                   # ambiguous: never guessed
])
def test_export_date_forms(text, iso):
    from discourse.readers._layout import parse_date

    assert parse_date(text) == iso


def test_all_real_layouts_through_corpus_load(tmp_path):
    import pandas as pd

    from discourse import corpus

    files = [FIX / name for name in ("lexisnexis_classic_bom_crlf.txt", "lexisnexis_classic_de_cp1252.txt",
                                     "factiva_article_format.html", "factiva_indexed.html")]
    files.append(_uni_docx(tmp_path / "Files(3).DOCX"))
    df = corpus.load(files)
    assert len(df) == 3 + 2 + 3 + 2 + 3
    assert df["published"].dtype == "datetime64[ns]" and df["published"].notna().all()
    assert df["title"].notna().all() and df["outlet"].notna().all()
    by_src = {Path(s).name: row for s, row in zip(df["source"], df.itertuples())}
    assert by_src["lexisnexis_classic_de_cp1252.txt#1"].published == pd.Timestamp("2021-07-23")
    assert by_src["factiva_article_format.html#3"].outlet == "Süddeutsche Zeitung"
    assert by_src["Files(3).DOCX#2"].published == pd.Timestamp("2017-10-04")
    rep = df.attrs["load_report"]
    rep = rep[~rep["reason"].str.startswith("warning:")]  # plausibility warnings: the fixtures are excerpts
    assert [(Path(s).name, str(r)) for s, r in zip(rep["source"], rep["record"])] == [
        ("lexisnexis_classic_bom_crlf.txt", "3")]


def test_factiva_section_below_headline_stays_with_its_article():
    lines = ["HD\tA headline", "SE\tBusiness", "BY\tBy Ann Example", "PD\t21 July 2021", "LP\tText one.",
             "SE\tOpinion", "HD\tSecond", "PD\t22 July 2021", "TD\tText two.",
             "AN\tDocument ABCDEF0020210722eh7m0000b"]
    res = factiva.parse_lines(lines)
    assert res.problems == []
    assert [(r.title, r.extra["section"], r.published, r.text) for r in res.records] == [
        ("A headline", "Business", "2021-07-21", "Text one."), ("Second", "Opinion", "2021-07-22", "Text two.")]


def test_factiva_indexed_page_saved_as_text_by_browser(tmp_path):
    """The indexed HTML page saved as 'Text Files': bold codes become '*HD*' (as parsed by
    Freelon's news_extract), the Document id may sit on the line below '*AN*'."""
    lines = ["*SE*\tBusiness", "*HD*\tDry spell leaves barley growers counting the cost", "*BY*\tBy Ann Example",
             "*WC*\t212 words", "*PD*\t21 July 2021", "*SN*\tThe Courier", "*SC*\tDUNCOU", "*LA*\tEnglish",
             "*LP*\t", "Barley growers say the dry spell has cut yields.", "",
             "Some fields will not be harvested.", "*TD*\t", "Merchants expect prices to rise.",
             "*AN*", "Document DUNCOU0020210721eh7l0000b", "", "",
             "*HD*\tFarm groups ask for drought aid", "*WC*\t64 words", "*PD*\t23 July 2021",
             "*SN*\tExample Wire", "*LP*\t", "Farm groups asked ministers on Friday for emergency drought aid.",
             "*AN*\tDocument EXWIRE0020210723eh7n000gx", ""]
    p = tmp_path / "factiva_saved.txt"
    p.write_text("\n".join(lines), encoding="utf-8")
    assert reader_for(p) is factiva
    res = read(p)
    assert res.problems == []
    a, b = res.records
    assert (a.title, a.author, a.published, a.outlet, a.extra["section"], a.extra["factiva_id"]) == (
        "Dry spell leaves barley growers counting the cost", "Ann Example", "2021-07-21", "The Courier",
        "Business", "DUNCOU0020210721eh7l0000b")
    assert a.text == ("Barley growers say the dry spell has cut yields.\n\nSome fields will not be harvested.\n\n"
                      "Merchants expect prices to rise.")
    assert (b.title, b.published, b.extra["factiva_id"], b.text) == (
        "Farm groups ask for drought aid", "2021-07-23", "EXWIRE0020210723eh7n000gx",
        "Farm groups asked ministers on Friday for emergency drought aid.")


def test_nexis_uni_broadcast_transcript_anchors():
    """TV transcripts carry 'Anchors:' / 'Guests:' instead of a byline (Freelon's news_extract)."""
    doc = ["Drought hits the harvest", "Example News Network", "July 23, 2021 Friday", "Show: EVENING REPORT 6:00 PM EST",
           f"Length:{NB}40 words", f"Anchors:{NB}Ann Example", f"Guests:{NB}Jan de Vries", "Body",
           "ANN EXAMPLE, EXAMPLE NEWS ANCHOR: Farmers are counting the cost tonight.",
           "Classification", f"Language:{NB}ENGLISH", f"Publication-Type:{NB}Transcript",
           f"Load-Date:{NB}July 24, 2021", "End of Document"]
    (r,) = nexis.parse_lines(doc, one_per_line=True).records
    assert (r.title, r.outlet, r.published, r.author) == (
        "Drought hits the harvest", "Example News Network", "2021-07-23", "Ann Example")
    assert (r.extra["show"], r.extra["guests"], r.extra["anchors"]) == (
        "EVENING REPORT 6:00 PM EST", "Jan de Vries", "Ann Example")
    assert r.text == "ANN EXAMPLE, EXAMPLE NEWS ANCHOR: Farmers are counting the cost tonight."
