"""Themes on the real article: the lexicon, traceable counts, comparisons, bad input, plots."""

import math
from pathlib import Path

import pytest

from helpers import (
    DataFileError, load_aliases, load_article, load_blocs, load_themes, make_theme, explain_zero, theme_cooccurrence,
    theme_dispersion, theme_groups, theme_hits, theme_keyness, theme_matrix, load_speakers,
)

TERROR = "Terrorism & extremism"
INTEGRITY = "Territorial integrity"
SOVEREIGNTY = "Sovereignty & non-interference"
DRUGS = "Drugs & trafficking"
COOPERATION = "Cooperation, dialogue & partnership"
PEACEKEEPING = "Peacekeeping & crisis response"
ROOT = Path(__file__).resolve().parent.parent


# --- the lexicon -----------------------------------------------------------------------

def test_lexicon_has_about_ten_themes_each_with_a_note():
    themes = load_themes()
    assert 10 <= len(themes) <= 14
    assert INTEGRITY in themes and SOVEREIGNTY in themes  # split so they can be contrasted
    for theme in themes.values():
        assert theme.note, f"{theme.name} has no note"
        assert theme.terms


def test_themes_file_header_explains_the_wildcard_syntax():
    header = (Path(__file__).parent.parent / "data" / "themes.txt").read_text(encoding="utf-8").split("\n[")[0]
    for example in ("terror*", "drug trafficking", "counter-terror*", "not:"):
        assert example in header


# --- the must-show results ---------------------------------------------------------------

def test_terrorism_is_raised_by_the_three_regional_secretaries(article):
    m = theme_matrix(article, by="speaker")
    for name in ("Nikolai Bordyuzha", "Rashid Alimov", "Sergey Ivanov"):
        assert m.loc[name, TERROR] > 0, name


def test_territorial_integrity_is_raised_by_ukraine_and_the_united_states(article):
    m = theme_matrix(article, by="speaker")
    assert m.loc["Ukraine", INTEGRITY] == 1
    assert m.loc["United States", INTEGRITY] == 1
    # and by no regional official
    for name in ("Nikolai Bordyuzha", "Rashid Alimov", "Sergey Ivanov"):
        assert m.loc[name, INTEGRITY] == 0


@pytest.mark.parametrize("by", ["speaker", "organization", "bloc", "paragraph", "sentence"])
def test_every_cell_equals_the_number_of_its_rows(article, by):
    m = theme_matrix(article, by=by)
    rows = theme_hits(article, by=by)
    counted = rows.groupby(["group", "theme"]).size()
    checked = 0
    for group in m.index:
        for theme in m.columns:
            assert m.loc[group, theme] == counted.get((group, theme), 0), (group, theme)
            checked += int(m.loc[group, theme])
    assert checked == len(rows) > 100


def test_every_hit_is_a_span_of_the_article_text(article):
    rows = theme_hits(article, by="sentence")
    for r in rows.itertuples():
        assert article.text[r.start:r.end] == r.keyword
        s = article.sentences[r.sentence]
        assert s.start <= r.start < r.end <= s.end and s.paragraph == r.paragraph


def test_a_sentence_with_two_speakers_counts_for_both(article):
    rows = theme_hits(article, INTEGRITY, by="speaker")
    assert sorted(rows["group"]) == ["Ukraine", "United States"]
    assert rows["sentence"].nunique() == 1          # one sentence, two rows
    assert len(theme_hits(article, INTEGRITY, by="sentence")) == 1


def test_organization_and_bloc_rows(article):
    orgs = theme_matrix(article, by="organization")
    assert list(orgs.index) == ["UN", "CSTO", "SCO", "CIS", "member states", "(narration)"]
    blocs = theme_matrix(article, by="bloc")
    assert "Regional secretariats" in blocs.index
    assert blocs.loc["Regional secretariats", TERROR] == sum(
        theme_matrix(article, by="speaker").loc[n, TERROR]
        for n in ("Nikolai Bordyuzha", "Rashid Alimov", "Sergey Ivanov"))


