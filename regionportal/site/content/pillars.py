"""The four pillars, the organisations and places the slides name as their potentials, the key
messages that tie them, and the 2030/50 vision goals.

The slides are in capitals; statements here are in sentence case, with the slide's own words in
`source_excerpt`. Bracketed labels in an excerpt ([Potenciali] …) say which slide the words are
from and are not part of the source.
"""

from decimal import Decimal

from .sources import AGENCY

ECONOMY = "gospodarstvo"
SCIENCE = "znanost"
CULTURE = "kultura"
NATURE = "narava"

# Four calm colours, each at least 6:1 against white text (WCAG AA asks for 4.5:1).
PILLARS = [
    {
        "slug": ECONOMY,
        "order": 1,
        "name_sl": "Ekonomija, Finance & Podjetja",
        "name_en": "Economy, Finance & Enterprise",
        "other_wordings": "",
        "economic_model_sl": "Življenjsko (zeleno) gospodarstvo",
        "economic_model_en": "Living (green) economy",
        "potentials_sl": (
            "DOP. Okoljski cilji kot gospod. priložnost. Eko-inovacije: T energetski krog, "
            "bioizolacije, vodik … Odpadek kot vir. Zeleno prestrukturiranje … OVE, URE, "
            "energ. manag. Viri: JZP, EU, nacionalni, EU, lokalni … Podnebni sklad, Sklad za "
            "inovacije, Banka Triodos?"
        ),
        "potentials_en": (
            "Corporate social responsibility. Environmental goals as a business opportunity. "
            "Eco-innovation: the “T energy cycle”, bio-insulation, hydrogen … Waste as a "
            "resource. Green restructuring … Renewable energy, efficient energy use, energy "
            "management. Sources of money: public–private partnerships, EU, national and local "
            "funds … the Climate Fund, the Innovation Fund, perhaps Triodos Bank."
        ),
        "in_implementation_sl": (
            "Okoljski cilji kot gospodarska priložnost, Dogovor za razvoj regije, Regijska "
            "garancijska shema, CLEAN. Odpadki kot viri novih materialov; energetska sanacija "
            "javnih stavb; eko-inovacije: bioizolacije – micelijske bio plošče …"
        ),
        "in_implementation_en": (
            "Environmental goals as a business opportunity: the regional development "
            "agreement, the regional guarantee scheme and CLEAN. Waste as a source of new "
            "materials; energy renovation of public buildings; eco-innovation such as "
            "bio-insulation made of mycelium boards …"
        ),
        "colour": "#2f5d8a",
        "source": AGENCY,
        "source_excerpt": (
            "[Potenciali] Življenjsko (zeleno) gospodarstvo DOP. Okoljski cilji kot gospod. "
            "priložnost. Eko- inovacije: T energetski krog, bioizolacije, Vodik … Odpadek kot "
            "vir. Zeleno prestrukturiranje … OVE, URE, energ.manag. VIRI: JZP, EU, nacionalni, "
            "EU, lokalni, … Podnebni sklad, Sklad za inovacije, BANKA TRIODOS? PLASTIKA SKAZA / "
            "BIOM- ASA LUČE / DOM. GRČIN Ekonomija, Finance & Podjetja Economy, Finance & "
            "Enterprise\n"
            "[Projekti v izvajanju] Življenjsko (zeleno) gospodarstvo Okoljski cilji kot "
            "gospodarska priložnost. Dogovor za razvoj regije, Regijska garancijska shema, "
            "CLEAN Odpadki kot viri novih materialov. Energetska sanacija javnih stavb Eko- "
            "inovacije: Bioizolacije – micelijske bio plošče,\n"
            "[Projekti v izvajanju, druga različica] Okoljski cilji kot gospodarska priložnost, "
            "Dogovor za razvoj regije, Regijska garancijska shema, CLEAN. Odpadki kot viri "
            "novih materialov; energetska sanacija javnih stavb; eko-inovacije: bioizolacije – "
            "micelijske bio plošče …\n"
            "[Vizija 2030/50] Življenjsko (zeleno) gospodarstvo Ekonomija, Finance & Podjetja"
        ),
    },
    {
        "slug": SCIENCE,
        "order": 2,
        "name_sl": "Znanost, Sistemi & Tehnologija",
        "name_en": "Science, Systems & Technology",
        "other_wordings": (
            "Znanost & Tehnologija (Vizija 2030/50); Na znanju temelječe socialno gospodarstvo "
            "(Projekti v izvajanju, druga različica)"
        ),
        "economic_model_sl": "Socialno na znanju temelječe gospodarstvo",
        "economic_model_en": "Knowledge-based social economy",
        "potentials_sl": (
            "Znanje, raziskave in razvoj, tehnologija. Zadruge, socialna podjetja, ekonomska "
            "demokracija, notranji odkup."
        ),
        "potentials_en": (
            "Knowledge, research and development, technology. Cooperatives, social "
            "enterprises, economic democracy, employee buy-outs."
        ),
        "in_implementation_sl": (
            "Regijska štipendijska shema, ActiveHome, 2SoKroG; znanje, raziskave in razvoj, "
            "informacijska tehnologija, sistemi socialnih transferjev."
        ),
        "in_implementation_en": (
            "The regional scholarship scheme, ActiveHome and 2SoKroG; knowledge, research and "
            "development, information technology, social transfer systems."
        ),
        "colour": "#5b4a8b",
        "source": AGENCY,
        "source_excerpt": (
            "[Potenciali] Socialno na znanju temelječe gospodarstvo Znanje, raziskave in razvoj, "
            "tehnologija. Zadruge, socialna podjetja, ekonomska demokracija, notranji odkup. "
            "MLEKARNA CELEIA / IAMB / MIC VELENJE / CPU / ZELENA SLOVENIJA / VŠVO VELENJE … "
            "Znanost, Sistemi & Tehnologija Science, Systems & Technology\n"
            "[Projekti v izvajanju] Socialno na znanju temelječe gospodarstvo Regijska "
            "štipendijska shema, ActiveHome, 2SoKroG Znanje, raziskave in razvoj, informacijska "
            "tehnologija, sistemi socialnih transferjev\n"
            "[Projekti v izvajanju, druga različica] Na znanju temelječe socialno gospodarstvo "
            "Regijska štipendijska shema, ActiveHome, 2SoKroG; znanje, raziskave in razvoj, "
            "informacijska tehnologija, sistemi socialnih transferjev.\n"
            "[Vizija 2030/50] Socialno na znanju temelječe gospodarstvo … Znanost & Tehnologija"
        ),
    },
    {
        "slug": CULTURE,
        "order": 3,
        "name_sl": "Kultura & Ozaveščenost",
        "name_en": "Culture & Consciousness",
        "other_wordings": "Kultura & Ozaveščenost / Duhovnost (Vizija 2030/50)",
        "economic_model_sl": "Na kulturi temelječe razvojno gospodarstvo",
        "economic_model_en": "Culture-based development economy",
        "potentials_sl": (
            "Kultura kot ena od štirih dimenzij TR. Eko-dizajn. Kulturna dediščina. Trajnostni "
            "turizem. Sodelovanje z drugimi (regijami, kulturami …)."
        ),
        "potentials_en": (
            "Culture as one of the four dimensions of sustainable development. Eco-design. "
            "Cultural heritage. Sustainable tourism. Working with others – other regions, "
            "other cultures …"
        ),
        "in_implementation_sl": (
            "Študijski krožki, LIVING CASTLES. Kulturna dediščina, oživljanje srednjeveških "
            "gradov s pomočjo napredne tehnologije; trajnostni turizem; sodelovanje z drugimi "
            "(regijami, kulturami …)."
        ),
        "in_implementation_en": (
            "Study circles and LIVING CASTLES. Cultural heritage, bringing medieval castles back "
            "to life with advanced technology; sustainable tourism; working with others – "
            "other regions, other cultures …"
        ),
        "colour": "#8a4b2a",
        "source": AGENCY,
        "source_excerpt": (
            "[Potenciali] Na kulturi temelječe razvojno gospodarstvo Kultura kot ena od štirih "
            "dimenzij TR. Eko-dizajn. Kulturna dediščina. Trajnostni turizem. Sodelovanje z "
            "drugimi (regijami, kulturami…). ZELENE DESTINACIJE (9) IN NASTANITVE (7) / "
            "SOLČAVSKO / KOZJANSKI PARK / Geomantija KRRES / DRAVINJSKA DOL. Kultura & "
            "Ozaveščenost Culture & Consciousness\n"
            "[Projekti v izvajanju] Na kulturi temelječe razvojno gospodarstvo Študijski "
            "krožki, LIVING CASTLES Kulturna dediščina, oživljanje srednjeveških gradov s "
            "pomočjo napredne tehnologije. Trajnostni turizem. Sodelovanje z drugimi (regijami, "
            "kulturami…).\n"
            "[Projekti v izvajanju, druga različica] Študijski krožki, LIVING CASTLES Kulturna "
            "dediščina, oživljanje srednjeveških gradov s pomočjo napredne tehnologije; "
            "trajnostni turizem; sodelovanje z drugimi (regijami, kulturami …).\n"
            "[Vizija 2030/50] Na kulturi temelječe razvojno gospodarstvo … Kultura & "
            "Ozaveščenost / Duhovnost"
        ),
    },
    {
        "slug": NATURE,
        "order": 4,
        "name_sl": "Narava & Skupnost",
        "name_en": "Nature & Community",
        "other_wordings": "",
        "economic_model_sl": "Na skupnosti temelječa samozadostnost",
        "economic_model_en": "Community-based self-sufficiency",
        "potentials_sl": (
            "Bogastvo in lepote narave: npr. Natura 2000, parki, gore, vode (tudi termalne), "
            "gozdovi … Zeleno-eko in obnovljivo, permakultura, biodinamika. Bioenergija. Eko "
            "kmetije. Lokalna hrana, energija in skupnost. Skupnostno upravljanje z "
            "življenjskimi viri. DOLB …"
        ),
        "potentials_en": (
            "The wealth and beauty of nature: Natura 2000 sites, parks, mountains, waters "
            "(thermal springs among them), forests … Green, organic and renewable; permaculture "
            "and biodynamic farming. Bioenergy. Organic farms. Local food, local energy, local "
            "community. Managing the resources we live on together, as a community. District "
            "heating from wood biomass …"
        ),
        "in_implementation_sl": (
            "Bogastvo in lepote narave: npr. Natura 2000, parki, gore, gozdovi, vode, termalne "
            "vode … Eko kmetije; lokalna hrana, energija in skupnost; skupnostno upravljanje z "
            "življenjskimi viri; zeleno-eko in obnovljivo, InnovaSPA …"
        ),
        "in_implementation_en": (
            "The wealth and beauty of nature: Natura 2000 sites, parks, mountains, forests, "
            "waters and thermal springs … Organic farms; local food, energy and community; "
            "managing the resources we live on together; green, organic and renewable; "
            "InnovaSPA …"
        ),
        "colour": "#2f6b3a",
        "source": AGENCY,
        "source_excerpt": (
            "[Potenciali] Na skupnosti temelječa samozadostnost Bogastvo in lepote narave: npr. "
            "Natura 2000, parki, gore, vode (tudi termalne), gozdovi … Zeleno- eko in "
            "obnovljivo, permakultura, biodinamika. Bioenergija. Eko kmetije. Lokalna hrana, "
            "energija in skupnost. Skupnostno upravljanje z življenjskimi viri. DOLB... OBČINA "
            "VOJNIK / EKOCI / KSSENA / ZADRUGA KONOPKO / RIBNIK VRBJE … Narava & Skupnost Nature "
            "& Community\n"
            "[Projekti v izvajanju] Na skupnosti temelječa samozadostnost Bogastvo in lepote "
            "narave: npr. Natura 2000, parki, gore, gozdovi, vode, termalne vode, …. Eko "
            "kmetije. Lokalna hrana, energija in skupnost. Skupnostno upravljanje z "
            "življenjskimi viri. Zeleno-eko in obnovljivo, InnovaSPA,\n"
            "[Projekti v izvajanju, druga različica] Bogastvo in lepote narave: npr. Natura "
            "2000, parki, gore, gozdovi, vode, termalne vode … Eko kmetije; lokalna hrana, "
            "energija in skupnost; skupnostno upravljanje z življenjskimi viri; zeleno-eko in "
            "obnovljivo, InnovaSPA …\n"
            "[Vizija 2030/50] Na skupnosti temelječa samozadostnost … Narava & Skupnost"
        ),
    },
]


