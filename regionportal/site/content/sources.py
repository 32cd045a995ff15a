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


def _public(slug, title, url, publisher, year, note=""):
    return {
        "slug": slug,
        "title": title,
        "kind": "public",
        "url": url,
        "publisher": publisher,
        "year": year,
        "note": note,
    }


# The public pages on the agreement's projects, one per page the portal cites (see
# AGREEMENT_PROJECTS in funding.py); a project's other confirming pages are named in its
# source's note.
GOV_STARA_VAS_2019 = "gov-stara-vas-2019"
OSTA_VELENJE_2018 = "osta-velenje-2018"
OSTA_STARA_VAS_2020 = "osta-stara-vas-2020"
GOV_ARNOVSKI_GOZD_2021 = "gov-arnovski-gozd-2021"
RRA_PC_JUZNO_OD_ZELEZNICE = "rra-pc-juzno-od-zeleznice"
CELJSKIGLASNIK_SENTJUR_JUG = "celjskiglasnik-sentjur-jug-3"
FINDINFO_VRELEC = "findinfo-vrelec"
RRA_DRR_DOCUMENTS = "rra-regionalni-razvojni-dokumenti"
STA_CELJE_LASKO_2018 = "sta-celje-lasko-2018"
GOV_CYCLING_2021 = "gov-kolesarske-povezave-2021"
VELENJE_HUDA_LUKNJA = "velenje-huda-luknja"
VELENJCAN_HUDA_LUKNJA = "velenjcan-huda-luknja"
DELO_CELJE_ZALEC = "delo-kolesarske-povezave"
NOVICE_CELJE_ZALEC = "novice-celje-zalec"
MOZIRJE_SAVINJA = "mozirje-porecje-savinje"
MOC_SAVINJA = "moc-porecje-savinje"
RRA_BRASLOVCE_POLZELA_ZALEC = "rra-braslovce-polzela-zalec"
GOV_BRASLOVCE_POLZELA_ZALEC_2021 = "gov-braslovce-polzela-zalec-2021"
STA_BRASLOVCE_POLZELA_ZALEC = "sta-braslovce-polzela-zalec"
LASKO_ODPADNE_VODE = "lasko-odpadne-vode"
GOV_SOTLA_2020 = "gov-porecje-sotle-2020"
KOZJANSKO_PRNEK_2021 = "kozjansko-prnek-2021"
GOV_DRAVINJA_2020 = "gov-porecje-dravinje-2020"
POLZELA_VODA_1 = "polzela-pitna-voda-1-sklop"
GOV_VODA_1_2022 = "gov-pitna-voda-1-sklop-2022"
DELO_VODA_1_2023 = "delo-pitna-voda-1-sklop-2023"
RRA_VODA_2 = "rra-pitna-voda-2-sklop"
GOV_LJUBECNA = "gov-ljubecna-celje-vzhod"
RRA_DRR_2021_2027 = "rra-drr-2021-2027"
MEGAFON_DRR_2024 = "megafon-drr-2024"
KOZJANSKO_DODATEK_2025 = "kozjansko-dodatek-2025"
SIOL_CELJE_VOJNIK = "siol-celje-vojnik"

