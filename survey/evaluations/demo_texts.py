"""Texts of the demo stakeholder-enquête: the codebook and answers (raw, scrubbed, themes)."""

CODEBOOK = "Stakeholder-enquête tussenevaluatie"
THEMES = [
    ("samenwerking", "Samenwerking", ["samenwerking", "samen", "korte lijnen", "wijkteam"]),
    ("communicatie", "Communicatie en zichtbaarheid", ["communicatie", "zichtbaar", "nieuwsbrief", "raad"]),
    ("data", "Data en monitoring", ["cijfers", "monitor", "data"]),
    ("werkdruk", "Werkdruk en capaciteit", ["werkdruk", "tijd", "plekken", "capaciteit"]),
    ("participatie", "Stem van jongeren en ouders", ["jongeren", "ouders", "meepraten"]),
    ("resultaat", "Zichtbare resultaten voor kinderen", ["kinderen", "thuis", "resultaat"]),
    ("borging", "Borging en financiering", ["borgen", "financiering", "subsidie"]),
]

# (raw answer, scrubbed copy or None when nothing needed scrubbing, theme keys)
PROUD = [
    ("Dat kinderen nu echt eerder thuis wonen. Dat zie je terug in de cijfers.", None, ["resultaat", "data"]),
    ("De samenwerking tussen gemeenten en aanbieders is hechter geworden.", None, ["samenwerking"]),
    ("Trots op de perspectieftafel: elk kind wordt besproken.", None, ["resultaat"]),
    ("Dat jongeren zelf meepraten over hun plan.", None, ["participatie"]),
    (
        "Petra van het wijkteam Schiedam heeft dit echt op de kaart gezet.",
        "[naam] van het wijkteam [plaats] heeft dit echt op de kaart gezet.",
        ["samenwerking"],
    ),
    ("De kwartaalcijfers zijn voor het eerst compleet.", None, ["data"]),
    ("Professionals durven meer samen op te trekken.", None, ["samenwerking"]),
    ("Ouders merken dat de hulp beter aansluit.", None, ["resultaat", "participatie"]),
]
WORKS = [
    ("Korte lijnen tussen wijkteam en jeugdbescherming.", None, ["samenwerking"]),
    ("Het vaste aanspreekpunt voor ouders werkt goed.", None, ["communicatie", "participatie"]),
    ("De monitor geeft elk kwartaal een helder beeld.", None, ["data"]),
    ("De nieuwsbrief maakt de projecten zichtbaar.", None, ["communicatie"]),
    ("Samen casussen bespreken helpt om sneller te schakelen.", None, ["samenwerking"]),
    ("Jongeren worden gehoord in de evaluaties.", None, ["participatie"]),
    (
        "De overleggen met Jan de Boer van de gemeente lopen soepel.",
        "De overleggen met [naam] van de gemeente lopen soepel.",
        ["samenwerking"],
    ),
]
ATTENTION = [
    ("De werkdruk bij de wijkteams is hoog; er is te weinig tijd voor de nieuwe werkwijze.", None, ["werkdruk"]),
    ("Maak de resultaten beter zichtbaar voor raadsleden.", None, ["communicatie"]),
    ("Hoe borgen we dit na de subsidieperiode?", None, ["borging"]),
    ("Er zijn te weinig gezinshuisplekken.", None, ["werkdruk"]),
    ("De cijfers uit de data-uitvraag komen vaak te laat.", None, ["data"]),
    (
        "Bel mij gerust op 06-12345678. De financiering na volgend jaar is onzeker.",
        "Bel mij gerust op [telefoonnummer]. De financiering na volgend jaar is onzeker.",
        ["borging"],
    ),
    ("Betrek ouders eerder bij de plannen.", None, ["participatie"]),
]
#: grades for the programme, mean 7,4 over 20 respondents
GRADES = [8, 7, 7, 8, 6, 9, 7, 8, 7, 7, 8, 6, 7, 8, 8, 7, 9, 6, 8, 7]
ROLES = ["bestuurder", "beleid", "aanbieder", "projectleider"]

HEIMIDDAG_NOTES = """Heimiddag stuurgroep:

Trots op:
- Het is knap dat alle gemeenten dezelfde monitor gebruiken.

Aandachtspunten
- Zorg dat de wachttijd voor vroeghulp niet weer oploopt in de zomer.
- Kunnen we de nieuwsbrief ook naar de gemeenteraad sturen?

Opvallend
- Jongeren willen zelf hun evaluatie presenteren.

Wat werkt goed
- Organiseer volgend jaar weer een werkbezoek voor raadsleden; dat werkte dit jaar goed."""
#: notes without headings: the platform guesses their kinds and marks them for the evaluator to check
KERNTEAM_NOTES = """- Het aantal pleegouders in de regio is dit jaar gelijk gebleven.
- De wachttijd voor specialistische hulp is nog steeds te lang."""
#: interview quotes with the speaker's role (the evaluator marks them public in the review)
INTERVIEW_NOTES = """Wat werkt goed
- “Sinds de POH-jeugd bij ons in de praktijk zit, verwijzen we minder door.” — huisarts, gemeente Oost
- “De korte lijnen met het wijkteam maken het verschil voor gezinnen.” — projectleider Thuis opgroeien

Aandachtspunten
- “Voor jongeren rond de 18 valt de hulp nog te vaak stil.” — beleidsadviseur jeugd"""
COHERENCE = (
    "De projecten versterken elkaar: de POH-jeugd vangt vragen vroeg op, de wijkteams pakken ze "
    "op en gezinshuizen bieden een thuis waar dat nodig is.\n\nIn het vervolg ligt de nadruk op "
    "de overgang naar 18 jaar en op het vasthouden van de kortere wachttijden."
)
VIGNETTE = (
    "Een moeder meldde zich in maart bij de huisarts. De POH-jeugd sprak haar binnen een week; "
    "het wijkteam nam het over zonder nieuwe intake. Na twee maanden was de hulp afgerond."
)
INTRODUCTION = (
    "Deze tussenevaluatie beschrijft waar het transformatieprogramma halverwege staat. "
    "Ze combineert de voortgang van de projecten met de stakeholder-enquête en de uitspraken "
    "van de heimiddag.\n\nDe stuurgroep bespreekt het concept voordat het wordt vastgesteld."
)
