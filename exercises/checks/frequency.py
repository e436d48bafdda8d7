"""Checks for exercises/source/02-frequency.ipynb. Question ids are "frequency.q1" ...

How to write a question: see the notes at the top of reading.py, or docs/instructor-guide.md.
"""

from collections import Counter

from helpers.datafiles import load_stopwords
from helpers.exercises import Case, Question, Wrong
from helpers.frequency import collocations, hapaxes, kwic, mention_counts, ngram_counts, top_words, word_counts


q1 = Question(
    title="How often: cooperation",
    expected=lambda article: word_counts(article)['cooperation'],
    explain="Right: 'cooperation' occurs {expected} times, counted as a lower-cased token whatever its capitals.",
    hints=[
        "word_counts(article) counts every word; it works like a dictionary.",
        "Look up the word in it with [ ]: counts['cooperation'].",
    ],
    wrong=[
        Wrong(
            answer=lambda article: article.text.count('cooperation'),
            hint="text.count is case-sensitive, so it missed 'Cooperation' with a capital (as in Shanghai Cooperation Organization). Count lower-cased tokens: word_counts(article).",
        ),
        Wrong(
            answer=lambda article: article.words.count('Cooperation'),
            hint="The kit's tokens are lower-cased, so 'Cooperation' never occurs among them: look up 'cooperation'.",
        ),
    ],
)


q2 = Question(
    title="Top five content words",
    expected=lambda article: top_words(article, 5),
    explain="Right: {expected}. Without stopwords, the top words say what the article is about.",
    hints=[
        "top_words(article, n) gives the n most frequent words as (word, count) pairs.",
        "By default it leaves out the stopwords in data/stopwords.txt.",
    ],
    wrong=[
        Wrong(
            answer=lambda article: top_words(article, 5, stopwords=False),
            hint="You counted stopwords ('the', 'and', 'of' …): they top every English text. Leave stopwords at its default (True).",
        ),
        Wrong(
            answer=lambda article: [word for word, count in top_words(article, 5)],
            hint="Right words! Give them with their counts, as (word, count) pairs, the way top_words returns them.",
        ),
    ],
)


q3 = Question(
    title="Hapaxes",
    expected=lambda article: len(hapaxes(article)),
    explain="Right: {expected} words occur exactly once. In most texts the hapaxes are a large share of the vocabulary (Zipf).",
    hints=[
        "A word that occurs exactly once is a hapax; the kit has a function named after it.",
        "hapaxes(article) lists them (stopwords kept); count the list.",
    ],
    wrong=[
        Wrong(
            answer=lambda article: len(hapaxes(article, stopwords=True)),
            hint="You removed the stopwords first; this question keeps every word. Use hapaxes(article) as it is.",
        ),
        Wrong(
            answer=lambda article: len(word_counts(article, stopwords=False)),
            hint="That is the number of different words (types). Keep only those that occur exactly once: hapaxes(article).",
        ),
    ],
)


q4 = Question(
    title="One stem, many words",
    expected=lambda article: word_counts(article, stem=True)['region'],
    explain="Right: {expected}. The stem 'region' gathers region, regions and regional.",
    hints=[
        "word_counts has an option that counts stems instead of words.",
        "With stem=True, 'regional' and 'regions' both become 'region'.",
    ],
    wrong=[
        Wrong(
            answer=lambda article: word_counts(article)['regional'],
            hint="That counts only the word 'regional'. Count stems (stem=True), so region, regions and regional count together.",
        ),
        Wrong(
            answer=lambda article: word_counts(article)['region'],
            hint="That counts only the word 'region' itself. With stem=True it also takes in 'regional' and 'regions'.",
        ),
    ],
)


