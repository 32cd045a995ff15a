"""Programmes and sources of money, the regional development agreement, the 2021-2027
perspective and the agency's record in European projects."""

from datetime import date
from decimal import Decimal

from .sources import AGENCY, CELJE_INFO_2018, INTERREG_DANUBE, INTERREG_EUROPE, INTERREG_SI_HR

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

# The only one of the 29 projects that the public sources name.
AGREEMENT_PROJECTS = [
    {
        "category": "regionalna-mobilnost",
        "slug": "povezovalna-cesta-ljubecna-celje-vzhod",
        "title_sl": "Povezovalna cesta Ljubečna – priključek na avtocesto Celje-vzhod",
        "title_en": "Ljubečna link road to the Celje-vzhod motorway junction",
        "description_sl": (
            "Edini projekt Dogovora v kategoriji izboljšanja regionalne mobilnosti."
        ),
        "description_en": (
            "The agreement’s only project in the category of improving regional mobility."
        ),
        "municipalities": ["celje"],
        "source": CELJE_INFO_2018,
    },
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
