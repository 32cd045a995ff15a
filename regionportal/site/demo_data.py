"""Demo data for benchmarks and load tests: many realistic, published projects with their
partners, pillars, goals, municipalities, budgets and results (`manage.py generate_demo_data`).

Everything made here points to one dedicated source (DEMO_SOURCE_SLUG) through its `source`
field: projects, organisations, partnerships and results. That mark is exact and cheap to
query, so `delete_demo_data()` removes what was generated and nothing else, however its slugs
look. The rows are written with bulk_create, batch by batch: no save(), no signals and so no
reversion history, which is right for data that nobody edited.

The reference content (programmes, pillars, vision goals, the region's municipalities and the
agency) is `load_content`'s and is only read. The same seed on the same database makes the same
data: every choice comes from one random.Random, and statuses are read against a fixed day
rather than today.
"""

import datetime
import math
import random
import time
from collections import Counter, namedtuple
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, ProtectedError
from django.utils import translation
from django.utils.text import slugify

from funding.models import Programme
from pillars.models import Pillar, VisionGoal
from projects.models import (
    Organisation,
    Partnership,
    Project,
    ProjectPillar,
    ProjectResult,
)
from regionportal.base.fields import DatePrecision
from regionportal.base.models import Municipality, Source
from regionportal.base.publishing import State

DEMO_SOURCE_SLUG = "generirani-demo-podatki"
# Slovenian, as every source's title (pages mark source titles lang="sl").
DEMO_SOURCE = {
    "title": "Generirani demo podatki (manage.py generate_demo_data)",
    "kind": Source.Kind.PUBLIC,
    "note": (
        "Izmišljeni projekti in organizacije za preizkuse zmogljivosti. "
        "Odstrani jih ukaz manage.py generate_demo_data --delete."
    ),
}

DEFAULT_SEED = 2030
DEFAULT_BATCH_SIZE = 2000
# The rows of one model deleted per query: Django's deletion looks up generic relations (state
# changes, discrepancies) with one IN list of every primary key it is given.
DELETE_CHUNK = 2000

FIRST_YEAR = 2007
LAST_YEAR = 2032
# Statuses follow the dates as seen on this day, not today, so that a seed makes the same data
# on any day.
STATUS_AS_OF = datetime.date(2026, 1, 1)

# How a partner (other than the agency) is chosen: a new organisation, one that already takes
# part in many projects (chosen in proportion to them), or any one made so far. About 1.5 new
# organisations per project, each in about four projects, a few in a few hundred.
NEW_ORGANISATION = 0.27
POPULAR_ORGANISATION = 0.33
AGENCY_TAKES_PART = 0.45
AGENCY_LEADS = 0.35
BUDGET_UNKNOWN = 0.04

CENT = Decimal("0.01")

# A generated organisation once saved: what later projects need of it, without the record.
SavedOrganisation = namedtuple("SavedOrganisation", ["pk", "country", "name", "name_en"])

