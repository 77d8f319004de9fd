"""Fictional, deterministic demo data for Kinderwerk PWA.

``generate(db)`` fills an empty database with an organisation that looks like a real kinderwerk
organisation in an Almere-like town: locations (huiskamers, schools, a speelpleinroute), staff in
every role, children with families, guardians, pick-up persons and consents, referrals in and a
waitlist, enrolments on fixed weekdays, leerdoelen with progress, months of attendance history,
signals with meldcode tracks, parent conversations with agreements, partners and referrals out.

Everything is invented. The same ``seed`` and ``today`` always give the same data: all randomness
comes from one ``random.Random(seed)`` and every timestamp is derived from ``today``.

Bulk rows (attendance, goal progress, ...) are inserted as plain dicts with Core ``insert`` in
chunks; rows whose ids are needed later are inserted with ``RETURNING`` (SQLite >= 3.35 and
PostgreSQL both support it), so the generator stays fast for the benchmark size
(months=60, locations=12, children=2400).
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from kinderwerk_pwa.auth.passwords import hash_password
from kinderwerk_pwa.domain.clock import AMSTERDAM, local_today
from kinderwerk_pwa.models import (
    Agreement,
    AttendanceEvent,
    Child,
    ChildLocation,
    Consent,
    ConversationChild,
    ConversationGuardian,
    Enrolment,
    Family,
    FollowUp,
    Goal,
    GoalProgress,
    Guardian,
    Location,
    MeldcodeStep,
    MeldcodeTrack,
    Organisation,
    ParentConversation,
    Partner,
    PickupPerson,
    ReferralIn,
    ReferralOut,
    Signal,
    StaffLocation,
    StaffUser,
)

from ..domain.signal_catalog import category_codes  # noqa: E402
from . import names as N

DEMO_PASSWORD = "Speeltuin-Zomer-2026"
DEMO_EMAIL_DOMAIN = "demo.kinderwerk.nl"
ORGANISATION_NAME = "Stichting Kinderwerk Almere (demo)"
AMS = AMSTERDAM
CHUNK = 5000

SIGNAL_CATEGORIES = tuple(category_codes())


# --------------------------------------------------------------------------------------------
# Text banks (Dutch, factual, neutral; {kind} {hij} {Hij} {zijn} {Zijn} {hem} {ouder} {partner})
# --------------------------------------------------------------------------------------------

# (categories, facts, source, interpretation or "")
SIGNAL_TEXTS: tuple[tuple[str, str, str, str], ...] = (
    ("verzorging,materieel", "Kwam zonder jas en zonder eten, zei dat er thuis niets was.",
     "kind_vertelde", "Mijn indruk: er is thuis te weinig eten."),
    ("verzorging", "Draagt al vier dagen dezelfde kleding; de kleding ruikt naar urine.",
     "zelf_gezien", ""),
    ("lichamelijk_welzijn", "Blauwe plek op de linkerwang, ongeveer zo groot als een munt van een euro. "
     "{Hij} zei: 'gevallen van de trap'.", "zelf_gezien", ""),
    ("gedrag,contact_kinderen", "Sloeg bij het voetballen twee keer een ander kind en schopte daarna "
     "tegen de deur in de gang.", "zelf_gezien", ""),
    ("emotioneel_welzijn", "Zat de hele middag alleen in de leeshoek en wilde niet meedoen. Huilde bij "
     "het ophalen.", "zelf_gezien", "Mijn indruk: {hij} zit ergens erg mee."),
    ("thuissituatie", "Vertelde dat mama vaak de hele dag in bed ligt en dat {hij} dan voor {zijn} "
     "broertje kookt.", "kind_vertelde", "Mijn indruk: {hij} draagt thuis te veel zorg."),
    ("thuissituatie,veiligheid", "Vertelde dat papa en mama gisteravond hard ruzie maakten en dat er "
     "een glas kapot is gegooid.", "kind_vertelde", "Mijn indruk: er is veel spanning thuis."),
    ("school", "De intern begeleider liet weten dat {hij} deze maand vijf dagen zonder bericht niet op "
     "school was.", "anders", ""),
    ("materieel", "Heeft geen gymschoenen en geen winterjas; de schoenen zijn te klein en kapot.",
     "zelf_gezien", "Mijn indruk: het gezin heeft geldzorgen."),
    ("contact_ouders", "Moeder reageerde niet op drie telefoontjes en een briefje over het ophalen.",
     "zelf_gezien", ""),
    ("lichamelijk_welzijn", "Viel twee keer in slaap tijdens het huiswerk. Zei dat {hij} pas om "
     "middernacht ging slapen.", "kind_vertelde", ""),
    ("veiligheid", "Was om 21.15 uur nog alleen buiten bij het speelplein; zei dat er niemand thuis was.",
     "zelf_gezien", ""),
    ("emotioneel_welzijn,gedrag", "Schrok erg toen een volwassene {zijn} stem verhief en kroop onder "
     "de tafel.", "zelf_gezien", "Mijn indruk: {hij} is bang voor harde stemmen."),
    ("contact_kinderen", "Wordt al twee weken buitengesloten bij het spelen; andere kinderen noemen "
     "{hem} 'vies'.", "zelf_gezien", ""),
    ("verzorging,lichamelijk_welzijn", "Heeft al weken luizen en uitslag op de handen die niet "
     "behandeld lijkt.", "zelf_gezien", ""),
    ("thuissituatie,contact_ouders", "Vader vertelde bij het ophalen dat hij en moeder uit elkaar gaan "
     "en dat de kinderen nu bij oma slapen.", "ouder", "Mijn indruk: {kind} is erg onrustig sinds dit."),
    ("materieel,thuissituatie", "Moeder vertelde dat het gas is afgesloten vanwege een "
     "betalingsachterstand.", "ouder", ""),
    ("gedrag", "Nam snoep en een telefoon mee uit de tas van een ander kind; gaf het terug toen we "
     "ernaar vroegen.", "zelf_gezien", ""),
    ("school,gedrag", "De intern begeleider meldt dat {hij} in de klas vaak wegloopt en weigert te "
     "werken.", "anders", ""),
    ("verzorging", "Had vandaag en gisteren niet ontbeten; at bij ons drie boterhammen achter elkaar.",
     "kind_vertelde", "Mijn indruk: {hij} krijgt thuis niet genoeg te eten."),
    ("emotioneel_welzijn,thuissituatie", "Vertelt steeds over de oorlog en over een broer die 'nog daar' "
     "is; schrikt van harde geluiden.", "kind_vertelde", ""),
    ("materieel", "Vroeg of {hij} de restjes fruit mee naar huis mocht nemen voor {zijn} zusjes.",
     "kind_vertelde", ""),
    ("contact_kinderen,veiligheid", "Werd bij het speelplein door oudere jongens geduwd; {zijn} fiets "
     "werd afgepakt.", "zelf_gezien", ""),
    ("lichamelijk_welzijn", "Hoest al drie weken. Zei dat {hij} niet naar de dokter gaat omdat mama "
     "geen tijd heeft.", "kind_vertelde", ""),
    ("gedrag,emotioneel_welzijn", "Kreeg een woedeaanval toen het spel verloren werd, gooide een stoel "
     "om en was daarna een half uur niet aanspreekbaar.", "zelf_gezien", ""),
    ("school,thuissituatie", "Zorgt volgens school 's ochtends voor {zijn} zieke moeder en komt daardoor "
     "vaak te laat.", "anders", "Mijn indruk: {hij} is een jonge mantelzorger."),
    ("contact_ouders,thuissituatie", "Moeder vertelde huilend bij de deur dat ze het niet meer redt met "
     "drie kinderen en dat vader weg is.", "ouder", "Mijn indruk: moeder is overbelast."),
    ("emotioneel_welzijn", "Zei tijdens het tekenen dat {hij} 'liever onzichtbaar' wil zijn en dat "
     "niemand {hem} mist.", "kind_vertelde", ""),
)

# Acute signals: always veiligheid; step 2 then includes Veilig Thuis advice.
ACUTE_SIGNAL_TEXTS: tuple[tuple[str, str, str, str], ...] = (
    ("lichamelijk_welzijn,veiligheid", "Striemen op de rug gezien bij het omkleden voor het zwemmen. "
     "{Hij} zei: 'papa was boos'.", "zelf_gezien", ""),
    ("veiligheid,contact_ouders", "Oom die {kind} kwam ophalen rook naar alcohol en liep te wankelen. "
     "{Kind} is na overleg met moeder door de buurvrouw opgehaald.", "zelf_gezien", ""),
    ("veiligheid,thuissituatie", "Vertelde dat {hij} niet naar huis durft omdat vader gisteren "
     "mama heeft geslagen en heeft gedreigd.", "kind_vertelde", ""),
)

UNKNOWN_SIGNALS: tuple[tuple[str, int, str, str], ...] = (
    ("meisje van ongeveer 7 met rode jas bij het speelplein", 7, "veiligheid,verzorging",
     "Was om 20.30 uur nog alleen buiten in een dunne jas. Zei dat ze niet naar binnen mocht van "
     "haar broer."),
    ("jongen van ongeveer 8 bij het klimrek, blauwe muts", 8, "lichamelijk_welzijn,verzorging",
     "Had een dikke, gezwollen hand en zei dat het al dagen pijn deed. Wilde zijn naam niet zeggen."),
    ("jongen van ongeveer 10 met groene fiets", 10, "gedrag,veiligheid",
     "Gooide stenen naar geparkeerde auto's en rende weg toen een volwassene iets zei."),
    ("twee zusjes van ongeveer 5 en 9 zonder begeleiding", 5, "veiligheid,thuissituatie",
     "De oudste zei dat ze op haar zusje past tot mama thuiskomt 'als het donker is'."),
)

SIGNAL_PLACES = {
    "huiskamer": ("huiskamer, aan de grote tafel", "huiskamer, bij de kapstok", "bij het ophalen aan de deur",
                  "huiskamer, tijdens het huiswerk", "buiten op het pleintje bij de huiskamer"),
    "school": ("schoolplein", "gymzaal", "gang bij de klas", "na schooltijd bij het hek"),
    "speelpleinroute": ("speelplein", "bij het klimrek", "trapveldje", "bij de Droomspeelbus"),
}

GOAL_TITLES = (
    "minder snel boos worden", "samen spelen met andere kinderen", "huiswerk afmaken",
    "hulp vragen als het moeilijk is", "op je beurt wachten", "zeggen wat je voelt",
    "vriendjes maken", "samenwerken bij een spel", "tegen je verlies kunnen",
    "stoppen als iemand 'stop' zegt", "rustig worden met een time-out", "durven meedoen in de groep",
    "netjes omgaan met spullen van anderen", "afspraken in de groep nakomen",
)

REFERRER_WEIGHTS = {"school": 30, "ouder": 20, "wijkteam": 18, "ggd": 8, "jeugd_ggz": 8, "wijkagent": 8,
                    "anders": 8}
REFERRAL_REASONS = {
    "school": ("De juf ziet dat {kind} na school vaak alleen thuis is en weinig hulp krijgt bij het "
               "huiswerk. Moeilijk contact met klasgenoten.",
               "{Kind} wordt in de klas snel boos en raakt dan in gevecht. School zoekt een kleine groep "
               "na schooltijd om te oefenen met samen spelen.",
               "Zorgen over concentratie en vermoeidheid; thuis is weinig rust en ruimte voor huiswerk."),
    "ouder": ("{Rol} werkt tot 18.00 uur en heeft geen geld voor de BSO. {Kind} wordt snel boos en heeft "
              "weinig vriendjes.",
              "{Rol} vraagt hulp: {kind} zit na school alleen binnen achter een scherm en speelt niet buiten.",
              "{Rol} wil graag dat {kind} leert om hulp te vragen; thuis is het druk met een baby."),
    "wijkteam": ("Gezin in een schuldhulptraject, veel spanning thuis. Het dagarrangement biedt rust en "
                 "structuur na school.",
                 "Moeder is overbelast na de scheiding; wijkteam begeleidt het gezin en vraagt een plek "
                 "voor {kind} op drie middagen.",),
    "ggd": ("Jeugdverpleegkundige adviseert structuur na schooltijd; {kind} beweegt weinig en eet onregelmatig.",
            "Na het consult bij de jeugdarts: zorgen over slapen en eten, gezin staat open voor hulp."),
    "jeugd_ggz": ("Behandeling voor angst loopt; een groep waarin {kind} sociale vaardigheden kan oefenen "
                  "wordt aangeraden.",
                  "Na afronding van de behandeling is een veilige plek na school nodig om het geleerde vol "
                  "te houden."),
    "wijkagent": ("{Kind} hangt 's middags veel rond bij het winkelcentrum met oudere jongens; ouders maken "
                  "zich zorgen.",
                  "De wijkagent ziet {kind} vaak laat alleen op straat en heeft met moeder gesproken."),
    "anders": ("Via de voedselbank: moeder vroeg om een plek waar de kinderen na school kunnen eten en spelen.",
               "Via het buurthuis: gezin is net verhuisd naar de wijk en kent nog niemand."),
}
REJECTED_REASONS = (
    ("afgewezen", "Hulpvraag past beter bij specialistische opvang; in overleg doorverwezen naar het wijkteam."),
    ("ingetrokken", "Ouders hebben toch een plek bij de BSO gevonden."),
    ("ingetrokken", "Gezin is verhuisd naar een andere gemeente."),
)
END_REASONS = (
    "leerdoelen behaald", "verhuisd naar een andere wijk", "naar de reguliere BSO",
    "ouders hebben de plek opgezegd", "naar specialistische jeugdhulp", "gaat naar de naschoolse opvang op school",
)
AFMELD_REASONS = (
    "ziek", "koorts", "tandarts", "naar de huisarts", "familiebezoek", "zwemles", "logeert bij oma",
    "moeder belde: buikpijn", "verjaardag in de familie", "oudergesprek op school", "hoofdpijn",
)

INTAKE_FACTS = (
    "Intakegesprek met {ouder} en {kind}. {Kind} wil graag leren: {doel}. {ouder} vertelt dat {kind} thuis "
    "snel boos wordt als iets niet lukt.",
    "Kennismaking en intake. {ouder} vertelt dat {kind} op school weinig vriendjes heeft. Samen gekozen "
    "leerdoel: {doel}. Ophalen en afmelden besproken.",
    "Intake met {ouder}. {Kind} was eerst stil en ging daarna enthousiast mee met de rondleiding. "
    "Leerdoel: {doel}. Toestemming voor registratie en foto's besproken.",
)
CONVERSATION_TEXTS = {
    "evaluatie": (
        "Leerdoelen geëvalueerd met {ouder}. {Kind} wacht beter op {zijn} beurt en vraagt vaker om hulp. "
        "Thuis gaat het wisselend.",
        "Evaluatie: {kind} speelt vaker samen en heeft een vriendje in de groep. {ouder} ziet thuis ook "
        "minder boze buien.",
        "Evaluatie met {ouder}: huiswerk lukt beter als {kind} direct na aankomst begint. Nieuw leerdoel "
        "besproken.",
    ),
    "zorg": (
        "Zorgen besproken over wat we de laatste weken zien. {ouder} vertelt dat het thuis zwaar is en "
        "staat open voor hulp van het wijkteam.",
        "Gesprek over de signalen. {ouder} herkent dat {kind} moe en boos is, en vertelt over geldzorgen "
        "en een klein huis.",
        "Zorggesprek: {ouder} is geschrokken van wat {kind} vertelde en wil samen kijken welke hulp past.",
    ),
    "informeel": (
        "Kort gesprek bij het ophalen. {ouder} vertelt dat {kind} slecht slaapt door drukte in huis.",
        "Bij de deur: {ouder} vraagt of {kind} een keer extra mag komen omdat ze een afspraak heeft.",
        "{ouder} vertelde bij het ophalen trots over het rapport van {kind}.",
        "Even bijgepraat bij het ophalen; {ouder} maakt zich zorgen over ruzies met de buren.",
    ),
    "huisbezoek": (
        "Huisbezoek. Het huis is klein voor vijf personen; {kind} deelt een kamer met twee broertjes en "
        "heeft geen plek voor huiswerk.",
        "Huisbezoek samen met het wijkteam. {ouder} liet de post zien; er liggen veel onbetaalde rekeningen.",
    ),
}
CONVERSATION_TOPICS = {
    "intake": "kennismaking, leerdoelen, ophalen, toestemming",
    "evaluatie": "leerdoelen, gedrag in de groep, school",
    "zorg": "signalen, thuissituatie, hulp",
    "informeel": "ophalen, hoe gaat het thuis",
    "huisbezoek": "thuissituatie, slapen, eten, huiswerkplek",
}
CONVERSATION_PLACES = {
    "intake": "huiskamer, kantoortje", "evaluatie": "huiskamer, kantoortje", "zorg": "huiskamer, kantoortje",
    "informeel": "bij de voordeur bij het ophalen", "huisbezoek": "thuis bij het gezin",
}
CONVERSATION_INTERPRETATIONS = (
    "Mijn indruk: {ouder} is overbelast.", "Mijn indruk: {ouder} wil graag hulp maar weet niet waar.",
    "Mijn indruk: het gaat beter met {kind} sinds de vaste middagen.",
)
AGREEMENTS = {
    "ouder": (
        "{ouder} maakt een afspraak bij de huisarts voor {kind}.",
        "{ouder} geeft door wie {kind} op vrijdag ophaalt.",
        "{ouder} zorgt dat {kind} gymschoenen en een jas meeneemt.",
        "{ouder} meldt {kind} voortaan vóór 12.00 uur af als {hij} niet komt.",
        "{ouder} neemt contact op met het wijkteam.",
        "{ouder} vraagt op school naar het huiswerkplan.",
    ),
    "kinderwerker": (
        "Winterjas aanvragen via de kledingbank.",
        "Over twee weken bellen om te horen hoe het gaat.",
        "Met toestemming contact opnemen met de intern begeleider.",
        "Leerdoelen evalueren in het volgende gesprek.",
        "Aanvraag sportvergoeding samen met {ouder} invullen.",
        "Informatie over de voedselbank meegeven.",
    ),
    "partner": (
        "{partner} plant een huisbezoek.",
        "{partner} start met opvoedondersteuning thuis.",
        "{partner} koppelt terug hoe het gaat met de aanwezigheid op school.",
        "{partner} nodigt {ouder} uit voor een gesprek met de jeugdarts.",
    ),
}
# Which partner kinds fit each partner agreement above (same order).
PARTNER_AGREEMENT_KINDS = (("wijkteam",), ("jeugdhulp", "wijkteam"), ("school",), ("ggd",))

STEP_TEXTS = {
    1: "Signalen vastgelegd: {n} van {first} tot en met {last}. Feiten en bronnen staan in de signalen.",
    2: ("Besproken met de aandachtsfunctionaris. Het vermoeden is reëel genoeg om verder te gaan; "
        "gesprek met ouders voorbereiden."),
    3: "Zorgen besproken met {ouder} ({relatie}). {answer}",
    4: "Afwegingskader doorlopen: {answers}.",
    5: "Besluit: {report}, {help}.",
}
STEP3_ANSWERS = (
    "Herkent de signalen deels en staat open voor hulp via het wijkteam.",
    "Ontkent de zorgen en wil geen hulp; afgesproken dat we in gesprek blijven.",
    "Vertelt over geldzorgen en spanning thuis en wil graag ondersteuning.",
)
VEILIG_THUIS_ADVICE = (
    "Veilig Thuis (0800-2000) gebeld voor advies: gesprek met ouders voeren en de school vragen naar hun "
    "zorgen; daarna opnieuw wegen.",
    "Advies Veilig Thuis: signalen goed blijven vastleggen, binnen een week opnieuw overleggen.",
)
ACUTE_ADVICE = "Veilig Thuis direct gebeld (acuut). Advies: vandaag nog melden; het kind gaat niet alleen naar huis."
SKIP_REASON = "Gesprek met ouders brengt het kind in gevaar"
# outcome -> (weighing answers, decision_report, decision_help)
WEIGHINGS = {
    "melden": (("1=ja;2=ja", True, True), ("1=ja;2=nee;3=nee", True, False),
               ("1=ja;2=nee;3=ja;4=nee", True, True), ("1=ja;2=nee;3=ja;4=ja;5=nee", True, True)),
    "hulp": (("1=ja;2=nee;3=ja;4=ja;5=ja", False, True),),
    "geen": (("1=nee", False, False),),
}
CLOSE_REASONS = {
    "melden": "Gemeld bij Veilig Thuis op {date}; hulp via het wijkteam loopt.",
    "hulp": "Hulp georganiseerd via {partner}; geen melding nodig. Over drie maanden opnieuw bekijken.",
    "geen": "Geen vermoeden meer na gesprek en wegen; vastgelegd in het dossier.",
}

PARTNER_REFERRALS = {
    "wijkteam": ("Gezin heeft geldzorgen en veel spanning thuis; ondersteuning bij schulden en opvoeding gevraagd.",
                 "Gezin is verhuisd en heeft nog geen netwerk; hulp bij het regelen van zaken gevraagd."),
    "jeugdhulp": ("Opvoedondersteuning voor {ouder}; {kind} laat thuis en in de groep veel boosheid zien.",),
    "ggd": ("Zorgen over gewicht en verzorging; graag onderzoek door de jeugdarts.",),
    "jeugd_ggz": ("Aanhoudende somberheid en angst bij {kind}, ook na gesprekken met ouders.",),
    "school": ("Afstemmen over verzuim en leerachterstand; graag samen een plan met de intern begeleider.",),
}
TRACK_REFERRAL_REASONS = {
    True: "Na de melding bij Veilig Thuis (meldcode, stap 5) is ondersteuning voor het gezin nodig. Gedeeld "
          "zonder toestemming van ouders vanwege de veiligheid van {kind}.",
    False: "Uit het afwegingskader (meldcode): hulp organiseren. {ouder} is akkoord met deze aanmelding.",
}
PARTNER_FEEDBACK = {
    "wijkteam": "Gezin is in begeleiding bij het wijkteam; schuldhulp is gestart en er is wekelijks contact.",
    "jeugdhulp": "Opvoedondersteuning gestart, acht gesprekken met {ouder}. Gaat de goede kant op.",
    "ggd": "Jeugdarts heeft {kind} gezien; vervolgafspraak over drie maanden.",
    "jeugd_ggz": "Intake gedaan; {kind} start met een behandeltraject van twaalf weken.",
    "school": "Plan gemaakt met de intern begeleider; verzuim wordt wekelijks besproken.",
}


# --------------------------------------------------------------------------------------------
# Result
# --------------------------------------------------------------------------------------------


@dataclass
class DemoSummary:
    """Rows written per table (field names are the table names) and the demo logins."""

    organisation: int = 0
    location: int = 0
    staff_user: int = 0
    staff_location: int = 0
    partner: int = 0
    family: int = 0
    guardian: int = 0
    child: int = 0
    child_location: int = 0
    pickup_person: int = 0
    consent: int = 0
    enrolment: int = 0
    referral_in: int = 0
    referral_out: int = 0
    goal: int = 0
    goal_progress: int = 0
    attendance_event: int = 0
    follow_up: int = 0
    signal: int = 0
    meldcode_track: int = 0
    meldcode_step: int = 0
    parent_conversation: int = 0
    conversation_child: int = 0
    conversation_guardian: int = 0
    agreement: int = 0
    # (email, role, name) of every demo account; all share the demo password.
    logins: list[tuple[str, str, str]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "logins"}


# --------------------------------------------------------------------------------------------
# Internal plan objects
# --------------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Loc:
    idx: int
    name: str
    kind: str
    neighbourhood: str
    address: str
    capacity: int | None
    id: int = 0
    staff: list[_Staff] = field(default_factory=list)
    workers: list[_Staff] = field(default_factory=list)  # kinderwerkers linked here
    slots: list[_Slot] = field(default_factory=list)
    list_size: int = 0


@dataclass(eq=False)
class _Staff:
    name: str
    email: str
    role: str
    locs: list[_Loc] = field(default_factory=list)
    id: int = 0


@dataclass(eq=False)
class _Slot:
    """A place on a huiskamer's list; its successive occupants share the weekdays."""

    weekdays: tuple[int, ...]
    occupants: list[_Kid] = field(default_factory=list)  # newest first

    def occupant_on(self, day: date) -> _Kid | None:
        for kid in self.occupants:
            if kid.start <= day and (kid.end is None or day <= kid.end):
                return kid
        return None


