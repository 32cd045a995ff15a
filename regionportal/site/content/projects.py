"""The partner organisations and the projects the presentation lists, with the public facts that
fill its gaps.

Countries: the CLEAN and InnovaSPA slides name each partner's country; for the other projects
the country follows from the name (a Slovenian, Croatian or Serbian place or legal form). Cities
are given only where the name or a well-known seat makes them certain.

Dates: the slides give periods in years ("2017-2021"), kept with year precision (1 January to
31 December). Where public sources give other or exact dates, the slide's figure stays and the
other one is recorded as a source discrepancy.

Vision goals and municipalities of a project are the portal's reading of the slides, not the
slides' own words: a project serves a goal where its slide states that aim (e.g. every Interreg
project serves "a leading partner in interregional programmes"), and touches a municipality only
where the slide names a place in it (InnovaSPA's spas, CLEAN's conference in Celje). The two
regional schemes cover the region as a whole, which the portal shows through the region rather
than by listing all 31 municipalities.
"""

from datetime import date
from decimal import Decimal

from .funding import (
    INTERREG_DANUBE_PROGRAMME,
    INTERREG_EUROPE_PROGRAMME,
    INTERREG_SI_HR_PROGRAMME,
    LIFE_PROGRAMME,
    NATIONAL_PROGRAMME,
)
from .pillars import CULTURE, ECONOMY, NATURE, SCIENCE
from .sources import (
    AGENCY,
    CITY_OF_ZAGREB,
    INTERREG_DANUBE,
    INTERREG_EUROPE,
    INTERREG_SI_HR,
    OTHER_PUBLIC,
)

RASR = "rasr"
BISTRA = "bistra-ptuj"


def _organisation(slug, name, name_en, country, kind, city="", **extra):
    return {
        "slug": slug,
        "name": name,
        "name_en": name_en,
        "acronym": extra.pop("acronym", ""),
        "country": country,
        "kind": kind,
        "city": city,
        "source": AGENCY,
        **extra,
    }


