"""Every text a user reads, in Dutch, in one place. No reflex import: the domain uses it too."""

APP_NAME = "Kinderwerk"
APP_TITLE = "Kinderwerk PWA"

# Navigation
NAV_VANDAAG = "Vandaag"
NAV_SIGNAAL = "Signaal"
NAV_GESPREKKEN = "Gesprekken"
NAV_KINDEREN = "Kinderen"
NAV_MEER = "Meer"
NAV_HOOFDMENU = "Hoofdmenu"
NAV_UITLOGGEN = "Uitloggen"

ROLE_LABELS = {
    "kinderwerker": "Kinderwerker",
    "aandachtsfunctionaris": "Aandachtsfunctionaris",
    "teamleider": "Teamleider",
    "beheerder": "Beheerder",
    "privacy": "Privacyfunctionaris",
}
LOCATION_KIND_LABELS = {
    "huiskamer": "Huiskamer",
    "school": "School",
    "speelpleinroute": "Speelpleinroute",
}
CHILD_STATUS_LABELS = {
    "bekend": "Bekend",
    "aangemeld": "Aangemeld",
    "wachtlijst": "Wachtlijst",
    "intake": "Intake",
    "actief": "Actief",
    "uitgestroomd": "Uitgestroomd",
}
WEEKDAYS = {1: "maandag", 2: "dinsdag", 3: "woensdag", 4: "donderdag", 5: "vrijdag", 6: "zaterdag", 7: "zondag"}
WEEKDAYS_SHORT = {1: "ma", 2: "di", 3: "wo", 4: "do", 5: "vr", 6: "za", 7: "zo"}
MONTHS = {
    1: "januari", 2: "februari", 3: "maart", 4: "april", 5: "mei", 6: "juni",
    7: "juli", 8: "augustus", 9: "september", 10: "oktober", 11: "november", 12: "december",
}

# Errors from the domain
GEEN_TOEGANG = "Je hebt geen toegang tot deze gegevens."
NIET_GEVONDEN = "Niet gevonden."
NIET_INGELOGD = "Je bent niet (meer) ingelogd. Log opnieuw in."

# Login
LOGIN_TITEL = "Inloggen"
LOGIN_INTRO = "Log in met je werkaccount."
LOGIN_EMAIL = "E-mailadres"
LOGIN_WACHTWOORD = "Wachtwoord"
LOGIN_KNOP = "Inloggen"
LOGIN_FOUT = "E-mailadres of wachtwoord klopt niet."
# After several failures the wait doubles each time (domain/toegang/throttle.py); {tijd}: wacht_tekst().
LOGIN_WACHTEN = "Te veel mislukte pogingen. Wacht {tijd} en probeer het dan opnieuw."
LOGIN_WACHTEN_EVEN = "Te veel mislukte pogingen. Wacht even en probeer het dan opnieuw."
LOGIN_VERLOPEN = "Je sessie is verlopen. Log opnieuw in."
LOGIN_DRUK = "Er loggen nu veel mensen tegelijk in. Probeer het over een paar seconden opnieuw."
LOGIN_UITGELOGD = "Je bent uitgelogd."
LOGIN_OIDC_KNOP = "Inloggen met je organisatie-account"
LOGIN_DEMO_TITEL = "Demo-accounts"
LOGIN_DEMO_UITLEG = "Alleen in demomodus. Wachtwoord voor alle demo-accounts:"

# Vandaag
VANDAAG_TITEL = "Vandaag"
VANDAAG_GROET = "Goedendag, {name}"
VANDAAG_JOUW_LOCATIES = "Jouw locaties vandaag"
VANDAAG_GEEN_LOCATIES = "Je bent nog niet aan een locatie gekoppeld. Vraag je beheerder om je toe te voegen."
VANDAAG_VERWACHT = "verwacht"
VANDAAG_CAPACITEIT = "capaciteit"
VANDAAG_INGESCHREVEN = "kinderen bekend"
VANDAAG_ACUUT = "Acute signalen"
VANDAAG_STAPELING = "Stapeling van signalen"
VANDAAG_TRAJECTEN = "Open meldcodetrajecten"
VANDAAG_TE_LAAT = "Te laat"
VANDAAG_GEEN_OPVANG = "geen huiskamer vandaag"

# Kinderen
KINDEREN_TITEL = "Kinderen"
KINDEREN_ZOEK = "Zoek een kind"
KINDEREN_LOCATIE = "Locatie"
KINDEREN_GEEN = "Geen kinderen gevonden."
KINDEREN_AANTAL = "{n} kinderen"

# Placeholders for the later parts of the app, shown honestly rather than faked.
NOG_NIET_BESCHIKBAAR = "Dit onderdeel wordt nog gebouwd."
GESPREKKEN_TITEL = "Gesprekken"
SIGNAAL_TITEL = "Signaal vastleggen"
MEER_TITEL = "Meer"
MEER_INGELOGD_ALS = "Ingelogd als"

# Passwords
WACHTWOORD_TE_KORT = "Kies een wachtwoord van minstens {n} tekens."
WACHTWOORD_TE_LANG = "Dit wachtwoord is te lang."
WACHTWOORD_TE_BEKEND = "Dit wachtwoord is te bekend of te eenvoudig. Kies een langere zin of een wachtwoord dat niemand raadt."
WACHTWOORD_EIGEN_NAAM = "Gebruik je naam of e-mailadres niet in je wachtwoord."

# Second factor
CODE_TITEL = "Code uit je authenticator-app"
CODE_UITLEG = "Open je authenticator-app en vul de code van 6 cijfers in."
CODE_LABEL = "Code van 6 cijfers"
CODE_KNOP = "Bevestigen"
CODE_FOUT = "Deze code klopt niet. Probeer de nieuwste code uit je app."
CODE_HERGEBRUIKT = ("Deze code is al gebruikt. Elke code werkt maar één keer: wacht tot je app een "
                    "nieuwe code toont (binnen 30 seconden) en vul die in.")
INSTELLEN_TITEL = "Tweestapsverificatie instellen"
INSTELLEN_UITLEG = ("Als {role} moet je inloggen met een tweede stap. Scan de QR-code met een "
                    "authenticator-app (bijvoorbeeld Microsoft Authenticator of Google Authenticator), "
                    "of typ de sleutel over. Vul daarna de code uit de app in.")
INSTELLEN_UITLEG_VRIJWILLIG = ("Scan de QR-code met een authenticator-app, of typ de sleutel over. "
                              "Vul daarna de code uit de app in. Voortaan vraagt Kinderwerk die code bij het inloggen.")
INSTELLEN_SLEUTEL = "Sleutel"
MEER_TWEESTAP = "Tweestapsverificatie"
MEER_TWEESTAP_AAN = "Tweestapsverificatie staat aan."
MEER_TWEESTAP_UIT = "Extra beveiliging: bij het inloggen ook een code uit een app op je telefoon."
MEER_TWEESTAP_KNOP = "Tweestapsverificatie instellen"
INSTELLEN_QR = "QR-code voor je authenticator-app"
TWEEDE_STAP_VERLOPEN = "Je inlogpoging is verlopen. Log opnieuw in."
TERUG_NAAR_INLOGGEN = "Terug naar inloggen"

# OIDC
LOGIN_OF = "of"
LOGIN_OIDC_FOUT = "Inloggen via je organisatie is niet gelukt. Probeer het opnieuw."


