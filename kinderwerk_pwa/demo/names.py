"""Name, street, neighbourhood and school lists for the fictional demo data.

Everything here is invented or a common name: first names and surnames are drawn independently, so
any combination is a coincidence, never a real person. Street names are made up (a playful
"speelgoed" theme no municipality uses); the neighbourhoods follow the Almere pattern.
"""

from __future__ import annotations

import unicodedata

# Backgrounds of the families in an Almere-like neighbourhood, with a rough weight.
# Each: children's names (girls, boys), adults' names (women, men), surnames. Names with accents,
# apostrophes and hyphens (Zoë, Eylül, Çağla, Zielińska, O'Neill, Noah-Jayden) are there on purpose:
# the search must find them typed without (domain/common/search.py).
BACKGROUNDS: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "girls": ("Emma", "Julia", "Tess", "Sophie", "Zoë", "Mila", "Sara", "Nora", "Evi", "Lotte",
                  "Fenna", "Isa", "Noor", "Yara", "Lieke", "Saar", "Femke", "Anna", "Roos", "Liv",
                  "Lily-Mae"),
        "boys": ("Noah", "Daan", "Sem", "Lucas", "Levi", "Finn", "Luuk", "Milan", "Bram", "Jesse",
                 "Thijs", "Sven", "Mees", "Ruben", "Jayden", "Stijn", "Gijs", "Tim", "Lars", "Julian",
                 "Noah-Jayden"),
        "women": ("Sanne", "Linda", "Marieke", "Esther", "Kim", "Anouk", "Mandy", "Petra", "Ilse",
                  "Manon", "Chantal", "Miranda", "Karin", "Debby", "Nicole"),
        "men": ("Mark", "Dennis", "Jeroen", "Kevin", "Sander", "Rick", "Martijn", "Erik", "Patrick",
                "Bas", "Niels", "Remco", "Wesley", "Roy"),
        "surnames": ("de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser",
                     "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
                     "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "de Graaf",
                     "van der Meer", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel",
                     "Schouten", "Willems", "Hoekstra", "Koster", "Prins", "Post", "Kuipers",
                     "Veenstra", "Kramer", "Maas", "O'Neill", "van 't Hof"),
    },
    "ma": {
        "girls": ("Yasmine", "Sara", "Amira", "Nour", "Lina", "Aya", "Imane", "Hiba", "Salma", "Malak",
                  "Rania", "Ines", "Meryem", "Dounia", "Soumaya"),
        "boys": ("Mohamed", "Adam", "Ayoub", "Bilal", "Amin", "Yassin", "Zakaria", "Rayan", "Ilias",
                 "Anas", "Hamza", "Younes", "Ibrahim", "Mehdi", "Othman"),
        "women": ("Fatima", "Khadija", "Naima", "Samira", "Malika", "Nadia", "Latifa", "Hanane", "Siham",
                  "Loubna", "Saida", "Zineb"),
        "men": ("Mohammed", "Ahmed", "Mustafa", "Rachid", "Abdelkader", "Hassan", "Karim", "Said",
                "Driss", "Youssef", "Khalid"),
        "surnames": ("El Amrani", "Bouzid", "El Idrissi", "Benali", "Azzouzi", "Boukhari", "Ouali",
                     "Tahiri", "Essaidi", "El Moussaoui", "Belhaj", "Ziani", "Haddouchi", "El Ouardi",
                     "Ait Ali", "Bakkali", "Chaouki", "El Hamdaoui"),
    },
    "tr": {
        "girls": ("Elif", "Zeynep", "Defne", "Ecrin", "Esma", "Azra", "Eylül", "Ela", "Yağmur", "Nisa",
                  "Hira", "Ayşe", "Melek", "Çağla"),
        "boys": ("Emir", "Yusuf", "Mert", "Kerem", "Ömer", "Eymen", "Burak", "Efe", "Kaan", "Arda",
                 "Ali", "Mehmet", "Deniz"),
        "women": ("Ayşe", "Fatma", "Emine", "Hatice", "Gül", "Selma", "Derya", "Sevda", "Hülya", "Özlem",
                  "Dilek"),
        "men": ("Mehmet", "Mustafa", "Ahmet", "Hüseyin", "Murat", "Hakan", "Emre", "Serkan", "Osman",
                "Ibrahim", "Volkan"),
        "surnames": ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Arslan",
                     "Doğan", "Kılıç", "Aslan", "Koç", "Kurt", "Özdemir", "Polat"),
    },
    "sr": {
        "girls": ("Shanaya", "Jaylinn", "Chelsey", "Anjali", "Priya", "Kimberly", "Xaviera", "Soraya",
                  "Naomi", "Shanice", "Kavita", "Rowena"),
        "boys": ("Jaylano", "Djairo", "Quincy", "Rayvano", "Romano", "Ravi", "Dilano", "Rishi",
                 "Dwayne", "Anand", "Jeremiah"),
        "women": ("Sharda", "Ingrid", "Rachel", "Marisca", "Glenda", "Shirley", "Sunita", "Anita",
                  "Marcia", "Denise"),
        "men": ("Ricardo", "Roy", "Edgar", "Romeo", "Sunil", "Rajesh", "Clyde", "Orlando", "Iwan",
                "Ramon"),
        "surnames": ("Pinas", "Ramdin", "Sewdien", "Biharie", "Mahabier", "Lieveld", "Doelwijt",
                     "Wijngaarde", "Jagessar", "Ramlal", "Kromosoeto", "Fernandes", "Sabajo"),
    },
    "an": {
        "girls": ("Dayenne", "Gabriëlla", "Jamila", "Naomy", "Shurenska", "Yanaira", "Jaïra"),
        "boys": ("Jurick", "Xander", "Rigino", "Shurendy", "Jiandro", "Giovanni", "Jurensley"),
        "women": ("Marilyn", "Yolanda", "Sharon", "Lisandra", "Roxanne", "Jacqueline"),
        "men": ("Eugene", "Edsel", "Rudsel", "Gregory", "Jurgen", "Ronald"),
        "surnames": ("Martina", "Isenia", "Maduro", "Rosalia", "Coffie", "Sulvaran", "Cijntje",
                     "Pieternella", "Janga", "Leito", "Winklaar", "Balentien"),
    },
    "pl": {
        "girls": ("Zuzanna", "Julia", "Maja", "Hanna", "Lena", "Alicja", "Oliwia", "Zofia", "Amelia",
                  "Wiktoria"),
        "boys": ("Antoni", "Jakub", "Jan", "Szymon", "Filip", "Kacper", "Franciszek", "Aleksander",
                 "Mikołaj", "Wojciech"),
        "women": ("Anna", "Katarzyna", "Magdalena", "Agnieszka", "Joanna", "Monika", "Ewa", "Marta"),
        "men": ("Piotr", "Krzysztof", "Tomasz", "Paweł", "Marcin", "Łukasz", "Michał", "Grzegorz"),
        # Masculine forms; see surname_form() for the feminine -ska/-cka.
        "surnames": ("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński",
                     "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski"),
    },
    "sy": {
        "girls": ("Lana", "Sham", "Joudi", "Raghad", "Maya", "Hala", "Rahaf", "Tala"),
        "boys": ("Omar", "Khaled", "Ahmad", "Mahmoud", "Yazan", "Karam", "Majd", "Adnan", "Tamer"),
        "women": ("Rasha", "Hiba", "Lama", "Reem", "Nour", "Ghada", "Manal"),
        "men": ("Ahmad", "Mohammad", "Bassel", "Fadi", "Samer", "Ammar", "Rami"),
        "surnames": ("Al Hassan", "Haddad", "Al Khatib", "Hamdan", "Darwish", "Al Ali", "Shaker",
                     "Najjar", "Sabbagh", "Al Masri"),
    },
    "er": {
        "girls": ("Selam", "Helen", "Saba", "Yohana", "Winta", "Semhar", "Rahel"),
        "boys": ("Yonas", "Daniel", "Filmon", "Natnael", "Robel", "Abel", "Mussie", "Samuel"),
        "women": ("Tsega", "Senait", "Azieb", "Lemlem", "Hiwet", "Mebrat"),
        "men": ("Tesfay", "Yemane", "Berhane", "Goitom", "Haile", "Amanuel"),
        "surnames": ("Tesfay", "Haile", "Ghebremariam", "Kidane", "Weldemichael", "Berhe", "Tekle",
                     "Gebreyesus", "Mehari", "Asfaha"),
    },
    "gh": {
        "girls": ("Abena", "Akosua", "Ama", "Efua", "Adjoa", "Esi", "Nana"),
        "boys": ("Kwame", "Kofi", "Kwabena", "Yaw", "Kojo", "Kwaku", "Kelvin"),
        "women": ("Akua", "Afia", "Comfort", "Gifty", "Mercy", "Abigail"),
        "men": ("Kwasi", "Emmanuel", "Samuel", "Isaac", "Ebenezer", "Francis"),
        "surnames": ("Mensah", "Owusu", "Asante", "Boateng", "Appiah", "Osei", "Agyeman", "Addo",
                     "Ofori", "Acheampong"),
    },
}

