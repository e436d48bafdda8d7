"""Checks for exercises/source/04-themes.ipynb. Question ids are "themes.q1" ...

How to write a question: see the notes at the top of reading.py, or docs/instructor-guide.md.
"""

from helpers.exercises import Case, Question, Wrong
from helpers.frequency import top_words, word_counts
from helpers.groups import NARRATION
from helpers.themes import load_themes, theme_hits, theme_matrix


def _terms_given(answer) -> bool:
    """A theme's terms as lesson 04 writes them, "peace; dialogue", or as a list, ["peace", "dialogue"]."""
    if isinstance(answer, str):
        return bool(answer.strip(" ;"))
    return isinstance(answer, (list, tuple)) and bool(answer) and all(isinstance(t, str) and t.strip() for t in answer)


def _a_theme(answer) -> bool:
    return isinstance(answer, dict) and len(answer) >= 1 and all(_terms_given(t) for t in answer.values())


q1 = Question(
    title="The lexicon",
    expected=lambda article: len(load_themes()),
    explain="Right: data/themes.txt defines {expected} themes. It is a choice: edit it and the counts move.",
    hints=[
        "load_themes() reads data/themes.txt into a dictionary of themes.",
        "Count its entries with len(...).",
    ],
    wrong=[
        Wrong(
            answer=lambda article: len(theme_matrix(article, 'organization')),
            hint="That counts the rows of the matrix: the groups. The themes are its columns (or: len(load_themes())).",
        ),
    ],
)


q2 = Question(
    title="Hits of a theme",
    expected=lambda article: len(theme_hits(article, 'Terrorism & extremism', by="sentence")),
    explain="Right: {expected} hits. A theme counts all its terms: terror*, counter-terror*, extremis* …",
    hints=[
        "theme_hits(article, theme, by='sentence') gives one row per hit.",
        "Count the rows with len(...).",
    ],
    wrong=[
        Wrong(
            answer=lambda article: word_counts(article)['terrorism'],
            hint="You counted one word. The theme counts every one of its terms, such as terrorist, extremism and counter-terrorism.",
        ),
        Wrong(
            answer=lambda article: int(theme_matrix(article, 'sentence')['Terrorism & extremism'].gt(0).sum()),
            hint="That is the number of sentences with a hit; a sentence can have several. Count the hits.",
        ),
    ],
)


q3 = Question(
    title="Least concerned with terrorism",
    article="idn-2016-10-31-un-regional-bodies",
    expected=lambda article: theme_matrix(article, 'organization', 'per_1000').drop(NARRATION)['Terrorism & extremism'].idxmin(),
    compare="text",
    explain="Right: the {expected}, per 1,000 words. Raw counts make whoever speaks least look least concerned; rates compare fairly.",
    hints=[
        "theme_matrix(article, 'organization') has a row per organization's speakers.",
        "Long speeches have more hits: use normalize='per_1000', leave out the (narration) row, and find the smallest.",
    ],
    wrong=[
        Wrong(
            answer=lambda article: theme_matrix(article, 'organization').drop(NARRATION)['Terrorism & extremism'].idxmin(),
            hint="Those are raw counts, and that group spoke few words. Compare rates: theme_matrix(article, 'organization', 'per_1000').",
        ),
        Wrong(
            answer=lambda article: NARRATION,
            hint="The (narration) row is the reporter, not a speaker: leave it out.",
        ),
    ],
)


q4 = Question(
    title="Sentences with a theme",
    expected=lambda article: theme_hits(article, 'Drugs & trafficking', by="sentence")['sentence'].nunique(),
    explain="Right: {expected} sentences speak of drugs or trafficking.",
    hints=[
        "theme_hits gives a row per hit, with the number of its sentence.",
        "Count the different sentence numbers: .nunique() on the 'sentence' column.",
    ],
    wrong=[
        Wrong(
            answer=lambda article: len(theme_hits(article, 'Drugs & trafficking', by="sentence")),
            hint="That counts hits; a sentence can hold several. Count the different sentences.",
        ),
    ],
)


q5 = Question(
    title="A theme of your own (open)",
    accept=lambda answer, article: _a_theme(answer) and len(theme_hits(article, themes=answer, by="sentence")) > 0,
    example=lambda article: {'Most frequent': top_words(article, 1)[0][0]},
    explain="Yes: your theme has hits. Look at them with show_theme_hits(article, themes=your_theme): do they all mean what you meant?",
    hints=[
        "A theme is a name and its terms, written as in lesson 04, {'Dialogue': 'dialogue; consult*'}, or as a list, {'Dialogue': ['dialogue', 'consult*']}.",
        "A term ending in * matches every word that begins so; pick words you saw in top_words(article, 30).",
    ],
    wrong=[
        Wrong(
            when=lambda answer: isinstance(answer, (list, tuple, str)),
            example=['dialogue', 'consult*'],
            hint="Give a dictionary: the theme's name, then its terms, e.g. {'Dialogue': 'dialogue; consult*'}.",
        ),
        Wrong(
            when=lambda answer: isinstance(answer, dict) and len(answer) >= 1 and not all(_terms_given(t) for t in answer.values()),
            example={'Dialogue': 3},
            hint="Each theme's terms are text, 'dialogue; consult*', or a list of texts, ['dialogue', 'consult*']: check the value after the colon.",
        ),
        Wrong(
            when=lambda answer: _a_theme(answer),
            example={'Space': 'astronaut*; rocket'},
            hint="None of your terms occurs in the article. Try words from top_words(article, 30), or a beginning with * (cooperat*).",
        ),
    ],
)


