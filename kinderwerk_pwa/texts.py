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
