"""Demo content: a transformatieprogramma with five projects, a year of quarterly figures, progress
reports (one *aandacht nodig* in April), notes from a heimiddag and budgets. Loaded once per region."""

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from analysis.files.uploads import pseudonymise
from analysis.programmes.periods import period_of, previous_period
from analysis.programmes.targets import Direction
from survey.accounts.models import Region, User
from survey.extensions import db
from survey.programmes import services
from survey.programmes.models import Programme, ProjectStatus
from survey.programmes.monitor import measurements
from survey.programmes.monitor.indicators import Aggregation, Measurement, PeriodType
from survey.programmes.progress_reports import notes, reporting
from survey.programmes.progress_reports.models import NoteKind, NoteSource, ProgressStatus

NAME = "Transformatieprogramma Jeugdhulp"
LEADER_EMAIL = "projectleider@demo.example"
GEMEENTEN = ["Capelle aan den IJssel", "Lansingerland", "Maassluis", "Ridderkerk", "Schiedam", "Vlaardingen"]
PRINCIPLES = [
    ("Zo thuis mogelijk", "Kinderen groeien op in een gezin. Kan het thuis niet, dan zo thuis mogelijk."),
    ("Eén gezin, één plan, één regisseur", "Hulp rond een gezin sluit aan; één plan, één persoon met regie."),
    ("Eigen kracht en netwerk eerst", "We benutten wat jeugdigen, ouders en hun netwerk zelf kunnen."),
    ("Ruimte voor de professional", "Professionals doen wat nodig is; regels helpen daarbij."),
    ("Samen leren", "We leren van cijfers én van verhalen van ouders, jongeren en professionals."),
]
# in the programme's own order (not the alphabet): name, actielijnen, principle indexes, led by the demo
# project leader, ambition, activities, indicator, target
#: the region's own actielijnen beside the national six: title, description, the projects that serve it
REGIONAL_LINES = [
    (
        "Thuis in de regio",
        "Jeugdigen groeien op in hun eigen omgeving: zo min mogelijk verblijf buiten de regio.",
        ("Thuis opgroeien", "Doorlopende zorg 18-/18+"),
    ),
]
PROJECTS = [
    (
        "Thuis opgroeien",
        [2],
        (0, 1),
        True,
        "Eind volgend jaar wonen 40 kinderen die nu in een residentiële voorziening verblijven in een gezin of "
        "weer thuis.",
        [
            "Een regionaal team gezinshuizen zoekt plekken en ondersteunt gezinshuisouders",
            "Elke residentiële plaatsing na drie maanden bespreken aan de perspectieftafel",
            "Pleegzorg+ voor overbelaste pleeggezinnen",
        ],
        ("Kinderen van residentiële zorg naar gezin of thuis", "kinderen", Aggregation.SUM, False),
        ("40 kinderen van residentiële zorg naar een gezin of thuis", None, 40, True, (5, 2, 6, 7)),
    ),
    (
        "Integrale Vroeghulp",
        [3],
        (2,),
        False,
        "Kinderen van 0–7 jaar met een ontwikkelingsachterstand krijgen sneller passende hulp.",
        ["Multidisciplinair vroeghulpoverleg per subregio", "Eén vast aanspreekpunt voor ouders"],
        ("Wachttijd vroeghulponderzoek", "weken", Aggregation.MEAN, False),
        ("Wachttijd voor een vroeghulponderzoek van 10 naar 6 weken", 10, 6, False, (9.5, 9, 8, 7.5)),
    ),
    (
        "Praktijkondersteuning jeugd bij de huisarts",
        [1],
        (1,),
        False,
        "Jeugdigen met lichte psychische klachten krijgen hulp in de huisartspraktijk, dichtbij huis.",
        ["POH-jeugd in elke gemeente", "Afsprakenkader met huisartsen en zorgverzekeraar"],
        ("Jeugdigen geholpen door de POH-jeugd", "jeugdigen", Aggregation.SUM, True),
        ("600 jeugdigen lokaal geholpen sinds de start van het programma", None, 600, True, (20, 25, 22, 28)),
    ),
    (
        "Doorlopende zorg 18-/18+",
        [4],
        (1, 0),
        True,
        "Elke jongere in jeugdhulp heeft op zijn 18e een toekomstplan voor wonen, werk, geld en hulp.",
        ["Toekomstgesprek vanaf 16,5 jaar", "Warme overdracht naar Wmo en schuldhulp"],
        ("Jongeren met toekomstplan bij 18 jaar", "%", Aggregation.MEAN, False),
        ("90 % van de jongeren heeft op zijn 18e een toekomstplan", 55, 90, False, (58, 64, 70, 73)),
    ),
    (
        "Beter Samenspel voor veilig opgroeien",
        [5, 6],
        (3,),
        False,
        "Jeugdbeschermers en lokale teams werken samen vanaf de eerste zorgmelding.",
        [
            "Jeugdbeschermer een dagdeel per week in het lokale team",
            "Methodische casusbesprekingen",
            "Basiscursus familie- en jeugdrecht",
        ],
        ("Professionals in methodische casusbespreking", "professionals", Aggregation.SUM, False),
        ("200 professionals volgden een methodische casusbespreking", None, 200, True, (30, 45, 40, 35)),
    ),
]
# more targets: a reduction (fewer young people in residential care, 20 -> 5, now 12: 53 % of the way)
# and a target of zero (no young person in closed youth care without need, 28 -> 0)
EXTRA_TARGETS = [
    (
        "Thuis opgroeien",
        ("Jongeren in residentiële jeugdzorg", "jongeren", Aggregation.SUM, False),
        (
            "Het aantal jongeren in residentiële jeugdzorg daalt van 20 naar 5",
            20,
            5,
            False,
            (18, 15, 14, 12),
            Direction.DECREASE,
        ),
    ),
    (
        "Beter Samenspel voor veilig opgroeien",
        ("Jongeren in gesloten jeugdzorg", "jongeren", Aggregation.SUM, False),
        ("Geen enkele jongere meer in gesloten jeugdzorg", 28, 0, False, (26, 24, 25, 21), Direction.ZERO),
    ),
]
BUDGETS = {
    "Thuis opgroeien": (450_000, 420_500),
    "Integrale Vroeghulp": (180_000, 171_200),
    "Praktijkondersteuning jeugd bij de huisarts": (300_000, 262_000),
    "Doorlopende zorg 18-/18+": (120_000, 95_300),
    "Beter Samenspel voor veilig opgroeien": (500_000, 548_900),
}
ON_TRACK = {
    "status": ProgressStatus.ON_TRACK,
    "results": "De geplande activiteiten liepen volgens plan.",
    "successes": "Goede samenwerking met de lokale teams.",
    "next_steps": "Doorgaan volgens plan.",
}
APRIL_ATTENTION = {
    "status": ProgressStatus.ATTENTION,
    "results": "Twee kinderen stroomden uit naar een gezinshuis.",
    "successes": "De perspectieftafel draait in alle subregio's.",
    "obstacles": "Twee gezinshuizen stopten dit voorjaar. Daardoor stroomden in het eerste kwartaal maar "
    "2 kinderen uit in plaats van de geplande 5.",
    "next_steps": "Werving van nieuwe gezinshuisouders samen met de pleegzorgaanbieder.",
}
THUIS_NOTES = """Trots op:
- Elk kind in residentiële zorg is besproken aan de perspectieftafel.
Aandacht:
- Gezinshuisouders haken af door de zware begeleiding.
- Terugval na thuisplaatsing wordt nog niet gevolgd."""
HEIMIDDAG = """Trots op:
- De samenwerking tussen wijkteams en gezinshuizen is in een jaar veel beter geworden.
- Ouders voelen zich gehoord aan de perspectieftafel.
Werkt goed:
- Een vaste contactpersoon per gezin
- Korte lijnen met de gecertificeerde instelling
Aandacht:
- Te weinig gezinshuisplekken in de regio
- De wachttijd voor vroeghulp loopt in de zomer weer op
Opvallend:
- Jongeren willen zelf meepraten over hun plan, ook bij de evaluatie."""


