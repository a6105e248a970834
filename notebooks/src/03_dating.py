# %% [markdown]
# # Lesson 03 · Dating an article
#
# **The question.** Two of the five pages in our corpus carry no date at all,
# and two more give a day and a month but no year. **Where would you look
# first to find out when they were published, and what could each place
# prove?**
#
# **What this lesson teaches:** the first moves a fact-checker makes to date
# a page (search for it, read its address, look it up in a web archive, read
# its publication metadata), what each can and cannot prove; and, when the
# page is all you have, how to date it from evidence inside the text:
# weekdays, people in office, and events with known dates.
#
# **Learning objectives.** By the end you can
# - search for a quoted headline, read a URL, find a page's first archive
#   capture and its publication metadata, and say what each proves;
# - find the words in an article that say *when*;
# - combine a weekday with officeholders' terms of office to narrow a date to
#   one year;
# - explain why a copyright line or a photo caption is not a publication date;
# - judge a date's confidence rating, with a reason.
#
# **Time:** about 50 minutes, 10 of them for a search task you can also do
# at home. **Before you start:** [Lesson 01 · Start here](01_start_here.ipynb).

# %%
import html

import ipywidgets as widgets
from IPython.display import HTML, Markdown

import claimlab
import claimlab_course
from claimlab import dating
from claimlab.reader import render_article
from claimlab.views import as_html, years_when
from claimlab_course import Exercise, check

corpus = claimlab.load_corpus()
offices = claimlab_course.offices()   # the terms of office of the people the articles name
articles = corpus.articles.set_index("article_id")

# %% [markdown]
# ## Why the date matters
#
# A date decides which events an article can be about, and who could have
# said the words it quotes. Date the TASS article about Heather Nauert a year
# too early, and her warnings about an offensive on Idlib would be attached to
# a different crisis.
#
# Yet web copies of news articles often lose their dates. Look at what the
# pages of our corpus give:

# %%
corpus.articles[["article_id", "outlet", "dateline", "published", "date_confidence"]]

# %%
no_year = ~corpus.articles["date_evidence"].str.startswith("Stated")
Markdown(
    f"**{int(no_year.sum())} of the {len(corpus.articles)} articles** do not state their full publication "
    "date. A dateline such as \"WASHINGTON, August 30\" gives the day and the month; the year had to be "
    "worked out. This lesson shows how."
)

# %% [markdown]
# ## The first moves: look outside the text
#
# Before any calendar arithmetic, a fact-checker looks for the page itself.
# Four moves take a few minutes each:
#
# 1. **Search for the quoted headline.** Put the exact headline in quotation
#    marks in a search engine. You may find the outlet's own page, copies on
#    other sites, and the address (URL) of each. The date a search engine
#    shows beside a result is its own guess, often the day it last crawled
#    or the page was last edited: treat it as a lead, not as evidence.
# 2. **Read the URL.** Many sites build the address from the date, as in
#    `https://news.example.com/world/2016/02/11/ministers-meet-in-munich`
#    (an invented address). Others use a number that grows with every new
#    article: that gives only the order in which pages were made. A date in
#    the path is when the site's system filed the page, which can differ from
#    the day the story was written or last changed.
# 3. **Check a web archive.** The Internet Archive's Wayback Machine
#    (`web.archive.org`) keeps copies of pages with the time each was taken;
#    typing `https://web.archive.org/web/*/` followed by the page's address
#    lists every capture. The **first capture** proves the page existed by
#    then: the article was published *on or before* that moment. It cannot
#    say how long before, and a page nobody archived proves nothing.
# 4. **Read the page's publication metadata.** A news page's source code
#    (in most browsers, right-click → *View page source*) usually records
#    dates for machines: an Open Graph tag such as
#    `<meta property="article:published_time" content="…">`
#    ([The Open Graph protocol](https://ogp.me/)), and, in a block of
#    JSON-LD, schema.org's `datePublished` and `dateModified`
#    ([schema.org: datePublished](https://schema.org/datePublished)). These
#    are the publisher's own record: usually right, but set by software, and
#    they can be reset when a site moves its archive or republishes a story.
#
# | move | what it can show | what it cannot prove |
# |---|---|---|
# | search the headline | where the page and its copies are | a date: the engine's date is a guess |
# | read the URL | the day the site filed the page, or the order of pages | when the text was written or changed |
# | first archive capture | the page existed by then | how long before that it was published |
# | publication metadata | the date the publisher's system records | that the system is right, or that a copy elsewhere is the same text |
#
# No single move settles a date; two independent ones that agree make it
# strong. Our corpus is a set of **saved texts**: the URLs and the page
# source were not kept, which is why the rest of this lesson works from the
# words alone. You can still practise reading metadata on a page's source.
# Here is an invented one, in the form news sites use:

# %%
PAGE_SOURCE = """<head>
  <title>Ministers meet in Munich as talks stall | Example News</title>
  <link rel="canonical" href="https://news.example.com/world/2016/02/11/ministers-meet-in-munich">
  <meta property="article:published_time" content="2016-02-11T14:05:00+00:00">
  <meta property="article:modified_time" content="2016-02-12T09:30:00+00:00">
  <script type="application/ld+json">
  {"@type": "NewsArticle", "headline": "Ministers meet in Munich as talks stall",
   "datePublished": "2016-02-11T14:05:00+00:00", "dateModified": "2016-02-12T09:30:00+00:00"}
  </script>
</head>
<body> … <footer>© Copyright Example News 2024</footer></body>"""
HTML(f"<pre style='white-space:pre-wrap;background:#f5f5f5;padding:0.8em'>{html.escape(PAGE_SOURCE)}</pre>")

# %% [markdown]
# ### Exercise 03.metadata
#
# Read the invented page source above. What is the strongest statement it
# supports about when the article was published?

# %% tags=["key"]
# Lesson 03 answer key: first moves outside the text, then dating from the text's own evidence.
def _metadata_options(corpus):
    return ["It was published on 11 February 2016 at 14:05 UTC: the metadata settles it",
            "The publisher's system records first publication on 11 February 2016 and an edit the next "
            "day; the address agrees. That is the publisher's own record, worth checking against an "
            "archive capture",
            "It was published on 12 February 2016: the latest date in the metadata is the real one",
            "It was published in 2024: the footer gives the most recent year on the page"]


QUESTIONS["03.metadata"] = Question(
    prompt="What is the strongest statement the invented page source supports about when the article "
           "was published?",
    kind="choice",
    options=_metadata_options,
    answer=lambda c: _metadata_options(c)[1],
    hints=["Find every date in the source, and say what each one is the date of: publication, "
           "modification, or the footer of every page.",
           "Who wrote the metadata, and could it be wrong? A strong statement says whose record it is."],
    explain="article:published_time and datePublished agree on 11 February 2016, and the URL path agrees; "
            "dateModified records a later edit, not the first publication; the footer's year belongs to the "
            "site. All three dates come from the publisher's own system, so an independent check (the first "
            "archive capture) would make the date stronger.",
)

# %%
ex_metadata = Exercise("03.metadata", corpus)
ex_metadata

# %% tags=["solution"]
# Worked solution: the option that names whose record the date is and what would confirm it.
ex_metadata.reveal()

# %% tags=["test"]
# Course self-check: the footer's year is a wrong answer with a hint; the reasoned option is right; reset.
feedback = ex_metadata.check(next(o for o in ex_metadata.input.options if "footer" in o))
assert feedback.ok is False and feedback.message.startswith("Not yet. Hint:") and "archive" not in feedback.message
assert ex_metadata.check(next(o for o in ex_metadata.input.options if "publisher's own record" in o)).ok
ex_metadata.reset()

# %% [markdown]
# ### Exercise 03.search_headline: off the page (10 minutes)
#
# This task sends you away from the notebook, to a search engine and the
# Wayback Machine. If your class has no internet, your instructor has a
# printed sheet with the evidence.
#
# - **What to search:** the TASS headline *"US concerned by possibility of
#   offensive in Idlib — Department of State"*, in quotation marks. Open
#   TASS's own page if you find it, then its source and its Wayback Machine
#   captures.
# - **A good answer contains:** the URL you found, and whether it carries a
#   date or only a number; the date the page's metadata gives (quote the
#   tag), or "none found"; the date of the first archive capture; and one
#   sentence on whether this confirms, narrows or contradicts the course's
#   date of 30 August 2018, saying what each piece can and cannot prove.
# - **How long:** 10 minutes. Stop then, and write what you have: "not
#   found" is an answer too.