# (country, weight, cities: the capital first, where ministries sit).
COUNTRIES = [
    (
        "SI",
        30,
        ["Ljubljana", "Celje", "Velenje", "Žalec", "Laško", "Šentjur", "Maribor", "Mozirje"],
    ),
    ("HR", 10, ["Zagreb", "Varaždin", "Čakovec", "Krapina", "Rijeka", "Osijek"]),
    ("AT", 6, ["Wien", "Graz", "Klagenfurt", "Linz", "Salzburg"]),
    ("IT", 7, ["Roma", "Trieste", "Udine", "Bologna", "Padova", "Torino"]),
    ("HU", 5, ["Budapest", "Pécs", "Szombathely", "Zalaegerszeg", "Győr"]),
    ("DE", 5, ["Berlin", "München", "Leipzig", "Freiburg", "Stuttgart"]),
    ("RS", 3, ["Beograd", "Novi Sad", "Zaječar", "Niš"]),
    ("BA", 2, ["Sarajevo", "Tuzla", "Banja Luka", "Mostar"]),
    ("ME", 1, ["Podgorica", "Nikšić"]),
    ("MK", 1, ["Skopje", "Bitola"]),
    ("ES", 5, ["Madrid", "San Sebastián", "Valencia", "Sevilla", "Zaragoza"]),
    ("FR", 4, ["Paris", "Lyon", "Toulouse", "Strasbourg"]),
    ("PT", 3, ["Lisboa", "Porto", "Coimbra"]),
    ("GR", 3, ["Athina", "Thessaloniki", "Heraklion"]),
    ("PL", 3, ["Warszawa", "Kraków", "Gdańsk", "Wrocław"]),
    ("CZ", 3, ["Praha", "Brno", "Ostrava"]),
    ("SK", 2, ["Bratislava", "Košice", "Žilina"]),
    ("RO", 3, ["București", "Iași", "Cluj-Napoca", "Timișoara"]),
    ("BG", 2, ["Sofia", "Plovdiv", "Varna"]),
    ("FI", 2, ["Helsinki", "Joensuu", "Tampere"]),
    ("SE", 2, ["Stockholm", "Umeå", "Göteborg"]),
    ("IE", 2, ["Dublin", "Letterkenny", "Cork"]),
    ("NL", 2, ["Amsterdam", "Utrecht", "Eindhoven"]),
    ("BE", 2, ["Bruxelles", "Gent", "Liège"]),
    ("DK", 1, ["København", "Aarhus"]),
    ("EE", 1, ["Tallinn", "Tartu"]),
    ("LV", 1, ["Rīga", "Valmiera"]),
    ("LT", 1, ["Vilnius", "Kaunas"]),
    ("NO", 1, ["Oslo", "Bergen"]),
]
# The language of an organisation's own name: Slovenian, Croatian (also used for the
# neighbours that write the same way), English for the rest.
NAME_LANGUAGE = {"SI": "sl", "HR": "hr", "RS": "hr", "BA": "hr", "ME": "hr"}
LEGAL_FORM = {
    "SI": "d.o.o.", "HR": "d.o.o.", "RS": "d.o.o.", "BA": "d.o.o.", "ME": "d.o.o.",
    "MK": "DOOEL", "AT": "GmbH", "DE": "GmbH", "IT": "S.r.l.", "HU": "Kft.", "ES": "S.L.",
    "FR": "SAS", "PT": "Lda.", "GR": "S.A.", "PL": "Sp. z o.o.", "CZ": "s.r.o.", "SK": "s.r.o.",
    "RO": "S.R.L.", "BG": "EOOD", "FI": "Oy", "SE": "AB", "IE": "Ltd", "NL": "B.V.", "BE": "SA",
    "DK": "ApS", "EE": "OÜ", "LV": "SIA", "LT": "UAB", "NO": "AS",
}  # fmt: skip

# (Slovenian after "za", Croatian genitive, English in a name).
FIELDS = [
    ("turizem", "turizma", "Tourism"),
    ("kulturo", "kulture", "Culture"),
    ("okolje", "okoliša", "the Environment"),
    ("energijo", "energetike", "Energy"),
    ("kmetijstvo", "poljoprivrede", "Agriculture"),
    ("izobraževanje", "obrazovanja", "Education"),
    ("zdravje", "zdravstva", "Health"),
    ("promet", "prometa", "Transport"),
    ("gospodarstvo", "gospodarstva", "the Economy"),
    ("znanost", "znanosti", "Science"),
]

# Per kind: its weight and its names (Slovenian, Croatian, English); None where the English
# one serves. {city}, {sl}, {hr} and {en} are filled in.
ORGANISATION_KINDS = {
    Organisation.Kind.COMPANY: (25, []),
    Organisation.Kind.PUBLIC_AUTHORITY: (
        18,
        [
            ("Občina {city}", "Grad {city}", "City of {city}"),
            ("Občina {city}", "Općina {city}", "Municipality of {city}"),
        ],
    ),
    Organisation.Kind.UNIVERSITY: (
        15,
        [
            ("Znanstveno-raziskovalno središče {city}", "Veleučilište {city}",
             "{city} Research Centre"),
            ("Inštitut za {sl} {city}", None, "{city} Institute for {en}"),
        ],
    ),
    Organisation.Kind.DEVELOPMENT_AGENCY: (
        10,
        [
            ("Razvojna agencija {city}", "Razvojna agencija {city}", "{city} Development Agency"),
            ("Energetska agencija {city}", "Energetska agencija {city}", "{city} Energy Agency"),
        ],
    ),
    Organisation.Kind.ASSOCIATION: (
        10, [("Društvo za {sl} {city}", None, "{city} Association for {en}")]
    ),
    Organisation.Kind.PUBLIC_INSTITUTION: (
        10,
        [
            ("Zavod za {sl} {city}", None, "{city} Public Institute for {en}"),
            ("Ljudska univerza {city}", "Pučko otvoreno učilište {city}",
             "{city} Adult Education Centre"),
        ],
    ),
    Organisation.Kind.MUSEUM: (
        5,
        [
            ("Pokrajinski muzej {city}", "Gradski muzej {city}", "{city} City Museum"),
            ("Galerija sodobne umetnosti {city}", "Galerija {city}",
             "{city} Gallery of Modern Art"),
        ],
    ),
    Organisation.Kind.MINISTRY: (
        3, [("Ministrstvo za {sl}", "Ministarstvo {hr}", "Ministry of {en}")]
    ),
    Organisation.Kind.OTHER: (
        4,
        [("Lokalna akcijska skupina {city}", "Lokalna akcijska grupa {city}",
          "{city} Local Action Group")],
    ),
}  # fmt: skip
BRAND_STARTS = [
    "Eko",
    "Agro",
    "Tera",
    "Vita",
    "Nova",
    "Sol",
    "Lux",
    "Aqua",
    "Geo",
    "Terma",
    "Alpe",
    "Danu",
    "Medi",
    "Pano",
    "Ener",
    "Bio",
    "Info",
    "Tehno",
    "Silva",
    "Krea",
]
BRAND_ENDS = ["tech", "lab", "sol", "net", "gen", "plan", "dom", "projekt", "tron", "stil",
              "var", "grad", "lit", "mont", "sys"]  # fmt: skip
