"""Database exports: rows, load-report entries and field accuracy on the development set.

    .venv/bin/python benchmarks/eval_exports.py [FOLDER]

READS (never copies) the development exports in ``../shared/devsets/exports/`` (or
FOLDER): Factiva HTML and XML, LexisNexis HTML (English, French, copyright-error
page), LexisNexis TXT and DOCX, Nexis Uni DOCX in Spanish. Each file is loaded with
:func:`discourse.corpus.load`; printed per file: rows, load-report entries (errors and
warnings), rows with title / date / outlet, and for the LexisNexis TXT sample the
accuracy of headline, date and newspaper against ``expected_sample_TXT.json``; for
Nexis Uni DOCX the titles against the cover page's numbered list; and the number of
articles the export holds, counted from its structure without the readers
(``Documents (N)``, ``<DOCFULL>`` sections, ``<accessionNo>`` elements, Factiva
``Document <id>`` lines, ``N of M DOCUMENTS`` lines), with the Factiva ids recovered.
Prints one line and exits 0 when the folder is absent.
"""
from __future__ import annotations

import json
import re
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from discourse import corpus  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "devsets" / "exports"
SUFFIXES = {".html", ".htm", ".xml", ".txt", ".docx", ".rtf"}


def expected_articles(path: Path) -> tuple[int | None, set[str]]:
    """How many articles the export holds, counted from its structure without the readers,
    and the Factiva accession numbers in it (empty for other exports)."""
    ext = path.suffix.lower()
    if ext == ".docx":
        from discourse.readers.docx import paragraphs

        for _, text in paragraphs(path)[:50]:
            m = re.match(r"^\s*Documents\s*\((\d+)\)", text)
            if m:
                return int(m.group(1)), set()
        return None, set()
    raw = path.read_bytes().decode("utf-8", "replace")
    if ext == ".xml":
        ids = set(re.findall(r"<accessionNo>\s*([^<\s]+)\s*</accessionNo>", raw))
        return len(re.findall(r"<accessionNo>", raw)), ids
    if ext in (".html", ".htm") and "<DOCFULL>" in raw:
        return raw.count("<DOCFULL>"), set()
    if ext in (".html", ".htm"):
        ids = set(re.findall(r"(?:Document|Dokument|Documento)\s+([A-Za-z0-9]{12,40})\s*<", raw))
        return len(ids), ids
    n = len(re.findall(r"^\s*\d+ of \d+ DOCUMENTS\s*$", raw, flags=re.M))
    return (n or None), set()


def _filled(series) -> int:
    return int((series.notna() & (series.astype("string").str.strip() != "")).sum())


def evaluate_file(path: Path) -> dict:
    """Load one export; count rows, report entries and filled fields."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            df = corpus.load(path, duplicates=False)
        except Exception as exc:  # a refused file is a result too
            return dict(df=None, rows=0, errors=1, warnings=0, titled=0, dated=0, outlet=0,
                        reasons=[f"refused: {type(exc).__name__}: {exc}"])
    report = df.attrs.get("load_report")
    n_rep = 0 if report is None else len(report)
    n_warn = 0 if report is None else int(report["reason"].str.startswith("warning:").sum())
    return dict(df=df, rows=len(df), errors=n_rep - n_warn, warnings=n_warn,
                titled=_filled(df["title"]), dated=int(df["published"].notna().sum()),
                outlet=_filled(df["outlet"]),
                reasons=[] if report is None else list(report["reason"].astype(str)))


def compare_expected(df, expected: list[dict]) -> dict:
    """Share of rows (in document order) whose headline, date and newspaper match."""
    got = df.reset_index(drop=True)
    n = len(expected)
    hits = {"headline": 0, "date": 0, "newspaper": 0}
    misses: list[str] = []
    for i, exp in enumerate(expected):
        if i >= len(got):
            misses.append(f"  #{i + 1}: missing row")
            continue
        row = got.iloc[i]
        pub = row["published"]
        pairs = {"headline": (row["title"], exp["Headline"]),
                 "date": (None if pub is None or str(pub) == "NaT" else f"{pub:%Y-%m-%d}", exp["Date"]),
                 "newspaper": (row["outlet"], exp["Newspaper"])}
        for field, (a, b) in pairs.items():
            if a is not None and str(a) == b:
                hits[field] += 1
            else:
                misses.append(f"  #{i + 1} {field}: got {a!r}, expected {b!r}")
    return {"n": n, **{k: v / n for k, v in hits.items()}, "misses": misses}


def cover_titles(path: Path) -> list[str]:
    """The numbered title list on a Nexis Uni export's cover page ('1. Headline')."""
    from discourse.readers.docx import paragraphs

    titles = []
    for _, text in paragraphs(path):
        if text.strip() in ("End of Document",) or re.match(r"^\s*Body\s*$", text):
            break
        m = re.match(r"^\s*(\d+)\.\s+(.+)$", text)
        if m and int(m.group(1)) == len(titles) + 1:
            titles.append(m.group(2))
    return titles


def _norm(text) -> list[str]:
    return re.findall(r"\w+", str(text).casefold())