# %% tags=["key"]
QUESTIONS["03.search_headline"] = Question(
    prompt="What did you find about the TASS article's date off the page, and does it confirm, narrow or "
           "contradict the course's date? Say what each piece can and cannot prove.",
    kind="judgement",
    answer="The shape of a good answer (your findings will differ): \"Searching the quoted headline found "
           "TASS's page; its URL ends in an article number, not a date, so it gives only an order. Its "
           "source has an article:published_time tag of <the date you found>. The first Wayback capture is "
           "<the date you found>, so the page existed by then. Both agree with 30 August 2018, and they are "
           "independent of the weekday and officeholder evidence, so together they confirm it.\"",
    hints=["It gives the URL and says whether the path holds a date or only a number.",
           "It quotes the metadata tag it found, or says none was found.",
           "It gives the first archive capture and reads it as 'published on or before', not 'on'.",
           "It ends with a verdict on the course's date, and names a limit of each piece of evidence."],
)

# %%
Exercise("03.search_headline", corpus)

# %% [markdown]
# ## When the page is all you have: evidence inside the text

# %% [markdown]
# An article dates itself through what it mentions:
#
# 1. **Weekdays.** "told TASS on Sunday", "Monday, August 27", "Russia said
#    Thursday", "a statement released on Tuesday". A date falls on a given
#    weekday only in some years.
# 2. **Officeholders.** A person named in an office ("Secretary Pompeo",
#    "National Security Advisor Bolton") held it only for a known term.
# 3. **Dated events.** "the strike ... carried out on August 31", talks in
#    Munich, a photo caption with a full date.
# 4. **Dates that are not publication dates.** A copyright footer, or the caption
#    of an old file photo, carries a year that belongs to something else.
#
# The helper `dating.date_clues` finds the words that say *when* in every
# article, and notes what kind of line each stands in. Choose an article: the
# clues are listed and highlighted in the text (hover over a highlight to see
# its kind).

# %%
clue_menu = widgets.Dropdown(options=sorted(corpus.texts), value="tass-nauert-2018", description="Article",
                             tooltip="Choose the article whose date clues to show")
clue_table = widgets.HTML()
clue_page = widgets.HTML()


def show_clues(change=None):
    clues = dating.date_clues(corpus, clue_menu.value)
    clue_table.value = as_html(clues[["clue", "kind", "where", "paragraph"]], max_rows=60)
    clue_page.value = render_article(corpus, clue_menu.value, layers=(), extra=clues)


clue_menu.observe(show_clues, names="value")
show_clues()
widgets.VBox([clue_menu, clue_table, clue_page])

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
assert "Monday, August 27" in clue_table.value and "Date clue: weekday and date" in clue_page.value
clue_menu.value = "ibtimes-aleppo-2016"
assert "copyright" in clue_table.value and "2024" in clue_table.value
assert "Monday, August 27" not in clue_table.value
clue_menu.value = "tass-nauert-2018"

# %% [markdown]
# Not every clue is equally useful. "August 30" alone fits every year. A
# weekday alone fits every week. The strength comes from **combining** them.

# %% [markdown]
# ## Weekdays: the calendar check
#
# A given date, say August 27, moves through the week from year to year: it
# falls on a Monday only every few years. So "Monday, August 27" rules out
# most years at once.
#
# `years_when(month, day, weekday)` lists the years from 2010 to 2025 in which
# a date fell on a weekday. Months are numbers: January is 1, September is 9.
#
# Start with the TASS article about the US strike in Idlib. Its dateline is
# "WASHINGTON, September 2", and the State Department official "told TASS on
# Sunday". If that Sunday was the day before the dateline, September 1 was a
# Sunday. In which years was it?

# %%
years_when(9, 1, "Sunday")

# %% [markdown]
# More than one year fits, so the weekday is not enough on its own. The
# article adds a dated event: the US strike "carried out on August 31", on the
# day a ceasefire began in the Idlib zone. The UrduPoint article in our
# corpus, which states its date, carries the same State Department statement.
# The next cell reads UrduPoint's date from the table.

