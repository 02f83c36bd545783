"""The generated respondent form: a builder per kind, and server-side checks with Dutch messages."""

import pytest
from werkzeug.datastructures import MultiDict

from forms.respondent import FIELD_BUILDERS, build_step_form, builder_for, plain_step_form, screen_token
from forms.respondent_checks import number_value
from survey.questionnaires.content.parsing import parse_document
from survey.questionnaires.content.registry import REGISTRY
from survey.questionnaires.models import DisplayMode
from survey.responses.display.piping import Piping
from survey.responses.steps.flow import compute_flow


def form_for(app, question, data):
    document = parse_document({"languages": ["nl"], "sections": [{"key": "S1", "questions": [question]}]})
    step = compute_flow(document, DisplayMode.ONE_PER_SCREEN, {}).steps[0]
    with app.test_request_context(method="POST"):
        form = build_step_form(step, Piping(document, {}, "nl"), formdata=MultiDict(data))
        valid = form.validate()
        return valid, form, {name: [str(e) for e in field.errors] for name, field in form._fields.items()}


def test_every_kind_in_the_registry_has_a_field_builder():
    for key, qtype in REGISTRY.items():
        assert builder_for(key) is not None or not qtype.has_answer, key
    assert set(FIELD_BUILDERS) >= {t.kind for t in REGISTRY.values() if t.has_answer}


def test_a_pasted_essay_of_100000_characters_gets_a_clear_message_and_is_kept(app):
    essay = ("Dit is een heel lang verhaal. " * 3500)[:99_999] + "!"
    assert len(essay) == 100_000
    valid, form, errors = form_for(
        app, {"code": "O1", "type": "open_lang", "text": {"nl": "Wat kan beter?"}}, {"v-O1": essay}
    )
    assert not valid
    assert errors["v-O1"] == ["Dit antwoord heeft 100.000 tekens. Het mag er hoogstens 5.000 hebben. Maak het korter."]
    assert form["v-O1"].data == essay  # nothing is cut off silently


@pytest.mark.parametrize(
    "typed,expected",
    [
        ("12", 12.0),
        ("7,5", 7.5),
        ("1.250", 1250.0),
        ("-3", -3.0),
        (" 4 ", 4.0),
        ("0.5", 0.5),
        ("١٢", 12.0),
        ("twaalf", None),
        ("", None),
        ("nan", None),
        ("1e400", None),
    ],
)
def test_numbers_as_people_type_them(typed, expected):
    assert number_value(typed) == expected


@pytest.mark.parametrize(
    "typed,message",
    [
        ("abc", "Vul een getal in, bijvoorbeeld 12."),
        ("31", "Vul een getal in van 0 tot en met 30."),
        ("-1", "Vul een getal in van 0 tot en met 30."),
    ],
)
def test_number_out_of_range_or_not_a_number(app, typed, message):
    question = {"code": "N1", "type": "getal", "text": {"nl": "Hoeveel?"}, "settings": {"min": 0, "max": 30}}
    valid, _form, errors = form_for(app, question, {"v-N1": typed})
    assert not valid and errors["v-N1"] == [message]


def test_multiple_choice_min_max_and_other(app):
    question = {
        "code": "M1",
        "type": "meerkeuze",
        "text": {"nl": "Welke?"},
        "options": [{"code": c, "label": {"nl": c.upper()}} for c in "abcd"],
        "settings": {"min": 2, "max": 3, "other": True},
    }
    assert form_for(app, question, {"v-M1": ["a"]})[2]["v-M1"] == ["Kies minstens 2 antwoorden."]
    assert form_for(app, question, {"v-M1": ["a", "b", "c", "d"]})[2]["v-M1"] == ["Kies hoogstens 3 antwoorden."]
    _valid, _form, errors = form_for(app, question, {"v-M1": ["a", "anders"]})
    assert errors["v-M1-anders"] == ["Vul bij ‘anders, namelijk’ iets in."]
    valid, form, _errors = form_for(app, question, {"v-M1": ["a", "anders"], "v-M1-anders": "Buurtteam"})
    assert valid and form.answers()[("M1", "")] == (["a", "anders"], "Buurtteam")


def test_other_text_is_dropped_when_other_is_not_chosen(app):
    question = {
        "code": "A1",
        "type": "keuze",
        "text": {"nl": "Wie?"},
        "settings": {"other": True},
        "options": [{"code": "ouder", "label": {"nl": "Ouder"}}, {"code": "kind", "label": {"nl": "Kind"}}],
    }
    valid, form, _errors = form_for(app, question, {"v-A1": "ouder", "v-A1-anders": "vergeten te wissen"})
    assert valid and form.answers()[("A1", "")] == ("ouder", None)


def test_a_tampered_choice_is_refused_politely(app):
    question = {"code": "T1", "type": "stelling", "text": {"nl": "Stelling"}}
    valid, _form, errors = form_for(app, question, {"v-T1": "<script>"})
    assert not valid and errors["v-T1"] == ["Kies een van de antwoorden uit de lijst."]