def load(region: Region) -> list[str]:
    """Add the demo programme to the region, unless it is already there."""
    stmt = select(Programme.id).where(Programme.region_id == region.id, Programme.name == NAME)
    if db.session.scalar(stmt):
        return [f"Programma: {NAME} (al aanwezig)"]
    today = date.today()
    programme = services.create_programme(
        region,
        name=NAME,
        start_year=today.year - 1,
        end_year=today.year + 1,
        report_months=[1, 4, 7, 10],
        gemeenten=GEMEENTEN,
    )
    principles = [services.add_principle(programme, title, text) for title, text in PRINCIPLES]
    regional = {title: services.add_regional_line(programme, title, text) for title, text, _p in REGIONAL_LINES}
    leader = db.session.scalar(select(User).where(User.email == LEADER_EMAIL))
    monitor = measurements.create_indicator_set(
        programme, name="Monitor transformatie", description="Elk kwartaal in te vullen door aanbieders en gemeenten."
    )
    quarters = _last_quarters(today, 4)
    for spec in PROJECTS:
        lines = [regional[title] for title, _t, names in REGIONAL_LINES if spec[0] in names]
        _project(programme, monitor, principles, leader, spec, quarters, today, lines)
    _unique_children(programme, region, quarters)
    notes.add_notes(
        programme,
        HEIMIDDAG,
        kind=NoteKind.NOTABLE,
        source_type=NoteSource.AFTERNOON,
        source="Heimiddag projectleiders",
        noted_on=today - timedelta(days=60),
        user=None,
    )
    return [f"Programma: {NAME} met {len(PROJECTS)} projecten, kwartaalcijfers en voortgangsrapportages"]


