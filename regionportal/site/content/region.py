"""The Savinjska region and its 31 municipalities (public sources; the presentation names none).

Bistrica ob Sotli (SI-149) is left out on purpose: it belongs to the Posavska region, though some
Kozjansko lists still name it.
"""

from decimal import Decimal

from .sources import ISO_3166_2, RASR_STATISTICS

REGION = {
    "slug": "savinjska",
    "name_sl": "Savinjska statistična regija",
    "name_en": "Savinja Statistical Region",
    "nuts_code": "SI034",
    "older_nuts_codes": "SI004 (NUTS 2003), SI014 (NUTS 2010)",
    "area_km2": Decimal("2301.0"),
    "population": 256359,
    "population_year": 2019,
    "source": RASR_STATISTICS,
}

# slug, name, ISO 3166-2 code, area in km², population in 2014, urban municipality (MO)
_TABLE = [
    ("braslovce", "Braslovče", "SI-151", "55.0", 5442, False),
    ("celje", "Celje", "SI-011", "94.9", 48868, True),
    ("dobje", "Dobje", "SI-154", "17.5", 968, False),
    ("dobrna", "Dobrna", "SI-155", "31.7", 2215, False),
    ("gornji-grad", "Gornji Grad", "SI-030", "90.1", 2628, False),
    ("kozje", "Kozje", "SI-051", "89.7", 3114, False),
    ("lasko", "Laško", "SI-057", "197.5", 13327, False),
    ("ljubno", "Ljubno", "SI-062", "78.9", 2621, False),
    ("luce", "Luče", "SI-067", "109.5", 1492, False),
    ("mozirje", "Mozirje", "SI-079", "53.5", 4103, False),
    ("nazarje", "Nazarje", "SI-083", "43.4", 2573, False),
    ("podcetrtek", "Podčetrtek", "SI-092", "60.6", 3318, False),
    ("polzela", "Polzela", "SI-173", "34.0", 6060, False),
    ("prebold", "Prebold", "SI-174", "40.6", 5002, False),
    ("recica-ob-savinji", "Rečica ob Savinji", "SI-209", "30.1", 2338, False),
    ("rogaska-slatina", "Rogaška Slatina", "SI-106", "71.5", 10981, False),
    ("rogatec", "Rogatec", "SI-107", "39.6", 3115, False),
    ("slovenske-konjice", "Slovenske Konjice", "SI-114", "97.8", 14453, False),
    ("solcava", "Solčava", "SI-180", "102.8", 523, False),
    ("sentjur", "Šentjur", "SI-120", "222.3", 18922, False),
    ("smarje-pri-jelsah", "Šmarje pri Jelšah", "SI-124", "107.7", 10214, False),
    ("smartno-ob-paki", "Šmartno ob Paki", "SI-125", "18.2", 3223, False),
    ("sostanj", "Šoštanj", "SI-126", "95.6", 8806, False),
    ("store", "Štore", "SI-127", "28.1", 4250, False),
    ("tabor", "Tabor", "SI-184", "34.8", 1620, False),
    ("velenje", "Velenje", "SI-133", "83.5", 32973, True),
    ("vitanje", "Vitanje", "SI-137", "59.4", 2235, False),
    ("vojnik", "Vojnik", "SI-139", "75.3", 8537, False),
    ("vransko", "Vransko", "SI-189", "53.3", 2597, False),
    ("zrece", "Zreče", "SI-144", "67.0", 6358, False),
    ("zalec", "Žalec", "SI-190", "117.1", 21255, False),
]

MUNICIPALITIES = [
    {
        "slug": slug,
        "name": name,
        "iso_code": iso_code,
        "area_km2": Decimal(area),
        "population": population,
        "population_year": 2014,
        "is_urban": is_urban,
        "source": ISO_3166_2,
    }
    for slug, name, iso_code, area, population, is_urban in _TABLE
]
