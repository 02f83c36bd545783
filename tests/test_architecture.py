"""The shape of the code, checked from the source (stdlib ``ast``; nothing is imported to build the graph).

The rules (docs/architecture.md, "Rules of the arrangement"):

1. ``analysis/`` is pure: no Flask, SQLAlchemy, Werkzeug or ``survey``, so it runs in a batch job or a notebook.
2. Stage order: a stage never imports a later stage. The order is the data flow of docs/architecture.md:
   accounts and audit → questionnaires → fieldwork → responses → coding → reports and programmes →
   evaluations. Cross-cutting modules (``survey/*.py``, ``survey/site``) are outside the order.
3. No import cycles between modules, counting imports inside functions too: a cycle hidden in a function
   is still two modules that cannot be understood one without the other.
4. Forms never import services: a form describes fields and checks; the view calls the service.
5. A view names another stage's model class only to find the object of its URL (the survey, the region);
   reading another stage's tables goes through that stage's services or queries. A view is a module of a
   stage named ``views``/``*_views`` or one that adds routes, whatever its name; importing another
   stage's ``models`` module whole counts as naming its classes.
6. One way to register the application's routes: Blueprint objects are created only in a package's
   ``blueprint.py``, which imports every module of its package that adds routes (for a stage: of the stage, its
   role subfolders included); only ``create_app`` (``survey/__init__.py``) registers blueprints, those listed by
   every ``blueprint.py``.

Each rule has an explicit list of known exceptions, with the reason; a new violation fails the test.
"""

from __future__ import annotations

import ast
import importlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("survey", "forms", "analysis", "bench")

#: the stages in the order of the data flow; later stages may import earlier ones, never the reverse
STAGES = {
    "accounts": 0,
    "audit": 0,
    "questionnaires": 1,
    "fieldwork": 2,
    "responses": 3,
    "coding": 4,
    "reports": 5,
    "programmes": 5,
    "evaluations": 6,
}

FORBIDDEN_IN_ANALYSIS = ("flask", "flask_", "sqlalchemy", "survey", "werkzeug")

#: (importer, imported): an earlier stage that reaches into a later one, and why it is allowed for now
ORDER_EXCEPTIONS = {
    # live polls show the answers of a round while it runs: the presenter screen belongs to fieldwork
    ("survey.fieldwork.polls.services", "survey.responses.models"),
    # closing a round and the retention purge delete its answers
    ("survey.fieldwork.services", "survey.responses.models"),
    # a questionnaire with responses may not be deleted; the count comes from the answers' table
    ("survey.questionnaires.services", "survey.responses.models"),
    # a question's options can be the programme's actielijnen (listkeys) of the survey's region
    ("survey.questionnaires.builder.views_lists", "survey.programmes.listkeys"),
    ("survey.questionnaires.builder.views_lists", "survey.programmes.models"),
    # completing a response queues the scrubbing of open answers in batches of k
    ("survey.responses.services", "survey.coding.jobs"),
}

#: imports (importer, imported) left out of the cycle check, each breaking one known cycle
CYCLE_EXCEPTIONS = {
    # the job worker builds the app (create_app) when a job runs outside a request; create_app
    # registers the job modules. Import-time order is one way; the worker's call goes back.
    ("survey.jobs", "survey"),
    # the shipped remark model is loaded on first use by the classifier it trains
    ("analysis.remarks.classifier", "analysis.remarks.shipped"),
    # results reads the shown background combinations from anonymity, which reads results' helpers
    ("survey.reports.results", "survey.reports.anonymity"),
}

#: calls that create a Blueprint object; ``survey.access`` defines the staff factory itself
BLUEPRINT_MAKERS = {"Blueprint", "staff_blueprint"}
BLUEPRINT_FACTORY = "survey.access"
#: decorators on a blueprint that add a route
ROUTE_DECORATORS = {"route", "get", "post", "put", "patch", "delete"}

#: model classes a view of any stage may name: the object its URL points at
URL_OBJECTS = {"survey.questionnaires.models": {"Survey"}, "survey.accounts.models": {"Region"}}

