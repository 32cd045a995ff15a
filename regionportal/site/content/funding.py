"""Programmes and sources of money, the regional development agreement, the 2021-2027
perspective and the agency's record in European projects."""

from datetime import date
from decimal import Decimal

from .sources import (
    AGENCY,
    CELJE_INFO_2018,
    CELJSKIGLASNIK_SENTJUR_JUG,
    DELO_CELJE_ZALEC,
    DELO_VODA_1_2023,
    FINDINFO_VRELEC,
    GOV_ARNOVSKI_GOZD_2021,
    GOV_BRASLOVCE_POLZELA_ZALEC_2021,
    GOV_CYCLING_2021,
    GOV_DRAVINJA_2020,
    GOV_LJUBECNA,
    GOV_SOTLA_2020,
    GOV_STARA_VAS_2019,
    GOV_VODA_1_2022,
    INTERREG_DANUBE,
    INTERREG_EUROPE,
    INTERREG_SI_HR,
    KOZJANSKO_DODATEK_2025,
    KOZJANSKO_PRNEK_2021,
    LASKO_ODPADNE_VODE,
    MEGAFON_DRR_2024,
    MOC_SAVINJA,
    MOZIRJE_SAVINJA,
    NOVICE_CELJE_ZALEC,
    OSTA_STARA_VAS_2020,
    OSTA_VELENJE_2018,
    POLZELA_VODA_1,
    RRA_BRASLOVCE_POLZELA_ZALEC,
    RRA_DRR_2021_2027,
    RRA_DRR_DOCUMENTS,
    RRA_PC_JUZNO_OD_ZELEZNICE,
    RRA_VODA_2,
    SIOL_CELJE_VOJNIK,
    STA_BRASLOVCE_POLZELA_ZALEC,
    STA_CELJE_LASKO_2018,
    VELENJCAN_HUDA_LUKNJA,
    VELENJE_HUDA_LUKNJA,
)

INTERREG_EUROPE_PROGRAMME = "interreg-europe"
INTERREG_SI_HR_PROGRAMME = "interreg-si-hr"
INTERREG_DANUBE_PROGRAMME = "interreg-danube"
LIFE_PROGRAMME = "life"
COHESION_PROGRAMME = "kohezijska-politika"
NATIONAL_PROGRAMME = "nacionalni"

_VIRI_EXCERPT = (
    "VIRI: JZP, EU, nacionalni, EU, lokalni, … Podnebni sklad, Sklad za inovacije, BANKA TRIODOS?"
)


def _potential_source(order, slug, code, name_sl, name_en, kind, excerpt, **extra):
    """A source of money from the VIRI list of the POTENCIALI slide."""
    return {
        "slug": slug,
        "code": code,
        "order": order,
        "name_sl": name_sl,
        "name_en": name_en,
        "kind": kind,
        "is_listed_as_potential": True,
        "is_tentative": extra.pop("is_tentative", False),
        "source": AGENCY,
        "source_excerpt": excerpt,
        **extra,
    }