@dataclass(eq=False)
class _Guardian:
    name: str
    relation: str
    phone: str
    email: str
    id: int = 0


@dataclass(eq=False)
class _Fam:
    background: str
    surname: str
    neighbourhood: str = ""
    school: str = ""
    kids: list[_Kid] = field(default_factory=list)
    guardians: list[_Guardian] = field(default_factory=list)
    id: int = 0


@dataclass(eq=False)
class _Kid:
    status: str
    home: _Loc
    dob: date
    female: bool
    weekdays: tuple[int, ...] = ()
    start: date | None = None
    end: date | None = None
    end_reason: str = ""
    received_on: date | None = None
    referral_status: str = ""
    closed_reason: str = ""
    intake_on: date | None = None
    intake_by: _Staff | None = None
    known_since: date | None = None
    referred_to: _Loc | None = None  # the huiskamer of the referral (in)
    known: list[_Loc] = field(default_factory=list)
    family: _Fam | None = None
    first: str = ""
    last: str = ""
    school: str = ""
    may_go_home_alone: bool = False
    home_alone_by: str = ""
    home_alone_on: date | None = None
    pickups: list[str] = field(default_factory=list)
    pickup_rows: list[tuple[str, str, str]] = field(default_factory=list)
    absent_prone: bool = False
    goals: list[str] = field(default_factory=list)
    id: int = 0

    @property
    def registered(self) -> bool:
        return bool(self.referral_status)

    @property
    def enrolled(self) -> bool:
        return self.status in ("actief", "uitgestroomd")


