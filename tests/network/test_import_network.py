"""importNetwork: head office loads its tree and its people from a CSV, checked as a whole first,
idempotent, with a report of every bad line; exportNetwork gives the same file back."""

from __future__ import annotations

import httpx

from server.accounts.models import EmailInvite, Role, User
from server.audit.models import AuditEntry
from server.mail.models import MailMessage
from server.network.models import NetworkImport, Unit
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient
from tests.network.documents import EXPORT_NETWORK, imported

TREE = """type;code;parent_code;kind;name;city;email;unit_code;role
unit;REG-EST;;région;Grand Est;;;;
unit;DIST-RHIN;REG-EST;distributeur;Rhin Automobiles;;;;
unit;PDV-STRAS;DIST-RHIN;point de vente;Rhin Strasbourg;Strasbourg;;;
unit;PDV-COLMAR;DIST-RHIN;point de vente;Rhin Colmar;Colmar;;;
person;;;;Léa Muller;;lea.muller@rhin.example;PDV-STRAS;membre
person;;;;Hugo Schmitt;;hugo.schmitt@rhin.example;PDV-STRAS;manager
person;;;;Chloé Weber;;chloe.weber@rhin.example;PDV-COLMAR;
person;;;;Anne Roth;;anne.roth@rhin.example;REG-EST;MANAGER
"""


async def test_a_tree_and_its_people_are_checked_then_applied_once(live_server):
    # given head office's admin of a small network
    network = await make_network()
    admin, token = await signed_in(network.root, Role.ADMIN, "Isabelle Marchand")
    async with GraphQLClient(live_server.url, token=token) as isabelle:
        # when she checks a French Excel file (UTF-8 with BOM, « ; »)
        checked = await imported(isabelle, "\ufeff" + TREE)
        # then the report says what it would do, and nothing is applied yet
        assert checked["status"] == "CHECKED" and checked["errorCount"] == 0
        assert (checked["encoding"], checked["delimiter"], checked["lines"]) == ("UTF-8 (BOM)", ";", 8)
        assert checked["counts"] == {"unitsCreated": 4, "unitsUpdated": 0, "unitsMoved": 0, "unitsUnchanged": 0,
                                     "peopleInvited": 4, "peopleUpdated": 0, "peopleUnchanged": 0, "linesRefused": 0}
        assert not await Unit.filter(organization_id=network.organization_id, external_code="REG-EST").exists()

        # when she applies it
        applied = await imported(isabelle, "\ufeff" + TREE, apply=True)
        # then the tree is there, paths and all, and everyone is invited in their unit with their role
        assert applied["status"] == "APPLIED" and applied["applied"] and applied["done"] == applied["total"] == 8
        est = await Unit.get(organization_id=network.organization_id, external_code="REG-EST")
        strasbourg = await Unit.get(organization_id=network.organization_id, external_code="PDV-STRAS")
        assert strasbourg.path.startswith(est.path) and strasbourg.path.endswith(f"/{strasbourg.id}/")
        assert strasbourg.city == "Strasbourg" and strasbourg.kind == "POINT_OF_SALE"
        invites = {i.email: i for i in await EmailInvite.filter(organization_id=network.organization_id)}
        assert (invites["hugo.schmitt@rhin.example"].unit_id, invites["hugo.schmitt@rhin.example"].role) == (strasbourg.id, Role.MANAGER)
        assert invites["chloe.weber@rhin.example"].role == Role.MEMBER
        assert invites["lea.muller@rhin.example"].display_name == "Léa Muller"
        mails = await MailMessage.filter(organization_id=network.organization_id, kind="invite").count()
        assert mails == 4

        # when she imports the same file again
        again = await imported(isabelle, "\ufeff" + TREE, apply=True)
        # then nothing changes and no mail leaves
        assert again["counts"]["unitsUnchanged"] == 4 and again["counts"]["peopleUnchanged"] == 4
        assert again["counts"]["unitsCreated"] == again["counts"]["peopleInvited"] == 0
        assert await MailMessage.filter(organization_id=network.organization_id, kind="invite").count() == 4

        # when a line changed: Colmar renamed, Léa made a manager, Colmar moved under the region
        changed = TREE.replace("Rhin Colmar;Colmar", "Rhin Colmar Centre;Colmar").replace(
            "PDV-COLMAR;DIST-RHIN", "PDV-COLMAR;REG-EST").replace("PDV-STRAS;membre", "PDV-STRAS;manager")
        updated = await imported(isabelle, changed, apply=True)
    # then those lines, and only those, update
    assert updated["counts"]["unitsUpdated"] == 1 and updated["counts"]["unitsMoved"] == 1
    assert updated["counts"]["peopleUpdated"] == 1 and updated["counts"]["peopleUnchanged"] == 3
    colmar = await Unit.get(organization_id=network.organization_id, external_code="PDV-COLMAR")
    assert colmar.name == "Rhin Colmar Centre" and colmar.path == f"{est.path}{colmar.id}/"
    assert (await EmailInvite.get(email="lea.muller@rhin.example", organization_id=network.organization_id)).role == Role.MANAGER
    # and each applied import is one audit row by her
    rows = await AuditEntry.filter(organization_id=network.organization_id, action="network.imported").order_by("id")
    assert len(rows) == 3 and rows[0].actor_id == admin.id and rows[0].after["units_created"] == 4