PROGRAMMES = [
    {
        "slug": INTERREG_EUROPE_PROGRAMME,
        "code": "INTERREG-EUROPE",
        "order": 1,
        "name_sl": "Interreg Europe",
        "name_en": "Interreg Europe",
        "kind": "interreg",
        "period": "2014–2020",
        "fund": "ERDF",
        "is_eu_funded": True,
        "co_funding_statement_sl": (
            "Projekt je sofinanciran iz Evropskega sklada za regionalni razvoj (ESRR) Evropske "
            "unije v okviru programa Interreg Europe."
        ),
        "co_funding_statement_en": (
            "The project is co-financed by the European Union through the European Regional "
            "Development Fund (ERDF) under the Interreg Europe programme."
        ),
        "description_sl": (
            "Program medregionalnega sodelovanja, v katerem si regije iz vse Evrope izmenjujejo "
            "izkušnje za boljše regionalne politike."
        ),
        "description_en": (
            "The interregional cooperation programme in which regions from all over Europe "
            "share experience to improve their regional development policies."
        ),
        "website": "https://www.interregeurope.eu/",
        "source": INTERREG_EUROPE,
    },
    {
        "slug": INTERREG_SI_HR_PROGRAMME,
        "code": "INTERREG-VA-SI-HR",
        "order": 2,
        "name_sl": "Interreg V-A Slovenija–Hrvaška",
        "name_en": "Interreg V-A Slovenia–Croatia",
        "kind": "interreg",
        "period": "2014–2020",
        "fund": "ERDF",
        "is_eu_funded": True,
        "co_funding_statement_sl": (
            "Projekt je sofinanciran iz Evropskega sklada za regionalni razvoj (ESRR) Evropske "
            "unije v okviru programa sodelovanja Interreg V-A Slovenija–Hrvaška."
        ),
        "co_funding_statement_en": (
            "The project is co-financed by the European Union through the European Regional "
            "Development Fund (ERDF) under the Interreg V-A Slovenia–Croatia cooperation "
            "programme."
        ),
        "description_sl": "Program čezmejnega sodelovanja med Slovenijo in Hrvaško.",
        "description_en": "The cross-border cooperation programme of Slovenia and Croatia.",
        "website": "https://www.si-hr.eu/",
        "source": INTERREG_SI_HR,
    },
    {
        "slug": INTERREG_DANUBE_PROGRAMME,
        "code": "INTERREG-DTP",
        "order": 3,
        "name_sl": "Transnacionalni program Interreg Donava",
        "name_en": "Interreg Danube Transnational Programme",
        "kind": "interreg",
        "period": "2014–2020",
        # Partners from outside the EU, such as Serbia's RARIS, draw on IPA rather than ERDF.
        "fund": "ERDF, IPA",
        "is_eu_funded": True,
        "co_funding_statement_sl": (
            "Projekt sofinancirajo skladi Evropske unije (ESRR, IPA) v okviru Transnacionalnega "
            "programa Interreg Donava."
        ),
        "co_funding_statement_en": (
            "The project is co-funded by European Union funds (ERDF, IPA) under the Interreg "
            "Danube Transnational Programme."
        ),
        "description_sl": "Program transnacionalnega sodelovanja držav v Podonavju.",
        "description_en": "The transnational cooperation programme of the Danube countries.",
        "website": "https://www.interreg-danube.eu/",
        "source": INTERREG_DANUBE,
    },
    {
        "slug": LIFE_PROGRAMME,
        "code": "LIFE",
        "order": 4,
        "name_sl": "Program LIFE",
        "name_en": "LIFE programme",
        "kind": "life",
        "period": "2014–2020",
        "fund": "LIFE",
        "is_eu_funded": True,
        "co_funding_statement_sl": "Projekt sofinancira program LIFE Evropske unije.",
        "co_funding_statement_en": "The project is co-funded by the European Union’s LIFE "
        "programme.",
        "description_sl": (
            "Največji evropski finančni mehanizem, namenjen izključno ukrepom na področju "
            "varstva okolja, ohranjanja narave ter blaženja in prilagajanja podnebnim "
            "spremembam."
        ),
        "description_en": (
            "The largest European funding instrument devoted solely to protecting the "
            "environment, conserving nature, and mitigating and adapting to climate change."
        ),
        "website": "https://cinea.ec.europa.eu/programmes/life_en",
        "source": AGENCY,
        "source_excerpt": (
            "LIFE+ … največji evropski finančni mehanizem, namenjen izključno ukrepom na "
            "področju varstva okolja, ohranjanja narave ter blaženja in prilagajanja podnebnim "
            "spremembam"
        ),
    },
    {
        "slug": COHESION_PROGRAMME,
        "code": "COHESION-DRR",
        "order": 5,
        "name_sl": "Kohezijska politika (Dogovor za razvoj regije)",
        "name_en": "Cohesion policy (regional development agreement)",
        "kind": "cohesion",
        "period": "2014–2020",
        "is_eu_funded": True,
        "co_funding_statement_sl": (
            "Naložbo sofinancirata Republika Slovenija in Evropska unija iz kohezijskih sredstev."
        ),
        "co_funding_statement_en": (
            "The investment is co-financed by the Republic of Slovenia and the European Union "
            "from cohesion funds."
        ),
        "description_sl": (
            "Kohezijska sredstva za projekte Dogovora za razvoj Savinjske regije: dobrih 51 mio "
            "EUR za 29 odobrenih projektov."
        ),
        "description_en": (
            "Cohesion funds for the projects of the Savinjska regional development agreement: "
            "just over EUR 51 million for 29 approved projects."
        ),
        "source": AGENCY,
        "source_excerpt": "Odobrenih 29 projektov Dobrih 51 mio EUR kohezijskih sredstev",
    },
    # The VIRI list, in the slide's order ("EU" appears twice there; it is one source here).
    _potential_source(
        10,
        "jzp",
        "JZP",
        "Javno-zasebno partnerstvo (JZP)",
        "Public–private partnership",
        "other",
        _VIRI_EXCERPT,
    ),
    _potential_source(
        11,
        "eu",
        "EU",
        "Sredstva EU",
        "EU funds",
        "other",
        _VIRI_EXCERPT,
        is_eu_funded=True,
    ),
    _potential_source(
        12,
        NATIONAL_PROGRAMME,
        "NATIONAL",
        "Nacionalna sredstva",
        "National funds",
        "national",
        _VIRI_EXCERPT,
    ),
    _potential_source(
        13, "lokalni", "LOCAL", "Lokalna sredstva", "Local funds", "local", _VIRI_EXCERPT
    ),
    _potential_source(
        14,
        "podnebni-sklad",
        "PODNEBNI-SKLAD",
        "Podnebni sklad",
        "Climate Fund",
        "other",
        _VIRI_EXCERPT,
    ),
    _potential_source(
        15,
        "sklad-za-inovacije",
        "SKLAD-ZA-INOVACIJE",
        "Sklad za inovacije",
        "Innovation Fund",
        "other",
        _VIRI_EXCERPT,
    ),
    _potential_source(
        16,
        "banka-triodos",
        "TRIODOS",
        "Banka Triodos",
        "Triodos Bank",
        "other",
        "BANKA TRIODOS?",
        is_tentative=True,
        description_sl="Predstavitev jo navaja z vprašajem.",
        description_en="The presentation names it with a question mark.",
    ),
]

AGREEMENT = {
    "slug": "dogovor-za-razvoj-savinjske-regije",
    "name_sl": "Dogovor za razvoj Savinjske regije",
    "name_en": "Development Agreement for the Savinjska Region",
    "period": "2014–2020",
    "description_sl": (
        "V juniju 2018 je bila podpisana Dopolnitev Dogovora za razvoj Savinjske regije. "
        "Odobrenih je 29 projektov z dobrimi 51 mio EUR kohezijskih sredstev."
    ),
    "description_en": (
        "The supplement to the Development Agreement for the Savinjska Region was signed in "
        "June 2018. It approves 29 projects with just over EUR 51 million in cohesion funds."
    ),
    "agency_role_sl": (
        "načrtujemo delo in pripravljamo strokovne podlage za izvajanje regionalnih projektov\n"
        "pripravljamo vloge za financiranje razvojnih nalog na regionalni ravni, ki so v javnem "
        "interesu\n"
        "pri ugotavljanju in izvajanju skupnih razvojnih nalog sodelujemo z občinami v regiji, "
        "nacionalnimi organi in razvojnimi agencijami"
    ),
    "agency_role_en": (
        "We plan the work and prepare the expert groundwork for carrying out regional "
        "projects.\n"
        "We prepare applications for funding regional development tasks that are in the public "
        "interest.\n"
        "We work with the region’s municipalities, national authorities and development "
        "agencies to identify and carry out shared development tasks."
    ),
    "supplement_signed": date(2018, 6, 1),
    "supplement_signed_precision": "month",
    "approved_projects_stated": 29,
    "cohesion_funds_stated_sl": "Dobrih 51 mio EUR kohezijskih sredstev",
    "cohesion_funds_stated_en": "Just over EUR 51 million in cohesion funds",
    "cohesion_funds_at_least": Decimal("51000000.00"),
    # celje.info (2018): the committed funds are part of the total, never to be added to it.
    "total_value": Decimal("81334538.39"),
    "committed_funds": Decimal("51486997.71"),
    "figures_source": CELJE_INFO_2018,
    "later_amendments_sl": (
        "Spremembo Dogovora št. 3 so podpisali 18. februarja 2021 (javni viri)."
    ),
    "later_amendments_en": "Amendment no. 3 to the agreement was signed on 18 February 2021 "
    "(public sources).",
    "source": AGENCY,
    "source_excerpt": (
        "DOGOVOR ZA RAZVOJ REGIJE … V juniju 2018 je bila podpisana Dopolnitev Dogovora za "
        "razvoj Savinjske regije. Odobrenih 29 projektov Dobrih 51 mio EUR kohezijskih sredstev"
    ),
}