SOURCES += [
    _public(
        GOV_STARA_VAS_2019,
        "gov.si (2019): Evropska sredstva za razširitev poslovne cone Stara vas v Velenju",
        "https://www.gov.si/novice/2019-06-13-evropska-sredstva-za-razsiritev-poslovne-cone-stara-vas-v-velenju/",
        "Vlada Republike Slovenije (SVRK)",
        2019,
    ),
    _public(
        OSTA_VELENJE_2018,
        "o-sta.si (2018): Iz Dogovora za razvoj regij 3,8 mio evrov za Velenje",
        "https://o-sta.si/22750/iz-dogovora-za-razvoj-regij-3-8-mio-evrov-za-velenje",
        "o-sta.si",
        2018,
    ),
    _public(
        OSTA_STARA_VAS_2020,
        "o-sta.si (2020): Pridobljeno uporabno dovoljenje za razširitev poslovne cone Stara vas",
        "https://o-sta.si/28148/pridobljeno-uporabno-dovoljenje-za-razsiritev-poslovne-cone-stara-vas",
        "o-sta.si",
        2020,
    ),
    _public(
        GOV_ARNOVSKI_GOZD_2021,
        "gov.si (2021): Business Zone Arnovski gozd to be expanded with support from EU",
        "https://www.gov.si/en/news/2021-03-26-business-zone-arnovski-gozd-to-be-expanded-with-support-from-eu/",
        "Vlada Republike Slovenije (SVRK)",
        2021,
        "Tudi: https://zalec.si/obcina/projekti/ekonomska-poslovna-infrastruktura-v-pcag-iii/ ; "
        "https://www.celje.info/gospodarstvo/poslovna-cona-v-arnovskem-gozdu-se-bo-sirila/",
    ),
    _public(
        RRA_PC_JUZNO_OD_ZELEZNICE,
        "RRA Savinjska: Poslovna cona južno od železnice, II. faza",
        "https://www.rra-savinjska.si/poslovna-cona-juzno-od-zeleznice-ii-faza/",
        "Regionalna razvojna agencija Savinjska",
        None,
        "Tudi: https://www.vtvstudio.com/druga-faza-poslovne-cone-juzno-od-zeleznice-v-zalcu-zakljucena/",
    ),
    _public(
        CELJSKIGLASNIK_SENTJUR_JUG,
        "Celjski glasnik: Evropska sredstva za industrijsko cono v Šentjurju",
        "https://celjskiglasnik.si/evropska-sredstva-za-industrijsko-cono-v-sentjurju/",
        "Celjski glasnik",
        None,
        "Tudi: https://novice.si/page/sentjur-komunalno-opremljena-cona-jug-3/",
    ),
    _public(
        FINDINFO_VRELEC,
        "findinfo.si: Poslovni center Vrelec",
        "https://www.findinfo.si/medijsko-sredisce/dnevne-novice/227984",
        "findinfo.si",
        2018,
    ),
    _public(
        RRA_DRR_DOCUMENTS,
        "RRA Savinjska: Regionalni razvojni dokumenti",
        "https://www.rra-savinjska.si/regionalni-razvojni-dokumenti/page/2/",
        "Regionalna razvojna agencija Savinjska",
        None,
        "Seznam realiziranih projektov Dogovora; Dopolnitev št. 3 podpisana 18. 2. 2021.",
    ),
    _public(
        STA_CELJE_LASKO_2018,
        "STA (2018): Za kolesarsko povezavo Celje–Laško 1,8 milijona evropskih sredstev",
        "https://www.sta.si/2576837/za-kolesarsko-povezavo-celje-lasko-1-8-milijona-evropskih-sredstev",
        "STA",
        2018,
        "Tudi: https://www.gov.si/novice/2021-04-06-potrjenih-devet-projektov-gradnje-"
        "regionalnih-kolesarskih-povezav-iz-dogovorov-za-razvoj-regij/ ; "
        "https://novice.si/page/celje-brv-in-povezava-do-rifengozda-koncani/",
    ),
    _public(
        GOV_CYCLING_2021,
        "gov.si (2021): 67 potrjenih projektov gradnje regionalnih kolesarskih povezav",
        "https://www.gov.si/novice/2021-09-17-67-potrjenih-projektov-gradnje-regionalnih-kolesarskih-povezav/",
        "Vlada Republike Slovenije (MzI)",
        2021,
    ),
    _public(
        VELENJE_HUDA_LUKNJA,
        "velenje.si: Skozi Hudo luknjo in proti Dobrni kmalu tudi s kolesom",
        "https://www.velenje.si/skozi-hudo-luknjo-in-proti-dobrni-kmalu-tudi-s-kolesom/",
        "Mestna občina Velenje",
        None,
    ),
    _public(
        VELENJCAN_HUDA_LUKNJA,
        "velenjcan.si (2024): Odprli kolesarsko povezavo Velenje–Mislinja",
        "https://www.velenjcan.si/druzba/odprli-kolesarsko-povezavo-velenje-mislinja",
        "velenjcan.si",
        2024,
    ),
    _public(
        DELO_CELJE_ZALEC,
        "Delo: Ne le za rekreacijo, kolesarske povezave tudi za pot v službo",
        "https://www.delo.si/lokalno/stajerska/ne-le-za-rekreacijo-kolesarske-povezave-tudi-za-pot-v-sluzbo",
        "Delo",
        None,
    ),
    _public(
        NOVICE_CELJE_ZALEC,
        "novice.si (2024): Celje do Žalca zdaj varno tudi s kolesom",
        "https://novice.si/page/celje-do-zalca-zdaj-varno-tudi-s-kolesom/",
        "novice.si",
        2024,
    ),
    _public(
        MOZIRJE_SAVINJA,
        "Občina Mozirje: Odvajanje in čiščenje v porečju Savinje (SVRK)",
        "https://mozirje.si/porecje-savinje/svrk/",
        "Občina Mozirje",
        None,
        "Tudi: https://www.rasr.si/odvajanje-in-ciscenje-v-porecju-savinje-obcina-mozirje/",
    ),
    _public(
        MOC_SAVINJA,
        "MO Celje: Odvajanje in čiščenje odpadnih voda v porečju Savinje – Občine Celje, Štore "
        "in Vojnik",
        "https://moc.celje.si/projekti/7784-odvajanje-in-ciscenje-odpadnih-voda-v-porecju-savinje-obcine-celje-store-in-vojnik",
        "Mestna občina Celje",
        None,
        "Tudi: https://www.gov.si/novice/2020-10-30-evropska-sredstva-za-kanalizacijo-v-"
        "porecju-savinje/ ; https://novice.si/page/celje-vojnik-store-kanalizacijska-"
        "pokritost-je-vsaj-99-odstotna/",
    ),
    _public(
        RRA_BRASLOVCE_POLZELA_ZALEC,
        "RRA Savinjska: Odvajanje in čiščenje odpadne vode v porečju Savinje – Občine Braslovče, "
        "Polzela in Žalec",
        "https://www.rra-savinjska.si/odvajanje-in-ciscenje-odpadne-vode-v-porecju-savinje-obcine-braslovce-polzela-in-zalec/",
        "Regionalna razvojna agencija Savinjska",
        None,
        "Končni zneski projekta.",
    ),
    _public(
        GOV_BRASLOVCE_POLZELA_ZALEC_2021,
        "gov.si (2021): EU funding for sewerage system in Savinja river basin in Braslovče, "
        "Polzela and Žalec",
        "https://www.gov.si/en/news/2021-01-28-eu-funding-for-sewerage-system-in-savinja-river-basin-in-braslovce-polzela-and-zalec-municipalities/",
        "Vlada Republike Slovenije (SVRK)",
        2021,
        "Zneski iz odločitve o podpori.",
    ),
    _public(
        STA_BRASLOVCE_POLZELA_ZALEC,
        "STA: Občine Braslovče, Polzela in Žalec začenjajo s projektom odvajanje in čiščenje "
        "odpadne vode v porečju Savinje",
        "https://www.sta.si/2886235/obcine-braslovce-polzela-in-zalec-zacenjajo-s-projektom-odvajanje-in-ciscenje-odpadne-vode-v-porecju-savinje",
        "STA",
        2021,
    ),
    _public(
        LASKO_ODPADNE_VODE,
        "Občina Laško: Odvajanje in čiščenje komunalnih odpadnih voda v porečju Savinje – "
        "Občina Laško",
        "https://www.lasko.si/kohezijski-sklad/8332-odvajanje-in-ciscenje-komunalnih-odpadnih-voda-v-porecju-savinje-obcina-lasko",
        "Občina Laško",
        None,
        "Tudi: https://www.sta.si/3339576/obcina-lasko-zakljucila-projekt-odvajanja-in-"
        "ciscenja-komunalnih-odpadnih-voda",
    ),
    _public(
        GOV_SOTLA_2020,
        "gov.si (2020): Evropska sredstva za kanalizacijski sistem v porečju Sotle",
        "https://www.gov.si/novice/2020-09-18-evropska-sredstva-za-kanalizacijski-sistem-v-porecju-sotle/",
        "Vlada Republike Slovenije (SVRK)",
        2020,
    ),
    _public(
        KOZJANSKO_PRNEK_2021,
        "kozjansko.info (2021): Zaključek gradnje kanalizacijskega sistema na Prneku",
        "https://kozjansko.info/2021/11/zakljucek-gradnje-kanalizacijskega-sistema-obnove-ceste-in-ureditve-javne-razsvetljave-na-prneku/",
        "kozjansko.info",
        2021,
    ),
    _public(
        GOV_DRAVINJA_2020,
        "gov.si (2020): Evropska sredstva za čiščenje odpadne vode v porečju Dravinje in "
        "Spodnje Save",
        "https://www.gov.si/novice/2020-12-21-evropska-sredstva-za-ciscenje-odpadne-vode-v-porecju-dravinje-in-spodnje-save/",
        "Vlada Republike Slovenije (SVRK)",
        2020,
    ),
    _public(
        POLZELA_VODA_1,
        "Občina Polzela: Oskrba s pitno vodo v Savinjski regiji – 1. sklop",
        "https://www.polzela.si/oskrba-s-pitno-vodo-v-savinjski-regiji-1-sklop/",
        "Občina Polzela",
        None,
        "Tudi: https://nova24tv.si/lokalno/podpisa-nov-projekt-oskrbe-s-pitno-vodo-v-"
        "savinjski-regiji/ (odločitev o podpori 21. 6. 2021)",
    ),
    _public(
        GOV_VODA_1_2022,
        "gov.si (2022): Podpisan projekt Oskrba s pitno vodo v Savinjski regiji",
        "https://www.gov.si/novice/2022-04-20-podpisan-projekt-oskrba-s-pitno-vodo-v-savinjski-regiji/",
        "Vlada Republike Slovenije",
        2022,
    ),
    _public(
        DELO_VODA_1_2023,
        "Delo (2023): Novi vodovod uspešno prestal krst poplave",
        "https://www.delo.si/lokalno/stajerska/novi-vodovod-uspesno-prestal-krst-poplave/",
        "Delo",
        2023,
    ),
    _public(
        RRA_VODA_2,
        "RRA Savinjska: Oskrba s pitno vodo v Savinjski regiji – 2. sklop",
        "https://www.rra-savinjska.si/oskrba-s-pitno-vodo-v-savinjski-regiji-2-sklop/",
        "Regionalna razvojna agencija Savinjska",
        None,
        "Tudi: https://lasko.si/kohezijski-sklad/7415-izgradnja-vodovoda-ojstro-tovsto-zahum-"
        "brstnik-2",
    ),
    _public(
        GOV_LJUBECNA,
        "gov.si: Navezovalna cesta Ljubečna - AC priključek Celje vzhod",
        "https://www.gov.si/zbirke/projekti-in-programi/nov-projekt-200320135626/",
        "Vlada Republike Slovenije",
        None,
        "Tudi: https://www.celje.info/aktualno/zacela-se-je-gradnja-navezovalne-ceste-"
        "ljubecna-ac-prikljucek-celje-vzhod/",
    ),
    _public(
        RRA_DRR_2021_2027,
        "RRA Savinjska: Podpisan je Dogovor za razvoj Savinjske razvojne regije",
        "https://www.rra-savinjska.si/podpisan-je-dogovor-za-razvoj-savinjske-razvojne-regije/",
        "Regionalna razvojna agencija Savinjska",
        None,
    ),
    _public(
        MEGAFON_DRR_2024,
        "megafon.si: Na seji Sveta Savinjske regije potrdili projekte v sklopu Dogovora za "
        "razvoj regij",
        "https://megafon.si/gospodarstvo/na-seji-sveta-savinjske-regije-potrdili-projekte-v-sklopu-dogovora-za-razvoj-regij/",
        "megafon.si",
        None,
        "Leto seje v izvlečku ni navedeno (verjetno 2024).",
    ),
    _public(
        KOZJANSKO_DODATEK_2025,
        "kozjansko.info (2025): Podpisali dodatek k Dogovoru za razvoj Savinjske regije",
        "https://kozjansko.info/2025/04/podpisali-dodatek-k-dogovoru-za-razvoj-savinjske-regije-vreden-vec-deset-milijonov-evrov",
        "kozjansko.info",
        2025,
    ),
    _public(
        SIOL_CELJE_VOJNIK,
        "siol.net (2025): Velika pridobitev na Celjskem",
        "https://siol.net/novice/slovenija/velika-pridobitev-na-celjskem-654718",
        "siol.net",
        2025,
        "Tudi: https://zadnjenovice.info/prihodnje-leto-se-obeta-gradnja-delov-kolesarske-"
        "povezave-celje-vojnik-76498.html",
    ),
]