# Names a search must find typed without accents, apostrophes or hyphens, each given for certain to
# the first family of its background with a child of that sex: (background, female, first name or
# "" for a drawn one, surname or "" for a drawn one). Fictional combinations.
SHOWCASE_NAMES: tuple[tuple[str, bool, str, str], ...] = (
    ("nl", False, "Noah-Jayden", "O'Neill"),
    ("nl", True, "Zoë", "van 't Hof"),
    ("tr", True, "Çağla", ""),
    ("tr", True, "Eylül", ""),
    ("pl", True, "", "Zieliński"),
)

BACKGROUND_WEIGHTS: dict[str, int] = {
    "nl": 34, "ma": 17, "tr": 11, "sr": 12, "an": 5, "pl": 6, "sy": 5, "er": 4, "gh": 4,
}

# Background whose mothers usually keep their own surname (so a mother's name often differs).
OWN_SURNAME_BACKGROUNDS = frozenset({"nl", "ma", "tr", "sy", "er", "gh", "sr", "an"})

# Staff first names (unique per demo account, the login email is built from them).
STAFF_FIRST_NAMES: tuple[str, ...] = (
    "Fatima", "Sanne", "Esther", "Yasmina", "Marloes", "Ilse", "Naima", "Priscilla", "Joyce",
    "Hanneke", "Jeroen", "Mohamed", "Dewi", "Rachid", "Lisa", "Merel", "Ingrid", "Sevda", "Tamara",
    "Kevin", "Sharon", "Jamal", "Inge", "Bart", "Nadia", "Wendy", "Emre", "Roos", "Anouk", "Vincent",
    "Latifa", "Marit", "Dounia", "Rik", "Femke", "Gerda", "Soufiane", "Ilona", "Jolanda", "Hatice",
    "Robin", "Elif", "Mirjam", "Youssef", "Mariska", "Stefan", "Anja", "Sabine", "Loes", "Danielle",
    "Ricardo", "Monique", "Bouchra", "Thomas", "Nicole", "Ayoub", "Charissa", "Mehmet", "Lotte",
    "Guus",
)
STAFF_SURNAMES: tuple[str, ...] = (
    "Bakker", "El Amrani", "Visser", "Yıldız", "de Groot", "Pinas", "Mulder", "Bouzid", "Kaya",
    "van Leeuwen", "Mensah", "Dekker", "Ramdin", "Brouwer", "Benali", "Hoekstra", "Martina", "Smit",
    "Doğan", "de Wit", "Tahiri", "Kramer", "Jagessar", "Koster", "Nowak", "van der Meer", "Ouali",
    "Prins", "Şahin", "Vermeulen",
)