def _example(pillar, order, name_sl, excerpt, kind="organisation", **extra):
    return {
        "pillar": pillar,
        "order": order,
        "name_sl": name_sl,
        "name_en": extra.pop("name_en", name_sl),
        "kind": kind,
        "count": extra.pop("count", None),
        "description_sl": extra.pop("description_sl", ""),
        "description_en": extra.pop("description_en", ""),
        "source": AGENCY,
        "source_excerpt": excerpt,
        **extra,
    }


# In the order of the POTENCIALI slide. The kind is the portal's reading of a bare name.
POTENTIAL_EXAMPLES = [
    _example(ECONOMY, 1, "Plastika Skaza", "PLASTIKA SKAZA"),
    _example(ECONOMY, 2, "Biomasa Luče", "BIOM- ASA LUČE"),
    _example(
        ECONOMY,
        3,
        "Dom. Grčin",
        "DOM. GRČIN",
        description_sl="Vir ime navaja okrajšano.",
        description_en="The source abbreviates the name.",
    ),
    _example(SCIENCE, 1, "Mlekarna Celeia", "MLEKARNA CELEIA", name_en="Celeia dairy"),
    _example(SCIENCE, 2, "IAMB", "IAMB"),
    _example(SCIENCE, 3, "MIC Velenje", "MIC VELENJE"),
    _example(SCIENCE, 4, "CPU", "CPU"),
    _example(SCIENCE, 5, "Zelena Slovenija", "ZELENA SLOVENIJA"),
    _example(
        SCIENCE,
        6,
        "VŠVO Velenje",
        "VŠVO VELENJE",
        description_sl="Visoka šola za varstvo okolja, Velenje.",
        description_en="The College of Environmental Protection in Velenje.",
    ),
    _example(
        CULTURE,
        1,
        "Zelene destinacije",
        "ZELENE DESTINACIJE (9)",
        kind="group",
        name_en="Green destinations",
        count=9,
        description_sl="Zelene destinacije v regiji.",
        description_en="The region's green destinations.",
    ),
    _example(
        CULTURE,
        2,
        "Nastanitve",
        "IN NASTANITVE (7)",
        kind="group",
        name_en="Accommodation providers",
        count=7,
        description_sl="Zelene nastanitve, ki jih vir navaja skupaj z zelenimi destinacijami.",
        description_en="Green accommodation providers, named together with the green destinations.",
    ),
    _example(CULTURE, 3, "Solčavsko", "SOLČAVSKO", kind="place", name_en="The Solčava area"),
    _example(
        CULTURE, 4, "Kozjanski park", "KOZJANSKI PARK", kind="place", name_en="Kozjansko Park"
    ),
    _example(CULTURE, 5, "Geomantija", "Geomantija", kind="theme", name_en="Geomancy"),
    _example(CULTURE, 6, "KRRES", "KRRES"),
    _example(
        CULTURE,
        7,
        "Dravinjska dolina",
        "DRAVINJSKA DOL.",
        kind="place",
        name_en="The Dravinja Valley",
    ),
    _example(NATURE, 1, "Občina Vojnik", "OBČINA VOJNIK", name_en="Municipality of Vojnik"),
    _example(NATURE, 2, "Ekoci", "EKOCI"),
    _example(NATURE, 3, "KSSENA", "KSSENA"),
    _example(NATURE, 4, "Zadruga Konopko", "ZADRUGA KONOPKO", name_en="Konopko cooperative"),
    _example(NATURE, 5, "Ribnik Vrbje", "RIBNIK VRBJE", kind="place", name_en="Vrbje pond"),
]

