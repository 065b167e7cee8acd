"""Licensed-database exports: Nexis Uni / LexisNexis (discourse.readers.nexis) and Factiva."""
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from discourse.readers import ReaderError, read, reader_for
from discourse.readers import factiva, nexis

FIX = Path(__file__).parent / "fixtures" / "readers"
NB = "\u00a0"

# A Nexis Uni export: cover page, then documents with the drift seen in real files
COVER = [
    "User Name: =Jane Researcher",
    "Date and Time: = Monday, July 26, 2021 10:32:00 AM EDT",
    "Job Number: 151427839",
    "Documents (4)",
    "1. U.S. Strikes Taliban Targets as Afghan Forces Retreat",
    "Client/Matter: -None-",
    "Search Terms: taliban AND airstrike",
    "Search Type: Terms and Connectors",
    "Narrowed by:",
]
DOC1 = [
    "U.S. Strikes Taliban Targets as Afghan Forces Retreat",
    "The New York Times",
    "July 23, 2021 Friday",
    "Late Edition - Final",
    "Copyright 2021 The New York Times Company All Rights Reserved",
    f"Section:{NB}Section A; Column 0; Foreign Desk; Pg. 8",
    f"Length:{NB}1023 words",
    f"Byline:{NB}By Thomas Gibbons-Neff and Fahim Abed",
    f"Dateline:{NB}KABUL, Afghanistan",
    "Body",
    "KABUL, Afghanistan \u2014 The United States carried out airstrikes against the Taliban this week.",
    "\u201cWe will continue to monitor the situation,\u201d Gen. Mark Milley said.",
    "The strikes came as the Taliban claimed control of 90 percent of the borders.",
    "Classification",
    "Language: ENGLISH",
    "Publication-Type: Newspaper",
    "Subject: ARMED FORCES (91%); TALIBAN (90%)",
    "Load-Date: July 23, 2021",
    "End of Document",
]
DOC2 = [  # fields in another order, time after the date, a Graphic block, no copyright
    "Taliban seize border crossing",
    "Reuters News",
    "Jul 22, 2021 Thursday 5:02 PM EST",
    f"Byline:{NB}Reuters Staff",
    f"Length:{NB}412 words",
    "Body",
    "Taliban fighters seized the main crossing into Pakistan, officials said.",
    "Afghan officials denied the claim.",
    "Graphic",
    "Photo: Taliban fighters at the Spin Boldak crossing.",
    "Load-Date: July 23, 2021",
    "End of Document",
]
DOC3 = [  # a graphic-only document: no text
    "Map of district centres",
    "The Washington Post",
    "July 24, 2021 Saturday",
    "Length: 0 words",
    "Body",
    "Load-Date: July 25, 2021",
    "End of Document",
]
DOC4 = [  # no 'Body' heading at all
    "Afghan army retreats from Kandahar districts",
    "The Guardian (London)",
    "23 July 2021",
    "Section: WORLD NEWS; Version:1",
    "Length: 300 words",
    "Byline: Emma Graham-Harrison",
    "Government troops pulled back from three districts overnight.",
    "Residents said the Taliban arrived at dawn.",
    "Load-Date: July 23, 2021",
    "End of Document",
]


def _nexis_docx(path):
    d = docx.Document()
    for line in COVER:
        d.add_paragraph(line)
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Content Type", "Narrowed by"
    t.cell(1, 0).text, t.cell(1, 1).text = "News", "Timeline: Jul 20, 2021 to Jul 25, 2021"
    for doc in (DOC1, DOC2, DOC3, DOC4):
        first = d.add_paragraph()
        first.add_run().add_break(WD_BREAK.PAGE)  # each document starts on a new page
        first.add_run(doc[0])
        for line in doc[1:]:
            d.add_paragraph(line)
    d.save(str(path))
    return path