AGREEMENT_CATEGORIES = [
    {
        "slug": "spodbujanje-podjetnistva",
        "order": 1,
        "name_sl": "Spodbujanje podjetništva",
        "name_en": "Promoting entrepreneurship",
        "projects_stated": 9,
        "source": AGENCY,
        "source_excerpt": "SPODBUJANJE PODJETNIŠTVA 9 projektov",
    },
    {
        "slug": "regijsko-kolesarsko-omrezje",
        "order": 2,
        "name_sl": "Izgradnja regijskega kolesarskega omrežja",
        "name_en": "Building the regional cycling network",
        "projects_stated": 9,
        "source": AGENCY,
        "source_excerpt": "IZGRADNJA REGIJSKEGA KOLESARSKEGA OMREŽJA 9 projektov",
    },
    {
        "slug": "odpadne-vode",
        "order": 3,
        "name_sl": "Čiščenje in odvajanje odpadnih voda",
        "name_en": "Wastewater collection and treatment",
        "projects_stated": 7,
        "source": AGENCY,
        "source_excerpt": "ČIŠČENJE IN ODVAJANJE ODPADNIH VODA 7 projektov",
    },
    {
        "slug": "pitna-voda",
        "order": 4,
        "name_sl": "Oskrba s pitno vodo",
        "name_en": "Drinking water supply",
        "projects_stated": 3,
        "source": AGENCY,
        "source_excerpt": "OSKRBA S PITNO VODO 3 projekti",
    },
    {
        "slug": "regionalna-mobilnost",
        "order": 5,
        "name_sl": "Izboljšanje regionalne mobilnosti",
        "name_en": "Improving regional mobility",
        "projects_stated": 1,
        "source": AGENCY,
        "source_excerpt": "IZBOLJŠANJE REGIONALNE MOBILNOSTI 1 projekt",
    },
]

AGREEMENT_2021_2027 = {
    "slug": "dogovor-za-razvoj-savinjske-razvojne-regije-2021-2027",
    "name_sl": "Dogovor za razvoj Savinjske razvojne regije 2021–2027",
    "name_en": "Development Agreement for the Savinjska Development Region 2021–2027",
    "period": "2021–2027",
    "description_sl": (
        "Dogovor sta podpisala minister dr. Aleksander Jevšek in mag. Branko Kidrič; njegov prvi "
        "projekt je Podjetno nad izzive – PONI Savinjska. Svet Savinjske regije je potrdil 30 "
        "projektov v 5 sklopih (57,8 mio EUR kvote regije). Dodatek št. 1, podpisan aprila 2025, "
        "obsega 15 projektov (34,7 mio EUR sredstev EKP, 59,1 mio EUR skupaj); preostalih 15 "
        "(zelena infrastruktura, daljinske kolesarske povezave) bo dodanih pozneje."
    ),
    "description_en": (
        "The agreement was signed by Minister Dr Aleksander Jevšek and Branko Kidrič, MSc; its "
        "first project is Podjetno nad izzive – PONI Savinjska. The Council of the Savinjska "
        "Region confirmed 30 projects in 5 groups (the region's quota of EUR 57.8 million). "
        "Supplement no. 1, signed in April 2025, covers 15 projects (EUR 34.7 million of "
        "cohesion policy funds, EUR 59.1 million in all); the other 15 (green infrastructure, "
        "long-distance cycling links) are still to be added."
    ),
    "supplement_signed": date(2025, 4, 1),
    "supplement_signed_precision": "month",
    "approved_projects_stated": 30,
    "cohesion_funds_stated_sl": "57.826.979,66 EUR sredstev EKP za 30 projektov",
    "cohesion_funds_stated_en": "EUR 57,826,979.66 of cohesion policy funds for 30 projects",
    "cohesion_funds_at_least": Decimal("57826979.66"),
    "source": KOZJANSKO_DODATEK_2025,
    "source_excerpt": (
        "dokumentacijo za 30 projektov v vrednosti 57.826.979,66 EUR sredstev EKP … Dodatek "
        "številka 1 k DRR"
    ),
}

AGREEMENTS = [AGREEMENT, AGREEMENT_2021_2027]


def _category_2021(order, slug, name_sl, name_en, source_excerpt):
    """A group of the 2021–2027 agreement's projects as kozjansko.info names it; no source
    states how many projects each has."""
    return {
        "agreement": AGREEMENT_2021_2027["slug"],
        "slug": slug,
        "order": order,
        "name_sl": name_sl,
        "name_en": name_en,
        "projects_stated": None,
        "source": KOZJANSKO_DODATEK_2025,
        "source_excerpt": source_excerpt,
    }