def test_organization_rows_follow_the_registry_order(tmp_path, monkeypatch, article):
    import shutil

    from helpers import data_dir

    shutil.copytree(data_dir(), tmp_path / "data")
    registry = tmp_path / "data" / "articles" / f"{article.name}.speakers.csv"
    lines = registry.read_text(encoding="utf-8").split("\n")
    lodhi = next(i for i, line in enumerate(lines) if line.startswith("Maleeha Lodhi,"))
    header = next(i for i, line in enumerate(lines) if line.startswith("name,"))
    lines.insert(header + 1, lines.pop(lodhi))     # a "member states" speaker now comes first
    registry.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setenv("HELPERS_DATA", str(tmp_path / "data"))
    groups = theme_groups(load_article(article.name), "organization")
    assert list(groups) == ["member states", "UN", "CSTO", "SCO", "CIS", "(narration)"]


def test_bloc_members_can_be_countries(article):
    groups = theme_groups(article, "bloc")
    by_speaker = theme_groups(article, "speaker")
    # Liu Jieyi is listed nowhere by name: he is counted through his country, China
    assert set(by_speaker["Liu Jieyi"]) <= set(groups["CSTO, SCO and CIS members"])


def test_per_1000_is_count_over_group_tokens(article):
    counts = theme_matrix(article, by="organization")
    rates = theme_matrix(article, by="organization", normalize="per_1000")
    tokens = counts.attrs["tokens"]
    paragraphs = theme_matrix(article, by="paragraph").attrs["tokens"]
    assert sum(paragraphs.values()) == len(article.tokens)       # every token is in one paragraph
    assert rates.loc["CSTO", TERROR] == pytest.approx(1000 * counts.loc["CSTO", TERROR] / tokens["CSTO"], abs=0.01)
    with pytest.raises(ValueError, match="per_1000"):
        theme_matrix(article, normalize="percent")


# --- matching rules --------------------------------------------------------------------------

def test_wildcards_phrases_and_hyphens(article):
    t = {"T": make_theme("T", "terror*"), "C": make_theme("C", "counter-terror*"), "W": make_theme("W", "terrorism")}
    m = theme_matrix(article, by="paragraph", themes=t).sum()
    assert m["T"] == sum(w.startswith("terror") for w in article.words) == 13
    assert m["C"] == 4                      # "counter-terrorism" is one token, not matched by terror*
    assert m["W"] == article.words.count("terrorism")


def test_longest_term_wins_so_a_phrase_is_one_hit(article):
    rows = theme_hits(article, DRUGS, by="sentence")
    assert "illicit drug trafficking" in set(rows["term"])
    assert not (rows["keyword"].str.lower() == "trafficking").any()
    spans = list(zip(rows["start"], rows["end"]))
    assert len(spans) == len(set(spans))


def test_not_lines_keep_a_name_the_alias_list_lacks_out_of_the_count(article):
    # "Department of Peacekeeping Operations" and "Regional Centre for Preventive Diplomacy" are
    # no organizations of data/aliases.txt: their `not:` lines are what keep them out
    rows = theme_hits(article, PEACEKEEPING, by="sentence")
    assert "Peacekeeping" not in set(rows["keyword"]) and "peacekeeping" in set(rows["keyword"])
    loose = make_theme("Loose", load_themes()[PEACEKEEPING].terms)
    loose_rows = theme_hits(article, themes={"Loose": loose}, by="sentence")
    extra = set(zip(loose_rows["start"], loose_rows["keyword"])) - set(zip(rows["start"], rows["keyword"]))
    assert sorted(k for _, k in extra) == ["Peacekeeping", "Preventive Diplomacy"]
    assert len(loose_rows) == len(rows) + 2


# --- the words of an organization's name are no theme words ----------------------------------

def _report(name):
    """A real report: one of the kit's bundles or of the development set."""
    for folder in (ROOT / "data" / "articles", ROOT / "tests" / "reports" / "dev"):
        if (folder / f"{name}.txt").exists():
            return load_article(folder / f"{name}.txt")
    raise FileNotFoundError(name)


def _in_sentence(article, theme, snippet):
    """The words that hit ``theme`` in the one sentence containing ``snippet``."""
    [s] = [s for s in article.sentences if snippet in s.text]
    rows = theme_hits(article, theme, by="sentence")
    return rows.loc[rows["sentence"] == s.index, "keyword"].tolist()


