"""Date expressions resolved against the publication date (2019-08-20 was a Tuesday)."""

import datetime as dt

import pytest

from warwire import dates
from warwire.dates import VAGUE, YEAR_ONLY, find_dates, format_acled

TUESDAY = dt.date(2019, 8, 20)


@pytest.mark.parametrize(
    "text, expected, precision",
    [
        ("rebel fighters withdrew early on Tuesday", dt.date(2019, 8, 20), 1),
        ("On Monday, air raids struck a convoy", dt.date(2019, 8, 19), 1),
        ("on Sunday night", dt.date(2019, 8, 18), 1),
        ("on Wednesday", dt.date(2019, 8, 14), 1),  # across the week boundary
        ("last Tuesday", dt.date(2019, 8, 13), 1),
        ("since yesterday's attacks", dt.date(2019, 8, 19), 1),
        ("two days ago", dt.date(2019, 8, 18), 1),
        ("On 18 August 2019, clashes", dt.date(2019, 8, 18), 1),
        # "overnight" with the night's date is that date, not last night
        ("Overnight on 16 August 2019, arsonists set fire to a house", dt.date(2019, 8, 16), 1),
        ("arsonists set fire to a house overnight", dt.date(2019, 8, 19), 1),
        ("On August 18, clashes", dt.date(2019, 8, 18), 1),
        ("on Aug. 19", dt.date(2019, 8, 19), 1),
        ("2019-08-17", dt.date(2019, 8, 17), 1),
        ("last week", dt.date(2019, 8, 15), 2),
        # a day of last week: that week's, not this week's
        ("gunmen struck on Monday last week", dt.date(2019, 8, 12), 1),
        ("on Friday of last week", dt.date(2019, 8, 16), 1),
        ("on Thursday night of the previous week", dt.date(2019, 8, 15), 1),
        ("gunmen killed six people at the weekend", dt.date(2019, 8, 17), 2),
        ("clashes over the weekend", dt.date(2019, 8, 17), 2),
        ("in late April", dt.date(2019, 4, 30), 3),
        ("in early March", dt.date(2019, 3, 1), 3),
        ("in March", dt.date(2019, 3, 15), 3),
        # at a sentence's start too; "last June" is the latest June before the month published
        ("In March, similar fighting near Herale killed eight people", dt.date(2019, 3, 15), 3),
        ("Last June, RSF fighters killed thousands", dt.date(2019, 6, 15), 3),
        ("last September, rebels seized the town", dt.date(2018, 9, 15), 3),
        ("In 2016, twin bombings in Nyala killed more than 40 people", dt.date(2016, 7, 1), YEAR_ONLY),
        # a month "of" a year is that year's, not the last March before the article
        ("in March of 2013", dt.date(2013, 3, 15), 3),
        ("in late March of 2013", dt.date(2013, 3, 31), 3),
        # a range of days is coded at its middle, as ACLED codes a span
        ("lynched on the weekend (25-26 July)", dt.date(2019, 7, 25), 1),
        ("riots in Migori from 11 to 13 Aug, 5 killed", dt.date(2019, 8, 12), 2),
        ("From August 14th - 16th, students demonstrated", dt.date(2019, 8, 15), 2),
        # "between" a day "and" a later one is a range, not the second day ("on 6 and 8 June"
        # still names two days)
        ("Between 1 and 3 August 2019, regime artillery shelled Kansafra", dt.date(2019, 8, 2), 2),
        ("between 12 and 14 August, RSF fighters attacked El Geneina", dt.date(2019, 8, 13), 2),
        # a night that runs into the next day is the day it began; longer spans their middle
        ("bombed the village on the night of Sunday to Monday", dt.date(2019, 8, 18), 1),
        ("clashes from Thursday into Saturday", dt.date(2019, 8, 16), 2),
    ],
)
def test_resolves(text, expected, precision):
    (d,) = find_dates(text, TUESDAY)
    assert (d.date, d.precision) == (expected, precision)
    assert text[d.start:d.end] == d.text


def test_december_date_in_a_january_article_is_last_year():
    (d,) = find_dates("on 30 December", dt.date(2020, 1, 3))
    assert d.date == dt.date(2019, 12, 30)


def test_friday_before_a_monday_crosses_the_month():
    (d,) = find_dates("on Friday", dt.date(2020, 3, 2))
    assert d.date == dt.date(2020, 2, 28)


def test_background_and_vague_expressions_are_marked():
    kinds = {d.text: d.precision for d in find_dates("in rebel hands since 2014, shelled in recent days", TUESDAY)}
    assert kinds["since 2014"] == YEAR_ONLY
    assert kinds["in recent days"] == VAGUE


def test_modal_may_is_not_a_month():
    assert find_dates("fighters may attack the town", TUESDAY) == []


def test_acled_note_format():
    assert format_acled(dt.date(2019, 8, 20)) == "20 August 2019"


@pytest.mark.parametrize("text", ["Five years ago", "two months ago", "last year", "a decade ago"])
def test_years_and_months_ago_are_background(text):
    (d,) = find_dates(text, dt.date(2019, 8, 20))
    assert d.precision == VAGUE and d.date is None