KEY_MESSAGES = [
    {
        "kind": "title",
        "title_sl": "Savinjska regija na poti do integralne zelene regije",
        "title_en": "The Savinjska region on its way to becoming an integral green region",
        "text_sl": (
            "Savinjska regija na poti do integralne zelene regije: potenciali, vizija 2030/50 "
            "in projekti v izvajanju."
        ),
        "text_en": (
            "The Savinjska region on its way to becoming an integral green region: its "
            "potentials, its vision for 2030/50 and the projects under way."
        ),
        "source": AGENCY,
        "source_excerpt": (
            "SAVINJSKA REGIJA na poti do INTEGRALNE ZELENE REGIJE: POTENCIALI / VIZIJA 2030/50 "
            "/ projekti v izvajanju:"
        ),
    },
    {
        "kind": "motto",
        "title_sl": "Moto",
        "title_en": "Motto",
        "text_sl": "S trajnostnim razvojem regije do splošne blaginje",
        "text_en": "Sustainable development of the region, for the prosperity of all",
        "source": AGENCY,
        "source_excerpt": "„S trajnostnim razvojem regije do splošne blaginje“",
    },
    {
        "kind": "overall_vision",
        "title_sl": "Splošna vizija",
        "title_en": "Overall vision",
        "text_sl": "Blaginja (dobro živeti) za vse in ohranjeno zdravo naravno okolje",
        "text_en": "Prosperity – a good life – for everyone, in a healthy, well-kept natural "
        "environment",
        "source": AGENCY,
        "source_excerpt": "BLAGINJA (DOBRO ŽIVETI) ZA VSE in OHRANJENO ZDRAVO NARAVNO OKOLJE",
    },
    {
        "kind": "moral_core",
        "title_sl": "Moralno jedro",
        "title_en": "Moral core",
        "text_sl": "Trajnostnost (Deklaracija za trajnostni razvoj) & družbena odgovornost",
        "text_en": "Sustainability (the Declaration for Sustainable Development) and social "
        "responsibility",
        "source": AGENCY,
        "source_excerpt": (
            "MORALNO JEDRO : TRAJNOSTNOST (Deklaracija za TR!) & DRUŽBENA ODGOVORNOST\n"
            "MORALNO JEDRO : TRAJNOSTNOST (Deklaracija za trajnostni razvoj ) & DRUŽBENA "
            "ODGOVORNOST"
        ),
    },
    {
        "kind": "smart_integration",
        "title_sl": "Pametna integracija",
        "title_en": "Smart integration",
        "text_sl": "Pametna integracija (“Smart Integration”)",
        "text_en": "Smart integration",
        "source": AGENCY,
        "source_excerpt": "Pametna integracija “Smart Integration”",
    },
    {
        "kind": "challenge",
        "title_sl": "Izziv za prihodnja leta",
        "title_en": "The challenge for the years ahead",
        "text_sl": (
            "Kako zelene inovacije prenesti v gospodarsko izrabo, da bomo imeli od njih korist "
            "vsi, celotna skupnost?"
        ),
        "text_en": (
            "How do we put green innovation to economic use, so that all of us – the whole "
            "community – benefit from it?"
        ),
        "source": AGENCY,
        "source_excerpt": (
            "„Izziv za prihodnja leta: kako zelene inovacije prenesti v gospodarsko izrabo, da "
            "bomo imeli od njih korist vsi, celotna skupnost?“"
        ),
    },
    {
        "kind": "closing_quote",
        "attribution": "Gandhi",
        "title_sl": "Misel za konec",
        "title_en": "A closing thought",
        "text_sl": (
            "Svet nudi dovolj virov za vse potrebe vseh ljudi, ne pa tudi dovolj za ves pohlep "
            "nekaterih ljudi."
        ),
        "text_en": "The world has enough for everyone’s needs, but not enough for some people’s "
        "greed.",
        "source": AGENCY,
        "source_excerpt": (
            "„Svet nudi dovolj virov za vse potrebe vseh ljudi, ne pa tudi dovolj za ves "
            "pohlep nekaterih ljudi.” (Gandhi)"
        ),
    },
    {
        "kind": "thanks",
        "title_sl": "Hvala za vašo pozornost",
        "title_en": "Thank you for your attention",
        "text_sl": "Hvala za vašo pozornost",
        "text_en": "Thank you for your attention",
        "source": AGENCY,
        "source_excerpt": "HVALA ZA VAŠO POZORNOST",
    },
]