def _rtf(lines):
    def esc(s):
        out = []
        for ch in s:
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) > 127:
                out.append(f"\\u{ord(ch)}?")
            else:
                out.append(ch)
        return "".join(out)
    body = "".join(esc(line) + "\\par\n" for line in lines)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\n" + body + "}").encode("ascii")


def _check_nexis_uni(res):
    assert [r.record for r in res.records] == ["1", "2", "4"]
    assert res.problems == [("3", "document has an empty body ('Map of district centres')")]
    a, b, c = res.records
    assert a.title == "U.S. Strikes Taliban Targets as Afghan Forces Retreat"
    assert (a.outlet, a.published, a.author) == (
        "The New York Times", "2021-07-23", "Thomas Gibbons-Neff and Fahim Abed")
    assert a.text == (
        "KABUL, Afghanistan \u2014 The United States carried out airstrikes against the Taliban this week.\n\n"
        "\u201cWe will continue to monitor the situation,\u201d Gen. Mark Milley said.\n\n"
        "The strikes came as the Taliban claimed control of 90 percent of the borders.")
    assert a.extra == {
        "edition": "Late Edition - Final",
        "copyright": "Copyright 2021 The New York Times Company All Rights Reserved",
        "section": "Section A; Column 0; Foreign Desk; Pg. 8",
        "length": 1023, "dateline": "KABUL, Afghanistan", "language": "ENGLISH",
        "publication_type": "Newspaper", "subject": "ARMED FORCES (91%); TALIBAN (90%)",
        "load_date": "2021-07-23",
    }
    assert (b.title, b.outlet, b.published, b.author) == (
        "Taliban seize border crossing", "Reuters News", "2021-07-22", "Reuters Staff")
    assert b.text == ("Taliban fighters seized the main crossing into Pakistan, officials said.\n\n"
                      "Afghan officials denied the claim.")
    assert b.extra["graphic"] == "Photo: Taliban fighters at the Spin Boldak crossing."
    assert (c.title, c.outlet, c.published, c.author) == (
        "Afghan army retreats from Kandahar districts", "The Guardian (London)", "2021-07-23",
        "Emma Graham-Harrison")
    assert c.text == ("Government troops pulled back from three districts overnight.\n\n"
                      "Residents said the Taliban arrived at dawn.")
    for r in res.records:  # no export boilerplate in the text
        for junk in ("End of Document", "Load-Date", "Length:", "Job Number", "Copyright"):
            assert junk not in r.text


def test_nexis_uni_docx(tmp_path):
    p = _nexis_docx(tmp_path / "Files(4).docx")
    assert nexis.sniff(p)
    assert reader_for(p) is nexis
    _check_nexis_uni(read(p))


def test_nexis_uni_rtf_and_txt_with_page_breaks(tmp_path):
    lines = COVER + DOC1 + DOC2 + DOC3 + DOC4
    r = tmp_path / "export.rtf"
    r.write_bytes(_rtf(lines))
    assert reader_for(r) is nexis
    _check_nexis_uni(read(r))
    t = tmp_path / "export.txt"
    t.write_text("\n".join(COVER + ["\x0c" + x if x == DOC1[0] else x for x in DOC1] + DOC2 + DOC3 + DOC4),
                 encoding="utf-8")
    assert reader_for(t) is nexis
    res = nexis.read(t, )
    assert [x.record for x in res.records] == ["1", "2", "4"]
    assert res.records[0].title == DOC1[0]


def test_nexis_truncated_last_document(tmp_path):
    t = tmp_path / "cut.txt"
    t.write_text("\n".join(DOC1 + DOC2[:4]), encoding="utf-8")  # cut before 'Body'
    res = read(t)
    assert [x.record for x in res.records] == ["1"]
    assert res.problems == [("2", "document has an empty body ('Taliban seize border crossing'); "
                                  "the export ends without 'End of Document' (truncated download?)")]
    t.write_text("\n".join(DOC1 + DOC2[:7]), encoding="utf-8")  # cut inside the body
    res = read(t)
    assert res.problems == []
    assert [x.extra.get("truncated") for x in res.records] == [None, True]
    assert res.records[1].text == "Taliban fighters seized the main crossing into Pakistan, officials said."


