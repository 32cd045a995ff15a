"""Lines of the agency's presentation "Savinjska regija na poti do integralne zelene regije".

Copied verbatim (spacing, the euro sign and the missing colon included) from the text of the
presentation, so that the tests check the loaded content against the source's own words
without reading the source document, which is not part of the repository.
"""

# Each Interreg project's slide: the project's total budget, then the agency's share. These are
# all the amounts the presentation writes to the cent.
BUDGET_LINES = {
    "clean": ("PROJEKT: 1.598.948,00 EUR", "RASR: 133.562,00 EUR"),
    "innovaspa": ("€ PROJEKT: 1.346.163,00 EUR", "RASR: 139.835,00  EUR"),
    "activehome": ("PROJEKT: 49.597,57 EUR", "RASR: 17.790,00 EUR"),
    "2sokrog": ("PROJEKT: 488.705,06 EUR", "RASR: 89.863,35 EUR"),
    "living-castles": ("PROJEKT:1.236.470,80 EUR", "RASR 146.355,00 EUR"),
}
