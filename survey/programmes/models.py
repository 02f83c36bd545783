"""A region's transformatieprogramma: principles, projects, their actielijnen, activities, targets, budget.

Every object belongs to one region through its programme; ``region_id`` on the children is a
read-only property so region checks (``get_in_region``) and audit entries work the same everywhere.
"""

import enum
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from analysis.programmes.targets import Direction, evaluate
from survey.accounts.models import Region, User
from survey.database import Base, enum_column
from survey.timeutil import utcnow


@dataclass(frozen=True)
class ActionLine:
    """One of the six national actielijnen of *Zorg voor de Jeugd* (official Dutch titles)."""

    number: int
    title: str


#: the six national actielijnen; projects refer to them by number
ACTION_LINES = {
    line.number: line
    for line in (
        ActionLine(1, "Betere toegang tot jeugdhulp voor kinderen en gezinnen"),
        ActionLine(2, "Meer kinderen zo thuis mogelijk laten opgroeien"),
        ActionLine(3, "Alle kinderen de kans bieden zich optimaal te ontwikkelen"),
        ActionLine(4, "Kwetsbare jongeren beter op weg helpen zelfstandig te worden"),
        ActionLine(5, "Jeugdigen beter beschermen als hun ontwikkeling gevaar loopt"),
        ActionLine(6, "Investeren in vakmanschap van jeugdprofessionals"),
    )
}


class ProjectStatus(enum.StrEnum):
    """Where a project is in its life (*status*)."""

    PREPARING = "in_voorbereiding"
    RUNNING = "lopend"
    FINISHED = "afgerond"
    STOPPED = "gestopt"


