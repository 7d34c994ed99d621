"""The GraphQL documents the network screens send, for the tests to replay."""

UNIT_FIELDS = "id name kind city externalCode parentId depth closedAt peopleCount"
ERROR_FIELDS = "... on UserError { code message }"

NETWORK_UNITS = f"query($closed: Boolean! = true) {{ networkUnits(includeClosed: $closed) {{ {UNIT_FIELDS} }} }}"
CREATE_UNIT = f"mutation($input: CreateUnitInput!) {{ createUnit(input: $input) {{ __typename {ERROR_FIELDS} ... on CreateUnitSuccess {{ unit {{ {UNIT_FIELDS} }} }} }} }}"
UPDATE_UNIT = f"mutation($input: UpdateUnitInput!) {{ updateUnit(input: $input) {{ __typename {ERROR_FIELDS} ... on UpdateUnitSuccess {{ unit {{ {UNIT_FIELDS} }} }} }} }}"
MOVE_UNIT = f"mutation($input: MoveUnitInput!) {{ moveUnit(input: $input) {{ __typename {ERROR_FIELDS} ... on MoveUnitSuccess {{ unit {{ {UNIT_FIELDS} }} }} }} }}"
CLOSE_UNIT = f"mutation($id: ID!) {{ closeUnit(unitId: $id) {{ __typename {ERROR_FIELDS} ... on CloseUnitSuccess {{ unit {{ {UNIT_FIELDS} }} }} }} }}"