def test_lexisnexis_classic_txt():
    p = FIX / "lexisnexis_classic.txt"
    assert reader_for(p) is nexis
    res = read(p)
    assert res.problems == []
    a, b = res.records
    assert (a.record, a.title, a.outlet, a.published, a.author) == (
        "1", "US launches airstrikes as Taliban advance on Kandahar", "The Guardian (London)",
        "2021-07-23", "Emma Graham-Harrison")
    assert a.text.split("\n\n")[1] == ('"Strategic momentum appears to be sort of with the Taliban," '
                                       "Gen. Mark Milley told reporters in Washington.")
    assert len(a.text.split("\n\n")) == 3
    assert a.extra["edition"] == "Final Edition"
    assert a.extra["length"] == 412
    assert a.extra["copyright"] == "Copyright 2021 Guardian Newspapers Limited All Rights Reserved"
    assert (b.record, b.title, b.outlet, b.published, b.author) == (
        "2", "Kabul fears the fall of border towns", "The Times (London)", "2021-07-24", None)
    assert b.extra["dateline"] == "Kabul"


def test_nexis_bad_inputs(tmp_path):
    e = tmp_path / "e.txt"
    e.write_text("\n\n", encoding="utf-8")
    with pytest.raises(ReaderError, match="file is empty"):
        nexis.read(e)
    n = tmp_path / "n.txt"
    n.write_text("Just an article.\n\nWith two paragraphs.", encoding="utf-8")
    assert not nexis.sniff(n)
    with pytest.raises(ReaderError, match="no Nexis documents found"):
        nexis.read(n)
    j = tmp_path / "j.docx"
    j.write_bytes(b"PK\x03\x04 broken zip")
    assert not nexis.sniff(j)  # a sniffer never raises
    with pytest.raises(ReaderError, match=r"\.docx"):
        nexis.read(j)


def test_sniffers_leave_other_files_alone(tmp_path):
    seed = Path(__file__).parents[1] / "seeds" / "000_6f0d46aa1e83e359.txt"
    assert not nexis.sniff(seed) and not factiva.sniff(seed)
    c = tmp_path / "a.csv"
    c.write_text("text\nEnd of Document\n", encoding="utf-8")
    assert not nexis.sniff(c) and not factiva.sniff(c)


# -- Factiva ----------------------------------------------------------------------

def test_factiva_field_codes_txt():
    p = FIX / "factiva_fields.txt"
    assert factiva.sniff(p) and not nexis.sniff(p)
    assert reader_for(p) is factiva
    res = read(p)
    a, b = res.records
    assert (a.record, a.title, a.author, a.published, a.outlet) == (
        "1", "US launches airstrikes against Taliban as Afghan forces crumble", "Bill Van Auken",
        "2021-07-23", "World Socialist Web Site")
    assert a.text == (
        "US warplanes carried out at least four sets of airstrikes in Afghanistan this week.\n\n"
        "The Pentagon acknowledged the bombing raids, which took place on Wednesday and Thursday.\n\n"
        "In both Kunduz and Kandahar, the security forces are facing increasing pressure.\n\n"
        "IN a Pentagon press conference on Wednesday, Gen. Mark Milley spoke.")
    assert a.extra == {
        "factiva_id": "WSWS000020210723eh7n0001x", "word_count": 1023, "source_code": "WSWS",
        "language": "English", "copyright": "Copyright 2021 World Socialist Web Site. All rights reserved.",
        "subject": "gvio : Military Action | gpol : Domestic Politics",
        "region": "afgh : Afghanistan | usa : United States",
    }
    assert (b.record, b.title, b.author, b.extra["factiva_id"]) == (
        "2", "Taliban claim 90 percent of borders", None, "AFPR000020210724eh7o0005a")
    assert res.problems == [("3", "article has no LP/TD text ('Photo: Afghan commandos in Kandahar')")]