# --------------------------------------------------------------------------------------------
# Date helpers
# --------------------------------------------------------------------------------------------


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    year, month = d.year + m // 12, m % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, min(d.day, day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _closed_days(first: date, last: date) -> set[date]:
    """Days the huiskamers are closed: public holidays, Christmas and three summer weeks."""
    closed: set[date] = set()
    for year in range(first.year - 1, last.year + 2):
        easter = _easter(year)
        koningsdag = date(year, 4, 27)
        if koningsdag.isoweekday() == 7:
            koningsdag = date(year, 4, 26)
        closed |= {easter + timedelta(days=1), easter + timedelta(days=39), easter + timedelta(days=40),
                   easter + timedelta(days=50), koningsdag}
        d = date(year, 12, 24)
        while d <= date(year + 1, 1, 1):
            closed.add(d)
            d += timedelta(days=1)
        monday = date.fromisocalendar(year, 30, 1)
        for i in range(19):  # ISO weeks 30-32, Monday to Friday of the third week
            closed.add(monday + timedelta(days=i))
    return closed


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    """Local Amsterdam wall-clock time on ``day`` as aware UTC."""
    local = datetime(day.year, day.month, day.day, tzinfo=AMS) + timedelta(hours=hour, minutes=minute)
    return local.astimezone(UTC)  # wall-clock arithmetic, then the offset valid at that moment


def _groep(dob: date, today: date) -> str:
    school_year = today.year if today.month >= 8 else today.year - 1
    ref = date(school_year, 10, 1)
    age = ref.year - dob.year - ((ref.month, ref.day) < (dob.month, dob.day))
    return f"groep {min(8, max(1, age - 3))}"