q5 = Question(
    title="Second most mentioned organization",
    article="idn-2016-10-31-un-regional-bodies",
    expected=lambda article: mention_counts(article).most_common(2)[1][0],
    compare="text",
    explain="Right: the {expected}, by its full name, its acronym or 'the Commonwealth'. Counting mentions, not words, makes that visible.",
    hints=[
        "An organization goes by several names: count mentions, not words.",
        "mention_counts(article) counts mentions per organization; .most_common() ranks them.",
    ],
    wrong=[
        Wrong(
            answer=lambda article: mention_counts(article).most_common(1)[0][0],
            hint="That is the most mentioned one. The question asks for the second.",
        ),
        Wrong(
            when=lambda answer: str(answer).strip().upper() == 'SCO',
            example='SCO',
            hint="Counting the word 'shanghai' puts the SCO ahead, but the CIS is also called 'CIS' and 'the Commonwealth': count mentions with mention_counts(article).",
        ),
    ],
)


q6 = Question(
    title="terrorism as a word",
    expected=lambda article: len(kwic(article, 'terrorism')),
    explain="Right: {expected} times as a word of its own. kwic matches whole tokens, not pieces of words.",
    hints=[
        "kwic(article, word) gives one line per occurrence of the word.",
        "Count the lines: len(...).",
    ],
    wrong=[
        Wrong(
            answer=lambda article: article.text.lower().count('terrorism'),
            hint="text.count also finds 'terrorism' inside 'counter-terrorism' and 'anti-terrorism'. Count whole tokens: len(kwic(article, 'terrorism')).",
        ),
        Wrong(
            answer=lambda article: article.text.count('terrorism'),
            hint="text.count finds 'terrorism' inside 'counter-terrorism' too. Count whole tokens: len(kwic(article, 'terrorism')).",
        ),
    ],
)


q7 = Question(
    title="The strongest collocation",
    expected=lambda article: (collocations(article, 1)[0].first, collocations(article, 1)[0].second),
    explain="Right: {expected}. The likelihood measure trusts evidence, so a pair seen often ranks first.",
    hints=[
        "collocations(article, k) ranks word pairs by how strongly they go together.",
        "Take the first Collocation and give its .first and .second words as a pair.",
    ],
    wrong=[
        Wrong(
            answer=lambda article: collocations(article, 1)[0],
            hint="Right pair, with its scores too: that is the whole Collocation. Give only its two words, (best.first, best.second).",
        ),
        Wrong(
            answer=lambda article: (collocations(article, 1, measure='pmi')[0].first, collocations(article, 1, measure='pmi')[0].second),
            hint="That is the best pair by PMI, which rewards rare pairs. Use the default measure (likelihood).",
        ),
        Wrong(
            answer=lambda article: ngram_counts(article, 2).most_common(2)[1][0],
            hint="You counted pairs with stopwords in them ('the united'). The collocations drop them and score the pairs.",
        ),
    ],
)


q8 = Question(
    title="Your own content word",
    accept=lambda answer, article: isinstance(answer, (tuple, list)) and len(answer) == 2 and tuple(answer) in top_words(article, 20),
    example=lambda article: top_words(article, 20)[0],
    explain="Yes: {answer} is among the 20 most frequent content words. What does it tell you about the debate?",
    hints=[
        "Look at top_words(article, 20) and pick a word that tells you what the article is about.",
        "Give it as a (word, count) pair, with the count top_words shows.",
    ],
    wrong=[
        Wrong(
            when=lambda answer: isinstance(answer, (tuple, list)) and len(answer) == 2 and answer[0] in load_stopwords(),
            example=lambda article: ('the', word_counts(article, stopwords=False)['the']),
            hint="That word is a stopword: frequent in every text, it says little about this one. Pick one from top_words(article, 20).",
        ),
        Wrong(
            when=lambda answer, article: isinstance(answer, (tuple, list)) and len(answer) == 2 and answer[0] in dict(top_words(article, 20)),
            example=lambda article: (top_words(article, 20)[0][0], top_words(article, 20)[0][1] + 1),
            hint="Good word, but the count does not match: use the count top_words(article, 20) gives.",
        ),
    ],
)