def test_cooperation_in_the_sco_s_name_is_no_hit_but_the_same_word_after_it_is(article):
    # one sentence of the kit's article, the name and the word side by side
    words = _in_sentence(article, COOPERATION, "Rashid Alimov, Secretary-General of the Shanghai Cooperation")
    assert words == ["cooperation", "cooperation"]    # "intergovernmental cooperation", "beneficial cooperation"
    assert "Shanghai Cooperation Organization" in article.text


def test_the_osce_spelled_cooperation_without_a_hyphen_is_a_name(article):
    xinhua = _report("xinhua-2019-03-07-osce-briefing")
    assert _in_sentence(xinhua, COOPERATION, "Organization for Security and Cooperation in Europe (OSCE)") == []
    assert _in_sentence(xinhua, COOPERATION, "needs the attention and cooperation of OSCE") == ["cooperation"]
    # the kit's article writes "Co-operation": a name as well, in both sentences that use it
    for snippet in ("the African Union, Organization for Security and Co-operation", "and the Organization for Security"):
        assert not any(w.lower().startswith("co-operat") for w in _in_sentence(article, COOPERATION, snippet))


def test_an_article_s_own_organizations_are_names_too():
    # "United Nations Office of Counter-Terrorism" is listed in the report's .toml, not in data/aliases.txt
    xinhua = _report("xinhua-2019-03-07-osce-briefing")
    assert "UNOCT" in dict(xinhua.organizations)
    assert _in_sentence(xinhua, TERROR, "United Nations Office of Counter-Terrorism") == []
    why = explain_zero(xinhua, TERROR)
    assert "1 match(es) are words of an organization's name" in why
    assert "'United Nations Office of Counter-Terrorism'" in why
    # the BelTA report: its own "UN Counter-Terrorism Directorate" is a name, "terrorism" before it is a word
    belta = _report("belta-2022-02-17-un-csto-cooperation")
    assert _in_sentence(belta, TERROR, "associated with terrorism and extremism") == ["terrorism", "extremism"]
    assert _in_sentence(belta, TERROR, "the UN Counter-Terrorism Directorate") == []


def test_the_names_come_from_the_alias_list_not_from_the_code(tmp_path, monkeypatch):
    import shutil

    from helpers import data_dir

    xinhua = ROOT / "tests" / "reports" / "dev" / "xinhua-2019-03-07-osce-briefing.txt"
    shutil.copytree(data_dir(), tmp_path / "data")
    aliases = tmp_path / "data" / "aliases.txt"
    text = aliases.read_text(encoding="utf-8")
    assert "; Organization for Security and Cooperation in Europe;" in text
    aliases.write_text(text.replace("; Organization for Security and Cooperation in Europe;", ";"), encoding="utf-8")
    monkeypatch.setenv("HELPERS_DATA", str(tmp_path / "data"))
    # without that spelling in the list, its "Cooperation" is counted again
    assert _in_sentence(load_article(xinhua), COOPERATION, "Organization for Security and Cooperation") == ["Cooperation"]


def test_no_word_of_any_listed_name_is_a_theme_word(tmp_path):
    from helpers import article_aliases, find_mentions

    names = [n for names in load_aliases().values() for n in names]
    # every name in a sentence of its own, and a real sentence of the kit's article in British spelling
    text = "Names\n\n" + "\n\n".join(f"Cooperation with {n} was discussed." for n in names) + "\n\n" + \
        "Rashid Alimov, Secretary-General of the Shanghai Cooperation Organisation, said the organization " \
        "was implementing a model of intergovernmental cooperation.\n"
    path = tmp_path / "names.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_article(path)
    assert len(doc.sentences) == len(names) + 1
    mentions = find_mentions(doc.text, article_aliases(doc))
    assert {m.name for m in mentions} == set(names)
    rows = theme_hits(doc, by="sentence")
    inside = [r.keyword for r in rows.itertuples() if any(m.start <= r.start < m.end for m in mentions)]
    assert inside == []
    cooperation = rows.loc[rows["theme"] == COOPERATION, "keyword"].tolist()
    assert cooperation == ["Cooperation"] * len(names) + ["cooperation"]   # each sentence's first word, and the last one's
    # a phrase that runs into a name is no hit either
    into = {"Into": make_theme("Into", "with shanghai")}
    assert len(theme_hits(doc, themes=into, by="sentence")) == 0
    (tmp_path / "visit.txt").write_text("Title\n\nThey met with Shanghai officials.\n", encoding="utf-8")
    assert len(theme_hits(load_article(tmp_path / "visit.txt"), themes=into, by="sentence")) == 1