def _age(dob: date, on: date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


# --------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------


def generate(
    db: Session,
    *,
    seed: int = 2026,
    children: int = 200,
    months: int = 3,
    locations: int = 4,
    today: date | None = None,
    password: str = DEMO_PASSWORD,
) -> DemoSummary:
    """Fill ``db`` with fictional demo data and commit. Deterministic for a fixed seed and ``today``.

    The database must not hold demo data yet (demo accounts have fixed email addresses).
    """
    if children < 1 or months < 1 or locations < 1:
        raise ValueError("children, months and locations must be at least 1")
    if db.exec(select(StaffUser.id).where(StaffUser.is_demo == True).limit(1)).first() is not None:  # noqa: E712
        raise ValueError("de database bevat al demodata")
    if today is None:
        today = local_today()
    return _Generator(db, seed=seed, n_children=children, months=months, n_locations=locations,
                      today=today, password=password).run()


class _Generator:
    def __init__(self, db: Session, *, seed: int, n_children: int, months: int, n_locations: int,
                 today: date, password: str) -> None:
        self.db = db
        self.rng = random.Random(seed)
        self.n_children = n_children
        self.months = months
        self.n_locations = n_locations
        self.today = today
        self.yesterday = today - timedelta(days=1)
        self.history_start = _add_months(today, -months)
        self.password = password
        self.summary = DemoSummary()
        # How much "activity" (signals, conversations, referrals out) relative to the default size.
        self.scale = (n_locations / 4) * (months / 3) * min(1.0, n_children / 200)
        self.closed = _closed_days(self.history_start, today)
        self.locs: list[_Loc] = []
        self.staff: list[_Staff] = []
        self.kids: list[_Kid] = []
        self.families: list[_Fam] = []
        self.partners: list[dict] = []
        self.org_id = 0

    # ---------------------------------------------------------------- helpers

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def phone(self) -> str:
        return f"06-{self.rng.randint(10000000, 99999999)}"

    def day_between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def open_day_between(self, first: date, last: date) -> date:
        """A random weekday between first and last on which the huiskamers are open."""
        for _ in range(30):
            d = self.day_between(first, last)
            if d.isoweekday() <= 5 and d not in self.closed:
                return d
        return self.day_between(first, last)

    def insert(self, model, rows: list[dict]) -> None:
        if not rows:
            return
        table = model.__table__
        for i in range(0, len(rows), CHUNK):
            self.db.execute(sa.insert(table), rows[i:i + CHUNK])
        setattr(self.summary, table.name, getattr(self.summary, table.name) + len(rows))

    def insert_ids(self, model, rows: list[dict]) -> list[int]:
        if not rows:
            return []
        table = model.__table__
        stmt = sa.insert(table).returning(table.c.id, sort_by_parameter_order=True)
        ids: list[int] = []
        for i in range(0, len(rows), CHUNK):
            ids.extend(self.db.execute(stmt, rows[i:i + CHUNK]).scalars().all())
        setattr(self.summary, table.name, getattr(self.summary, table.name) + len(rows))
        return ids

    def fill(self, text: str, kid: _Kid | None = None, ouder: str = "", partner: str = "", doel: str = "") -> str:
        female = kid.female if kid else False
        rol = kid.family.guardians[0].relation if kid and kid.family else "ouder"
        return text.format(
            kind=kid.first if kid else "het kind", Kind=kid.first if kid else "Het kind",
            hij="zij" if female else "hij", Hij="Zij" if female else "Hij",
            zijn="haar" if female else "zijn", Zijn="Haar" if female else "Zijn",
            hem="haar" if female else "hem", ouder=ouder or "de ouder", Rol=rol[:1].upper() + rol[1:],
            partner=partner, doel=doel,
        )

    def worker(self, loc: _Loc) -> _Staff:
        return self.rng.choice(loc.workers or loc.staff)

    # ---------------------------------------------------------------- run

    def run(self) -> DemoSummary:
        self.make_organisation_and_locations()
        self.make_staff()
        self.plan_children()
        self.make_families_and_names()
        self.write_children()
        self.make_partners()
        self.make_goals()
        self.make_attendance()
        tracks = self.make_signals_and_tracks()
        self.make_conversations(tracks)
        self.make_referrals_out(tracks)
        # One transaction: a failure leaves the database as it was (also at the benchmark size,
        # ~600k rows, which SQLite and PostgreSQL handle fine in one go).
        self.db.commit()
        return self.summary

    # ---------------------------------------------------------------- organisation, locations

    def make_organisation_and_locations(self) -> None:
        rng = self.rng
        self.org_id = self.insert_ids(Organisation, [{"name": ORGANISATION_NAME}])[0]
        n = self.n_locations
        n_huis = max(1, n // 2)
        hoods = list(N.NEIGHBOURHOODS)
        rng.shuffle(hoods)
        # Stedenwijk hosts the big huiskamer, like in the domain brief's example town.
        hoods.remove("Stedenwijk")
        hoods.insert(0, "Stedenwijk")
        streets = list(N.STREETS)
        rng.shuffle(streets)
        schools = list(N.SCHOOLS)
        rng.shuffle(schools)
        for i in range(n):
            hood = hoods[i % len(hoods)]
            address = f"{streets[i % len(streets)]} {rng.randint(1, 140)}, Almere"
            if i < n_huis:
                kind = "huiskamer"
                capacity = 70 if i == 0 else 20 if i == 1 else rng.choice((20, 25, 30, 40, 50, 60, 70))
                name = f"Huiskamer {hood}"
            else:
                j = i - n_huis
                kind = "speelpleinroute" if j % 3 == 1 else "school"
                capacity = None
                name = schools[j % len(schools)] if kind == "school" else f"Speelpleinroute {hood}"
                if kind == "school" and j >= len(schools):
                    name = f"{name} ({hood})"
            self.locs.append(_Loc(i, name, kind, hood, address, capacity))
        ids = self.insert_ids(Location, [
            {"name": loc.name, "kind": loc.kind, "neighbourhood": loc.neighbourhood, "address": loc.address,
             "capacity": loc.capacity, "active": True, "organisation_id": self.org_id}
            for loc in self.locs
        ])
        for loc, id_ in zip(self.locs, ids, strict=True):
            loc.id = id_

    @property
    def huiskamers(self) -> list[_Loc]:
        return [loc for loc in self.locs if loc.kind == "huiskamer"]

    @property
    def outreach(self) -> list[_Loc]:
        """Schools and playgrounds: where children are known without registration."""
        return [loc for loc in self.locs if loc.kind != "huiskamer"]

    # ---------------------------------------------------------------- staff

    def make_staff(self) -> None:
        rng = self.rng
        n_staff = max(4, 3 * self.n_locations)
        roles = ["beheerder"] + ["teamleider"] * max(1, self.n_locations // 6) \
            + ["aandachtsfunctionaris"] * max(1, self.n_locations // 8)
        roles += ["kinderwerker"] * (n_staff - len(roles))
        firsts = list(N.STAFF_FIRST_NAMES)
        rng.shuffle(firsts)
        used_emails: set[str] = set()
        for i, role in enumerate(roles):
            first = firsts[i % len(firsts)]
            last = rng.choice(N.STAFF_SURNAMES)
            email = f"{N.ascii_slug(first)}@{DEMO_EMAIL_DOMAIN}"
            if email in used_emails:
                email = f"{N.ascii_slug(first)}.{N.ascii_slug(last)}@{DEMO_EMAIL_DOMAIN}"
            k = 2
            while email in used_emails:
                email = f"{N.ascii_slug(first)}.{N.ascii_slug(last)}{k}@{DEMO_EMAIL_DOMAIN}"
                k += 1
            used_emails.add(email)
            self.staff.append(_Staff(f"{first} {last}", email, role))

        # Kinderwerkers: at least one per location, the rest by weight (big huiskamers get more).
        workers = [s for s in self.staff if s.role == "kinderwerker"]
        weight = {loc.idx: (loc.capacity / 20 if loc.kind == "huiskamer" else 1.5) for loc in self.locs}
        seats = {loc.idx: 0 for loc in self.locs}
        for s in workers:
            loc = max(self.locs, key=lambda lc: (weight[lc.idx] / (seats[lc.idx] + 1) if seats[lc.idx] else 1e9,
                                                 -lc.idx))
            seats[loc.idx] += 1
            s.locs.append(loc)
        for s in workers:
            if len(self.locs) > 1 and rng.random() < 0.35:
                other = rng.choice([lc for lc in self.locs if lc is not s.locs[0]])
                s.locs.append(other)
        for s in self.staff:
            if s.role in ("teamleider", "aandachtsfunctionaris"):
                s.locs = list(self.locs)
            elif s.role == "beheerder":
                s.locs = [self.locs[0]]

        pw_hash = hash_password(self.password)
        created = _at(self.history_start - timedelta(days=30), 9)
        ids = self.insert_ids(StaffUser, [
            {"name": s.name, "email": s.email, "role": s.role, "organisation_id": self.org_id,
             "password_hash": pw_hash, "totp_secret": None, "totp_enabled": False, "oidc_issuer": None,
             "oidc_subject": None, "active": True, "is_demo": True, "created_at": created}
            for s in self.staff
        ])
        rows = []
        for s, id_ in zip(self.staff, ids, strict=True):
            s.id = id_
            for loc in s.locs:
                rows.append({"staff_id": s.id, "location_id": loc.id})
                loc.staff.append(s)
                if s.role == "kinderwerker":
                    loc.workers.append(s)
        self.insert(StaffLocation, rows)
        self.summary.logins = [(s.email, s.role, s.name) for s in self.staff]
        self.af = [s for s in self.staff if s.role == "aandachtsfunctionaris"]
        self.teamleiders = [s for s in self.staff if s.role == "teamleider"]

    # ---------------------------------------------------------------- children (plans)

    def sample_dob(self, min_age: int = 4, max_age: int = 12) -> date:
        ages = list(range(min_age, max_age + 1))
        weights = [{4: 3, 5: 6, 6: 9, 7: 11, 8: 12, 9: 12, 10: 11, 11: 9, 12: 5}[a] for a in ages]
        age = self.rng.choices(ages, weights)[0]
        hi = _add_years(self.today, -age)
        lo = _add_years(self.today, -(age + 1)) + timedelta(days=1)
        return self.day_between(lo, hi)

    def plan_children(self) -> None:
        rng, today = self.rng, self.today
        n = self.n_children
        huis = self.huiskamers
        targets = [2 * h.capacity if i == 0 else round(1.5 * h.capacity) for i, h in enumerate(huis)]
        a_total = min(sum(targets), round(0.8 * n))
        # Split the active list over the huiskamers in proportion to their target (largest remainder).
        raw = [a_total * t / sum(targets) for t in targets]
        sizes = [int(x) for x in raw]
        for i in sorted(range(len(raw)), key=lambda i: raw[i] - sizes[i], reverse=True)[: a_total - sum(sizes)]:
            sizes[i] += 1
        n_wait = min(round(0.075 * n), max(len(huis), round(0.12 * a_total)), n - a_total)
        n_intake = min(max(1, round(0.02 * n)), max(1, round(0.03 * a_total)), n - a_total - n_wait)
        rest = max(0, n - a_total - n_wait - n_intake)
        n_out = min(round(a_total * self.months / 20), round(0.7 * rest))

        # Active children fill the slots; weekdays balanced so a weekday stays within capacity.
        for h, size in zip(huis, sizes, strict=True):
            h.list_size = size
            loads = [0] * 5
            for _ in range(size):
                k = rng.choices((2, 3, 4), (50, 35, 15))[0]
                order = sorted(range(5), key=lambda d: loads[d] + rng.random() * 2)
                chosen = [d for d in order if loads[d] < h.capacity][:k]
                if len(chosen) < 2:
                    chosen = order[:2]
                for d in chosen:
                    loads[d] += 1
                h.slots.append(_Slot(tuple(sorted(d + 1 for d in chosen))))
            for slot in h.slots:
                dob = self.sample_dob(5, 12)
                earliest = _add_years(dob, 4)
                latest = today - timedelta(days=7)
                span = min(730, (latest - earliest).days)
                start = latest - timedelta(days=rng.randint(0, max(0, span)))
                kid = _Kid("actief", h, dob, rng.random() < 0.5, weekdays=slot.weekdays, start=start)
                slot.occupants.append(kid)
                self.kids.append(kid)

        # Children who left: earlier occupants of the slots, most recent generation first.
        budget = n_out
        open_slots = [s for h in huis for s in h.slots]
        slot_home = {id(s): h for h in huis for s in h.slots}
        lo_dob = _add_years(today, -13) + timedelta(days=1)
        while budget > 0 and open_slots:
            rng.shuffle(open_slots)
            still_open = []
            for slot in open_slots:
                if budget <= 0:
                    break
                end = slot.occupants[-1].start - timedelta(days=rng.randint(1, 21))
                if end <= self.history_start:
                    continue
                start = end - timedelta(days=rng.randint(180, 1100))
                hi_dob = min(_add_years(today, -4), _add_years(start, -4))
                if hi_dob < lo_dob:
                    continue
                kid = _Kid("uitgestroomd", slot_home[id(slot)], self.day_between(lo_dob, hi_dob),
                           rng.random() < 0.5, weekdays=slot.weekdays, start=start, end=end,
                           end_reason=rng.choice(END_REASONS))
                slot.occupants.append(kid)
                self.kids.append(kid)
                budget -= 1
                still_open.append(slot)
            open_slots = still_open

        for kid in self.kids:  # placed: referral -> intake -> start
            kid.referral_status = "geplaatst"
            kid.intake_on = kid.start - timedelta(days=rng.randint(5, 21))
            kid.received_on = kid.intake_on - timedelta(days=rng.randint(10, 120))
            kid.intake_by = self.worker(kid.home)

        # Waitlist: every huiskamer gets some, more at the big ones.
        spread = max(30, min(300, (today - self.history_start).days))
        wait_homes = list(huis[:n_wait]) + rng.choices(huis, weights=[max(1, s) for s in sizes],
                                                        k=max(0, n_wait - len(huis)))
        for h in wait_homes:
            kid = _Kid("wachtlijst", h, self.sample_dob(4, 11), rng.random() < 0.5)
            kid.referral_status = "wachtlijst"
            kid.received_on = today - timedelta(days=rng.randint(3, spread))
            self.kids.append(kid)
        for _ in range(n_intake):
            h = rng.choices(huis, weights=[max(1, s) for s in sizes])[0]
            kid = _Kid("intake", h, self.sample_dob(4, 11), rng.random() < 0.5)
            kid.referral_status = "intake"
            kid.received_on = today - timedelta(days=rng.randint(20, 150))
            kid.intake_on = today + timedelta(days=rng.randint(-5, 14))
            kid.intake_by = self.worker(h)
            self.kids.append(kid)

        # Known only at a school or playground (bereik): the rest. A few had a referral that did not go on.
        n_known = max(0, n - len(self.kids))
        homes = self.outreach or huis
        n_rejected = min(n_known, max(1, round(0.015 * n)))
        for i in range(n_known):
            home = rng.choice(homes)
            kid = _Kid("bekend", home, self.sample_dob(), rng.random() < 0.5)
            kid.known_since = today - timedelta(days=rng.randint(10, max(60, spread + 200)))
            if i < n_rejected:
                status, reason = rng.choice(REJECTED_REASONS)
                kid.referral_status = status
                kid.closed_reason = reason
                kid.received_on = today - timedelta(days=rng.randint(20, max(40, spread)))
                kid.referred_to = rng.choice(huis)
                kid.known.append(kid.referred_to)
            self.kids.append(kid)

        for kid in self.kids:
            if kid.home in kid.known:
                kid.known.remove(kid.home)
            kid.known.insert(0, kid.home)
            if kid.referral_status and kid.referred_to is None:
                kid.referred_to = kid.home
            if kid.known_since is None:
                kid.known_since = kid.received_on
            kid.absent_prone = rng.random() < 0.1

    # ---------------------------------------------------------------- families and names

    def make_families_and_names(self) -> None:
        rng = self.rng
        order = list(self.kids)
        rng.shuffle(order)
        pools: dict[int, list[_Kid]] = {}
        for kid in order:
            pools.setdefault(kid.home.idx, []).append(kid)
        bgs, bg_weights = list(N.BACKGROUND_WEIGHTS), list(N.BACKGROUND_WEIGHTS.values())
        school_locs = [loc for loc in self.locs if loc.kind == "school"]
        for kid in order:
            if kid.family is not None:
                continue
            members = [kid]
            if rng.random() < 0.2:
                want = 2 if rng.random() < 0.7 else 3
                for cand in pools[kid.home.idx]:
                    if cand.family is not None or cand is kid:
                        continue
                    if all(abs((cand.dob - m.dob).days) >= 330 for m in members):
                        members.append(cand)
                        if len(members) == want:
                            break
            bg = rng.choices(bgs, bg_weights)[0]
            names = N.BACKGROUNDS[bg]
            fam = _Fam(bg, rng.choice(names["surnames"]))
            fam.neighbourhood = kid.home.neighbourhood if rng.random() < 0.75 else rng.choice(N.NEIGHBOURHOODS)
            school_homes = [m.home for m in members if m.home.kind == "school"]
            if school_homes:
                fam.school = school_homes[0].name
            elif school_locs and rng.random() < 0.3:
                fam.school = rng.choice(school_locs).name
            else:
                fam.school = rng.choice(N.SCHOOLS)
            used_first: list[str] = []
            for m in members:
                m.family = fam
                fam.kids.append(m)
                pool = names["girls"] if m.female else names["boys"]
                choices = [f for f in pool if f not in used_first] or list(pool)
                m.first = rng.choice(choices)
                used_first.append(m.first)
                m.last = N.surname_form(fam.surname, female=m.female, background=bg)
                if m.home.kind == "school":
                    m.school = m.home.name
                else:
                    m.school = fam.school if rng.random() < 0.85 else rng.choice(N.SCHOOLS)
            self.make_guardians(fam)
            self.families.append(fam)

        by_school = {loc.name: loc for loc in school_locs}
        playgrounds = [loc for loc in self.locs if loc.kind == "speelpleinroute"]
        for kid in self.kids:
            loc = by_school.get(kid.school)
            if loc is not None and loc not in kid.known and rng.random() < 0.8:
                kid.known.append(loc)
            for pg in playgrounds:
                near = pg.neighbourhood == kid.family.neighbourhood
                if pg not in kid.known and rng.random() < (0.4 if near else 0.1):
                    kid.known.append(pg)

        # Pick-up persons, home-alone permission.
        for kid in self.kids:
            if not kid.enrolled:
                continue
            fam = kid.family
            want = rng.choice((1, 2, 2, 3))
            people = [(g.name, g.relation, g.phone) for g in fam.guardians][:want]
            names = N.BACKGROUNDS[fam.background]
            while len(people) < want:
                rel = rng.choice(N.PICKUP_EXTRA_RELATIONS)
                if rel in ("oma", "tante", "buurvrouw", "zus"):
                    female = True
                else:
                    female = False
                if rel in ("broer", "zus"):
                    first = rng.choice(names["girls"] if female else names["boys"])
                    name = f"{first} {N.surname_form(fam.surname, female=female, background=fam.background)}"
                    rel = f"{rel}, {rng.randint(15, 19)} jaar"
                else:
                    bg = fam.background if rel != "buurvrouw" else rng.choice(list(N.BACKGROUNDS))
                    pool = N.BACKGROUNDS[bg]
                    first = rng.choice(pool["women"] if female else pool["men"])
                    name = f"{first} {N.surname_form(rng.choice(pool['surnames']), female=female, background=bg)}"
                people.append((name, rel, self.phone()))
            kid.pickups = [p[0] for p in people]
            kid.pickup_rows = people
            # Parents allow it at the intake, or later when the child turns nine.
            allowed_on = max(kid.intake_on, _add_years(kid.dob, 9))
            if _age(kid.dob, self.today) >= 9 and allowed_on <= (kid.end or self.yesterday) \
                    and rng.random() < 0.3:
                kid.may_go_home_alone = True
                kid.home_alone_by = fam.guardians[0].name
                kid.home_alone_on = allowed_on

    def make_guardians(self, fam: _Fam) -> None:
        rng = self.rng
        names = N.BACKGROUNDS[fam.background]
        bg = fam.background

        def person(female: bool, own_surname: bool) -> str:
            first = rng.choice(names["women"] if female else names["men"])
            surname = rng.choice(names["surnames"]) if own_surname else fam.surname
            return f"{first} {N.surname_form(surname, female=female, background=bg)}"

        r = rng.random()
        first_rel = "moeder" if r < 0.85 else "vader" if r < 0.93 else "oma" if r < 0.97 else "verzorger"
        rels = [first_rel]
        if rng.random() < 0.6:
            if first_rel == "moeder":
                r = rng.random()
                rels.append("vader" if r < 0.8 else "stiefvader" if r < 0.9 else "oma")
            else:
                rels.append("moeder")
        for rel in rels:
            female = rel in ("moeder", "oma") or (rel == "verzorger" and rng.random() < 0.7)
            own = rel in ("oma", "stiefvader", "verzorger") or (
                female and bg in N.OWN_SURNAME_BACKGROUNDS and rng.random() < 0.6)
            name = person(female, own)
            email = ""
            if rng.random() < 0.7:
                email = f"{N.ascii_slug(name, '.')}@example.com"
            fam.guardians.append(_Guardian(name, rel, self.phone(), email))

    # ---------------------------------------------------------------- write children & co

    def write_children(self) -> None:
        rng = self.rng
        fam_ids = self.insert_ids(Family, [
            {"organisation_id": self.org_id, "name": f"Gezin {fam.surname}"} for fam in self.families
        ])
        for fam, id_ in zip(self.families, fam_ids, strict=True):
            fam.id = id_
        guardians = [(fam, g) for fam in self.families for g in fam.guardians]
        g_ids = self.insert_ids(Guardian, [
            {"name": g.name, "relation": g.relation, "phone": g.phone, "email": g.email, "family_id": fam.id}
            for fam, g in guardians
        ])
        for (_, g), id_ in zip(guardians, g_ids, strict=True):
            g.id = id_

        self.kids.sort(key=lambda k: (k.family.id, k.dob))
        rows = []
        for kid in self.kids:
            created_day = kid.received_on or kid.known_since or self.history_start
            rows.append({
                "first_name": kid.first, "last_name": kid.last, "date_of_birth": kid.dob,
                "school_name": kid.school, "school_group": _groep(kid.dob, self.today),
                "neighbourhood": kid.family.neighbourhood, "status": kid.status,
                "organisation_id": self.org_id, "family_id": kid.family.id,
                "may_go_home_alone": kid.may_go_home_alone, "home_alone_allowed_by": kid.home_alone_by,
                "home_alone_allowed_on": kid.home_alone_on,
                "left_on": kid.end if kid.status == "uitgestroomd" else None,
                "left_reason": kid.end_reason if kid.status == "uitgestroomd" else "",
                "created_at": _at(created_day, 10, rng.randint(0, 300)),
            })
        for kid, id_ in zip(self.kids, self.insert_ids(Child, rows), strict=True):
            kid.id = id_

        self.insert(ChildLocation, [{"child_id": k.id, "location_id": loc.id} for k in self.kids for loc in k.known])
        self.insert(Enrolment, [
            {"child_id": k.id, "location_id": k.home.id, "weekdays": ",".join(map(str, k.weekdays)),
             "start_date": k.start, "end_date": k.end, "end_reason": k.end_reason}
            for k in self.kids if k.enrolled
        ])
        self.insert(PickupPerson, [
            {"child_id": k.id, "name": name, "relation": rel, "phone": phone}
            for k in self.kids if k.enrolled for name, rel, phone in k.pickup_rows
        ])

        consents, referrals = [], []
        for kid in self.kids:
            if not kid.registered:
                continue
            ref_loc = kid.referred_to
            parent = kid.family.guardians[0].name
            recorder = self.worker(ref_loc)
            consents.append({"child_id": kid.id, "kind": "registratie", "given": True, "given_by": parent,
                             "given_on": kid.received_on, "recorded_by_id": recorder.id})
            if kid.status in ("actief", "uitgestroomd", "intake") and rng.random() < 0.9:
                held = kid.intake_on if kid.intake_on and kid.intake_on < self.today else kid.received_on
                consents.append({"child_id": kid.id, "kind": "foto", "given": rng.random() < 0.82,
                                 "given_by": parent, "given_on": held,
                                 "recorded_by_id": recorder.id})
            kind = rng.choices(list(REFERRER_WEIGHTS), list(REFERRER_WEIGHTS.values()))[0]
            referrals.append({
                "client_uuid": self.uuid(), "child_id": kid.id, "location_id": ref_loc.id,
                "referrer_kind": kind, "referrer_name": self.referrer_name(kind, kid),
                "reason": self.fill(rng.choice(REFERRAL_REASONS[kind]), kid),
                "received_on": kid.received_on, "status": kid.referral_status,
                "intake_on": kid.intake_on, "intake_by_id": kid.intake_by.id if kid.intake_on else None,
                "placed_on": kid.start if kid.referral_status == "geplaatst" else None,
                "closed_reason": kid.closed_reason, "created_by_id": recorder.id,
                "created_at": _at(kid.received_on, 9, rng.randint(0, 420)),
            })
        self.insert(Consent, consents)
        self.insert(ReferralIn, referrals)

    def referrer_name(self, kind: str, kid: _Kid) -> str:
        rng = self.rng
        if kind == "ouder":
            return kid.family.guardians[0].name
        if kind == "school":
            bg = N.BACKGROUNDS["nl"]
            return f"{rng.choice(bg['women'])} {rng.choice(bg['surnames'])}, intern begeleider {kid.school}"
        return {
            "wijkteam": "Wijkteam Almere Stad", "ggd": "Jeugdverpleegkundige GGD Flevoland (demo)",
            "jeugd_ggz": "Jeugd-GGZ Kompas Flevoland (demo)", "wijkagent": f"Wijkagent {kid.family.neighbourhood}",
            "anders": rng.choice(("Voedselbank Almere (demo)", "Buurthuis De Ontmoeting (demo)")),
        }[kind]

    # ---------------------------------------------------------------- partners

    def make_partners(self) -> None:
        rng = self.rng
        school_names = [loc.name for loc in self.locs if loc.kind == "school"]
        for s in N.SCHOOLS:
            if len(school_names) >= 3:
                break
            if s not in school_names:
                school_names.append(s)
        specs = [(s, "school") for s in school_names]
        specs += [("Wijkteam Almere Stad", "wijkteam"), ("Jeugdhulp Flevoland (demo)", "jeugdhulp"),
                  ("GGD Flevoland (demo)", "ggd"), ("Jeugd-GGZ Kompas Flevoland (demo)", "jeugd_ggz"),
                  ("Veilig Thuis Flevoland (demo)", "veilig_thuis")]
        hoods = []
        for h in self.huiskamers:
            if h.neighbourhood not in hoods:
                hoods.append(h.neighbourhood)
        specs += [(f"Wijkagent {hood}", "wijkagent") for hood in hoods]
        rows = []
        for name, kind in specs:
            bg = N.BACKGROUNDS[rng.choices(("nl", "ma", "tr", "sr"), (6, 2, 1, 1))[0]]
            female = rng.random() < 0.7
            contact = f"{rng.choice(bg['women'] if female else bg['men'])} {rng.choice(bg['surnames'])}"
            if kind == "school":
                contact += " (intern begeleider)"
            rows.append({"name": name, "kind": kind, "contact_name": contact,
                         "contact_phone": f"036-{rng.randint(1000000, 9999999)}",
                         "contact_email": f"{N.ascii_slug(contact.split(' (')[0], '.')}@example.org",
                         "organisation_id": self.org_id})
        for row, id_ in zip(rows, self.insert_ids(Partner, rows), strict=True):
            self.partners.append({**row, "id": id_})

    # ---------------------------------------------------------------- goals

    def make_goals(self) -> None:
        rng = self.rng
        goal_rows, goal_meta = [], []
        for kid in self.kids:
            if not kid.enrolled:
                continue
            n_goals = rng.choices((1, 2, 3), (35, 45, 20))[0]
            titles = rng.sample(GOAL_TITLES, n_goals)
            kid.goals = titles
            last = min(kid.end or self.yesterday, self.yesterday)
            for title in titles:
                start = kid.start + timedelta(days=rng.randint(0, 14))
                if start > last:
                    start = kid.start
                status, achieved = "actief", None
                evaluations = []
                score = rng.choice((1, 2, 2, 3))
                improving = rng.random() < 0.78
                d = start + timedelta(days=rng.randint(42, 84))
                while d <= last:
                    evaluations.append((d, score))
                    if improving and score >= 4 and rng.random() < (0.1 if score == 4 else 0.4):
                        status, achieved = "behaald", d
                        break
                    r = rng.random()
                    if improving:
                        score += 1 if r < 0.45 else -1 if r < 0.52 else 0
                    else:
                        score += 1 if r < 0.2 else -1 if r < 0.4 else 0
                    score = max(1, min(5, score))
                    d += timedelta(days=rng.randint(56, 84))
                if status == "actief" and kid.status == "uitgestroomd":
                    status = "gestopt"
                goal_rows.append({"child_id": kid.id, "location_id": kid.home.id, "title": title,
                                  "start_date": start, "status": status, "achieved_on": achieved,
                                  "created_by_id": kid.intake_by.id})
                goal_meta.append((kid, start, achieved or last, evaluations, improving))
        ids = self.insert_ids(Goal, goal_rows)
        progress = []
        for goal_id, (kid, start, last, evaluations, improving) in zip(ids, goal_meta, strict=True):
            for d, score in evaluations:
                progress.append({"client_uuid": self.uuid(), "goal_id": goal_id,
                                 "at": _at(d, 17, rng.randint(30, 90)), "kind": "evaluatie",
                                 "went_well": None, "score": score, "by_id": self.worker(kid.home).id})
            first = max(start, self.history_start)
            total = max(1, (last - start).days)
            week = first - timedelta(days=first.weekday())
            while week <= last:
                if rng.random() < 0.5:
                    d = week + timedelta(days=rng.choice(kid.weekdays) - 1)
                    if first <= d <= last and d not in self.closed:
                        frac = (d - start).days / total
                        p_well = 0.4 + (0.4 if improving else 0.1) * frac
                        progress.append({"client_uuid": self.uuid(), "goal_id": goal_id,
                                         "at": _at(d, 15, rng.randint(20, 110)), "kind": "moment",
                                         "went_well": rng.random() < p_well, "score": None,
                                         "by_id": self.worker(kid.home).id})
                week += timedelta(days=7)
        self.insert(GoalProgress, progress)

    # ---------------------------------------------------------------- attendance

    def make_attendance(self) -> None:
        rng = self.rng
        buf: list[dict] = []
        need: list[tuple[dict, str, dict | None]] = []  # rows whose id is needed: (row, tag, follow row)
        followups: list[dict] = []
        stale_before = self.today - timedelta(days=3)
        moods, mood_w = (1, 2, 3, 4, 5), (5, 10, 25, 35, 25)

        def event(kid, loc, day, kind, at, by, picked="", reason="", mood=None, undoes=None):
            return {"client_uuid": self.uuid(), "child_id": kid.id, "location_id": loc.id, "day": day,
                    "kind": kind, "at": at, "by_id": by, "picked_up_by": picked, "reason": reason,
                    "mood": mood, "undoes_id": undoes}

        def flush_need() -> None:
            ids = self.insert_ids(AttendanceEvent, [row for row, _, _ in need])
            for id_, (row, tag, extra) in zip(ids, need, strict=True):
                if tag == "late":
                    extra["undoes_id"] = id_
                    buf.append(extra)
                else:
                    day = row["day"]
                    done = day < stale_before and rng.random() < 0.92
                    due = day + timedelta(days=3 if day.isoweekday() == 5 else 1)
                    done_day = day + timedelta(days=rng.choice((0, 1)))
                    done_hour = 17 if done_day == day else rng.choice((10, 17))
                    followups.append({
                        "child_id": row["child_id"], "location_id": row["location_id"], "title": "Ouder bellen",
                        "due_date": due, "status": "gedaan" if done else "open",
                        "created_at": row["at"], "created_by_id": row["by_id"], "source_event_id": id_,
                        "done_at": _at(done_day, done_hour, rng.randint(40, 110)) if done else None,
                    })
            need.clear()

        def child_day(kid: _Kid, loc: _Loc, day: date, base: datetime, on_duty: list[_Staff], extra: bool) -> None:
            by = rng.choice(on_duty).id
            if extra:
                buf.append(event(kid, loc, day, "extra", base + timedelta(minutes=rng.randint(11 * 60, 13 * 60)),
                                 by, reason="Ouder vroeg om een extra middag"))
            r = rng.random()
            p_excused, p_absent = (0.12, 0.07) if kid.absent_prone else (0.06, 0.025)
            if not extra and r < p_excused:
                buf.append(event(kid, loc, day, "afgemeld", base + timedelta(minutes=rng.randint(8 * 60, 14 * 60)),
                                 by, reason=rng.choice(AFMELD_REASONS)))
                return
            if not extra and r < p_excused + p_absent:
                row = event(kid, loc, day, "afwezig", base + timedelta(minutes=rng.randint(14 * 60 + 45, 15 * 60 + 20)), by)
                need.append((row, "followup", None))
                return
            if rng.random() < 0.012:  # marked absent, then arrived late: the absence is undone
                arrive = base + timedelta(minutes=rng.randint(15 * 60 + 20, 15 * 60 + 45))
                row = event(kid, loc, day, "afwezig", base + timedelta(minutes=rng.randint(14 * 60 + 40, 15 * 60 + 5)), by)
                need.append((row, "late", event(kid, loc, day, "ongedaan", arrive, by)))
            else:
                arrive = base + timedelta(minutes=rng.randint(14 * 60 + 25, 15 * 60 + 10))
            buf.append(event(kid, loc, day, "aanwezig", arrive, by))
            if rng.random() < 0.2:
                buf.append(event(kid, loc, day, "stemming", arrive + timedelta(minutes=rng.randint(1, 20)), by,
                                 mood=rng.choices(moods, mood_w)[0]))
            leave_min = rng.randint(16 * 60, 17 * 60) if rng.random() < 0.1 else rng.randint(17 * 60, 17 * 60 + 35)
            leave = base + timedelta(minutes=leave_min)
            by = rng.choice(on_duty).id
            if kid.may_go_home_alone and day >= kid.home_alone_on and rng.random() < 0.75:
                buf.append(event(kid, loc, day, "zelfstandig", leave, by))
            else:
                buf.append(event(kid, loc, day, "opgehaald", leave, by, picked=rng.choice(kid.pickups)))

        huis = self.huiskamers
        by_weekday = {h.idx: {wd: [s for s in h.slots if wd in s.weekdays] for wd in range(1, 6)} for h in huis}
        day = self.history_start
        while day < self.today:
            wd = day.isoweekday()
            if wd <= 5 and day not in self.closed:
                base = _at(day, 0)
                for h in huis:
                    on_duty = rng.sample(h.staff, min(2, len(h.staff)))
                    workers = [s for s in on_duty if s.role == "kinderwerker"] or on_duty
                    for slot in by_weekday[h.idx][wd]:
                        kid = slot.occupant_on(day)
                        if kid is not None:
                            child_day(kid, h, day, base, workers, extra=False)
                    if rng.random() < 0.12:
                        others = [s for s in h.slots if wd not in s.weekdays]
                        kid = rng.choice(others).occupant_on(day) if others else None
                        if kid is not None:
                            child_day(kid, h, day, base, workers, extra=True)
                if len(need) >= 1000:
                    flush_need()
                if len(buf) >= CHUNK:
                    self.insert(AttendanceEvent, buf)
                    buf.clear()
                if len(followups) >= CHUNK:
                    self.insert(FollowUp, followups)
                    followups.clear()
            day += timedelta(days=1)
        flush_need()
        self.insert(AttendanceEvent, buf)
        self.insert(FollowUp, followups)

    # ---------------------------------------------------------------- signals and meldcode

    def presence(self, kid: _Kid) -> tuple[date, date] | None:
        """The days (within the history) on which the child is seen at its home location."""
        if kid.status in ("actief", "uitgestroomd"):
            first, last = kid.start, kid.end or self.yesterday
        elif kid.status == "bekend":
            first, last = kid.known_since, self.yesterday
        else:
            return None
        first, last = max(first, self.history_start), min(last, self.yesterday)
        return (first, last) if first <= last else None

    def signal_time(self, loc: _Loc, day: date) -> datetime:
        rng = self.rng
        if loc.kind == "school":
            return _at(day, 8, rng.randint(20, 400))
        if loc.kind == "speelpleinroute":
            return _at(day, 14, rng.randint(0, 330))
        return _at(day, 14, rng.randint(40, 180))

    def make_signals_and_tracks(self) -> list[dict]:
        rng = self.rng
        n_signals = max(min(12, 2 * self.n_children), round(40 * self.scale))
        n_tracks = max(3, round(n_signals / 4))
        n_unknown = max(2, round(0.07 * n_signals))
        n_cluster_only = max(1, round(0.3 * n_tracks))
        n_acute = max(1, round(0.06 * n_signals))

        windows = {}
        for kid in self.kids:
            w = self.presence(kid)
            if w is not None:
                windows[kid.id] = w
        candidates = [k for k in self.kids if k.id in windows]
        used: set[int] = set()

        def pick(day: date, lead: int, fresh: bool = True) -> _Kid | None:
            """A child seen at its location on ``day`` and already ``lead`` days before."""
            for _ in range(300):
                kid = rng.choice(candidates)
                first, last = windows[kid.id]
                if (not fresh or kid.id not in used) and first <= day - timedelta(days=lead) and day <= last:
                    return kid
            return None

        signals: list[dict] = []  # with "_track" (index) for linking later

        def loc_for(kid: _Kid) -> _Loc:
            return kid.home if rng.random() < 0.8 else rng.choice(kid.known)

        def add_signal(kid: _Kid | None, loc: _Loc, when: datetime, text, acute=False, track=None,
                       unknown=("", None)):
            cats, facts, source, interp = text
            author = self.worker(loc)
            signals.append({
                "client_uuid": self.uuid(), "organisation_id": self.org_id, "location_id": loc.id,
                "child_id": kid.id if kid else None, "unknown_description": unknown[0], "unknown_age": unknown[1],
                "author_id": author.id, "observed_at": when,
                "place": rng.choice(SIGNAL_PLACES[loc.kind]), "categories": cats,
                "facts": self.fill(facts, kid), "interpretation": self.fill(interp, kid) if interp and rng.random() < 0.6 else "",
                "source": source, "acute": acute, "_track": track,
                "created_at": when + timedelta(minutes=rng.randint(5, 150)),
            })
            return author

        # Tracks: open at different steps, recent ones early in the process, old ones closed.
        # Spread over the whole history: pick the day first, then a child seen around then.
        plans = []
        for _ in range(n_tracks if candidates else 0):
            opened_day = self.day_between(self.history_start + timedelta(days=20), self.yesterday)
            kid = pick(opened_day, 20)
            if kid is not None:
                used.add(kid.id)
                plans.append((opened_day, kid))
        plans.sort(key=lambda p: (p[0], p[1].id))
        template = ["melden", "hulp", 5, "geen", 4, 3, 3, 2, 2, 1]
        recent = [p for p in plans if (self.today - p[0]).days <= 120]
        old = [p for p in plans if (self.today - p[0]).days > 120]
        states = {}
        for p in old:  # an old track is almost always closed; a few got stuck at step 5
            stuck = 8 if (self.today - p[0]).days <= 365 else 2
            states[id(p)] = rng.choices(("melden", "hulp", "geen", 5), (33, 42, 17, stuck))[0]
        for i, p in enumerate(recent):
            states[id(p)] = template[min(len(template) - 1, i * len(template) // max(1, len(recent)))]

        tracks: list[dict] = []
        steps: list[tuple[int, dict]] = []
        acute_left = n_acute
        now_limit = _at(self.yesterday, 20)
        for p in plans:
            opened_day, kid = p
            state = states[id(p)]
            loc = kid.home
            first_day = windows[kid.id][0]
            acute = acute_left > 0 and state in ("melden", 5, 4, 3)
            texts = rng.sample(SIGNAL_TEXTS, 4)
            if acute:
                acute_left -= 1
                n_sig = rng.randint(1, 2)
            else:
                n_sig = rng.choice((1, 2, 3, 3, 4, 4))
            days = sorted(self.day_between(max(first_day, opened_day - timedelta(days=28)), opened_day)
                          for _ in range(n_sig - 1)) + [opened_day]
            t_idx = len(tracks)
            author = None
            for j, d in enumerate(days):
                is_acute = acute and j == len(days) - 1
                text = rng.choice(ACUTE_SIGNAL_TEXTS) if is_acute else texts[j]
                author = add_signal(kid, loc, self.signal_time(loc, d), text, acute=is_acute, track=t_idx)
            opened_at = signals[-1]["observed_at"] + timedelta(minutes=rng.randint(20, 180))
            owner = rng.choice(self.af) if rng.random() < 0.7 else rng.choice(self.teamleiders)
            closed = state in ("melden", "hulp", "geen")
            done_steps = [1, 2, 3, 4, 5] if state in ("melden", "hulp") else [1, 2, 3, 4] if state == "geen" \
                else list(range(1, state))
            outcome = state if closed else rng.choice(("melden", "hulp"))
            weighing, report, help_ = rng.choice(WEIGHINGS[outcome])
            # Step moments: a few days apart, squeezed when the track is recent.
            offsets, total = [], 0.0
            for step in done_steps:
                total += 0.01 if step == 1 else rng.uniform(1.5, 7.0)
                offsets.append(total)
            room = (now_limit - opened_at).total_seconds() / 86400
            if closed:
                total_needed = total + 0.5
            else:
                total_needed = total + 1.0
            factor = max(0.0, min(1.0, room / total_needed))
            if acute:
                factor = min(factor, 0.15)
            step_times, prev = [], opened_at
            for o in offsets:
                d = opened_day + timedelta(days=round(o * factor))
                while d.isoweekday() > 5 and d < self.yesterday:  # office work happens on weekdays
                    d += timedelta(days=1)
                t = _at(d, 9, rng.randint(0, 480))
                if t <= prev:
                    t = prev + timedelta(minutes=rng.randint(10, 90))
                step_times.append(t)
                prev = t
            parent = kid.family.guardians[0]
            skip3 = (acute or outcome == "melden") and rng.random() < 0.5
            partner = rng.choice([pt for pt in self.partners if pt["kind"] in ("wijkteam", "jeugdhulp")])
            for step, t in zip(done_steps, step_times, strict=True):
                row = {"client_uuid": self.uuid(), "step_no": step, "status": "gedaan", "by_id": author.id,
                       "at": t, "with_whom": "", "conclusion": "", "skip_reason": "", "veilig_thuis_advice": "",
                       "weighing_answers": ""}
                if step == 1:
                    row["conclusion"] = STEP_TEXTS[1].format(
                        n="1 signaal" if len(days) == 1 else f"{len(days)} signalen", first=days[0].strftime("%d-%m-%Y"), last=days[-1].strftime("%d-%m-%Y"))
                elif step == 2:
                    af = self.af[0]
                    row["with_whom"] = f"{af.name} (aandachtsfunctionaris)"
                    row["conclusion"] = STEP_TEXTS[2]
                    if acute:
                        row["veilig_thuis_advice"] = ACUTE_ADVICE
                    elif rng.random() < 0.4:
                        row["veilig_thuis_advice"] = rng.choice(VEILIG_THUIS_ADVICE)
                elif step == 3:
                    if skip3:
                        row["status"] = "overgeslagen"
                        row["skip_reason"] = SKIP_REASON
                    else:
                        row["with_whom"] = f"{parent.name} ({parent.relation})"
                        answer = STEP3_ANSWERS[1] if outcome == "melden" and rng.random() < 0.5 else rng.choice(
                            (STEP3_ANSWERS[0], STEP3_ANSWERS[2]))
                        row["conclusion"] = STEP_TEXTS[3].format(ouder=parent.name, relatie=parent.relation,
                                                                 answer=answer)
                elif step == 4:
                    row["by_id"] = owner.id
                    row["with_whom"] = author.name
                    row["weighing_answers"] = weighing
                    row["conclusion"] = STEP_TEXTS[4].format(answers=weighing.replace(";", ", "))
                else:
                    row["by_id"] = owner.id
                    row["conclusion"] = STEP_TEXTS[5].format(
                        report="melden bij Veilig Thuis" if report else "niet melden",
                        help="hulp organiseren" if help_ else "geen hulp via ons")
                steps.append((t_idx, row))
            closed_at = step_times[-1] + timedelta(hours=1) if closed else None
            close_day = (closed_at.astimezone(AMS).date() if closed_at else None)
            tracks.append({
                "client_uuid": self.uuid(), "organisation_id": self.org_id, "location_id": loc.id,
                "child_id": kid.id, "opened_by_id": author.id, "owner_id": owner.id, "opened_at": opened_at,
                "due_date": opened_day + timedelta(days=28), "status": "gesloten" if closed else "open",
                "current_step": 5 if state in ("melden", "hulp") else 4 if state == "geen" else state,
                "decision_report": report if closed else None, "decision_help": help_ if closed else None,
                "closed_at": closed_at,
                "close_reason": CLOSE_REASONS[state].format(date=close_day.strftime("%d-%m-%Y") if close_day else "",
                                                            partner=partner["name"]) if closed else "",
                "_kid": kid, "_outcome": outcome, "_steps": dict(zip(done_steps, step_times, strict=True)),
                "_skip3": skip3, "_partner": partner,
            })

        track_ids = self.insert_ids(MeldcodeTrack, [{k: v for k, v in t.items() if not k.startswith("_")}
                                                    for t in tracks])
        for t, id_ in zip(tracks, track_ids, strict=True):
            t["id"] = id_
        self.insert(MeldcodeStep, [{**row, "track_id": tracks[t_idx]["id"]} for t_idx, row in steps])

        # Clusters without a track: three or more signals within 30 days (two of them recent: "needs a look").
        for i in range(n_cluster_only if candidates else 0):
            if i < 2:
                end = self.day_between(max(self.history_start, self.yesterday - timedelta(days=40)), self.yesterday)
            else:
                end = self.day_between(self.history_start, self.yesterday)
            kid = pick(end, 28)
            if kid is None:
                continue
            used.add(kid.id)
            first, last = windows[kid.id]
            texts = rng.sample(SIGNAL_TEXTS, 4)
            n_sig = rng.choice((3, 3, 4))
            days = sorted(self.day_between(max(first, end - timedelta(days=28)), end) for _ in range(n_sig))
            for j, d in enumerate(days):
                loc = kid.home
                add_signal(kid, loc, self.signal_time(loc, d), texts[j])

        # Unknown children, at playgrounds (or wherever the kinderwerkers go).
        outreach = [loc for loc in self.locs if loc.kind == "speelpleinroute"] or self.outreach or self.locs
        for i in range(n_unknown):
            desc, age, cats, facts = UNKNOWN_SIGNALS[i % len(UNKNOWN_SIGNALS)]
            loc = rng.choice(outreach)
            d = self.day_between(self.history_start, self.yesterday)
            add_signal(None, loc, _at(d, 18, rng.randint(0, 150)), (cats, facts, "zelf_gezien", ""),
                       unknown=(desc, age))

        # Single signals about other known children.
        misses = 0
        while len(signals) < n_signals and candidates and misses < 1000:
            d = self.day_between(self.history_start, self.yesterday)
            kid = pick(d, 0, fresh=False)
            if kid is None:
                misses += 1
                continue
            loc = loc_for(kid)
            add_signal(kid, loc, self.signal_time(loc, d), rng.choice(SIGNAL_TEXTS))

        signals.sort(key=lambda s: (s["observed_at"], s["client_uuid"]))
        for s in signals:
            t = s.pop("_track")
            s["track_id"] = tracks[t]["id"] if t is not None else None
            s["version"] = 1
        self.insert(Signal, signals)
        self.signal_kids = [self.kid_by_id(s["child_id"]) for s in signals if s["child_id"] is not None]
        return tracks

    def kid_by_id(self, id_: int) -> _Kid:
        if not hasattr(self, "_kid_index"):
            self._kid_index = {k.id: k for k in self.kids}
        return self._kid_index[id_]

    # ---------------------------------------------------------------- conversations

    def make_conversations(self, tracks: list[dict]) -> None:
        rng = self.rng
        target = max(min(6, self.n_children), round(60 * self.scale))
        convs: list[dict] = []  # each with _kids, _guardians, _agreements

        def add(kind: str, kid: _Kid, loc: _Loc, when: datetime, author: _Staff, *, track_id=None,
                facts: str | None = None, doel: str = "") -> None:
            fam = kid.family
            parents = fam.guardians if len(fam.guardians) == 1 or rng.random() < 0.35 else [rng.choice(fam.guardians)]
            parent = parents[0]
            kids = [kid] + [k for k in fam.kids if k is not kid and loc in k.known and rng.random() < 0.4]
            text = facts or rng.choice(CONVERSATION_TEXTS[kind])
            discussed = not (kind == "zorg" and track_id is None and rng.random() < 0.1)
            convs.append({
                "client_uuid": self.uuid(), "organisation_id": self.org_id, "family_id": fam.id,
                "location_id": loc.id, "author_id": author.id, "kind": kind, "held_at": when,
                "place": CONVERSATION_PLACES[kind] if loc.kind == "huiskamer" or kind in ("huisbezoek", "informeel")
                else f"{loc.name}, spreekkamer",
                "topics": CONVERSATION_TOPICS[kind],
                "facts": self.fill(text, kid, ouder=parent.name, doel=doel),
                "interpretation": self.fill(rng.choice(CONVERSATION_INTERPRETATIONS), kid, ouder=parent.name)
                if rng.random() < 0.25 else "",
                "discussed_with_parent": discussed,
                "not_discussed_reason": "" if discussed else
                "Nog niet besproken: eerst overleg met de aandachtsfunctionaris (meldcode).",
                "track_id": track_id, "created_at": when + timedelta(minutes=rng.randint(30, 240)),
                "_kids": kids, "_guardians": parents, "_kid": kid, "_parent": parent, "_author": author,
            })

        # Intake conversations for the intakes held within the history.
        for kid in self.kids:
            if kid.intake_on and kid.intake_by and self.history_start <= kid.intake_on < self.today \
                    and kid.status in ("actief", "uitgestroomd", "intake"):
                d = kid.intake_on
                if d.isoweekday() > 5:
                    d -= timedelta(days=d.isoweekday() - 5)
                doel = kid.goals[0] if kid.goals else rng.choice(GOAL_TITLES)
                add("intake", kid, kid.home, _at(d, 9, rng.randint(30, 390)), kid.intake_by,
                    facts=rng.choice(INTAKE_FACTS), doel=doel)
        # Meldcode step 3: the conversation with the parents.
        for t in tracks:
            if 3 in t["_steps"] and not t["_skip3"]:
                kid = t["_kid"]
                when = t["_steps"][3]
                add("zorg", kid, self.loc_by_id(t["location_id"]), when, self.staff_by_id(t["opened_by_id"]),
                    track_id=t["id"])
        # Fill up with evaluations, informal talks at the door, home visits and worries.
        enrolled = [k for k in self.kids if k.status == "actief" or (k.status == "uitgestroomd" and k.end >= self.history_start)]
        fill = max(round(0.3 * target), target - len(convs))
        for _ in range(fill):
            if not enrolled:
                break
            kind = rng.choices(("evaluatie", "informeel", "huisbezoek", "zorg"), (45, 35, 8, 12))[0]
            kid = rng.choice(self.signal_kids) if kind == "zorg" and self.signal_kids else rng.choice(enrolled)
            w = self.presence(kid)
            if w is None:
                continue
            first, last = w
            if kind == "evaluatie" and kid.start:
                first = max(first, kid.start + timedelta(days=30))
                if first > last:
                    kind, first = "informeel", w[0]
            d = self.open_day_between(first, last)
            hour = {"informeel": 17, "huisbezoek": 10}.get(kind, 13)
            add(kind, kid, kid.home, _at(d, hour, rng.randint(0, 40 if kind == "informeel" else 150)),
                self.worker(kid.home))

        convs.sort(key=lambda c: (c["held_at"], c["client_uuid"]))
        ids = self.insert_ids(ParentConversation, [{k: v for k, v in c.items() if not k.startswith("_")} for c in convs])
        cc, cg, agreements = [], [], []
        partners = [p for p in self.partners if p["kind"] in ("wijkteam", "jeugdhulp", "school", "ggd")]
        for c, id_ in zip(convs, ids, strict=True):
            seen = []
            for k in c["_kids"]:
                if k.id not in seen:
                    seen.append(k.id)
                    cc.append({"conversation_id": id_, "child_id": k.id})
            for g in c["_guardians"]:
                cg.append({"conversation_id": id_, "guardian_id": g.id})
            held_day = c["held_at"].astimezone(AMS).date()
            n_agr = rng.choices((1, 2, 3), (45, 40, 15))[0]
            owner_kinds = rng.sample(("ouder", "kinderwerker", "partner"), min(3, n_agr)) if n_agr > 1 else \
                [rng.choice(("ouder", "kinderwerker", "ouder"))]
            for owner_kind in owner_kinds:
                kid, parent, author = c["_kid"], c["_parent"], c["_author"]
                template = rng.choice(AGREEMENTS[owner_kind])
                partner = {"name": ""}
                if owner_kind == "partner":
                    fits = PARTNER_AGREEMENT_KINDS[AGREEMENTS["partner"].index(template)]
                    options = [p for p in partners if p["kind"] in fits] or partners
                    partner = rng.choice(options)
                    if partner["kind"] == "school":
                        partner = next((p for p in options if p["name"] == kid.school), partner)
                text = self.fill(template, kid, ouder=parent.name, partner=partner["name"])
                due = held_day + timedelta(days=rng.randint(7, 42))
                if due < self.today:
                    status = rng.choices(("gedaan", "open", "vervallen"), (80, 15, 5))[0]
                else:
                    status = "gedaan" if rng.random() < 0.15 else "open"
                owner_staff = author if owner_kind == "kinderwerker" else None
                done_at = None
                if status == "gedaan":
                    latest = min(due, self.yesterday)
                    done_day = self.day_between(min(held_day + timedelta(days=1), latest), latest)
                    done_at = _at(done_day, 11, rng.randint(0, 300))
                agreements.append({
                    "client_uuid": self.uuid(), "conversation_id": id_, "description": text,
                    "owner_kind": owner_kind,
                    "owner_name": {"ouder": parent.name, "kinderwerker": author.name,
                                   "partner": partner["name"]}[owner_kind],
                    "owner_staff_id": owner_staff.id if owner_staff else None, "due_date": due,
                    "status": status, "done_at": done_at,
                    "done_by_id": (owner_staff or author).id if status == "gedaan" else None,
                })
        self.insert(ConversationChild, cc)
        self.insert(ConversationGuardian, cg)
        self.insert(Agreement, agreements)

    def loc_by_id(self, id_: int) -> _Loc:
        return next(loc for loc in self.locs if loc.id == id_)

    def staff_by_id(self, id_: int) -> _Staff:
        return next(s for s in self.staff if s.id == id_)

    # ---------------------------------------------------------------- referrals out

    def make_referrals_out(self, tracks: list[dict]) -> None:
        rng = self.rng
        target = max(3, round(15 * self.scale))
        by_kind = {}
        for p in self.partners:
            by_kind.setdefault(p["kind"], []).append(p)
        rows, consents = [], []

        def add(kid: _Kid, loc: _Loc, sent: date, partner: dict, track: dict | None, consent: bool) -> None:
            kind = partner["kind"] if partner["kind"] in PARTNER_REFERRALS else "wijkteam"
            parent = kid.family.guardians[0].name
            age = (self.today - sent).days
            if age < 14:
                status = rng.choice(("verstuurd", "in_behandeling"))
            else:
                status = rng.choices(("afgerond", "in_behandeling", "verstuurd", "geweigerd"), (55, 25, 12, 8))[0]
            feedback, feedback_on = "", None
            if status == "afgerond":
                feedback = self.fill(PARTNER_FEEDBACK[kind], kid, ouder=parent)
                feedback_on = sent + timedelta(days=rng.randint(10, max(10, min(age - 1, 90))))
            elif status == "in_behandeling" and age >= 3 and rng.random() < 0.5:
                feedback = "Aanmelding ontvangen; intake wordt gepland."
                feedback_on = sent + timedelta(days=rng.randint(1, min(age - 1, 14)))
            elif status == "geweigerd":
                feedback = "Geen passend aanbod op dit moment; in overleg met ouders andere hulp gezocht."
                feedback_on = sent + timedelta(days=rng.randint(3, max(3, min(age, 30))))
            author = self.worker(loc)
            consent_on = sent - timedelta(days=rng.randint(0, 7)) if consent else None
            reason = rng.choice(PARTNER_REFERRALS[kind]) if track is None else TRACK_REFERRAL_REASONS[not consent]
            rows.append({
                "client_uuid": self.uuid(), "child_id": kid.id, "location_id": loc.id, "partner_id": partner["id"],
                "contact_name": partner["contact_name"],
                "reason": self.fill(reason, kid, ouder=parent),
                "consent_given": consent, "consent_by": parent if consent else "", "consent_on": consent_on,
                "meldcode_track_id": track["id"] if track is not None and not consent else None,
                "sent_on": sent, "feedback_due": sent + timedelta(days=42), "status": status,
                "feedback": feedback, "feedback_on": feedback_on, "created_by_id": author.id,
                "created_at": _at(sent, 13, rng.randint(0, 200)),
            })
            if consent:
                consents.append({"child_id": kid.id, "kind": "gegevens_delen", "given": True, "given_by": parent,
                                 "given_on": consent_on, "recorded_by_id": author.id})

        # Tracks that decided to organise help or to report lead to a referral.
        for t in tracks:
            if len(rows) >= target:
                break
            if t["status"] == "gesloten" and t["decision_help"]:
                sent = min(t["closed_at"].astimezone(AMS).date() + timedelta(days=rng.randint(0, 3)), self.yesterday)
                no_consent = bool(t["decision_report"]) and rng.random() < 0.5
                add(t["_kid"], self.loc_by_id(t["location_id"]), sent, t["_partner"], t, consent=not no_consent)
        pool = [k for k in self.signal_kids] + [k for k in self.kids if k.status == "actief"]
        kinds = [k for k in ("wijkteam", "jeugdhulp", "ggd", "jeugd_ggz", "school") if k in by_kind]
        guard = 0
        while len(rows) < target and pool and guard < target * 20:
            guard += 1
            kid = rng.choice(pool)
            w = self.presence(kid)
            if w is None:
                continue
            kind = rng.choices(kinds, [{"wijkteam": 35, "jeugdhulp": 25, "ggd": 10, "jeugd_ggz": 15,
                                        "school": 15}[k] for k in kinds])[0]
            partner = rng.choice(by_kind[kind])
            if kind == "school":
                partner = next((p for p in by_kind[kind] if p["name"] == kid.school), partner)
            # Without a meldcode decision to report, sharing needs the parents' consent.
            add(kid, kid.home, self.open_day_between(*w), partner, None, consent=True)
        self.insert(ReferralOut, rows)
        self.insert(Consent, consents)

