"""A respondent's way through the screens of a survey in a real browser: what a step asks for, an answer
given by tapping as on a phone, and every step to the end."""


def widget(page) -> str:
    """What the current step asks for: radio, checkbox, text, info or done."""
    if "/klaar" in page.url:
        return "done"
    if "/controle" in page.url:
        return "check"
    return page.evaluate("""() => {
        const input = document.querySelector(
            'form.step-form .question input:not([type=hidden]), form.step-form textarea');
        if (!input) return 'info';
        if (input.tagName === 'TEXTAREA') return 'text';
        return (input.type === 'radio' || input.type === 'checkbox') ? input.type : 'text';
    }""")


def answer_by_pointer(page):
    """Tap an answer like a phone user; the choice takes them on when auto-advance is on."""
    kind = widget(page)
    if kind == "radio":
        labels = page.locator(".options:not(.options-escape) .option-label")
        choice = labels.nth(labels.count() // 2)
        toggle = page.locator("#vl-auto-advance")
        if page.locator("form[data-auto-advance]").count() and toggle.count() and toggle.is_checked():
            with page.expect_navigation():
                choice.click()
            return
        choice.click()
    elif kind == "checkbox":
        page.locator(".option-label").first.click()
    elif kind == "text":
        field = page.locator("form.step-form .question input[type=text], form.step-form .question textarea").first
        field.fill("12" if field.get_attribute("inputmode") == "decimal" else "Goed geholpen")
    with page.expect_navigation():
        page.locator("button[value=volgende]").click()


def finish(page, answer, seen=None, limit=40):
    """Answer every step, then send from the check page; collects the widgets seen."""
    for _ in range(limit):
        kind = widget(page)
        if seen is not None:
            seen.setdefault(kind, page.url)
        if kind == "check":
            with page.expect_navigation():
                page.locator("form button[type=submit]").click()
            continue
        if kind == "done":
            return
        answer(page)
    raise AssertionError("the questionnaire did not end")
