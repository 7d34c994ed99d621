"""« Mot de passe oublié »: a single-use link valid one hour, by mail, with no hint whether the
address has an account; the new password ends every other session and signs this device in.
« Changer mon mot de passe »: the current one required, the other sessions end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.models import PasswordReset, User
from server.deferred.models import DeferredEvent
from tests.accounts.documents import (
    CHANGE_PASSWORD,
    LOGIN,
    ME,
    NOTIFICATIONS,
    REQUEST_PASSWORD_RESET,
    RESET_PASSWORD,
)
from tests.factories import PASSWORD, an_address, deferred_work_done, make_network, signed_in
from tests.graphql_client import GraphQLClient, Subscription
from tests.mailbox import token_in

NEW_PASSWORD = "un-nouveau-mot-de-passe"


async def _reset(live_server, token: str, password: str = NEW_PASSWORD) -> dict:
    async with GraphQLClient(live_server.url, **an_address()) as phone:
        return (await phone.execute(RESET_PASSWORD, {"input": {"token": token, "password": password}}))["resetPassword"]


async def _login(live_server, email: str, password: str) -> str:
    async with GraphQLClient(live_server.url, **an_address()) as phone:
        return (await phone.execute(LOGIN, {"input": {"email": email, "password": password}}))["login"]["__typename"]


async def test_a_forgotten_password_is_reset_from_the_mailed_link(live_server, mailbox):
    # given a seller signed in on her old phone, with a live socket
    network = await make_network()
    seller, old_token = await signed_in(network.points_of_sale["Lille"], name="Julie Moreau")
    socket = Subscription(live_server.ws_url, token=old_token)
    assert (await socket.connect())["type"] == "connection_ack"
    await socket.subscribe(NOTIFICATIONS)
    assert (await socket.next())["type"] == "next"

    # when she asks for a link on a new phone (her address typed with capitals and spaces)
    async with GraphQLClient(live_server.url, **an_address()) as phone:
        asked = (await phone.execute(REQUEST_PASSWORD_RESET, {"email": f"  {seller.email.upper()} "}))["requestPasswordReset"]
    assert asked == {"__typename": "RequestPasswordResetSuccess"}
    mail = await mailbox.next_to(seller.email)
    assert mail["Subject"] == "Choisir un nouveau mot de passe Élan"

    # and sets a new password from it
    reset = await _reset(live_server, token_in(mail))

    # then she is signed in on the new phone
    assert reset["__typename"] == "AuthSuccess"
    assert reset["viewer"] == {"email": seller.email, "displayName": "Julie Moreau"}
    async with GraphQLClient(live_server.url, token=reset["token"]) as phone:
        assert (await phone.execute(ME))["me"]["email"] == seller.email
    # and every other session ended, its socket closed
    code, reason, _ = await socket.closed_by_server(timeout=2)
    assert (code, reason) == (4401, "Session ended")
    async with GraphQLClient(live_server.url, token=old_token) as old_phone:
        assert (await old_phone.execute(ME))["me"] is None
    # and only the new password opens the account
    assert await _login(live_server, seller.email, PASSWORD) == "InvalidCredentialsError"
    assert await _login(live_server, seller.email, NEW_PASSWORD) == "AuthSuccess"
    # and the link served once
    again = await _reset(live_server, token_in(mail), "encore-un-autre-mot")
    assert (again["__typename"], again["code"]) == ("InvalidLinkError", "link_invalid")
    assert again["message"] == "Ce lien n'est plus valable : il a déjà servi ou a été annulé. Demandez-en un nouveau."


async def test_the_answer_never_tells_whether_an_address_has_an_account(live_server, mailbox):
    # given an active seller, a deactivated one, and an address nobody has
    network = await make_network()
    active, _ = await signed_in(network.points_of_sale["Lille"])
    gone, _ = await signed_in(network.points_of_sale["Lille"])
    await User.filter(id=gone.id).update(deactivated_at=datetime.now(UTC))
    unknown = "personne-ici@test.example"

    # when each asks for a link
    answers = []
    async with GraphQLClient(live_server.url, **an_address()) as phone:
        for email in (unknown, gone.email, active.email):
            answers.append((await phone.execute(REQUEST_PASSWORD_RESET, {"email": email}))["requestPasswordReset"])

    # then the three answers are the same
    assert answers == [{"__typename": "RequestPasswordResetSuccess"}] * 3
    # and only the active account gets a mail (the deferred work done, for all three)
    await mailbox.next_to(active.email)
    await deferred_work_done()
    assert not await DeferredEvent.filter(name="accounts.password_reset_requested").exists()
    assert mailbox.count_to(unknown) == 0 and mailbox.count_to(gone.email) == 0
    assert not await PasswordReset.filter(user_id=gone.id).exists()


async def test_an_expired_link_is_refused_and_changes_nothing(live_server, mailbox):
    # given a link sent more than an hour ago
    network = await make_network()
    seller, _ = await signed_in(network.points_of_sale["Arras"])
    async with GraphQLClient(live_server.url, **an_address()) as phone:
        await phone.execute(REQUEST_PASSWORD_RESET, {"email": seller.email})
    mail = await mailbox.next_to(seller.email)
    await PasswordReset.filter(user_id=seller.id).update(expires_at=datetime.now(UTC) - timedelta(minutes=1))
    # when it is used
    reset = await _reset(live_server, token_in(mail))
    # then it is refused and the old password still works
    assert (reset["__typename"], reset["code"]) == ("InvalidLinkError", "link_expired")
    assert reset["message"] == "Ce lien a expiré. Demandez-en un nouveau."
    assert await _login(live_server, seller.email, PASSWORD) == "AuthSuccess"
    # and a made-up token, or a short password, get their own answer
    assert (await _reset(live_server, "pas-un-vrai-lien"))["code"] == "link_invalid"
    assert (await _reset(live_server, "pas-un-vrai-lien", "court"))["code"] == "password_too_short"


async def test_requests_are_limited_per_address_asked_and_per_client(live_server, mailbox):
    # given a seller
    network = await make_network()
    seller, _ = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, **an_address()) as phone:
        # when her address is asked for four times in the hour
        answers = [
            (await phone.execute(REQUEST_PASSWORD_RESET, {"email": seller.email}))["requestPasswordReset"]["__typename"]
            for _ in range(4)
        ]
    # then the fourth is refused, wherever it comes from
    assert answers == ["RequestPasswordResetSuccess"] * 3 + ["RateLimitedError"]
    async with GraphQLClient(live_server.url, **an_address()) as elsewhere:
        refused = (await elsewhere.execute(REQUEST_PASSWORD_RESET, {"email": seller.email}))["requestPasswordReset"]
    assert refused["__typename"] == "RateLimitedError" and refused["retryAfterSeconds"] > 0
    # and one client asking for many addresses is stopped after 20
    async with GraphQLClient(live_server.url, **an_address()) as robot:
        kinds = [
            (await robot.execute(REQUEST_PASSWORD_RESET, {"email": f"guess{n}@test.example"}))["requestPasswordReset"]["__typename"]
            for n in range(21)
        ]
    assert kinds[:20] == ["RequestPasswordResetSuccess"] * 20 and kinds[20] == "RateLimitedError"


async def test_changing_ones_password_needs_the_current_one_and_ends_the_other_sessions(live_server):
    # given a manager signed in on a laptop and a phone
    network = await make_network()
    manager, laptop = await signed_in(network.regions["Nord"], name="Marc Delaunay")
    from server.accounts.sessions import open_session

    phone = await open_session(manager)
    async with GraphQLClient(live_server.url, token=laptop) as client:
        # when he gives a wrong current password
        wrong = (await client.execute(CHANGE_PASSWORD, {"input": {"currentPassword": "pas-le-bon", "newPassword": NEW_PASSWORD}}))["changePassword"]
        # then nothing changes
        assert (wrong["__typename"], wrong["code"]) == ("InvalidCredentialsError", "current_password_wrong")
        assert wrong["message"] == "Le mot de passe actuel n'est pas le bon."
        short = (await client.execute(CHANGE_PASSWORD, {"input": {"currentPassword": PASSWORD, "newPassword": "court"}}))["changePassword"]
        assert (short["__typename"], short["code"]) == ("ValidationError", "password_too_short")
        # when he gives the right one
        done = (await client.execute(CHANGE_PASSWORD, {"input": {"currentPassword": PASSWORD, "newPassword": NEW_PASSWORD}}))["changePassword"]
        # then the phone's session ended, the laptop's goes on
        assert done == {"__typename": "ChangePasswordSuccess", "sessionsEnded": 1}
        assert (await client.execute(ME))["me"]["email"] == manager.email
    async with GraphQLClient(live_server.url, token=phone) as old_phone:
        assert (await old_phone.execute(ME))["me"] is None
    assert await _login(live_server, manager.email, PASSWORD) == "InvalidCredentialsError"
    assert await _login(live_server, manager.email, NEW_PASSWORD) == "AuthSuccess"
