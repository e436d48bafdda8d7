"""Checks for exercises/source/01-reading.ipynb. Question ids are "reading.q1" ...

How to write a question (the same in every check file):

- Each question is a name of this module, ``qN = Question(...)``; its id in a notebook
  is FILE-NAME.NAME, here "reading.q1". Questions are asked in the order written here.
- ``expected=lambda article: ...`` computes the right answer from the article, the way a
  solution cell would; for an open question, ``accept=lambda answer: ...`` is true for any
  good ``answer`` (take ``article`` too if the test needs it: ``lambda answer, article: ...``).
- ``compare`` is "exact" (the default), "unordered", "approx" (numbers within
  ``tolerance``) or "text" (ignores case and spaces).
- ``explain`` is the line shown with ✓; {expected} and {answer} are filled in.
- ``hints`` are progressive hints, mildest first: at least two.
- ``wrong`` lists common wrong answers: ``Wrong(answer=lambda article: ..., hint=...)``
  computes the wrong value the way a learner would, or ``Wrong(when=lambda answer: ...,
  example=..., hint=...)`` tests the learner's answer (``example`` is one such answer).
- an open question gives ``example=``, one good answer (a value, or ``lambda article: ...``).
- a code question, whose answer is the learner's function (``check("reading.q7", words_of)``),
  gives ``solution=``, the reference function defined here with ``def``, and ``cases=``, small
  named cases ``Case("capitals", "The the", hint=...)`` with the arguments to call it with
  (``lambda article: ...`` computes one from the article); its wrong answers are functions
  written the way a learner would get them wrong: ``Wrong(function=lambda text: ..., hint=...)``.
- ``article="NAME"`` marks a question whose answer belongs to one article (here the kit's
  own); on another article ``check`` says it cannot judge the answer. A line
  ``article = "NAME"`` at the top of a check file marks all its questions.
- Every name the functions use is imported at the top, like in any Python file.

After editing, run ``make exercises``: it calls every function on the article before building.
"""

import re

from helpers.exercises import Case, Question, Wrong
from helpers.tokens import tokenize


q1 = Question(
    title="Paragraphs",
    expected=lambda article: len(article.paragraphs),
    explain="Right: the cleaned body has {expected} paragraphs; page chrome, the title and the byline are not part of it.",
    hints=[
        "The article object has an attribute holding its paragraphs: try article. and the Tab key.",
        "len(...) counts the items of a list or a tuple.",
    ],
    wrong=[
        Wrong(
            answer=lambda article: len([line for line in article.raw.split('\n') if line.strip()]),
            hint="That counts the non-empty lines of the raw file, page chrome included: count the cleaned article.paragraphs.",
        ),
        Wrong(
            answer=lambda article: len(article.sentences),
            hint="That is the number of sentences; a paragraph can hold several. Count article.paragraphs.",
        ),
    ],
)


q2 = Question(
    title="Word tokens",
    expected=lambda article: len(article.words),
    explain="Right: {expected} word tokens. The kit's tokenizer drops punctuation and splits off possessives like 's.",
    hints=[
        "article.words is the list of word tokens the kit's tokenizer made.",
        "Counting tokens is counting the items of that list.",
    ],
    wrong=[
        Wrong(
            answer=lambda article: len(article.text.split()),
            hint="split() cuts at spaces only: punctuation stays glued to words and the dash '–' counts as a word. Use the tokenizer (article.words).",
        ),
        Wrong(
            answer=lambda article: len(tokenize(article.text, punct=True)),
            hint="You counted punctuation marks as tokens too. Leave punct at its default (False), or use article.words.",
        ),
    ],
)


q3 = Question(
    title="Different words",
    expected=lambda article: len(set(article.words)),
    explain="Right: {expected} different words (types). A set keeps each word once.",
    hints=[
        "A set keeps one copy of each item.",
        "Make a set of article.words, then count it.",
    ],
    wrong=[
        Wrong(
            answer=lambda article: len(set(tokenize(article.text, lower=False))),
            hint="You forgot to lowercase: 'The' and 'the' count as two words. article.words is already lower-cased.",
        ),
        Wrong(
            answer=lambda article: len(article.words),
            hint="That counts every token, repeats included. Count each different word once: a set does that.",
        ),
        Wrong(
            answer=lambda article: len(set(article.text.split())),
            hint="split() leaves punctuation and capitals on the words ('Council.' and 'council' differ): use article.words.",
        ),
    ],
)


q4 = Question(
    title="The Afghanistan sentence",
    article="idn-2016-10-31-un-regional-bodies",
    expected=lambda article: next(s.text for s in article.sentences if 'Afghanistan' in s.text),
    compare="text",
    explain="Right: the first mention of Afghanistan is in sentence {expected!r:.60}…",
    hints=[
        "Loop over article.sentences; each one has a .text.",
        "Keep the first sentence whose text contains 'Afghanistan': a for loop with break, or next(...).",
    ],
    wrong=[
        Wrong(
            answer=lambda article: next(p for p in article.paragraphs if 'Afghanistan' in p),
            hint="That is the whole paragraph. Look at the sentences instead: article.sentences.",
        ),
        Wrong(
            answer=lambda article: next(s for s in article.sentences if 'Afghanistan' in s.text),
            hint="Nearly: that is the Sentence object. The question wants its text: add .text.",
        ),
    ],
)


