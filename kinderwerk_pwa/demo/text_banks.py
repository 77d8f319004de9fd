"""Text banks for the demo data (Dutch, factual, neutral, all invented): signals, referral
reasons, intake facts, conversations and agreements, meldcode steps, referrals out and feedback.
Placeholders: {kind} {hij} {Hij} {zijn} {Zijn} {hem} {ouder} {partner}.
"""

from __future__ import annotations

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
