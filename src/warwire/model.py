"""The typed data model shared by every pipeline stage.

Every extracted fact carries the character span(s) of the cleaned article text it
was read from (``Span``).  Event types use ACLED's exact names, dates are ISO
``YYYY-MM-DD`` and an event's ``location`` is a :class:`Place` with ``lat``/``lon``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

# ACLED event types and sub-event types, in the codebook's precedence order
# (higher in this mapping wins when an event fits several).
EVENT_TYPES: dict[str, list[str]] = {
    "Battles": [
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Armed clash",
    ],
    "Protests": [
        "Excessive force against protesters",
        "Protest with intervention",
        "Peaceful protest",
    ],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Explosions/Remote violence": [
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ],
    "Violence against civilians": [
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ],
    "Strategic developments": [
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ],
}
SUB_EVENT_TYPES: dict[str, str] = {s: t for t, subs in EVENT_TYPES.items() for s in subs}
#: Global precedence rank of each sub-event type (0 = highest).
PRECEDENCE: dict[str, int] = {s: i for i, s in enumerate(SUB_EVENT_TYPES)}

EventType = Literal[
    "Battles",
    "Protests",
    "Riots",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Strategic developments",
]
SubEventType = Literal[
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Armed clash",
    "Excessive force against protesters",
    "Protest with intervention",
    "Peaceful protest",
    "Violent demonstration",
    "Mob violence",
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Sexual violence",
    "Attack",
    "Abduction/forced disappearance",
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
]
ActorKind = Literal[
    "state_forces",
    "rebel_group",
    "political_militia",
    "identity_militia",
    "rioters",
    "protesters",
    "civilians",
    "external_forces",
    "organisation",
    "unknown",
]
#: ACLED "inter" code of each actor kind.
INTER_CODES: dict[str, int] = {
    "state_forces": 1,
    "rebel_group": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external_forces": 8,
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    """A half-open character range ``[start, end)`` of the cleaned article text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Article(_Model):
    """One input document after ingest: metadata and the cleaned body text."""

    id: str = Field(description="Caller-given id, else derived from the content hash.")
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = Field(None, description="Outlet the document was read from.")
    original_source: str | None = Field(
        None, description="Outlet that first published the report, when the text says so."
    )
    republisher: str | None = Field(
        None, description="Outlet that republished someone else's report, when known."
    )
    republished: bool = False
    language: str | None = None
    status: Literal["ok", "unsupported_language", "no_text"] = "ok"
    text: str = Field(description="Cleaned body text; every span points into it.")
    captions: list[str] = Field(default_factory=list)
    removed: list[str] = Field(
        default_factory=list, description="Boilerplate lines removed from the body."
    )
    content_hash: str = Field(description="sha256 of the cleaned text.")


class Place(_Model):
    """A toponym mention resolved to a gazetteer entry."""

    text: str = Field(description="Surface form as written in the article.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    name: str = Field(description="Canonical gazetteer name.")
    gazetteer_id: str = Field(description="Source-prefixed id, e.g. 'wof:1125778451'.")
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    feature_type: str = Field(description="country, region, county, locality, ...")
    admin1: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code.")
    geo_precision: int = Field(1, ge=1, le=3)
    confidence: float = Field(1.0, ge=0, le=1)
    reason: str = ""


class Affiliation(_Model):
    relation: Literal["backed_by", "member_of", "formerly", "allied_with", "faction_of"]
    target: str
    since: str | None = None
    until: str | None = None


class Actor(_Model):
    """An actor mentioned in the article, resolved to a canonical ACLED-style name."""

    name: str
    surface_forms: list[str] = Field(default_factory=list)
    kind: ActorKind = "unknown"
    inter: int | None = None
    country: str | None = None
    description: str | None = None
    affiliations: list[Affiliation] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class Event(_Model):
    """One event coded to ACLED conventions, with the evidence it was read from."""

    id: str
    event_type: EventType
    sub_event_type: SubEventType
    date: dt.date | None = None
    time_precision: int = Field(1, ge=1, le=3)
    location: Place | None = None
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: list[str] = Field(default_factory=list)
    assoc_actor_2: list[str] = Field(default_factory=list)
    actor1_uncertain: bool = False
    actor1_candidates: list[str] = Field(
        default_factory=list,
        description="When the perpetrator is uncertain: every actor the sources name.",
    )
    inter1: int | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: bool = False
    fatalities: int = 0
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(0.5, ge=0, le=1)
    notes: str = ""
    sources: list[str] = Field(default_factory=list)
    article_ids: list[str] = Field(default_factory=list)
    contested: bool = False
    #: character ranges of the clauses the event was read from (not serialised): which of two
    #: events told in one sentence a figure there counts for
    _clauses: list[tuple[int, int]] = PrivateAttr(default_factory=list)
    #: character ranges of clauses in its sentences that tell what happened days apart from it
    #: ("..., two days after the militia executed 20 others"): figures there are not its own
    _elsewhen: list[tuple[int, int]] = PrivateAttr(default_factory=list)
    #: the days it went on, each with its time precision, when its report tells more than one
    #: ("15-16 January", "two days of clashes"): ACLED codes one event per day (see
    #: ``events.split_by_day``)
    _days: list[tuple[dt.date, int]] = PrivateAttr(default_factory=list)
    #: the places it happened at, each with the dead the report gives it, when its report lists
    #: more than one ("clashes in Kot, Khogyani and Dih Bala districts"): ACLED codes one event
    #: at each (see ``events.split_by_place``)
    _places: list[tuple[Place, int | None]] = PrivateAttr(default_factory=list)
    #: its dead were given by a coding note, for each event it is split into ("Fatalities are
    #: split across 3 events (5)"): not divided again
    _coded: bool = PrivateAttr(default=False)


class Quote(_Model):
    """Direct or reported speech with its speaker."""

    id: str
    speaker: str | None = None
    speaker_role: str | None = None
    speaker_kind: Literal["person", "institution", "unknown"] = "unknown"
    cue: str | None = None
    text: str
    span: Span
    speaker_span: Span | None = None
    direct: bool
    told_to: str | None = None


class Claim(_Model):
    """A statement about an event, attributed to a claimant, with its stance."""

    id: str
    claimant: str | None = None
    proposition: str
    event_id: str | None = None
    stance: Literal["asserts", "contests", "denies", "accuses"] = "asserts"
    aspect: Literal["occurrence", "framing", "perpetrator", "figure", "control"] = "occurrence"
    quote_id: str | None = None
    span: Span


class Figure(_Model):
    """A reported quantity: people killed, wounded, displaced, ..."""

    quantity: int
    text: str = Field(description="The figure as written ('400,000', 'half of whom').")
    unit: str = Field(description="killed, wounded, displaced, detained, fighters, population, ...")
    approximate: bool = False
    source: str | None = Field(None, description="Who gives the figure.")
    who: str | None = Field(None, description="The noun that counts the people, lemmatised ('soldier', "
                                              "'civilian'); None when the number stands alone.")
    place: str | None = None
    event_id: str | None = None
    span: Span


class Extraction(_Model):
    """Everything warwire read from one article."""

    article: Article
    events: list[Event] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)


def json_schema() -> dict:
    """JSON Schema of :class:`Extraction` (committed as ``docs/extraction.schema.json``)."""
    return Extraction.model_json_schema()