AGREEMENT_CATEGORIES = [
    {**entry, "agreement": AGREEMENT["slug"]} for entry in AGREEMENT_CATEGORIES
] + [
    _category_2021(
        1,
        "2021-podjetnistvo",
        "Podjetništvo in podjetniški inkubatorji",
        "Entrepreneurship and business incubators",
        "podjetniški inkubatorji",
    ),
    _category_2021(
        2, "2021-pitna-voda", "Oskrba s pitno vodo", "Drinking water supply", "oskrba s pitno vodo"
    ),
    _category_2021(
        3,
        "2021-odpadne-vode",
        "Odvajanje in čiščenje odpadnih voda",
        "Wastewater collection and treatment",
        "odvajanje in čiščenje odpadnih voda",
    ),
    _category_2021(
        4,
        "2021-trajnostna-mobilnost",
        "Neinfrastrukturni ukrepi trajnostne mobilnosti",
        "Non-infrastructure measures for sustainable mobility",
        "neinfrastrukturni ukrepi trajnostne mobilnosti",
    ),
    _category_2021(
        5,
        "2021-kolesarske-povezave",
        "Daljinske kolesarske povezave",
        "Long-distance cycling links",
        "daljinske kolesarske povezave",
    ),
    _category_2021(
        6,
        "2021-zelena-infrastruktura",
        "Zelena infrastruktura",
        "Green infrastructure",
        "zelena infrastruktura",
    ),
]


def _discrepancy(field_label_sl, field_label_en, other_value, note_sl, note_en, source):
    return {
        "field_label_sl": field_label_sl,
        "field_label_en": field_label_en,
        "other_value": other_value,
        "note_sl": note_sl,
        "note_en": note_en,
        "source": source,
    }


def _project(category, slug, title, description_sl, description_en, source, **fields):
    """An agreement project, its title as the cited source spells it (the same in English:
    it is the operation's official name). Amounts are entered only where the source gives
    them exactly; a rounded figure ("dobrih 4,7 mio") is in the description."""
    return {
        "category": category,
        "slug": slug,
        "title_sl": title,
        "title_en": title,
        "description_sl": description_sl,
        "description_en": description_en,
        "source": source,
        "lead_municipality": None,
        "municipalities": [],
        "discrepancies": [],
        **fields,
    }


# The investor or implementer by its Slovenian name, as the sources give it (a proper name).
DRSI = "Direkcija RS za infrastrukturo (DRSI)"
RRA_SAVINJSKA = "Regionalna razvojna agencija Savinjska (RASR)"

