"""Checks for exercises/source/03-speakers.ipynb. Question ids are "speakers.q1" ...

How to write a question: see the notes at the top of reading.py, or docs/instructor-guide.md.
"""

from collections import Counter

from helpers import attribute, load_article, load_speakers
from helpers.exercises import Question, Wrong


q1 = Question(
    title="The registry",
    expected=lambda article: len(load_speakers(article)),
    explain="Right: the registry lists {expected} speakers, everyone the article says spoke.",
    hints=[
        "load_speakers(article) reads the registry, the article's NAME.speakers.csv, and gives a list of Speaker objects.",
        "Count that list with len(...).",
    ],
    wrong=[
        Wrong(
            answer=lambda article: len({name for a in attribute(article) for name in a.speakers}),
            hint="That counts the speakers the rules found talking in the text. The registry lists everyone who spoke: len(load_speakers(article)).",
        ),
        Wrong(
            when=lambda answer: isinstance(answer, int) and not isinstance(answer, bool) and answer > len(load_speakers(load_article())),
            example=lambda article: len(load_speakers(article)) + 2,
            hint="An article names more people than speak in it, such as its author and people only mentioned: the registry lists only those who speak.",
        ),
    ],
)


q2 = Question(
    title="Who speaks first",
    article="idn-2016-10-31-un-regional-bodies",
    expected=lambda article: attribute(article)[0].speakers[0],
    compare="text",
    explain="Right: {expected} speaks in the first sentence (the cue is 'has told the Security Council').",
    hints=[
        "attribute(article) gives one Attribution per sentence; the first is attribute(article)[0].",
        "Its .speakers is a tuple of names: take the first name.",
    ],
    wrong=[
        Wrong(
            answer=lambda article: article.author,
            hint="Jamshed Baruah wrote the article, but the first sentence reports what somebody else told the Council.",
        ),
        Wrong(
            answer=lambda article: attribute(article)[0].speakers,
            hint="Right person! .speakers is a tuple of names; give the name itself, the first item of the tuple.",
        ),
    ],
)


q3 = Question(
    title="Ban Ki-moon's sentences",
    article="idn-2016-10-31-un-regional-bodies",
    expected=lambda article: sum('Ban Ki-moon' in a.speakers for a in attribute(article)),
    explain="Right: {expected} sentences are attributed to Ban Ki-moon, the opening speaker.",
    hints=[
        "Loop over attribute(article) and look at each .speakers.",
        "Count the attributions whose speakers include 'Ban Ki-moon': sum(... for a in attribute(article)).",
    ],
    wrong=[
        Wrong(
            answer=lambda article: article.text.count('Ban'),
            hint="That counts how often his name is written. Most of his sentences say 'he said' or carry on his speech: count attributions.",
        ),
        Wrong(
            answer=lambda article: sum(a.cue is not None and 'Ban Ki-moon' in a.speakers for a in attribute(article)),
            hint="You counted only sentences with a speech cue. Sentences that continue his speech without a cue are his too.",
        ),
    ],
)


q4 = Question(
    title="The reporter's own voice",
    expected=lambda article: sum(not a.speakers for a in attribute(article)),
    explain="Right: {expected} sentences are narration, the journalist's own words; every other sentence reports a speaker.",
    hints=[
        "A narration sentence is attributed to nobody: its .speakers is empty.",
        "An empty tuple counts as False: sum(not a.speakers for a in attribute(article)).",
    ],
    wrong=[
        Wrong(
            answer=lambda article: sum(a.cue is None for a in attribute(article)),
            hint="A sentence without a speech cue usually goes on with the current speaker's words: look for sentences with no speaker.",
        ),
        Wrong(
            answer=lambda article: len(article.sentences) - sum(not a.speakers for a in attribute(article)),
            hint="That is the number of sentences that DO have a speaker. The question asks for the others.",
        ),
    ],
)


q5 = Question(
    title="How speech is reported",
    expected=lambda article: Counter(a.kind for a in attribute(article)).most_common(1)[0][0],
    compare="text",
    explain="Right: most sentences are {expected}. Count the kinds again in another article: are reports usually retold rather than quoted?",
    hints=[
        "Each attribution has a .kind: direct quote, indirect speech, mixed or narration.",
        "Count the kinds with Counter(...) and take the most common.",
    ],
    wrong=[
        Wrong(
            answer=lambda article: Counter(a.cue for a in attribute(article) if a.cue).most_common(1)[0][0],
            hint="That is the most common speech cue. The question asks for the kind of sentence (the .kind).",
        ),
        Wrong(
            when=lambda answer: isinstance(answer, str) and 'quote' in answer.lower(),
            example='direct quote',
            hint="Quotation marks catch the eye, but count the kinds: quotes are few.",
        ),
    ],
)


q6 = Question(
    title="A pronoun carried (open)",
    accept=lambda answer, article: isinstance(answer, int) and not isinstance(answer, bool) and 0 <= answer < len(article.sentences) and 'pronoun' in attribute(article)[answer].evidence,
    example=lambda article: next(a.sentence.index for a in attribute(article) if 'pronoun' in a.evidence),
    explain="Yes: in sentence {answer} the rules found a pronoun and carried the last speaker it fits. Do you agree with them?",
    hints=[
        "Every attribution has .evidence: the rule that decided, in words.",
        "Look for evidence that mentions a 'pronoun', and give that attribution's .sentence.index.",
    ],
    wrong=[
        Wrong(
            when=lambda answer, article: isinstance(answer, int) and not isinstance(answer, bool) and 0 <= answer < len(article.sentences),
            example=0,
            hint="The rules decided that sentence another way: read its .evidence. You want one that names a pronoun.",
        ),
        Wrong(
            when=lambda answer: isinstance(answer, int) and not isinstance(answer, bool),
            example=lambda article: len(article.sentences),
            hint="That is not a sentence number: they run from 0 to len(article.sentences) - 1.",
        ),
    ],
)
