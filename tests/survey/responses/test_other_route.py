"""The "go on the same way as before" page names the way the respondent started and leads to it; the code
page speaks the language asked for and takes it along."""

from tests.survey.responses.walk import walk


def test_started_by_link_is_told_to_open_the_link_again(client, make_survey, make_invitation):
    _invitation, token, code = make_invitation(make_survey())
    walk(client, f"/r/{token}", stop_after=2)
    page = client.get(f"/r/{code}/vraag/1")
    assert page.status_code == 409
    text = page.get_data(as_text=True)
    assert "U bent begonnen met de link of QR-code uit uw brief of e-mail." in text
    assert 'href="/code' not in text


def test_started_by_code_is_sent_to_the_code_page(client, make_survey, make_invitation):
    _invitation, token, code = make_invitation(make_survey(address="je"))
    walk(client, f"/r/{code}", stop_after=2)
    page = client.get(f"/r/{token}?taal=en")
    assert page.status_code == 409
    text = page.get_data(as_text=True)
    assert "You started this questionnaire with the code from your letter." in text
    assert 'href="/code?taal=en"' in text
    dutch = client.get(f"/r/{token}").get_data(as_text=True)
    assert "Je bent begonnen met de code uit je brief." in dutch and 'href="/code?taal=nl"' in dutch


def test_code_page_honours_the_language_and_takes_it_along(client, make_survey, make_invitation):
    _invitation, _token, code = make_invitation(make_survey())
    page = client.get("/code?taal=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl"' in page and "Nederlands" in page  # a way back to Dutch
    sent = client.post("/code?taal=ar", data={"code": code})
    assert sent.status_code == 302 and sent.headers["Location"].endswith(f"/r/{code}?taal=ar")
    welcome = client.get(sent.headers["Location"]).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl"' in welcome
    assert '<html lang="nl"' in client.get("/code?taal=xx").get_data(as_text=True)
