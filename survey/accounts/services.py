"""Accounts: login, passwords, reset links, users and roles per region."""

import hashlib
import secrets

from flask import current_app, render_template, url_for
from flask_babel import gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from survey import mail
from survey.accounts.models import Membership, Region, Role, User
from survey.audit.services import record
from survey.extensions import db
from survey.jobs import enqueue_after_commit, task
from survey.timeutil import utcnow

MIN_PASSWORD_LENGTH = 12
# A fixed hash to compare against when the account does not exist, so timing does not tell.
_DUMMY_HASH = generate_password_hash("not-a-real-password")


def load_user(session_token: str) -> User | None:
    return db.session.scalar(select(User).where(User.session_token == session_token))


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def find_user(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def authenticate(email: str, password: str) -> User | None:
    """The active user with this e-mail and password, or None."""
    user = find_user(email)
    if user is None or not user.password_hash:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.active:
        return None
    return user


def record_login(user: User) -> None:
    user.last_login_at = utcnow()
    record("auth.login", user, actor=user)


def set_password(user: User, password: str) -> None:
    """Hash with scrypt and end every existing session of the user."""
    user.password_hash = generate_password_hash(password, method="scrypt")
    user.session_token = secrets.token_urlsafe(32)


def create_user(email: str, name: str, password: str | None = None, *, superuser: bool = False) -> User:
    user = User(email=normalise_email(email), name=name.strip(), is_superuser=superuser)
    if password:
        set_password(user, password)
    db.session.add(user)
    db.session.flush()
    return user


def create_region(slug: str, name: str) -> Region:
    region = Region(slug=slug.strip().lower(), name=name.strip())
    db.session.add(region)
    db.session.flush()
    record("region.create", region, region=region)
    return region


def region_members(region: Region) -> list[Membership]:
    stmt = select(Membership).join(User).where(Membership.region_id == region.id).order_by(User.name)
    return list(db.session.scalars(stmt))


def add_member(region: Region, email: str, name: str, role: Role) -> tuple[User, bool]:
    """Give a user a role in the region, creating the account if needed; returns (user, created)."""
    user = find_user(email)
    created = user is None
    if created:
        user = create_user(email, name)
    membership = Membership(user=user, region=region, role=role)
    db.session.add(membership)
    db.session.flush()
    record("user.add", user, region=region, role=role.value, new_account=created)
    if created:
        send_password_link(user, welcome=True)
    return user, created


def change_role(membership: Membership, role: Role) -> None:
    old = membership.role
    membership.role = role
    record("user.role_change", membership.user, region=membership.region, old=old.value, new=role.value)


def remove_member(membership: Membership) -> None:
    record("user.remove", membership.user, region=membership.region, role=membership.role.value)
    db.session.delete(membership)
    db.session.flush()


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="password-reset")


def _password_fingerprint(user: User) -> str:
    return hashlib.sha256((user.password_hash + user.session_token).encode()).hexdigest()[:20]


def password_token(user: User) -> str:
    """A signed link token that stops working once the password changes (single use)."""
    return _serializer().dumps({"u": user.id, "f": _password_fingerprint(user)})


def user_for_token(token: str) -> User | None:
    """The user a valid, unexpired, unused reset token belongs to, or None."""
    try:
        data = _serializer().loads(token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"])
    except (BadSignature, SignatureExpired):
        return None
    if not isinstance(data, dict):
        return None
    user = db.session.get(User, data.get("u")) if isinstance(data.get("u"), int) else None
    if user is None or not user.active or data.get("f") != _password_fingerprint(user):
        return None
    return user


def send_password_link(user: User, welcome: bool = False) -> None:
    """E-mail a one-time link to set a new password (queued after commit). The job carries only the user's
    id: the link is made and the address read when it runs, so a copy of the queue holds neither."""
    enqueue_after_commit(db.session(), password_link_job, user.id, welcome)


@task(retries=5, retry_delay=60)
def password_link_job(user_id: int, welcome: bool) -> None:
    """Make the one-time link and deliver it; a retry makes a new link (the unsent one never left)."""
    user = db.session.get(User, user_id)
    if user is None or not user.active:
        return
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"].rstrip("/") + "/"):
        link = url_for("accounts.set_password", token=password_token(user), _external=True)
        template = "emails/welcome.txt" if welcome else "emails/password_reset.txt"
        subject = _("Your account for experience research") if welcome else _("Set a new password")
        body = render_template(template, user=user, link=link)
    mail.deliver(mail.build_message(user.email, subject, body))


def request_password_reset(email: str) -> None:
    """Send a reset link if the address is known; the caller shows the same message either way."""
    user = find_user(email)
    if user is not None and user.active:
        send_password_link(user)
        record("auth.reset_requested", user, actor=user)


@task(retries=5, retry_delay=60)
def send_mail_job(to: str, subject: str, body: str) -> None:
    """Deliver one e-mail; retried when the SMTP server is unavailable."""
    mail.deliver(mail.build_message(to, subject, body))