def test_escape_answers_are_offered_apart_from_the_scale(app):
    question = {"code": "T1", "type": "stelling", "text": {"nl": "Stelling"}}
    _valid, form, _errors = form_for(app, question, {"v-T1": "weet_niet"})
    spec = form.specs()[0]
    assert [c for c, _ in spec.options] == ["5", "4", "3", "2", "1"]
    assert [c for c, _ in spec.escapes] == ["weet_niet", "nvt"]
    assert form.answers()[("T1", "")] == ("weet_niet", None)


@pytest.mark.parametrize(
    "faces,moods", [(3, ["sad", "neutral", "happy"]), (5, ["very_sad", "sad", "neutral", "happy", "very_happy"])]
)
def test_smiley_faces_follow_the_number_of_faces(app, faces, moods):
    question = {"code": "S1", "type": "smiley", "text": {"nl": "Hoe voel je je?"}, "settings": {"faces": faces}}
    _valid, form, _errors = form_for(app, question, {"v-S1": "1"})
    spec = form.specs()[0]
    assert [spec.faces[code] for code, _label in spec.options] == moods
    assert all(label for _code, label in spec.options)  # every face has its text


#: a plain question of each kind that ``plain_step_form`` checks itself, required (the default) or not
PLAIN_QUESTIONS = [
    {"code": "T1", "type": "stelling", "text": {"nl": "Stelling"}},
    {"code": "T1", "type": "stelling", "text": {"nl": "Stelling"}, "required": False},
    {"code": "T1", "type": "rapportcijfer", "text": {"nl": "Welk cijfer?"}, "required": True},
    {"code": "T1", "type": "smiley", "text": {"nl": "Hoe voel je je?"}},
    {"code": "T1", "type": "keuze", "text": {"nl": "Wie?"}, "options": [{"code": c, "label": {"nl": c}} for c in "ab"]},
    {"code": "T1", "type": "open_kort", "text": {"nl": "Wat?"}, "settings": {"max_length": 10}, "required": False},
    {"code": "T1", "type": "open_lang", "text": {"nl": "Wat kan beter?"}, "required": True},
]
#: what a browser, a double click or a tampered form may send for it
SENT = [
    *({"v-T1": value} for value in ("", "  ", "1", "5", "10", "a", "nvt", "None", " None ", " 3 ", "<script>")),
    *({"v-T1": value} for value in ("  twaalf letters  ", "x" * 11, " kort ")),
    {},
    {"v-T1": ["1", "2"]},
]


@pytest.mark.parametrize("question", PLAIN_QUESTIONS, ids=lambda q: f"{q['type']}-{q.get('required', False)}")
def test_a_plain_step_is_checked_as_the_form_checks_it(app, question):
    """Whatever is sent: either the step is taken without binding a form, with exactly the answers the form
    would give, or it goes to the form; an ordinary answer is taken."""
    document = parse_document({"languages": ["nl"], "sections": [{"key": "S1", "questions": [question]}]})
    step = compute_flow(document, DisplayMode.ONE_PER_SCREEN, {}).steps[0]
    taken = 0
    for sent in SENT:
        data = MultiDict([("v-T1", v) for v in sent["v-T1"]] if isinstance(sent.get("v-T1"), list) else sent)
        data.update({"lock": "3", "start": "begin"})
        with app.test_request_context(method="POST"):
            piping = Piping(document, {}, "nl")
            plain = plain_step_form(step, piping, data)
            form = build_step_form(step, piping, formdata=data)
            valid = form.validate()
            if plain is None:  # the form decides (and shows its message when it refuses)
                continue
            taken += 1
            assert valid, sent
            assert plain.answers() == form.answers(), sent
            assert (plain.lock.data, plain.start.data) == (form.lock.data, form.start.data)
    assert taken >= 1


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_a_plain_step_needs_a_form_token_this_session_was_given(app):
    """Without the form token of this browser's session the step goes to the form, which refuses it."""
    question = {"code": "T1", "type": "stelling", "text": {"nl": "Stelling"}}
    document = parse_document({"languages": ["nl"], "sections": [{"key": "S1", "questions": [question]}]})
    step = compute_flow(document, DisplayMode.ONE_PER_SCREEN, {}).steps[0]
    with app.test_request_context(method="GET"):
        from flask import session

        own = screen_token()
        session_token = session["csrf_token"]
    for token, taken in ((own, True), ("verlopen", False), ("", False)):
        with app.test_request_context(method="POST"):
            from flask import session

            session["csrf_token"] = session_token
            data = MultiDict({"v-T1": "4", "csrf_token": token})
            plain = plain_step_form(step, Piping(document, {}, "nl"), data)
            assert (plain is not None) is taken, token
            form = build_step_form(step, Piping(document, {}, "nl"), formdata=data)
            assert form.validate() is taken and form.token_refused() is not taken
    with app.test_request_context(method="POST"):  # another browser's session: its token is not this one's
        plain = plain_step_form(step, Piping(document, {}, "nl"), MultiDict({"v-T1": "4", "csrf_token": own}))
        assert plain is None
