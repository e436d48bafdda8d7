"""The speaker finder and ``python -m helpers new-article``: drafts of a bundle from a real report.

The finder is measured on every bundle with a speaker list read by hand (the kit's articles
and the development reports): it must find each bundle's speakers, and suggest no one the
list does not hold. Small invented sentences check each pattern of reporting on its own.
The command runs as an instructor runs it, on a real report that is not in the data folder
(a copy of data/ named by HELPERS_DATA), and never writes over a file.
"""

import datetime
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import (attribute, check_data_files, data_dir, load_article, load_gold, new_article, 
                     load_speakers, suggest_organizations, suggest_speakers)
from helpers.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "reports" / "dev"
REPORT = DEV / "xinhua-2019-03-07-osce-briefing.txt"
#: Every bundle with a hand-made speaker list: the kit's articles and the development reports.
BUNDLES = sorted((ROOT / "data" / "articles").glob("*.txt")) + sorted(DEV.glob("*.txt")) + sorted(
    (ROOT / "docs" / "examples" / "second-article").glob("*.txt"))


# --- the finder on the bundles ------------------------------------------------------------

def _same(real, suggested) -> bool:
    """A suggested row names a real speaker: a name or alias of one is a name or alias of the other."""
    return bool({real.name, *real.aliases} & {suggested.name, *suggested.aliases})


def _measure(path):
    article = load_article(path)
    real, found = load_speakers(article), suggest_speakers(article)
    pairs = [(r, next((s for s in found if _same(r, s)), None)) for r in real]
    wrong = [s.name for s in found if not any(_same(r, s) for r in real)]
    return article, pairs, wrong


#: What the finder reaches on each bundle: speakers found of those read by hand, and at most
#: how many it suggests that the hand-made list does not hold.
FLOORS = {
    "belta-2022-02-17-un-csto-cooperation": (1, 0),
    "idn-2016-10-31-un-regional-bodies": (27, 0),
    "unnews-2017-07-19-un-au-cooperation": (2, 0),
    "unpress-2015-03-09-un-eu-cooperation": (2, 0),
    "atalayar-2021-01-19-un-las-cooperation": (1, 0),
    "baohoabinh-2020-01-31-asean-un-cooperation": (3, 0),
    "jasarat-2016-10-29-pakistan-un-regional-cooperation": (1, 0),
    "xinhua-2019-03-07-osce-briefing": (1, 0),
}


def test_every_bundle_with_a_speaker_list_is_measured():
    assert sorted(FLOORS) == sorted(p.stem for p in BUNDLES)


@pytest.mark.parametrize("path", BUNDLES, ids=lambda p: p.stem)
def test_the_finder_finds_the_speakers_of_each_bundle(path):
    article, pairs, wrong = _measure(path)
    floor, most_wrong = FLOORS[path.stem]
    missed = [r.name for r, s in pairs if s is None]
    assert len(pairs) - len(missed) >= floor, f"{article.name}: missed {missed}"
    assert len(wrong) <= most_wrong, f"{article.name}: suggested {wrong}, who are not in its speaker list"


@pytest.mark.parametrize("path", BUNDLES, ids=lambda p: p.stem)
def test_the_main_speakers_of_each_bundle_are_found(path):
    """The speakers of the most sentences in the hand-made gold annotation are found, whatever else."""
    article, pairs, _ = _measure(path)
    gold = load_gold(article)
    counts = {r.name: sum(r.name in names for names, _ in gold.values()) for r, _ in pairs}
    top = max(counts.values())
    main_speakers = [name for name, n in counts.items() if n == top]
    found = {r.name for r, s in pairs if s is not None}
    assert top > 0 and set(main_speakers) <= found, (article.name, main_speakers)


def test_the_rows_agree_with_the_hand_made_lists():
    """Country, organization, capacity, group and pronoun of the rows found, over all bundles."""
    fields = ("country", "organization", "capacity", "speaks_for", "pronoun")
    agree, total = dict.fromkeys(fields, 0), 0
    for path in BUNDLES:
        _, pairs, _ = _measure(path)
        for real, found in pairs:
            if found is not None:
                total += 1
                for f in fields:
                    agree[f] += getattr(real, f) == getattr(found, f)
    assert total == 38
    # Lodhi's country comes from "the Pakistani envoy" and the Pakistan the Jasarat report names.
    # The miss: the Arab Group Gargash speaks for (the kit cannot tell that it is the League of Arab States).
    assert agree == {"country": 38, "organization": 38, "capacity": 38, "speaks_for": 37, "pronoun": 38}


def test_the_drafted_rows_load_as_a_registry_and_attribute_the_kits_article(article):
    found = suggest_speakers(article)
    said = attribute(article, registry=found)
    ban = [a.sentence.index for a in said if "Ban Ki-moon" in a.speakers]
    assert ban[:3] == [0, 1, 2]