ACRONYM_WORDS = {"of", "for", "the", "and"}

# Project themes per pillar slug (as load_content names them), each (Slovenian, English).
THEMES = {
    "gospodarstvo": [
        ("Krožno gospodarstvo v malih in srednjih podjetjih",
         "Circular economy in small and medium-sized enterprises"),
        ("Zeleno financiranje lokalnih naložb", "Green finance for local investment"),
        ("Podjetniški inkubatorji za mlade", "Business incubators for young people"),
        ("Trajnostni turizem v termalnih krajih", "Sustainable tourism in spa towns"),
        ("Digitalizacija obrti in storitev", "Digital tools for crafts and services"),
        ("Kratke dobavne verige lokalne hrane", "Short supply chains for local food"),
    ],
    "znanost": [
        ("Pametna energetska omrežja", "Smart energy grids"),
        ("Odprte inovacije za nizkoogljične regije", "Open innovation for low-carbon regions"),
        ("Vodikove tehnologije v javnem prevozu", "Hydrogen technologies in public transport"),
        ("Prenos znanja med univerzami in podjetji",
         "Knowledge transfer between universities and companies"),
        ("Digitalni dvojčki za upravljanje voda", "Digital twins for water management"),
        ("Zdravstvene rešitve na daljavo", "Remote health care solutions"),
    ],
    "kultura": [
        ("Oživitev gradov in dvorcev", "New life for castles and manors"),
        ("Kulturna dediščina kot razvojni potencial", "Cultural heritage as a development asset"),
        ("Medgeneracijsko sodelovanje v lokalnih skupnostih",
         "Cooperation between generations in local communities"),
        ("Vseživljenjsko učenje za zeleni prehod", "Lifelong learning for the green transition"),
        ("Socialno podjetništvo in ponovna uporaba", "Social entrepreneurship and reuse"),
        ("Dostopna kultura za vse", "Culture accessible to all"),
    ],
    "narava": [
        ("Varstvo biotske raznovrstnosti", "Protecting biodiversity"),
        ("Prilagajanje podnebnim spremembam", "Adapting to climate change"),
        ("Trajnostna mobilnost", "Sustainable mobility"),
        ("Obnovljivi viri energije v občinah", "Renewable energy in municipalities"),
        ("Varstvo pred poplavami", "Flood protection"),
        ("Upravljanje gozdov in lesna veriga", "Forest management and the wood value chain"),
    ],
}  # fmt: skip
PLACES = [
    ("v podeželskih območjih", "in rural areas"),
    ("v čezmejnem prostoru", "across borders"),
    ("v Podonavju", "in the Danube region"),
    ("v srednji Evropi", "in Central Europe"),
    ("v evropskih regijah", "in European regions"),
    ("za lokalne skupnosti", "for local communities"),
    ("v Savinjski regiji", "in the Savinjska region"),
    ("v mestih", "in towns and cities"),
]
AIMS = [
    ("Cilj projekta je zmanjšati porabo energije in izpuste toplogrednih plinov.",
     "The project aims to cut energy use and greenhouse gas emissions."),
    ("Projekt razvija in preizkuša nove rešitve skupaj z lokalnimi deležniki.",
     "The project develops and tests new solutions together with local stakeholders."),
    ("Partnerji si izmenjujejo dobre prakse in izboljšujejo regionalne politike.",
     "The partners exchange good practice and improve regional policies."),
    ("Projekt krepi zmogljivosti javnih institucij in podjetij.",
     "The project builds the capacity of public institutions and companies."),
    ("V pilotnih akcijah nastajajo naložbe, ki jih lahko posnemajo druge regije.",
     "Pilot actions lead to investments that other regions can follow."),
    ("Projekt povezuje gospodarstvo, raziskovalce in občine.",
     "The project brings businesses, researchers and municipalities together."),
]  # fmt: skip
ACRONYM_STARTS = [
    "GREEN",
    "SMART",
    "CIRC",
    "ENER",
    "AQUA",
    "AGRO",
    "CULT",
    "HERIT",
    "MOBI",
    "DIGI",
    "BIO",
    "ECO",
    "INNO",
    "SOL",
    "HYDRO",
    "FOREST",
    "RURAL",
    "TOUR",
    "HEAL",
    "EDU",
]
ACRONYM_ENDS = ["ACT", "NET", "LAB", "HUB", "REG", "PATH", "LINK", "CITY", "PLUS", "2030",
                "WAY", "UP", "4ALL", "CE", "SPA"]  # fmt: skip