def _goal(pillar, slug, order, statement_sl, statement_en, excerpt, horizon="2030/50", **extra):
    return {
        "pillar": pillar,
        "slug": slug,
        "order": order,
        "horizon": horizon,
        "statement_sl": statement_sl,
        "statement_en": statement_en,
        "source": AGENCY,
        "source_excerpt": excerpt,
        **extra,
    }


_NATURE_EXCERPT = (
    "AMBICIOZNI CILJI ZA OHRANJANJE NARAVE (BIODIVERZITETA, …), PREHRANSKO SAMOZADOSTNOST & "
    "EKOLOŠKO PREHRANO, ZNIŽANJE STROŠKOV ENERGIJE IN EMISIJ TGP, ZA OVE."
)

# The VIZIJA 2030/50 slide, split into single statements. It gives the economy pillar no goal.
VISION_GOALS = [
    _goal(
        SCIENCE,
        "znanost-delovna-mesta",
        1,
        "Velika večina delovnih mest: trajna, zelena in dostojna.",
        "The great majority of jobs are permanent, green and decent.",
        "VELIKA VEČINA DM: TRAJNA, ZELENA in DOSTOJNA.",
    ),
    _goal(
        SCIENCE,
        "znanost-sistemske-inovacije",
        2,
        "Sistemske inovacije za trajnostne prehode.",
        "Systemic innovation for sustainability transitions.",
        "SISTEMSKE INOVACIJE ZA TRAJNOSTNE PREHODE.",
    ),
    _goal(
        SCIENCE,
        "znanost-globalni-prostor-rri",
        3,
        "Savinjska regija kot globalni prostor RRI ter učenja za trajnostni razvoj.",
        "The Savinjska region as a global space for research, development and innovation, "
        "and for learning for sustainable development.",
        "SAVINJSKA REGIJA KOT GLOBALNI PROSTOR RRI TER UČENJA ZA TRAJNOSTNI RAZVOJ.",
    ),
    _goal(
        CULTURE,
        "kultura-vodilni-partner",
        1,
        "Vodilni partner v medregijskih in medkulturnih programih za trajnostni razvoj.",
        "A leading partner in interregional and intercultural programmes for sustainable "
        "development.",
        "VODILNI PARTNER V MEDREGIJSKIH IN MEDKULTURNIH PROGRAMIH ZA TRAJNOSTNI RAZVOJ.",
    ),
    _goal(
        CULTURE,
        "kultura-model-zelenega-razvoja",
        2,
        "Evropsko priznan model integralnega zelenega razvoja.",
        "A model of integral green development recognised across Europe.",
        "EVROPSKO PRIZNAN MODEL INT. ZEL. RAZVOJA.",
    ),
    _goal(
        CULTURE,
        "kultura-zelena-shema",
        3,
        "Večina destinacij in nastanitev v Zeleni shemi slovenskega turizma.",
        "Most destinations and accommodation providers in the Green Scheme of Slovenian Tourism.",
        "VEČINA DESTINACIJ in NASTANITVE V ZELENI SHEMI ST.",
    ),
    _goal(
        NATURE,
        "narava-ohranjanje-narave",
        1,
        "Ambiciozni cilji za ohranjanje narave (biodiverziteta …).",
        "Ambitious goals for nature conservation (biodiversity …).",
        _NATURE_EXCERPT,
    ),
    _goal(
        NATURE,
        "narava-prehranska-samozadostnost",
        2,
        "Ambiciozni cilji za prehransko samozadostnost in ekološko prehrano.",
        "Ambitious goals for food self-sufficiency and organic food.",
        _NATURE_EXCERPT,
    ),
    _goal(
        NATURE,
        "narava-energija-in-tgp",
        3,
        "Ambiciozni cilji za znižanje stroškov energije in emisij toplogrednih plinov.",
        "Ambitious goals for lower energy costs and lower greenhouse gas emissions.",
        _NATURE_EXCERPT,
    ),
    _goal(
        NATURE,
        "narava-ove",
        4,
        "Ambiciozni cilji za obnovljive vire energije.",
        "Ambitious goals for renewable energy.",
        _NATURE_EXCERPT,
    ),
    _goal(
        NATURE,
        "narava-obcinski-modeli",
        5,
        "Večina občin z lastnimi integralnimi zelenimi modeli.",
        "Most municipalities with integral green models of their own.",
        "VEČINA OBČIN Z LASTNIMI INTEGRALNIMI ZELENIMI MODELI.",
    ),
    # The region as a whole. The slide prints "2030: - 30 % ?" without naming what is to fall
    # by 30 %; the portal keeps the figure as an unconfirmed target with no indicator.
    _goal(
        None,
        "regija-2030-minus-30",
        1,
        "Do leta 2030: −30 %? Predstavitev ne pove, na kateri kazalnik se cilj nanaša, in ga "
        "navaja z vprašajem; na prosojnici vizije stoji ob ciljih za znižanje stroškov energije "
        "in emisij toplogrednih plinov.",
        "By 2030: −30 %? The presentation does not say which indicator the figure refers to and "
        "gives it with a question mark; on the vision slide it stands beside the goals for lower "
        "energy costs and greenhouse gas emissions.",
        "2030: - 30 % ?",
        horizon="2030",
        unit="%",
        target_value=Decimal("-30"),
        target_year=2030,
        target_confirmed=False,
    ),
    _goal(
        None,
        "regija-med-vodilnimi-v-eu",
        2,
        "Med vodilnimi regijami v EU.",
        "Among the leading regions of the EU.",
        "MED VODILNIMI REGIJAMI V EU.",
    ),
]
