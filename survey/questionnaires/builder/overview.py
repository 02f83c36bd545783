"""Everything the builder page shows about one survey, gathered in one place for the view."""

from __future__ import annotations

from dataclasses import dataclass

from survey.questionnaires import services, versions
from survey.questionnaires.builder.changes import MeaningChange, by_code
from survey.questionnaires.builder.feedback import Taalcheck, change_message, run_taalcheck
from survey.questionnaires.content.document import Document
from survey.questionnaires.languages import services as languages
from survey.questionnaires.models import Survey, SurveyVersion
from survey.questionnaires.templates import UnknownTemplate, template_info


@dataclass
class Overview:
    survey: Survey
    version: SurveyVersion
    document: Document
    token: str
    taalcheck: Taalcheck
    changes: list[MeaningChange]
    change_messages: dict[str, list[str]]
    completeness: dict[str, tuple[int, int]]
    missing: dict[str, list[str]]
    earlier_codes: dict[str, list[str]]
    template_basis: str
    responses: int

    @property
    def editable(self) -> bool:
        """The page shows a draft; otherwise the first edit makes a new draft."""
        return self.version is self.survey.draft_version


def survey_texts(survey: Survey, language: str = "nl") -> dict[str, str]:
    return {name: (getattr(survey, name) or {}).get(language, "") for name in languages.SETTING_LABELS}


def earlier_codes(document: Document) -> dict[str, list[str]]:
    """Per question code: the item codes before it (what its condition and piping may use)."""
    seen: list[str] = []
    result: dict[str, list[str]] = {}
    for section in document.sections:
        result["section:" + section.key] = list(seen)
        for question in section.questions:
            result[question.code] = list(seen)
            seen.extend(question.item_codes)
    result["end"] = list(seen)
    return result


def build(survey: Survey) -> Overview:
    version = versions.current_version(survey)
    document = versions.document_of(version)
    found = versions.meaning_changes(survey, document)
    messages: dict[str, list[str]] = {}
    for code, items in by_code(found, document).items():
        messages[code] = [change_message(c) for c in items]
    basis = ""
    if survey.template_key:
        try:
            basis = template_info(survey.template_key).basis
        except UnknownTemplate:
            basis = ""
    return Overview(
        survey=survey,
        version=version,
        document=document,
        token=versions.lock_token(survey),
        taalcheck=run_taalcheck(document, survey_texts(survey)),
        changes=found,
        change_messages=messages,
        completeness=languages.completeness(document),
        missing=languages.missing_by_question(document),
        earlier_codes=earlier_codes(document),
        template_basis=basis,
        responses=services.response_count(survey),
    )
