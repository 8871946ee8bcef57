#!/usr/bin/env python3
"""Reads a client's PHQ-9 scores over FHIR with an independent FHIR client
library (fhirpy, pinned in scripts/fhir-requirements.txt), as an EHR or a
data team would, and checks them against the JSON API.

    fhir_scores.py BASE_URL TOKEN

BASE_URL is a running `rapport demo` server (http://127.0.0.1:PORT), TOKEN a
clinician's personal API token whose caseload holds PHQ-9 scores. For the
client with the most PHQ-9 totals it searches the Observations by patient and
LOINC code (44261-6) through fhirpy, following the `next` links, and asserts:
every total is a whole number from 0 to 27 with the `{score}` unit and a band;
the totals are exactly the PHQ-9 totals the JSON API reports for the client;
each total's panel (44249-1) lists it and the nine question Observations as
members, whose item scores (the `ordinalValue` of their answers) add up to
the total; and the QuestionnaireResponse it was derived from is the client's.
Exit 1 on any problem.
"""
from __future__ import annotations

import json
import sys
import urllib.request

from fhirpy import SyncFHIRClient

PHQ9_TOTAL = "http://loinc.org|44261-6"
PHQ9_PANEL = "44249-1"
ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"

problems: list[str] = []


def check(ok: bool, message: str) -> None:
    if not ok:
        problems.append(message)


def api(base: str, token: str, path: str):
    req = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    base, token = sys.argv[1].rstrip("/"), sys.argv[2]
    client = SyncFHIRClient(f"{base}/fhir/r4", authorization=f"Bearer {token}")

    patients = client.resources("Patient").limit(100).fetch_all()
    check(bool(patients), "fhirpy found no Patient in the caseload")
    # The client with the most PHQ-9 totals.
    best, totals = None, []
    for p in patients:
        found = client.resources("Observation").search(patient=f"Patient/{p.id}", code=PHQ9_TOTAL).limit(5).fetch_all()
        if len(found) > len(totals):
            best, totals = p, found
    if best is None or len(totals) < 3:
        problems.append(f"no client has three PHQ-9 totals over FHIR (best: {len(totals)})")
        return report(0)

    values = []
    for obs in totals:
        q = obs.get("valueQuantity") or {}
        value = q.get("value")
        check(isinstance(value, int) and 0 <= value <= 27, f"{obs.id}: PHQ-9 total {value!r} is not 0-27")
        check(q.get("code") == "{score}" and q.get("system") == "http://unitsofmeasure.org",
              f"{obs.id}: the total's unit is not UCUM {{score}}: {q}")
        check(bool(obs.get("interpretation")), f"{obs.id}: no band (interpretation)")
        check(obs["subject"]["reference"] == f"Patient/{best.id}", f"{obs.id}: another patient's Observation")
        values.append(value)

        # The panel lists the total and the nine questions; their item scores add up to the total.
        response_ref = obs["derivedFrom"][0]["reference"]
        response = client.reference(reference=response_ref).to_resource()
        check(response["subject"]["reference"] == f"Patient/{best.id}", f"{response_ref}: another patient's")
        panel = client.reference("Observation", obs.id.removesuffix("-total") + "-panel").to_resource()
        check(panel["code"]["coding"][0]["code"] == PHQ9_PANEL, f"{panel.id}: not the PHQ-9 panel")
        members = [m["reference"] for m in panel.get("hasMember", [])]
        check(f"Observation/{obs.id}" in members, f"{panel.id}: the total is not a member")
        items = [client.reference(reference=m).to_resource() for m in members if m != f"Observation/{obs.id}"]
        scores = []
        for item in items:
            coding = item.get("valueCodeableConcept", {}).get("coding", [{}])[0]
            scores += [e["valueDecimal"] for e in coding.get("extension", []) if e.get("url") == ORDINAL]
        check(len(scores) == 9 and sum(scores) == value,
              f"{panel.id}: the nine item scores {scores} do not add up to the total {value}")

    # The same totals as the JSON API reports for this client.
    rows = api(base, token, f"/api/v1/clients/{best.id}/responses")
    expected = sorted(r["total"] for r in rows if r["instrument"] == "phq9" and r["total"] is not None)
    check(sorted(values) == expected, f"FHIR totals {sorted(values)} are not the API's {expected}")
    return report(len(values))


def report(n: int) -> int:
    print(f"fhirpy read {n} PHQ-9 totals of one client and checked them against the JSON API")
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
