"""Explorers: their plain update functions and their controls, without a browser."""

# --- themes ---

def test_theme_explorer_view_shows_the_theme_matrix(article):
    from helpers import theme_explorer_view, theme_matrix

    view = theme_explorer_view(article, by="organization", normalize="per_1000")
    assert view["matrix"].equals(theme_matrix(article, by="organization", normalize="per_1000"))
    assert view["groups"] == ["UN", "CSTO", "SCO", "CIS", "member states", "(narration)"]
    assert "<table" in view["table_html"] and "Terrorism &amp; extremism" in view["table_html"]


def test_theme_explorer_edited_terms_change_the_matrix_in_memory_only(article):
    from helpers import data_dir, theme_explorer_view
    from helpers.datafiles import file_stamp

    before = file_stamp(data_dir() / "themes.txt")
    name = "Territorial integrity"
    plain = theme_explorer_view(article, selected=[name], by="organization")["matrix"]
    edited = theme_explorer_view(article, selected=[name], by="organization",
                                 edits={name: "territorial integrity\nprinciple*"})["matrix"]
    assert plain[name].sum() == 1 and edited[name].sum() > plain[name].sum()
    assert file_stamp(data_dir() / "themes.txt") == before


def test_theme_explorer_bad_terms_give_an_escaped_message_and_keep_counting(article):
    from helpers import theme_explorer_view

    name = "Territorial integrity"
    view = theme_explorer_view(article, selected=[name], edits={name: "<b>ter*ror</b>"})
    assert "can only end a word" in view["message_html"]
    assert "<b>" not in view["message_html"] and "&lt;b&gt;" in view["message_html"]
    assert view["matrix"][name].sum() == 2        # the file's terms: Ukraine and the United States


def test_theme_explorer_zero_match_hint_is_visible(article):
    from helpers import theme_explorer_view

    name = "Security Council reform"
    view = theme_explorer_view(article, selected=[name], edits={name: "veto"})
    assert view["matrix"][name].sum() == 0
    assert "No term of the theme" in view["message_html"] and "veto" in view["message_html"]


def test_theme_explorer_cell_shows_its_sentences_escaped(article):
    from helpers import theme_explorer_view, theme_hits

    view = theme_explorer_view(article, by="speaker", group="Sergey Ivanov",
                               theme="Sovereignty & non-interference")
    hits = theme_hits(article, "Sovereignty & non-interference", "Sergey Ivanov", by="speaker")
    assert view["sentences_html"].count("<mark") == len(hits) == 3
    assert "External <mark title='interference'>interference</mark> and the export" in view["sentences_html"]
    assert "<h4>Sovereignty &amp; non-interference · Sergey Ivanov</h4>" in view["sentences_html"]
    odd = theme_explorer_view(article, by="speaker", group="Sergey Ivanov", theme="<i>T</i>",
                              themes={"<i>T</i>": "terror*"})
    assert "<i>" not in odd["sentences_html"] + odd["table_html"]
    assert "&lt;i&gt;T&lt;/i&gt;" in odd["sentences_html"] and "&lt;i&gt;T&lt;/i&gt;" in odd["table_html"]


def test_theme_explorer_widgets_drive_the_view(article):
    from helpers import theme_explorer, theme_matrix

    box = theme_explorer(article)
    assert (box.themes.description, box.grouping.description, box.normalize.description,
            box.terms.description, box.group_pick.description, box.theme_pick.description) == (
        "Themes", "Group by", "Show", "Terms", "Row", "Theme")
    box.grouping.value = "bloc"
    assert list(box.group_pick.options) == list(theme_matrix(article, by="bloc").index)
    box.themes.value = ("Territorial integrity",)
    assert list(box.view["matrix"].columns) == ["Territorial integrity"]
    assert list(box.theme_pick.options) == ["Territorial integrity"]
    box.edit_theme.value = "Territorial integrity"
    box.terms.value = "territorial integrity\nprinciple*"
    assert box.edits == {"Territorial integrity": "territorial integrity\nprinciple*"}
    assert box.view["matrix"]["Territorial integrity"].sum() > 1
    box.reset.click()
    assert box.edits == {} and box.view["matrix"]["Territorial integrity"].sum() == 1
    box.group_pick.value = "Ukraine and Western-aligned members"
    assert "<mark" in box.sentences.value and "Ukraine" in box.sentences.value
    box.normalize.value = "per_1000"
    assert box.view["matrix"].loc["Ukraine and Western-aligned members", "Territorial integrity"] > 1