def wacht_tekst(seconds: int) -> str:
    """'1 seconde', '40 seconden', '2 minuten' (rounded up), for LOGIN_WACHTEN."""
    if seconds <= 1:
        return "1 seconde"
    if seconds < 60:
        return f"{seconds} seconden"
    minutes = -(-seconds // 60)
    return "1 minuut" if minutes == 1 else f"{minutes} minuten"


def wacht_melding(seconds_param: str) -> str:
    """The wait message for a `sec` query parameter (anything not a small number: no figure)."""
    if seconds_param.isdigit() and 0 < int(seconds_param) <= 3600:
        return LOGIN_WACHTEN.format(tijd=wacht_tekst(int(seconds_param)))
    return LOGIN_WACHTEN_EVEN
GEEN_ACCOUNT_TITEL = "Nog geen account"
GEEN_ACCOUNT_UITLEG = ("Je bent ingelogd bij je organisatie, maar je hebt nog geen account in Kinderwerk. "
                       "Vraag je beheerder om een account voor je aan te maken.")

# Beheer
NAV_BEHEER = "Beheer"
BEHEER_MEDEWERKERS = "Medewerkers"
BEHEER_LOCATIES = "Locaties"
BEHEER_NIEUWE_MEDEWERKER = "Nieuwe medewerker"
BEHEER_NIEUWE_LOCATIE = "Nieuwe locatie"
VELD_NAAM = "Naam"
VELD_EMAIL = "E-mailadres"
VELD_ROL = "Rol"
VELD_LOCATIES = "Locaties"
VELD_WACHTWOORD = "Eerste wachtwoord"
VELD_OIDC_SUBJECT = "Organisatie-account (OIDC subject)"
VELD_OIDC_SUBJECT_UITLEG = "Het vaste id van deze persoon bij jullie inlogdienst (niet het e-mailadres)."
VELD_SOORT = "Soort"
VELD_WIJK = "Wijk"
VELD_ADRES = "Adres"
VELD_CAPACITEIT = "Capaciteit (kinderen per dag)"
OPSLAAN = "Opslaan"
ANNULEREN = "Annuleren"
WIJZIGEN = "Wijzigen"
UITSCHAKELEN = "Uitschakelen"
TWEEDE_FACTOR_VERWIJDEREN = "2FA verwijderen"
TWEEDE_FACTOR_VERWIJDERD = ("Tweestapsverificatie verwijderd. Bij de volgende keer inloggen stelt deze "
                            "medewerker een nieuwe in.")
INSCHAKELEN = "Inschakelen"
ACTIEF = "Actief"
UITGESCHAKELD = "Uitgeschakeld"
OPGESLAGEN = "Opgeslagen."
FOUT_VERPLICHT = "Vul {veld} in."
FOUT_EMAIL_ONGELDIG = "Dit is geen geldig e-mailadres."
FOUT_EMAIL_BESTAAT = "Er is al een account met dit e-mailadres."
FOUT_OIDC_BESTAAT = "Dit organisatie-account is al aan iemand anders gekoppeld."
FOUT_ROL_ONGELDIG = "Kies een rol."
FOUT_LOCATIE_ONGELDIG = "Kies alleen locaties van jullie organisatie."
FOUT_INLOGMANIER = "Geef een eerste wachtwoord of een organisatie-account op."
FOUT_CAPACITEIT = "De capaciteit is een heel getal groter dan 0."
FOUT_SOORT_ONGELDIG = "Kies een soort locatie."
FOUT_ZELF_UITSCHAKELEN = "Je kunt je eigen account niet uitschakelen."

# Signaal vastleggen
SIGNAAL_KIES_KIND = "Over welk kind?"
SIGNAAL_ZOEK_KIND = "Zoek een kind op naam"
SIGNAAL_RECENT = "Recent gezien"
SIGNAAL_ONBEKEND_KIND = "Onbekend kind"
SIGNAAL_ONBEKEND_OMSCHRIJVING = "Omschrijving van het kind"
SIGNAAL_ONBEKEND_OMSCHRIJVING_HINT = "Bijvoorbeeld: jongen van ongeveer 8 met blauwe pet bij het klimrek"
SIGNAAL_ONBEKEND_LEEFTIJD = "Geschatte leeftijd"
SIGNAAL_LOCATIE = "Locatie"
SIGNAAL_ANDER_KIND = "Ander kind kiezen"
SIGNAAL_CATEGORIEEN = "Wat voor signaal?"
SIGNAAL_VOORBEELDEN = "Voorbeelden (tik om over te nemen)"
SIGNAAL_FEITEN = "Wat zag of hoorde je?"
SIGNAAL_FEITEN_HINT = "Alleen feiten: wat zag of hoorde je, wie zei wat?"
SIGNAAL_INTERPRETATIE = "Jouw interpretatie (optioneel)"
SIGNAAL_INTERPRETATIE_HINT = "Wordt getoond als jouw interpretatie, niet als feit."
SIGNAAL_BRON = "Bron"
SIGNAAL_BRONNEN = {"zelf_gezien": "Zelf gezien", "kind_vertelde": "Kind vertelde", "ouder": "Ouder", "anders": "Anders"}
SIGNAAL_PLAATS = "Plaats"
SIGNAAL_TIJD = "Wanneer"
SIGNAAL_ACUUT = "Acuut onveilig"
SIGNAAL_ACUUT_UITLEG = "Is het kind nu in direct gevaar? Bel meteen."
SIGNAAL_BEL_112 = "Bel 112"
SIGNAAL_BEL_VT = "Bel Veilig Thuis 0800-2000"
SIGNAAL_ACUUT_VERVOLG = "Het signaal komt bovenaan bij de aandachtsfunctionaris en de teamleider."
SIGNAAL_OPSLAAN = "Signaal opslaan"
SIGNAAL_OPGESLAGEN = "Signaal opgeslagen."
SIGNAAL_NOG_EEN = "Nog een signaal"
SIGNAAL_BEKIJK = "Bekijk signaal"
SIGNAAL_STAPELING = "{n} signalen in {dagen} dagen over {kind}. Overleg met de aandachtsfunctionaris (collegiale consultatie)."
SIGNAAL_INHOUD_AFGESCHERMD = "Zorgsignaal: inhoud alleen zichtbaar voor de auteur, de aandachtsfunctionaris en de teamleider."
SIGNAAL_OPEN_TRAJECT = "Er loopt een meldcodetraject. Vraag {eigenaar}."
SIGNAAL_CORRIGEREN = "Corrigeren"
SIGNAAL_CORRECTIE_REDEN = "Waarom corrigeer je?"
SIGNAAL_CORRECTIE_OPSLAAN = "Correctie opslaan"
SIGNAAL_VERSIE = "Versie {n}"
SIGNAAL_GESCHIEDENIS = "Eerdere versies"
SIGNAAL_INTERPRETATIE_VAN = "Interpretatie van {naam}"
SIGNAAL_TITEL_DETAIL = "Signaal"
SIGNAAL_KIND_ONBEKEND = "Onbekend kind: {omschrijving}"

FOUT_FEITEN_LEEG = "Vul in wat je zag of hoorde."
FOUT_FEITEN_TE_LANG = "Maximaal {n} tekens bij wat je zag of hoorde."
FOUT_INTERPRETATIE_TE_LANG = "Maximaal {n} tekens bij je interpretatie."
FOUT_TE_LANG = "Maximaal {n} tekens bij {veld}."
FOUT_GEEN_CATEGORIE = "Kies minstens één soort signaal."
FOUT_ONBEKENDE_CATEGORIE = "Onbekende soort signaal: {code}."
FOUT_TOEKOMST = "Het tijdstip ligt in de toekomst. Kies een tijd die al geweest is."
FOUT_TIJD_ONGELDIG = "Dit tijdstip kan ik niet lezen."
FOUT_GEEN_KIND = "Kies een kind, of kies 'Onbekend kind' en beschrijf het kind."
FOUT_BRON = "Kies de bron."
FOUT_LEEFTIJD = "De geschatte leeftijd is een getal tussen 0 en 18."
FOUT_LOCATIE = "Kies een van jouw locaties."
FOUT_KIND_NIET_BIJ_LOCATIE = "Dit kind hoort niet (meer) bij een van jouw locaties."
FOUT_CLIENT_UUID = "Ongeldig kenmerk van het signaal."
FOUT_REDEN_NODIG = "Geef een reden."

# Meldcode
MELDCODE_TITEL = "Meldcode"
MELDCODE_STAPPEN = {
    1: "Signalen in kaart brengen",
    2: "Collegiale consultatie",
    3: "Gesprek met ouders (en kind)",
    4: "Wegen met het afwegingskader",
    5: "Beslissen",
}
MELDCODE_VRAGEN = {
    1: "Is er een vermoeden van huiselijk geweld of kindermishandeling?",
    2: "Is er sprake van acute onveiligheid of structurele onveiligheid?",
    3: "Kan ik, of kunnen wij, passende hulp bieden of organiseren?",
    4: "Aanvaarden de betrokkenen de hulp en zijn zij bereid zich in te zetten?",
    5: "Leidt de hulp binnen de gewenste termijn tot de noodzakelijke veiligheid en duurzaam herstel?",
}
MELDCODE_UITKOMSTEN = {
    "afsluiten": "Geen vermoeden: sluit af en leg dit vast in het dossier.",
    "melden": "Melden bij Veilig Thuis is nodig.",
    "hulp": "Hulp bieden of organiseren; volg of de veiligheid duurzaam is. Niet melden.",
}
MELDCODE_START = "Meldcode starten"
MELDCODE_EIGENAAR = "Eigenaar"
MELDCODE_DEADLINE = "Uiterlijk"
MELDCODE_HUIDIGE_STAP = "Stap {n}: {naam}"
MELDCODE_MET_WIE = "Met wie?"
MELDCODE_CONCLUSIE = "Wat is besproken en geconcludeerd?"
MELDCODE_VT_ADVIES = "Advies van Veilig Thuis (optioneel)"
MELDCODE_OVERSLAAN = "Stap overslaan"
MELDCODE_OVERSLAAN_REDEN = "Waarom sla je deze stap over?"
MELDCODE_STAP_OPSLAAN = "Stap vastleggen"
MELDCODE_JA = "Ja"
MELDCODE_NEE = "Nee"
MELDCODE_BESLUIT_MELDEN = "Melden bij Veilig Thuis?"
MELDCODE_BESLUIT_HULP = "Hulp organiseren?"
MELDCODE_AFSLUITEN = "Traject afsluiten"
MELDCODE_DOORGAAN = "Traject loopt door (volgen)"
MELDCODE_GESLOTEN = "Afgesloten"
MELDCODE_OPEN = "Open"
MELDCODE_OVERGESLAGEN = "Overgeslagen: {reden}"
MELDCODE_UITKOMST = "Uitkomst afwegingskader"
MELDCODE_ACUUT = "Bij acuut gevaar: bel 112. Advies of melden: Veilig Thuis 0800-2000."

FOUT_STAP_VOLGORDE = "Deze stap is nu niet aan de beurt (huidige stap: {n})."
FOUT_STAP_NIET_OVERSLAAN = "Deze stap kun je niet overslaan."
FOUT_STAP_ROL = "Deze stap doet de aandachtsfunctionaris of de teamleider."
FOUT_TRAJECT_GESLOTEN = "Dit traject is afgesloten."
FOUT_AFWEGING_ONVOLLEDIG = "Beantwoord de vragen van het afwegingskader tot er een uitkomst is."
FOUT_AFWEGING_TE_VEEL = "Na de uitkomst volgen geen vragen meer."
FOUT_BESLUIT_NODIG = "Beantwoord beide besluiten: melden en hulp organiseren."
FOUT_MELDEN_VERPLICHT = "Het afwegingskader schrijft melden voor: kies 'Ja' bij melden."
FOUT_CONCLUSIE_NODIG = "Vul in wat er besproken en geconcludeerd is."
FOUT_DATUM = "Kies een geldige datum."
FOUT_DATUM_VERLEDEN = "Kies een datum vanaf vandaag."
FOUT_EIGENAAR = "Kies een collega van deze locatie als eigenaar."
MELDCODE_EIGENAAR_WIJZIGEN = "Eigenaar en termijn wijzigen"
MELDCODE_EIGENAAR_OPSLAAN = "Opslaan"

# Vandaag: huiskamer
HUISKAMER_VERWACHT = "Verwacht"
HUISKAMER_AANWEZIG = "Aanwezig"
HUISKAMER_OPGEHAALD = "Opgehaald"
HUISKAMER_AFWEZIG = "Afwezig"
HUISKAMER_CAPACITEIT = "Capaciteit"
HUISKAMER_ZOEK = "Zoek in de lijst"
HUISKAMER_INCHECKEN = "Aanwezig"
HUISKAMER_UITCHECKEN = "Ophalen / naar huis"
HUISKAMER_OPGEHAALD_DOOR = "Opgehaald door"
HUISKAMER_ANDERE_PERSOON = "Iemand anders (naam)"
HUISKAMER_ZELFSTANDIG = "Zelfstandig naar huis"
HUISKAMER_AFMELDEN = "Afgemeld"
HUISKAMER_AFMELD_REDEN = "Reden van afmelding"
HUISKAMER_AFWEZIG_ZONDER = "Afwezig zonder bericht"
HUISKAMER_ONGEDAAN = "Ongedaan maken"
HUISKAMER_EXTRA = "Kind toevoegen (extra dag)"
HUISKAMER_EXTRA_ZOEK = "Zoek een kind van deze locatie"
HUISKAMER_STEMMING = "Hoe gaat het vandaag?"
HUISKAMER_DOELMOMENT = "Leerdoel"
HUISKAMER_GING_GOED = "Ging goed"
HUISKAMER_NOG_NIET = "Nog niet"
HUISKAMER_SLUITEN = "Sluiten"
HUISKAMER_GEEN_VERWACHT = "Vandaag worden hier geen kinderen verwacht."
HUISKAMER_OUDER_BELLEN = "Ouder bellen"
HUISKAMER_ALLEEN_VANDAAG = "Aanwezigheid registreer je alleen voor vandaag."
HUISKAMER_ANDERE_DAG = "Je bekijkt een andere dag dan vandaag: alleen bekijken."
HUISKAMER_VERVOLG = "Vervolgacties"
HUISKAMER_STATUS = {
    "verwacht": "Verwacht",
    "aanwezig": "Aanwezig",
    "opgehaald": "Opgehaald",
    "zelfstandig": "Zelfstandig naar huis",
    "afgemeld": "Afgemeld",
    "afwezig": "Afwezig zonder bericht",
}
STEMMINGEN = {1: "Heel slecht", 2: "Slecht", 3: "Gaat wel", 4: "Goed", 5: "Heel goed"}
STEMMING_GEZICHTEN = {1: "😢", 2: "🙁", 3: "😐", 4: "🙂", 5: "😄"}

FOUT_NIET_ZELFSTANDIG = ("Let op: {kind} mag niet zelfstandig naar huis. De ouders hebben daar geen "
                         "toestemming voor gegeven. Laat het kind ophalen of bel de ouders.")
FOUT_NIET_AANWEZIG = "{kind} is nog niet ingecheckt."
FOUT_AL_AANWEZIG = "{kind} is al ingecheckt."
FOUT_AL_WEG = "{kind} is al naar huis."
FOUT_OPHALER_NODIG = "Kies wie {kind} ophaalt, of vul een naam in."
FOUT_NIET_VERWACHT = "{kind} wordt vandaag niet verwacht. Voeg het kind eerst toe als extra dag."
FOUT_DAG = "Alleen vandaag (of een dag van de afgelopen week) kan worden geregistreerd."
FOUT_ONGEDAAN = "Dit kan alleen op dezelfde dag ongedaan worden gemaakt."
FOUT_STEMMING = "Kies een gezichtje van 1 tot 5."
FOUT_SOORT = "Onbekende registratie."

AFSPRAAK_GEDAAN = "Gedaan"

# ---------------------------------------------------------------------------------------------
# Aanmelding, wachtlijst, intake, leerdoelen
# ---------------------------------------------------------------------------------------------
REFERRER_KIND_LABELS = {
    "ouder": "Ouder",
    "school": "School",
    "ggd": "GGD",
    "jeugd_ggz": "Jeugd-GGZ",
    "wijkagent": "Wijkagent",
    "wijkteam": "Wijkteam",
    "anders": "Anders",
}
REFERRAL_STATUS_LABELS = {
    "wachtlijst": "Wachtlijst",
    "intake": "Intake gehouden",
    "geplaatst": "Geplaatst",
    "afgewezen": "Afgewezen",
    "ingetrokken": "Ingetrokken",
}
GOAL_STATUS_LABELS = {"actief": "Actief", "behaald": "Behaald", "gestopt": "Gestopt"}
GOAL_MOMENT_LABELS = {True: "Ging goed", False: "Nog niet"}
CONSENT_KIND_LABELS = {
    "registratie": "Registratie van gegevens",
    "foto": "Foto's",
    "gegevens_delen": "Gegevens delen met ketenpartners",
}
FAMILY_NAME = "Gezin {achternaam}"
GUARDIAN_RELATION_DEFAULT = "ouder"
WACHTLIJST_DAGEN = "{n} dagen op de wachtlijst"

FOUT_KENMERK = "Ongeldig kenmerk van dit formulier. Laad de pagina opnieuw en probeer het nog eens."
FOUT_GEEN_HUISKAMER = "Aanmelden voor het dagarrangement kan alleen bij een huiskamer."
FOUT_VERWIJZER = "Kies wie het kind aanmeldt: ouder, school, GGD, jeugd-GGZ, wijkagent, wijkteam of anders."
FOUT_REDEN_AANMELDING = "Vul de reden van aanmelding in."
FOUT_DATUM_TOEKOMST = "Deze datum ligt in de toekomst. Kies een datum die al geweest is."
FOUT_GEBOORTEDATUM = "Vul een geldige geboortedatum in."
FOUT_LEEFTIJD_DAGARRANGEMENT = "Het dagarrangement is voor kinderen van 4 tot en met 12 jaar; dit kind is {leeftijd} jaar."
FOUT_TELEFOON = "Dit telefoonnummer kan ik niet lezen. Gebruik alleen cijfers, spaties, +, - en haakjes."
FOUT_KIND_AL_AANGEMELD = "Dit kind staat al op de wachtlijst van deze huiskamer."
FOUT_KIND_AL_GEPLAATST = "Dit kind is al geplaatst op deze huiskamer."
FOUT_AANMELDING_GESLOTEN = "Deze aanmelding is afgesloten ({status})."
FOUT_GEEN_LEERDOELEN = "Leg minstens één leerdoel vast dat je met ouder en kind hebt afgesproken."
FOUT_TE_VEEL_LEERDOELEN = "Kies bij de intake maximaal {n} leerdoelen; later toevoegen kan altijd."
FOUT_LEERDOEL_LEEG = "Een leerdoel mag niet leeg zijn."
FOUT_LEERDOEL_TE_LANG = "Maximaal {n} tekens per leerdoel."
FOUT_INTAKE_AL_GEDAAN = "De intake van deze aanmelding is al vastgelegd. Extra leerdoelen voeg je toe bij het kind."
FOUT_INTAKE_VOOR_AANMELDING = "De intake ligt vóór de datum van aanmelding ({datum})."
FOUT_EERST_INTAKE = "Houd eerst het intakegesprek voordat je het kind plaatst."
FOUT_GEEN_WEEKDAGEN = "Kies minstens één dag waarop het kind komt."
FOUT_WEEKDAG = "Kies alleen dagen van maandag tot en met vrijdag."
FOUT_START_VOOR_INTAKE = "De startdatum ligt vóór de intake ({datum})."
FOUT_GEEN_PLAATSING = "Dit kind heeft geen lopende plaatsing op deze locatie."
FOUT_EINDE_VOOR_START = "De einddatum ligt vóór de startdatum van de plaatsing ({datum})."
FOUT_REDEN_UITSTROOM = "Vul de reden van uitstroom in."
FOUT_REDEN_INTREKKEN = "Vul in waarom de aanmelding wordt ingetrokken."
FOUT_LEERDOEL_NIET_ACTIEF = "Dit leerdoel is niet actief. Zet het eerst weer op actief."
FOUT_GING_GOED = "Kies 'Ging goed' of 'Nog niet'."
FOUT_SCORE = "De score is een heel getal van 1 tot en met 5."
FOUT_LEERDOEL_STATUS = "Kies een status: actief, behaald of gestopt."
FOUT_BEHAALD_VOOR_START = "De datum ligt vóór de start van het leerdoel ({datum})."
FOUT_LEERDOEL_BESTAAT = "Dit kind heeft dit leerdoel al."
FOUT_ZELFSTANDIG_WIE = "Vul in welke ouder of verzorger toestemming gaf om zelfstandig naar huis te gaan."

# Pagina's: aanmeldingen en kinddossier
NAV_AANMELDINGEN = "Aanmeldingen en wachtlijst"
AANMELDINGEN_TITEL = "Aanmeldingen en wachtlijst"
AANMELDING_NIEUW = "Nieuwe aanmelding"
AANMELDING_LOCATIE = "Huiskamer"
AANMELDING_VERWIJZER = "Wie meldt aan?"
AANMELDING_VERWIJZER_NAAM = "Naam van de aanmelder (optioneel)"
AANMELDING_REDEN = "Reden van aanmelding"
AANMELDING_ONTVANGEN = "Ontvangen op"
AANMELDING_VOORNAAM = "Voornaam kind"
AANMELDING_ACHTERNAAM = "Achternaam kind"
AANMELDING_GEBOORTEDATUM = "Geboortedatum"
AANMELDING_SCHOOL = "School"
AANMELDING_GROEP = "Groep"
AANMELDING_WIJK = "Wijk"
AANMELDING_OUDER = "Naam ouder/verzorger"
AANMELDING_OUDER_RELATIE = "Relatie (moeder, vader, ...)"
AANMELDING_OUDER_TELEFOON = "Telefoon ouder/verzorger"
AANMELDING_OPSLAAN = "Aanmelding opslaan"
AANMELDING_OPGESLAGEN = "Aanmelding opgeslagen: het kind staat op de wachtlijst."
WACHTLIJST_TITEL = "Wachtlijst"
WACHTLIJST_LEEG = "Niemand op de wachtlijst."
INTAKE_KNOP = "Intake vastleggen"
INTAKE_DATUM = "Datum intakegesprek"
INTAKE_DOELEN = "Leerdoelen (één per regel): wat wil het kind hier leren?"
INTAKE_OPSLAAN = "Intake opslaan"
PLAATSEN_KNOP = "Plaatsen"
PLAATSEN_DAGEN = "Op welke dagen komt het kind?"
PLAATSEN_START = "Startdatum"
PLAATSEN_OPSLAAN = "Plaatsing opslaan"
INTREKKEN_KNOP = "Intrekken"
KIND_GEGEVENS = "Gegevens"
KIND_GEBOREN = "Geboren"
KIND_SCHOOL = "School en groep"
KIND_WIJK = "Wijk"
KIND_OUDERS = "Ouders/verzorgers"
KIND_OPHALERS = "Mag opgehaald worden door"
KIND_ZELFSTANDIG = "Zelfstandig naar huis"
KIND_ZELFSTANDIG_JA = "Ja, toestemming van {wie} op {datum}"
KIND_ZELFSTANDIG_NEE = "Nee, geen toestemming"
KIND_TOESTEMMINGEN = "Toestemmingen"
KIND_LOCATIES = "Locaties en dagen"
KIND_GEEN_TOESTEMMING = "Nog geen toestemming vastgelegd. Vraag de ouders bij het intakegesprek."
KIND_BROERS_ZUSSEN = "Broers en zussen"
KIND_LEERDOELEN = "Leerdoelen"
KIND_EVALUATIE = "Evaluatie (1 = nog niet, 5 = helemaal gelukt)"
KIND_EVALUATIE_OPSLAAN = "Evaluatie opslaan"
KIND_DOEL_BEHAALD = "Behaald"
KIND_UITSTROOM = "Uitstroom"
KIND_UITSTROOM_REDEN = "Reden van uitstroom"
KIND_UITSTROOM_OPSLAAN = "Uitstroom vastleggen"
KIND_GEEN_DOELEN = "Nog geen leerdoelen."
KIND_MOMENTEN = "Doelmomenten: {goed} keer ging goed, {niet} keer nog niet"

# ---------------------------------------------------------------------------------------------
# Oudergesprekken, afspraken, doorverwijzingen, ketenpartners
# ---------------------------------------------------------------------------------------------
CONVERSATION_KIND_LABELS = {
    "intake": "Intakegesprek",
    "evaluatie": "Evaluatiegesprek",
    "zorg": "Zorggesprek",
    "informeel": "Informeel gesprek",
    "huisbezoek": "Huisbezoek",
}
AGREEMENT_OWNER_LABELS = {"ouder": "Ouder", "kinderwerker": "Kinderwerker", "partner": "Ketenpartner"}
AGREEMENT_STATUS_LABELS = {"open": "Open", "gedaan": "Gedaan", "vervallen": "Vervallen"}
AFSPRAAK_EIGENAAR_JIJ = "Jij"
AFSPRAAK_EIGENAAR = "{soort}: {naam}"
PARTNER_KIND_LABELS = {
    "school": "School",
    "wijkteam": "Wijkteam",
    "jeugdhulp": "Jeugdhulp",
    "ggd": "GGD",
    "jeugd_ggz": "Jeugd-GGZ",
    "wijkagent": "Wijkagent",
    "veilig_thuis": "Veilig Thuis",
    "anders": "Anders",
}
REFERRAL_OUT_STATUS_LABELS = {
    "verstuurd": "Verstuurd",
    "in_behandeling": "In behandeling",
    "afgerond": "Afgerond",
    "geweigerd": "Geweigerd",
}
GESPREK_TIJDLIJN_TITEL = "Oudergesprek: {soort}"
GESPREK_TIJDLIJN_HUISHOUDEN = " · {huishouden}"
GESPREK_STAP3_CONCLUSIE = "Oudergesprek vastgelegd (zie gesprek)"
GESPREK_NIET_BESPROKEN = "Niet met de ouder besproken: {reden}"
GESPREK_AFGESCHERMD = "Er zijn ook gesprekken met dit gezin op een andere locatie. Vraag de collega's daar."
GESPREK_TRAJECT_KEUZE = "{kind}: meldcode stap {stap}"

FOUT_GESPREK_SOORT = "Kies het soort gesprek: intake, evaluatie, zorg, informeel of huisbezoek."
FOUT_GESPREK_GEEN_KIND = "Kies minstens één kind van dit gezin."
FOUT_GESPREK_GEEN_OUDER = "Kies minstens één ouder of verzorger met wie je sprak."
FOUT_GESPREK_KIND_ANDER_GEZIN = "Een gekozen kind hoort niet bij dit gezin."
FOUT_GESPREK_OUDER_ANDER_GEZIN = "Een gekozen ouder of verzorger hoort niet bij dit gezin."
FOUT_GESPREK_LOCATIE = "Kies een van jouw locaties waar een van deze kinderen bekend is."
FOUT_GESPREK_FEITEN_LEEG = "Vul in wat er besproken is: wat zei de ouder, wat zei jij?"
FOUT_GESPREK_NIET_BESPROKEN_REDEN = "Vul in waarom dit (nog) niet met de ouder besproken is."
FOUT_GESPREK_TRAJECT = ("Dit meldcodetraject hoort niet bij een van de gekozen kinderen, is afgesloten, "
                        "of is nog niet bij stap 3.")
FOUT_GESPREK_STAP3_NIET_TOEGESTAAN = ("Je mag stap 3 van dit meldcodetraject niet vastleggen. Vraag de eigenaar "
                                      "van het traject, of sla het gesprek op zonder koppeling aan de meldcode.")
FOUT_GESPREK_LEERDOEL = "Een gekozen leerdoel hoort niet bij de kinderen van dit gesprek."
FOUT_GESPREK_ID = "Deze keuze kan ik niet lezen."
FOUT_TE_VEEL_AFSPRAKEN = "Leg maximaal {n} afspraken per gesprek vast."
FOUT_AFSPRAAK_OMSCHRIJVING = "Vul in wat er is afgesproken."
FOUT_AFSPRAAK_EIGENAAR = "Kies wie de afspraak uitvoert: ouder, kinderwerker of ketenpartner."
FOUT_AFSPRAAK_PARTNER_NAAM = "Vul in welke ketenpartner de afspraak uitvoert."
FOUT_AFSPRAAK_MEDEWERKER = "Kies een collega van jullie organisatie als uitvoerder."
FOUT_AFSPRAAK_DATUM = "Kies de datum waarop de afspraak klaar moet zijn."
FOUT_AFSPRAAK_DATUM_VOOR_GESPREK = "De datum van de afspraak ligt vóór het gesprek."
FOUT_AFSPRAAK_STATUS = "Kies een status: open, gedaan of vervallen."
FOUT_AFSPRAAK_KENMERK_DUBBEL = "Twee afspraken hebben hetzelfde kenmerk. Laad de pagina opnieuw."

FOUT_PARTNER_KIES = "Kies een ketenpartner van jullie organisatie."
FOUT_PARTNER_SOORT = "Kies het soort ketenpartner."
FOUT_PARTNER_BESTAAT = "Deze ketenpartner staat al in de lijst."
FOUT_DOORVERWIJZING_REDEN = "Vul de reden van de doorverwijzing in."
FOUT_TOESTEMMING_WIE = "Vul in welke ouder of verzorger toestemming gaf om gegevens te delen."
FOUT_TOESTEMMING_DATUM = "Vul de datum in waarop de ouder toestemming gaf."
FOUT_DELEN_ZONDER_TOESTEMMING = (
    "Zonder toestemming van de ouders deel je geen gegevens met een ketenpartner. Dat mag alleen als "
    "het volgt uit het meldcodebesluit om te melden (stap 5). Vraag eerst toestemming, of koppel het "
    "meldcodetraject met dat besluit.")
FOUT_DOORVERWIJZING_TRAJECT = "Dit meldcodetraject hoort niet bij dit kind."
FOUT_TERUGKOPPELING_TERMIJN = "De datum voor terugkoppeling ligt vóór de datum van versturen."
FOUT_DOORVERWIJZING_STATUS = "Kies een status: verstuurd, in behandeling, afgerond of geweigerd."
FOUT_TERUGKOPPELING_VOOR_VERSTUURD = "De datum van de terugkoppeling ligt vóór het versturen ({datum})."
REFERRAL_TRACK_KEUZE = "Meldcodetraject van {datum}: besluit melden"
GESPREK_STAP3_VASTGELEGD = "Stap 3 van de meldcode (gesprek met ouders) is vastgelegd."

# Pagina's: gesprekken, gezin, ketenpartners
GESPREKKEN_MIJN_AFSPRAKEN = "Mijn afspraken"
GESPREKKEN_GEEN_AFSPRAKEN = "Geen open afspraken."
GESPREKKEN_ZOEK_GEZIN = "Zoek een gezin (naam van kind of gezin)"
GESPREKKEN_GEZINNEN = "Gezinnen"
AFSPRAAK_TE_LAAT = "te laat"
AFSPRAAK_UITERLIJK = "uiterlijk {datum}"
VANDAAG_AFSPRAKEN = "Afspraken voor vandaag en te laat"
GEZIN_KINDEREN = "Kinderen"
GEZIN_OUDERS = "Ouders/verzorgers"
GEZIN_GESPREKKEN = "Gesprekken"
GEZIN_AFSPRAKEN = "Afspraken"
GEZIN_NIEUW_GESPREK = "Nieuw gesprek"
GESPREK_OUDERS = "Met wie (ouder/verzorger)?"
GESPREK_KINDEREN = "Over welk kind?"
GESPREK_SOORT = "Soort gesprek"
GESPREK_WANNEER = "Wanneer"
GESPREK_PLAATS = "Plaats"
GESPREK_ONDERWERPEN = "Onderwerpen (komma's ertussen)"
GESPREK_FEITEN = "Samenvatting: wat is besproken? (feiten)"
GESPREK_INTERPRETATIE = "Jouw interpretatie (optioneel)"
GESPREK_BESPROKEN = "Wat ik vastleg is met de ouder besproken"
GESPREK_NIET_BESPROKEN_REDEN = "Waarom niet besproken?"
GESPREK_TRAJECT = "Hoort bij meldcodetraject (optioneel)"
GESPREK_GEEN_TRAJECT = "Geen"
GESPREK_LEERDOELEN = "Leerdoelen die dit gesprek evalueert (optioneel)"
GESPREK_AFSPRAAK = "Afspraak {n}"
GESPREK_AFSPRAAK_WAT = "Wat is afgesproken?"
GESPREK_AFSPRAAK_WIE = "Wie doet het?"
GESPREK_AFSPRAAK_NAAM = "Naam (ouder of ketenpartner)"
GESPREK_AFSPRAAK_WANNEER = "Uiterlijk"
GESPREK_OPSLAAN = "Gesprek opslaan"
GESPREK_OPGESLAGEN = "Gesprek opgeslagen."
GESPREK_BESPROKEN_JA = "Besproken met ouder"
GESPREK_BESPROKEN_NEE = "Niet besproken: {reden}"
DOORVERWIJZEN_TITEL = "Doorverwijzingen"
DOORVERWIJZEN_NIEUW = "Doorverwijzen"
DOORVERWIJZEN_KIND = "Kind"
DOORVERWIJZEN_PARTNER = "Naar welke ketenpartner?"
DOORVERWIJZEN_CONTACT = "Contactpersoon (optioneel)"
DOORVERWIJZEN_REDEN = "Reden van doorverwijzing"
DOORVERWIJZEN_TOESTEMMING = "De ouder geeft toestemming om gegevens te delen"
DOORVERWIJZEN_TOESTEMMING_WIE = "Toestemming gegeven door"
DOORVERWIJZEN_TOESTEMMING_DATUM = "Datum toestemming"
DOORVERWIJZEN_TRAJECT = "Volgt op besluit tot melden (meldcodetraject)"
DOORVERWIJZEN_TERUG = "Terugkoppeling verwacht op (optioneel)"
DOORVERWIJZEN_OPSLAAN = "Doorverwijzing opslaan"
DOORVERWIJZEN_STATUS = "Status"
DOORVERWIJZEN_TERUGKOPPELING = "Terugkoppeling"
DOORVERWIJZEN_TERUG_OPSLAAN = "Terugkoppeling opslaan"
DOORVERWIJZEN_TE_LAAT = "terugkoppeling te laat"
PARTNERS_TITEL = "Ketenpartners"
PARTNERS_NIEUW = "Nieuwe ketenpartner"
PARTNER_NAAM = "Organisatie"
PARTNER_SOORT = "Soort"
PARTNER_CONTACT = "Contactpersoon"
PARTNER_TELEFOON = "Telefoon"
PARTNER_EMAIL = "E-mail"

# Offline vastleggen
OFFLINE_ANDER_ACCOUNT = "Vastgelegd onder een ander account; niet verzonden."
OFFLINE_ONBEKEND_TYPE = "Onbekend soort item."
OFFLINE_OUDE_VERSIE = "Deze versie van de app is verouderd. Herlaad de pagina."

# Rapportage en overzicht
OVERZICHT_TITEL = "Teamoverzicht"
OVERZICHT_VERWACHT = "verwacht"
OVERZICHT_AANWEZIG = "nu aanwezig"
OVERZICHT_GEKOMEN = "vandaag geweest"
OVERZICHT_CAPACITEIT = "capaciteit"
OVERZICHT_TRAJECTEN = "Open meldcodetrajecten"
OVERZICHT_TRAJECT_LEEFTIJD = "{n} dagen open"
OVERZICHT_TE_LAAT = "te laat"
OVERZICHT_ACUUT = "Acute signalen (30 dagen)"
OVERZICHT_STAPELING = "Stapeling van signalen"
OVERZICHT_AFSPRAKEN_TE_LAAT = "Afspraken over de datum"
OVERZICHT_TERUGKOPPELING_TE_LAAT = "Terugkoppeling te laat"
OVERZICHT_WACHTLIJST = "Wachtlijst"
OVERZICHT_LANGSTE_WACHTTIJD = "langste wachttijd {dagen} dagen"
OVERZICHT_BEKIJK_LIJST = "Bekijk de lijst"
RAPPORT_TITEL = "Rapportage"
RAPPORT_VAN = "Van"
RAPPORT_TOT = "Tot en met"
RAPPORT_KIES_LOCATIES = "Locaties"
RAPPORT_MAKEN = "Rapportage maken"
RAPPORT_EXPORT_XLSX = "Download als Excel (.xlsx)"
RAPPORT_EXPORT_CSV = "Download als CSV"
RAPPORT_GEEN_LOCATIES = "Kies minstens één locatie."
RAPPORT_PERIODE_ONGELDIG = "Kies een einddatum die niet voor de begindatum ligt."
RAPPORT_PERIODE = "Periode: {van} tot en met {tot}"
RAPPORT_LOCATIES = "Locaties: {locaties}"
RAPPORT_UITLEG_KLEINE_AANTALLEN = (
    "Privacy: aantallen van 1 tot en met 4 staan er als <5. Is daardoor precies één aantal in een tabel "
    "verborgen, dan is ook het kleinste andere aantal verborgen (of het totaal, te zien als x), zodat "
    "niets uit het totaal terug te rekenen is. Redenen van uitstroom die minder dan 5 keer voorkomen staan samen onder "
    "'Overige redenen'.")
RAPPORT_TOELICHTING = "Toelichting"
RAPPORT_BESTANDSNAAM = "rapportage"
RAPPORT_KLEIN_AANTAL = "<5"
RAPPORT_VERBORGEN = "x"  # CBS-gebruik: x = geheim; – betekent daar nul
RAPPORT_TOTAAL = "Totaal"
RAPPORT_ONBEKEND = "Onbekend"
RAPPORT_OVERIGE_REDENEN = "Overige redenen"
RAPPORT_LEEFTIJDSGROEP = "{van}-{tot} jaar"
RAPPORT_LEEFTIJD_OVERIG = "Overig"
RAPPORT_MELDCODE_GEMELD = "Gemeld bij Veilig Thuis"
RAPPORT_MELDCODE_HULP = "Hulp georganiseerd"
RAPPORT_MELDCODE_GEEN = "Afgesloten zonder melding of hulp"
RAPPORT_T_KERNCIJFERS = "Kerncijfers"
RAPPORT_T_BEREIK_WIJK = "Bereik per wijk"
RAPPORT_T_BEREIK_LEEFTIJD = "Bereik per leeftijd"
RAPPORT_T_AANWEZIGHEID = "Aanwezigheid per locatie"
RAPPORT_T_AANMELDINGEN = "Aanmeldingen per verwijzer"
RAPPORT_T_INTAKES = "Intakes per locatie"
RAPPORT_T_UITSTROOM = "Uitstroom per reden"
RAPPORT_T_WACHTLIJST = "Wachtlijst op de einddatum"
RAPPORT_T_SIGNALEN = "Signalen per categorie"
RAPPORT_T_MELDCODE = "Meldcode afgesloten trajecten"
RAPPORT_T_DOORVERWIJZINGEN = "Doorverwijzingen per partner"
RAPPORT_T_LEERDOELEN = "Leerdoelen per locatie"
RAPPORT_K_ONDERWERP = "Onderwerp"
RAPPORT_K_AANTAL = "Aantal"
RAPPORT_K_WIJK = "Wijk"
RAPPORT_K_KINDEREN = "Kinderen"
RAPPORT_K_LEEFTIJD = "Leeftijdsgroep"
RAPPORT_K_LOCATIE = "Locatie"
RAPPORT_K_AANWEZIGHEIDSDAGEN = "Aanwezigheidsdagen"
RAPPORT_K_OPENDAGEN = "Dagen met aanwezigheid"
RAPPORT_K_GEMIDDELD = "Gemiddeld per dag"
RAPPORT_K_CAPACITEIT = "Capaciteit"
RAPPORT_K_BEZETTING = "Bezetting (%)"
RAPPORT_K_VERWIJZER = "Verwijzer"
RAPPORT_K_AANMELDINGEN = "Aanmeldingen"
RAPPORT_K_INTAKES = "Intakes"
RAPPORT_K_REDEN = "Reden"
RAPPORT_K_PLAATSINGEN = "Beëindigde plaatsingen"
RAPPORT_K_WACHTLIJST = "Op de wachtlijst"
RAPPORT_K_CATEGORIE = "Categorie"
RAPPORT_K_SIGNALEN = "Signalen"
RAPPORT_K_UITKOMST = "Uitkomst"
RAPPORT_K_TRAJECTEN = "Trajecten"
RAPPORT_K_PARTNER = "Ketenpartner"
RAPPORT_K_DOORVERWIJZINGEN = "Doorverwijzingen"
RAPPORT_K_TERUGKOPPELING = "Terugkoppeling ontvangen"
RAPPORT_K_GESTART = "Gestart"
RAPPORT_K_BEHAALD = "Behaald"
RAPPORT_R_BEREIK = "Bereik (unieke kinderen aanwezig)"
RAPPORT_R_AANWEZIGHEIDSDAGEN = "Aanwezigheidsdagen"
RAPPORT_R_AANMELDINGEN = "Nieuwe aanmeldingen"
RAPPORT_R_INTAKES = "Intakes"
RAPPORT_R_UITSTROOM = "Uitstroom (beëindigde plaatsingen)"
RAPPORT_R_WACHTLIJST = "Wachtlijst op de einddatum"
RAPPORT_R_SIGNALEN = "Signalen"
RAPPORT_R_TRAJECTEN = "Meldcodetrajecten afgesloten"
RAPPORT_R_DOORVERWIJZINGEN = "Doorverwijzingen"
RAPPORT_R_TERUGKOPPELING = "Doorverwijzingen met terugkoppeling"
RAPPORT_R_LEERDOELEN_GESTART = "Leerdoelen gestart"
RAPPORT_R_LEERDOELEN_BEHAALD = "Leerdoelen behaald"
RAPPORT_TREND_AANWEZIGHEID = "Aanwezigheid per week"
RAPPORT_TREND_SIGNALEN = "Signalen per maand"
RAPPORT_TREND_LEERDOELEN = "Leerdoelen vooruitgegaan (aandeel)"
RAPPORT_TREND_LEERDOELEN_GEEVALUEERD = "Leerdoelen geëvalueerd"
RAPPORT_TREND_WACHTLIJST = "Wachtlijst aan het eind van de maand"

# Pagina's: overzicht en rapportage
NAV_OVERZICHT = "Overzicht"
OVERZICHT_VANDAAG = "Vandaag: {verwacht} verwacht, {aanwezig} aanwezig"
RAPPORT_PRINT = "Afdrukken / PDF"
RAPPORT_TRENDS = "Aanwezigheid per week"

# ---------------------------------------------------------------------------------------------
# Activiteiten en bereik (open werk op pleinen, speeltuinen en scholen; domain/activiteiten,
# domain/rapportage/activity_reach.py)
# ---------------------------------------------------------------------------------------------
ACTIVITEIT_STATUS_LABELS = {"gepland": "Gepland", "gerealiseerd": "Gerealiseerd",
                            "geannuleerd": "Geannuleerd", "verplaatst": "Verplaatst"}
ACTIVITEIT_HERHALING_LABELS = {"eenmalig": "Eenmalig", "wekelijks": "Elke week"}
ACTIVITEIT_PLEK_LABELS = {"": "Op de locatie", "schoolplein": "Schoolplein", "speeltuin": "Speeltuin",
                          "plein": "Plein", "sporthal": "Sporthal", "buurthuis": "Buurthuis",
                          "jeugdland": "Jeugdland", "anders": "Andere plek"}
ACTIVITEIT_LEEFTIJD_LABELS = {"4-6": "4-6 jaar", "7-9": "7-9 jaar", "10-12": "10-12 jaar"}
ACTIVITEIT_GESLACHT_LABELS = {"jongen": "Jongen", "meisje": "Meisje", "anders": "Anders/onbekend"}
FOUT_ACTIVITEIT_TITEL = "Vul de naam van de activiteit in."
FOUT_ACTIVITEIT_SOORT = "Kies een soort activiteit uit de lijst."
FOUT_ACTIVITEIT_THEMA = "Onbekend thema: {code}. Kies de thema's uit de lijst."
FOUT_ACTIVITEIT_PLEK = ("Kies waar de activiteit is: op de locatie, schoolplein, speeltuin, plein, sporthal, "
                        "buurthuis, jeugdland of een andere plek.")
FOUT_ACTIVITEIT_PLEK_NAAM = "Vul de naam of het adres van de plek in."
FOUT_ACTIVITEIT_TIJD = "Deze tijd kan ik niet lezen. Gebruik uu:mm, bijvoorbeeld 15:30."
FOUT_ACTIVITEIT_EIND_VOOR_BEGIN = "De eindtijd ligt vóór de begintijd. Kies een eindtijd na de begintijd."
FOUT_ACTIVITEIT_TOT_VOOR_VAN = "De laatste datum ligt vóór de eerste datum."
FOUT_ACTIVITEIT_VER_VOORUIT = "Deze datum ligt meer dan een jaar vooruit. Plan hooguit een jaar vooruit."
FOUT_ACTIVITEIT_PERIODE_TE_LANG = "Een reeks duurt hooguit een jaar. Plan daarna een nieuwe reeks."
FOUT_ACTIVITEIT_HERHALING = "Kies eenmalig of elke week."
FOUT_ACTIVITEIT_AANTAL_GEPLAND = "Het geplande aantal kinderen is een heel getal van 0 tot en met {n}."
FOUT_ACTIVITEIT_PARTNER = "Kies een school of ketenpartner van jullie organisatie."
FOUT_ACTIVITEIT_UITVOERDER = "Kies een collega van deze locatie die de activiteit uitvoert."
FOUT_ACTIVITEIT_KIES = "Kies een activiteit."
FOUT_ACTIVITEIT_STATUS = "Kies wat er met de activiteit gebeurde: gerealiseerd, geannuleerd of verplaatst."
FOUT_ACTIVITEIT_AL_GEREGISTREERD = "Deze activiteit is al geregistreerd ({status})."
FOUT_ACTIVITEIT_TOEKOMST = ("Deze activiteit is nog niet geweest. Registreer wie er kwam op de dag zelf of "
                            "daarna.")
FOUT_ACTIVITEIT_TURF_NEGATIEF = "Een aantal kinderen kan niet negatief zijn ({groep})."
FOUT_ACTIVITEIT_TURF_ONGELDIG = ("Turf per leeftijd (4-6, 7-9, 10-12 jaar) en jongen, meisje of "
                                 "anders/onbekend, met hele getallen.")
FOUT_ACTIVITEIT_TURF_TE_GROOT = "Meer dan {n} kinderen in één vakje? Controleer de telling."
FOUT_ACTIVITEIT_KIND_ID = "Een gekozen kind kan ik niet lezen."
FOUT_ACTIVITEIT_REDEN_ANNULEREN = "Vul in waarom de activiteit niet doorging."
FOUT_ACTIVITEIT_NIEUWE_DATUM = "Kies de nieuwe datum van de activiteit."
FOUT_ACTIVITEIT_NIEUWE_DATUM_ZELFDE = "De nieuwe datum is dezelfde als de oude. Kies een andere datum."
FOUT_ACTIVITEIT_AFGELAST_MET_KINDEREN = ("Een geannuleerde of verplaatste activiteit heeft geen aanwezigen. "
                                         "Haal de kinderen en de telling weg.")
FOUT_ACTIVITEIT_OBSERVATIE_THEMA = "Een observatie hoort bij een thema van deze activiteit ({code} is dat niet)."
FOUT_ACTIVITEIT_MAAND = "Kies een geldige maand."
BEREIK_ACT_R_GEPLAND = "Activiteiten gepland"
BEREIK_ACT_R_GEREALISEERD = "Activiteiten gerealiseerd"
BEREIK_ACT_R_GEANNULEERD = "Activiteiten geannuleerd"
BEREIK_ACT_R_VERPLAATST = "Activiteiten verplaatst"
BEREIK_ACT_R_NIET_GEREGISTREERD = "Activiteiten nog niet geregistreerd"
BEREIK_ACT_R_UNIEK = "Bereik: unieke geregistreerde kinderen"
BEREIK_ACT_R_CONTACTEN_GEREGISTREERD = "Contacten met geregistreerde kinderen"
BEREIK_ACT_R_CONTACTEN_ANONIEM = "Contacten met niet-geregistreerde kinderen (turflijst)"
BEREIK_ACT_R_CONTACTEN = "Contacten totaal"
BEREIK_ACT_R_KINDEREN_GEPLAND = "Kinderen gepland"
BEREIK_ACT_T_KERNCIJFERS = "Activiteiten in cijfers"
BEREIK_ACT_T_TURF = "Turf per leeftijd en geslacht"
BEREIK_ACT_T_WIJK = "Activiteiten per wijk"
BEREIK_ACT_T_SOORT = "Activiteiten per soort"
BEREIK_ACT_T_THEMA = "Activiteiten per thema"
BEREIK_ACT_T_PVR_LOCATIE = "Plan en realisatie per locatie"
BEREIK_ACT_T_PVR_SOORT = "Plan en realisatie per soort"
BEREIK_ACT_T_PVR_MAAND = "Plan en realisatie per maand"
BEREIK_ACT_K_LEEFTIJD = "Leeftijd"
BEREIK_ACT_K_WIJK = "Wijk"
BEREIK_ACT_K_SOORT = "Soort activiteit"
BEREIK_ACT_K_THEMA = "Thema"
BEREIK_ACT_K_LOCATIE = "Locatie"
BEREIK_ACT_K_MAAND = "Maand"
BEREIK_ACT_K_ACTIVITEITEN = "Activiteiten gerealiseerd"
BEREIK_ACT_K_UNIEK = "Unieke geregistreerde kinderen"
BEREIK_ACT_K_ANONIEM = "Niet-geregistreerde kinderen"
BEREIK_ACT_K_CONTACTEN = "Contacten"
BEREIK_ACT_K_GEPLAND = "Gepland"
BEREIK_ACT_K_GEREALISEERD = "Gerealiseerd"
BEREIK_ACT_K_GEANNULEERD = "Geannuleerd"
BEREIK_ACT_K_NIET_GEREGISTREERD = "Nog niet geregistreerd"
BEREIK_ACT_K_KINDEREN_GEPLAND = "Kinderen gepland"
BEREIK_ACT_K_KINDEREN_BEREIKT = "Kinderen bereikt (contacten)"
BEREIK_ACT_MAAND = "{maand} {jaar}"
BEREIK_ACT_UITLEG = (
    "Gepland telt elke activiteit in de periode behalve verplaatste (die tellen op hun nieuwe datum). "
    "Bereik en contacten komen alleen uit gerealiseerde activiteiten: een contact is een kind bij één "
    "activiteit, geregistreerd of geturfd. Unieke kinderen tellen alleen geregistreerde kinderen, één keer "
    "per kind. Aantallen kinderen van 1 tot en met 4 staan er als <5.")
# Table titles above are also XLSX sheet names: at most 31 characters, none of []:*?/\

# Pagina's: activiteiten (pages/activiteiten/), Vandaag, overzicht en rapportage
NAV_ACTIVITEITEN = "Activiteiten"
ACTIVITEITEN_TITEL = "Activiteiten"
ACTIVITEITEN_MAAND_TITEL = "Activiteiten per maand"
ACTIVITEITEN_VANDAAG = "Activiteiten vandaag"
ACTIVITEITEN_ALLE = "Alle activiteiten"
ACTIVITEITEN_LOCATIE = "Locatie"
ACTIVITEITEN_ALLE_LOCATIES = "Alle locaties"
ACTIVITEITEN_VORIGE_WEEK = "Vorige week"
ACTIVITEITEN_VOLGENDE_WEEK = "Volgende week"
ACTIVITEITEN_DEZE_WEEK = "Deze week"
ACTIVITEITEN_DEZE_MAAND = "Deze maand"
ACTIVITEITEN_VORIGE_MAAND = "Vorige maand"
ACTIVITEITEN_VOLGENDE_MAAND = "Volgende maand"
ACTIVITEITEN_WEEK = "Week {nr}: {van} tot en met {tot}"
ACTIVITEITEN_GEEN_WEEK = "Geen activiteiten in deze week."
ACTIVITEITEN_GEEN_MAAND = "Geen activiteiten in deze maand."
ACTIVITEITEN_GEEN_LOCATIES = "Je bent nog niet aan een locatie gekoppeld."
ACTIVITEITEN_NAAR_MAAND = "Maandoverzicht"
ACTIVITEITEN_NAAR_WEEK = "Weekoverzicht"
ACTIVITEITEN_PLANNEN = "Activiteit plannen"
ACTIVITEITEN_VANDAAG_LABEL = "vandaag"
ACTIVITEIT_NIET_GEREGISTREERD = "Nog niet geregistreerd"
ACTIVITEIT_VERPLAATST_NAAR = "verplaatst naar {dag}"
ACTIVITEIT_GEPLAND_AANTAL = "{n} kinderen gepland"
ACTIVITEIT_BEREIKT = "{kinderen} geregistreerd, {anoniem} geturfd"
ACTIVITEIT_DOOR = "door {naam}"
# Plannen
PLAN_TITEL = "Activiteit plannen"
PLAN_LOCATIE = "Locatie (team)"
PLAN_NAAM = "Naam van de activiteit"
PLAN_NAAM_VOORBEELD = "Bijv. voetbal op het Cruijffcourt"
PLAN_SOORT = "Soort activiteit"
PLAN_PLEK = "Waar is het?"
PLAN_PLEK_NAAM = "Naam of adres van de plek"
PLAN_PLEK_HINT = "Alleen invullen als het niet op de locatie zelf is."
PLAN_WIJK = "Wijk van de plek"
PLAN_WIJK_HINT = "Leeg laten: de wijk van de locatie."
PLAN_PARTNER = "School of partner"
PLAN_GEEN_PARTNER = "Geen"
PLAN_DATUM = "Datum"
PLAN_BEGIN = "Begintijd"
PLAN_EIND = "Eindtijd"
PLAN_HERHALING = "Hoe vaak?"
PLAN_TOT = "Elke week tot en met"
PLAN_TOT_HINT = "Alleen bij elke week; op dezelfde weekdag als de datum."
PLAN_THEMAS = "Thema's (doelen)"
PLAN_AANTAL = "Gepland aantal kinderen"
PLAN_UITVOERDER = "Wie voert het uit?"
PLAN_OPSLAAN = "Activiteit plannen"
PLAN_OPGESLAGEN = "Gepland: {titel}, {n} keer."
PLAN_NOG_EEN = "Nog een activiteit plannen"
PLAN_NAAR_WEEK = "Naar het weekoverzicht"
PLAN_WIJZIG_TITEL = "Activiteit wijzigen"
PLAN_WIJZIG_UITLEG = ("Wat je hier wijzigt geldt voor de keren vanaf vandaag die nog niet zijn geregistreerd. "
                      "Eerdere en al geregistreerde keren blijven zoals ze waren.")
PLAN_WIJZIG_OPSLAAN = "Wijzigingen opslaan"
PLAN_GEWIJZIGD = "Gewijzigd: {titel}. {nieuw} nieuwe datum(s), {weg} vervallen."
SHEET_REEKS_WIJZIGEN = "Planning wijzigen"
# Afvinken in het veld (/activiteit/[id])
SHEET_TITEL = "Activiteit"
SHEET_KINDEREN = "Ingeschreven kinderen"
SHEET_KINDEREN_UITLEG = "Tik op elk kind dat er is; nog een keer tikken haalt het weg."
SHEET_AANWEZIG = "aanwezig"
SHEET_NIET_AANWEZIG = "tik: aanwezig"
SHEET_KWAM_EERDER = "kwam eerder"
SHEET_ZOEK = "Zoek een kind van deze locatie"
SHEET_ALLE_KINDEREN = "Alle kinderen van de locatie tonen"
SHEET_GEEN_KINDEREN = "Er zijn nog geen kinderen bekend bij deze locatie."
SHEET_TURF = "Niet-ingeschreven kinderen turven"
SHEET_TURF_UITLEG = "Tik + per kind, of typ het aantal in het vakje."
SHEET_EEN_MEER = "{groep}, één meer"
SHEET_EEN_MINDER = "{groep}, één minder"
SHEET_AANTAL = "{groep}, aantal"
SHEET_SAMEN = "Samen:"
SHEET_SAMEN_INGESCHREVEN = "ingeschreven"
SHEET_SAMEN_GETURFD = "geturfd"
SHEET_NOTITIE = "Korte notitie: wat gebeurde er? (optioneel)"
SHEET_NOTITIE_KORT = "Notitie"
SHEET_OBSERVATIES = "Observatie per thema (optioneel)"
SHEET_GEREALISEERD = "Gerealiseerd"
SHEET_GEANNULEERD = "Geannuleerd"
SHEET_VERPLAATST = "Verplaatst"
SHEET_ANDERS = "Ging het niet door?"
SHEET_REDEN = "Waarom ging het niet door?"
SHEET_REDEN_VERPLAATST = "Waarom verplaatst? (optioneel)"
SHEET_ANNULEREN_OPSLAAN = "Opslaan als geannuleerd"
SHEET_NIEUWE_DATUM = "Nieuwe datum"
SHEET_NIEUWE_BEGIN = "Nieuwe begintijd (leeg: zelfde tijd)"
SHEET_NIEUWE_EIND = "Nieuwe eindtijd (leeg: zelfde tijd)"
SHEET_VERPLAATSEN_OPSLAAN = "Opslaan als verplaatst"
SHEET_TERUG = "Terug"
SHEET_SIGNAAL = "Signaal vastleggen (ook over een onbekend kind)"
SHEET_OPGESLAGEN = "Opgeslagen: {status}."
SHEET_GEREGISTREERD = "Geregistreerd: {status}."
SHEET_NOG_NIET = "Deze activiteit is nog niet geweest. Wie er kwam registreer je op de dag zelf."
SHEET_NAAR_WEEK = "Naar de week"
# Teamleider: overzicht en rapportage
OVERZICHT_ACTIVITEITEN = "Activiteiten deze week"
OVERZICHT_ACTIVITEITEN_OPEN = "Nog niet geregistreerd"
OVERZICHT_ACTIVITEITEN_WEEK = "Deze week"
OVERZICHT_ACTIVITEITEN_GEEN = "Geen activiteiten deze week."
OVERZICHT_ACTIVITEITEN_ALLES = "Alle afgelopen activiteiten zijn geregistreerd."
RAPPORT_ACTIVITEITEN = "Activiteiten en bereik"

# ==================================================================================================
# Privacy (issue 13, deel privacyfunctionaris): inzage (AVG art. 15) en het logboek (NEN 7513).
# ==================================================================================================
NAV_PRIVACY = "Privacy"
PRIVACY_INZAGE_TITEL = "Inzageverzoek"
PRIVACY_INZAGE_UITLEG = (
    "Zoek het kind waarover een ouder inzage vraagt. Je downloadt alles wat over het kind en het "
    "gezin is vastgelegd: een PDF om te lezen en een JSON-bestand. Beoordeel de onderdelen die "
    "'ter beoordeling' zijn gemarkeerd voordat je de inzage verstrekt."
)
PRIVACY_ZOEK_KIND = "Zoek een kind (naam of nummer)"
PRIVACY_ZOEK_GEEN = "Geen kind gevonden."
PRIVACY_ZOEK_KNOP = "Kind zoeken"
PRIVACY_KIES = "Kiezen"
PRIVACY_KIND_REGEL = "nr. {id} · geboren {geboren} · {status}"
PRIVACY_DOWNLOAD_PDF = "Download inzage (PDF)"
PRIVACY_DOWNLOAD_JSON = "Download inzage (JSON)"
PRIVACY_NAAR_LOGBOEK = "Logboek van dit kind"
PRIVACY_ONDERDELEN = "Wat er is vastgelegd"
PRIVACY_TER_BEOORDELING_AANTAL = "Ter beoordeling voor je verstrekt: {n}"
PRIVACY_ONDERDEEL_AANTAL = "{titel}: {n}"
FOUT_PRIVACY_ZOEK_KORT = "Typ minstens 2 letters van de naam, of het nummer van het kind."
FOUT_PRIVACY_FORMAAT = "Kies als formaat pdf of json."
FOUT_PRIVACY_KIND = "Het nummer van het kind ontbreekt of klopt niet."
FOUT_PRIVACY_KIND_ONBEKEND = "Dit kind bestaat niet (meer)."

# Logboek (/privacy/logboek)
LOGBOEK_TITEL = "Logboek"
LOGBOEK_UITLEG = (
    "Wie heeft welke gegevens bekeken of gewijzigd, en wanneer; ook geweigerde pogingen. "
    "Dat jij het logboek leest, wordt ook vastgelegd."
)
LOGBOEK_KIND = "Kind"
LOGBOEK_ALLE_KINDEREN = "Alle kinderen"
LOGBOEK_KIND_WISSEN = "Alle kinderen tonen"
LOGBOEK_MEDEWERKER = "Medewerker"
LOGBOEK_ALLE_MEDEWERKERS = "Alle medewerkers"
LOGBOEK_VAN = "Van"
LOGBOEK_TOT = "Tot en met"
LOGBOEK_ACTIE = "Actie"
LOGBOEK_ALLE_ACTIES = "Alle acties"
LOGBOEK_UITKOMST = "Uitkomst"
LOGBOEK_ALLE_UITKOMSTEN = "Alle uitkomsten"
LOGBOEK_ZOEKEN = "Zoeken"
LOGBOEK_GEEN = "Geen regels gevonden met deze zoekopdracht."
LOGBOEK_AANTAL = "Gevonden: {n} · pagina {pagina} van {paginas}"
LOGBOEK_VORIGE = "Vorige pagina"
LOGBOEK_VOLGENDE = "Volgende pagina"
LOGBOEK_KOLOMMEN = ("Wanneer", "Wie", "Rol", "Actie", "Kind", "Waarover", "Uitkomst", "Details")
LOGBOEK_ONBEKEND = "onbekend"
LOGBOEK_GEFILTERD_OP_KIND = "Alleen regels over {naam} (en het gezin)."
AUDIT_UITKOMST_LABELS = {"toegestaan": "Toegestaan", "geweigerd": "Geweigerd", "mislukt": "Mislukt"}
FOUT_LOGBOEK_DATUM = "Vul een geldige datum in."
FOUT_LOGBOEK_PERIODE = "De begindatum ligt na de einddatum."
FOUT_LOGBOEK_MEDEWERKER = "Kies een medewerker uit de lijst."
FOUT_LOGBOEK_KIND = "Kies een kind van je eigen organisatie."
FOUT_LOGBOEK_UITKOMST = "Kies een uitkomst uit de lijst."
FOUT_LOGBOEK_ACTIE = "Een actie bestaat uit kleine letters, punten en liggende streepjes."
FOUT_LOGBOEK_PAGINA = "Deze pagina bestaat niet."

# Het inzagedocument (PDF en JSON)
INZAGE_DOC_TITEL = "Inzage in persoonsgegevens"
INZAGE_DOC_OVER = "Over: {naam}, geboren {geboren} (nr. {id})"
INZAGE_DOC_GEMAAKT = "Gemaakt op {moment} door {naam} ({rol}), {organisatie}."
INZAGE_DOC_GRONDSLAG = (
    "Dit overzicht bevat alle gegevens die over dit kind en het gezin zijn vastgelegd, en wie ze "
    "heeft ingezien of gewijzigd (artikel 15 van de Algemene verordening gegevensbescherming)."
)
INZAGE_DOC_LET_OP = (
    "Niet zonder beoordeling verstrekken. Onderdelen met 'TER BEOORDELING' kunnen gegevens over "
    "anderen bevatten (andere kinderen, andere gezinnen, wie iets meldde) of gaan over een lopend "
    "meldcodetraject. Beoordeel ze en maak zo nodig onleesbaar wat niet verstrekt mag worden."
)
INZAGE_TER_BEOORDELING = "TER BEOORDELING"
INZAGE_GEEN = "Niets vastgelegd."
INZAGE_JA = "ja"
INZAGE_NEE = "nee"
INZAGE_PAGINA = "Pagina {n} van {totaal}"
INZAGE_SECTIES = {
    "kind": "Gegevens van het kind",
    "locaties": "Locaties en vaste dagen",
    "gezin": "Gezin en ouders/verzorgers",
    "ophalers": "Ophalers",
    "toestemmingen": "Toestemmingen",
    "signalen": "Signalen en correcties",
    "meldcode": "Meldcode",
    "gesprekken": "Oudergesprekken en afspraken",
    "aanmeldingen": "Aanmeldingen bij het kinderwerk",
    "doorverwijzingen": "Doorverwijzingen naar ketenpartners",
    "aanwezigheid": "Aanwezigheid in de huiskamer",
    "vervolgacties": "Vervolgacties",
    "leerdoelen": "Leerdoelen en voortgang",
    "activiteiten": "Activiteiten",
    "overig": "Overige gegevens over het kind",
    "logboek": "Wie heeft de gegevens ingezien of gewijzigd",
}
INZAGE_RECORDS = {
    "child": "Kind",
    "child_location": "Bekend bij locatie",
    "enrolment": "Plaatsing",
    "family": "Gezin",
    "guardian": "Ouder/verzorger",
    "sibling": "Broer of zus",
    "pickup_person": "Ophaler",
    "consent": "Toestemming",
    "signal": "Signaal",
    "signal_correction": "Correctie",
    "meldcode_track": "Meldcodetraject",
    "meldcode_step": "Stap",
    "parent_conversation": "Oudergesprek",
    "agreement": "Afspraak",
    "referral_in": "Aanmelding",
    "referral_out": "Doorverwijzing",
    "attendance_event": "Aanwezigheid",
    "follow_up": "Vervolgactie",
    "goal": "Leerdoel",
    "goal_progress": "Voortgang",
    "activity": "Activiteit",
    "subject_request": "Verzoek om correctie of verwijdering",
}
# Column -> label in the inzage; a column without a label here is shown under its own name.
INZAGE_KOLOMMEN = {
    "first_name": "Voornaam", "last_name": "Achternaam", "date_of_birth": "Geboortedatum",
    "school_name": "School", "school_group": "Groep", "neighbourhood": "Wijk", "status": "Status",
    "family_id": "Gezin", "may_go_home_alone": "Mag zelfstandig naar huis",
    "home_alone_allowed_by": "Toestemming zelfstandig naar huis van", "home_alone_allowed_on": "Toestemming gegeven op",
    "left_on": "Uitgestroomd op", "left_reason": "Reden uitstroom", "created_at": "Vastgelegd op",
    "location_id": "Locatie", "weekdays": "Vaste dagen", "start_date": "Begindatum", "end_date": "Einddatum",
    "end_reason": "Reden einde", "name": "Naam", "relation": "Relatie", "phone": "Telefoon", "email": "E-mail",
    "kind": "Soort", "given": "Gegeven", "given_by": "Gegeven door", "given_on": "Datum",
    "recorded_by_id": "Vastgelegd door", "unknown_description": "Omschrijving", "unknown_age": "Leeftijd (geschat)",
    "author_id": "Vastgelegd door", "observed_at": "Gezien op", "place": "Plaats", "categories": "Categorieën",
    "facts": "Feiten", "interpretation": "Interpretatie", "source": "Bron", "acute": "Acuut onveilig",
    "track_id": "Meldcodetraject", "version": "Versie", "previous_facts": "Eerdere feiten",
    "previous_interpretation": "Eerdere interpretatie", "previous_categories": "Eerdere categorieën",
    "reason": "Reden", "by_id": "Door", "at": "Wanneer", "opened_by_id": "Gestart door", "owner_id": "Eigenaar",
    "opened_at": "Gestart op", "due_date": "Uiterlijk", "current_step": "Huidige stap",
    "decision_report": "Besluit: melden", "decision_help": "Besluit: hulp organiseren", "closed_at": "Gesloten op",
    "close_reason": "Reden sluiten", "step_no": "Stap", "with_whom": "Met wie", "conclusion": "Conclusie",
    "skip_reason": "Reden overslaan", "veilig_thuis_advice": "Advies Veilig Thuis",
    "weighing_answers": "Antwoorden afwegingskader", "held_at": "Gehouden op", "topics": "Onderwerpen",
    "discussed_with_parent": "Besproken met de ouder", "not_discussed_reason": "Waarom niet besproken",
    "description": "Afspraak", "owner_kind": "Wie doet het", "owner_name": "Naam", "owner_staff_id": "Medewerker",
    "done_at": "Gedaan op", "done_by_id": "Gedaan door", "referrer_kind": "Verwijzer", "referrer_name": "Naam verwijzer",
    "received_on": "Ontvangen op", "intake_on": "Intake op", "intake_by_id": "Intake door", "placed_on": "Geplaatst op",
    "closed_reason": "Reden afsluiten", "created_by_id": "Vastgelegd door", "partner_id": "Ketenpartner",
    "contact_name": "Contactpersoon", "consent_given": "Toestemming ouder", "consent_by": "Toestemming van",
    "consent_on": "Toestemming op", "meldcode_track_id": "Meldcodetraject", "sent_on": "Verstuurd op",
    "feedback_due": "Terugkoppeling verwacht", "feedback": "Terugkoppeling", "feedback_on": "Terugkoppeling op",
    "day": "Dag", "picked_up_by": "Opgehaald door", "mood": "Stemming", "undoes_id": "Maakt ongedaan",
    "title": "Titel", "source_event_id": "Naar aanleiding van", "achieved_on": "Behaald op",
    "went_well": "Ging goed", "score": "Score", "goal_id": "Leerdoel", "start_time": "Begintijd",
    "end_time": "Eindtijd", "note": "Notitie", "conversation_children": "Over de kinderen",
    "conversation_guardians": "Met de ouders/verzorgers", "activity_kind": "Soort activiteit",
    "withdrawn_on": "Ingetrokken op", "withdrawn_by": "Ingetrokken door", "guardian_id": "Ouder/verzorger",
    "withdrawn_guardian_id": "Ingetrokken door (ouder/verzorger)", "withdrawn_recorded_by_id": "Intrekking vastgelegd door",
    "withdrawn_recorded_at": "Intrekking vastgelegd op", "recorded_at": "Vastgelegd op",
    "anonymised_at": "Geanonimiseerd op", "requested_by": "Gevraagd door", "decision_reason": "Reden besluit",
    "decided_by_id": "Besluit door", "decided_at": "Besluit op", "carried_out_at": "Uitgevoerd op",
}
INZAGE_REDENEN = {
    "ander_kind": "Noemt mogelijk een ander kind: {namen}.",
    "ander_gezin": "Noemt mogelijk iemand van een ander gezin: {namen}.",
    "bron": "Het signaal komt van iemand anders ({bron}): beoordeel of die persoon herkenbaar is.",
    "verwijzer": "Naam van de verwijzer ({soort}): beoordeel of die verstrekt mag worden.",
    "meldcode_open": "Lopend meldcodetraject: beoordeel of inzage de veiligheid van het kind in gevaar brengt.",
    "meldcode_overleg": "Overleg met anderen (collega's, Veilig Thuis): beoordeel wat zij inbrachten.",
    "niet_besproken": "Niet met de ouder besproken: beoordeel of inzage veilig is.",
    "broer_zus": "Gaat (ook) over een ander kind van het gezin: {namen}. Alleen verstrekken als het verzoek ook dat kind betreft.",
    "groepsnotitie": "Notitie over een hele groep: andere kinderen staan er mogelijk in.",
}
INZAGE_AANWEZIGHEID_SOORTEN = {
    "aanwezig": "Aanwezig", "opgehaald": "Opgehaald", "zelfstandig": "Zelfstandig naar huis",
    "afgemeld": "Afgemeld", "afwezig": "Afwezig zonder bericht", "extra": "Extra dag",
    "stemming": "Stemming", "ongedaan": "Ongedaan gemaakt",
}
INZAGE_VOORTGANG_SOORTEN = {"moment": "Moment", "evaluatie": "Evaluatie"}

# ---------------------------------------------------------------------------------------------
# Toestemmingen, bewaartermijnen en verzoeken (correctie, verwijdering) — issue 13
# ---------------------------------------------------------------------------------------------
TOESTEMMING_SOORTEN = {
    "registratie": "Registratie bij het kinderwerk",
    "foto": "Foto's",
    "delen_school": "Gegevens delen met school",
    "gegevens_delen": "Gegevens delen met een ketenpartner",
    "zelfstandig_naar_huis": "Zelfstandig naar huis",
}
TOESTEMMING_STATUS = {"gegeven": "Ja", "geweigerd": "Nee", "ingetrokken": "Ingetrokken"}
TOESTEMMING_TITEL = "Toestemmingen"
TOESTEMMING_BEHEREN = "Toestemming vastleggen of intrekken"
TOESTEMMING_NIEUW = "Nieuwe toestemming vastleggen"
TOESTEMMING_SOORT = "Waarvoor?"
TOESTEMMING_PARTNER = "Met welke ketenpartner?"
TOESTEMMING_PARTNER_KIES = "Kies een ketenpartner"
TOESTEMMING_ANTWOORD = "Wat zegt de ouder?"
TOESTEMMING_JA = "Ja, geeft toestemming"
TOESTEMMING_NEE = "Nee, geen toestemming"
TOESTEMMING_VAN_WIE = "Van wie (ouder of verzorger)?"
TOESTEMMING_ANDERE_NAAM = "Of typ de naam van de ouder of verzorger"
TOESTEMMING_DATUM = "Datum waarop de ouder het zei"
TOESTEMMING_OPSLAAN = "Toestemming opslaan"
TOESTEMMING_OPGESLAGEN = "Opgeslagen: {soort}."
TOESTEMMING_HUIDIG = "Zo staat het nu"
TOESTEMMING_GESCHIEDENIS = "Eerder vastgelegd"
TOESTEMMING_GEEN = "Nog geen toestemming vastgelegd. Vraag de ouders bij het intakegesprek."
TOESTEMMING_REGEL = "{status} — van {wie}, {datum}"
TOESTEMMING_VASTGELEGD_DOOR = "Vastgelegd door {naam} op {moment}"
TOESTEMMING_INGETROKKEN_REGEL = "Ingetrokken op {datum} door {wie}"
TOESTEMMING_INTREKKING_VASTGELEGD = "Intrekking vastgelegd door {naam} op {moment}"
TOESTEMMING_ONBEKEND = "onbekend"
TOESTEMMING_INTREKKEN = "Intrekken"
TOESTEMMING_INTREKKEN_TITEL = "Toestemming intrekken: {soort}"
TOESTEMMING_INGETROKKEN_DOOR = "Ingetrokken door (ouder of verzorger)"
TOESTEMMING_INTREK_DATUM = "Datum van intrekken"
TOESTEMMING_INTREKKEN_OPSLAAN = "Intrekking opslaan"
TOESTEMMING_INGETROKKEN = "Ingetrokken: {soort}."
TOESTEMMING_TERUG = "Terug naar het kind"
TOESTEMMING_MET_PARTNER = "{soort}: {partner}"
TOESTEMMING_PARTNER_ONBEKEND = "ketenpartner niet genoemd"
TOESTEMMING_WAARSCHUWING_REGISTRATIE = (
    "Let op: de ouders hebben de toestemming voor registratie ingetrokken op {datum}. Leg niets nieuws "
    "vast en bespreek met de privacyfunctionaris of de gegevens verwijderd moeten worden.")
TOESTEMMING_WAARSCHUWING_ZELFSTANDIG = (
    "Let op: de toestemming om zelfstandig naar huis te gaan is ingetrokken op {datum}. Laat het kind "
    "ophalen of bel de ouders.")
KIND_ZELFSTANDIG_INGETROKKEN = "Nee: toestemming ingetrokken op {datum}"
HUISKAMER_ZELFSTANDIG_GEEN = "Geen toestemming om zelfstandig naar huis te gaan."
HUISKAMER_ZELFSTANDIG_INGETROKKEN = "Toestemming om zelfstandig naar huis te gaan ingetrokken op {datum}."
FOUT_ZELFSTANDIG_INGETROKKEN = (
    "Let op: {kind} mag niet zelfstandig naar huis. De ouders hebben hun toestemming op {datum} "
    "ingetrokken. Laat het kind ophalen of bel de ouders.")
FOUT_TOESTEMMING_SOORT = "Kies waarvoor de ouder toestemming geeft."
FOUT_TOESTEMMING_ANTWOORD = "Kies ja of nee."
FOUT_TOESTEMMING_PARTNER = "Kies met welke ketenpartner gegevens gedeeld mogen worden."
FOUT_TOESTEMMING_VAN_WIE = "Kies of typ van welke ouder of verzorger dit komt."
FOUT_TOESTEMMING_OUDER = "Deze ouder of verzorger hoort niet bij het gezin van dit kind."
FOUT_TOESTEMMING_NA_INTREKKING = (
    "De vorige toestemming is ingetrokken op {datum}. Een nieuwe toestemming kan niet van vóór die "
    "datum zijn.")
FOUT_TOESTEMMING_NA_NIEUWERE = "Er staat al een nieuwere toestemming van {datum}. Kies een latere datum."
FOUT_INTREKKEN_DATUM = "De intrekking kan niet vóór de toestemming zelf liggen ({datum})."
FOUT_INTREKKEN_NIET_GEGEVEN = "Alleen een gegeven toestemming die nu geldt kan worden ingetrokken."
FOUT_DELEN_INGETROKKEN = (
    "De ouders hebben de toestemming om gegevens te delen met {partner} ingetrokken op {datum}. Deel "
    "niets zonder nieuwe toestemming (leg die eerst vast bij Toestemmingen), tenzij het volgt uit het "
    "meldcodebesluit om te melden.")

# Bewaartermijnen (pagina van de privacyfunctionaris)
BEWAREN_TITEL = "Bewaartermijnen en verzoeken"
NAV_BEWAREN = "Bewaartermijnen en verzoeken"
BEWAREN_TERMIJNEN = "Bewaartermijnen"
BEWAREN_SOORTEN = {
    "dossier": "Dossier van het kind, gesprekken en afspraken",
    "signaal": "Signalen zonder meldcodetraject",
    "meldcode": "Meldcodetrajecten (met hun signalen en stappen)",
    "activiteit": "Notities en observaties bij activiteiten",
    "logboek": "Logboek (wie las of wijzigde wat)",
}
BEWAREN_TERMIJN_JAREN = "{n} jaar"
BEWAREN_UITLEG = {
    "dossier": "na het einde van de betrokkenheid (uitstroom of laatste contact)",
    "signaal": "na de datum van het signaal",
    "meldcode": "na het sluiten van het traject, en in elk geval tot het kind {leeftijd} is",
    "activiteit": "na de dag van de activiteit",
    "logboek": "apart te verwijderen door de beheerder van de database (zie README)",
}
BEWAREN_VERLOPEN = "Verlopen op {datum}"
BEWAREN_TE_DOEN = "Te verwijderen of te anonimiseren"
BEWAREN_NIETS = "Er is niets over de bewaartermijn. Er hoeft nu niets verwijderd te worden."
BEWAREN_AANTAL = "{n} onderdelen over de bewaartermijn."
BEWAREN_LOGBOEK_AANTAL = "Logboek: {n} regels ouder dan {jaren} jaar (apart te verwijderen)."
BEWAREN_UITVOEREN = "Nu verwijderen en anonimiseren"
BEWAREN_UITVOEREN_UITLEG = (
    "Namen, contactgegevens en vrije tekst worden verwijderd. Aantallen blijven, zodat de rapportage "
    "van een vorige periode hetzelfde blijft. Dit kan niet ongedaan worden gemaakt.")
BEWAREN_BEVESTIG = "Ik heb de lijst nagekeken"
BEWAREN_UITGEVOERD = "Klaar: {n} onderdelen verwijderd of geanonimiseerd."
BEWAREN_MISLUKT = "{n} onderdelen konden niet worden verwerkt; zie het logboek."
FOUT_BEWAREN_BEVESTIG = "Vink eerst aan dat je de lijst hebt nagekeken."
BEWAREN_ITEM_SOORT = {
    "kind": "Dossier anonimiseren",
    "signalen": "Inhoud van signalen verwijderen",
    "signaal_onbekend": "Signaal over een onbekend kind",
    "meldcode_onbekend": "Meldcodetraject over een onbekend kind",
    "activiteit": "Notitie bij een activiteit",
}
BEWAREN_REDEN_DOSSIER = "{jaren} jaar na {datum} (einde betrokkenheid)"
BEWAREN_REDEN_MELDCODE = "meldcodetraject: bewaren tot {datum}"
BEWAREN_REDEN_SIGNALEN = "{n} signalen van vóór {datum}"
BEWAREN_REDEN_ACTIVITEIT = "activiteit van {datum}"
BEWAREN_ONBEKEND_KIND = "Onbekend kind"
BEWAREN_ACTIVITEIT = "Activiteit"

# Verzoeken om correctie of verwijdering (AVG art. 16 en 17)
VERZOEK_TITEL = "Verzoeken om correctie of verwijdering"
VERZOEK_NIEUW = "Verzoek vastleggen"
VERZOEK_SOORTEN = {"correctie": "Correctie (gegevens kloppen niet)", "verwijdering": "Verwijdering"}
VERZOEK_STATUS = {"open": "Open", "toegewezen": "Toegewezen", "afgewezen": "Afgewezen"}
VERZOEK_ZOEK_KIND = "Zoek het kind (naam)"
VERZOEK_KIND = "Over welk kind?"
VERZOEK_KIND_KIES = "Kies het kind"
VERZOEK_SOORT = "Wat wordt er gevraagd?"
VERZOEK_WIE = "Wie vraagt het (naam van de ouder of het kind)?"
VERZOEK_ONTVANGEN = "Ontvangen op"
VERZOEK_WAT = "Wat precies? (welke gegevens, wat klopt er niet)"
VERZOEK_OPSLAAN = "Verzoek opslaan"
VERZOEK_OPGESLAGEN = "Verzoek vastgelegd."
VERZOEK_GEEN = "Nog geen verzoeken."
VERZOEK_REGEL = "{soort} — {kind}, gevraagd door {wie} op {datum}"
VERZOEK_BESLUIT = "Besluit"
VERZOEK_REDEN = "Reden van het besluit (zonder namen)"
VERZOEK_TOEWIJZEN = "Toewijzen"
VERZOEK_AFWIJZEN = "Afwijzen"
VERZOEK_BESLOTEN = "Besluit vastgelegd: {status}."
VERZOEK_UITGEVOERD = "Toegewezen en uitgevoerd: de gegevens zijn verwijderd."
VERZOEK_BESLUIT_REGEL = "{status} op {datum} door {naam}: {reden}"
VERZOEK_BELEMMERINGEN = "Dit staat verwijderen nu in de weg:"
VERZOEK_KIND_GEANONIMISEERD = "(gegevens verwijderd)"
FOUT_VERZOEK_KIND = "Kies het kind waar het verzoek over gaat."
FOUT_VERZOEK_SOORT = "Kies correctie of verwijdering."
FOUT_VERZOEK_WIE = "Vul in wie het verzoek doet."
FOUT_VERZOEK_REDEN = "Vul de reden van het besluit in."
FOUT_VERZOEK_AL_BESLOTEN = "Over dit verzoek is al besloten."
FOUT_VERWIJDEREN_KAN_NIET = "Verwijderen kan nu niet. Wijs het verzoek af en noem de reden: {redenen}"
BELEMMERING_OPEN_TRAJECT = "er loopt een meldcodetraject (sinds {datum})"
BELEMMERING_TRAJECT_TERMIJN = "een meldcodetraject moet bewaard blijven tot {datum} (meldcode, AVG art. 17 lid 3)"
BELEMMERING_PLAATSING = "het kind staat nog ingeschreven bij {locatie}: beëindig eerst de plaatsing"
# One set of names for the kinds of consent: the older name reads the same labels.
CONSENT_KIND_LABELS.update(TOESTEMMING_SOORTEN)
BEWAREN_KIND_LABEL = "{voornaam} {letter}. (nr. {id})"
BEWAREN_KIND_NUMMER = "Kind nr. {id}"
FOUT_VERZOEK_BESLUIT = "Kies toewijzen of afwijzen."
VERZOEK_ZOEKEN = "Zoeken"
VERZOEK_GEEN_KIND = "Geen kind gevonden met deze naam of dit nummer."
VERZOEK_BESLUIT_OPSLAAN = "Besluit opslaan"
BEWAREN_KOLOM_SOORT = "Soort gegevens"
BEWAREN_KOLOM_TERMIJN = "Termijn"
BEWAREN_KOLOM_VANAF = "Gerekend vanaf"
BEWAREN_INHOUD_VERWIJDERD = "De inhoud is verwijderd: de bewaartermijn is voorbij."
TOESTEMMING_VASTGELEGD_DOOR_NAAM = "Vastgelegd door {naam}"

# An unexpected error in the server while handling what the person did (state/server_error.py).
SERVERFOUT = ("Er ging iets mis op de server. Wat je net deed is misschien niet opgeslagen: "
              "kijk het na en probeer het opnieuw.")
SERVERFOUT_SLUITEN = "Sluiten"

# ---- Issue 15: Vandaag in the order of a working day, goal links, the location's overdue lists ----
VANDAAG_NU = "Nu"
VANDAAG_INCHECKEN = "Inchecken: {locatie}"
VANDAAG_INCHECKEN_DETAIL = "{n} kinderen verwacht"
VANDAAG_AF = "Afspraken voor vandaag"
VANDAAG_ACHTERSTALLIG = "Achterstallig ({n})"
VANDAAG_ACHTERSTALLIG_AFSPRAKEN = "Afspraken te laat"
VANDAAG_TEAMOVERZICHT = "Overzicht van je locaties"
VANDAAG_TEAMOVERZICHT_DETAIL = "Aanwezigheid, trajecten, afspraken en wachtlijst per locatie"
LEERDOEL_GESPREKKEN = "Besproken in gesprekken"
LEERDOEL_GESPREK_REGEL = "{datum} · {soort} · {naam}"
OVERZICHT_AFSPRAAK_REGEL = "{gezin} ({kinderen}): {afspraak} · {wie} · uiterlijk {datum}"
OVERZICHT_TERUGKOPPELING_REGEL = "{kind} → {partner}: verstuurd {verstuurd}, terugkoppeling uiterlijk {datum}"
OVERZICHT_LIJST_LEEG = "Niets te laat op deze locatie."

# ---- Issue 15: WCAG 2.2 AA and Dutch in the framework's parts (connection, toasts, 404) ----
VERBINDING_WEG = "Geen verbinding met de server"
VERBINDING_WEG_UITLEG = "De app probeert opnieuw verbinding te maken. Blijft dit zo, controleer dan je internet."
VERBINDING_WEG_ICOON = "Geen verbinding"
MELDINGEN = "Meldingen"
MELDING_SLUITEN = "Melding sluiten"
NIET_GEVONDEN_TITEL = "Pagina niet gevonden"
NIET_GEVONDEN_UITLEG = "Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar het begin."
NIET_GEVONDEN_TERUG = "Naar Vandaag"
GRAFIEK_TABEL = "De cijfers van de grafiek"
GRAFIEK_DOEL_AS_SCORE = "Score (1–5)"
GRAFIEK_DOEL_AS_DATUM = "Datum van de evaluatie"
GRAFIEK_DOEL_SAMENVATTING = "Evaluaties (1 = nog niet, 5 = helemaal gelukt), per datum:"
GRAFIEK_AS_WEEK = "Week"
GRAFIEK_AS_MAAND = "Maand"
GRAFIEK_AS_DAGEN = "Aanwezigheidsdagen"
GRAFIEK_AS_AANTAL = "Aantal"
GRAFIEK_DAGEN_SAMENVATTING = "Aanwezigheidsdagen per week: {reeks}."
GRAFIEK_TABEL_TOON = "Cijfers van deze grafiek als tabel"
GRAFIEK_AS_DAGEN_KORT = "Dagen"
GRAFIEK_DOEL_NAAM = "Evaluaties: {doel}"
# The logboek's actions that have an English code, with their Dutch name (the rest are Dutch already).
AUDIT_ACTIE_NAMEN = {"login": "inloggen", "logout": "uitloggen"}

# ---- Twee huishoudens en ophalen (issue 16.3) ----
OPHALEN_OUDER = "{wie} — ouder met gezag"
OPHALEN_TOESTEMMING_VAN = "{wie} — toestemming van {ouder}{datum}"
OPHALEN_TOESTEMMING_GEZIN = "{wie} — toestemming van het gezin (vastgelegd vóór december 2026)"
OPHALEN_NIET_TOEGESTAAN = "Let op: {ouder} mag {kind} niet ophalen{reden}."
OPHALEN_ZELFSTANDIG_VAN = "Zelfstandig naar huis: toestemming van {ouder} op {datum}"
OPHALEN_WIE_MAG = "Wie mag ophalen"
OPHALEN_GEEN_LIJST = "Niemand vastgelegd. Bel een ouder voordat iemand het kind meeneemt."
FOUT_OPHALER_GEEN_TOESTEMMING = ("{naam} mag {kind} niet ophalen: geen ouder of verzorger heeft hiervoor "
                                 "toestemming gegeven. Bel een ouder; niets is opgeslagen.")
FOUT_TOESTEMMING_OUDER_KIEZEN = "Kies de ouder of verzorger (uit een huishouden van het kind) die toestemming gaf."
FOUT_OUDER_MAG_GEEN_TOESTEMMING = ("{ouder} kan geen toestemming geven om op te halen: zonder gezag of zelf "
                                   "niet toegestaan om op te halen.")
FOUT_HUISHOUDEN_NAAM = "Vul de naam van het huishouden in, bijvoorbeeld: Huishouden vader."
HUISHOUDEN_HOOFD = "hoofdverblijf"
HUISHOUDEN_OOK = "ook thuis"
HUISHOUDEN_ADRES = "Adres"
HUISHOUDEN_GEZAG = "gezag"
HUISHOUDEN_GEEN_GEZAG = "geen gezag"
HUISHOUDEN_NIET_OPHALEN = "mag niet ophalen"
HUISHOUDENS = "Huishoudens"
HUISHOUDEN_OPEN = "Gesprekken en afspraken: {naam}"
HUISHOUDEN_ANDER = "Kinderen die ook in een ander huishouden wonen"
HUISHOUDEN_ANDER_REGEL = "{kind} woont ook bij: {huishouden}"
HUISKAMER_LET_OP_OPHALEN = "⚠ Let op bij ophalen"
OPHALER_TOEVOEGEN = "Ophaler toevoegen"
OPHALER_NAAM = "Naam van de ophaler"
OPHALER_RELATIE = "Relatie tot het kind (bijvoorbeeld oma, buurvrouw)"
OPHALER_TELEFOON = "Telefoonnummer"
OPHALER_TOESTEMMING_VAN = "Toestemming van (ouder met gezag)"
OPHALER_KIES_OUDER = "Kies een ouder of verzorger"
OPHALER_DATUM = "Toestemming gegeven op"
OPHALER_OPSLAAN = "Ophaler opslaan"
FOUT_REDEN_NIET_OPHALEN = "Vul de reden in, bijvoorbeeld: rechterlijke uitspraak."
HUISHOUDEN_TOEVOEGEN = "Huishouden toevoegen"
HUISHOUDEN_KOPPELEN = "Bestaand huishouden koppelen"
HUISHOUDEN_KOPPELEN_KIES = "Huishouden van een broer of zus"
HUISHOUDEN_KOPPELEN_LEEG = "Kies een huishouden"
HUISHOUDEN_KOPPELEN_KNOP = "Koppelen"
FOUT_KIES_HUISHOUDEN = "Kies het huishouden dat je wilt koppelen."
HUISHOUDEN_TOEVOEGEN_UITLEG = ("Woont het kind ook bij de andere ouder? Voeg dat huishouden toe, met de eerste "
                               "ouder of verzorger daar.")
HUISHOUDEN_NAAM = "Naam van het huishouden (bijvoorbeeld Gezin Kees Jansen)"
HUISHOUDEN_EERSTE_OUDER = "Eerste ouder of verzorger in dit huishouden"
HUISHOUDEN_OUDER_NAAM = "Naam van de ouder of verzorger"
HUISHOUDEN_OUDER_RELATIE = "Relatie tot het kind (bijvoorbeeld vader, moeder, verzorger)"
HUISHOUDEN_OUDER_TELEFOON = "Telefoonnummer van de ouder of verzorger"
HUISHOUDEN_OUDER_GEZAG = "Ouderlijk gezag"
HUISHOUDEN_OPSLAAN = "Huishouden opslaan"
HUISHOUDEN_TOEGEVOEGD = "Het huishouden is toegevoegd."
OUDER_NIET_OPHALEN = "Mag niet ophalen vastleggen"
OUDER_NIET_OPHALEN_REDEN = "Reden (bijvoorbeeld rechterlijke uitspraak)"
OUDER_NIET_OPHALEN_OPSLAAN = "Opslaan: mag niet ophalen"
OUDER_WEER_OPHALEN = "Mag weer ophalen"
OUDER_OPHALEN_GEWIJZIGD = "Vastgelegd wie {naam} mag ophalen."
JA = "ja"
NEE = "nee"
