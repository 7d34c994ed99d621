"""The GraphQL documents the network screens send, for the tests to replay."""

UNIT_FIELDS = "id name kind city externalCode parentId depth closedAt peopleCount"
ERROR_FIELDS = "... on UserError { code message }"

NETWORK_UNITS = f"query($closed: Boolean! = true) {{ networkUnits(includeClosed: $closed) {{ {UNIT_FIELDS} }} }}"
CREATE_UNIT = f"mutation($input: CreateUnitInput!) {{ createUnit(input: $input) {{ __typename {ERROR_FIELDS} ... on CreateUnitSuccess {{ unit {{ {UNIT_FIELDS} }} }} }} }}"
UPDATE_UNIT = f"mutation($input: UpdateUnitInput!) {{ updateUnit(input: $input) {{ __typename {ERROR_FIELDS} ... on UpdateUnitSuccess {{ unit {{ {UNIT_FIELDS} }} }} }} }}"
MOVE_UNIT = f"mutation($input: MoveUnitInput!) {{ moveUnit(input: $input) {{ __typename {ERROR_FIELDS} ... on MoveUnitSuccess {{ unit {{ {UNIT_FIELDS} }} }} }} }}"
CLOSE_UNIT = f"mutation($id: ID!) {{ closeUnit(unitId: $id) {{ __typename {ERROR_FIELDS} ... on CloseUnitSuccess {{ unit {{ {UNIT_FIELDS} }} }} }} }}"

IMPORT_FIELDS = """id status total done encoding delimiter lines applied errorCount refusal
  counts { unitsCreated unitsUpdated unitsMoved unitsUnchanged peopleInvited peopleUpdated peopleUnchanged linesRefused }
  errors { line column code message }"""
IMPORT_NETWORK = f"""mutation($input: ImportNetworkInput!) {{ importNetwork(input: $input) {{ __typename
  ... on UserError {{ code message }} ... on ImportNetworkSuccess {{ job {{ {IMPORT_FIELDS} }} }} }} }}"""
NETWORK_IMPORT = f"query($id: ID!) {{ networkImport(id: $id) {{ {IMPORT_FIELDS} }} }}"
EXPORT_NETWORK = "{ exportNetwork { filename csv } }"
FINISHED = {"CHECKED", "APPLIED", "REFUSED", "FAILED"}


async def imported(client, csv: str | None = None, *, import_id: str | None = None, apply: bool = False,
                   valid_only: bool = False, timeout: float = 120.0) -> dict:
    """Starts an import (the CSV text, or a file sent to POST /network/import) and waits for its report."""
    import asyncio
    import time

    given = {"importId": import_id} if import_id else {"csv": csv}
    started = (await client.execute(IMPORT_NETWORK, {"input": {**given, "apply": apply, "applyValidOnly": valid_only}}))["importNetwork"]
    assert started["__typename"] == "ImportNetworkSuccess", started
    job = started["job"]
    deadline = time.monotonic() + timeout
    while job["status"] not in FINISHED:
        assert time.monotonic() < deadline, job
        await asyncio.sleep(0.05)
        job = (await client.execute(NETWORK_IMPORT, {"id": job["id"]}))["networkImport"]
    return job
