"""Text banks and programme templates for the demo activities of the open work (Dutch, invented):
what the speelpleinroute, the brede scholen and the huiskamers offer, outings, parent meetings,
reasons to cancel or move, notes and observations per theme. Used by activities_builder.py.

Kinds and themes are codes of kinderwerk_pwa/data/activity_catalog.json.
"""

from __future__ import annotations

from dataclasses import dataclass

# Age band weights (4-6, 7-9, 10-12) and gender weights (jongen, meisje, anders) of the tally.
AGES_ALL = (3, 4, 3)
AGES_OLDER = (0, 3, 7)
AGES_YOUNGER = (5, 4, 1)
GENDER_EVEN = (48, 48, 4)
GENDER_SPORT = (58, 38, 4)
GENDER_CREATIVE = (38, 58, 4)


@dataclass(frozen=True)
class Template:
    """One kind of programme item. Ranges are (low, high) per realised occurrence."""

    title: str
    kind: str
    themes: tuple[str, ...]
    start: str  # "15:00"
    end: str
    planned: int
    registered: tuple[int, int]  # registered children present
    anonymous: tuple[int, int]  # children on the tally
    outdoor: bool = False
    ages: tuple[int, int, int] = AGES_ALL
    genders: tuple[int, int, int] = GENDER_EVEN
    min_age: int = 4
    max_age: int = 12


# ------------------------------------------------------------------ speelpleinroute
# {place} is filled with the stop's name ("het Ballonnenplein", "speeltuin Knikkerpad").

ROUTE_TUESDAY = Template("Sport en spel op {place}", "sport_spel", ("gezond_leven", "samenwerken"),
                         "15:00", "17:00", 25, (2, 7), (8, 20), outdoor=True, genders=GENDER_SPORT)
ROUTE_TUESDAY_WINTER = Template("Sportinstuif in de gymzaal", "sport_spel",
                                ("gezond_leven", "sociale_vaardigheden"), "15:00", "16:30", 25, (3, 8),
                                (6, 16), genders=GENDER_SPORT)
ROUTE_WEDNESDAY = Template("Droomspeelbus op {place}", "droomspeelbus",
                           ("sociale_vaardigheden", "talentontwikkeling", "samenwerken"), "13:30", "16:30",
                           35, (3, 9), (12, 30), outdoor=True)
ROUTE_FRIDAY = Template("Voetbal en spel op {place}", "sport_spel",
                        ("sociale_vaardigheden", "weerbaarheid"), "15:00", "17:00", 25, (2, 7), (8, 22),
                        outdoor=True, genders=GENDER_SPORT)
# The extra afternoon on the weekday of "today" when the route does not come there anyway.
ROUTE_EXTRA = {
    1: Template("Speelpleinroute: spelen op {place}", "sport_spel", ("sociale_vaardigheden", "gezond_leven"),
                "15:00", "17:00", 20, (2, 6), (6, 16), outdoor=True),
    4: Template("Speelpleinroute: spelen op {place}", "sport_spel", ("sociale_vaardigheden", "gezond_leven"),
                "15:00", "17:00", 20, (2, 6), (6, 16), outdoor=True),
    6: Template("Zaterdagspelen op {place}", "droomspeelbus", ("samenwerken", "talentontwikkeling"),
                "11:00", "14:00", 30, (2, 7), (10, 24), outdoor=True),
    7: Template("Zondagmiddag op {place}", "sport_spel", ("sociale_vaardigheden", "gezond_leven"),
                "13:00", "16:00", 20, (1, 5), (6, 18), outdoor=True),
}
ROUTE_HOLIDAY = Template("Vakantiespelen op {place}", "vakantieprogramma",
                         ("sociale_vaardigheden", "gezond_leven", "samenwerken"), "13:00", "16:00", 40,
                         (3, 9), (15, 35), outdoor=True)
ROUTE_JEUGDLAND = Template("Jeugdland {hood}: hutten bouwen", "bouwen", ("samenwerken", "talentontwikkeling"),
                           "10:30", "15:30", 40, (3, 9), (15, 30), outdoor=True, ages=(1, 4, 5),
                           genders=GENDER_SPORT, min_age=6)
ROUTE_OUTING = Template("Uitstapje naar het strand aan het meer", "uitstapje",
                        ("gezond_leven", "sociale_vaardigheden"), "10:00", "15:30", 30, (4, 10), (6, 16),
                        outdoor=True, min_age=6)

# ------------------------------------------------------------------ brede school (with the school as partner)

SCHOOL_MONDAY = Template("Huiswerkklas groep 6-8", "huiswerk_taal", ("woordenschat", "talentontwikkeling"),
                         "15:15", "16:30", 12, (6, 12), (0, 3), ages=AGES_OLDER, min_age=9)