#: (view module, model module, class): a view reading another stage's table directly, and why
VIEW_EXCEPTIONS = {
    # the programmes whose actielijnen a question can list
    ("survey.questionnaires.builder.views_lists", "survey.programmes.models", "Programme"),
    # preview and telephone entry open a version of the questionnaire (the respondent path, being reshaped)
    ("survey.responses.staff.views", "survey.questionnaires.models", "SurveyVersion"),
}


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    names: tuple[str, ...]
    line: int

    def __str__(self) -> str:
        return f"{self.source}:{self.line} imports {self.target}"


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


#: folders inside the packages that hold no code of the project: what the benchmark writes (its runs, and the
#: peer's own virtualenv with Django in it, which made this test fail after a benchmark run)
NOT_PROJECT_CODE = ("bench/out/",)


@cache
def project_modules(root: Path = ROOT) -> dict[str, Path]:
    return {
        module_name(p, root): p
        for package in PACKAGES
        for p in sorted((root / package).rglob("*.py"))
        if not p.relative_to(root).as_posix().startswith(NOT_PROJECT_CODE)
    }


def imports_in(name: str, path: Path, known: dict[str, Path]) -> list[Import]:
    """Every import of a project module in this file, at the top or inside a function."""
    found = []
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = alias.name
                while target and target not in known:
                    target = target.rpartition(".")[0]
                if target:
                    found.append(Import(name, target, (), node.lineno))
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                if f"{module}.{alias.name}" in known:  # from package import module
                    found.append(Import(name, f"{module}.{alias.name}", (), node.lineno))
                elif module in known:
                    found.append(Import(name, module, (alias.name,), node.lineno))
    return [i for i in found if i.target != name]


def import_graph(root: Path = ROOT) -> dict[str, list[Import]]:
    known = project_modules(root)
    return {name: imports_in(name, path, known) for name, path in known.items()}


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "survey" and parts[1] in STAGES else None


def is_view(module: str) -> bool:
    last = module.rpartition(".")[2]
    return stage_of(module) is not None and (last.startswith("views") or last.endswith("_views"))


def cycles(graph: dict[str, list[Import]], ignored=frozenset()) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    edges = {m: sorted({i.target for i in imports if (m, i.target) not in ignored}) for m, imports in graph.items()}
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], 0
    for start in edges:
        if start in index:
            continue
        work = [(start, iter(edges[start]))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(edges.get(target, ()))))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def attaching_imports(graph) -> set[tuple[str, str]]:
    """A ``blueprint.py`` importing the view modules of its own package (in ``blueprints()``) so their routes
    attach. The view modules import the Blueprint object from it at their top; the blueprint module imports
    them only when create_app asks for its blueprints, so the two never wait for each other."""
    return {
        (i.source, i.target)
        for name, imports in graph.items()
        if name.rpartition(".")[2] == "blueprint"
        for i in imports
        if i.target.startswith(name.rpartition(".")[0] + ".")
    }


def called_names(path: Path) -> list[tuple[str, int]]:
    """(name, line) of every call in the file, by the called name or attribute (``bp.route(...)`` is ``route``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if name:
                found.append((name, node.lineno))
    return found


def adds_routes(path: Path) -> bool:
    """Whether a module decorates a function with a route of a blueprint (``@bp.route(...)``, ``@bp.get(...)``)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                if (
                    isinstance(decorator, ast.Call)
                    and isinstance(decorator.func, ast.Attribute)
                    and decorator.func.attr in ROUTE_DECORATORS
                    and isinstance(decorator.func.value, ast.Name)
                ):
                    return True
    return False