def theme_counts(words, themes):
    """How many words match each theme: a term ending in * matches the words beginning so, any other the word itself."""
    counts = {}
    for name, terms in themes.items():
        counts[name] = 0
        for word in words:
            for term in terms:
                if (term.endswith("*") and word.startswith(term[:-1])) or word == term:
                    counts[name] += 1
                    break
    return counts


q6 = Question(
    title="A theme count as a loop",
    solution=theme_counts,
    cases=[
        Case("a whole word", ["peace", "talks", "peace"], {"Peace": ["peace"]}, hint="Count every word that equals a term: here 'peace' twice."),
        Case("a term with *", ["terrorism", "terrorist", "error"], {"Terror": ["terror*"]}, hint="A term ending in * matches every word that begins so: word.startswith(term[:-1])."),
        Case("a term without *", ["peace", "peacekeeping"], {"Peace": ["peace"]}, hint="A term without * matches the whole word only: 'peacekeeping' is not 'peace'."),
        Case("a word two terms match", ["peacekeeping"], {"Peace": ["peace*", "peacekeeping"]}, hint="Count each word once, even when two terms of the theme match it: break out of the loop over the terms."),
        Case("two themes", ["peace", "terror"], {"Peace": ["peace"], "Terror": ["terror*"]}, hint="Give one count for every theme, by its name: {'Peace': 1, 'Terror': 1}."),
        Case("a theme with no hits", ["peace"], {"Space": ["rocket*"]}, hint="A theme whose terms never occur still gets its count: 0."),
        Case("the article's words", lambda article: article.words, {"Cooperation": ["cooperat*", "partner*"], "Security": ["secur*", "terror*", "peace*"]}),
    ],
    explain="Right: your loop counts a theme from its terms, as the kit's theme_hits does for single words. On this article: {expected}.",
    hints=[
        "Loop over the themes (for name, terms in themes.items()), then over the words, then over the terms.",
        "A word matches a term ending in * when word.startswith(term[:-1]), any other term when word == term; count it once and break.",
    ],
    wrong=[
        Wrong(
            function=lambda words, themes: {name: sum(word == term for word in words for term in terms) for name, terms in themes.items()},
            hint="A term ending in * matches every word that begins so: word.startswith(term[:-1]), not word == term.",
        ),
        Wrong(
            function=lambda words, themes: {name: sum(word.startswith(term.rstrip('*')) for word in words for term in terms) for name, terms in themes.items()},
            hint="You counted a word once for each term that matches it, and let a term without * match the start of a word: count each word once, and only * terms match beginnings.",
        ),
        Wrong(
            function=lambda words, themes: {name: sum((word.startswith(term[:-1]) if term.endswith('*') else word == term) for word in words for term in terms) for name, terms in themes.items()},
            hint="You counted a word once for each term that matches it: count it once, and break out of the loop over the terms.",
        ),
    ],
)


def per_1000(count, total_words):
    """A count as a rate per 1,000 words (0.0 for no words)."""
    if total_words == 0:
        return 0.0
    return count / total_words * 1000


q7 = Question(
    title="A rate per 1,000 words",
    solution=per_1000,
    compare="approx",
    tolerance=1e-9,
    cases=[
        Case("3 in 1,500 words", 3, 1500, hint="Divide the count by the number of words, then multiply by 1,000: 3 / 1500 * 1000 is 2.0."),
        Case("none", 0, 500, hint="No hits: a rate of 0.0."),
        Case("a short speech", 2, 80, hint="Divide the count by the number of words, then multiply by 1,000."),
        Case("no words", 0, 0, hint="Someone who says nothing has no rate to divide out: return 0.0 when total_words is 0."),
        Case("the article's theme words", lambda article: sum(w.startswith(("cooperat", "secur")) for w in article.words), lambda article: len(article.words)),
    ],
    explain="Right: rates compare speakers who talk for long and for little; the article's cooperation and security words come to {expected:.1f} per 1,000.",
    hints=[
        "A rate per 1,000 words is count / total_words * 1000.",
        "Before dividing, return 0.0 when total_words is 0.",
    ],
    wrong=[
        Wrong(
            function=lambda count, total_words: count / total_words * 100 if total_words else 0.0,
            hint="That is a percentage, per 100 words: multiply by 1000 instead.",
        ),
        Wrong(
            function=lambda count, total_words: count / total_words if total_words else 0.0,
            hint="That is the share per word: multiply by 1000 to get the rate per 1,000 words.",
        ),
        Wrong(
            function=lambda count, total_words: total_words / count * 1000 if count else 0.0,
            hint="You divided the other way round: the count goes on top, count / total_words * 1000.",
        ),
    ],
)
