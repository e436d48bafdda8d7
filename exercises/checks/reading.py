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
- ``article="NAME"`` marks a question whose answer belongs to one article (here the kit's
  own); on another article ``check`` says it cannot judge the answer. A line
  ``article = "NAME"`` at the top of a check file marks all its questions.
- Every name the functions use is imported at the top, like in any Python file.

After editing, run ``make exercises``: it calls every function on the article before building.
"""

from helpers import find_mentions, tokenize
from helpers.exercises import Question, Wrong


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
    title="SCO mentions",
    article="idn-2016-10-31-un-regional-bodies",
    expected=lambda article: sum(m.key == 'SCO' for m in find_mentions(article.text)),
    explain="Right: {expected} mentions. find_mentions counts 'Shanghai Cooperation Organization' and 'SCO' as the same organization, and 'Shanghai Cooperation Organization (SCO)' once.",
    hints=[
        "The organization is written two ways: its full name and its acronym.",
        "find_mentions(article.text) finds both; each Mention has a .key such as 'SCO'.",
        "Count the mentions whose key is 'SCO'.",
    ],
    wrong=[
        Wrong(
            answer=lambda article: article.text.count('SCO'),
            hint="You counted 'SCO' but not 'Shanghai Cooperation Organization'. find_mentions finds both names.",
        ),
        Wrong(
            answer=lambda article: article.text.count('SCO') + article.text.count('Shanghai Cooperation Organization'),
            hint="'Shanghai Cooperation Organization (SCO)' is one mention, not two. find_mentions counts it once.",
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