def registration_violations(root: Path = ROOT) -> list[str]:
    """Blueprints made outside a ``blueprint.py``, registered outside create_app, and route modules that no
    ``blueprint.py`` of their package imports (their routes would silently be missing)."""
    modules = project_modules(root)
    graph = import_graph(root)
    found = []
    for name, path in modules.items():
        if name.split(".")[0] != "survey":  # the application; bench/bare_app.py is a bare Flask app on purpose
            continue
        last = name.rpartition(".")[2]
        for called, line in called_names(path):
            if called in BLUEPRINT_MAKERS and last != "blueprint" and name != BLUEPRINT_FACTORY:
                found.append(f"{name}:{line} creates a blueprint outside blueprint.py")
            if called == "register_blueprint" and name != "survey":
                found.append(f"{name}:{line} registers a blueprint outside create_app")
        if adds_routes(path) and last != "blueprint":
            stage = stage_of(name)  # a stage's views may sit in role subfolders; its one blueprint.py imports them
            owner = f"survey.{stage}.blueprint" if stage else f"{name.rpartition('.')[0]}.blueprint"
            if name not in {i.target for i in graph.get(owner, ())}:
                found.append(f"{name} adds routes but {owner} does not import it")
    registered = {i.target for i in graph.get("survey", ())}
    found += [
        f"{name} is not registered by create_app"
        for name in modules
        if name.rpartition(".")[2] == "blueprint" and name not in registered
    ]
    return found


def order_violations(graph) -> list[Import]:
    return [
        i
        for imports in graph.values()
        for i in imports
        if stage_of(i.source) and stage_of(i.target) and STAGES[stage_of(i.target)] > STAGES[stage_of(i.source)]
    ]


def service_imports_in_forms(graph) -> list[Import]:
    return [
        i
        for name, imports in graph.items()
        if name.split(".")[0] == "forms"
        for i in imports
        if i.target.rpartition(".")[2] == "services"
    ]


def foreign_models_in_views(graph, root: Path = ROOT) -> list[tuple[str, str, str]]:
    """(view, model module, class) for every mapped class a view imports from another stage; ``*`` for a
    view that imports another stage's model module whole (``from survey.responses import models``)."""
    from survey.database import Base

    modules = project_modules(root)
    found = []
    for name, imports in graph.items():
        if not (is_view(name) or (stage_of(name) and adds_routes(modules[name]))):
            continue
        for i in imports:
            if stage_of(i.target) in (None, stage_of(name)) or not i.target.endswith(".models"):
                continue
            if not i.names:
                found.append((name, i.target, "*"))
                continue
            module = importlib.import_module(i.target)
            for imported in i.names:
                value = getattr(module, imported, None)
                if (
                    isinstance(value, type)
                    and issubclass(value, Base)
                    and imported not in URL_OBJECTS.get(i.target, ())
                ):
                    found.append((name, i.target, imported))
    return found


def test_analysis_imports_nothing_from_the_web_or_database_layers():
    files = sorted((ROOT / "analysis").rglob("*.py"))
    assert files, "analysis/ has no modules"
    offenders = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module]
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
                else []
            )
            offenders += [
                (path.name, n) for n in names if n.split(".")[0] in FORBIDDEN_IN_ANALYSIS or n.startswith("flask_")
            ]
    assert offenders == []


def test_no_stage_imports_a_later_stage():
    graph = import_graph()
    found = order_violations(graph)
    assert [str(i) for i in found if (i.source, i.target) not in ORDER_EXCEPTIONS] == []
    assert ORDER_EXCEPTIONS <= {(i.source, i.target) for i in found}, "an exception no longer needed: remove it"


def test_no_import_cycles_between_modules():
    graph = import_graph()
    ignored = CYCLE_EXCEPTIONS | attaching_imports(graph)
    assert cycles(graph, ignored) == []
    for source, target in CYCLE_EXCEPTIONS:  # each exception still breaks a cycle, or it goes
        assert cycles(graph, ignored - {(source, target)}), f"{source} -> {target} is no longer needed"


def test_forms_never_import_services():
    assert [str(i) for i in service_imports_in_forms(import_graph())] == []


def test_views_read_other_stages_through_their_services():
    found = foreign_models_in_views(import_graph())
    assert [f for f in found if f not in VIEW_EXCEPTIONS] == []
    assert VIEW_EXCEPTIONS <= set(found), "an exception no longer needed: remove it"


def test_routes_are_registered_one_way():
    assert registration_violations() == []


def test_every_blueprint_module_gives_its_blueprints_with_routes_attached():
    """``blueprints()`` of every ``blueprint.py`` gives Blueprint objects carrying routes (the views attached)."""
    from flask import Blueprint

    names = [n for n in project_modules() if n.startswith("survey.") and n.endswith(".blueprint")]
    assert len(names) >= 10
    for name in names:
        blueprints = importlib.import_module(name).blueprints()
        assert blueprints and all(isinstance(b, Blueprint) for b in blueprints), name
        assert all(b.deferred_functions for b in blueprints), f"{name}: a blueprint without routes"