def test_the_kit_s_article_counts_as_with_the_old_not_lines(article):
    # The `not:` lines for the SCO, the OSCE and the Office on Drugs and Crime were removed:
    # names are skipped now. With the names counted and those lines back, the hits are the same.
    from helpers.themes import _theme_hits

    old = {COOPERATION: ["Organization for Security and Co-operation in Europe", "Shanghai Cooperation Organization"],
           DRUGS: ["Office on Drugs and Crime"]}
    themes = load_themes()
    for name, nots in old.items():
        t = themes[name]
        before = make_theme(name, t.terms, exclude=t.exclude + tuple(nots))
        now = theme_hits(article, name, by="sentence")
        assert [(h.start, h.end) for h in _theme_hits(article, before, ())] == list(zip(now["start"], now["end"]))
        assert len(_theme_hits(article, t, ())) > len(now)      # the names do hold theme words
    # measured on the kit's article: no name held a terror word, so the counts did not move
    m = theme_matrix(article, by="speaker")
    assert [m.loc[n, TERROR] for n in ("Nikolai Bordyuzha", "Rashid Alimov", "Sergey Ivanov")] == [6, 7, 1]


def test_themes_given_as_a_dict_of_terms(article):
    m = theme_matrix(article, by="organization", themes={"Charter": "charter; chapter viii"})
    assert list(m.columns) == ["Charter"] and m["Charter"].sum() == 7


# --- bad input ------------------------------------------------------------------------------

def _write(tmp_path, text):
    path = tmp_path / "themes.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, line, words", [
    ("# notes\n[A]\nnote: x\nter*ror\n", 4, "can only end a word"),
    ("[A]\nterror*\n(extremism)\n", 3, "not part of a word"),
    ("[A]\n*\n", 2, "would match every word"),
    ("[A]\nterror*\n[B]\n\n[C]\ndrug*\n", 3, "has no terms"),
    ("[A]\nterror*\n[B]\ndrug*\n[a]\ncrime\n", 5, "appears twice"),
    ("terror*\n[A]\ndrug*\n", 1, "before any"),
    ("[A\nterror*\n", 1, "not a theme heading"),
    ("[A]\nnot: ter*r\n", 2, "can only end a word"),
])
def test_malformed_themes_file_names_file_line_and_fix(tmp_path, article, text, line, words):
    path = _write(tmp_path, text)
    with pytest.raises(DataFileError) as err:
        theme_matrix(article, by="paragraph", themes=path)
    assert err.value.line == line and err.value.path == path
    assert words in str(err.value) and "How to fix" in str(err.value)