ORGANISATIONS = [
    _organisation(
        RASR,
        "Razvojna agencija Savinjske regije, d.o.o.",
        "Savinjska Regional Development Agency",
        "SI",
        "development_agency",
        "Celje",
        acronym="RASR",
        is_agency=True,
        website="https://www.rasr.si/",
        description_sl=(
            "Regionalna razvojna agencija za Savinjsko razvojno regijo, registrirana tudi za "
            "obdobje 2021–2027."
        ),
        description_en=(
            "The regional development agency of the Savinjska development region, registered "
            "for 2021–2027 as well."
        ),
    ),
    # CLEAN
    _organisation(
        "ernact",
        "European Regions Network for the Application of Communications Technology",
        "European Regions Network for the Application of Communications Technology",
        "IE",
        "association",
        acronym="ERNACT",
    ),
    _organisation(
        "anea",
        "Agenzia Napoletana Energia e Ambiente",
        "Naples Agency for Energy and Environment",
        "IT",
        "other",
        "Napoli",
        acronym="ANEA",
    ),
    _organisation("les-7-vents", "Les 7 Vents", "Les 7 Vents", "FR", "association"),
    _organisation(
        "alav",
        "ALAV",
        "ALAV",
        "SE",
        "other",
        description_sl="Vir navaja le kratico.",
        description_en="The source gives only the acronym.",
    ),
    _organisation(
        "municipiul-iasi",
        "Municipiul Iași",
        "Iași Municipality",
        "RO",
        "public_authority",
        "Iași",
    ),
    _organisation(
        "perifereia-kritis",
        "Περιφέρεια Κρήτης",
        "Region of Crete",
        "GR",
        "public_authority",
        "Heraklion",
    ),
    _organisation(
        "pohjois-karjala",
        "Pohjois-Karjalan maakuntaliitto",
        "Regional Council of North Karelia",
        "FI",
        "public_authority",
        "Joensuu",
        description_sl=(
            "Vir navaja »Regija Severna Karelija«; portal kot partnerja vodi njen regionalni svet."
        ),
        description_en="The source says “North Karelia Region”; the portal records the region's "
        "council as the partner.",
    ),
    _organisation(
        "san-sebastian",
        "Donostia / San Sebastián",
        "San Sebastián",
        "ES",
        "other",
        "Donostia / San Sebastián",
        description_sl="Vir navaja le kraj, ne organizacije.",
        description_en="The source names only the city, not the organisation.",
    ),
    # InnovaSPA
    _organisation(
        "thermauvergne",
        "Thermauvergne",
        "Thermauvergne (association of the Auvergne spa resorts)",
        "FR",
        "association",
        "Clermont-Ferrand",
    ),
    _organisation(
        "debreceni-egyetem",
        "Debreceni Egyetem",
        "University of Debrecen",
        "HU",
        "university",
        "Debrecen",
    ),
    _organisation(
        "latvijas-universitate",
        "Latvijas Universitāte",
        "University of Latvia",
        "LV",
        "university",
        "Rīga",
    ),
    _organisation(
        "wmarr-olsztyn",
        "Warmińsko-Mazurska Agencja Rozwoju Regionalnego S.A. w Olsztynie",
        "Warmia and Mazury Regional Development Agency JSC in Olsztyn",
        "PL",
        "development_agency",
        "Olsztyn",
    ),
    _organisation(
        "adr-centru",
        "Agenția pentru Dezvoltare Regională Centru",
        "Centru Regional Development Agency",
        "RO",
        "development_agency",
        "Alba Iulia",
        acronym="ADR Centru",
    ),
    _organisation(
        "lietuvos-inovaciju-centras",
        "Lietuvos inovacijų centras",
        "Lithuanian Innovation Centre",
        "LT",
        "public_institution",
        "Vilnius",
    ),
    _organisation(
        "fmup",
        "Faculdade de Medicina da Universidade do Porto",
        "Faculty of Medicine of the University of Porto",
        "PT",
        "university",
        "Porto",
        acronym="FMUP",
    ),
    # ActiveHome
    _organisation(
        "raris",
        "Regionalna agencija za razvoj Istočne Srbije",
        "Regional Development Agency of Eastern Serbia",
        "RS",
        "development_agency",
        "Zaječar",
        acronym="RARIS",
    ),
    _organisation(
        "grad-zagreb", "Grad Zagreb", "City of Zagreb", "HR", "public_authority", "Zagreb"
    ),
    _organisation(
        "mddsz",
        "Ministrstvo za delo, družino, socialne zadeve in enake možnosti",
        "Ministry of Labour, Family, Social Affairs and Equal Opportunities",
        "SI",
        "ministry",
        "Ljubljana",
        acronym="MDDSZ",
    ),
    # 2SoKroG and LIVING CASTLES
    _organisation(
        BISTRA,
        "Znanstveno-raziskovalno središče Bistra Ptuj",
        "Science and Research Centre Bistra Ptuj",
        "SI",
        "university",
        "Ptuj",
    ),
    _organisation(
        "center-ponovne-uporabe",
        "Center ponovne uporabe d.o.o., so.p.",
        "Reuse Centre (social enterprise)",
        "SI",
        "company",
        description_sl="Socialno podjetje (so.p.).",
        description_en="A social enterprise.",
    ),
    _organisation(
        "czss-cakovec",
        "Centar za socijalnu skrb Čakovec",
        "Čakovec Social Welfare Centre",
        "HR",
        "public_institution",
        "Čakovec",
    ),
    _organisation(
        "redea",
        "Javna ustanova za razvoj Međimurske županije REDEA",
        "Međimurje County Development Agency REDEA",
        "HR",
        "development_agency",
        "Čakovec",
        acronym="REDEA",
    ),
    _organisation(
        "azra",
        "Javna ustanova za razvoj Varaždinske županije AZRA",
        "Varaždin County Development Agency AZRA",
        "HR",
        "development_agency",
        "Varaždin",
        acronym="AZRA",
    ),
    _organisation(
        "zrsz",
        "Zavod Republike Slovenije za zaposlovanje",
        "Employment Service of Slovenia",
        "SI",
        "public_institution",
        "Ljubljana",
        acronym="ZRSZ",
    ),
    _organisation(
        "mev-cakovec",
        "Međimursko veleučilište u Čakovcu",
        "Polytechnic of Međimurje in Čakovec",
        "HR",
        "university",
        "Čakovec",
    ),
    _organisation(
        "ris-dvorec-rakican",
        "Raziskovalno izobraževalno središče Dvorec Rakičan",
        "Rakičan Manor Research and Education Centre",
        "SI",
        "public_institution",
        "Rakičan",
    ),
    _organisation(
        "gradski-muzej-varazdin",
        "Gradski muzej Varaždin",
        "Varaždin City Museum",
        "HR",
        "museum",
        "Varaždin",
    ),
    _organisation(
        "muzej-medimurja-cakovec",
        "Muzej Međimurja Čakovec",
        "Museum of Međimurje Čakovec",
        "HR",
        "museum",
        "Čakovec",
    ),
    _organisation(
        "muzeji-hrvatskog-zagorja",
        "Muzeji Hrvatskog zagorja",
        "Museums of Hrvatsko Zagorje",
        "HR",
        "museum",
    ),
    _organisation(
        "proteus",
        "Proteus d.o.o.",
        "Proteus d.o.o.",
        "SI",
        "company",
        description_sl=(
            "Država v viru ni navedena; portal jo sklepa iz zapisa. Vir piše »Proteus, d.o.o.« "
            "z vejico pred pravnoorganizacijsko obliko, kot je v navadi pri slovenskih družbah "
            "(»Razvojna agencija Savinjske regije, d.o.o.«); hrvaške družbe d.o.o. pišejo brez "
            "vejice. To kaže na Slovenijo, ni pa potrjeno."
        ),
        description_en=(
            "The source does not give the country; the portal infers it. The source writes "
            "“Proteus, d.o.o.” with a comma before the legal form, as Slovenian companies do; "
            "Croatian companies write d.o.o. without the comma. This points to Slovenia but is "
            "not confirmed."
        ),
    ),
]

