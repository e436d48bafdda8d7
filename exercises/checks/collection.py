"""Checks for exercises/source/05-collection.ipynb. Question ids are "collection.q1" ...

How to write a question: see the notes at the top of reading.py, or docs/instructor-guide.md.
These questions read the collection (load_collection()), not the course's article: their
answers are the same whatever article the course has chosen.
"""

import math
import re

from helpers.collection import load_collection, shared_passages
from helpers.exercises import Case, Question, Wrong

EVENT = "UNSC 2016-10-28 CSTO SCO CIS"
KIT = "idn-2016-10-31-un-regional-bodies"
PRESS = "unpress-2016-10-28-un-csto-sco-cis-cooperation"


def _longest(min_words=8):
    c = load_collection()
    return int(shared_passages(c[KIT], c[PRESS], min_words)["words"].max())


q1 = Question(
    title="Reports of one debate",
    expected=lambda article: load_collection().events()[EVENT],
    explain="Right: {expected} reports of the debate of 28 October 2016, the kit's article among them.",
    hints=[
        "load_collection().events() counts the reports of each event.",
        f"Look up the event {EVENT!r} in it.",
    ],
    wrong=[
        Wrong(answer=lambda article: len(load_collection()),
              hint="That is every report of the collection: count only those of the 2016 debate."),
    ],
)


q2 = Question(
    title="The longest shared passage",
    expected=lambda article: _longest(),
    explain="Right: {expected} words in a row, the same in the kit's article and the UN's press release.",
    hints=[
        "shared_passages(a, b) gives one row per passage, with its length in the column words.",
        "Take the largest value of that column: .max(), as a whole number.",
    ],
    wrong=[
        Wrong(answer=lambda article: len(shared_passages(load_collection()[KIT], load_collection()[PRESS])),
              hint="That is how many passages there are: give the length of the longest, in words."),
    ],
)


def shared_ngrams(a, b, n):
    words_a = re.findall(r"\w+", a.lower())
    words_b = re.findall(r"\w+", b.lower())
    grams_a = {tuple(words_a[i:i + n]) for i in range(len(words_a) - n + 1)}
    grams_b = {tuple(words_b[i:i + n]) for i in range(len(words_b) - n + 1)}
    return grams_a & grams_b


q3 = Question(
    title="Shared n-grams with sets",
    solution=shared_ngrams,
    compare="unordered",
    cases=[
        Case("the article's first sentence with itself", lambda article: article.sentences[0].text,
             lambda article: article.sentences[0].text, 3),
        Case("two short sentences", "The Council met today.", "the council met on Friday", 2,
             hint="Lower-case the words first: 'The Council' and 'the council' are the same 2-gram."),
        Case("punctuation", "peace, security", "peace security", 2,
             hint="Take the words only (re.findall(r'\\w+', ...)): a comma is not part of a word."),
        Case("nothing shared", "peace and security", "drug trafficking", 2,
             hint="Nothing in common: an empty set, set()."),
        Case("a text too short", "peace", "peace", 2, hint="One word holds no 2-gram: an empty set."),
    ],
    explain="Right: the & of two sets of n-grams is what the two texts share.",
    hints=[
        "Make the n-grams of each text as a set of tuples: {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}.",
        "Lower-case, take the words with re.findall(r'\\w+', text.lower()), and return grams_a & grams_b.",
    ],
    wrong=[
        Wrong(function=lambda a, b, n: {tuple(a.split()[i:i + n]) for i in range(len(a.split()) - n + 1)}
              & {tuple(b.split()[i:i + n]) for i in range(len(b.split()) - n + 1)},
              hint="Split on spaces keeps capitals and commas: lower-case and take the words with re.findall(r'\\w+', ...)."),
    ],
)


def tf_idf_score(count, words, reports, df):
    if not words or not df:
        return 0.0
    return count / words * math.log(reports / df)


q4 = Question(
    title="TF-IDF from its formula",
    solution=tf_idf_score,
    compare="approx",
    tolerance=1e-9,
    cases=[
        Case("a word of the article", lambda article: article.words.count("cooperation"),
             lambda article: len(article.words), 21, 10),
        Case("a word in every report", 5, 100, 21, 21, hint="log(21 / 21) is 0: a word in every report scores 0."),
        Case("a word in one report", 2, 100, 21, 1, hint="tf is 2 / 100; idf is log(21 / 1)."),
        Case("no words", 0, 0, 21, 1, hint="A report with no words has no term frequency: return 0.0."),
    ],
    explain="Right: tf × idf, the score the kit's tf_idf gives.",
    hints=[
        "tf = count / words; idf = math.log(reports / df); the score is tf * idf.",
        "Return 0.0 first when words or df is 0, so as not to divide by 0.",
    ],
    wrong=[
        Wrong(function=lambda count, words, reports, df: count / words * math.log(df / reports) if words and df else 0.0,
              hint="idf is log(reports / df), the number of reports over those holding the word, not the other way round."),
        Wrong(function=lambda count, words, reports, df: count * math.log(reports / df) if words and df else 0.0,
              hint="tf is the count divided by the report's words: count / words."),
    ],
)