# The agreement's projects the public sources name: 22 of the 29 of 2014–2020 (20 with the
# agreement named in the source, 2 on the agency's or the ministry's pages for the agreement
# only, each saying so) and 4 of the 2021–2027 agreement. Left out, because no source ties
# them to the agreement clearly:
# - "DRR Rogaška Slatina – Sp. Gabernik" (cycle lanes on LC 356031): its name starts "DRR",
#   but it may be a section of the Šentjur–Šmarje–Rogaška Slatina–Rogatec link entered below,
#   and entering it would count that project twice;
# - the Dobrna section of the Celje–Vojnik–Dobrna link (Lemberg – središče Dobrne): its
#   sources do not say that it is part of the agreement;
# - the Rogatec and Podčetrtek network incubator (2021–2027): Rogatec "se poteguje" for it,
#   and its inclusion in Dodatek št. 1 is not confirmed.
# Not the agreement's at all, though close: Kolesarske poti Žalec–Rogatec, the Podčetrtek
# incubator (a call for border problem areas), the Šentjur Proseniško–Dole–Trnovec sewer and
# phase I of the Stara vas zone (an MGRT call of 2016–2017).
AGREEMENT_PROJECTS = [
    _project(
        "spodbujanje-podjetnistva",
        "razsiritev-poslovne-cone-stara-vas-ii-faza",
        "Razširitev poslovne cone Stara vas (II. faza)",
        "Odločitev o podpori 13. 6. 2019; uporabno dovoljenje 3. 11. 2020.",
        "Decision on support 13 June 2019; occupancy permit 3 November 2020.",
        GOV_STARA_VAS_2019,
        lead_municipality="velenje",
        status="completed",
        total_value=Decimal("982000.00"),
        eu_fund="erdf",
        eu_amount=Decimal("604000.00"),
        discrepancies=[
            _discrepancy(
                "ocenjena vrednost in sofinanciranje (načrt 2018)",
                "estimated value and co-financing (2018 plan)",
                "985.760 EUR; sofinanciranje EU in RS 808.000 EUR",
                "Načrt ob podpisu dopolnitve Dogovora.",
                "The plan when the supplement to the agreement was signed.",
                OSTA_VELENJE_2018,
            ),
            _discrepancy(
                "končna vrednost naložbe",
                "final value of the investment",
                "667.787 EUR; najvišji znesek pogodbe o sofinanciranju 805.205,11 EUR, znižan "
                "na 577.959,14 EUR",
                "Končni znesek po izvedbi.",
                "The final amount once the works were done.",
                OSTA_STARA_VAS_2020,
            ),
        ],
    ),
    _project(
        "spodbujanje-podjetnistva",
        "ekonomska-poslovna-infrastruktura-v-pc-ag-iii",
        "Ekonomska poslovna infrastruktura v PC AG III",
        "Razširitev poslovne cone Arnovski gozd: okoli 3 mio EUR, od tega skoraj 1,5 mio EUR "
        "ESRR; potrditev SVRK 26. 3. 2021, dela od junija 2021, konec načrtovan spomladi 2023.",
        "Expansion of the Arnovski gozd business zone: about EUR 3 million, of which almost "
        "EUR 1.5 million from the ERDF; approved by SVRK on 26 March 2021, works from June "
        "2021, completion planned for spring 2023.",
        GOV_ARNOVSKI_GOZD_2021,
        lead_municipality="zalec",
        status="in_progress",
        eu_fund="erdf",
    ),
    _project(
        "spodbujanje-podjetnistva",
        "poslovna-cona-juzno-od-zeleznice-ii-faza",
        "Poslovna cona južno od železnice, II. faza",
        "Več kot 552.000 EUR kohezijskih sredstev; zaključen. Projekt je na strani RRA Savinjska "
        "o projektih Dogovora; besedilo vira Dogovora izrecno ne imenuje.",
        "Over EUR 552,000 in cohesion funds; completed. The project is on RRA Savinjska's page "
        "on the agreement's projects; the source's text does not name the agreement itself.",
        RRA_PC_JUZNO_OD_ZELEZNICE,
        lead_municipality="zalec",
        status="completed",
        total_value=Decimal("645218.00"),
    ),
    _project(
        "spodbujanje-podjetnistva",
        "komunalno-opremljanje-industrijske-cone-sentjur-jug-3",
        "Komunalno opremljanje industrijske cone Šentjur jug – 3",
        "Okoli 3,9 mio EUR, od tega več kot 2,6 mio EUR ESRR in 880.000 EUR MGRT; cona je "
        "predana namenu.",
        "About EUR 3.9 million, of which over EUR 2.6 million from the ERDF and EUR 880,000 "
        "from the ministry (MGRT); the zone has been handed over.",
        CELJSKIGLASNIK_SENTJUR_JUG,
        lead_municipality="sentjur",
        status="completed",
        eu_fund="erdf",
    ),
    _project(
        "spodbujanje-podjetnistva",
        "poslovni-center-vrelec",
        "Poslovni center Vrelec",
        "Več kot 2 mio EUR brez DDV, od tega 1,1 mio EUR sredstev EKP iz Dogovora; odprt "
        "septembra 2018, deluje od decembra 2018.",
        "Over EUR 2 million excluding VAT, of which EUR 1.1 million of cohesion policy funds "
        "under the agreement; opened in September 2018, in operation since December 2018.",
        FINDINFO_VRELEC,
        lead_municipality="rogaska-slatina",
        status="completed",
    ),
    _project(
        "spodbujanje-podjetnistva",
        "poslovni-objekt-aurea-v-gorici-pri-slivnici",
        "Mreža podjetniških inkubatorjev – Poslovni objekt Aurea v Gorici pri Slivnici",
        "Enota Podjetniškega inkubatorja Šentjur: okoli 1,1 mio EUR, okoli 60 % sredstev EU; "
        "odprt 7. 10. 2022.",
        "A unit of the Šentjur business incubator: about EUR 1.1 million, about 60% EU funds; "
        "opened on 7 October 2022.",
        RRA_DRR_DOCUMENTS,
        lead_municipality="sentjur",
        status="completed",
    ),
    _project(
        "regijsko-kolesarsko-omrezje",
        "kolesarska-povezava-celje-lasko-etapa-i",
        "Kolesarska povezava Celje-Laško (etapa I: Celje-Tremerje)",
        "3,5 mio EUR, od tega 1,8 mio EUR ESRR. Brv Tremerje – Rifengozd je bila dokončana "
        "decembra 2018. Ministrstvo jo navaja tudi med operacijami, potrjenimi 1. aprila 2021.",
        "EUR 3.5 million, of which EUR 1.8 million from the ERDF. The Tremerje – Rifengozd "
        "footbridge was finished in December 2018. The ministry also lists the operation among "
        "those confirmed on 1 April 2021.",
        STA_CELJE_LASKO_2018,
        implementer=DRSI,
        municipalities=["celje", "lasko"],
        status="approved",
        eu_fund="erdf",
    ),
    _project(
        "regijsko-kolesarsko-omrezje",
        "kolesarska-povezava-celje-store-sentjur",
        "Kolesarska povezava Celje - Štore – Šentjur",
        "11,55 km (8,59 km novih); potrjena septembra 2021, gradnja od 18. 5. 2022, "
        "dokončana septembra 2024.",
        "11.55 km (8.59 km new); approved in September 2021, built from 18 May 2022, finished "
        "in September 2024.",
        GOV_CYCLING_2021,
        implementer=DRSI,
        municipalities=["celje", "store", "sentjur"],
        status="completed",
        total_value=Decimal("11048101.00"),
    ),
    _project(
        "regijsko-kolesarsko-omrezje",
        "kolesarska-povezava-huda-luknja",
        "Kolesarska povezava Huda luknja med Velenjem in Mislinjo",
        "Iz kvote Mestne občine Velenje v Dogovoru; sodeluje tudi Občina Mislinja (Koroška "
        "regija). Odprta 21. 5. 2024.",
        "From the City of Velenje's quota in the agreement; the Municipality of Mislinja "
        "(Koroška region) takes part too. Opened on 21 May 2024.",
        OSTA_VELENJE_2018,
        implementer=DRSI,
        lead_municipality="velenje",
        status="completed",
        cohesion_amount=Decimal("2511946.00"),
        discrepancies=[
            _discrepancy(
                "vrednost in sredstva Dogovora",
                "value and the agreement's funds",
                "ocenjeno 16 mio EUR; iz Dogovora 4,2 mio EUR",
                "Ocena Mestne občine Velenje.",
                "The City of Velenje's estimate.",
                VELENJE_HUDA_LUKNJA,
            ),
            _discrepancy(
                "vrednost ob odprtju",
                "value at the opening",
                "18 mio EUR; iz Dogovora Velenje 2,7 mio EUR in Mislinja okoli 1,5 mio EUR",
                "Zneski ob odprtju povezave.",
                "The amounts when the link opened.",
                VELENJCAN_HUDA_LUKNJA,
            ),
        ],
    ),
    _project(
        "regijsko-kolesarsko-omrezje",
        "kolesarska-povezava-dobrna-vinska-gora-velenje",
        "Kolesarska povezava Velenje-Šoštanj-Šmartno ob Paki-Mozirje, odsek Dobrna (Vinska "
        "Gora)-Velenje",
        "6,4 km do meje z Občino Dobrna; potrjena septembra 2021, začetek del 18. 2. 2022.",
        "6.4 km to the border of the Municipality of Dobrna; approved in September 2021, works "
        "began on 18 February 2022.",
        GOV_CYCLING_2021,
        implementer=DRSI,
        lead_municipality="velenje",
        status="in_progress",
    ),
    _project(
        "regijsko-kolesarsko-omrezje",
        "kolesarska-povezava-sostanj-mozirje",
        "Kolesarska povezava Velenje-Šoštanj-Šmartno ob Paki-Mozirje, odsek Šoštanj-Mozirje",
        "Potrjena septembra 2021; deleži občin niso navedeni.",
        "Approved in September 2021; the municipalities' shares are not stated.",
        GOV_CYCLING_2021,
        implementer=DRSI,
        municipalities=["sostanj", "smartno-ob-paki", "mozirje"],
        status="approved",
    ),
    _project(
        "regijsko-kolesarsko-omrezje",
        "izgradnja-kolesarske-povezave-celje-zalec",
        "Izgradnja kolesarske povezave Celje-Žalec",
        "10,8 km; 4,8 mio EUR, od tega 3,5 mio EUR sredstev EU (7,9 km novih). Odprta "
        "septembra 2024; most Špica še ni zgrajen.",
        "10.8 km; EUR 4.8 million, of which EUR 3.5 million of EU funds (7.9 km new). Opened "
        "in September 2024; the Špica bridge is still to be built.",
        DELO_CELJE_ZALEC,
        implementer=DRSI,
        municipalities=["celje", "zalec"],
        status="completed",
        discrepancies=[
            _discrepancy(
                "vrednost in sredstva EU",
                "value and EU funds",
                "MzI 4,5 mio EUR, EU 1,6 mio EUR; 8,6 km novih",
                "Vira se razlikujeta v vrednosti, deležu EU in dolžini novih odsekov.",
                "The sources differ in the value, the EU share and the length of new sections.",
                NOVICE_CELJE_ZALEC,
            ),
        ],
    ),
    _project(
        "regijsko-kolesarsko-omrezje",
        "kolesarska-povezava-sentjur-smarje-rogaska-slatina-rogatec",
        "Kolesarska povezava Šentjur-Šmarje pri Jelšah-Rogaška Slatina-Rogatec po odsekih "
        "Šentjur-Grobelno, Šmarje-Belo-Mestinje-Podplat, Tekačevo-Podplat-Gabernik, "
        "Brezovec-Rogatec-Muzej na prostem",
        "Potrjena septembra 2021.",
        "Approved in September 2021.",
        GOV_CYCLING_2021,
        municipalities=["sentjur", "smarje-pri-jelsah", "rogaska-slatina", "rogatec"],
        status="approved",
    ),
    _project(
        "odpadne-vode",
        "odvajanje-in-ciscenje-v-porecju-savinje-mozirje",
        "Odvajanje in čiščenje v porečju Savinje – Občina Mozirje",
        "4,2 mio EUR, od tega 1,8 mio EUR ESRR; 2,3 km kanalizacije, 2 črpališči, nadgradnja "
        "CČN Mozirje. Dela od 31. 5. 2021; zaključen.",
        "EUR 4.2 million, of which EUR 1.8 million from the ERDF; 2.3 km of sewers, 2 pumping "
        "stations, an upgrade of the Mozirje treatment plant. Works from 31 May 2021; "
        "completed.",
        MOZIRJE_SAVINJA,
        lead_municipality="mozirje",
        municipalities=["nazarje", "recica-ob-savinji"],
        status="completed",
        eu_fund="erdf",
    ),
    _project(
        "odpadne-vode",
        "odvajanje-in-ciscenje-v-porecju-savinje-celje-store-vojnik",
        "Odvajanje in čiščenje odpadnih voda v porečju Savinje – Občine Celje, Štore in Vojnik",
        "11,1 mio EUR skupaj (8,7 mio EUR upravičenih); 26.760 m kanalizacije, 16 črpališč. "
        "Zaključen novembra 2023.",
        "EUR 11.1 million in all (EUR 8.7 million eligible); 26,760 m of sewers, 16 pumping "
        "stations. Completed in November 2023.",
        MOC_SAVINJA,
        source_excerpt="PoS 4.695.241,73 = ESRR 3.756.193,36 + RS 939.048,37",
        lead_municipality="celje",
        municipalities=["store", "vojnik"],
        status="completed",
        cohesion_amount=Decimal("4695241.73"),
        eu_fund="erdf",
        eu_amount=Decimal("3756193.36"),
    ),
    _project(
        "odpadne-vode",
        "odvajanje-in-ciscenje-v-porecju-savinje-braslovce-polzela-zalec",
        "Odvajanje in čiščenje odpadne vode v porečju Savinje – Občine Braslovče, Polzela in Žalec",
        "Vsaka občina vlaga na svojem ozemlju (aglomeracija Polzela); 3.450 m kanalizacije, "
        "2 črpališči. Zaključen 23. 6. 2023. Sofinanciranje: ESRR 358.685,33 EUR in RS "
        "89.671,34 EUR.",
        "Each municipality invests in its own territory (the Polzela agglomeration); 3,450 m "
        "of sewers, 2 pumping stations. Completed on 23 June 2023. Co-financing: "
        "EUR 358,685.33 from the ERDF and EUR 89,671.34 from the state.",
        RRA_BRASLOVCE_POLZELA_ZALEC,
        municipalities=["braslovce", "polzela", "zalec"],
        status="completed",
        total_value=Decimal("1012652.09"),
        cohesion_amount=Decimal("448356.67"),
        eu_fund="erdf",
        eu_amount=Decimal("358685.33"),
        discrepancies=[
            _discrepancy(
                "vrednost in sredstva ESRR (odločitev o podpori)",
                "value and ERDF funds (decision on support)",
                "več kot 2,1 mio EUR; ESRR okoli 759.000 EUR",
                "Zneski iz odločitve o podpori; portal kaže končne zneske RRA Savinjska.",
                "The amounts of the decision on support; the portal shows RRA Savinjska's "
                "final amounts.",
                GOV_BRASLOVCE_POLZELA_ZALEC_2021,
            ),
            _discrepancy(
                "vrednost in nepovratna sredstva",
                "value and grants",
                "2,1 mio EUR; okoli 950.000 EUR nepovratnih sredstev",
                "Zneski ob začetku projekta.",
                "The amounts when the project began.",
                STA_BRASLOVCE_POLZELA_ZALEC,
            ),
        ],
    ),
    _project(
        "odpadne-vode",
        "odvajanje-in-ciscenje-v-porecju-savinje-lasko",
        "Odvajanje in čiščenje komunalnih odpadnih voda v porečju Savinje – Občina Laško",
        "4,3 mio EUR, od tega dobrih 2,1 mio EUR Kohezijskega sklada; 7.780 m kanalizacije, "
        "5 črpališč. Zaključen septembra 2024 (4,2 mio EUR z DDV).",
        "EUR 4.3 million, of which just over EUR 2.1 million from the Cohesion Fund; 7,780 m "
        "of sewers, 5 pumping stations. Completed in September 2024 (EUR 4.2 million "
        "including VAT).",
        LASKO_ODPADNE_VODE,
        lead_municipality="lasko",
        status="completed",
        eu_fund="cf",
    ),
    _project(
        "odpadne-vode",
        "odvajanje-in-ciscenje-v-porecju-sotle-rogaska-slatina",
        "Odvajanje in čiščenje komunalne odpadne vode v porečju Sotle – Občina Rogaška Slatina",
        "Dobrih 2,3 mio EUR, od tega dobrih 900.000 EUR ESRR. Del na Prneku (okoli 2 km) je "
        "bil dokončan 4. 11. 2021.",
        "Just over EUR 2.3 million, of which just over EUR 900,000 from the ERDF. The Prnek "
        "section (about 2 km) was finished on 4 November 2021.",
        GOV_SOTLA_2020,
        lead_municipality="rogaska-slatina",
        status="in_progress",
        eu_fund="erdf",
        discrepancies=[
            _discrepancy(
                "sklad EU in znesek",
                "EU fund and amount",
                "Kohezijski sklad in državni proračun: 1.131.300 EUR; ocenjena vrednost "
                "1.915.609 EUR brez DDV",
                "Vira navajata različen sklad EU.",
                "The sources name different EU funds.",
                KOZJANSKO_PRNEK_2021,
            ),
        ],
    ),
    _project(
        "odpadne-vode",
        "odvajanje-in-ciscenje-v-porecju-dravinje-slovenske-konjice",
        "Odvajanje in čiščenje odpadne vode v porečju Dravinje – Občina Slovenske Konjice",
        "Nekaj manj kot 5,4 mio EUR, od tega skoraj 2,2 mio EUR Kohezijskega sklada; več kot "
        "14.000 m kanalizacije (aglomeracija Velešnik). Dela od maja 2021. Vir Dogovora ne "
        "imenuje; projekt je iz istega mehanizma in obdobja.",
        "Just under EUR 5.4 million, of which almost EUR 2.2 million from the Cohesion Fund; "
        "over 14,000 m of sewers (the Velešnik agglomeration). Works from May 2021. The source "
        "does not name the agreement; the project comes from the same mechanism and period.",
        GOV_DRAVINJA_2020,
        lead_municipality="slovenske-konjice",
        status="in_progress",
        eu_fund="cf",
    ),
    _project(
        "pitna-voda",
        "oskrba-s-pitno-vodo-v-savinjski-regiji-1-sklop",
        "Oskrba s pitno vodo v Savinjski regiji – 1. SKLOP",
        "Za 14.807 prebivalcev; odločitev o podpori 21. 6. 2021, pogodba o sofinanciranju "
        "aprila 2022; zaključen leta 2023.",
        "For 14,807 residents; decision on support 21 June 2021, co-financing contract April "
        "2022; completed in 2023.",
        POLZELA_VODA_1,
        source_excerpt=(
            "IZGRADNJA INFRASTRUKTURE ZA KVALITETNO VODOOSKRBO V SAVINJSKI REGIJI – Občine "
            "Braslovče, Polzela, Prebold, Tabor, Vransko in Žalec"
        ),
        lead_municipality="zalec",
        municipalities=["braslovce", "polzela", "prebold", "tabor", "vransko"],
        status="completed",
        total_value=Decimal("6216922.00"),
        cohesion_amount=Decimal("3032409.00"),
        eu_fund="cf",
        eu_amount=Decimal("2577548.00"),
        discrepancies=[
            _discrepancy(
                "vrednost ob zaključku",
                "value at completion",
                "3,8 mio EUR; sofinanciranih 2,7 mio EUR",
                "Zneska ob zaključku projekta.",
                "The amounts at the project's completion.",
                DELO_VODA_1_2023,
            ),
            _discrepancy(
                "datum odločitve o podpori",
                "date of the decision on support",
                "21. 5. 2022",
                "Drugi vir navaja 21. 6. 2021.",
                "Another source gives 21 June 2021.",
                GOV_VODA_1_2022,
            ),
        ],
    ),
    _project(
        "pitna-voda",
        "oskrba-s-pitno-vodo-v-savinjski-regiji-2-sklop",
        "Oskrba s pitno vodo v Savinjski regiji – 2. sklop",
        "9.230 m vodovoda, vodohrana Zahum in Borovc, 1 črpališče; realiziran.",
        "9,230 m of water mains, the Zahum and Borovc reservoirs, 1 pumping station; realised.",
        RRA_VODA_2,
        source_excerpt="EU 182.561,15 (85 %); nacionalna sredstva 32.216,67 (15 %)",
        lead_municipality="lasko",
        status="completed",
        cohesion_amount=Decimal("214777.82"),
        eu_amount=Decimal("182561.15"),
    ),
    _project(
        "regionalna-mobilnost",
        "povezovalna-cesta-ljubecna-celje-vzhod",
        "Navezovalna cesta Ljubečna - AC priključek Celje vzhod",
        "Edini projekt Dogovora v kategoriji izboljšanja regionalne mobilnosti: 4,35 mio EUR, "
        "od tega 2,8 mio EUR ESRR. Gradnja od septembra 2020; Mestna občina Celje je "
        "financirala načrt dodatnega krožišča.",
        "The agreement’s only project in the category of improving regional mobility: "
        "EUR 4.35 million, of which EUR 2.8 million from the ERDF. Built from September 2020; "
        "the City of Celje paid for the design of an extra roundabout.",
        GOV_LJUBECNA,
        implementer="Ministrstvo za infrastrukturo, Direkcija RS za infrastrukturo",
        municipalities=["celje"],
        status="in_progress",
        eu_fund="erdf",
    ),
    _project(
        "2021-podjetnistvo",
        "podjetno-nad-izzive-poni-savinjska",
        "Podjetno nad izzive – PONI Savinjska",
        "Prvi projekt Dogovora 2021–2027: usposabljanje za podjetništvo v Inkubatorju "
        "Savinjske regije v Celju od 1. 2. 2024, do leta 2028 za 106 udeležencev.",
        "The first project of the 2021–2027 agreement: entrepreneurship training at the "
        "Savinjska Region Incubator in Celje since 1 February 2024, for 106 participants by "
        "2028.",
        RRA_DRR_2021_2027,
        implementer=RRA_SAVINJSKA,
        status="in_progress",
        total_value=Decimal("1538851.82"),
    ),
    _project(
        "2021-trajnostna-mobilnost",
        "regijski-centri-mobilnosti",
        "Regijski centri mobilnosti (RCM)",
        "Deluje kot Regijski center mobilnosti Savinjska. Skupaj s PONI in RCPS dobra dva "
        "milijona EUR.",
        "It works as the Savinjska Regional Mobility Centre. Together with PONI and RCPS just "
        "over EUR 2 million.",
        MEGAFON_DRR_2024,
        implementer=RRA_SAVINJSKA,
        status="in_progress",
    ),
    _project(
        "2021-trajnostna-mobilnost",
        "regijska-celostna-prometna-strategija",
        "Regijska celostna prometna strategija (RCPS)",
        "Skupaj s PONI in RCM dobra dva milijona EUR.",
        "Together with PONI and RCM just over EUR 2 million.",
        MEGAFON_DRR_2024,
        implementer=RRA_SAVINJSKA,
        status="unknown",
    ),
    _project(
        "2021-kolesarske-povezave",
        "izgradnja-delov-kolesarske-povezave-celje-vojnik",
        "Izgradnja delov kolesarske povezave Celje–Vojnik",
        "Del daljinske kolesarske povezave G14 Celje–Vojnik–Dobrna: 2,24 mio EUR, 6.552 m v "
        "treh odsekih; v obravnavi za neposredno potrditev, konec načrtovan ob koncu leta 2028.",
        "Part of the G14 Celje–Vojnik–Dobrna long-distance cycling link: EUR 2.24 million, "
        "6,552 m in three sections; under consideration for direct approval, completion "
        "planned for the end of 2028.",
        SIOL_CELJE_VOJNIK,
        implementer=DRSI,
        municipalities=["celje", "vojnik"],
        status="planned",
    ),
]