_INTERREG_STATUS_NOTE_SL = "Predstavitev ga je navajala kot projekt »v izvajanju«."
_INTERREG_STATUS_NOTE_EN = "The presentation listed it as “in implementation”."


def _years(start, end):
    """A period the source gives in whole years."""
    return {
        "start_date": date(start, 1, 1),
        "start_precision": "year",
        "end_date": date(end, 12, 31),
        "end_precision": "year",
    }


def _partner(organisation, listed_as, role="partner", budget=None, **extra):
    """A partner as the project's slide lists it; the loader puts the lead partner first."""
    return {
        "organisation": organisation,
        "listed_as": listed_as,
        "role": role,
        "budget": budget,
        "source": AGENCY,
        **extra,
    }


def _spa(order, name, municipality):
    """One of the seven thermal spas the InnovaSPA slide lists."""
    return {
        "order": order,
        "name": name,
        "kind_sl": "termalno zdravilišče",
        "kind_en": "thermal spa",
        "municipality": municipality,
        "source": AGENCY,
    }


def _discrepancy(field_label_sl, field_label_en, other_value, note_sl, note_en, source):
    return {
        "field_label_sl": field_label_sl,
        "field_label_en": field_label_en,
        "other_value": other_value,
        "note_sl": note_sl,
        "note_en": note_en,
        "source": source,
    }


def _lead_from_public_source(organisation, source):
    """The slides mark no lead partner; the public programme pages do."""
    return _discrepancy(
        "vodilni partner",
        "lead partner",
        organisation,
        "Predstavitev vodilnega partnerja ne označi; portal ga kaže po javnem viru.",
        "The presentation does not mark the lead partner; the portal shows it from the public "
        "source.",
        source,
    )