def test_duplicate_bloc_member_is_reported(tmp_path):
    path = tmp_path / "blocs.txt"
    path.write_text("[A]\nChina\n[B]\nUkraine\nchina\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="both") as err:
        load_blocs(path)
    assert err.value.line == 5


def test_a_theme_that_matches_nothing_is_zero_with_a_hint(article):
    themes = {"Space": make_theme("Space", "asteroid*; orbit"), "Terror": make_theme("Terror", "terrorisme")}
    m = theme_matrix(article, by="organization", themes=themes)
    assert (m == 0).all().all()
    hints = m.attrs["hints"]
    assert set(hints) == {"Space", "Terror"}
    assert "No term of the theme 'Space'" in hints["Space"] and "asteroid*" in hints["Space"]
    assert "terrorism" in hints["Terror"]           # a look-alike word is suggested
    assert "hit(s)" in explain_zero(article, TERROR)


def test_unknown_names_get_suggestions(article):
    with pytest.raises(ValueError, match="did you mean 'speaker'"):
        theme_matrix(article, by="speakers")
    with pytest.raises(KeyError, match="Did you mean 'Terrorism & extremism'"):
        theme_hits(article, "Terrorism", by="sentence")
    with pytest.raises(ValueError, match="no terms"):
        make_theme("Empty", " ; ")


# --- comparisons ----------------------------------------------------------------------------

def test_keyness_matches_the_log_likelihood_formula(article):
    k = theme_keyness(article, ["CSTO", "SCO", "CIS"], "member states", by="organization")
    row = k.loc[TERROR]
    a, b = row["hits_a"], row["hits_b"]
    ta, tb = k.attrs["tokens_a"], k.attrs["tokens_b"]
    ea, eb = ta * (a + b) / (ta + tb), tb * (a + b) / (ta + tb)
    g2 = 2 * (a * math.log(a / ea) + b * math.log(b / eb))
    assert row["G2"] == pytest.approx(g2, abs=0.01) and row["G2"] > 3.84 and row["p"] < 0.05
    assert row["log_ratio"] == pytest.approx(math.log2((a / ta) / (b / tb)), abs=0.01)
    assert row["more_in"] == "CSTO + SCO + CIS"
    assert k.index[0] == TERROR                          # strongest difference first
    assert k.loc[INTEGRITY, "note"].startswith("small counts")  # one hit cannot carry a conclusion
    assert k.loc[INTEGRITY, "more_in"] == "member states"
    assert math.isnan(k.loc[INTEGRITY, "log_ratio"]) and "no ratio" in k.loc[INTEGRITY, "note"]


def test_keyness_direction_follows_the_rates_when_one_group_has_no_hit():
    # UN News 2017: the UN (283 words) has the one Charter hit, the AU (85 words) none. With 0.5
    # put for the AU's zero, the ratio would call the theme more frequent in the AU.
    from helpers import load_article

    a = load_article("unnews-2017-07-19-un-au-cooperation")
    k = theme_keyness(a, "UN", "AU", by="organization")
    row = k.loc["UN Charter & Chapter VIII"]
    assert (row["hits_a"], row["hits_b"]) == (1, 0)
    assert row["more_in"] == "UN" and math.isnan(row["log_ratio"]) and "no ratio" in row["note"]


def test_keyness_p_value_is_the_chi_square_tail():
    # G² = 3.841 is the 5% point of chi-square with 1 degree of freedom
    assert math.erfc(math.sqrt(3.841 / 2)) == pytest.approx(0.05, abs=1e-3)


def test_keyness_unknown_group(article):
    with pytest.raises(KeyError, match="groups: UN, CSTO"):
        theme_keyness(article, "NATO", "UN", by="organization")


def test_cooccurrence_is_symmetric_and_counts_sentences(article):
    co = theme_cooccurrence(article)
    assert (co.to_numpy() == co.to_numpy().T).all()
    assert co.loc[TERROR, TERROR] == theme_hits(article, TERROR, by="sentence")["sentence"].nunique()
    both = set(theme_hits(article, TERROR, by="sentence")["sentence"]) & set(theme_hits(article, DRUGS, by="sentence")["sentence"])
    assert co.loc[TERROR, DRUGS] == len(both) > 0


def test_dispersion(article):
    d = theme_dispersion(article)
    assert d.loc[INTEGRITY, "paragraphs"] == 1 and d.loc[INTEGRITY, "first"] == 12
    assert d["DP"].dropna().between(0, 1).all()
    assert d["DP"].idxmin() == "Cooperation, dialogue & partnership"   # the most even theme
    assert d.loc[TERROR, "hits"] == len(theme_hits(article, TERROR, by="sentence"))


def test_contested_principles_case_study(article):
    rows = theme_hits(article, [INTEGRITY, SOVEREIGNTY], by="speaker")
    raised = rows.groupby("theme")["group"].agg(set)
    assert raised[INTEGRITY] == {"Ukraine", "United States"}
    assert {"Liu Jieyi", "Sergey Ivanov"} <= raised[SOVEREIGNTY]
    assert not raised[INTEGRITY] & raised[SOVEREIGNTY]


# --- plots -----------------------------------------------------------------------------------

def test_heatmap_holds_the_matrix_and_annotates_every_cell(article):
    import matplotlib.pyplot as plt
    from helpers import plot_theme_heatmap

    m = theme_matrix(article, by="organization")
    ax = plot_theme_heatmap(m)
    assert (ax.images[0].get_array() == m.to_numpy()).all()
    assert ax.images[0].get_cmap().name == "Blues"
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == m.size
    j = list(m.columns).index(TERROR)
    assert texts[1 * m.shape[1] + j] == str(m.loc["CSTO", TERROR])        # row CSTO
    assert [t.get_text() for t in ax.get_xticklabels()] == list(m.columns)
    assert [t.get_text() for t in ax.get_yticklabels()] == list(m.index)
    plt.close(ax.figure)


def test_grouped_bars_show_both_rates(article):
    import matplotlib.pyplot as plt
    from helpers import plot_theme_comparison

    k = theme_keyness(article, ["CSTO", "SCO", "CIS"], "member states", by="organization")
    ax = plot_theme_comparison(k, by="organization")
    bars = ax.patches
    assert len(bars) == 2 * len(k)
    assert [b.get_width() for b in bars[:len(k)]] == list(k["per_1000_a"])
    assert [b.get_width() for b in bars[len(k):]] == list(k["per_1000_b"])
    assert ax.get_yticklabels()[0].get_text() == TERROR + " *"
    plt.close(ax.figure)


def test_dispersion_plot_has_one_mark_per_hit(article):
    import matplotlib.pyplot as plt
    from helpers import plot_theme_dispersion

    ax = plot_theme_dispersion(article)
    themes = list(load_themes())
    for row, name in enumerate(themes):
        assert len(ax.collections[row].get_offsets()) == len(theme_hits(article, name, by="sentence"))
    xs = ax.collections[themes.index(INTEGRITY)].get_offsets()[:, 0]
    assert 20 < xs[0] < 40                                            # paragraph 12 of 47
    plt.close(ax.figure)


def test_every_speaker_in_a_bloc_exists_or_is_a_country():
    names = {s.name.lower() for s in load_speakers(load_article())} | {s.country.lower() for s in load_speakers(load_article()) if s.country}
    listed = [m for b in load_blocs().values() for m in b.members]
    found = [m for m in listed if m.lower() in names]
    assert len(found) >= 10


def test_a_bloc_file_of_ones_own_moves_the_counts_and_stays_traceable(tmp_path, article):
    path = tmp_path / "blocs.txt"
    path.write_text("[Principled]\nnote: the two who named territorial integrity\nUkraine\nUnited States\n"
                    "[Kazakhstan alone]\nKazakhstan\n", encoding="utf-8")
    m = theme_matrix(article, by="bloc", blocs=path)
    assert list(m.index)[:2] == ["Principled", "Kazakhstan alone"] and "(other)" in m.index
    assert m.loc["Principled", INTEGRITY] == 1               # one sentence, two members: counted once
    assert m.loc["Kazakhstan alone", TERROR] == theme_matrix(article, by="speaker").loc["Kairat Abdrakhmanov", TERROR]
    rows = theme_hits(article, by="bloc", blocs=path)
    assert len(rows) == int(m.to_numpy().sum())


# --- any term a teacher types ---------------------------------------------------------------

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=25))
def test_any_typed_term_is_accepted_or_refused_with_a_fix(article, text):
    try:
        theme = make_theme("Typed", text)
    except ValueError as err:
        assert "How to fix" in str(err) or "no terms" in str(err)
        return
    m = theme_matrix(article, by="paragraph", themes={"Typed": theme})
    assert int(m["Typed"].sum()) == len(theme_hits(article, themes={"Typed": theme}, by="sentence"))


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_terms_built_from_article_words_always_match(article, data):
    # words, not clitics: "'s" cut to "'" is no term a teacher could write
    vocabulary = sorted(w for w in set(article.words) if w[0].isalnum())
    words = data.draw(st.lists(st.sampled_from(vocabulary), min_size=1, max_size=4))
    cut = [w[:max(1, len(w) - data.draw(st.integers(0, 3)))] + "*" if data.draw(st.booleans()) else w for w in words]
    theme = make_theme("Drawn", cut)
    rows = theme_hits(article, themes={"Drawn": theme}, by="sentence")
    assert len(rows) >= 1                       # each single word occurs, so the longest-first scan finds something
    for r in rows.itertuples():
        assert article.text[r.start:r.end] == r.keyword


