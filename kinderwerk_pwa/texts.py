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
LOGIN_GEBLOKKEERD = "Te veel mislukte pogingen. Wacht een kwartier en probeer het opnieuw."
LOGIN_VERLOPEN = "Je sessie is verlopen. Log opnieuw in."
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