PROJECTS = [
    {
        "slug": "clean",
        "acronym": "CLEAN",
        "title_sl": "CLEAN-Tehnologije in odprte inovacije za nizkoogljične regije",
        "title_en": "CLEAN – Technologies and open innovation for low-carbon regions",
        "summary_sl": (
            "Izboljšava energetske učinkovitosti v javnih stavbah za 4 % na osnovi energetsko "
            "učinkovitih tehnologij, odprtih inovacij in izboljšanih inštrumentov nizkoogljičnih "
            "politik."
        ),
        "summary_en": (
            "Improving the energy efficiency of public buildings by 4 % through energy-efficient "
            "technologies, open innovation and better low-carbon policy instruments."
        ),
        "status": "completed",
        "status_note_sl": _INTERREG_STATUS_NOTE_SL,
        "status_note_en": _INTERREG_STATUS_NOTE_EN,
        "programme": INTERREG_EUROPE_PROGRAMME,
        **_years(2017, 2021),
        "total_budget": Decimal("1598948.00"),
        "source": AGENCY,
        "source_excerpt": (
            "PROJEKT: 1.598.948,00 EUR RASR: 133.562,00 EUR Obdobje izvajanja 2017-2021"
        ),
        "pillars": [(ECONOMY, True)],
        "goals": [
            "narava-energija-in-tgp",
            "znanost-sistemske-inovacije",
            "kultura-vodilni-partner",
        ],
        # The conference took place in Celje; the slide names no other place.
        "municipalities": ["celje"],
        "partners": [
            _partner("ernact", "ERNACT - Irska", role="lead"),
            _partner("anea", "ANEA - Italija"),
            _partner("les-7-vents", "Les7Vents - Francija"),
            _partner("alav", "ALAV - Švedska"),
            _partner("municipiul-iasi", "Občina Iasi - Romunija"),
            _partner("perifereia-kritis", "Regija Crete - Grčija"),
            _partner("pohjois-karjala", "Regija Severna Karelija - Finska"),
            _partner("san-sebastian", "San Sebastian – Španija"),
            _partner(RASR, "RASR d.o.o. – Slovenija", budget=Decimal("133562.00")),
        ],
        "results": [
            {
                "kind": "target",
                "source": AGENCY,
                "order": 1,
                "title_sl": "Izboljšava energetske učinkovitosti v javnih stavbah",
                "title_en": "Better energy efficiency in public buildings",
                "description_sl": (
                    "Na osnovi energetsko učinkovitih tehnologij, odprtih inovacij in "
                    "izboljšanih inštrumentov nizkoogljičnih politik."
                ),
                "description_en": (
                    "Through energy-efficient technologies, open innovation and better "
                    "low-carbon policy instruments."
                ),
                "value": Decimal("4"),
                "unit": "%",
                "source_excerpt": "Izboljšava energetske učinkovitosti v javnih stavbah za 4 %",
            },
            {
                "kind": "deliverable",
                "source": AGENCY,
                "order": 2,
                "title_sl": "Regionalni akcijski načrt",
                "title_en": "Regional action plan",
                "description_sl": "Dokončan do konca leta 2019.",
                "description_en": "Completed by the end of 2019.",
                "date": date(2019, 12, 31),
                "date_precision": "year",
                "source_excerpt": "REGIONALNI AKCIJSKI NAČRT dokončan do konca leta 2019",
            },
            {
                "kind": "event",
                "source": AGENCY,
                "order": 3,
                "title_sl": "Mednarodna konferenca „Kako znižati energetske stroške?“",
                "title_en": "International conference “How can we cut energy costs?”",
                "date": date(2018, 9, 12),
                "date_precision": "day",
                "place": "Celje",
                "source_excerpt": (
                    "Mednarodna konferenca v Celju: „Kako znižati energetske stroške?“ "
                    "12. september 2018"
                ),
            },
        ],
        "discrepancies": [
            _discrepancy(
                "začetek izvajanja",
                "start",
                "januar 2017",
                "Javni vir navaja natančnejši začetek, ki se z letom v predstavitvi ujema.",
                "The public source gives the start more precisely; it agrees with the "
                "presentation's year.",
                INTERREG_EUROPE,
            ),
            _discrepancy(
                "konec izvajanja",
                "end",
                "2022 (s 12-mesečnim podaljšanjem)",
                "Predstavitev navaja obdobje 2017–2021; drugi viri navajajo podaljšanje za 12 "
                "mesecev do leta 2022.",
                "The presentation gives 2017–2021; other sources give a 12-month extension to "
                "2022.",
                OTHER_PUBLIC,
            ),
            _lead_from_public_source("ERNACT (IE)", INTERREG_EUROPE),
        ],
    },
    {
        "slug": "innovaspa",
        "acronym": "InnovaSPA",
        "title_sl": "InnovaSPA-Inovativne zdravstvene rešitve za termalne regije",
        "title_en": "InnovaSPA – Innovative health solutions for thermal regions",
        "summary_sl": (
            "Inovativne zdravstvene rešitve za termalne regije. V Savinjski regiji se projekt "
            "navezuje na 7 termalnih zdravilišč."
        ),
        "summary_en": (
            "Innovative health solutions for thermal regions. In the Savinjska region the "
            "project works with the region's seven thermal spas."
        ),
        "objectives_sl": (
            "Izboljšati pogoje za preventivno zdravljenje.\n"
            "Razvoj novih produktov termalnega zdravljenja.\n"
            "Ozaveščanje o ohranjanju zdravja s pomočjo termalnih voda."
        ),
        "objectives_en": (
            "Better conditions for preventive treatment.\n"
            "New thermal treatment products.\n"
            "Raising awareness of how thermal waters help to keep people healthy."
        ),
        "status": "completed",
        "status_note_sl": _INTERREG_STATUS_NOTE_SL,
        "status_note_en": _INTERREG_STATUS_NOTE_EN,
        "programme": INTERREG_EUROPE_PROGRAMME,
        **_years(2018, 2022),
        "total_budget": Decimal("1346163.00"),
        "source": AGENCY,
        "source_excerpt": (
            "Izboljšati pogoje za preventivno zdravljenje … Razvoj novih produktov termalnega "
            "zdravljenja … Ozaveščanje o ohranjanju zdravja s pomočjo termalnih voda … "
            "€ PROJEKT: 1.346.163,00 EUR RASR: 139.835,00 EUR Obdobje izvajanja 2018-2022"
        ),
        "pillars": [(NATURE, True)],
        "goals": ["znanost-sistemske-inovacije", "kultura-vodilni-partner"],
        "municipalities": ["dobrna", "lasko", "podcetrtek", "rogaska-slatina", "sostanj", "zrece"],
        "partners": [
            _partner("thermauvergne", "Thermauvergne Association - France", role="lead"),
            _partner("debreceni-egyetem", "University of Debrecen - Hungary"),
            _partner("latvijas-universitate", "University of Latvia - Latvia"),
            _partner(
                "wmarr-olsztyn",
                "Warmia and Mazury Regional Development Agency JSC in Olsztyn - Poland",
            ),
            _partner("adr-centru", "Regional Development Agency Centru - Romania"),
            _partner("lietuvos-inovaciju-centras", "Lithuaninan Innovation Centre - Litva"),
            _partner("fmup", "Faculty of Medicine of the University of Porto - Portugal"),
            _partner(RASR, "RASR d.o.o. – Slovenia", budget=Decimal("139835.00")),
        ],
        "places": [
            _spa(1, "Terme Dobrna", "dobrna"),
            _spa(2, "Thermana Laško", "lasko"),
            _spa(3, "Terme Olimia", "podcetrtek"),
            _spa(4, "Rimske terme", "lasko"),
            _spa(5, "Zdravilišče Rogaška", "rogaska-slatina"),
            _spa(6, "Terme Topolšica", "sostanj"),
            _spa(7, "Terme Zreče", "zrece"),
        ],
        "links": [
            {
                "label_sl": "Vir: www.terme–olimia.com",
                "label_en": "Source: www.terme-olimia.com",
                "url": "https://www.terme-olimia.com/",
            },
        ],
        "discrepancies": [
            _discrepancy(
                "obdobje izvajanja",
                "project period",
                "1. 6. 2018 – 30. 11. 2022",
                "Javni vir navaja natančna datuma, ki se z leti v predstavitvi ujemata.",
                "The public source gives exact dates; they agree with the presentation's years.",
                INTERREG_EUROPE,
            ),
            _lead_from_public_source("Thermauvergne (FR)", INTERREG_EUROPE),
        ],
    },
    {
        "slug": "activehome",
        "acronym": "ActiveHome",
        "title_sl": "ActiveHome",
        "title_en": "ActiveHome",
        "summary_sl": (
            "Osredotoča se na sodelovanje med različnimi institucijami in vzpostavitev skupne "
            "podatkovne baze, ki bo pripomogla k lažji aktivaciji in zaposlovanju brezdomnih "
            "ljudi."
        ),
        "summary_en": (
            "The project brings different institutions together and builds a shared database "
            "that makes it easier to activate homeless people and help them into work."
        ),
        "status": "completed",
        "status_note_sl": _INTERREG_STATUS_NOTE_SL,
        "status_note_en": _INTERREG_STATUS_NOTE_EN,
        "programme": INTERREG_DANUBE_PROGRAMME,
        **_years(2018, 2019),
        "total_budget": Decimal("49597.57"),
        "budget_note_sl": "Grad Zagreb objavlja zneske projekta v hrvaških kunah (HRK).",
        "budget_note_en": "The City of Zagreb publishes the project's figures in Croatian kuna "
        "(HRK).",
        "source": AGENCY,
        "source_excerpt": (
            "PROJEKT: 49.597,57 EUR RASR: 17.790,00 EUR Obdobje izvajanja 2018-2019"
        ),
        "pillars": [(SCIENCE, True)],
        "goals": ["znanost-delovna-mesta", "kultura-vodilni-partner"],
        "municipalities": [],
        "partners": [
            _partner("raris", "RARIS, Regionalna agencija za razvoj vzhodne Srbije"),
            _partner("grad-zagreb", "Mesto Zagreb"),
            _partner(RASR, "RASR, d.o.o.", role="lead", budget=Decimal("17790.00")),
            _partner("mddsz", "Ministrstvo za delo, družino, socialne zadeve in enake možnosti"),
        ],
        "links": [
            {
                "label_sl": "Vir:www.nt-rc.si",
                "label_en": "Source: www.nt-rc.si",
                "url": "https://www.nt-rc.si/",
            },
        ],
        "discrepancies": [
            _discrepancy(
                "obdobje izvajanja",
                "project period",
                "3. 9. 2018 – 31. 8. 2019",
                "Javni vir navaja natančna datuma, ki se z leti v predstavitvi ujemata.",
                "The public source gives exact dates; they agree with the presentation's years.",
                INTERREG_DANUBE,
            ),
            _discrepancy(
                "vodilni partner",
                "lead partner",
                "RASR (SI)",
                "Predstavitev vodilnega partnerja ne označi in navede prvo RARIS; po javnem viru "
                "je vodilni partner RASR, kar se ujema z navedbo »v 1 projektu smo vodilni "
                "partnerji«.",
                "The presentation does not mark the lead partner and lists RARIS first; the "
                "public source names RASR as lead partner, which fits the agency's statement "
                "that it leads one project.",
                INTERREG_DANUBE,
            ),
            _discrepancy(
                "valuta zneskov",
                "currency of the figures",
                "HRK",
                "Grad Zagreb objavlja zneske projekta v hrvaških kunah; predstavitev v evrih.",
                "The City of Zagreb publishes the project's figures in Croatian kuna; the "
                "presentation gives them in euros.",
                CITY_OF_ZAGREB,
            ),
        ],
    },
    {
        "slug": "2sokrog",
        "acronym": "2SoKroG",
        "title_sl": "2SoKroG",
        "title_en": "2SoKroG",
        "summary_sl": (
            "Projekt z inovativnim modelom javnih storitev na čezmejnem območju rešuje problem "
            "premalo učinkovitega sistema socialnih transferjev, ki so v porastu na obeh straneh "
            "meje. Z uporabo tega modela bomo dosegli povečanje institucionalnih zmogljivosti "
            "javnih ustanov socialnih in zaposlitvenih storitev s socialno aktivacijo in "
            "krepitev medsebojnih partnerstev."
        ),
        "summary_en": (
            "Social transfers are rising on both sides of the border, and the system that pays "
            "them is not efficient enough. The project tackles this with an innovative model of "
            "public services for the cross-border area. Through social activation, the model "
            "strengthens the public institutions that provide social and employment services, "
            "and the partnerships between them."
        ),
        "status": "completed",
        "status_note_sl": _INTERREG_STATUS_NOTE_SL,
        "status_note_en": _INTERREG_STATUS_NOTE_EN,
        "programme": INTERREG_SI_HR_PROGRAMME,
        **_years(2018, 2020),
        "total_budget": Decimal("488705.06"),
        "source": AGENCY,
        "source_excerpt": (
            "PROJEKT: 488.705,06 EUR RASR: 89.863,35 EUR Obdobje izvajanja 2018-2020"
        ),
        "pillars": [(SCIENCE, True)],
        "goals": [
            "znanost-delovna-mesta",
            "znanost-sistemske-inovacije",
            "kultura-vodilni-partner",
        ],
        "municipalities": [],
        # No lead partner: the slides mark none and the public sources do not confirm one.
        "partners": [
            _partner(BISTRA, "Znanstveno-raziskovalno središče Bistra Ptuj"),
            _partner(
                RASR,
                "Razvojna agencija Savinjske regije d.o.o.",
                budget=Decimal("89863.35"),
            ),
            # AZRA on this line is the Varaždin agency, listed again below as a partner.
            _partner(
                "center-ponovne-uporabe",
                "Center ponovne uporabe d.o.o., SO.P., AZRA d.o.o.",
                source_excerpt="Center ponovne uporabe d.o.o., SO.P., AZRA d.o.o.",
            ),
            _partner("czss-cakovec", "Centar za socijalnu skrb Čakovec"),
            _partner("redea", "Javna ustanova za razvoj Međimurske županije REDEA"),
            _partner("azra", "Javna ustanova za razvoj Varaždinske županije AZRA"),
            _partner("zrsz", "Zavod Republike Slovenije za zaposlovanje"),
        ],
        "discrepancies": [
            _discrepancy(
                "obdobje izvajanja",
                "project period",
                "1. 9. 2018 – 31. 8. 2020",
                "Javni vir navaja natančna datuma, ki se z leti v predstavitvi ujemata.",
                "The public source gives exact dates; they agree with the presentation's years.",
                INTERREG_SI_HR,
            ),
            _discrepancy(
                "vodilni partner",
                "lead partner",
                "ni potrjen",
                "Ne predstavitev ne javni viri vodilnega partnerja ne potrdijo.",
                "Neither the presentation nor the public sources confirm the lead partner.",
                INTERREG_SI_HR,
            ),
        ],
    },
    {
        "slug": "living-castles",
        "acronym": "LIVING CASTLES",
        "title_sl": "LIVING CASTLES",
        "title_en": "LIVING CASTLES",
        "summary_sl": (
            "Kulturna dediščina: oživljanje srednjeveških gradov s pomočjo napredne tehnologije."
        ),
        "summary_en": "Cultural heritage: bringing medieval castles back to life with advanced "
        "technology.",
        "objectives_sl": (
            "Osnovanje skupne blagovne znamke zveze gradov in dvorcev: boljša prepoznavnost in "
            "promocija, skupen turistični produkt.\n"
            "Oživljanje gradov s pomočjo napredne tehnologije."
        ),
        "objectives_en": (
            "A joint brand for an association of castles and manor houses: better visibility "
            "and promotion, and a shared tourism product.\n"
            "Bringing castles back to life with advanced technology."
        ),
        "status": "completed",
        "status_note_sl": _INTERREG_STATUS_NOTE_SL,
        "status_note_en": _INTERREG_STATUS_NOTE_EN,
        "programme": INTERREG_SI_HR_PROGRAMME,
        **_years(2018, 2020),
        "total_budget": Decimal("1236470.80"),
        "source": AGENCY,
        "source_excerpt": (
            "Osnovanje skupne blagovne znamke zveze gradov in dvorcev: boljša prepoznavnost in "
            "promocija skupen turistični produkt Oživljanje gradov s pomočjo napredne "
            "tehnologije PROJEKT:1.236.470,80 EUR RASR 146.355,00 EUR Obdobje izvajanja "
            "2018-2020"
        ),
        "pillars": [(CULTURE, True)],
        "goals": ["kultura-vodilni-partner"],
        "municipalities": [],
        "partners": [
            _partner("mev-cakovec", "Međimursko veleučilište u Čakovcu", role="lead"),
            _partner("ris-dvorec-rakican", "Raziskovalno izobraževalno središče Dvorec Rakičan"),
            _partner(BISTRA, "Znanstvenoraziskovalno središče Bistra Ptuj"),
            _partner(
                RASR,
                "Razvojna agencija Savinjske regije, d.o.o.",
                budget=Decimal("146355.00"),
            ),
            _partner("gradski-muzej-varazdin", "Gradski muzej Varaždin"),
            _partner("muzej-medimurja-cakovec", "Muzej Međimurja Čakovec"),
            _partner("muzeji-hrvatskog-zagorja", "Muzeji Hrvatskog Zagorja"),
            _partner("proteus", "Proteus, d.o.o."),
        ],
        "discrepancies": [
            _discrepancy(
                "obdobje izvajanja",
                "project period",
                "1. 10. 2018 – 31. 3. 2021",
                "Predstavitev navaja obdobje 2018–2020; po javnem viru je projekt trajal do "
                "31. marca 2021.",
                "The presentation gives 2018–2020; according to the public source the project "
                "ran until 31 March 2021.",
                INTERREG_SI_HR,
            ),
            _discrepancy(
                "konec izvajanja",
                "end",
                "september 2021",
                "Še en javni vir navaja konec projekta septembra 2021.",
                "Another public source gives September 2021 as the end.",
                OTHER_PUBLIC,
            ),
            _discrepancy(
                "skupna vrednost projekta",
                "total budget",
                "1.236.470,80 EUR je znesek ESRR",
                "Predstavitev navaja 1.236.470,80 EUR kot vrednost projekta; en javni vir isti "
                "znesek navaja kot prispevek Evropskega sklada za regionalni razvoj.",
                "The presentation gives EUR 1,236,470.80 as the project's value; one public "
                "source gives the same amount as the European Regional Development Fund "
                "contribution.",
                OTHER_PUBLIC,
            ),
            _lead_from_public_source("Međimursko veleučilište u Čakovcu (HR)", INTERREG_SI_HR),
        ],
    },
    {
        "slug": "life-netopirji",
        "acronym": "LIFE netopirji",
        "title_sl": (
            "Ohranjanje vrst netopirjev, ki gnezdijo v gradovih in drugih stavbah kulturne "
            "dediščine"
        ),
        "title_en": "Conserving bat species that roost in castles and other heritage buildings",
        "status": "submitted",
        "status_note_sl": "Prijava v 2. krogu LIFE razpisa.",
        "status_note_en": "An application in the second round of the LIFE call.",
        "programme": LIFE_PROGRAMME,
        "call_sl": "2. krog LIFE razpisa",
        "call_en": "Second round of the LIFE call",
        "priority_area_sl": "Narava in biotska raznovrstnost",
        "priority_area_en": "Nature and biodiversity",
        "source": AGENCY,
        "source_excerpt": (
            "LIFE+ Narava in biotska raznovrstnost „Ohranjanje vrst netopirjev, ki gnezdijo v "
            "gradovih in drugih stavbah kulturne dediščine“ • v 2. krog LIFE razpisa"
        ),
        "pillars": [(NATURE, True), (CULTURE, False)],
        "goals": ["narava-ohranjanje-narave"],
        "municipalities": [],
        "partners": [],
    },
    {
        "slug": "studijski-krozki",
        "acronym": "Študijski krožki",
        "title_sl": "Študijski krožki",
        "title_en": "Study circles",
        "summary_sl": (
            "Sodelovalno učenje z značilno sestavo skupine (heterogena struktura, homogen "
            "interes), v kateri se vzpostavi pozitivna soodvisnost odgovornih posameznikov in se "
            "razvijajo sodelovalne spretnosti."
        ),
        "summary_en": (
            "Learning together in a group of a particular make-up – people of varied "
            "backgrounds who share an interest – in which responsible individuals come to rely "
            "on one another and build the skills of working together."
        ),
        "status": "in_implementation",
        "status_note_sl": "Nacionalna dejavnost izobraževanja odraslih; predstavitev jih navaja "
        "med projekti v izvajanju.",
        "status_note_en": "A national adult-education activity, listed in the presentation among "
        "the projects in implementation.",
        "programme": NATIONAL_PROGRAMME,
        "source": AGENCY,
        "source_excerpt": (
            "Študijski krožki sodelovalno učenje z značilno sestavo skupine (heterogena "
            "struktura, homogen interes), v kateri se vzpostavi pozitivna soodvisnost odgovornih "
            "posameznikov in se razvijajo sodelovalne spretnosti 5 študijskih krožkov"
        ),
        "pillars": [(CULTURE, True)],
        "goals": ["znanost-globalni-prostor-rri"],
        "municipalities": [],
        "partners": [],
        "results": [
            {
                "kind": "output",
                "source": AGENCY,
                "order": 1,
                "title_sl": "Študijski krožki",
                "title_en": "Study circles",
                "description_sl": "5 študijskih krožkov",
                "description_en": "Five study circles",
                "value": Decimal("5"),
                "unit": "",
            },
        ],
    },
    {
        "slug": "regijska-garancijska-shema",
        "acronym": "Regijska garancijska shema",
        "title_sl": "Regijska garancijska shema",
        "title_en": "Regional guarantee scheme",
        "status": "in_implementation",
        "status_note_sl": "Predstavitev jo navaja med projekti v izvajanju.",
        "status_note_en": "The presentation lists it among the projects in implementation.",
        "source": AGENCY,
        "source_excerpt": "Dogovor za razvoj regije, Regijska garancijska shema, CLEAN",
        "pillars": [(ECONOMY, True)],
        "goals": ["znanost-delovna-mesta"],
        "municipalities": [],
        "partners": [],
    },
    {
        "slug": "regijska-stipendijska-shema",
        "acronym": "Regijska štipendijska shema",
        "title_sl": "Regijska štipendijska shema",
        "title_en": "Regional scholarship scheme",
        "status": "in_implementation",
        "status_note_sl": "Predstavitev jo navaja med projekti v izvajanju.",
        "status_note_en": "The presentation lists it among the projects in implementation.",
        "source": AGENCY,
        "source_excerpt": "Regijska štipendijska shema, ActiveHome, 2SoKroG",
        "pillars": [(SCIENCE, True)],
        "goals": ["znanost-delovna-mesta", "znanost-globalni-prostor-rri"],
        "municipalities": [],
        "partners": [],
    },
]
