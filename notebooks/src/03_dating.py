# %% [markdown]
# # Lesson 03 · Dating an article
#
# **What this lesson teaches:** how to work out when an article was published
# when the page does not say, using evidence inside the text: weekdays,
# people in office, and events with known dates; and how to spot dates that
# look like publication dates but are not.
#
# **Learning objectives.** By the end you can
# - find the words in an article that say *when*;
# - check with code in which years a date fell on a given weekday;
# - combine a weekday with officeholders' terms of office to narrow a date to
#   one year;
# - explain why a copyright line or a photo caption is not a publication date;
# - read the course's date evidence and its confidence rating critically.
#
# **Time:** 30–45 minutes. **Before you start:** [Lesson 00 · Start here](00_start_here.ipynb)
# and [Lesson 01 · Meet the corpus](01_meet_the_corpus.ipynb).

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
# ## Four kinds of evidence
#
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
# Lesson 03 answer key: dating an article from its internal evidence.
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
# ### Exercise 03.thursday_feb11: in code
#
# The IBTimes article has no dateline, and the only year on the page is in its
# copyright line. It says "Russia said Thursday", and that diplomats "were
# scheduled to meet in Munich Thursday" after talks stalled "in early
# February". Suppose that Thursday was
# February 11. **Which years from 2010 to 2025 make February 11 a Thursday?**
#
# Replace the `...` with a call to `years_when`, run the cell, and read the
# feedback.

# %% tags=["key"]
def _published(corpus, article_id):
    return corpus.articles.set_index("article_id").loc[article_id, "published"]


QUESTIONS["03.thursday_feb11"] = Question(
    prompt="Which years from 2010 to 2025 make February 11 a Thursday? Compute the list with years_when.",
    kind="multi",
    answer=lambda c: years_when(2, 11, "Thursday"),
    hints=["Call claimlab.views.years_when with the month as a number (February is 2), the day, "
           "and the weekday's name in quotation marks.",
           "years_when gives back a list of years: put the whole list, brackets and all, in place of the ..."],
    explain=lambda c: (f"{', '.join(map(str, years_when(2, 11, 'Thursday')))}. Only one of them fits a "
                       "'nearly five-year conflict' (the war began in 2011) in which Russia's strikes "
                       f"began 'at the end of September': {_published(c, 'ibtimes-aleppo-2016').year}."),
)

# %%
feb11_years = ...
check("03.thursday_feb11", feb11_years, corpus)

# %% tags=["solution"]
# Worked solution: February is month 2.
feb11_years = years_when(2, 11, "Thursday")
check("03.thursday_feb11", feb11_years, corpus)

# %% [markdown]
# Again more than one year fits the weekday. The rest of the article narrows
# them down:
#
# - "The Kremlin began its airstrikes at the end of September": Russia's air
#   campaign in Syria began on 30 September 2015
#   ([Wikipedia: Russian intervention in the Syrian civil war](https://en.wikipedia.org/wiki/Russian_intervention_in_the_Syrian_civil_war)),
#   which rules out 2010.
# - A "nearly five-year conflict": the war in Syria began in March 2011
#   ([Wikipedia: Syrian civil war](https://en.wikipedia.org/wiki/Syrian_civil_war)),
#   so it was nearly five years old in early 2016, not in 2021.
# - The International Syria Support Group met in Munich on Thursday
#   11 February 2016 ([Wikipedia: International Syria Support Group](https://en.wikipedia.org/wiki/International_Syria_Support_Group)).
#
# The course dates the article to that Thursday, with *medium* confidence: the
# page gives no date, and a story written on Thursday can go online a day later.

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
# Their terms, from Wikipedia:
#
# - [Heather Nauert](https://en.wikipedia.org/wiki/Heather_Nauert): State
#   Department spokesperson from April 2017 to April 2019.
# - [Mike Pompeo](https://en.wikipedia.org/wiki/Mike_Pompeo): Secretary of
#   State from 26 April 2018 to January 2021.
# - [John Bolton](https://en.wikipedia.org/wiki/John_Bolton): National Security
#   Advisor from April 2018 to September 2019.
# - [Jim Mattis](https://en.wikipedia.org/wiki/Jim_Mattis): Secretary of
#   Defense from January 2017 to 1 January 2019.
# - [Joseph Dunford](https://en.wikipedia.org/wiki/Joseph_Dunford): Chairman
#   of the Joint Chiefs of Staff from October 2015 to September 2019.
# - [James Jeffrey](https://en.wikipedia.org/wiki/Jim_Jeffrey): Special
#   Representative for Syria Engagement from 17 August 2018 to November 2020.
# - [Brett McGurk](https://en.wikipedia.org/wiki/Brett_McGurk): Special
#   Presidential Envoy for the Global Coalition to Counter ISIL from October
#   2015 to 31 December 2018.
#
# The same facts, with exact days, are in a table the code can use:

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
# the course rate this date *high*. One more check: James Jeffrey took up his
# post on 17 August 2018, so an article that calls him Special Representative
# was written after that day, and before Nauert left in April 2019. That
# alone gives the same year.

# %%
Markdown(
    "Years in which Nauert and Jeffrey were both in office on August 27: "
    f"**{', '.join(map(str, offices.years_in_office(['Nauert', 'Jeffrey'], 8, 27)))}**."
)

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
# Some lines look like dates and are not:
# - **Copyright footers.** "© Copyright IBTimes 2024" is printed by the web
#   site at the foot of every page.
# - **File photos.** As above, a caption's date belongs to the photo.
# - **Relative times.** UrduPoint's "6 minutes ago" counted from the moment the
#   page was copied.

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
# ### Exercise 03.stated
#
# One article states its full publication date outright. Which one? The clue
# browser at the top of this lesson will help.

# %% tags=["key"]
def _stated(corpus):
    a = corpus.articles
    return sorted(a.loc[a["date_evidence"].str.startswith("Stated"), "article_id"])[0]


def _segment(corpus, article_id, kind):
    s = corpus.segments
    return s.loc[(s["article_id"] == article_id) & (s["kind"] == kind), "text"].iloc[0]


QUESTIONS["03.stated"] = Question(
    prompt="Which article states its full publication date (day, month and year) outright?",
    kind="choice",
    options=lambda c: sorted(c.articles["article_id"]),
    answer=_stated,
    hints=["Look for a line near the top of an article that gives a day, a month AND a year together.",
           "In the date-clue table, look at the rows of kind 'full date' that stand in a byline "
           "(not in a caption)."],
    explain=lambda c: (f"UrduPoint's byline line reads '{_segment(c, _stated(c), 'byline')}'. Every other "
                       "article leaves the year out of its own date, so the course had to infer it."),
)

# %%
ex_stated = Exercise("03.stated", corpus)
ex_stated

# %% tags=["solution"]
# Worked solution: its byline line gives a weekday, a day, a month and a year together.
clues = dating.date_clues(corpus)
full = clues[(clues["kind"] == "full date") & (clues["where"] == "byline")]
ex_stated.check(full["article_id"].iloc[0])

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
# ## Recap
#
# - Pages often lose their dates; the text usually still holds clues.
# - A weekday next to a date rules out most years: `years_when(month, day,
#   weekday)` lists the years that fit.
# - Officeholders' terms of office narrow the range further; combining
#   independent clues is what makes a date reliable.
# - Dated events, and other articles that report the same statement, can
#   confirm a date.
# - Copyright footers, file-photo captions and relative times ("6 minutes
#   ago") are not publication dates.
# - Every inferred date is a claim with reasons and a confidence: check them.
#
# **Next:** [Lesson 04 · Attribution](04_attribution.ipynb)