def test_factiva_field_codes_html():
    p = FIX / "factiva_fields.html"
    assert reader_for(p) is factiva
    (r,) = read(p).records
    assert (r.title, r.author, r.published, r.outlet) == (
        "Afghan forces retreat from Kunduz", "Jane Doe and Ahmad Sultan", "2021-07-22", "Reuters News")
    assert r.text == (
        "KABUL, July 22 (Reuters) - Afghan forces pulled back from the outskirts of Kunduz on Thursday.\n\n"
        "The Taliban said they had taken control of the city's airport road.\n\n"
        "\u201cWe are regrouping,\u201d an army spokesman said.")
    assert r.extra["factiva_id"] == "LBA0000020210722eh7m00abc"


FACTIVA_ARTICLES = [
    "US launches airstrikes against Taliban",
    "World",
    "By Bill Van Auken",
    "1,023 words",
    "23 July 2021",
    "14:05 GMT",
    "World Socialist Web Site",
    "WSWS",
    "English",
    "Copyright 2021 World Socialist Web Site. All rights reserved.",
    "",
    "US warplanes carried out at least four sets of airstrikes in Afghanistan this week.",
    "\u201cStrategic momentum appears to be sort of with the Taliban,\u201d Milley said.",
    "",
    "Document WSWS000020210723eh7n0001x",
    "",
    "Taliban claim border towns",
    "Jane Doe",
    "212 words",
    "24 July 2021",
    "The Daily Telegraph",
    "DT",
    "Edition 1; National",
    "14",
    "English",
    "(c) 2021 Telegraph Media Group Limited",
    "The Taliban said on Friday they controlled 90 percent of the country\u2019s borders.",
    "Document DT00000020210724eh7o0000q",
    "",
    "Search Summary",
    "Text\ttaliban and airstrike",
    "Date\t07/20/2021 to 07/25/2021",
    "Results Found\t2",
]


def test_factiva_article_format_rtf(tmp_path):
    p = tmp_path / "Factiva-20210726-1030.rtf"
    p.write_bytes(_rtf(FACTIVA_ARTICLES))
    assert factiva.sniff(p) and not nexis.sniff(p)
    res = read(p)
    assert res.problems == []
    a, b = res.records
    assert (a.record, a.title, a.author, a.published, a.outlet) == (
        "1", "US launches airstrikes against Taliban", "Bill Van Auken", "2021-07-23",
        "World Socialist Web Site")
    assert a.text == ("US warplanes carried out at least four sets of airstrikes in Afghanistan this week.\n\n"
                      "\u201cStrategic momentum appears to be sort of with the Taliban,\u201d Milley said.")
    assert a.extra == {"factiva_id": "WSWS000020210723eh7n0001x", "word_count": 1023, "time": "14:05 GMT",
                       "source_code": "WSWS", "language": "English",
                       "copyright": "Copyright 2021 World Socialist Web Site. All rights reserved.",
                       "section": "World"}
    assert (b.record, b.title, b.author, b.published, b.outlet) == (
        "2", "Taliban claim border towns", "Jane Doe", "2021-07-24", "The Daily Telegraph")
    assert b.text == "The Taliban said on Friday they controlled 90 percent of the country\u2019s borders."
    assert (b.extra["edition"], b.extra["page"], b.extra["source_code"]) == ("Edition 1; National", "14", "DT")


def test_factiva_bad_inputs(tmp_path):
    t = tmp_path / "cut.txt"
    t.write_text("\n".join(FACTIVA_ARTICLES[:16] + ["Taliban claim border towns", "Jane Doe"]), encoding="utf-8")
    res = factiva.read(t)
    assert [r.record for r in res.records] == ["1"]
    assert res.problems == [("2", "text after the last 'Document <id>' line: no 'N words' line; "
                                  "cannot tell metadata from text (truncated export?)")]
    n = tmp_path / "n.txt"
    n.write_text("An ordinary article.\n\nNothing Factiva about it.", encoding="utf-8")
    assert not factiva.sniff(n)
    with pytest.raises(ReaderError, match="no Factiva articles found"):
        factiva.read(n)
    e = tmp_path / "e.rtf"
    e.write_bytes(b"")
    assert not factiva.sniff(e)
    with pytest.raises(ReaderError, match="file is empty"):
        factiva.read(e)