SCHOOL_WEDNESDAY = Template("Sport en spel op het schoolplein", "sport_spel",
                            ("gezond_leven", "samenwerken", "sociale_vaardigheden"), "12:45", "14:15", 20,
                            (4, 10), (4, 14), outdoor=True, genders=GENDER_SPORT)
# The Thursday block rotates over the school year.
SCHOOL_THURSDAY = (
    Template("Creatief atelier", "creatief", ("talentontwikkeling", "samenwerken"), "15:15", "16:45", 14,
             (5, 11), (1, 4), genders=GENDER_CREATIVE),
    Template("Kookclub: gezond en goedkoop", "kook", ("gezond_leven", "omgaan_met_geld"), "15:15", "17:00", 10,
             (5, 9), (0, 2), min_age=7),
    Template("Voorleesclub en taalspel", "huiswerk_taal", ("woordenschat", "sociale_vaardigheden"), "15:15",
             "16:15", 12, (5, 10), (0, 3), ages=AGES_YOUNGER, max_age=9),
    Template("Theater en dans", "creatief", ("talentontwikkeling", "weerbaarheid"), "15:15", "16:45", 14,
             (5, 11), (1, 4), genders=GENDER_CREATIVE),
    Template("Geldwijs: de kinderwinkel", "anders", ("omgaan_met_geld", "woordenschat"), "15:15", "16:30", 12,
             (5, 10), (0, 3), ages=AGES_OLDER, min_age=8),
)
SCHOOL_PARENTS = Template("Koffieochtend voor ouders", "ouderactiviteit", ("ouderbetrokkenheid",), "08:45",
                          "10:00", 0, (0, 0), (0, 0))

# ------------------------------------------------------------------ huiskamer

HUIS_COOKING = Template("Samen koken en eten", "kook", ("gezond_leven", "omgaan_met_geld", "samenwerken"),
                        "15:30", "17:30", 10, (5, 10), (0, 2), min_age=6)
HUIS_PARENT_MORNING = Template("Ouderochtend: {topic}", "ouderactiviteit", ("ouderbetrokkenheid",), "09:30",
                               "11:00", 0, (0, 0), (0, 0))
HUIS_PARENT_CHILD = Template("Ouder-kindmiddag: {topic}", "ouderactiviteit", ("ouderbetrokkenheid",), "15:00",
                             "17:00", 10, (4, 9), (0, 4), ages=AGES_YOUNGER)
HUIS_OUTING = Template("Uitstapje naar {destination}", "uitstapje", ("sociale_vaardigheden",), "10:00", "15:00",
                       16, (8, 14), (1, 5))

# (topic, extra theme) of the parent meetings.
PARENT_TOPICS: tuple[tuple[str, str], ...] = (
    ("omgaan met geld in het gezin", "omgaan_met_geld"),
    ("gezond eten en trakteren", "gezond_leven"),
    ("samen lezen met je kind", "woordenschat"),
    ("schermtijd en buitenspelen", "gezond_leven"),
    ("opvoeden in twee talen", "woordenschat"),
    ("pesten en vriendschap", "weerbaarheid"),
    ("samen spelen en knutselen", "talentontwikkeling"),
)

# (destination, extra theme) of the outings in the holidays.
DESTINATIONS: tuple[tuple[str, str], ...] = (
    ("de kinderboerderij", "woordenschat"),
    ("het bos: speurtocht met de boswachter", "gezond_leven"),
    ("het zwembad", "gezond_leven"),
    ("het klimbos", "weerbaarheid"),
    ("de bibliotheek: voorleesfeest", "woordenschat"),
    ("het museum: rondleiding voor kinderen", "talentontwikkeling"),
    ("de trampolinehal", "gezond_leven"),
    ("de natuurspeeltuin", "samenwerken"),
)

# ------------------------------------------------------------------ what became of it

PUBLIC_HOLIDAY_REASON = "Feestdag ({name}): geen activiteit"
RAIN_REASONS = ("Regen", "Regen en harde wind", "Onweer voorspeld", "Plein onder water na de regen")
WINTER_REASONS = ("Sneeuw en gladheid", "Storm: code oranje")
HEAT_REASONS = ("Te heet om buiten te spelen (hittegolf)",)
ILLNESS_REASONS = ("Ziekte kinderwerker, geen vervanging", "Kinderwerker ziek; vervanging niet gelukt")
SCHOOL_REASONS = ("Studiedag school: de kinderen zijn er niet", "Schoolreisje: de kinderen zijn er niet",
                  "Lokaal niet beschikbaar (ouderavond school)")