PERSPECTIVE = {
    "slug": "2021-2027",
    "period": "2021–2027",
    "title_sl": "Priprave na novo finančno perspektivo 2021‒2027",
    "title_en": "Preparing for the new 2021–2027 financial perspective",
    "description_sl": "Trije splošni cilji regionalne politike:",
    "description_en": "The three general goals of regional policy:",
    "source": AGENCY,
    "source_excerpt": (
        "Priprave na novo finančno perspektivo 2021‒ 2027 Trije splošni cilji regionalne politike:"
    ),
}

POLICY_GOALS = [
    {
        "number": 1,
        "source": AGENCY,
        "text_sl": (
            "dvig regionalne blaginje s povečanjem gospodarskega, družbenega in okoljskega "
            "kapitala v vseh razvojnih regijah ter njegove učinkovitosti v smislu "
            "konkurenčnosti gospodarstva, kakovosti življenja in trajnostne rabe naravnih virov"
        ),
        "text_en": (
            "Greater prosperity in every development region, by increasing its economic, social "
            "and environmental capital and making better use of it: a more competitive economy, "
            "a better quality of life and sustainable use of natural resources."
        ),
    },
    {
        "number": 2,
        "source": AGENCY,
        "text_sl": (
            "odprava strukturnih težav problemskih območij in zmanjševanje njihovega "
            "razvojnega zaostanka"
        ),
        "text_en": (
            "Solving the structural problems of lagging areas and narrowing the gap in their "
            "development."
        ),
    },
    {
        "number": 3,
        "source": AGENCY,
        "text_sl": (
            "uresničevanje razvojnih potencialov in izkoriščanje globalnih priložnosti z "
            "mednarodnim teritorialnim sodelovanjem"
        ),
        "text_en": (
            "Realising development potential and seizing global opportunities through "
            "international territorial cooperation."
        ),
    },
]

AGENCY_RECORD = {
    "title_sl": "Evropski projekti",
    "title_en": "European projects",
    "interreg_projects_as_partner": 5,
    "countries": 15,
    "projects_as_lead": 1,
    "applications": 6,
    "applications_year": 2019,
    "source": AGENCY,
    "source_excerpt": (
        "Evropski projekti • kot partnerji sodelujemo v 5 INTERREG projektih • 15 držav • v 1 "
        "projektu smo vodilni partnerji • 2019 smo kot partnerji sodelovali pri prijavah na 6 "
        "razpisov"
    ),
}