def test_theme_comparison_without_groups_says_which_to_give(article):
    from helpers import plot_theme_comparison

    with pytest.raises(TypeError, match=r"needs the two groups.*'member states'"):
        plot_theme_comparison(article, by="organization")


# --- show_theme_hits and theme_hits with themes of your own ---------------------------------

def test_show_theme_hits_says_why_a_named_theme_has_no_hits(article, capsys):
    from helpers import make_theme, show_theme_hits

    show_theme_hits(article, make_theme("Nuclear", "nuclear; atom*"), by="sentence")
    out = capsys.readouterr().out
    assert out.startswith("No term of the theme 'Nuclear' occurs in the article")


def test_show_theme_hits_for_a_group_without_hits(article, capsys):
    from helpers import show_theme_hits

    show_theme_hits(article, "Territorial integrity", "Rashid Alimov", by="speaker")
    assert capsys.readouterr().out == "Territorial integrity — no hits for 'Rashid Alimov' (grouped by speaker).\n"


def test_show_theme_hits_lists_the_themes_without_hits_in_a_group(article, capsys):
    from helpers import show_theme_hits, theme_matrix

    row = theme_matrix(article, by="speaker").loc["Maleeha Lodhi"]
    show_theme_hits(article, group="Maleeha Lodhi", by="speaker")
    out = capsys.readouterr().out
    missing = [t for t, v in row.items() if v == 0]
    assert out.endswith(f"No hits for 'Maleeha Lodhi': {', '.join(missing)}.\n")
    assert all(f"{t} — {v} hit(s)" in out for t, v in row.items() if v)


