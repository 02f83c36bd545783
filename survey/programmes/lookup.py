"""Finding programme objects for a request: inside the current region (else 404), and for a
project leader only the projects they lead (else 403)."""

from flask import abort, g
from flask_login import current_user

from survey.access import get_in_region
from survey.accounts.models import Permission
from survey.programmes.models import Programme, Project


def may_manage() -> bool:
    """Whether the current user manages programmes in the current region."""
    return current_user.can(Permission.MANAGE_PROGRAMMES, g.region)


def may_follow(project: Project) -> bool:
    """Managers follow every project; a project leader only their own."""
    return may_manage() or project.is_led_by(current_user)


def followed_project(project_id: int) -> Project:
    """A project of this region that the current user may read and report on."""
    project = get_in_region(Project, project_id)
    if not may_follow(project):
        abort(403)
    return project


def visible_projects(programme: Programme) -> list[Project]:
    """All projects for a manager, the own projects for a project leader."""
    return [p for p in programme.projects if may_follow(p)]


def programme_in_region(programme_id: int) -> Programme:
    return get_in_region(Programme, programme_id)
