"""A respondent's pages read in one voice, in every language as in Dutch: a young person (je-form) is never
addressed formally, neither by the questionnaire nor by the page around it, and a parent (u-form) is still
addressed formally where the language has a formal form. The texts without a context (buttons, messages,
error texts) are written without addressing the reader at all, so they fit both.

Formal address is recognised by its words: Ukrainian Ви and its forms, and the verb endings of the plural
second person (можете, введіть, перевірте); Turkish siz and its forms, and the second person plural endings
(-ınız, -iniz, -unuz, -ünüz: yanıtlarınız, kodunuzu, seçebilirsiniz); Polish Pan/Pani."""

import html
import re
from html.parser import HTMLParser

import pytest

from survey.extensions import db as _db
from survey.questionnaires import services, versions
from survey.questionnaires.content.document import ListItem
from survey.questionnaires.models import DisplayMode, FieldworkStatus
from tests.survey.responses.walk import fill

#: the attributes whose values a respondent reads or hears (data-* carry the texts the page's script shows)
READ_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")

#: Ukrainian: ви, ваш…, вам, вас, вами; the plural second person of a verb (ви можете, ви надсилаєте) and
#: the plural imperative (введіть, перевірте, зачекайте, не закривайте, поверніться, скористайтеся)
UK_FORMAL = re.compile(
    r"(?<![\w'’])(?:[Вв]и|[Вв]аш\w*|[Вв]ам|[Вв]ас|[Вв]ами|(?![Нн]авіть(?![\w'’]))\w+(?:ете|єте|іть|йте|ьте|рте|іться|теся))"
    r"(?![\w'’])"
)
#: Ukrainian ти and its forms: the informal address of a young person's page
UK_INFORMAL = re.compile(
    r"(?<![\w'’])(?:[Тт]и|[Тт]в(?:ій|оя|оє|ої|оїх|оїм|оєї|оєму|ого|ому|оїми)|[Тт]обі|[Тт]ебе)(?![\w'’])"
)
#: Turkish: siz and its forms; a word with the second person plural ending, possessive or personal
#: (yanıtlarınız, kodunuzu, katıldığınız, seçebilirsiniz, aldınız mı), followed by at most a case ending
TR_FORMAL = re.compile(
    r"(?<!\w)(?:[Ss]iz(?:e|i|in|den|de|le|inle|ce)?|\w*(?:ınız|iniz|unuz|ünüz)(?:ı|i|u|ü|a|e|da|de|dan|den|la|le"
    r"|ın|in|un|ün|dır|dir|dur|dür)?)(?!\w)"
)
#: Polish: Pan, Pani and their forms, the formal address of a parent's page
PL_FORMAL = re.compile(r"(?<!\w)(?:Pan|Pana|Panu|Panem|Pani|Panią|Państwo|Państwa)(?!\w)")
#: Polish ty and its forms (twoje, ci, ciebie), the informal address of a young person's page
PL_INFORMAL = re.compile(
    r"(?<!\w)(?:[Tt]y|[Tt]w(?:ój|oja|oje|oich|oim|oją|ojej|ojego|ojemu)|[Tt]obie|[Cc]iebie|Ci|Cię)(?!\w)"
)
FORMAL = {"uk": UK_FORMAL, "tr": TR_FORMAL, "pl": PL_FORMAL}
INFORMAL = {"uk": UK_INFORMAL, "pl": PL_INFORMAL}


