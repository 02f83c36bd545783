from survey.accounts.models import Role
from survey.reports.tokens import create_token
from survey.reports.models import ApiScope
def test_all(client, example, researcher, region, make_user, login, db):
    base = f"/beheer/{region.slug}/resultaten/{example.id}"
    for url in [base + "/", base + "/?groep=gemeente%3DSchiedam", base + "/?uitsplitsing=gemeente", base + "/?taal=ar",
                base + "/?groep=gemeente%3DSchiedam&uitsplitsing=language", base + "/trend", base + "/factsheet",
                base + "/factsheet.pdf", base + "/export", f"/beheer/{region.slug}/resultaten/"]:
        r = client.get(url)
        print(url, r.status_code, len(r.data))
        with open("/tmp/results-exp/" + url.rsplit("/", 1)[-1].replace("?", "_").replace("%3D", "=").replace("&","_") + ".out", "wb") as f:
            f.write(r.data)
    for fmt in ["csv", "xlsx", "sav", "codebook_csv", "codebook_xlsx"]:
        r = client.post(base + "/export", data={"format": fmt, "delimiter": "semicolon", "values": "codes"}, buffered=True)
        print(fmt, r.status_code, len(r.data), r.headers.get("Content-Disposition"))
        with open(f"/tmp/results-exp/export.{fmt}", "wb") as f:
            f.write(r.data)
    token, text = create_token(region, "pbi", ApiScope.RESPONSES, None)
    db.session.commit()
    h = {"Authorization": f"Bearer {text}"}
    for url in ["/api/v1/", f"/api/v1/vragenlijsten/{example.id}/resultaten?uitsplitsing=gemeente",
                f"/api/v1/vragenlijsten/{example.id}/antwoorden"]:
        r = client.get(url, headers=h, buffered=True)
        print(url, r.status_code, r.get_data(as_text=True)[:300])
