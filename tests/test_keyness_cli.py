"""discourse keyness / discourse collocations on the command line."""
from __future__ import annotations

import pandas as pd
import pytest

from discourse import cli


@pytest.fixture
def csv_corpus(tmp_path):
    rows = []
    for i in range(4):
        rows.append({"title": f"A{i}", "outlet": "Alpha", "published": f"2024-01-0{i + 1}",
                     "body": f"The Taliban regime fell on day {i}. The regime lied again."})
        rows.append({"title": f"B{i}", "outlet": "Beta", "published": f"2024-02-0{i + 1}",
                     "body": f"The Afghan government met on day {i}. The Taliban militants fled."})
    path = tmp_path / "articles.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_keyness_writes_a_table(csv_corpus, tmp_path, capsys):
    out = tmp_path / "k.csv"
    assert cli.main(["keyness", str(csv_corpus), "--by", "outlet", "--out", str(out), "--quiet",
                     "--columns", "text=body"]) == 0
    k = pd.read_csv(out)
    top = k[k["group"] == "Alpha"].iloc[0]
    assert (top["term"], top["n"], top["n_reference"]) == ("regime", 8, 0)


def test_keyness_with_a_reference_file(csv_corpus, tmp_path):
    ref = tmp_path / "ref.csv"
    pd.DataFrame({"term": ["the", "regime"], "n": [90, 10]}).to_csv(ref, index=False)
    out = tmp_path / "k.csv"
    assert cli.main(["keyness", str(csv_corpus), "--by", "none", "--reference", str(ref), "--out", str(out),
                     "--quiet", "--columns", "text=body"]) == 0
    k = pd.read_csv(out).set_index("term")
    assert (k.loc["regime", "n_reference"], k.loc["regime", "total_reference"]) == (10, 100)


def test_keyness_within_periods(csv_corpus, tmp_path):
    out = tmp_path / "k.csv"
    assert cli.main(["keyness", str(csv_corpus), "--period", "Y", "--out", str(out), "--quiet",
                     "--columns", "text=body"]) == 0
    k = pd.read_csv(out, dtype={"period": str})
    assert set(k["period"]) == {"2024"}
    top = k[k["group"] == "Alpha"].iloc[0]
    assert (top["term"], top["n"], top["n_reference"]) == ("regime", 8, 0)


def test_collocations_writes_a_table(csv_corpus, tmp_path):
    out = tmp_path / "c.csv"
    assert cli.main(["collocations", str(csv_corpus), "--target", "taliban", "--by", "outlet", "--window", "1",
                     "--out", str(out), "--quiet", "--columns", "text=body"]) == 0
    c = pd.read_csv(out)
    assert c[c["outlet"] == "Alpha"].set_index("term").loc["regime", "n"] == 4
    assert c[c["outlet"] == "Beta"].set_index("term").loc["militants", "n"] == 4


@pytest.mark.parametrize("extra,message", [
    (["keyness", "--by", "desk"], "by: column(s) ['desk'] not in the corpus"),
    (["keyness", "--reference", "missing.csv"], "--reference missing.csv: no such file"),
    (["keyness", "--target", "Gamma"], "target: group(s) ['Gamma'] not in the corpus"),
    (["keyness", "--period", "M"], "no period holds both a target and its reference"),
    (["collocations", "--target", "regime", "--window", "0"], "window must be"),
])
def test_user_errors_exit_2_with_one_line(extra, message, csv_corpus, tmp_path, capsys):
    argv = [extra[0], str(csv_corpus), *extra[1:], "--out", str(tmp_path / "x.csv"), "--quiet",
            "--columns", "text=body"]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


def test_keyness_stop_words_from_a_file_and_by_name(csv_corpus, tmp_path):
    words = tmp_path / "stop.txt"
    words.write_text("# words to leave out\nregime\n\nThe\n", encoding="utf-8")
    out = tmp_path / "k.csv"
    assert cli.main(["keyness", str(csv_corpus), "--stop-words", str(words), "--out", str(out), "--quiet",
                     "--columns", "text=body"]) == 0
    terms = set(pd.read_csv(out)["term"])
    assert "regime" not in terms and "the" not in terms and "taliban" in terms
    assert cli.main(["keyness", str(csv_corpus), "--stop-words", "english", "--out", str(out), "--quiet",
                     "--columns", "text=body"]) == 0
    terms = set(pd.read_csv(out)["term"])
    assert "the" not in terms and "regime" in terms
    assert cli.main(["keyness", str(csv_corpus), "--stop-words", "none", "--out", str(out), "--quiet",
                     "--columns", "text=body"]) == 0
    assert "the" in set(pd.read_csv(out)["term"])


def test_keyness_stop_words_unknown_exits_2(csv_corpus, tmp_path, capsys):
    code = cli.main(["keyness", str(csv_corpus), "--stop-words", "klingon", "--out", str(tmp_path / "k.csv"),
                     "--quiet", "--columns", "text=body"])
    assert code == 2
    assert "--stop-words klingon" in capsys.readouterr().err