# Per kind of result: its titles (Slovenian, English) and, for a measured one, its unit and
# the range of its value.
RESULTS = {
    ProjectResult.Kind.TARGET: [
        ("Manj izpustov toplogrednih plinov", "Lower greenhouse gas emissions", "%", (5, 40)),
        ("Večja energetska učinkovitost javnih stavb",
         "Better energy efficiency of public buildings", "%", (2, 25)),
        ("Nova zelena delovna mesta", "New green jobs", "", (5, 150)),
    ],
    ProjectResult.Kind.OBJECTIVE: [
        ("Okrepljeno sodelovanje med regijami", "Stronger cooperation between regions", "", None),
        ("Boljše regionalne politike", "Better regional policies", "", None),
    ],
    ProjectResult.Kind.DELIVERABLE: [
        ("Regionalni akcijski načrt", "Regional action plan", "", None),
        ("Študija izvedljivosti", "Feasibility study", "", None),
        ("Spletna platforma", "Online platform", "", None),
        ("Priročnik dobrih praks", "Handbook of good practice", "", None),
    ],
    ProjectResult.Kind.OUTPUT: [
        ("Usposobljeni strokovnjaki", "Trained experts", "", (10, 200)),
        ("Pilotne naložbe", "Pilot investments", "", (1, 12)),
    ],
    ProjectResult.Kind.EVENT: [
        ("Mednarodna konferenca", "International conference", "", None),
        ("Delavnica za deležnike", "Stakeholder workshop", "", None),
        ("Študijski obisk", "Study visit", "", None),
    ],
}  # fmt: skip


class ReferenceContent:
    """What the generated projects refer to: load_content's programmes, pillars, vision goals,
    municipalities and the agency, read once, in a fixed order (so a seed makes the same
    choices)."""

    def __init__(self):
        self.programmes = list(Programme.objects.order_by("slug").values_list("pk", "is_eu_funded"))
        self.pillars = list(Pillar.objects.order_by("slug").values_list("pk", "slug"))
        self.goals = list(VisionGoal.objects.order_by("slug").values_list("pk", "pillar_id"))
        self.municipalities = list(
            Municipality.objects.in_region().order_by("slug").values_list("pk", "name")
        )
        self.agency = Organisation.objects.agency()

    def missing(self):
        """The names of what is missing, for a message; empty when everything is there."""
        wanted = {
            "programmes": self.programmes,
            "pillars": self.pillars,
            "vision goals": self.goals,
            "the region's municipalities": self.municipalities,
            "the agency (an organisation marked as the agency itself)": self.agency,
        }
        return [name for name, records in wanted.items() if not records]


def demo_source():
    """The source that marks the generated records, or None where there is none."""
    return Source.objects.filter(slug=DEMO_SOURCE_SLUG).first()


def content_not_generated():
    """How many projects and organisations (other than the agency) the generator did not
    make: {"projects": n, "organisations": n}."""
    source = demo_source()
    projects = Project.objects.all()
    organisations = Organisation.objects.filter(is_agency=False)
    if source is not None:
        projects = projects.exclude(source=source)
        organisations = organisations.exclude(source=source)
    return {"projects": projects.count(), "organisations": organisations.count()}


@dataclass
class Tally:
    """What a run made."""

    projects: int = 0
    organisations: int = 0
    partnerships: int = 0
    agency_projects: int = 0
    agency_leads: int = 0
    project_pillars: int = 0
    goal_links: int = 0
    municipality_links: int = 0
    results: int = 0
    countries: set = field(default_factory=set)
    statuses: Counter = field(default_factory=Counter)


