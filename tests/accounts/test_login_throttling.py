"""Login attempts are counted before the password is hashed, and hashing has a cap.

The server runs in the test's process, so the hashes it computed are read from its pool
(server.accounts.passwords): the proof that a refused attempt cost no hash."""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher

from server.accounts.passwords import HashingBusy, HashingPool, hashing_pool
from server.ratelimit import get_limiter
from tests.accounts.documents import LOGIN
from tests.factories import PASSWORD, an_address, make_network, make_user
from tests.graphql_client import GraphQLClient

ACCOUNT_LIMIT = 5  # LOGIN_ACCOUNT_LIMIT's default
ADDRESS_LIMIT = 50  # LOGIN_IP_LIMIT in the test server


async def login(client: GraphQLClient, email: str, password: str) -> dict:
    return (await client.execute(LOGIN, {"input": {"email": email, "password": password}}))["login"]


async def test_forty_concurrent_wrong_passwords_cost_five_hashes_and_lock_the_account(live_server):
    # given a fresh account
    network = await make_network()
    user = await make_user(network.points_of_sale["Lille"])
    hashed_before = hashing_pool().completed
    async with GraphQLClient(live_server.url, **an_address()) as attacker:
        # when 40 wrong passwords arrive at once
        results = await asyncio.gather(
            *(login(attacker, user.email, f"wrong-password-{n}") for n in range(40))
        )
        # then only the first five were checked against the hash; the others were refused unhashed
        kinds = [r["__typename"] for r in results]
        assert kinds.count("InvalidCredentialsError") == ACCOUNT_LIMIT
        assert kinds.count("RateLimitedError") == 40 - ACCOUNT_LIMIT
        assert hashing_pool().completed - hashed_before == ACCOUNT_LIMIT
        # and even the right password is refused until the window passes, without a hash
        hashed = hashing_pool().completed
        right = await login(attacker, user.email, PASSWORD)
    assert right["__typename"] == "RateLimitedError"
    assert right["code"] == "rate_limited"
    assert 840 < right["retryAfterSeconds"] <= 900
    assert hashing_pool().completed == hashed
    # from another address too: the limit is the account's
    async with GraphQLClient(live_server.url, **an_address()) as owner:
        assert (await login(owner, user.email, PASSWORD))["__typename"] == "RateLimitedError"


async def test_the_address_limit_holds_across_accounts_when_attempts_arrive_at_once(live_server):
    # given an address that already failed 40 times on 40 accounts
    address = an_address()
    network = await make_network()
    people = [await make_user(network.points_of_sale["Arras"]) for _ in range(30)]
    async with GraphQLClient(live_server.url, **address) as attacker:
        for n in range(40):
            result = await login(attacker, f"inconnu{n}@test.example", "x" * 12)
            assert result["__typename"] == "InvalidCredentialsError"
        hashed_before = hashing_pool().completed
        # when 30 more attempts on 30 other accounts arrive at once (right passwords among them)
        results = await asyncio.gather(
            *(login(attacker, p.email, PASSWORD if i % 2 else "wrong-password") for i, p in enumerate(people))
        )
    # then only the 10 left under the address limit were hashed
    refused = [r for r in results if r["__typename"] == "RateLimitedError"]
    assert len(refused) == 30 - (ADDRESS_LIMIT - 40)
    assert {r["code"] for r in refused} == {"rate_limited"}
    assert hashing_pool().completed - hashed_before == ADDRESS_LIMIT - 40


async def test_a_right_password_takes_its_count_back(live_server):
    # given a person who mistypes often, from their own address
    network = await make_network()
    user = await make_user(network.points_of_sale["Lille"])
    address = an_address()
    async with GraphQLClient(live_server.url, **address) as phone:
        for _ in range(3):
            # when they fail four times and then get it right, three times over
            for _ in range(ACCOUNT_LIMIT - 1):
                assert (await login(phone, user.email, "mistyped-password"))["__typename"] == "InvalidCredentialsError"
            # then the right password always gets in: the account's count starts over
            assert (await login(phone, user.email, PASSWORD))["__typename"] == "AuthSuccess"
    # and the address keeps only its failures
    count, _ = await get_limiter().peek(f"login:ip:{address['address']}")
    assert count == 3 * (ACCOUNT_LIMIT - 1)


async def test_hashes_beyond_the_cap_wait_in_a_bounded_queue_and_the_rest_are_refused():
    # given a pool of one hashing thread and three places in its queue
    pool = HashingPool(concurrency=1, queue=3)
    hasher = PasswordHasher()

    async def one_hash() -> str:
        return await pool.run(lambda: hasher.hash("a-password-to-hash"))

    try:
        # when twelve hashes are asked for at once
        results = await asyncio.gather(*(one_hash() for _ in range(12)), return_exceptions=True)
    finally:
        pool.close()
    # then one ran at a time, three waited their turn, and eight were refused at once
    assert pool.peak_running == 1
    assert sum(isinstance(r, str) for r in results) == 4
    assert sum(isinstance(r, HashingBusy) for r in results) == 8
    assert pool.completed == 4 and pool.in_flight == 0


async def test_a_flood_of_sign_ins_never_hashes_on_more_threads_than_the_cap(live_server):
    # given as many sign-ins at once, from as many addresses onto as many accounts, as twice
    # what the server hashes and queues
    pool = hashing_pool()
    flood = 2 * (pool.concurrency + pool.queue) + 10
    clients = [GraphQLClient(live_server.url, **an_address()) for _ in range(flood)]
    try:
        # when they all arrive
        results = await asyncio.gather(
            *(login(c, f"foule{n}@test.example", "not-the-password") for n, c in enumerate(clients))
        )
    finally:
        await asyncio.gather(*(c.http.aclose() for c in clients))
    # then hashing never took more threads than its cap, and the overflow was told to retry
    assert pool.peak_running <= pool.concurrency
    busy = [r for r in results if r["__typename"] == "RateLimitedError"]
    assert busy, "the queue is bounded: some sign-ins must be refused"
    assert {r["code"] for r in busy} == {"hashing_busy"}
    assert busy[0]["message"] == "Beaucoup de connexions en ce moment. Réessayez dans quelques secondes."
    assert {r["__typename"] for r in results} == {"RateLimitedError", "InvalidCredentialsError"}
