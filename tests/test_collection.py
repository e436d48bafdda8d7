"""The collection: its reports, text reuse, who gets a voice and themes across reports, on the real texts."""

import shutil

import pytest

import helpers.collection as hc
from helpers import load_collection
from helpers.datafiles import DataFileError, UnknownName, UsageError

KIT = "idn-2016-10-31-un-regional-bodies"
PRESS = "unpress-2016-10-28-un-csto-sco-cis-cooperation"
EVENT = "UNSC 2016-10-28 CSTO SCO CIS"


@pytest.fixture(scope="module")
def coll():
    return load_collection()


def test_the_collection_holds_the_debate_and_enough_organizations(coll):
    t = coll.table
    assert KIT in t.index and len(t) >= 15
    debate = t[t.event == EVENT]
    assert KIT in debate.index and len(debate) >= 6
    organizations = {o for cell in t.organizations for o in cell.split(", ")}
    assert len(organizations) >= 6, organizations
    assert list(t.columns) == ["outlet", "date", "organizations", "event", "sentences", "words", "speakers"]
    assert t.loc[KIT, "sentences"] == 71 and t.loc[KIT, "speakers"] == 27


def test_each_report_is_read_with_its_own_speakers(coll):
    sizes = {a.article.name: len(a.speakers) for a in coll}
    assert sizes[KIT] == 27 and sizes[PRESS] == 4
    assert coll.event(EVENT).names == [n for n in coll.names if coll.table.loc[n, "event"] == EVENT]


def test_bad_input_gets_a_message(tmp_path, coll):
    with pytest.raises(DataFileError, match="no report bundle here"):
        load_collection(tmp_path)
    src = coll.paths[PRESS]
    for kind in ("txt", "speakers.csv", "gold.tsv"):
        shutil.copy(src.with_name(f"{PRESS}.{kind}"), tmp_path / f"x.{kind}")
    toml = src.with_suffix(".toml").read_text()
    (tmp_path / "x.toml").write_text("\n".join(l for l in toml.splitlines() if not l.startswith("event")))
    lonely = load_collection(tmp_path)
    assert lonely.table.loc["x", "event"] == hc.NO_EVENT
    assert "names no event" in lonely.notes[0]
    with pytest.raises(UnknownName, match="Events:"):
        lonely.event(EVENT)
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "empty.toml").write_text('event = "UNSC 2016-10-28 CSTO SCO CIS"\n', encoding="utf-8")
    both = load_collection(tmp_path)
    assert both.names == ["x"] and any(n.startswith("empty: left out") and "file is empty" in n for n in both.notes)
    with pytest.raises(UnknownName, match="did you mean"):
        load_collection(["idn-2016-10-31-un-regional-bodie"])
    with pytest.raises(UsageError):
        hc.shared_passages("a b", "a b", min_words=0)


def test_the_kit_article_reuses_the_press_release(coll):
    kit, press = coll[KIT], coll[PRESS]
    p = hc.shared_passages(kit, press)
    texts = list(p.text)
    concept = [r for r in p.itertuples() if "concept note prepared for the meeting" in r.text]
    quote = [r for r in p.itertuples() if "so important to deepen our strategic dialogue" in r.text]
    assert concept and quote, texts
    for r in concept + quote:  # the offsets point at the same words in both texts
        words_a = hc._WORD.findall(kit.text[r.a_start:r.a_end].lower())
        words_b = hc._WORD.findall(press.text[r.b_start:r.b_end].lower())
        assert [w.replace("’", "'") for w in words_a] == [w.replace("’", "'") for w in words_b]
        assert len(words_a) == r.words >= 8
    assert "Before the Council was a concept note" in press.text[concept[0].b_start:concept[0].b_end]


def test_unrelated_reports_and_empty_texts_share_nothing(coll):
    p = hc.shared_passages(coll["xinhua-2019-03-07-osce-briefing"], coll["dawn-2025-07-25-un-oic-cooperation"])
    assert len(p) == 0 and p.index.name == "no passage of 8 words or more is shared"
    assert len(hc.shared_passages("", coll[KIT])) == 0
    assert len(hc.shared_passages("the Council met", "the Council met", min_words=4)) == 0
    assert len(hc.shared_passages("the Council met", "the Council met", min_words=3)) == 1


def test_the_side_by_side_view_escapes_and_marks():
    out = hc.shared_html("<b>the Council met today</b>", "the Council met today & left", 3)
    assert "&lt;b&gt;<mark>the Council met today</mark>&lt;/b&gt;" in out
    assert "<mark>the Council met today</mark> &amp; left" in out


def test_the_reuse_matrix_agrees_with_shared_passages(coll):
    m = hc.reuse_matrix(coll)
    assert m.shape == (len(coll), len(coll))
    words = hc.shared_passages(coll[PRESS], coll[KIT]).attrs["words_a"]
    passages = hc.shared_passages(coll[PRESS], coll[KIT])
    covered = set()
    for r in passages.itertuples():
        first = len(hc._WORD.findall(coll[PRESS].text[:r.a_start]))
        covered.update(range(first, first + r.words))
    assert m.loc[PRESS, KIT] == pytest.approx(len(covered) / words, abs=0.002)
    assert m.loc["xinhua-2019-03-07-osce-briefing", "dawn-2025-07-25-un-oic-cooperation"] == 0


def test_who_gets_a_voice(coll):
    v = hc.voices(coll.event(EVENT), source="gold")
    assert v.loc[PRESS, "lede"] == "Ban Ki-moon (UN)"
    assert v.loc["pakistantoday-2016-10-29-lodhi-regional-cooperation", "she"] == 1.0
    assert v.loc["scr-2016-10-27-whats-in-blue-csto-sco-cis", "narration"] == 1.0
    by = hc.voice_shares(coll, "outlet", source="gold")
    assert by.loc["UN News", "reports"] == 2


def test_theme_rates_have_their_counts(coll):
    r = hc.theme_rates(coll, "organization")
    row = r.loc[("EU", "Terrorism & extremism")]
    assert row.hits == 2 and len(hc.theme_sentences(coll, "Terrorism & extremism", "EU")) == 1
    assert row.per_1000 == round(1000 * row.hits / row.words, 2) and row.note == "small count"
    by_year = hc.theme_rates(coll, "year", "Terrorism & extremism")
    assert by_year.hits.sum() == hc.theme_rates(coll, "report", "Terrorism & extremism").hits.sum()
    with pytest.raises(UnknownName):
        hc.theme_rates(coll, "organisation")


def test_keyness_and_tf_idf(coll):
    k = hc.collection_keyness(coll, EVENT)
    assert (k["per_1000"] > k["other_per_1000"]).all()
    t = hc.tf_idf(coll)
    assert t[t.report == "xinhua-2019-03-07-osce-briefing"].word.iloc[0] == "osce"
    assert t.groupby("report").size().max() == 5


def test_the_explorer_update_is_a_function(coll):
    v = hc.collection_view(coll, KIT, PRESS, "Terrorism & extremism", group="EU")
    assert "<mark>" in v["html"] and v["group"] == "EU"
    assert set(v["sentences"].report) == {"unpress-2015-03-09-un-eu-cooperation"}
