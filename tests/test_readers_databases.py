"""Database exports with many articles per file: Factiva HTML (export and browser-saved
page) and XML, LexisNexis HTML (English, French, error sections), LexisNexis TXT with a
broken and an unnumbered document, Nexis Uni TXT without 'End of Document', Nexis Uni
DOCX in Spanish. Fixtures in tests/fixtures/exports/ are invented articles (the town of
Millbrook) in the layouts of the real exports."""
import warnings
from pathlib import Path

import pytest

from discourse.readers import ReaderError, ReaderWarning, read, reader_for
from discourse.readers import factiva, factiva_xml, nexis

FIX = Path(__file__).parent / "fixtures" / "exports"


def _read(path, **kw):
    """Read and return (result, warning messages)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = read(path, **kw)
    return res, [str(w.message) for w in caught if issubclass(w.category, ReaderWarning)]


# -- Factiva HTML -------------------------------------------------------------------

def test_factiva_saved_page_every_article_once():
    p = FIX / "factiva_saved_page.html"
    assert reader_for(p) is factiva
    res, notes = _read(p)
    assert notes == [] and res.problems == []
    got = [(r.record, r.title, r.published, r.outlet, r.extra["factiva_id"], r.extra["word_count"])
           for r in res.records]
    assert got == [
        ("1", "Brücke über den Mühlbach gesperrt", "2024-03-01", "Millbrooker Anzeiger",
         "mlbk000020240301ea310001a", 312),
        ("2", "Stadtrat beschließt neuen Busplan", "2024-03-02", "Millbrooker Anzeiger",
         "mlbk000020240302ea320002b", 1045),
        ("3", "Markt am Sonntag fällt aus", "2024-03-03", "Millbrooker Anzeiger",
         "mlbk000020240303ea330003c", 88),
    ]
    # the nested div.article is read once, not twice
    assert res.records[0].text == ("Die alte Brücke über den Mühlbach bleibt bis Mai gesperrt.\n\n"
                                   "„Wir prüfen jeden Pfeiler“, sagte Bürgermeisterin Anna Korte.")
    assert res.records[1].extra["page"] == "7" and res.records[1].extra["language"] == "Deutsch"


def test_factiva_page_found_behind_large_scripts(tmp_path):
    """A browser-saved page starts with hundreds of KB of style sheets and scripts."""
    page = (FIX / "factiva_saved_page.html").read_text(encoding="utf-8")
    padding = "<style>" + ".x{color:red}" * 30_000 + "</style><script>var a = 1;" + " " * 50_000 + "</script>"
    p = tmp_path / "saved.html"
    p.write_text(page.replace("<title>", padding + "<title>", 1), encoding="utf-8")
    assert p.stat().st_size > 400_000
    assert reader_for(p) is factiva
    assert [r.title for r in read(p).records][-1] == "Markt am Sonntag fällt aus"


def test_factiva_code_table_keeps_unknown_codes():
    p = FIX / "factiva_codes.html"
    assert reader_for(p) is factiva
    a, b = read(p).records
    assert (a.title, a.published, a.outlet, a.extra["word_count"], a.extra["ngc"]) == (
        "Crue de la Lièvre à Millbrook", "2024-03-04", "Le Courrier de Millbrook", 1204, "Presse régionale")
    assert a.extra["source_code"] == "CDMB"  # the unknown NGC row did not run into SC
    assert a.text == "La rivière est sortie de son lit dans la nuit.\n\nLes pompiers ont évacué douze maisons."
    assert (b.title, b.extra["section"], b.extra["factiva_id"]) == (
        "La digue sera renforcée", "Région", "CDMB000020240305ea350002y")


# -- Factiva XML --------------------------------------------------------------------

def test_factiva_xml_articles_and_problem():
    p = FIX / "factiva.xml"
    assert reader_for(p) is factiva_xml
    res, notes = _read(p)
    assert notes == []
    a, b = res.records
    assert (a.record, a.title, a.author, a.published, a.outlet) == (
        "1", "Millbrook library reopens", "Jo Finch", "2024-03-06", "Millbrook Gazette")
    assert a.text == ("The library reopened on Monday after a year of repairs.\n\n"
                      "\"We missed it,\" said reader Sam Ortiz.\n\nOpening hours are longer on Thursdays.")
    assert a.extra == {"factiva_id": "MLBK000020240306ea360001x", "time": "08:15:00Z",
                       "copyright": "(c) 2024 Millbrook Gazette", "source_code": "MLBK", "language": "EN",
                       "word_count": 420, "page": "3", "region": "Millbrook",
                       "subject": "Political/General News"}
    # plain hard-wrapped text: indented lines start paragraphs
    assert b.text == ("The Millbrook ferry company said it cut its fares by ten percent.\n\n"
                      "The cut takes effect in April, the company said.")
    assert (b.published, b.outlet) == ("1987-03-07", "Millbrook Wire")
    assert len(res.problems) == 1
    assert res.problems[0][0] == "3" and "MLBK000020240308ea380003w has no text" in res.problems[0][1]


def test_factiva_format_name_reads_xml_too():
    res = read(FIX / "factiva.xml", format="factiva")
    assert [r.record for r in res.records] == ["1", "2"]


def test_factiva_xml_count_mismatch_warns(tmp_path):
    p = tmp_path / "export.xml"
    p.write_text((FIX / "factiva.xml").read_text(encoding="utf-8").replace('count="3"', 'count="5"'),
                 encoding="utf-8")
    with pytest.warns(ReaderWarning, match="says it holds 5 articles, 3 were found"):
        read(p)


def test_factiva_xml_truncated_recovers_with_warning(tmp_path):
    text = (FIX / "factiva.xml").read_text(encoding="utf-8")
    p = tmp_path / "cut.xml"
    p.write_text(text[: text.index("FERRY PRICES")], encoding="utf-8")
    res, notes = _read(p)
    assert [r.title for r in res.records] == ["Millbrook library reopens"]
    assert res.problems[0][0] == "2" and "has no text" in res.problems[0][1]  # the cut one
    assert len(notes) == 2 and "not well-formed" in notes[0]
    assert notes[1].endswith("the export says it holds 3 articles, 2 were found")


def test_other_xml_is_refused(tmp_path):
    p = tmp_path / "feed.xml"
    p.write_text("<?xml version='1.0'?><rss><channel><item><title>x</title></item></channel></rss>",
                 encoding="utf-8")
    with pytest.raises(ReaderError, match="no Factiva articles found.*convert other XML"):
        read(p)
    e = tmp_path / "empty.xml"
    e.write_text("  ", encoding="utf-8")
    with pytest.raises(ReaderError, match="file is empty"):
        read(e)


# -- LexisNexis HTML ----------------------------------------------------------------

def test_lexisnexis_html_english_every_document():
    p = FIX / "lexisnexis_en.html"
    assert reader_for(p) is nexis
    res, notes = _read(p)
    assert [r.record for r in res.records] == ["1", "3"]
    assert len(res.problems) == 1
    rec, reason = res.problems[0]
    assert rec == "2" and "We are sorry but there is an error in this document" in reason
    a, c = res.records
    assert (a.title, a.author, a.published, a.outlet) == (
        "Harbour wall; repairs start", "LEE MARSH", "2024-03-09", "Millbrook Gazette")
    assert a.extra["edition"] == "Final Edition; Correction Appended"
    assert a.extra["correction"] == "An earlier version misspelled the engineer's name."
    assert a.text == ("Work on the harbour wall began on Friday.\n\n"
                      "\"It will take all summer,\" said engineer Pat Quill.")
    assert (c.title, c.outlet, c.extra["distribution"]) == ("Ferry timetable", "Millbrook Evening Post",
                                                             "Harbour Zone")
    assert c.text == "Day | First ferry\n\nMonday | 6:30"  # a table: one line per row
    assert notes == []


def test_lexisnexis_html_french_labels():
    p = FIX / "lexisnexis_fr.html"
    assert reader_for(p) is nexis
    res = read(p)
    assert res.problems == []
    a, b = res.records
    assert (a.record, a.title, a.author, a.published, a.outlet) == (
        "1", "Le pont rouvre enfin", "Claire Dubois", "2024-03-08", "Le Courrier de Millbrook")
    assert {k: a.extra[k] for k in ("section", "length", "highlight", "subject", "load_date",
                                    "publication_type")} == {
        "section": "RÉGION; Pg. 4", "length": 143, "highlight": "Après six mois de travaux",
        "subject": "TRANSPORTS (90%); PONTS (88%)", "load_date": "2024-03-09", "publication_type": "Journal"}
    assert a.text == ("Le pont de la Lièvre est de nouveau ouvert.\n\n"
                      "Les commerçants sont soulagés. Les bouchons ont disparu.")
    assert (b.title, b.published, b.extra["geographic"]) == ("« Marché de printemps »", "2024-03-10",
                                                              "MILLBROOK (93%)")


def test_lexisnexis_html_without_documents(tmp_path):
    p = tmp_path / "ln.html"
    p.write_text("<html><body><!-- <DOC NUMBER=1>\n<DOCFULL> --><p>Session expired</p>"
                 "<!-- </DOCFULL>\n</DOC> --></body></html>", encoding="utf-8")
    assert reader_for(p) is nexis
    res = read(p)
    assert res.records == []
    assert res.problems == [("#1", "section 1 of the page: no document text, the export says only: "
                                   "'Session expired'")]


# -- LexisNexis / Nexis Uni TXT -------------------------------------------------------

def test_lexisnexis_txt_broken_and_unnumbered_documents():
    p = FIX / "lexisnexis_broken.txt"
    assert reader_for(p) is nexis
    res, notes = _read(p)
    assert [(r.record, r.title, r.published, r.outlet) for r in res.records] == [
        ("1", "Council approves new harbour budget", "2024-03-04", "Millbrook Gazette"),
        ("3", "Ferry fares to rise", "2024-03-05", "Millbrook Evening Post"),
        ("4", "School roof repaired", "2024-03-06", "Millbrook Gazette"),
        ("5", "Library hours extended", "2024-03-07", "Millbrook Gazette"),
    ]
    assert len(res.problems) == 1 and res.problems[0][0] == "2"
    assert "cannot tell metadata from text" in res.problems[0][1]
    # document 4 had no '4 of 5 DOCUMENTS' line: split off document 3, not merged into it
    assert res.records[1].text == "Ferry fares will rise by five percent in April."
    assert res.records[2].author == "Jo Finch"
    assert any("document 4: no 'N of M DOCUMENTS' line" in n for n in notes)
    # text after the tail fields is kept and reported, not dropped
    assert res.records[3].text == "The library will open until eight on Thursdays."
    assert res.records[3].extra["unparsed"] == "Reader comments are closed for this article."
    assert any("document 5: 1 block(s) after the trailing fields" in n for n in notes)


def test_nexisuni_txt_missing_end_of_document():
    p = FIX / "nexisuni_no_end.txt"
    assert reader_for(p) is nexis
    res, notes = _read(p)
    assert res.problems == []
    assert [(r.record, r.title, r.outlet, r.published, r.author) for r in res.records] == [
        ("1", "Harbour wall repairs begin", "Millbrook Gazette", "2024-03-09", "Lee Marsh"),
        ("2", "Ferry timetable changes", "Millbrook Evening Post", "2024-03-10", None),
        ("3", "Market moves to the square", "Millbrook Gazette", "2024-03-11", "Jo Finch"),
    ]
    assert res.records[1].text == "The first ferry will leave at half past six."
    assert "unparsed" not in res.records[1].extra
    assert notes == ["document 3: no 'End of Document' line between it and document 2; the two were "
                     "told apart by this one's headline, outlet and date (check both)"]


def test_nexisuni_missing_end_after_body_without_tail_fields():
    """Without trailing fields, the last body paragraph must not become part of the next headline."""
    lines = ["Harbour wall repairs begin", "Millbrook Gazette", "March 9, 2024 Saturday",
             "Length: 230 words", "Body", "", "Work on the harbour wall began on Friday.", "",
             "It will take all summer, the engineer said.", "", "",  # 'End of Document' lost here
             "", "", "Ferry timetable changes", "Millbrook Evening Post", "March 10, 2024 Sunday",
             "Length: 60 words", "Body", "The first ferry will leave at half past six.", "End of Document"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = nexis.parse_lines(lines, one_per_line=True)
    assert [(r.title, r.outlet) for r in res.records] == [
        ("Harbour wall repairs begin", "Millbrook Gazette"), ("Ferry timetable changes", "Millbrook Evening Post")]
    assert res.records[0].text == ("Work on the harbour wall began on Friday.\n\n"
                                   "It will take all summer, the engineer said.")


# -- Nexis Uni DOCX in Spanish ----------------------------------------------------------

@pytest.fixture
def nexisuni_es(tmp_path):
    import docx

    d = docx.Document()
    for line in ["Date and Time: Monday, March 11, 2024 9:00:00 AM EST", "Job Number: 1234",
                 "Documents (3)", "1. El puerto de Millbrook abre de noche", "Client/Matter: -None-",
                 "Search Terms: millbrook", "Narrowed by: ", "2. Sin texto", "3. Nueva línea de autobús",
                 "Client/Matter: -None-", "Narrowed by: "]:
        d.add_paragraph(line)
    docs = [
        ["El puerto de Millbrook abre de noche", "El Diario de Millbrook", "March 8, 2024 Friday",
         "Edición Costa", "Copyright 2024 El Diario de Millbrook", "Section:\u00a0ECONOMÍA; Pág. 12",
         "Length:\u00a0312 words", "Byline:\u00a0MARÍA LÓPEZ", "Highlight:\u00a0Los pescadores celebran el cambio",
         "Body", "El puerto abrirá también de noche a partir de abril.",
         "«Es una buena noticia», dijo la alcaldesa.", "Load-Date:\u00a0March 9, 2024"],
        ["Sin texto", "El Diario de Millbrook", "March 9, 2024 Saturday", "Length:\u00a00 words", "Body",
         "Load-Date:\u00a0March 10, 2024"],
        ["Nueva línea de autobús", "El Diario de Millbrook", "10 de marzo de 2024 domingo",
         "Length:\u00a0120 words", "Body", "La línea 4 unirá el puerto con la estación.",
         "Load-Date:\u00a0March 11, 2024"],
    ]
    for doc in docs:
        for line in doc:
            d.add_paragraph(line)
        d.add_paragraph("End of Document")
    p = tmp_path / "Files (3).DOCX"
    d.save(p)
    return p


def test_nexisuni_docx_spanish(nexisuni_es):
    assert reader_for(nexisuni_es) is nexis
    res = read(nexisuni_es)
    a, c = res.records
    assert (a.record, a.title, a.outlet, a.published, a.author) == (
        "1", "El puerto de Millbrook abre de noche", "El Diario de Millbrook", "2024-03-08", "MARÍA LÓPEZ")
    assert (a.extra["section"], a.extra["length"], a.extra["edition"], a.extra["highlight"]) == (
        "ECONOMÍA; Pág. 12", 312, "Edición Costa", "Los pescadores celebran el cambio")
    assert a.text == ("El puerto abrirá también de noche a partir de abril.\n\n"
                      "«Es una buena noticia», dijo la alcaldesa.")
    assert (c.record, c.title, c.published) == ("3", "Nueva línea de autobús", "2024-03-10")
    assert res.problems == [("2", "document has an empty body ('Sin texto')")]


# -- through corpus.load: every record is a row or a report entry ------------------------

def test_every_record_a_row_or_report_entry(tmp_path, nexisuni_es):
    from discourse import corpus

    import shutil

    for f in FIX.iterdir():
        shutil.copy(f, tmp_path / f.name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = corpus.load(tmp_path, duplicates=False)
    report = df.attrs["load_report"]
    errors = report[~report["reason"].str.startswith("warning:")]
    rows = df["source"].str.rsplit("/", n=1).str[-1].str.split("#").str[0].value_counts().to_dict()
    errs = errors["source"].str.rsplit("/", n=1).str[-1].value_counts().to_dict()
    expected = {  # file: (rows, report errors)
        "factiva_saved_page.html": (3, 0), "factiva_codes.html": (2, 0), "factiva.xml": (2, 1),
        "lexisnexis_en.html": (2, 1), "lexisnexis_fr.html": (2, 0), "lexisnexis_broken.txt": (4, 1),
        "nexisuni_no_end.txt": (3, 0), "Files (3).DOCX": (2, 1),
    }
    assert {f: (rows.get(f, 0), errs.get(f, 0)) for f in expected} == expected
    assert set(rows) <= set(expected)
    assert df["factiva_id"].notna().sum() == 7