# %%
up = articles.loc["urdupoint-idlib-2019", "published"]
tass_year = articles.loc["tass-idlib-2019", "published"].year
Markdown(
    f"UrduPoint is dated **{up:%d %B %Y}** ({dating.weekday(up.year, up.month, up.day)}), so the statement was "
    f"made in {up.year}; {up.year} is one of the years in which September 1 was a Sunday. "
    f"The course dates the TASS article to **{tass_year}**."
)

# %% [markdown]
# ### The year finder
#
# Try any date yourself. Choose a month, a day and the weekday an article
# gives; the years that fit appear straight away. (Leave the officeholder
# boxes for now: we come back to them below.)

# %%
finder = dating.YearFinder(offices=offices)
finder

# %% tags=["test"]
# Course self-check: the finder updates in place, for any date; then it is put back as it was.
assert finder.years == years_when(8, 27, "Monday")
finder.set(month="February", day=11, weekday_name="Thursday")
assert finder.years == years_when(2, 11, "Thursday") and "2016" in finder.value
finder.set(people=["Brett McGurk"])
assert finder.years == [articles.loc["ibtimes-aleppo-2016", "published"].year]
finder.set(month="February", day=30)
assert finder.years == [] and "There is no February 30" in finder.value
finder.set(month="August", day=27, weekday_name="Monday", people=[])
assert finder.years == years_when(8, 27, "Monday")

# %% [markdown]
# ### Exercise 03.monday_aug27
#
# The TASS article about Nauert reports a meeting "on Monday, August 27".
# Use the year finder: **in which year between 2014 and 2023 was August 27 a
# Monday?**

# %% tags=["key"]
import re
from claimlab.dating import matching_years
from claimlab_course import offices
from claimlab.views import years_when


def _monday_aug27(corpus):
    return matching_years(8, 27, "Monday", range(2014, 2024))[0]


QUESTIONS["03.monday_aug27"] = Question(
    prompt="In which year between 2014 and 2023 was August 27 a Monday?",
    kind="number",
    answer=_monday_aug27,
    hints=["Use the year finder: set Month to August, Day to 27 and Weekday to Monday.",
           "The finder lists every matching year from 2010 to 2025; keep only the one from 2014 to 2023."],
    explain=lambda c: (f"Only {_monday_aug27(c)} fits, so 'Monday, August 27' in the TASS article "
                       f"about Nauert points to {_monday_aug27(c)}."),
)

# %%
ex_monday = Exercise("03.monday_aug27", corpus)
ex_monday

# %% tags=["solution"]
# Worked solution: ask years_when for the years 2014 to 2023 only (range stops before its second number).
ex_monday.check(years_when(8, 27, "Monday", years=range(2014, 2024))[0])

# %% tags=["test"]
# Course self-check: a wrong year gets a hint, not the answer; then the exercise is reset.
feedback = ex_monday.check(2012)
assert feedback.ok is False and feedback.message.startswith("Not yet. Hint:") and "2018" not in feedback.message
ex_monday.input.value = ""
ex_monday.feedback.value = ""
ex_monday.attempts = 0

# %% [markdown]
# ### The IBTimes article: events first, then the weekday
#
# The IBTimes article has no dateline, and the only year on the page is in its
# copyright line. It gives no date, but it names events:
#
# - "The Kremlin began its airstrikes at the end of September": Russia's air
#   campaign in Syria began on 30 September 2015
#   ([Wikipedia: Russian intervention in the Syrian civil war](https://en.wikipedia.org/wiki/Russian_intervention_in_the_Syrian_civil_war)).
#   The article is later than that.
# - A "nearly five-year conflict": the war in Syria began in March 2011
#   ([Wikipedia: Syrian civil war](https://en.wikipedia.org/wiki/Syrian_civil_war)),
#   so it was nearly five years old in the winter of 2015–16.
# - Talks stalled "in early February", and diplomats "were scheduled to meet
#   in Munich Thursday". The International Syria Support Group met in Munich
#   on 11 February 2016
#   ([Wikipedia: International Syria Support Group](https://en.wikipedia.org/wiki/International_Syria_Support_Group)).
#
# The events give the year and the month; the public record of the meeting
# gives a day. Only now does the weekday come in, as an **independent
# check**: the article says the meeting was on a Thursday. Was 11 February
# 2016 one? If the record and the article disagreed, one of them, or our
# reading, would be wrong.

# %%
Markdown(f"11 February 2016 was a **{dating.weekday(2016, 2, 11)}**: the record and the article agree.")