# --- each pattern, on a small text ---------------------------------------------------------

@pytest.fixture
def text_article(tmp_path):
    """An article made of the given paragraphs, with a title line, loaded by the kit."""
    made = []

    def make(*paragraphs):
        path = tmp_path / f"text-{len(made)}.txt"
        path.write_text("A report of the meeting for the test\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        made.append(path)
        return load_article(path)

    return make


def _rows(article):
    return {s.name: s for s in suggest_speakers(article)}


def test_an_appositive_role_after_the_name(text_article):
    rows = _rows(text_article("Rashid Alimov, Secretary-General of the Shanghai Cooperation Organization, "
                              "said the organization was ready. He added that terrorism was the main threat."))
    s = rows["Rashid Alimov"]
    assert (s.role, s.organization, s.capacity, s.speaks_for, s.pronoun) == (
        "Secretary-General of the Shanghai Cooperation Organization", "SCO", "official", "SCO", "he")


def test_an_appositive_role_before_the_name_gives_the_country(text_article):
    rows = _rows(text_article("The Permanent Representative of Chile, Ana Rojas, said her country supported "
                              "the plan. Ms. Rojas also warned of delays, she said."))
    s = rows["Ana Rojas"]
    assert (s.country, s.capacity, s.speaks_for, s.pronoun, s.aliases) == (
        "Chile", "national", "member states", "she", ("Rojas",))
    assert s.role == "Permanent Representative of Chile"


def test_a_possessive_country_before_the_name(text_article):
    rows = _rows(text_article("China’s Liu Jieyi emphasized the importance of regional partnerships. "
                              "Japan's Yoshifumi Okamura, affirming support for cooperation, said the same."))
    assert {n: (s.country, s.role) for n, s in rows.items()} == {
        "Liu Jieyi": ("China", "Representative of China"), "Yoshifumi Okamura": ("Japan", "Representative of Japan")}


def test_delegations_named_by_their_country(text_article):
    rows = _rows(text_article("The representatives of Brazil, South Africa and the United States said the "
                              "Council should act. The United Kingdom’s representative called for patience."))
    assert list(rows) == ["Brazil", "South Africa", "United States", "United Kingdom"]
    assert rows["United States"].role == "Representative of the United States"
    assert {s.speaks_for for s in rows.values()} == {"member states"}


def test_a_country_whose_speaker_is_named_is_that_person(text_article):
    rows = _rows(text_article("Also speaking were representatives of China, Uruguay and Spain.",
                              "China’s Liu Jieyi said that sovereignty must be respected."))
    assert list(rows) == ["Uruguay", "Spain", "Liu Jieyi"]


def test_a_name_followed_by_of_and_its_country():
    # "“Time is not on our side,” said U.S. Ambassador to the United Nations Samantha Power, …",
    # "Amr Abdellatif Aboulatta of Egypt said that …", "Liu Jieyi of China supported …, and said …"
    report = load_article(ROOT / "tests/reports/fresh/development/radiotamazuj-2016-07-29-unmiss-mandate-igad-au.txt")
    rows = _rows(report)
    assert list(rows) == ["Samantha Power", "Amr Abdellatif Aboulatta", "Liu Jieyi"]
    assert rows["Samantha Power"].role == "U.S. Ambassador to the United Nations"
    assert [(rows[n].country, rows[n].role) for n in ("Amr Abdellatif Aboulatta", "Liu Jieyi")] == [
        ("Egypt", "Representative of Egypt"), ("China", "Representative of China")]


def test_a_role_in_a_who_clause_and_a_role_before_said():
    # "Michael Imran Kanu, Permanent Representative of Sierra Leone to the United Nations said, “…",
    # "Nathalie Estival-Broadhurst, who serves as the Deputy Permanent Representative of France …, outlined"
    fresh = ROOT / "tests/reports/fresh/development"
    report = load_article(fresh / "africanews-2024-08-07-unsc-monusco-samidrc-support.txt")
    assert [(s.name, s.role, s.country) for s in suggest_speakers(report)] == [
        ("Michael Imran Kanu", "Permanent Representative of Sierra Leone to the United Nations", "Sierra Leone"),
        ("Nathalie Estival-Broadhurst", "Deputy Permanent Representative of France to the United Nations", "France")]


def test_a_who_clause_left_open_before_the_cue():
    # "In welcoming remarks, Mrs. Anna Tibaijuka, who hosted conference in her role as Director General of
    # the UN office in Nairobi said: “…”" (UN-Habitat, 2007): the writer left out the comma before "said"
    fresh = ROOT / "tests/reports/fresh/development"
    report = load_article(fresh / "unhabitat-2007-05-23-comesa-summit-unon.txt")
    drafted = {s.name: s for s in suggest_speakers(report)}
    assert "Anna Tibaijuka" in drafted and drafted["Anna Tibaijuka"].pronoun == "she"


def test_countries_that_open_a_sentence_as_the_subject_of_a_cue_are_delegations():
    fresh = ROOT / "tests/reports/fresh/development"

    def delegations(name):
        return [s.name for s in suggest_speakers(load_article(fresh / f"{name}.txt")) if s.name == s.country]
    # "The United States, France, Germany and Britain asked the Security Council …" (Xinhua, 2012)
    assert delegations("xinhua-2012-01-31-arab-league-unsc-syria") == ["United States", "France", "Germany",
                                                                        "Britain"]
    assert delegations("haaretz-2012-01-31-arab-league-unsc-syria") == ["Russia"]  # "Russia says it worries …"
    # "Egypt’s Foreign Ministry said in a separate statement …"
    assert delegations("egyptianstreets-2016-05-24-unsc-arab-league-cairo") == ["Egypt"]
    # "Azerbaijan welcomes efforts …", - the minister said.": inside his quotation, no speaker
    assert delegations("azerbaijanmfa-2013-10-28-mammadyarov-un-oic") == []


def test_a_capitalised_word_that_is_no_country_is_no_delegation(text_article):
    # as Haaretz (2012) writes it, and the same with a pronoun and a city in the country's place
    for subject, drafted in [("Russia", ["Russia"]), ("He", []), ("Moscow", [])]:
        rows = suggest_speakers(text_article(f"{subject} says it worries that a draft measure could lead to "
                                             "military action."))
        assert [s.name for s in rows if s.name == s.country] == drafted


def test_a_role_with_a_list_of_places(text_article):
    # as the UN Audiovisual Library (2017) writes it
    rows = _rows(text_article("Sebastian Kurz, Minister of Austria for Europe, Integration and Foreign Affairs, "
                              "said the OSCE stood ready to help."))
    assert rows["Sebastian Kurz"].role == "Minister of Austria for Europe, Integration and Foreign Affairs"


def test_the_title_after_a_clause_is_the_role():
    # "Mr. Stoltenberg met with UN Secretary-General António Guterres", "… he said at a press
    # conference with New Zealand Prime Minister John Key", "Jan 31 (IANS) The newly appointed UN
    # Secretary-General Antonio Guterres": the title, not the clause before it
    fresh = ROOT / "tests/reports/fresh/development"
    rows = _rows(load_article(fresh / "nato-2018-09-25-stoltenberg-guterres-unga.txt"))
    assert rows["António Guterres"].role == "Secretary-General of the United Nations"
    rows = _rows(load_article(fresh / "xinhua-2011-09-07-ban-pacific-islands-forum.txt"))
    assert (rows["John Key"].role, rows["Anote Tong"].role) == ("New Zealand Prime Minister", "Kiribati President")
    rows = _rows(load_article(fresh / "ians-2017-01-31-guterres-au-summit.txt"))
    assert rows["Antonio Guterres"].role == "Secretary-General of the United Nations"


def test_a_group_named_by_its_role_is_no_delegation():
    # "Leading a senior delegation of IGAD Directors, Executive Secretary Dr Workneh Gebeyehu engaged …"
    report = load_article(ROOT / "tests/reports/fresh/development/eastleighvoice-2025-09-27-igad-unga80.txt")
    assert [s.name for s in suggest_speakers(report)] == ["Workneh Gebeyehu"]


def test_a_person_named_quietly_and_then_described_as_speaking():
    # "…, met with António Guterres, Secretary General of the United Nations (UN)." then "the UN
    # Secretary General …" bound to a cue: the rules, read with the people found, give him the sentence
    fresh = ROOT / "tests/reports/fresh/development"
    report = load_article(fresh / "qatarnewsupdate-2024-09-22-gcc-albudaiwi-guterres.txt")
    rows = _rows(report)
    assert list(rows) == ["Jasem Mohamed Albudaiwi", "António Guterres"]
    assert rows["António Guterres"].role == "Secretary General of the United Nations"
    # a title's short form in brackets is left out of the role: "The UN Secretary-General (UNSG), Mr Ban Ki-Moon"
    rows = _rows(load_article(fresh / "asean-2012-09-28-asean-un-ministerial-meeting.txt"))
    assert [(n, s.role) for n, s in rows.items()] == [("Ban Ki-Moon", "Secretary-General of the United Nations")]


def test_titles_of_address_written_short(text_article):
    # as svgmission.org (2009) and eagle.co.ug (2016) write them
    rows = _rows(text_article("NEW YORK: United Nations Secretary General H.E. Ban Ki-moon met with the leaders. "
                              "“The region is vital to the United Nations,” Ban stated.",
                              "The East African Community (EAC) hosted the visit. "
                              "Ms. Zewde paid a courtesy call on the EAC Secretary General, Ambassador Liberat "
                              "Mfumukeko, at the EAC Headquarters. In his remarks, Amb. Mfumukeko briefed the "
                              "Director General on the talks."))
    assert list(rows) == ["Ban Ki-moon", "Liberat Mfumukeko"]  # neither "H.E. Ban Ki-moon" nor "Amb. Mfumukeko"
    assert (rows["Ban Ki-moon"].role, rows["Ban Ki-moon"].aliases) == ("Secretary General of the United Nations",
                                                                       ("Ban",))
    assert rows["Liberat Mfumukeko"].role == "Secretary General of the East African Community"


def test_a_title_before_a_title_of_capitalised_words(text_article):
    # osce.org, 17 January 2006: the first title is the one the report calls him by next
    rows = _rows(text_article("BRUSSELS, 17 January 2006 - The OSCE Chairman in Office, Belgian Foreign Minister "
                              "Karel De Gucht, has addressed the United Nations Security Council.",
                              "The Chairman-in-Office said that security mattered, De Gucht said.",
                              "The assumption of this function by Belgium shows its commitment, he said."))
    s = rows["Karel De Gucht"]
    # the title written as the grammar writes it; the country from "Belgian", a country the report names
    assert (s.role, s.country) == (
        "Chairman-in-Office of the Organization for Security and Co-operation in Europe", "Belgium")


def test_a_persons_title_names_no_delegation(text_article):
    # newsghana.com.gh, 11 January 2023: the ambassador invited; ECOWAS briefed
    rows = _rows(text_article("On the invitation of H.E. Kimihiro ISHIKANE, Permanent Representative of Japan at "
                              "the United Nations, ECOWAS briefed the Council. Omar Touray said the region needed "
                              "support."))
    assert list(rows) == ["Omar Touray"]


def test_words_of_an_institution_and_a_plural_noun_are_no_speaker(text_article):
    # tradearabia.com (2012) and igad.int (2017): "Arab states will …", "the upcoming High Level
    # Revitalization Forum"
    rows = _rows(text_article("Arab states will not stop their efforts, Nabil Elaraby said in a statement.",
                              "Western and Arab states responded with outrage after the vote.",
                              "Ambassador Tewolde Gebremeskel said there will be consultations on the upcoming "
                              "High Level Revitalization Forum for South Sudan. He also stated that IGAD was ready."))
    assert list(rows) == ["Nabil Elaraby", "Tewolde Gebremeskel"]


def test_a_name_written_in_capitals_before_its_title(text_article):
    # as the UN's meetings coverage writes a speaker (reprinted by miragenews.com, 2023)
    article = text_article("JOSEP BORRELL FONTELLES, High Representative of the European Union for Foreign "
                           "Affairs and Security Policy, said the Union would help.")
    rows = _rows(article)
    s = rows["Josep Borrell Fontelles"]
    assert (s.role, s.organization, s.aliases) == (
        "High Representative of the European Union for Foreign Affairs and Security Policy", "EU",
        ("JOSEP BORRELL FONTELLES",))
    assert attribute(article, registry=list(rows.values()))[0].speakers == ("Josep Borrell Fontelles",)


def test_no_phrase_that_is_no_person():
    fresh = ROOT / "tests/reports/fresh/development"
    drafted = {name: [s.name for s in suggest_speakers(load_article(fresh / f"{name}.txt"))] for name in (
        "globaltimes-2018-11-28-china-un-sco-cooperation",     # "guided by the 'Shanghai Spirit'"
        "caribbeanlife-2019-07-03-guterres-caricom-summit",   # "caused by Hurricanes Irma and Maria"
        "cica-2024-01-22-sarybay-un-resident-coordinators")}  # "… on Environmental Issues", then "They …"
    # a name inside a quotation is the speaker's word: "China welcomes the African Peace and Security
    # Architecture Roadmap (2016-2020), …," he said, adding …
    assert [s.name for s in suggest_speakers(load_article(fresh / "ecns-2016-05-25-china-un-au-cooperation.txt"))] \
        == ["Liu Jieyi"]
    assert drafted == {"globaltimes-2018-11-28-china-un-sco-cooperation": ["Wu Haitao"],
                       "caribbeanlife-2019-07-03-guterres-caricom-summit": ["António Guterres"],
                       "cica-2024-01-22-sarybay-un-resident-coordinators": ["Kairat Sarybay"]}


def test_the_inverted_order_with_its_title(text_article):
    rows = _rows(text_article("“The organization stands ready to help the Council,” the Shanghai Cooperation "
                              "Organization said in a statement, said its Secretary-General, Zhang Ming."))
    s = rows["Zhang Ming"]
    assert (s.role, s.organization, s.capacity) == (
        "Secretary-General of the Shanghai Cooperation Organization", "SCO", "official")


def test_titles_before_the_name(text_article):
    rows = _rows(text_article("Under-Secretary-General Rosemary DiCarlo briefed the Council on the situation. "
                              "She warned of new risks.",
                              "Ambassador Munir Akram told the Council that talks mattered."))
    assert (rows["Rosemary DiCarlo"].organization, rows["Rosemary DiCarlo"].pronoun) == ("UN", "she")
    assert rows["Rosemary DiCarlo"].role == "Under-Secretary-General of the United Nations"
    assert (rows["Munir Akram"].role, rows["Munir Akram"].capacity) == ("Ambassador", "national")


def test_a_name_given_speech_by_he_said_in_the_next_sentence(text_article):
    rows = _rows(text_article("ASEAN Secretary General Lim Jock Hoi reviewed the progress in cooperation. "
                              "The group’s efforts had received support, he said."))
    s = rows["Lim Jock Hoi"]
    assert (s.role, s.organization, s.pronoun) == (
        "Secretary General of the Association of Southeast Asian Nations", "ASEAN", "he")


def test_hyphenated_names_initials_and_particles(text_article):
    rows = _rows(text_article("Secretary-General Ban Ki-moon said the partnership was vital. Ban noted progress.",
                              "India's Permanent Representative to the UN T.S. Tirumurti said reform was due.",
                              "Ursula von der Leyen, President of the European Commission, said Europe would help. "
                              "Ms. von der Leyen added that funds were ready."))
    assert list(rows) == ["Ban Ki-moon", "T.S. Tirumurti", "Ursula von der Leyen"]
    assert rows["Ban Ki-moon"].aliases == ("Ban",) and rows["Ursula von der Leyen"].aliases == ("von der Leyen",)
    assert rows["T.S. Tirumurti"].country == "India"


def test_capacity_on_behalf_of_and_as_chair(text_article):
    rows = _rows(text_article(
        "Speaking on behalf of the European Union, the representative of Germany said the bloc stood ready.",
        "The representative of Niger, in its capacity as Chair of the African Union, said Africa needed support.",
        "Miroslav Lajcak, foreign minister of Slovakia and chairperson-in-office of the OSCE, said the "
        "organization would help."))
    assert (rows["Germany"].capacity, rows["Germany"].speaks_for) == ("on behalf", "EU")
    assert (rows["Niger"].capacity, rows["Niger"].speaks_for) == ("chair", "AU")
    s = rows["Miroslav Lajcak"]
    assert (s.country, s.organization, s.capacity, s.speaks_for) == ("Slovakia", None, "chair", "OSCE")


def test_briefings_according_to_and_who_addressed(text_article):
    rows = _rows(text_article(
        "The Council heard a briefing by Federica Mogherini, High Representative of the European Union "
        "for Foreign Affairs and Security Policy.",
        "According to Valentin Rybakov, the organization had changed.",
        "The main point raised by Smail Chergui, the Commissioner for Peace and Security of the AU, who "
        "also addressed the Council, was funding."))
    assert list(rows) == ["Federica Mogherini", "Valentin Rybakov", "Smail Chergui"]
    assert (rows["Federica Mogherini"].organization, rows["Smail Chergui"].organization) == ("EU", "AU")


def test_an_organization_the_text_defines(text_article):
    a = text_article("The Secretary-General of the Organisation of Islamic Cooperation (OIC), Hissein Brahim "
                     "Taha, said the OIC would help.")
    assert suggest_organizations(a) == ["OIC: Organisation of Islamic Cooperation; OIC"]
    s = _rows(a)["Hissein Brahim Taha"]
    assert (s.organization, s.capacity, s.speaks_for) == ("OIC", "official", "OIC")


def test_people_only_mentioned_institutions_and_places_are_not_speakers(text_article):
    # (a country that opens a sentence as the subject of a cue is a delegation: see above)
    a = text_article("Petko Draganov met the leaders in Bishkek. The talks were long.",
                     "The meeting was chaired by Ambassador Tarek Ladeb of Tunisia. The agenda was adopted.",
                     "The Security Council said it would meet again. Human Rights Watch said the meeting "
                     "failed. Bishkek was calm as Sri Lanka and Costa Rica stressed the need for peace.",
                     "The Council welcomed Federica Mogherini to the chamber.")
    assert suggest_speakers(a) == []


_PIECES = ["Ban Ki-moon", "said", "told the Council", ",", ".", "the representatives of", "Ukraine", "and",
           "China’s", "Liu Jieyi", "Secretary-General", "of the", "African Union (AU)", "Ambassador", "Mr.",
           "he", "she", "said its Chairperson,", "“We will act,”", "T.S.", "von der", "Leyen", "on behalf of",
           "in its capacity as Chair of the", "Organisation of Islamic Cooperation (OIC)", "Ms. Rojas",
           "according to", "Permanent Representative", "The", "Belarus'", "representative", "Saudi Arabia",
           "Smith, Jones", '"quoted", ', "Ñuñez Óscar", "AL-Thani", "x"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25), min_size=1, max_size=4))