# Almere-like neighbourhoods.
NEIGHBOURHOODS: tuple[str, ...] = (
    "Stedenwijk", "Muziekwijk", "Haven", "Filmwijk", "Kruidenwijk", "Tussen de Vaarten", "Danswijk",
    "Literatuurwijk", "Waterwijk", "Parkwijk", "Verzetswijk", "Regenboogbuurt", "Noorderplassen",
    "Staatsliedenwijk", "Sieradenbuurt", "Faunabuurt",
)

# Invented street names (a toys-and-games theme).
STREETS: tuple[str, ...] = (
    "Knikkerpad", "Hinkelhof", "Tollenlaan", "Vliegerweg", "Stoepkrijtstraat", "Zeepbellenhof",
    "Hoepelpad", "Ballonnenplein", "Klimrekstraat", "Springtouwlaan", "Bikkelhof", "Kiekeboepad",
    "Glijbaanweg", "Schommelstraat", "Poppenkastplein", "Vlotbruggracht", "Tikkertjeslaan",
    "Verstoppertjespad", "Kwartetstraat", "Domino-erf",
)

# Primary schools (invented; these names are common patterns in the Netherlands).
SCHOOLS: tuple[str, ...] = (
    "Basisschool De Regenboog", "OBS De Vlinder", "CBS De Ark", "Basisschool Het Kompas",
    "OBS De Zonnewijzer", "IKC De Boomgaard", "Basisschool De Sterrenkijker", "OBS De Windroos",
    "CBS De Wegwijzer", "Basisschool Het Palet", "OBS De Sleutelbloem", "IKC De Tweemaster",
    "Basisschool De Kikkerhof", "OBS Het Zeepaardje", "CBS De Lichtboei", "IKC Het Vlot",
)

PICKUP_EXTRA_RELATIONS: tuple[str, ...] = ("oma", "opa", "tante", "oom", "buurvrouw", "broer", "zus")


def surname_form(surname: str, *, female: bool, background: str) -> str:
    """Polish surnames have a feminine form: Kowalski -> Kowalska."""
    if female and background == "pl":
        for masc, fem in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
            if surname.endswith(masc):
                return surname[: -len(masc)] + fem
    return surname


def ascii_slug(text: str, sep: str = "") -> str:
    """Lower-case ASCII for an email address: 'Ayşe El Amrani' -> 'ayseelamrani'."""
    text = text.replace("ı", "i").replace("ł", "l").replace("Ł", "L")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = ["".join(ch for ch in w if ch.isalnum()) for w in plain.lower().split()]
    return sep.join(w for w in words if w)