# %% [markdown]
# The course dates the article to that Thursday, with *medium* confidence: the
# page gives no date, and a story written on Thursday can go online a day later.

# %% [markdown]
# ### Exercise 03.thursdays_2016 (optional, in code)
#
# This exercise is **optional**: skip it if you are not writing code, and
# nothing later depends on it. Which days of February 2016 were Thursdays?
# Replace the `...` with a list of day numbers computed with
# `dating.weekday(year, month, day)`, which gives the name of a date's
# weekday. A list comprehension such as
# `[d for d in range(1, 30) if ...]` does it in one line.

# %% tags=["key"]
def _published(corpus, article_id):
    return corpus.articles.set_index("article_id").loc[article_id, "published"]


def _thursdays(corpus):
    return [d for d in range(1, 30) if claimlab.dating.weekday(2016, 2, d) == "Thursday"]


QUESTIONS["03.thursdays_2016"] = Question(
    prompt="Which days of February 2016 were Thursdays? Compute the list with dating.weekday.",
    kind="multi",
    answer=_thursdays,
    hints=["dating.weekday(2016, 2, d) gives the weekday of day d of February 2016; keep the days "
           "where it equals \"Thursday\".",
           "[d for d in range(1, 30) if dating.weekday(2016, 2, d) == \"Thursday\"] lists them "
           "(2016 was a leap year: February had 29 days)."],
    explain=lambda c: (f"{', '.join(map(str, _thursdays(c)))}. The article's \"early February\" and the "
                       "public record of the Munich meeting pick one of them: "
                       f"{_published(c, 'ibtimes-aleppo-2016'):%d %B %Y}."),
)

# %%
thursdays = ...
check("03.thursdays_2016", thursdays, corpus)

# %% tags=["test"]
# Course self-check: the untouched ... asks for an answer; a list missing a Thursday is not right.
assert check("03.thursdays_2016", thursdays, corpus).ok is None
some = [d for d in range(1, 30) if dating.weekday(2016, 2, d) == "Thursday"][:-1]
assert check("03.thursdays_2016", some, corpus).ok is False

# %% tags=["solution"]
# Worked solution: keep the days of February 2016 whose weekday is Thursday.
thursdays = [d for d in range(1, 30) if dating.weekday(2016, 2, d) == "Thursday"]
check("03.thursdays_2016", thursdays, corpus)

# %% [markdown]
# ## Officeholders: who was in office when?
#
# People hold offices for a term, and terms of office are public record. The
# Nauert article names several officeholders: Heather Nauert speaks as the State
# Department's spokesperson, and she names "Secretary Pompeo", "Chairman
# Dunford", "Secretary Mattis" and "National Security Advisor Bolton". It also
# names James Jeffrey as "Special Representative for Syria Engagement". The
# IBTimes article quotes Brett McGurk.
#
# Their terms of office are in a table the code can use, each row with its
# source (the person's Wikipedia article):

# %%
HTML(as_html(offices.table))

# %% [markdown]
# Go back to the **year finder** above. Set the weekday to *any weekday*, keep
# August 27, and tick the officeholders one by one. Each box keeps only the
# years in which that person was in office on that date.

# %% [markdown]
# ### Exercise 03.officeholders
#
# Leave the weekday out of it. **In which single year were Nauert, Pompeo,
# Bolton, Mattis and Dunford all in office on August 27?**

# %% tags=["key"]
#: The five officeholders tass-nauert-2018 names in office (Nauert speaks; she names the other four).
NAUERT_PEOPLE = ["Heather Nauert", "Mike Pompeo", "John Bolton", "Jim Mattis", "Joseph Dunford"]


def _officeholders(corpus):
    return offices().years_in_office(NAUERT_PEOPLE, 8, 27)[0]


QUESTIONS["03.officeholders"] = Question(
    prompt="In which single year were Nauert, Pompeo, Bolton, Mattis and Dunford ALL in office on August 27?",
    kind="number",
    answer=_officeholders,
    hints=["In the year finder, set the weekday to 'any weekday' and tick the five names.",
           "Read the 'all fit' column of the table: which year has a ✓ there?"],
    explain=lambda c: (f"{_officeholders(c)}: the terms of office alone give the same year as the "
                       "weekday. Two independent lines of evidence agree."),
)