def test_any_text_gives_drafts_the_kit_reads(tmp_path, paragraphs):
    """Whatever the text, the drafted speaker list and gold template load, and every group is one the
    doctor knows: the draft is a starting point to correct, never a file that breaks the kit."""
    from helpers.scaffold import _draft_gold, _draft_speakers, _found, _org_names, _parse_organizations

    path = tmp_path / "any.txt"
    path.write_text("A title for the text\n\n" + "\n\n".join(" ".join(p) for p in paragraphs) + "\n",
                    encoding="utf-8")
    article = load_article(path)
    found = _found(article)
    listed = tmp_path / "any.speakers.csv"
    listed.write_text(_draft_speakers(article, found), encoding="utf-8")
    registry = load_speakers(listed)
    assert [s.name for s in registry] == [s.name for s, _, _ in found]
    groups = {*_org_names(article, _parse_organizations(suggest_organizations(article))), "member states"}
    assert all(s.speaks_for in groups for s in registry)
    gold = tmp_path / "any.gold.tsv"
    gold.write_text(_draft_gold(article, registry), encoding="utf-8")
    assert sorted(load_gold(article, gold, registry=registry)) == [s.index for s in article.sentences]
    listed.unlink()
    gold.unlink()


# --- the command, on a real report not in the data folder -----------------------------------