def test_end_to_end_through_corpus_load(tmp_path):
    """A folder of mixed inputs: every article is a row, everything else is in the report."""
    import shutil

    import pandas as pd

    from discourse import corpus

    _nexis_docx(tmp_path / "nexis.docx")
    shutil.copy(FIX / "factiva_fields.txt", tmp_path / "factiva.txt")
    (tmp_path / "table.csv").write_text("headline,body,date,section\nA,Body of A.,2021-07-20,World\nB,,2021-07-21,World\n",
                                        encoding="utf-8")
    (tmp_path / "broken.json").write_text('[{"text": "cut', encoding="utf-8")
    df = corpus.load(tmp_path)
    assert len(df) == 3 + 2 + 1
    assert df["published"].dtype == "datetime64[ns]"
    by_src = {Path(s).name: row for s, row in zip(df["source"], df.itertuples())}
    assert by_src["nexis.docx#1"].published == pd.Timestamp("2021-07-23")
    assert by_src["factiva.txt#2"].outlet == "Agence France Presse"
    assert by_src["table.csv#1"].title == "A"
    assert {"section", "length", "factiva_id", "word_count"} <= set(df.columns)
    rep = df.attrs["load_report"]
    rep = rep[~rep["reason"].str.startswith("warning:")]  # plausibility warnings: the fixtures are excerpts
    got = sorted((Path(s).name, str(r)) for s, r in zip(rep["source"], rep["record"]))
    assert got == [("broken.json", ""), ("factiva.txt", "3"), ("nexis.docx", "3"), ("table.csv", "2")]
    assert rep.loc[rep["source"].str.endswith("broken.json"), "reason"].str.contains("truncated JSON").all()


def test_factiva_rtf_table_layout(tmp_path):
    """Factiva's indexed RTF puts each field code and value in table cells."""
    rows = [("HD", "Kandahar under siege"), ("WC", "90 words"), ("PD", "25 July 2021"),
            ("SN", "The Guardian"), ("LP", "Fighting reached the city\u2019s outskirts."),
            ("TD", "Hospitals filled up.\\par Aid groups warned of shortages."),
            ("AN", "Document GRDN000020210725eh7p0002d")]
    body = "".join(f"\\trowd\\cellx1000\\cellx9000 {c}\\cell {v.replace(chr(0x2019), chr(92) + 'u8217?')}\\cell\\row\n"
                   for c, v in rows)
    p = tmp_path / "factiva.rtf"
    p.write_bytes(("{\\rtf1\\ansi\\ansicpg1252\n" + body + "}").encode("ascii"))
    assert reader_for(p) is factiva
    (r,) = read(p).records
    assert (r.title, r.published, r.outlet, r.extra["factiva_id"], r.extra["word_count"]) == (
        "Kandahar under siege", "2021-07-25", "The Guardian", "GRDN000020210725eh7p0002d", 90)
    assert r.text == ("Fighting reached the city\u2019s outskirts.\n\nHospitals filled up.\n\n"
                      "Aid groups warned of shortages.")


def test_nexis_field_like_line_inside_body_stays_text():
    doc = DOC1[:11] + ["Update: the ministry later denied the report."] + DOC1[11:]
    (r,) = nexis.parse_lines(doc, one_per_line=True).records
    assert r.text.split("\n\n")[1] == "Update: the ministry later denied the report."
    assert len(r.text.split("\n\n")) == 4
    assert r.extra["load_date"] == "2021-07-23"
