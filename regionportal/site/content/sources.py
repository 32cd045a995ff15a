"""Where the facts come from: the agency's presentation and the public sources that fill its
gaps."""

AGENCY = "rasr-predstavitev"
RASR_STATISTICS = "rasr-statistika"
ISO_3166_2 = "iso-3166-2-si"
CELJE_INFO_2018 = "celje-info-2018"
INTERREG_EUROPE = "interreg-europe-projekti"
INTERREG_SI_HR = "interreg-si-hr-projekti"
INTERREG_DANUBE = "interreg-danube-projekti"
CITY_OF_ZAGREB = "grad-zagreb-activehome"
OTHER_PUBLIC = "drugi-javni-viri"

SOURCES = [
    {
        "slug": AGENCY,
        "title": "Savinjska regija na poti do integralne zelene regije (predstavitev RASR)",
        "kind": "agency",
        "publisher": "Razvojna agencija Savinjske regije, d.o.o.",
        "year": None,
        "note": (
            "Predstavitev ni datirana; omenja prijave na razpise v letu 2019 in priprave na "
            "finančno perspektivo 2021–2027."
        ),
    },
    {
        "slug": RASR_STATISTICS,
        "title": "RASR: regionalna statistika Savinjske regije",
        "kind": "public",
        "url": "https://www.rasr.si/",
        "publisher": "Razvojna agencija Savinjske regije, d.o.o.",
        "year": 2019,
        "note": "Površina regije in število prebivalcev v letu 2019; šifre NUTS 3.",
    },
    {
        "slug": ISO_3166_2,
        "title": "ISO 3166-2:SI – šifre slovenskih občin, s površino in številom prebivalcev 2014",
        "kind": "public",
        "url": "https://www.iso.org/obp/ui/#iso:code:3166:SI",
        "publisher": "ISO",
        "note": (
            "Šifre občin po ISO 3166-2:SI (jih ima tudi paket pycountry). Površina in število "
            "prebivalcev (2014) sta iz istega javnega seznama občin, ki ga navajajo referenčne "
            "opombe portala; izvirni izdajatelj teh dveh podatkov v njih ni imenovan."
        ),
    },
    {
        "slug": CELJE_INFO_2018,
        "title": "celje.info (2018): Dopolnitev Dogovora za razvoj Savinjske regije",
        "kind": "public",
        "url": "https://www.celje.info/",
        "publisher": "celje.info",
        "year": 2018,
        "note": (
            "Skupna vrednost 29 projektov (81.334.538,39 EUR) in sredstva, ki jih je država "
            "zagotovila iz nacionalnih in evropskih virov (51.486.997,71 EUR); drugi znesek je "
            "del prvega, zato se ne seštevata."
        ),
    },
    {
        "slug": INTERREG_EUROPE,
        "title": "Interreg Europe: strani projektov CLEAN in InnovaSPA",
        "kind": "public",
        "url": "https://www.interregeurope.eu/",
        "publisher": "Interreg Europe",
        "note": "Program, datumi izvajanja in vodilni partner projektov CLEAN in InnovaSPA.",
    },
    {
        "slug": INTERREG_SI_HR,
        "title": "Interreg V-A Slovenija–Hrvaška: strani projektov LIVING CASTLES in 2SoKroG",
        "kind": "public",
        "url": "https://www.si-hr.eu/",
        "publisher": "Program sodelovanja Interreg V-A Slovenija–Hrvaška",
        "note": "Program, datumi izvajanja in vodilni partner projektov LIVING CASTLES in 2SoKroG.",
    },
    {
        "slug": INTERREG_DANUBE,
        "title": "Interreg Danube Transnational Programme: stran projekta ActiveHome",
        "kind": "public",
        "url": "https://www.interreg-danube.eu/",
        "publisher": "Interreg Danube Transnational Programme",
        "note": "Program, datumi izvajanja in vodilni partner projekta ActiveHome.",
    },
    {
        "slug": CITY_OF_ZAGREB,
        "title": "Grad Zagreb: podatki o projektu ActiveHome",
        "kind": "public",
        "url": "https://www.zagreb.hr/",
        "publisher": "Grad Zagreb",
        "note": "Zneske projekta objavlja v hrvaških kunah (HRK).",
    },
    {
        "slug": OTHER_PUBLIC,
        "title": "Drugi javni viri o projektih (v referenčnih opombah portala niso imenovani)",
        "kind": "public",
        "note": (
            "Referenčne opombe portala navajajo še »druge vire« in »en vir« o projektih CLEAN "
            "in LIVING CASTLES, ne da bi jih imenovale: podaljšanje projekta CLEAN do leta "
            "2022, konec projekta LIVING CASTLES septembra 2021 in znesek 1.236.470,80 EUR kot "
            "znesek ESRR."
        ),
    },
]