class DemoDataGenerator:
    """Makes `count` projects in batches of `batch_size`, each batch one transaction; calls
    `progress(batch_number, batch_count, tally)` after each one."""

    def __init__(self, *, reference, seed=DEFAULT_SEED):
        self.reference = reference
        # Repeatable made-up data, nothing secret: a seeded generator is what is wanted.
        self.random = random.Random(seed)  # noqa: S311
        self.tally = Tally()
        self.source = None
        # The organisations made so far, by their place in the pool: an Organisation until its
        # batch is saved, a SavedOrganisation after that.
        self.pool = []
        # The places in the pool of the organisations the current batch makes.
        self.new_places = []
        # One entry (a place in the pool) per partnership: choosing from it favours the
        # organisations that take part in many projects.
        self.partner_picks = []
        self.used_names = set()
        self.project_number = 0
        self.organisation_number = 0
        self.goals_by_pillar = {}
        for pk, pillar_id in reference.goals:
            self.goals_by_pillar.setdefault(pillar_id, []).append(pk)
        self.country_weights = [weight for _, weight, _ in COUNTRIES]
        self.kinds = list(ORGANISATION_KINDS)
        self.kind_weights = [weight for weight, _ in ORGANISATION_KINDS.values()]

    def run(self, count, *, batch_size=DEFAULT_BATCH_SIZE, progress=None):
        self.source, _ = Source.objects.get_or_create(slug=DEMO_SOURCE_SLUG, defaults=DEMO_SOURCE)
        # Numbers go on from the generated records already there, so slugs rarely need a retry.
        self.project_number = Project.objects.filter(source=self.source).count()
        self.organisation_number = Organisation.objects.filter(source=self.source).count()
        batch_count = math.ceil(count / batch_size)
        # Untranslated columns of translated fields take the active language's value: write the
        # default language's, as load_content does.
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            for batch_number in range(1, batch_count + 1):
                size = min(batch_size, count - (batch_number - 1) * batch_size)
                with transaction.atomic():
                    self.make_batch(size)
                if progress:
                    progress(batch_number, batch_count, self.tally)
        return self.tally

    def make_batch(self, size):
        self.new_places = []
        plans = [self.plan_project() for _ in range(size)]
        new_organisations = [self.pool[place] for place in self.new_places]
        self.give_slugs(Organisation, new_organisations)
        Organisation.objects.bulk_create(new_organisations)
        for place, record in zip(self.new_places, new_organisations, strict=True):
            self.pool[place] = SavedOrganisation(
                record.pk, record.country.code, record.name, record.name_en or record.name
            )
        projects = [plan["project"] for plan in plans]
        self.give_slugs(Project, projects)
        Project.objects.bulk_create(projects)

        partnerships, pillars, results, goal_links, municipality_links = [], [], [], [], []
        goal_through = Project.goals.through
        municipality_through = Project.municipalities.through
        for plan in plans:
            project = plan["project"]
            for order, (place, role_and_money) in enumerate(plan["partners"], start=1):
                organisation_id = self.reference.agency.pk if place is None else self.pool[place].pk
                partnerships.append(
                    Partnership(
                        project=project,
                        organisation_id=organisation_id,
                        order=order,
                        source=self.source,
                        **role_and_money,
                    )
                )
            pillars += [
                ProjectPillar(project=project, pillar_id=pk, is_primary=is_primary)
                for pk, is_primary in plan["pillars"]
            ]
            for result in plan["results"]:
                result.project = project
                results.append(result)
            goal_links += [goal_through(project=project, visiongoal_id=pk) for pk in plan["goals"]]
            municipality_links += [
                municipality_through(project=project, municipality_id=pk)
                for pk in plan["municipalities"]
            ]
        Partnership.objects.bulk_create(partnerships)
        ProjectPillar.objects.bulk_create(pillars)
        ProjectResult.objects.bulk_create(results)
        goal_through.objects.bulk_create(goal_links)
        municipality_through.objects.bulk_create(municipality_links)

        tally = self.tally
        tally.projects += len(projects)
        tally.organisations += len(new_organisations)
        tally.countries.update(record.country.code for record in new_organisations)
        tally.partnerships += len(partnerships)
        tally.project_pillars += len(pillars)
        tally.results += len(results)
        tally.goal_links += len(goal_links)
        tally.municipality_links += len(municipality_links)

    def give_slugs(self, model, records):
        """Make each record's slug unique: where a record of the model (one staff made, say)
        or another of these holds it already, the slug takes the next free suffix."""
        bases = {id(record): record.slug for record in records}
        suffixes = Counter()
        claimed = set()
        pending = list(records)
        while pending:
            existing = _existing_slugs(model, [record.slug for record in pending])
            clashing = []
            for record in pending:
                if record.slug in existing or record.slug in claimed:
                    suffixes[id(record)] += 1
                    record.slug = f"{bases[id(record)]}-{suffixes[id(record)] + 1}"
                    clashing.append(record)
                else:
                    claimed.add(record.slug)
            pending = clashing

    # One project: what it is, then its partners, pillars, places, goals and results.

    def plan_project(self):
        rng = self.random
        self.project_number += 1
        pillar_pk, pillar_slug = rng.choice(self.reference.pillars)
        theme_sl, theme_en = rng.choice(
            THEMES.get(pillar_slug) or rng.choice(list(THEMES.values()))
        )
        if rng.random() < 0.7:
            place_sl, place_en = rng.choice(PLACES)
            theme_sl, theme_en = f"{theme_sl} {place_sl}", f"{theme_en} {place_en}"
        acronym = f"{rng.choice(ACRONYM_STARTS)}{rng.choice(ACRONYM_ENDS)}"
        start, end, precision = self.dates()
        programme_pk, is_eu_funded = rng.choice(self.reference.programmes)
        total = None
        if rng.random() >= BUDGET_UNKNOWN:
            total = int(math.exp(rng.uniform(math.log(60_000), math.log(8_000_000)))) * 100
        partners = self.partners(total, is_eu_funded)
        lead_place = partners[0][0]
        countries = {self.country_of(place) for place, _ in partners}
        aim_sl, aim_en = rng.choice(AIMS)
        lead_sl, lead_en = self.names_of(lead_place)
        if len(countries) == 1:
            spread_sl, spread_en = (
                "Vsi partnerji so iz iste države.",
                "All partners are from one country.",
            )
        else:
            spread_sl = f"Sodelujejo partnerji iz {len(countries)} držav."
            spread_en = f"Partners from {len(countries)} countries take part."
        status = self.status(start, end)
        self.tally.statuses[status] += 1
        project = Project(
            slug=f"{slugify(acronym)}-{self.project_number}",
            acronym=acronym,
            title_sl=theme_sl,
            title_en=theme_en,
            summary_sl=f"{aim_sl} {_sentence(f'Vodilni partner je {lead_sl}')} {spread_sl}",
            summary_en=f"{aim_en} {_sentence(f'The lead partner is {lead_en}')} {spread_en}",
            status=status,
            programme_id=programme_pk,
            start_date=start,
            start_precision=precision,
            end_date=end,
            end_precision=precision,
            total_budget=None if total is None else _euros(total),
            state=State.PUBLISHED,
            source=self.source,
        )
        pillars = self.pillars(pillar_pk)
        return {
            "project": project,
            "partners": partners,
            "pillars": pillars,
            "goals": self.goals([pk for pk, _ in pillars]),
            "municipalities": self.municipalities(),
            "results": self.results(start, end),
        }

    def dates(self):
        """A start from 2007 to 2030 and an end one to five years later (by 2032), given to
        the year, the month or the day."""
        rng = self.random
        year = rng.randint(FIRST_YEAR, LAST_YEAR - 2)
        months = rng.choice([12, 18, 24, 24, 30, 36, 36, 36, 42, 48, 60])
        precision = rng.choices(list(DatePrecision), weights=[3, 3, 4])[0]
        last = datetime.date(LAST_YEAR, 12, 31)
        if precision == DatePrecision.YEAR:
            start = datetime.date(year, 1, 1)
            end = datetime.date(year + max(1, round(months / 12)) - 1, 12, 31)
        elif precision == DatePrecision.MONTH:
            month = rng.randint(1, 12)
            start = datetime.date(year, month, 1)
            end_year, end_month = divmod(year * 12 + month - 1 + months, 12)
            end = datetime.date(end_year, end_month + 1, 1) - datetime.timedelta(days=1)
        else:
            start = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
            end = start + datetime.timedelta(days=round(months * 30.4) - 1)
        return start, min(end, last), precision

    def status(self, start, end):
        rng = self.random
        Status = Project.Status
        if end < STATUS_AS_OF:
            return Status.COMPLETED if rng.random() < 0.92 else Status.REJECTED
        if start > STATUS_AS_OF:
            return rng.choices(
                [Status.APPROVED, Status.SUBMITTED, Status.IDEA, Status.REJECTED],
                weights=[4, 3, 2, 1],
            )[0]
        return Status.IN_IMPLEMENTATION

    def partners(self, total, is_eu_funded):
        """The project's partners, the lead first: [(place in the pool or None for the
        agency, {role, budget, eu_contribution})]. Budgets (in cents here) share out at most
        the total; associated and advisory partners have none; EU money is part of a budget."""
        rng = self.random
        count = rng.randint(3, 9)
        with_agency = rng.random() < AGENCY_TAKES_PART
        others = []
        for _ in range(count - 1 if with_agency else count):
            others.append(self.pick_partner(exclude=others))
        roles = [Partnership.Role.LEAD] + [
            rng.choices(
                [Partnership.Role.PARTNER, Partnership.Role.ASSOCIATED, Partnership.Role.ADVISORY],
                weights=[16, 3, 1],
            )[0]
            for _ in others[1:]
        ]
        members = list(zip(others, roles, strict=True))
        if with_agency:
            self.tally.agency_projects += 1
            if rng.random() < AGENCY_LEADS:
                self.tally.agency_leads += 1
                members = [(None, Partnership.Role.LEAD)] + [
                    (place, Partnership.Role.PARTNER if role == Partnership.Role.LEAD else role)
                    for place, role in members
                ]
            else:
                members.insert(rng.randint(1, len(members)), (None, Partnership.Role.PARTNER))
        funded = [index for index, (_, role) in enumerate(members) if _has_budget(role)]
        budgets = {}
        if total is not None:
            weights = {
                index: rng.uniform(0.6, 1.4) * (1.5 if members[index][1] == "lead" else 1)
                for index in funded
            }
            shared = int(total * rng.uniform(0.85, 1.0))
            weight_sum = sum(weights.values())
            budgets = {
                index: int(shared * weight / weight_sum) for index, weight in weights.items()
            }
        eu_rate = rng.choice([0.6, 0.75, 0.8, 0.85]) if is_eu_funded else None
        planned = []
        for index, (place, role) in enumerate(members):
            budget = budgets.get(index)
            eu = None if budget is None or eu_rate is None else int(budget * eu_rate)
            planned.append(
                (
                    place,
                    {
                        "role": role,
                        "budget": None if budget is None else _euros(budget),
                        "eu_contribution": None if eu is None else _euros(eu),
                    },
                )
            )
        for place, _ in planned:
            if place is not None:
                self.partner_picks.append(place)
        return planned

    def pick_partner(self, *, exclude):
        """A place in the pool: a new organisation, a popular one or any one, never one of
        `exclude`."""
        rng = self.random
        for _ in range(5):
            draw = rng.random()
            if draw < NEW_ORGANISATION or not self.pool:
                break
            if draw < NEW_ORGANISATION + POPULAR_ORGANISATION and self.partner_picks:
                place = rng.choice(self.partner_picks)
            else:
                place = rng.randrange(len(self.pool))
            if place not in exclude:
                return place
        self.pool.append(self.new_organisation())
        self.new_places.append(len(self.pool) - 1)
        return len(self.pool) - 1

    def new_organisation(self):
        """An organisation of a country (the first ones one of each country, so that even a
        few projects have partners from all of them), with a name in its own language."""
        rng = self.random
        self.organisation_number += 1
        made = len(self.pool)
        if made < len(COUNTRIES):
            country, _, cities = COUNTRIES[made]
        else:
            country, _, cities = rng.choices(COUNTRIES, weights=self.country_weights)[0]
        kind = rng.choices(self.kinds, weights=self.kind_weights)[0]
        city = cities[0] if kind == Organisation.Kind.MINISTRY else rng.choice(cities)
        if kind == Organisation.Kind.COMPANY:
            brand = f"{rng.choice(BRAND_STARTS)}{rng.choice(BRAND_ENDS)}"
            if rng.random() < 0.5:
                brand = f"{brand} {city}"
            name = name_en = f"{brand} {LEGAL_FORM[country]}"
        else:
            template_sl, template_hr, template_en = rng.choice(ORGANISATION_KINDS[kind][1])
            field_sl, field_hr, field_en = rng.choice(FIELDS)
            words = {"city": city, "sl": field_sl, "hr": field_hr, "en": field_en}
            name_en = template_en.format(**words)
            own = {"sl": template_sl, "hr": template_hr}.get(NAME_LANGUAGE.get(country))
            name = own.format(**words) if own else name_en
        # Unique within the country (each country has its Ministry of Energy).
        unique, repeat = name, 1
        while (country, unique) in self.used_names:
            repeat += 1
            unique = f"{name} ({repeat})"
        self.used_names.add((country, unique))
        if unique != name:
            name_en = f"{name_en} ({repeat})"
        acronym = ""
        if kind in (Organisation.Kind.DEVELOPMENT_AGENCY, Organisation.Kind.UNIVERSITY):
            acronym = "".join(
                word[0] for word in name_en.split() if word.lower() not in ACRONYM_WORDS
            ).upper()
        return Organisation(
            slug=f"{slugify(unique)[:80]}-{self.organisation_number}",
            name=unique,
            name_en=name_en if name_en != unique else "",
            acronym=acronym[:40],
            country=country,
            kind=kind,
            city=city,
            source=self.source,
        )

    def country_of(self, place):
        if place is None:
            return self.reference.agency.country.code
        record = self.pool[place]
        return record.country.code if isinstance(record, Organisation) else record.country

    def names_of(self, place):
        """The organisation's own name and its English one, for a summary."""
        record = self.reference.agency if place is None else self.pool[place]
        return record.name, record.name_en or record.name

    def pillars(self, primary_pk):
        """[(pillar's pk, is primary)]: the primary one and up to two others."""
        others = [pk for pk, _ in self.reference.pillars if pk != primary_pk]
        extra = self.random.sample(others, k=self.random.choice([0, 0, 1, 1, 2]))
        return [(primary_pk, True)] + [(pk, False) for pk in extra]

    def goals(self, pillar_pks):
        """Up to three vision goals of the project's pillars or of the region as a whole."""
        candidates = [
            pk for pillar in [*pillar_pks, None] for pk in self.goals_by_pillar.get(pillar, [])
        ]
        return self.random.sample(candidates, k=min(len(candidates), self.random.randint(0, 3)))

    def municipalities(self):
        """None (a project for the region as a whole) or up to five of its municipalities."""
        rng = self.random
        if rng.random() < 0.15:
            return []
        return [pk for pk, _ in rng.sample(self.reference.municipalities, k=rng.randint(1, 5))]

    def results(self, start, end):
        rng = self.random
        results = []
        for order in range(1, rng.randint(1, 4) + 1):
            kind = rng.choice(list(RESULTS))
            title_sl, title_en, unit, value_range = rng.choice(RESULTS[kind])
            result = ProjectResult(
                kind=kind, order=order, title_sl=title_sl, title_en=title_en, unit=unit,
                source=self.source,
            )  # fmt: skip
            if value_range:
                result.value = Decimal(rng.randint(*value_range))
            if kind in (ProjectResult.Kind.DELIVERABLE, ProjectResult.Kind.EVENT):
                result.date = start + datetime.timedelta(days=rng.randint(0, (end - start).days))
                result.date_precision = (
                    DatePrecision.DAY if kind == ProjectResult.Kind.EVENT else DatePrecision.MONTH
                )
            if kind == ProjectResult.Kind.EVENT:
                result.place = rng.choice(self.reference.municipalities)[1]
            results.append(result)
        return results


