"""Checks for exercises/source/03-speakers.ipynb. Question ids are "speakers.q1" ...

How to write a question: see the notes at the top of reading.py, or docs/instructor-guide.md.
"""

from collections import Counter

from helpers.exercises import Case, Question, Wrong
from helpers import attribute, load_article, load_gold, load_speakers, naive_attribution


q1 = Question(
    title="The registry",
    expected=lambda article: len(load_speakers(article)),
    explain="Right: the registry lists {expected} speakers, everyone the article says spoke.",
    hints=[
        "load_speakers(article) reads the article's own speaker list, the file NAME.speakers.csv beside its text in data/articles/ (for the kit's article, idn-2016-10-31-un-regional-bodies.speakers.csv), and gives a list of Speaker objects.",
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


def last_name_seen(sentences, names):
    """The naive rule: each sentence goes to the speaker whose name was seen last, or None before any."""
    current, out = None, []
    for text in sentences:
        found = [name for name in names if name in text]
        if found:
            current = max(found, key=text.rfind)
        out.append(current)
    return out


q7 = Question(
    title="The naive rule as a loop",
    solution=last_name_seen,
    cases=[
        Case("one name", ["Ban Ki-moon spoke."], ["Ban Ki-moon"], hint="A sentence that names a speaker goes to that speaker."),
        Case("carried on", ["Ban Ki-moon spoke.", "He said more."], ["Ban Ki-moon"], hint="A sentence without a name keeps the last speaker seen: keep the current speaker in a variable made before the loop, and change it only when a name is found."),
        Case("before any name", ["The Council met.", "Ban Ki-moon spoke."], ["Ban Ki-moon"], hint="Before any name is seen, a sentence belongs to nobody: start with current = None."),
        Case("two names, the last one wins", ["Lavrov thanked Ban Ki-moon."], ["Ban Ki-moon", "Lavrov"], hint="When a sentence names two speakers, the one named last in the sentence wins: compare text.rfind(name), not the order of the names list."),
        Case("two names, the other way round", ["Ban Ki-moon thanked Lavrov."], ["Ban Ki-moon", "Lavrov"], hint="When a sentence names two speakers, the one named last in the sentence wins: compare text.rfind(name), not the order of the names list."),
        Case("no sentences", [], ["Ban Ki-moon"], hint="No sentences, no speakers: an empty list."),
        Case("the article's sentences", lambda article: [s.text for s in article.sentences], lambda article: [s.name for s in load_speakers(article)]),
    ],
    explain="Right: your loop is the naive rule that lesson 03 measures the kit's rules against (the kit's naive_attribution also knows the speakers' aliases).",
    hints=[
        "Make current = None before the loop; for each sentence, look for every name in it (name in text).",
        "If some names are found, current becomes the one with the largest text.rfind(name): max(found, key=text.rfind). Append current for every sentence.",
    ],
    wrong=[
        Wrong(
            function=lambda sentences, names: [next((n for n in names if n in text), None) for text in sentences],
            hint="A sentence without a name keeps the last speaker seen: keep the current speaker in a variable made before the loop, and change it only when a name is found.",
        ),
    ],
)


def accuracy(guesses, gold):
    """The share of sentences whose guessed speakers equal the gold's, from 0 to 1 (0.0 for no sentences)."""
    if not gold:
        return 0.0
    right = sum(guess == truth for guess, truth in zip(guesses, gold))
    return right / len(gold)


q8 = Question(
    title="Accuracy by hand",
    solution=accuracy,
    compare="approx",
    tolerance=1e-9,
    cases=[
        Case("all right", ["Ban", "Lavrov"], ["Ban", "Lavrov"], hint="When every guess equals the gold, the accuracy is 1.0."),
        Case("half right", ["Ban", "Lavrov"], ["Ban", "Ivanov"], hint="Count the sentences where guess == gold, then divide by the number of sentences."),
        Case("nobody on both sides", [None, "Ban"], [None, "Lavrov"], hint="A sentence where both say nobody speaks (None == None) is right too."),
        Case("none right", ["Ban"], ["Lavrov"], hint="No guess right: 0.0."),
        Case("no sentences", [], [], hint="With no sentences there is nothing to divide by: return 0.0 first, if not gold: return 0.0."),
        Case("the naive rule on the article's gold", lambda article: [naive_attribution(article)[i].speakers for i in sorted(load_gold(article))], lambda article: [load_gold(article)[i][0] for i in sorted(load_gold(article))]),
    ],
    explain="Right: your accuracy is the share of sentences the guesses get right; the naive rule scores {expected:.1%} on this article's gold.",
    hints=[
        "Walk the two lists side by side with zip(guesses, gold) and count the pairs that are equal.",
        "Divide that count by len(gold); for an empty gold return 0.0 before dividing.",
    ],
    wrong=[
        Wrong(
            function=lambda guesses, gold: 100 * sum(g == t for g, t in zip(guesses, gold)) / len(gold) if gold else 0.0,
            hint="That is a percentage: give the share between 0 and 1, without the * 100.",
        ),
        Wrong(
            function=lambda guesses, gold: sum(g == t for g, t in zip(guesses, gold)),
            hint="That is the number of sentences right: divide it by the number of sentences, len(gold).",
        ),
        Wrong(
            function=lambda guesses, gold: sum(g == t for g, t in zip(guesses, gold)) // len(gold) if gold else 0.0,
            hint="// divides and drops what is after the point, so a share becomes 0: use / instead.",
        ),
    ],
)