class Programme(Base):
    """A region's *transformatieprogramma* over a number of years."""

    __tablename__ = "programme"
    __table_args__ = (
        sa.UniqueConstraint("region_id", "name"),
        sa.CheckConstraint("end_year >= start_year", name="years_in_order"),
        sa.CheckConstraint("start_year BETWEEN 2000 AND 2100", name="start_year_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the region that runs it (*regio*)
    region_id: Mapped[int] = mapped_column(sa.ForeignKey("region.id", ondelete="CASCADE"), index=True)
    #: name (*naam van het programma*)
    name: Mapped[str] = mapped_column(sa.String(200))
    #: first year (*startjaar*)
    start_year: Mapped[int]
    #: last year (*eindjaar*)
    end_year: Mapped[int]
    #: months (1–12) in which project leaders report progress (*rapportagemaanden*)
    report_months: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: names of the region's gemeenten, to check uploads against (*gemeenten*); empty: not checked
    gemeenten: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: when it was created
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    region: Mapped[Region] = relationship()
    principles: Mapped[list["Principle"]] = relationship(
        back_populates="programme", order_by="Principle.position", cascade="all, delete-orphan", passive_deletes=True
    )
    #: the programme's order of projects (*volgorde*): every page, report and export follows it
    projects: Mapped[list["Project"]] = relationship(
        back_populates="programme",
        order_by="[Project.position, Project.id]",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    #: the region's own actielijnen beside the national six (*eigen actielijnen*)
    regional_lines: Mapped[list["RegionalActionLine"]] = relationship(
        back_populates="programme",
        order_by="[RegionalActionLine.position, RegionalActionLine.id]",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    def __repr__(self) -> str:
        return f"<Programme {self.id} {self.name!r}>"

    def runs_in(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year


class Principle(Base):
    """A guiding principle from the region's own story (*ons verhaal*, *leidend principe*)."""

    __tablename__ = "principle"
    __table_args__ = (sa.UniqueConstraint("programme_id", "title"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(sa.ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    #: order in the story (*volgorde*)
    position: Mapped[int] = mapped_column(default=0)
    #: short title (*titel*)
    title: Mapped[str] = mapped_column(sa.String(200))
    #: what the principle means (*toelichting*)
    text: Mapped[str] = mapped_column(sa.Text, default="")

    programme: Mapped[Programme] = relationship(back_populates="principles")

    def __repr__(self) -> str:
        return f"<Principle {self.id} {self.title!r}>"

    @property
    def region_id(self) -> int:
        return self.programme.region_id


class RegionalActionLine(Base):
    """An actielijn of the region's own, beside the six national ones (*eigen actielijn*)."""

    __tablename__ = "regional_action_line"
    __table_args__ = (sa.UniqueConstraint("programme_id", "title"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(sa.ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    #: order in the programme (*volgorde*)
    position: Mapped[int] = mapped_column(default=0)
    #: short title (*naam*)
    title: Mapped[str] = mapped_column(sa.String(200))
    #: what the line is about (*omschrijving*)
    description: Mapped[str] = mapped_column(sa.Text, default="")

    programme: Mapped[Programme] = relationship(back_populates="regional_lines")

    def __repr__(self) -> str:
        return f"<RegionalActionLine {self.id} {self.title!r}>"

    @property
    def region_id(self) -> int:
        return self.programme.region_id


#: which principles of the story a project serves (many-to-many)
project_principle = sa.Table(
    "project_principle",
    Base.metadata,
    sa.Column("project_id", sa.ForeignKey("project.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("principle_id", sa.ForeignKey("principle.id", ondelete="CASCADE"), primary_key=True, index=True),
)
#: which of the region's own actielijnen a project serves (many-to-many)
project_regional_line = sa.Table(
    "project_regional_line",
    Base.metadata,
    sa.Column("project_id", sa.ForeignKey("project.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("line_id", sa.ForeignKey("regional_action_line.id", ondelete="CASCADE"), primary_key=True, index=True),
)


def new_project_key() -> str:
    """A key no other project is likely to have; ``services.create_project`` gives a readable one."""
    return "project-" + secrets.token_hex(4)


class Project(Base):
    """A project of the programme, with its *ambitie*, targets, activities and budget."""

    __tablename__ = "project"
    __table_args__ = (sa.UniqueConstraint("programme_id", "name"), sa.UniqueConstraint("programme_id", "key"))

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(sa.ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    #: name (*projectnaam*)
    name: Mapped[str] = mapped_column(sa.String(200))
    #: stable key that survey lists use for the project (*sleutel*), never a database id; never changes
    key: Mapped[str] = mapped_column(sa.String(60), default=new_project_key)
    #: the goal in words and numbers (*ambitie*)
    ambition: Mapped[str] = mapped_column(sa.Text, default="")
    #: place in the programme's order of projects (*volgorde*)
    position: Mapped[int] = mapped_column(default=0)
    #: the staff member with the projectleider role who reports on it (*projectleider*)
    leader_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    #: where the project stands (*status*)
    status: Mapped[ProjectStatus] = mapped_column(enum_column(ProjectStatus), default=ProjectStatus.RUNNING)
    #: goals for next year (*doelen volgend jaar*)
    next_year_goals: Mapped[str] = mapped_column(sa.Text, default="")
    #: when it was created
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    programme: Mapped[Programme] = relationship(back_populates="projects")
    #: the principles from *ons verhaal* it serves (*leidende principes*), in the story's order
    principles: Mapped[list[Principle]] = relationship(secondary=project_principle, order_by="Principle.position")
    #: the region's own actielijnen it serves (*eigen actielijnen*), in the programme's order
    regional_lines: Mapped[list[RegionalActionLine]] = relationship(
        secondary=project_regional_line, order_by="[RegionalActionLine.position, RegionalActionLine.id]"
    )
    leader: Mapped[User | None] = relationship()
    action_line_links: Mapped[list["ProjectActionLine"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ProjectActionLine.number"
    )
    activities: Mapped[list["Activity"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Activity.position"
    )
    targets: Mapped[list["Target"]] = relationship(
        back_populates="project", cascade="all, delete-orphan", passive_deletes=True, order_by="Target.id"
    )
    budget_lines: Mapped[list["BudgetLine"]] = relationship(
        back_populates="project", cascade="all, delete-orphan", passive_deletes=True, order_by="BudgetLine.year"
    )

    def __repr__(self) -> str:
        return f"<Project {self.id} {self.name!r}>"

    @property
    def region_id(self) -> int:
        return self.programme.region_id

    @property
    def action_lines(self) -> list[ActionLine]:
        """The national actielijnen the project serves, in number order."""
        return [ACTION_LINES[link.number] for link in self.action_line_links]

    def is_led_by(self, user) -> bool:
        return self.leader_id is not None and user is not None and self.leader_id == user.id


class ProjectActionLine(Base):
    """A project serves an actielijn (many-to-many with the six national lines)."""

    __tablename__ = "project_action_line"
    __table_args__ = (sa.CheckConstraint("number BETWEEN 1 AND 6", name="number_range"),)

    project_id: Mapped[int] = mapped_column(sa.ForeignKey("project.id", ondelete="CASCADE"), primary_key=True)
    #: the actielijn's number, 1–6 (*actielijn*)
    number: Mapped[int] = mapped_column(primary_key=True)

    def __repr__(self) -> str:
        return f"<ProjectActionLine {self.project_id}:{self.number}>"


class Activity(Base):
    """One thing the project does (*dit doen we door*)."""

    __tablename__ = "activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(sa.ForeignKey("project.id", ondelete="CASCADE"), index=True)
    #: order in the list (*volgorde*)
    position: Mapped[int] = mapped_column(default=0)
    #: the activity (*activiteit*)
    text: Mapped[str] = mapped_column(sa.String(500))

    def __repr__(self) -> str:
        return f"<Activity {self.id}>"


class Target(Base):
    """A measurable target of a project (*doel*): from a baseline to a target value by a date."""

    __tablename__ = "target"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(sa.ForeignKey("project.id", ondelete="CASCADE"), index=True)
    #: the indicator that measures it (*indicator*)
    indicator_id: Mapped[int] = mapped_column(sa.ForeignKey("indicator.id"), index=True)
    #: the target in words, e.g. "40 kinderen van residentieel naar gezin of thuis" (*doel*)
    description: Mapped[str] = mapped_column(sa.String(300))
    #: the starting figure (*nulmeting*); empty means 0
    baseline: Mapped[Decimal | None] = mapped_column(sa.Numeric(14, 4))
    #: the figure to reach (*streefwaarde*)
    target_value: Mapped[Decimal] = mapped_column(sa.Numeric(14, 4))
    #: which way is better (*richting*): increase, decrease, at_most, at_least or zero (analysis.programmes.targets)
    direction: Mapped[Direction] = mapped_column(enum_column(Direction), default=Direction.INCREASE)
    #: unit of the figures, e.g. "kinderen" or "%" (*eenheid*)
    unit: Mapped[str] = mapped_column(sa.String(40), default="")
    #: when the target should be reached (*streefdatum*)
    target_date: Mapped[date]
    #: count every period up to the target date (True) or hold the latest period against it (*opgeteld*)
    cumulative: Mapped[bool] = mapped_column(default=False)

    project: Mapped[Project] = relationship(back_populates="targets")
    #: the Indicator class is named, not imported: survey/programmes/monitor/indicators.py imports this module
    indicator = relationship("Indicator")

    def __repr__(self) -> str:
        return f"<Target {self.id}>"

    def state(self, current):
        """Status and % of the way for a figure: the one rule in ``analysis.programmes.targets``."""
        return evaluate(current, self.target_value, self.baseline, self.direction or Direction.INCREASE)

    @property
    def region_id(self) -> int:
        return self.project.region_id


class BudgetLine(Base):
    """A project's budget for one year: *begroot* and *besteed*."""

    __tablename__ = "budget_line"
    __table_args__ = (
        sa.UniqueConstraint("project_id", "year"),
        sa.CheckConstraint("budgeted >= 0", name="budgeted_not_negative"),
        sa.CheckConstraint("spent IS NULL OR spent >= 0", name="spent_not_negative"),
        sa.CheckConstraint("year BETWEEN 2000 AND 2100", name="year_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(sa.ForeignKey("project.id", ondelete="CASCADE"), index=True)
    #: the calendar year (*jaar*)
    year: Mapped[int]
    #: budgeted amount in euros (*begroot*)
    budgeted: Mapped[Decimal] = mapped_column(sa.Numeric(12, 2))
    #: amount spent in euros (*besteed*); empty until known
    spent: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))

    project: Mapped[Project] = relationship(back_populates="budget_lines")

    def __repr__(self) -> str:
        return f"<BudgetLine {self.project_id}:{self.year}>"

    @property
    def region_id(self) -> int:
        return self.project.region_id