@pytest.mark.parametrize(
    "text,published,expected",
    [
        ("lynched in the village on 26/12.", dt.date(2015, 12, 30), dt.date(2015, 12, 26)),
        ("on the afternoon of (28/12).", dt.date(2016, 1, 2), dt.date(2015, 12, 28)),
        ("a firefight on 13/04/2017.", dt.date(2017, 4, 16), dt.date(2017, 4, 13)),
        # month/day order when day/month cannot be read, or would fall after publication
        ("clashes on 12/25.", dt.date(2019, 12, 27), dt.date(2019, 12, 25)),
        ("clashes on 08/10.", dt.date(2019, 8, 12), dt.date(2019, 8, 10)),
        ("clashes between two clans on 26/12 in the Olposimoru area", dt.date(2015, 12, 29),
         dt.date(2015, 12, 26)),
        ("15/02, PM Wajir: Al Shabaab attack a school", dt.date(2018, 2, 18), dt.date(2018, 2, 15)),
    ],
)
def test_numeric_day_month_dates(text, published, expected):
    (d,) = find_dates(text, published)
    assert d.date == expected and d.precision == 1


@pytest.mark.parametrize("text", ["shops open 24/7 in the town", "won 2/3 of the seats"])
def test_fractions_are_not_dates(text):
    assert find_dates(text, TUESDAY) == []


def test_the_day_a_note_says_its_source_was_dated():
    pub = dt.date(2017, 3, 31)
    assert dates.source_date("Date not clear - source dated 28/03.", pub) == dt.date(2017, 3, 28)
    assert dates.source_date("Six pupils were arrested. Source dated 28 October.", dt.date(2016, 10, 31)) \
        == dt.date(2016, 10, 28)
    assert dates.source_date("Exact date not known - the source is dated 18/12.", dt.date(2018, 12, 21)) \
        == dt.date(2018, 12, 18)
    # no source date told, or one after publication
    assert dates.source_date("Gunmen attacked a bus on 28/03.", pub) is None
    assert dates.source_date("Source dated 5 April.", pub) is None


def test_a_note_opening_with_the_day_something_was_reported():
    text = 'On 3 December 2019, it was reported that "last week" a boy was killed in Tiaty.'
    assert dates.source_date(text, dt.date(2019, 12, 6)) == dt.date(2019, 12, 3)
    text = 'On 25 November 2019, sources reported that "two months ago" militiamen killed two men.'
    assert dates.source_date(text, dt.date(2019, 11, 28)) == dt.date(2019, 11, 25)
    # the day of the event itself is no report date
    assert dates.source_date("On 3 December 2019, gunmen killed a boy in Tiaty.", dt.date(2019, 12, 6)) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rebels attacked on Saturday. The next day, drones struck the town.", dt.date(2019, 8, 18)),
        ("Al-Shabaab attacked a base on August 3. Two days later, drones struck.", dt.date(2019, 8, 5)),
        ("Clashes broke out on 10 August; the previous day, a convoy was ambushed.", dt.date(2019, 8, 9)),
        ("Rebels attacked on Monday, and the same day the army hit back.", dt.date(2019, 8, 19)),
    ],
)
def test_days_counted_from_the_day_told_before(text, expected):
    *_, last = find_dates(text, TUESDAY)
    assert (last.date, last.precision) == (expected, 1)


def test_a_day_counted_from_none_or_told_of_a_cause_is_no_date():
    # no day before it to count from: not the publication's next day
    assert find_dates("The next day, drones struck the town.", TUESDAY) == []
    # inside a clause it tells when what the event followed happened, which is no date of its own
    assert [d.text for d in find_dates("On 30 June, protesters lit fires after a man was shot by police the "
                                       "previous day.", TUESDAY)] == ["30 June"]
    # the day before yesterday stays counted from the publication
    (d,) = find_dates("He was killed the day before yesterday.", TUESDAY)
    assert d.date == dt.date(2019, 8, 18)


@pytest.mark.parametrize(
    "text, first, days",
    [
        ("15-16 August: militants attacked a hotel", dt.date(2019, 8, 15), 2),
        ("On August 10th and 11th, clashes", dt.date(2019, 8, 10), 2),
        ("clashed on August 10 and 11 and again on August 12", dt.date(2019, 8, 10), 2),
        ("students demonstrated from Thursday to Saturday", dt.date(2019, 8, 15), 3),
        ("clashes on Saturday and Sunday killed 20", dt.date(2019, 8, 17), 2),
        ("attacks on Monday and Wednesday", None, 1),
        ("around the midnight hour between Sunday and Monday", None, 1),
        # two days named that are not consecutive, or a number of people after "and"
        ("attacks on the 6th and 8th August", None, 1),
        ("on August 10 and 11 people were killed", None, 1),
        # a span that says when, not how long
        ("on the night of 10 to 11 August, a house was set on fire", None, 1),
        ("a man was lynched on the weekend (17-18 August)", None, 1),
        ("killed between 9-13 Aug", None, 1),
        ("killed between 9 and 13 Aug", None, 1),
    ],
)
def test_a_span_of_days_is_told_apart_from_a_day(text, first, days):
    d = next(d for d in find_dates(text, TUESDAY) if d.precision <= 2)
    assert (d.first, d.days) == (first, days)
    assert len(d.span()) == days


@pytest.mark.parametrize(
    "text, days",
    [
        ("At least ten people are killed following two days of ethnic clashes", 2),
        ("The clashes have been occurring sporadically over the course of ten days", 10),
        ("a three-day siege of the town", 3),
        ("the fighting lasted four days", 4),
        # not how long what the sentence tells went on
        ("gunmen killed three people two days later", None),
        ("a two-day-old baby was among the dead", None),
        ("six have died at the hands of vigilantes over the past six days", None),
        ("This killing sparked two days of violence", None),
        ("Third of three days of riots called for by the opposition", None),
        ("clashes went on for two months", None),
        # what lasts days but is no event of violence or protest
        ("a three-day curfew was imposed after the clashes", None),
        ("the government declared three days of national mourning", None),
        ("after two days of talks in Jeddah", None),
        ("two days of heavy fighting", 2),
    ],
)
def test_how_many_days_something_lasted(text, days):
    assert dates.days_lasted(text) == days