BAD = """type,code,parent_code,kind,name,city,email,unit_code,role
unit,REG-EST,,region,Grand Est,,,,
unit,PDV-A,REG-EST,point of sale,Épinal,Épinal,,,
unit,PDV-B,NOWHERE,point of sale,Metz,Metz,,,
unit,REG-X,PDV-A,region,Région sous un point de vente,,,,
unit,CY-1,CY-2,distributor,Boucle 1,,,,
unit,CY-2,CY-1,distributor,Boucle 2,,,,
unit,PDV-C,PDV-B,team,Équipe de Metz,,,,
unit,PDV-D,REG-EST,point of sale,=HYPERLINK("http://evil"),,,,
person,,,,Paul Durand,,paul@est.example,PDV-A,member
person,,,,Paul Bis,,PAUL@est.example,PDV-A,member
person,,,,Zoé Inconnue,,zoe@est.example,PDV-Z,member
person,,,,Max Roi,,max@est.example,PDV-A,roi
person,,,,@Max,,max2@est.example,PDV-A,member
person,,,,Nina Metz,,nina@est.example,PDV-B,member
"""


async def test_a_bad_file_is_reported_line_by_line_and_changes_nothing(live_server):
    # given head office's admin and a file full of mistakes, saved by Excel in Windows-1252
    network = await make_network()
    _, token = await signed_in(network.root, Role.ADMIN)
    content = BAD.encode("cp1252")
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        sent = await http.post("/network/import?filename=est.csv", content=content,
                               headers={"Authorization": f"Bearer {token}", "Content-Type": "text/csv"})
    assert sent.status_code == 201
    async with GraphQLClient(live_server.url, token=token) as admin:
        # when she asks to apply it
        report = await imported(admin, import_id=sent.json()["id"], apply=True)
        # then nothing is applied, and every bad line says where and why
        assert report["status"] == "CHECKED" and not report["applied"] and report["encoding"] == "Windows-1252"
        found = {(e["line"], e["column"], e["code"]) for e in report["errors"]}
        assert found == {
            (4, "parent_code", "csv_parent_unknown"),
            (5, "kind", "csv_kind_order"),
            (6, "parent_code", "csv_unit_cycle"),
            (7, "parent_code", "csv_unit_cycle"),
            (8, "parent_code", "csv_parent_refused"),
            (9, "name", "csv_formula_cell"),
            (11, "email", "csv_email_twice"),
            (12, "unit_code", "csv_unit_unknown"),
            (13, "role", "csv_role_unknown"),
            (14, "name", "csv_formula_cell"),
            (15, "unit_code", "csv_unit_refused"),
        }
        messages = {e["line"]: e["message"] for e in report["errors"]}
        assert messages[11] == "Cette adresse est déjà à la ligne 10."
        assert messages[5].startswith("Un niveau « région » ne peut pas être sous « point de vente »")
        assert "apostrophe" in messages[9]
        assert not await Unit.filter(organization_id=network.organization_id, external_code="REG-EST").exists()

        # when she applies the valid lines only
        partial = await imported(admin, import_id=sent.json()["id"], apply=True, valid_only=True)
    # then the region, Épinal and Paul are in; nothing of the bad lines is
    assert partial["status"] == "APPLIED"
    assert partial["counts"]["unitsCreated"] == 2 and partial["counts"]["peopleInvited"] == 1
    codes = set(await Unit.filter(organization_id=network.organization_id).exclude(external_code=None).values_list("external_code", flat=True))
    assert codes == {"REG-EST", "PDV-A"}
    assert [i.email for i in await EmailInvite.filter(organization_id=network.organization_id)] == ["paul@est.example"]