q5 = Question(
    title="SCO sentences",
    article="idn-2016-10-31-un-regional-bodies",
    expected=lambda article: sum('SCO' in s.text or 'Shanghai Cooperation Organization' in s.text for s in article.sentences),
    explain="Right: {expected} sentences name the SCO, by its full name or its acronym. One organization, two names: lesson 02 counts such mentions for every organization.",
    hints=[
        "Loop over article.sentences and look at each one's .text.",
        "A sentence counts when 'SCO' is in its text or 'Shanghai Cooperation Organization' is: use or, and count once per sentence.",
    ],
    wrong=[
        Wrong(
            answer=lambda article: sum('SCO' in s.text for s in article.sentences),
            hint="You counted the sentences with 'SCO' but not those that write 'Shanghai Cooperation Organization' in full: test both names with or.",
        ),
        Wrong(
            answer=lambda article: article.text.count('SCO') + article.text.count('Shanghai Cooperation Organization'),
            hint="That counts how often the names are written, in the whole text. The question counts sentences: a sentence naming it twice counts once.",
        ),
    ],
)


q6 = Question(
    title="A word kept whole",
    accept=lambda answer, article: isinstance(answer, str) and answer in article.words and any(mark in answer for mark in '-/'),
    example=lambda article: next(word for word in article.words if '-' in word or '/' in word),
    explain="Yes: {answer!r} is one token. The tokenizer keeps inner hyphens and UN document symbols whole.",
    hints=[
        "Words with a hyphen inside, like 'counter-terrorism' or 'secretary-general', are kept whole.",
        "Try [w for w in article.words if '-' in w] to see them all, and pick one.",
    ],
    wrong=[
        Wrong(
            when=lambda answer, article: isinstance(answer, str) and answer != answer.lower() and answer.lower() in article.words,
            example=lambda article: next(word for word in article.words if '-' in word).title(),
            hint="That word is in the article, but the kit's tokens are lower-cased: write it in small letters.",
        ),
        Wrong(
            when=lambda answer, article: isinstance(answer, str) and answer in article.words,
            example=lambda article: next(word for word in article.words if word.isalpha()),
            hint="That is a token, but it has no hyphen or slash in it: pick one that the tokenizer had to keep together.",
        ),
        Wrong(
            when=lambda answer, article: isinstance(answer, str) and any(mark in answer for mark in '-/') and answer.lower() not in article.words,
            example='well-known',
            hint="That word has a hyphen, but it is not a token of this article. Look for one in article.words.",
        ),
    ],
)


def words_of(text):
    """The lower-case word tokens of a text: each run of letters, digits or underscores."""
    return re.findall(r"\w+", text.lower())


q7 = Question(
    title="Your own tokenizer",
    solution=words_of,
    cases=[
        Case("capitals", "The UN and the un", hint="You kept the capitals: 'The' and 'the' must come out the same. Lower-case the text first: text.lower()."),
        Case("punctuation", "Peace, security; and development!", hint="Punctuation stayed on the words (or became words). Let re.findall pick out the words: re.findall(r'\\w+', ...)."),
        Case("numbers", "Resolution 2033 (2012)", hint="Numbers are words here too: \\w matches digits as well as letters."),
        Case("empty text", "", hint="An empty text has no words: your function should return an empty list."),
        Case("the article's first paragraph", lambda article: article.paragraphs[0]),
    ],
    explain="Right: your tokenizer gives the words of any text, lower-cased, without punctuation.",
    hints=[
        "re.findall(pattern, text) gives every piece of the text that matches the pattern, as a list.",
        "The pattern r'\\w+' matches a run of letters, digits or underscores; lower-case the text first.",
        "return re.findall(r'\\w+', text.lower())",
    ],
    wrong=[
        Wrong(
            function=lambda text: text.lower().split(),
            hint="split() cuts at spaces only, so punctuation stays glued to the words ('peace,'). Use re.findall(r'\\w+', ...).",
        ),
        Wrong(
            function=lambda text: re.findall(r"\w+", text),
            hint="You counted 'The' and 'the' apart: lower-case first, text.lower().",
        ),
        Wrong(
            function=lambda text: re.findall(r"[a-z]+", text.lower()),
            hint="[a-z] leaves out digits (and letters such as é): use \\w, which takes them all.",
        ),
    ],
)


def different_words(words):
    """The number of different words in a list of tokens, whatever their capitals."""
    return len({word.lower() for word in words})


q8 = Question(
    title="Different words, your way",
    solution=different_words,
    cases=[
        Case("repeats", ["peace", "security", "peace"], hint="Count each different word once: a set keeps one copy of each."),
        Case("capitals", ["The", "the", "THE"], hint="You counted 'The' and 'the' apart: lower-case each word before you count it."),
        Case("no words", [], hint="An empty list has 0 different words."),
        Case("the article's words", lambda article: article.words),
    ],
    explain="Right: your function counts the types of any list of words. On this article: {expected}.",
    hints=[
        "A set keeps one copy of each item; len(...) counts them.",
        "Lower-case each word as you put it in the set: {word.lower() for word in words}.",
    ],
    wrong=[
        Wrong(
            function=lambda words: len(words),
            hint="That counts every word, repeats included. Count each different word once: put them in a set.",
        ),
        Wrong(
            function=lambda words: len(set(words)),
            hint="You counted 'The' and 'the' apart: lower-case each word first, {word.lower() for word in words}.",
        ),
    ],
)