def test_the_registration_rule_sees_a_violation(tmp_path):
    files = {
        "survey/__init__.py": "def create_app(app):\n    from survey.shop import blueprint\n",
        "survey/shop/__init__.py": "",
        "survey/shop/blueprint.py": "bp = Blueprint('shop', __name__)\nfrom survey.shop import views\n",
        "survey/shop/views.py": "from survey.shop.blueprint import bp\n\n@bp.get('/')\ndef index():\n    pass\n",
        "survey/shop/views_more.py": "from survey.shop.blueprint import bp\n\n@bp.route('/')\ndef more():\n    pass\n",
        "survey/shop/extra.py": "x = Blueprint('x', __name__)\n\ndef setup(app):\n    app.register_blueprint(x)\n",
        "survey/till/__init__.py": "",
        "survey/till/blueprint.py": "bp = staff_blueprint('till', __name__)\n",
    }
    for relative, text in files.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text)
    project_modules.cache_clear()
    try:
        found = registration_violations(tmp_path)
    finally:
        project_modules.cache_clear()
    assert found == [
        "survey.shop.extra:1 creates a blueprint outside blueprint.py",
        "survey.shop.extra:4 registers a blueprint outside create_app",
        "survey.shop.views_more adds routes but survey.shop.blueprint does not import it",
        "survey.till.blueprint is not registered by create_app",
    ]


def test_the_rules_see_a_violation(tmp_path):
    """The checks find what they look for: a small tree with one violation of each rule."""
    files = {
        "survey/__init__.py": "",
        "survey/questionnaires/__init__.py": "",
        "survey/questionnaires/services.py": "def f():\n    from survey.reports import page\n",
        "survey/reports/__init__.py": "",
        "survey/reports/page.py": "from survey.questionnaires.services import f\n",
        "forms/__init__.py": "",
        "forms/reports.py": "from survey.questionnaires import services\n",
    }
    for relative, text in files.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text)
    project_modules.cache_clear()
    try:
        graph = import_graph(tmp_path)
    finally:
        project_modules.cache_clear()
    assert [str(i) for i in order_violations(graph)] == ["survey.questionnaires.services:2 imports survey.reports.page"]
    assert cycles(graph) == [["survey.questionnaires.services", "survey.reports.page"]]
    assert [str(i) for i in service_imports_in_forms(graph)] == [
        "forms.reports:1 imports survey.questionnaires.services"
    ]


def test_the_view_rule_sees_a_violation(tmp_path):
    """A view naming another stage's model is found, also where the routes sit in a module not called views
    or the whole model module is imported; the object of the URL and a service reading the table are not."""
    routes = "from survey.reports.blueprint import api as bp\n\n@bp.get('/x')\ndef x():\n    pass\n"
    files = {
        "survey/__init__.py": "",
        "survey/questionnaires/__init__.py": "",
        "survey/questionnaires/models.py": "",
        "survey/responses/__init__.py": "",
        "survey/responses/models.py": "",
        "survey/reports/__init__.py": "",
        "survey/reports/blueprint.py": "",
        "survey/reports/views.py": (
            "from survey.questionnaires.models import Survey\nfrom survey.responses.models import Answer\n"
        ),
        "survey/reports/feed.py": "from survey.responses.models import Response\n" + routes,
        "survey/reports/page_views.py": "from survey.responses import models\n",
        "survey/reports/services.py": "from survey.responses.models import Response\n",
        "survey/reports/plain.py": "from survey.responses.models import Response\n",
    }
    for relative, text in files.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text)
    project_modules.cache_clear()
    try:
        found = foreign_models_in_views(import_graph(tmp_path), tmp_path)
    finally:
        project_modules.cache_clear()
    assert sorted(found) == [
        ("survey.reports.feed", "survey.responses.models", "Response"),
        ("survey.reports.page_views", "survey.responses.models", "*"),
        ("survey.reports.views", "survey.responses.models", "Answer"),
    ]