# %%
ex_office = Exercise("03.officeholders", corpus)
ex_office

# %% tags=["solution"]
# Worked solution: the years in which all of them held office on August 27.
ex_office.check(offices.years_in_office(["Nauert", "Pompeo", "Bolton", "Mattis", "Dunford"], 8, 27)[0])

# %% [markdown]
# ## Combining the evidence
#
# Now put the weekday and the officeholders side by side. `dating.narrow`
# makes one row per year: the weekday of August 27 that year, whether it fits
# "Monday", whether each person was in office, and whether **all** the clues
# fit at once.

# %%
nauert_people = ["Nauert", "Pompeo", "Bolton", "Mattis", "Dunford"]
combined = dating.narrow(8, 27, "Monday", people=nauert_people, offices=offices)
HTML(as_html(combined))

# %%
fits = combined.loc[combined["all fit"] == dating.YES, "year"].tolist()
monday_years = years_when(8, 27, "Monday")
Markdown(
    f"The weekday alone leaves **{len(monday_years)}** years ({', '.join(map(str, monday_years))}); "
    f"the officeholders alone leave **{len(offices.years_in_office(nauert_people, 8, 27))}**. Together, "
    f"only **{', '.join(map(str, fits))}** fits every clue, and the course dates the article to "
    f"**{articles.loc['tass-nauert-2018', 'published']:%d %B %Y}**."
)

# %% [markdown]
# Two independent lines of evidence pointing to the same year is what makes
# the course rate this date *high*.

# %% [markdown]
# ## Dated events and captions
#
# The Press TV article has no dateline either. A photo caption reads "People
# inspect the damage at a site hit by airstrikes in Idlib, Syria, February 7,
# 2017", and the text says the Defence Ministry's statement was "released on
# Tuesday" and that the strikes came "Earlier on Tuesday". Do the two agree?

# %%
Markdown(f"7 February 2017 was a **{dating.weekday(2017, 2, 7)}**.")

# %% [markdown]
# They agree, and the ministry's statement speaks of strikes "since the
# beginning of 2017". But be careful with captions: the same page has a second caption,
# about a jet being refuelled at Hmeimim airbase "on March 16, 2016". That is a
# **file photo**, almost a year older than the article. A caption dates its
# photo, not the article. The course dates Press TV to 7 February 2017 with
# *medium* confidence: the next day cannot be ruled out.

# %% [markdown]
# ## Years that are not publication dates
#
# Some lines look like dates and are not: a file photo's caption, as above;
# a relative time such as UrduPoint's "6 minutes ago", counted from the
# moment the page was copied; and a **copyright footer**, such as
# "© Copyright IBTimes 2024", printed by the web site at the foot of every page.

# %% [markdown]
# ### Exercise 03.copyright
#
# What year does the IBTimes copyright line give, and why is it not the
# publication date?

# %% tags=["key"]
def _copyright_year(corpus):
    s = corpus.segments
    line = s.loc[s["kind"] == "copyright", "text"].iloc[0]
    return re.search(r"\b(?:19|20)\d{2}\b", line).group(0)


def _copyright_options(corpus):
    y = _copyright_year(corpus)
    return [f"{y}: the year IBTimes first put this article online, before any later edits",
            f"{y}: the year of the events, since a copyright line dates the work it protects",
            f"{y}: the year the page was copied: a site footer shows the year it is viewed",
            "No year: the line names the company that owns the site, and no date at all"]


QUESTIONS["03.copyright"] = Question(
    prompt="The IBTimes article ends with a copyright line. What year does it give, "
           "and why is that not the publication date?",
    kind="choice",
    options=_copyright_options,
    answer=lambda c: _copyright_options(c)[2],
    hints=["Is the copyright line part of the article, or part of the web page around it? "
           "Its kind in the paragraphs table tells you.",
           "Compare the year with what the article reports: Russia's strikes 'began at the end of September' "
           "in a 'nearly five-year conflict'. Could those words be written in that year?"],
    explain=lambda c: ("A site's footer belongs to the page template, not to the article: it shows the "
                       "year the page was served. The events point to "
                       f"{_published(c, 'ibtimes-aleppo-2016'):%B %Y}."),
)

# %%
ex_copyright = Exercise("03.copyright", corpus)
ex_copyright

