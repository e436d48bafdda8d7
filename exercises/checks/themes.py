"""Checks for exercises/source/04-themes.ipynb. Question ids are "themes.q1" ...

How to write a question: see the notes at the top of reading.py, or docs/instructor-guide.md.
"""

from helpers import NARRATION, load_themes, theme_hits, theme_matrix, top_words, word_counts
from helpers.exercises import Question, Wrong


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
    expected=lambda article: len(theme_hits(article, 'Terrorism & extremism')),
    explain="Right: {expected} hits. A theme counts all its terms: terror*, counter-terror*, extremis* …",
    hints=[
        "theme_hits(article, theme) gives one row per hit.",
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
    expected=lambda article: theme_hits(article, 'Drugs & trafficking')['sentence'].nunique(),
    explain="Right: {expected} sentences speak of drugs or trafficking.",
    hints=[
        "theme_hits gives a row per hit, with the number of its sentence.",
        "Count the different sentence numbers: .nunique() on the 'sentence' column.",
    ],
    wrong=[
        Wrong(
            answer=lambda article: len(theme_hits(article, 'Drugs & trafficking')),
            hint="That counts hits; a sentence can hold several. Count the different sentences.",
        ),
    ],
)


q5 = Question(
    title="A theme of your own (open)",
    accept=lambda answer, article: isinstance(answer, dict) and len(answer) >= 1 and all(isinstance(t, (list, tuple)) and t for t in answer.values()) and len(theme_hits(article, themes=answer)) > 0,
    example=lambda article: {'Most frequent': [top_words(article, 1)[0][0]]},
    explain="Yes: your theme has hits. Look at them with show_theme_hits(article, themes=your_theme): do they all mean what you meant?",
    hints=[
        "A theme is a name and a list of terms: {'Dialogue': ['dialogue', 'consult*']}.",
        "A term ending in * matches every word that begins so; pick words you saw in top_words(article, 30).",
    ],
    wrong=[
        Wrong(
            when=lambda answer: isinstance(answer, (list, tuple, str)),
            example=['dialogue', 'consult*'],
            hint="Give a dictionary: the theme's name, then its list of terms, e.g. {'Dialogue': ['dialogue', 'consult*']}.",
        ),
        Wrong(
            when=lambda answer: isinstance(answer, dict) and len(answer) >= 1 and all(isinstance(t, (list, tuple)) and t for t in answer.values()),
            example={'Space': ['astronaut*', 'rocket']},
            hint="None of your terms occurs in the article. Try words from top_words(article, 30), or a beginning with * (cooperat*).",
        ),
    ],
)