def test_theme_hits_takes_a_theme_of_your_own(article):
    from helpers import make_theme, theme_hits

    rows = theme_hits(article, make_theme("Asia", "central asia; afghan*"), by="sentence")
    assert len(rows) > 0 and set(rows["theme"]) == {"Asia"}
    assert all(k == "central asia" or k.startswith("afghan") for k in rows["keyword"].str.lower())
    with pytest.raises(TypeError, match="a theme's name, a Theme"):
        theme_hits(article, 42, by="sentence")


# --- what a careless lexicon or a text of marks must not break ----------------------------------

def test_keyness_of_a_group_whose_sentences_have_no_words_says_so(tmp_path):
    from helpers import load_article

    path = tmp_path / "stars.txt"
    path.write_text("Title\nThe Council met on terrorism.\n***\nIt closed.\n", encoding="utf-8")
    stars = load_article(path)
    assert stars.paragraphs[1] == "***"
    for by, group in (("paragraph", 1), ("sentence", 1)):
        empty = theme_keyness(stars, group, 0, by=by)
        assert empty.empty and empty.attrs["note"] == "nothing to compare: the group '1' has no words"
        assert list(empty.columns)[:2] == ["hits_a", "hits_b"] and empty.attrs["tokens_a"] == 0
    assert theme_keyness(stars, 0, 2, by="paragraph").loc[TERROR, "hits_a"] == 1  # groups with words still compare


def test_a_theme_dict_key_names_its_theme_in_every_column_and_hit(article):
    themes = {"Mine": make_theme("Terror", "terror*")}
    matrix = theme_matrix(article, by="organization", themes=themes)
    hits = theme_hits(article, by="organization", themes=themes)
    assert list(matrix.columns) == ["Mine"] and not matrix.isna().any().any()
    assert int(matrix["Mine"].sum()) == len(hits) > 0 and set(hits["theme"]) == {"Mine"}
    assert list(theme_keyness(article, "CSTO", "UN", themes=themes, by="organization").index) == ["Mine"]


def test_a_term_written_with_an_underscore_is_the_phrase(article):
    # "security council", not "united nations": the words of an organization's name are no theme hits
    joined = theme_hits(article, themes={"T": ["security_council"]}, by="sentence")
    spaced = theme_hits(article, themes={"T": ["security council"]}, by="sentence")
    assert len(joined) == len(spaced) >= 4 and list(joined["start"]) == list(spaced["start"])


def test_a_huge_term_typed_in_is_checked_in_linear_time_and_refused_with_a_fix():
    term = "a." * 200_000 + "a"  # each mark was looked up in the list of words: quadratic
    with pytest.raises(ValueError, match=r"which is not part of a word"):
        make_theme("Huge", term)


def test_explain_zero_never_offers_a_stopword_as_a_close_word(article):
    from helpers import explain_zero, make_theme

    text = explain_zero(article, make_theme("Typos", "andd; off; inn; cooperatoin"))
    close = text.split("look close: ")[1].splitlines()[0].split(", ")
    assert "cooperation" in close
    assert not {"and", "of", "off", "in", "inn"} & set(close), close