# %% tags=["solution"]
# Worked solution: the copyright line is page furniture (kind "copyright"), and its year is far later
# than the events the article reports.
footer = corpus.paragraphs.query("kind == 'copyright'")
print(footer[["article_id", "kind", "text"]].to_string(index=False))
print("The article's own date:", f"{articles.loc['ibtimes-aleppo-2016', 'published']:%d %B %Y}")
ex_copyright.check(next(option for option in ex_copyright.input.options if "footer" in option))

# %% [markdown]
# ## The evidence, as the course records it
#
# Every date in the articles table comes with its reasons (`date_evidence`) and
# a confidence rating (`date_confidence`). Choose an article and read the
# reasoning critically: which clues does it use? Which could you check
# yourself with the tools of this lesson?

# %%
evidence_menu = widgets.Dropdown(options=sorted(corpus.texts), value="ibtimes-aleppo-2016",
                                 description="Article", tooltip="Choose the article whose date evidence to show")
evidence_box = widgets.HTML()


def show_evidence(change=None):
    r = articles.loc[evidence_menu.value]
    evidence_box.value = (
        f"<p><strong>{html.escape(r['outlet'])}</strong>: dated {r['published']:%A %d %B %Y}, "
        f"confidence <strong>{html.escape(r['date_confidence'])}</strong></p>"
        f"<blockquote>{html.escape(r['date_evidence'])}</blockquote>"
    )


evidence_menu.observe(show_evidence, names="value")
show_evidence()
widgets.VBox([evidence_menu, evidence_box])

# %% tags=["test"]
# Course self-check: the evidence box follows the menu.
assert "Munich" in evidence_box.value and "medium" in evidence_box.value
evidence_menu.value = "urdupoint-idlib-2019"
assert "Stated twice" in evidence_box.value and "Monday 02 September 2019" in evidence_box.value
evidence_menu.value = "ibtimes-aleppo-2016"

# %% [markdown]
# *High* confidence means several independent clues agree on one day. *Medium*
# means the year and month are secure but the exact day is not: Press TV
# might have published the day after the strikes, and IBTimes may have put
# Thursday's story online on Friday. Notice also what the evidence does **not**
# use: the copyright year.

# %% [markdown]
# ### Exercise 03.confidence
#
# The course rates the Press TV date *medium*. Would you rate it higher,
# lower, or the same? Decide, and give your reason. Then say which one of
# the first moves of this lesson could change your rating.

# %% tags=["key"]
QUESTIONS["03.confidence"] = Question(
    prompt="Would you rate the Press TV article's date higher, lower or the same as the course's 'medium'? "
           "Give your reason, and name one first move that could change your rating.",
    kind="judgement",
    answer="The same. The caption's date and the text's \"Tuesday\" agree on the day of the strikes, "
           "7 February 2017, so the year and the month are secure; but nothing on the page says when Press TV "
           "put it online, and a report on Tuesday's strikes could appear on Wednesday. The page's "
           "article:published_time or datePublished, or a Wayback capture on 7 February, could raise it to high.",
    hints=["It separates the date of the events from the date of publication.",
           "It uses at least one clue from the page (the caption, 'Tuesday') and says what it dates.",
           "It names a move outside the text (metadata, archive capture, the URL) and what result would "
           "change the rating.",
           "It does not treat the photo caption's date as the publication date by itself."],
)

# %%
Exercise("03.confidence", corpus)

# %% [markdown]
# ## Recap
#
# - Look outside the text first: search the quoted headline, read the URL,
#   find the first archive capture (the page existed by then) and the page's
#   publication metadata (the publisher's own record). Each proves less than
#   it seems to; two independent moves that agree are strong.
# - When the page is all you have, the text usually still holds clues.
# - A weekday next to a date rules out most years: `years_when(month, day,
#   weekday)` lists the years that fit.
# - Officeholders' terms of office narrow the range further; combining
#   independent clues is what makes a date reliable.
# - Dated events, and other articles that report the same statement, can
#   confirm a date.
# - Copyright footers, file-photo captions and relative times ("6 minutes
#   ago") are not publication dates.
# - Every inferred date is a claim with reasons and a confidence: check them,
#   and say what would change your rating.
#
# **Next:** [Lesson 04 · Attribution](04_attribution.ipynb)