async def test_files_too_large_or_unreadable_are_refused_whole(live_server):
    # given head office's admin and a seller
    network = await make_network()
    _, token = await signed_in(network.root, Role.ADMIN)
    _, seller_token = await signed_in(network.points_of_sale["Lille"])
    async with httpx.AsyncClient(base_url=live_server.url, timeout=30) as http:
        # when a 50 MB file is sent
        big = await http.post("/network/import", content=b"x" * (50 * 1024 * 1024),
                              headers={"Authorization": f"Bearer {token}", "Accept-Language": "fr"})
        # and a seller sends a file
        seller = await http.post("/network/import", content=b"email\n", headers={"Authorization": f"Bearer {seller_token}"})
    # then the first is refused with its reason, the second is not allowed, and nothing is kept
    assert big.status_code == 413 and big.json()["error"]["code"] == "csv_too_large"
    assert "20 Mo" in big.json()["error"]["message"]
    assert seller.status_code == 403
    assert not await NetworkImport.filter(organization_id=network.organization_id).exists()
    async with GraphQLClient(live_server.url, token=token) as admin:
        # when a file is not a CSV, or has no column we know
        binary = await imported(admin, "\x00\x01PK")
        headless = await imported(admin, "prénom,nom\nLéa,Muller\n")
    # then it is refused as a whole, saying why
    assert binary["status"] == "REFUSED" and "n'est pas un CSV" in binary["refusal"]
    assert headless["status"] == "REFUSED" and "type,code,parent_code" in headless["refusal"]


async def test_the_export_goes_back_in_unchanged(live_server):
    # given a network with people, an invite, a unit named like a formula and a closed one
    network = await make_network()
    admin, token = await signed_in(network.root, Role.ADMIN)
    await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    await make_user(network.regions["Nord"], Role.MANAGER, name="Marc Delaunay")
    async with GraphQLClient(live_server.url, token=token) as isabelle:
        await isabelle.execute("mutation($p: ID!) { createUnit(input: {parentId: $p, kind: POINT_OF_SALE, name: \"+Plus Store\", externalCode: \"PDV-PLUS\"}) { __typename } }",
                               {"p": str(network.regions["Sud-Ouest"].id)})
        await isabelle.execute("mutation($u: ID!) { invitePeople(input: {unitId: $u, people: [{email: \"new@test.example\"}]}) { __typename } }",
                               {"u": str(network.points_of_sale["Arras"].id)})
        # when she exports the network and imports the file as it is
        export = (await isabelle.execute(EXPORT_NETWORK))["exportNetwork"]
        again = await imported(isabelle, export["csv"], apply=True)
    # then the file has the units (codes or #ids), the people and the invite, formulas escaped
    lines = export["csv"].splitlines()
    assert lines[0] == "type;code;parent_code;kind;name;city;email;unit_code;role"
    assert f"unit;#{network.points_of_sale['Lille'].id};#{network.regions['Nord'].id};POINT_OF_SALE;Lille Centre;Lille;;;" in lines
    assert f"unit;PDV-PLUS;#{network.regions['Sud-Ouest'].id};POINT_OF_SALE;'+Plus Store;;;;" in lines
    assert any(line.startswith("person;;;;Julie Moreau;;") and line.endswith(f";#{network.points_of_sale['Lille'].id};MEMBER") for line in lines)
    assert any("new@test.example" in line for line in lines)
    assert any(f";{admin.email};;ADMIN" in line for line in lines)
    # and importing it changes nothing
    assert again["errorCount"] == 0, again["errors"]
    counts = again["counts"]
    assert counts["unitsCreated"] == counts["unitsUpdated"] == counts["unitsMoved"] == 0
    assert counts["peopleInvited"] == counts["peopleUpdated"] == 0
    assert await User.filter(organization_id=network.organization_id).count() == 3


async def test_people_already_there_are_moved_by_the_file_and_signed_out(live_server):
    # given a seller of Lille signed in on her phone, and head office's admin
    network = await make_network()
    admin, token = await signed_in(network.root, Role.ADMIN)
    seller, seller_token = await signed_in(network.points_of_sale["Lille"], name="Julie Moreau")
    arras = network.points_of_sale["Arras"]
    moving = f"type;email;name;unit_code;role\nperson;{seller.email.upper()};Julie Moreau;#{arras.id};membre\n"
    async with GraphQLClient(live_server.url, token=token) as isabelle:
        # when a file puts her in Arras (her address as HR typed it)
        report = await imported(isabelle, moving, apply=True)
        # and another file tries to change the admin herself
        herself = await imported(isabelle, f"email;unit_code;role\n{admin.email};#{arras.id};manager\n", apply=True)
    # then she is in Arras, signed out to sign in again into her new scope
    assert report["counts"]["peopleUpdated"] == 1
    assert (await User.get(id=seller.id)).unit_id == arras.id
    async with GraphQLClient(live_server.url, token=seller_token) as julie:
        assert (await julie.execute("{ me { email } }"))["me"] is None
    # and nobody changes themself through a file
    assert [(e["line"], e["code"]) for e in herself["errors"]] == [(2, "csv_cannot_change_self")]
    assert (await User.get(id=admin.id)).role == Role.ADMIN