def count_content_words(words, stopwords):
    """How often each word occurs, stopwords left out."""
    return Counter(word for word in words if word not in stopwords)


q9 = Question(
    title="Counting without stopwords",
    solution=count_content_words,
    cases=[
        Case("a stopword among others", ["the", "peace", "of", "peace"], {"the", "of"}, hint="'the' and 'of' are stopwords: skip every word that is in stopwords."),
        Case("only stopwords", ["the", "of", "and"], {"the", "of", "and"}, hint="When every word is a stopword, nothing is left to count: an empty Counter."),
        Case("a word absent", ["security"], {"the"}, hint="A word that is not a stopword is counted once for each time it occurs."),
        Case("no words", [], {"the"}, hint="No words, no counts: an empty Counter."),
        Case("the article's words", lambda article: article.words, lambda article: load_stopwords()),
    ],
    explain="Right: your counts leave the stopwords out, as word_counts(article) does by default.",
    hints=[
        "Counter(...) counts the items you give it; give it only the words that are not stopwords.",
        "A comprehension filters: Counter(word for word in words if word not in stopwords).",
    ],
    wrong=[
        Wrong(
            function=lambda words, stopwords: Counter(words),
            hint="You counted the stopwords too: keep a word only when it is not in stopwords.",
        ),
        Wrong(
            function=lambda words, stopwords: [word for word in words if word not in stopwords],
            hint="Those are the right words, not yet counted: give the list to Counter(...).",
        ),
        Wrong(
            function=lambda words, stopwords: Counter(set(words) - set(stopwords)),
            hint="A set keeps each word once, so every count became 1: count the list of words itself.",
        ),
    ],
)


def concordance(words, keyword, width):
    """Each occurrence of keyword with width words either side, joined by spaces."""
    lines = []
    for i, word in enumerate(words):
        if word == keyword:
            lines.append(" ".join(words[max(0, i - width): i + width + 1]))
    return lines


q10 = Question(
    title="A concordance as a loop",
    solution=concordance,
    cases=[
        Case("in the middle", ["we", "want", "peace", "and", "security"], "peace", 1, hint="Take width words before and after the keyword: words[i - width: i + width + 1]."),
        Case("twice", ["peace", "talks", "bring", "peace"], "peace", 1, hint="Keep one line for every occurrence, in the order of the text."),
        Case("at the very start", ["peace", "is", "near"], "peace", 2, hint="At the start of the text i - width is below 0, and a slice from a negative number counts from the end: start at max(0, i - width)."),
        Case("at the very end", ["we", "want", "peace"], "peace", 2, hint="Past the end a slice simply stops: words[i - width: i + width + 1] needs no test there."),
        Case("a word absent", ["we", "want", "peace"], "war", 2, hint="A word that never occurs gives no lines: an empty list."),
        Case("the article's top word", lambda article: list(article.words), lambda article: top_words(article, 1)[0][0], 3),
    ],
    explain="Right: your concordance finds every occurrence by its position, as kwic(article, word) does.",
    hints=[
        "Loop over the positions and words together: for i, word in enumerate(words).",
        "Where word == keyword, join the slice words[max(0, i - width): i + width + 1] with ' '.join(...).",
    ],
    wrong=[
        Wrong(
            function=lambda words, keyword, width: [" ".join(words[i - width: i + width + 1]) for i, w in enumerate(words) if w == keyword],
            hint="At the start of the text i - width is below 0, and a slice from a negative number counts from the end: start at max(0, i - width).",
        ),
        Wrong(
            function=lambda words, keyword, width: [" ".join(words[max(0, i - width): i + width]) for i, w in enumerate(words) if w == keyword],
            hint="The slice stops one word short on the right: a slice leaves out its end, so go to i + width + 1.",
        ),
        Wrong(
            function=lambda words, keyword, width: [words[max(0, i - width): i + width + 1] for i, w in enumerate(words) if w == keyword],
            hint="Each line is a list of words: join them into one piece of text with ' '.join(...).",
        ),
    ],
)