def _existing_slugs(model, slugs):
    """Those of the slugs that records of the model have, asked a few hundred at a time (a
    query's parameters are limited)."""
    existing = set()
    for offset in range(0, len(slugs), 500):
        chunk = slugs[offset : offset + 500]
        existing.update(model.objects.filter(slug__in=chunk).values_list("slug", flat=True))
    return existing


def _sentence(text):
    """The text ended with a full stop, unless it ends with one already (a name "… d.o.o.")."""
    return text if text.endswith(".") else f"{text}."


def _has_budget(role):
    return role in (Partnership.Role.LEAD, Partnership.Role.PARTNER)


def _euros(cents):
    return (Decimal(cents) / 100).quantize(CENT, rounding=ROUND_DOWN)


@dataclass
class Deleted:
    projects: int = 0
    organisations: int = 0
    # Generated organisations that take part in a project staff made: kept.
    organisations_kept: int = 0
    source_deleted: bool = False


def delete_demo_data(*, progress=None):
    """Delete every generated project (with its partnerships, pillars, results and links) and
    every generated organisation, then the source that marks them. A generated organisation that
    staff made a partner in a project of their own stays, and so does the source then."""
    deleted = Deleted()
    source = demo_source()
    if source is None:
        return deleted
    projects = Project.objects.filter(source=source)
    deleted.projects = _delete_in_chunks(projects, "projects", progress)
    organisations = Organisation.objects.filter(source=source)
    in_use = Exists(Partnership.objects.filter(organisation=OuterRef("pk")))
    deleted.organisations_kept = organisations.filter(in_use).count()
    deleted.organisations = _delete_in_chunks(
        organisations.exclude(in_use), "organisations", progress
    )
    try:
        with transaction.atomic():
            source.delete()
    except ProtectedError:
        pass  # kept organisations, or a record staff gave this source, still name it
    else:
        deleted.source_deleted = True
    return deleted


def _delete_in_chunks(queryset, label, progress):
    """Delete the queryset's records DELETE_CHUNK at a time, each chunk in one transaction with
    what cascades from it; call `progress(label, done, total, seconds)` after each chunk and
    return how many there were."""
    model = queryset.model
    pks = list(queryset.order_by("pk").values_list("pk", flat=True))
    started = time.monotonic()
    for offset in range(0, len(pks), DELETE_CHUNK):
        with transaction.atomic():
            model.objects.filter(pk__in=pks[offset : offset + DELETE_CHUNK]).delete()
        if progress:
            progress(
                label, min(offset + DELETE_CHUNK, len(pks)), len(pks), time.monotonic() - started
            )
    return len(pks)