def run_command(*args, data=None, cwd=ROOT):
    env = dict(os.environ)
    env.pop("HELPERS_DATA", None)
    if data is not None:
        env["HELPERS_DATA"] = str(data)
    return subprocess.run([sys.executable, "-m", "helpers", "new-article", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def _files(folder, name):
    return {kind: folder / "articles" / f"{name}{kind}" for kind in (".txt", ".toml", ".speakers.csv", ".gold.tsv")}


def _state(paths):
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths}


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    """A copy of data/ and the Xinhua report alone beside it; the command has run once on it."""
    root = tmp_path_factory.mktemp("instructor")
    data = root / "data"
    shutil.copytree(ROOT / "data", data)
    report = root / "downloads" / REPORT.name
    report.parent.mkdir()
    shutil.copy(REPORT, report)
    assert not (data / "articles" / REPORT.name).exists()
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    result = run_command(report, data=data)
    return data, report, result, before


def test_the_command_writes_the_bundle(drafted):
    data, report, result, before = drafted
    assert result.returncode == 0, result.stdout + result.stderr
    files = _files(data, REPORT.stem)
    assert all(p.is_file() for p in files.values())
    assert files[".txt"].read_bytes() == REPORT.read_bytes(), "the text is copied byte for byte"
    assert {p: p.read_bytes() for p in before} == before, "no file that was there changed"
    out = result.stdout
    for kind in files:
        assert f"  wrote  {REPORT.stem}{kind}" in out
    assert "Traceback" not in out + result.stderr


def test_the_drafted_speakers_hold_the_reports_speakers(drafted, monkeypatch):
    data, *_ = drafted
    monkeypatch.setenv("HELPERS_DATA", str(data))
    drafted_rows = load_speakers(_files(data, REPORT.stem)[".speakers.csv"])
    real = load_speakers(REPORT.with_suffix(".speakers.csv"))
    for r in real:
        row = next(s for s in drafted_rows if _same(r, s))
        assert (row.country, row.capacity, row.speaks_for, row.pronoun) == (r.country, r.capacity, r.speaks_for,
                                                                           r.pronoun)
    text = _files(data, REPORT.stem)[".speakers.csv"].read_text(encoding="utf-8")
    assert "# guessed: check." in text and "#   capacity      official | national | chair | on behalf" in text


def test_the_drafted_metadata_loads_and_marks_its_guesses(drafted, monkeypatch):
    data, *_ = drafted
    monkeypatch.setenv("HELPERS_DATA", str(data))
    path = _files(data, REPORT.stem)[".toml"]
    meta = tomllib.loads(path.read_text(encoding="utf-8"))
    real = tomllib.loads(REPORT.with_suffix(".toml").read_text(encoding="utf-8"))
    for key in ("title", "date", "dateline", "publisher"):
        assert meta[key] == real[key], key
    assert meta["chrome"] == {}
    text = path.read_text(encoding="utf-8")
    for key in ("title", "date", "dateline"):
        assert next(line for line in text.splitlines() if line.startswith(f"{key} =")).count("# guessed:") == 1
    for key in ("source", "url", "attribution", "note"):
        assert f"# {key} = " in text
    for kind in ("lines", "prefixes", "patterns"):
        assert f"#   {kind} = " in text
    a = load_article(REPORT.stem)
    assert (a.title, a.date) == (real["title"], datetime.date(2019, 3, 7))


def test_the_gold_template_loads_and_holds_the_kits_guesses(drafted, monkeypatch):
    data, *_ = drafted
    monkeypatch.setenv("HELPERS_DATA", str(data))
    path = _files(data, REPORT.stem)[".gold.tsv"]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# DRAFT of guesses to correct by reading")
    assert "# Conventions:" in lines and "sentence\tspeakers\tkind\tbegins\tnote" in lines
    article = load_article(REPORT.stem)
    gold = load_gold(article)
    assert sorted(gold) == [s.index for s in article.sentences]
    guess = {a.sentence.index: (a.speakers, a.kind) for a in attribute(article)}
    assert gold == guess


def test_the_doctor_passes_on_the_bundle_but_not_on_its_draft_gold(drafted, monkeypatch):
    data, _, result, _ = drafted
    monkeypatch.setenv("HELPERS_DATA", str(data))
    checks = [c for c in check_data_files() if c.name.startswith(f"articles/{REPORT.stem}.")]
    assert [c.name.split(".", 1)[1] for c in checks] == ["txt", "speakers.csv", "gold.tsv"]
    assert [c.ok for c in checks] == [True, True, False], checks
    assert "still the kit's draft" in checks[2].found and "delete the 'guess:' notes" in checks[2].fix
    for c in checks[:2]:
        assert f"✓ {c.name}: {c.found}" in result.stdout
    # new-article says the draft is a step to do, not a problem
    assert f"✓ {checks[2].name}: the kit's guesses, to correct by reading" in result.stdout
    assert "What to check next" in result.stdout
    assert f"HELPERS_DATA={data} HELPERS_ARTICLE={REPORT.stem} make lab" in result.stdout


def test_running_it_twice_writes_nothing_over(drafted):
    data, report, _, _ = drafted
    files = _files(data, REPORT.stem)
    state = _state(files.values())
    again = run_command(report, data=data)
    assert again.returncode == 0, again.stdout + again.stderr
    assert _state(files.values()) == state, "bytes and modification times are unchanged"
    assert "wrote" not in again.stdout and "Nothing was written" in again.stdout
    for kind, p in files.items():
        assert f"  kept   {p.name}" in again.stdout and "already there" in again.stdout


def test_only_the_missing_files_are_written(drafted, tmp_path):
    data, report, _, _ = drafted
    copy = tmp_path / "data"
    shutil.copytree(data, copy)
    files = _files(copy, REPORT.stem)
    edited = files[".speakers.csv"].read_text(encoding="utf-8").replace(",Lajcak\n", ",Lajcak;Mr. Lajcak\n")
    files[".speakers.csv"].write_text(edited, encoding="utf-8")
    files[".gold.tsv"].unlink()
    kept = _state([files[".txt"], files[".toml"], files[".speakers.csv"]])
    result = run_command(report, data=copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _state([files[".txt"], files[".toml"], files[".speakers.csv"]]) == kept
    assert files[".gold.tsv"].is_file() and f"  wrote  {REPORT.stem}.gold.tsv" in result.stdout


def test_the_name_comes_from_the_file_or_from_name(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    odd = tmp_path / "Xinhua OSCE Briefing (2019).TXT"
    shutil.copy(REPORT, odd)
    result = new_article(odd, data=data)
    assert result.name == "xinhua-osce-briefing-2019"
    assert (data / "articles" / "xinhua-osce-briefing-2019.txt").is_file()
    chosen = new_article(odd, "osce-2019", data=data)
    assert chosen.written == ("osce-2019.txt", "osce-2019.toml", "osce-2019.speakers.csv", "osce-2019.gold.tsv")
    assert chosen.ok and [s.name for s in chosen.speakers] == ["Miroslav Lajcak"]


# --- bad input: the message with the fix, exit code 1, nothing written ------------------------

@pytest.fixture
def kit_copy(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    monkeypatch.setenv("HELPERS_DATA", str(data))
    return data


def _bad(capsys, *args):
    code = main(["new-article", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize("content, problem", [
    (b"", "the file is empty"),
    (b"  \n\n \n", "the file is empty"),
    (b"PK\x03\x04\x14\x00\x06\x00", "a Word (.docx)"),
    (b"%PDF-1.4\n%\xe2\xe3", "a PDF document"),
    (b"\xff\xfeU\x00N\x00", "UTF-16"),
    (b"<!DOCTYPE html>\n<html><body><p>The Council met.</p></body></html>\n", "the HTML source of a web page"),
    ('<div class="article-body">\n<p>NEW YORK \u2013 The Security Council met on Friday.</p>\n'
     '<p>It adopted a <span class="x">resolution</span>.</p>\n</div>\n'.encode(), "a piece of a web page's HTML"),
    (b"<p>The Council met.</p>\n<p>It adopted a resolution.</p>\n", "tags such as '<p>'"),
])
def test_a_file_that_is_not_a_text(kit_copy, tmp_path, capsys, content, problem):
    source = tmp_path / "report.txt"
    source.write_bytes(content)
    before = sorted((kit_copy / "articles").iterdir())
    code, said = _bad(capsys, source)
    assert code == 1 and problem in said and "How to fix:" in said and "Traceback" not in said
    assert sorted((kit_copy / "articles").iterdir()) == before


def test_a_missing_file_a_folder_and_a_bad_name(kit_copy, tmp_path, capsys):
    code, said = _bad(capsys, tmp_path / "nowhere.txt")
    assert code == 1 and "there is no such file" in said and "How to fix: check the path" in said
    code, said = _bad(capsys, tmp_path)
    assert code == 1 and "this is a folder, not a text file" in said
    code, said = _bad(capsys, REPORT, "--name", "My Report")
    assert code == 1 and "'My Report' is not a valid article name" in said and "--name my-report" in said
    code, said = _bad(capsys, REPORT, "--name")
    assert code == 1 and "--name needs a value" in said
    code, said = _bad(capsys)
    assert code == 1 and "usage: python -m helpers new-article" in said
    assert not (kit_copy / "articles" / f"{REPORT.stem}.txt").exists()


def test_another_text_with_the_same_name_is_refused(kit_copy, tmp_path, capsys):
    kits = kit_copy / "articles" / "idn-2016-10-31-un-regional-bodies.txt"
    state = _state(kit_copy.joinpath("articles").iterdir())
    code, said = _bad(capsys, REPORT, "--name", "idn-2016-10-31-un-regional-bodies")
    assert code == 1 and "is already there, with another text" in said and "nothing was written" in said
    assert _state(kit_copy.joinpath("articles").iterdir()) == state and kits.is_file()


def test_a_folder_it_cannot_write_to(tmp_path, capsys, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("articles"))
    (data / "articles").write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("HELPERS_DATA", str(data))
    code, said = _bad(capsys, REPORT)
    assert code == 1 and "this is a file, not a folder" in said and "How to fix:" in said
    monkeypatch.setenv("HELPERS_DATA", str(tmp_path / "no-such-folder"))
    code, said = _bad(capsys, REPORT)
    assert code == 1 and "there is no data folder here" in said and "HELPERS_DATA" in said
    assert not (tmp_path / "no-such-folder").exists()


def test_a_broken_file_of_the_instructor_is_kept_and_named(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    meta = data / "articles" / "osce.toml"
    meta.write_text('title = "OSCE briefing\ndate = 2019-03-07\n', encoding="utf-8")
    before = meta.read_bytes()
    result = run_command(REPORT, "--name", "osce", data=data)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert meta.read_bytes() == before
    assert "osce.toml, line 1: this is not valid TOML" in result.stdout and "How to fix:" in result.stdout
    assert "✗ articles/osce.txt" in result.stdout and "problem to fix first" in result.stdout
    assert not (data / "articles" / "osce.speakers.csv").exists()


def test_bad_input_in_a_terminal_gives_no_traceback(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    word = tmp_path / "report.docx"
    word.write_bytes(b"PK\x03\x04" + bytes(60))
    result = run_command(word, data=data)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "a Word (.docx)" in result.stderr and "How to fix:" in result.stderr


def test_the_make_target(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS")}
    usage = subprocess.run(["make", "-s", "new-article"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert usage.returncode != 0 and "usage: make new-article TEXT=path/report.txt [NAME=name]" in usage.stdout
    planned = subprocess.run(["make", "-n", "new-article", "TEXT=my report.txt", "NAME=my-report"], cwd=ROOT,
                             env=env, capture_output=True, text=True)
    assert '-m helpers new-article "my report.txt" --name "my-report"' in planned.stdout
    env["NAME"] = "a-name-from-the-environment"  # some systems set NAME: it must not become the article's
    planned = subprocess.run(["make", "-n", "new-article", "TEXT=r.txt"], cwd=ROOT, env=env,
                             capture_output=True, text=True)
    assert '-m helpers new-article "r.txt"' in planned.stdout and "--name" not in planned.stdout
