"""Word (.docx) and RTF readers."""
import docx
import pytest

from discourse.readers import ReaderError, read


def _docx(path, paras):
    d = docx.Document()
    for style, text in paras:
        d.add_paragraph(text, style=style)
    d.save(str(path))
    return path


def test_docx_title_style_byline_date(tmp_path):
    p = _docx(tmp_path / "a.docx", [
        ("Title", "Floods hit the valley"),
        (None, "By Jane Doe"),
        (None, "July 23, 2021"),
        (None, "Heavy rain fell on Thursday."),
        ("Heading 2", "Aftermath"),
        (None, "Residents returned  to  their homes."),
    ])
    (r,) = read(p).records
    assert (r.title, r.author, r.published) == ("Floods hit the valley", "Jane Doe", "2021-07-23")
    assert r.text == "Heavy rain fell on Thursday.\n\nAftermath\n\nResidents returned to their homes."


def test_docx_title_from_first_paragraph_and_table(tmp_path):
    d = docx.Document()
    d.add_paragraph("Strike ends at the port")
    d.add_paragraph("Workers returned on Monday after a week.")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Day", "Ships"
    t.cell(1, 0).text, t.cell(1, 1).text = "Monday", "12"
    d.add_paragraph("Talks resume next month.")
    p = tmp_path / "b.docx"
    d.save(str(p))
    (r,) = read(p).records
    assert r.title == "Strike ends at the port"
    assert r.author is None and r.published is None
    assert r.text == "Workers returned on Monday after a week.\n\nDay | Ships\n\nMonday | 12\n\nTalks resume next month."


def test_docx_bad_inputs(tmp_path):
    e = tmp_path / "e.docx"
    e.write_bytes(b"")
    with pytest.raises(ReaderError, match="file is empty"):
        read(e)
    j = tmp_path / "j.docx"
    j.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(ReaderError, match=r"not a Word \.docx file .*old binary \.doc"):
        read(j)
    z = tmp_path / "z.docx"
    _docx(tmp_path / "full.docx", [(None, "x " * 2000)])
    z.write_bytes((tmp_path / "full.docx").read_bytes()[:3000])  # truncated download
    with pytest.raises(ReaderError, match=r"not a Word \.docx file|damaged or incomplete"):
        read(z)
    n = _docx(tmp_path / "n.docx", [("Title", "Only a title")])
    with pytest.raises(ReaderError, match="no body text"):
        read(n)


RTF = (r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}\f0" "\n"
       r"{\b Floods hit the caf\'e9 district}\par" "\n"
       r"By Jane Doe\par" "\n"
       r"23 July 2021\par\par" "\n"
       r"\u8220?We lost everything,\u8221? said one resident.\par" "\n"
       r"Officials put the damage at \'8040 million.\par}")


def test_rtf_article(tmp_path):
    p = tmp_path / "a.rtf"
    p.write_bytes(RTF.encode("ascii"))
    (r,) = read(p).records
    assert (r.title, r.author, r.published) == ("Floods hit the caf\u00e9 district", "Jane Doe", "2021-07-23")
    assert r.text == "\u201cWe lost everything,\u201d said one resident.\n\nOfficials put the damage at \u20ac40 million."


def test_rtf_bad_inputs(tmp_path):
    e = tmp_path / "e.rtf"
    e.write_bytes(b"\n")
    with pytest.raises(ReaderError, match="file is empty"):
        read(e)
    n = tmp_path / "n.rtf"
    n.write_text("plain text pretending to be rtf", encoding="utf-8")
    with pytest.raises(ReaderError, match="not an RTF file"):
        read(n)
    t = tmp_path / "t.rtf"
    t.write_bytes(rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\*\generator x;}")
    with pytest.raises(ReaderError, match="truncated RTF|no body text"):
        read(t)