class ReadText(HTMLParser):
    """What a reader reads or hears on a page: its text and the attributes read out or shown by its script;
    not the markup itself, and not what is inside <script> or <style>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        for name, value in attrs:
            if value and (name in READ_ATTRIBUTES or name.startswith("data-")) and not value.startswith(("/", "#")):
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def read_text(page: str) -> str:
    reader = ReadText()
    reader.feed(page)
    return html.unescape(" ".join(" ".join(reader.parts).split()))


def open_template(region, key: str, public_key: str) -> str:
    """A questionnaire made from a shipped template as an author makes it, published and open, one question
    per screen with the check page; returns its open link."""
    survey = services.create_from_template(region, key)
    document = versions.editable_document(survey)
    if any(not items for items in document.lists.values()):
        for name, items in document.lists.items():
            if not items:
                document.lists[name] = [ListItem("p1", {"nl": "Thuis opgroeien"})]
        versions.save_document(survey, document, versions.lock_token(survey))
    versions.publish(survey, versions.lock_token(survey))
    survey.status = FieldworkStatus.OPEN
    survey.display_mode = DisplayMode.ONE_PER_SCREEN
    survey.show_check_page = True
    survey.public_key = public_key
    _db.session.commit()
    return f"/v/{public_key}"


def pages_in(client, base: str, language: str) -> dict[str, str]:
    """The text of the welcome page, the first question, an answer refused (with its error message), the page
    of "stop and go on later" (in another browser), every further question, the check page and the thank-you
    page, by where they were seen."""
    seen = {"welcome": read_text(client.get(f"{base}?taal={language}").get_data(as_text=True))}
    url = f"{base}/vraag/1?taal={language}"
    page = client.get(url).get_data(as_text=True)
    seen[url] = read_text(page)
    other = client.application.test_client()
    stopped = other.post(url, data=fill(other.get(url).get_data(as_text=True), action="later"))
    assert stopped.status_code == 200
    seen["later"] = read_text(stopped.get_data(as_text=True))
    refused = client.post(url, data={**fill(page), **{name: "" for name in fill(page) if name.startswith("v-")}})
    assert refused.status_code == 200 and 'class="error-message"' in refused.get_data(as_text=True)
    seen[url + " (sent empty)"] = read_text(refused.get_data(as_text=True))
    for _ in range(80):
        sent = client.post(url, data=fill(page))
        assert sent.status_code == 302, (url, sent.status_code)
        url = sent.headers["Location"]
        page = client.get(url).get_data(as_text=True)
        seen[url] = read_text(page)
        if "/vraag/" not in url:
            break
    assert url.endswith("/controle"), url
    done = client.post(url, data=fill(page))
    assert done.status_code == 302 and "/klaar" in done.headers["Location"]
    seen["thanks"] = read_text(client.get(done.headers["Location"]).get_data(as_text=True))
    return seen


def found(pattern: re.Pattern, pages: dict[str, str]) -> dict[str, list[str]]:
    """The words matching ``pattern``, per page they were seen on."""
    return {where: hits for where, text in pages.items() if (hits := pattern.findall(text))}


@pytest.fixture
def youth(region):
    return open_template(region, "ceo_jongeren", "jongeren-1234")


@pytest.fixture
def parents(region):
    return open_template(region, "ceo_ouders", "ouders-1234")


@pytest.mark.parametrize("language", ["uk", "tr", "pl"])
def test_a_young_persons_pages_never_address_them_formally(client, db, youth, language):
    pages = pages_in(client, youth, language)
    assert len(pages) > 10  # welcome, the questions, an error, the check page, the thank-you page
    assert found(FORMAL[language], pages) == {}


def test_a_young_persons_pages_speak_informally_where_they_address_them(client, db, youth):
    pages = pages_in(client, youth, "uk")
    for where in ("welcome", "thanks"):
        assert UK_INFORMAL.search(pages[where]), where
    assert "Перевір свої відповіді" in pages[next(where for where in pages if where.endswith("/controle"))]
    assert "Твої відповіді надіслано." in pages["thanks"]
    assert "Запиши цей код." in pages["later"]
    turkish = pages_in(client.application.test_client(), youth, "tr")
    assert "Yanıtların gönderildi." in turkish["thanks"]


@pytest.mark.parametrize("language", ["uk", "pl"])
def test_a_parents_pages_still_address_them_formally(client, db, parents, language):
    pages = pages_in(client, parents, language)
    for where in ("welcome", "thanks"):
        assert FORMAL[language].search(pages[where]), where
    assert found(INFORMAL[language], pages) == {}


def test_turkish_parents_are_addressed_formally(client, db, parents):
    pages = pages_in(client, parents, "tr")
    assert "Yanıtlarınız gönderildi." in pages["thanks"]
    assert TR_FORMAL.search(pages["welcome"])


def test_dutch_texts_without_a_context_address_nobody():
    """In Dutch too: a respondent text without the u/je context (an error page, the opt-out page, the
    accessibility statement) reads right for a young person and a parent alike, so it says neither u nor je."""
    from survey.catalogs import key_of, read_catalog, respondent_keys

    keys = respondent_keys()
    addressing = re.compile(r"(?<!\w)(?:[Uu]w?|[Jj]e|[Jj]ij|[Jj]ouw)(?!\w)")
    found = [
        message.string
        for message in read_catalog("nl")
        if message.id and message.context not in ("u", "je") and key_of(message) in keys
        for text in ([message.string] if isinstance(message.string, str) else message.string)
        if addressing.search(text)
    ]
    assert found == []