def _last_quarters(today: date, count: int) -> list[str]:
    periods = [previous_period(period_of(today, PeriodType.QUARTER.value))]
    while len(periods) < count:
        periods.insert(0, previous_period(periods[0]))
    return periods


def _project(programme, monitor, principles, leader, spec, quarters, today, regional_lines=()) -> None:
    name, lines, served, led, ambition, activities, indicator_spec, target_spec = spec
    project = services.create_project(
        programme,
        name=name,
        action_lines=lines,
        principles=[principles[i] for i in served],
        regional_lines=regional_lines,
        leader=leader if led else None,
        status=ProjectStatus.RUNNING,
        ambition=ambition,
        activities=activities,
        next_year_goals="De aanpak borgen in de reguliere inkoop en werkwijze.",
    )
    _target(project, monitor, indicator_spec, target_spec, quarters, today)
    for project_name, extra_indicator, extra_target in EXTRA_TARGETS:
        if project_name == name:
            _target(project, monitor, extra_indicator, extra_target, quarters, today)
    budgeted, spent = BUDGETS[name]
    services.add_budget_line(project, year=today.year - 1, budgeted=Decimal(budgeted), spent=Decimal(spent))
    services.add_budget_line(project, year=today.year, budgeted=Decimal(budgeted), spent=None)
    _reports(project, leader if led else None, today)


def _target(project, monitor, indicator_spec, target_spec, quarters, today) -> None:
    """One indicator with a target and a value per quarter (per gemeente: the value plus 0, 1 or 2)."""
    title, unit, aggregation, per_gemeente = indicator_spec
    indicator = measurements.create_indicator(
        monitor,
        name=title,
        unit=unit,
        aggregation=aggregation,
        per_gemeente=per_gemeente,
        period_type=PeriodType.QUARTER,
    )
    description, baseline, target, cumulative, values, *direction = target_spec
    services.add_target(
        project,
        description=description,
        indicator=indicator,
        target_value=Decimal(target),
        baseline=Decimal(baseline) if baseline is not None else None,
        unit=unit,
        target_date=date(today.year + 1, 12, 31),
        cumulative=cumulative,
        direction=direction[0] if direction else None,
    )
    for period, value in zip(quarters, values, strict=True):
        places = GEMEENTEN if per_gemeente else [""]
        for offset, place in enumerate(places):
            measurements.add_measurement(
                indicator,
                period=period,
                value=Decimal(str(value)) + offset % 3,
                gemeente=place,
                source="Monitor transformatie",
                user=None,
            )


def _reports(project, leader, today) -> None:
    """The last four rounds; Thuis opgroeien needed attention in April."""
    author = leader or db.session.scalar(select(User).where(User.email == "beheerder@demo.example"))
    for round_ in reporting.rounds_so_far(project.programme, today)[:4]:
        attention = project.name == "Thuis opgroeien" and round_.endswith("-04")
        reporting.submit_report(project, round_, author, {}, **(APRIL_ATTENTION if attention else ON_TRACK))
    if project.name == "Thuis opgroeien":
        notes.add_notes(
            project.programme,
            THUIS_NOTES,
            kind=NoteKind.NOTABLE,
            source_type=NoteSource.INTERVIEW,
            source="Interview projectleider",
            noted_on=today - timedelta(days=30),
            user=None,
            project=project,
        )


def _unique_children(programme, region, quarters) -> None:
    """A data request with a pseudonym column: children counted once across two providers."""
    per_child = measurements.create_indicator_set(
        programme,
        name="Uitstroom residentiële zorg per kind",
        pseudonym_column="kindnummer",
        description="Per kind dat uitstroomt: het gezamenlijke pseudoniem van het kind (nooit een BSN).",
    )
    indicator = measurements.create_indicator(
        per_child,
        name="Unieke kinderen uitgestroomd naar gezin",
        unit="kinderen",
        aggregation=Aggregation.DISTINCT,
        period_type=PeriodType.QUARTER,
        per_gemeente=False,
    )
    key = measurements.region_key(region.id)
    for source, children in (
        ("Aanbieder Horizon", ("K-101", "K-102", "K-103")),
        ("Aanbieder De Waal", ("K-103", "K-201")),
    ):
        for child in children:
            db.session.add(
                Measurement(
                    indicator_id=indicator.id,
                    period=quarters[-1],
                    value=Decimal(1),
                    source=source,
                    pseudonym=pseudonymise(child, key),
                )
            )
    db.session.flush()