MOVE_REASONS_OUTDOOR = ("Regen voorspeld; een dag later", "Plein wordt opnieuw bestraat; een dag later",
                        "Kinderwerker op training; twee dagen later")
MOVE_REASONS_INDOOR = ("Lokaal bezet door een ouderavond; een dag later",
                       "Kinderwerker op training; twee dagen later")
MOVE_REASON_SPORTHAL = "Sporthal bezet door een toernooi; een dag later"
FUTURE_MOVE_REASON = "Studiedag op school: een dag later"

# ------------------------------------------------------------------ notes and observations

NOTES: dict[str, tuple[str, ...]] = {
    "sport_spel": (
        "Trefbal en tikkertje; de oudere kinderen legden de regels uit.",
        "Voetbaltoernooitje in drie teams; één ruzie samen opgelost.",
        "Veel nieuwe kinderen uit de buurt; twee ouders keken mee en vroegen naar het programma.",
        "Koud, korter gespeeld; warme thee uitgedeeld.",
    ),
    "droomspeelbus": (
        "Bus vol spelmateriaal: stelten, skelters en stoepkrijt. Druk op het plein.",
        "Kinderen bouwden samen een parcours; veel samenwerking.",
        "Een groepje oudere jongens hielp met opruimen.",
    ),
    "creatief": (
        "Lampionnen gemaakt; trots mee naar huis.",
        "Geschilderd met als thema 'mijn wijk'; de werkjes hangen in de hal van de school.",
        "Kleien; rustige groep, goed geconcentreerd.",
    ),
    "huiswerk_taal": (
        "Spreekbeurten geoefend en woordjes herhaald.",
        "Rekenen en begrijpend lezen; twee kinderen hebben extra uitleg nodig.",
        "Voorgelezen en woordspel gedaan; nieuwe woorden op de woordmuur.",
    ),
    "kook": (
        "Wraps met groente gemaakt; de kinderen rekenden samen de boodschappen uit.",
        "Soep gekookt; iedereen proefde iets nieuws.",
        "Fruitspiesjes en smoothies; gesproken over suiker in drinken.",
    ),
    "uitstapje": (
        "Alle kinderen op tijd terug; ouders haalden op bij de locatie.",
        "Mooi weer; veel gelopen en gespeeld.",
        "Twee vrijwilligers extra mee als begeleiding.",
    ),
    "ouderactiviteit": (
        "{n} ouders; veel vragen over de kosten van sport en zwemles.",
        "{n} ouders; een tolk Arabisch was erbij. Volgende keer over schermtijd.",
        "{n} ouders; drie willen helpen bij het volgende uitstapje.",
    ),
    "vakantieprogramma": (
        "Waterspelletjes; de kinderen smeerden zichzelf in.",
        "Vossenjacht door de wijk.",
        "Spelletjesmiddag met muziek; veel kinderen uit de buurt.",
    ),
    "bouwen": (
        "Hutten gebouwd met pallets; de kinderen verdeelden zelf de taken.",
        "Dak op de hut gezet; hamers en spijkers netjes teruggebracht.",
    ),
    "anders": (
        "Kinderwinkel gespeeld met speelgeld; gesproken over sparen voor iets groots.",
    ),
}

OBSERVATIONS: dict[str, tuple[str, ...]] = {
    "woordenschat": ("Kinderen gebruikten de nieuwe woorden van de woordmuur tijdens het spel.",
                     "Een paar kinderen vroegen wat woorden betekenden; samen opgezocht."),
    "sociale_vaardigheden": ("Kinderen spraken samen af wie begint.",
                             "Een ruzie losten de kinderen zelf op met een spelregel."),
    "samenwerken": ("De teams verdeelden de taken zonder hulp.", "Oudere kinderen hielpen de jongsten."),
    "gezond_leven": ("Iedereen dronk water in plaats van ranja.", "De kinderen bewogen het hele uur."),
    "omgaan_met_geld": ("Kinderen vergeleken prijzen en kozen het goedkoopste recept.",
                        "Gesproken over zakgeld en sparen."),
    "weerbaarheid": ("Een stil kind durfde voor de groep te spreken.",
                     "Kinderen zeiden duidelijk 'stop' bij duwen."),
    "talentontwikkeling": ("Twee kinderen tekenen heel goed; ze willen naar een cursus.",
                           "Een kind ontdekte dat het graag kookt."),
    "ouderbetrokkenheid": ("Ouders bleven na afloop koffie drinken en praatten met elkaar.",
                           "Een ouder bood aan te helpen bij de volgende activiteit."),
}