def compare_cover(df, titles: list[str]) -> tuple[float, list[str]]:
    """Share of rows whose title starts with the words of the cover list's entry."""
    hits, misses = 0, []
    for i, want in enumerate(titles):
        got = df["title"].iloc[i] if i < len(df) else None
        w, g = _norm(want), _norm(got or "")
        if g[: len(w)] == w or (len(w) > 3 and w[: len(g)] == g and len(g) >= 3):
            hits += 1
        else:
            misses.append(f"  #{i + 1} title: got {got!r}, cover lists {want!r}")
    return hits / len(titles), misses


def damage_check(path: Path, *, limit: int = 20) -> str | None:
    """Remove one document separator at a time ('End of Document' in Nexis Uni DOCX,
    'N of M DOCUMENTS' in LexisNexis TXT) and count the runs that still give the same
    titles, dates and outlets as the undamaged file, with no report error."""
    from discourse.readers import nexis
    from discourse.readers.docx import paragraphs

    ext = path.suffix.lower()
    if ext == ".docx":
        lines = [line for _, text in paragraphs(path) for line in text.split("\n")]
        sep = re.compile(r"^\s*End of Document\s*$")
        per_line = True
    elif ext == ".txt":
        lines = path.read_bytes().decode("utf-8-sig", "replace").replace("\r\n", "\n").split("\n")
        sep = re.compile(r"^\s*\d+ of \d+ DOCUMENTS\s*$")
        per_line = False
    else:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            base = nexis.parse_lines(lines, one_per_line=per_line)
        except Exception:  # not a Nexis export
            return None
        want = [(r.title, r.published, r.outlet) for r in base.records]
        cuts = [i for i, line in enumerate(lines) if sep.match(line)]
        cuts = cuts[1:] if ext == ".txt" else cuts  # the first 'N of M' has no document before it
        same = 0
        for i in cuts[:limit]:
            res = nexis.parse_lines(lines[:i] + lines[i + 1:], one_per_line=per_line)
            same += [(r.title, r.published, r.outlet) for r in res.records] == want and not res.problems
    return f"{same}/{min(limit, len(cuts))} runs with one separator removed read every article the same"


def main(folder: Path = DEFAULT) -> int:
    if not folder.is_dir():
        print(f"eval_exports: development exports not found at {folder}; nothing to evaluate")
        return 0
    print(f"eval_exports: reading (not copying) {folder}")
    print("found = rows + report errors; expected = articles counted from the export's structure")
    print(f"{'file':58s} {'expctd':>6s} {'found':>5s} {'rows':>5s} {'errors':>6s} {'warn':>5s} "
          f"{'title':>5s} {'date':>5s} {'outlet':>6s} {'ids':>5s}")
    totals = dict(expected=0, found=0, rows=0, errors=0, warnings=0, titled=0, dated=0, outlet=0, ids=0)
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
        res = evaluate_file(path)
        n_expected, ids = expected_articles(path)
        res["expected"] = n_expected or 0
        res["found"] = res["rows"] + res["errors"]
        got_ids = set() if res["df"] is None or "factiva_id" not in res["df"] else set(res["df"]["factiva_id"].dropna())
        res["ids"] = len(got_ids & ids)
        for k in totals:
            totals[k] += res[k]
        name = str(path.relative_to(folder))
        print(f"{name:58s} {n_expected if n_expected is not None else '?':>6} {res['found']:5d} {res['rows']:5d} "
              f"{res['errors']:6d} {res['warnings']:5d} {res['titled']:5d} {res['dated']:5d} {res['outlet']:6d} "
              f"{(str(res['ids']) + '/' + str(len(ids))) if ids else '-':>5s}")
        for reason in res["reasons"]:
            print(f"    report: {reason[:150]}")
        expected = path.parent / f"expected_{path.stem}_{path.suffix.lstrip('.')}.json"
        if expected.exists() and res["df"] is not None:
            acc = compare_expected(res["df"], json.loads(expected.read_text(encoding="utf-8")))
            print(f"    vs {expected.name} ({acc['n']} articles): headline {acc['headline']:.0%}, "
                  f"date {acc['date']:.0%}, newspaper {acc['newspaper']:.0%}")
            for line in acc["misses"][:20]:
                print(line)
        if res["df"] is not None and path.suffix.lower() in (".docx", ".txt"):
            note = damage_check(path)
            if note:
                print(f"    robustness: {note}")
        if path.suffix.lower() == ".docx" and res["df"] is not None:
            titles = cover_titles(path)
            if titles:
                share, misses = compare_cover(res["df"], titles)
                print(f"    vs the cover page's list of {len(titles)} titles: rows {res['rows']}/{len(titles)}, "
                      f"titles {share:.0%}")
                for line in misses[:10]:
                    print(line)
    print(f"{'total':58s} {totals['expected']:6d} {totals['found']:5d} {totals['rows']:5d} {totals['errors']:6d} "
          f"{totals['warnings']:5d} {totals['titled']:5d} {totals['dated']:5d} {totals['outlet']:6d} {totals['ids']:5d}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
