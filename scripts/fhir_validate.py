#!/usr/bin/env python3
"""Validates everything Rapport's FHIR face returns with an independent
implementation: the `fhir.resources` R4B pydantic models (structure, types,
cardinality, unknown elements), plus the required code bindings of the status
elements the models leave unchecked.

    fhir_validate.py BASE_URL TOKEN [CLIENT_ID PRIVATE_KEY_PEM]
    fhir_validate.py --new-key PRIVATE_KEY_PEM JWKS_FILE

BASE_URL is the server (http://127.0.0.1:PORT); TOKEN a clinician's API token
whose caseload has clients. It reads the CapabilityStatement, searches and
reads every served type (following `next` links; the demo must hold a care
team, a care plan and a goal), posts a PHQ-9 with question 9 positive and
checks that it raised a risk flag, assesses that flag (JSON API) and reads
the RiskAssessment, reads its own AuditEvents, and posts an invalid response
to check the OperationOutcome.

With CLIENT_ID and PRIVATE_KEY_PEM (a machine client registered with
`rapport fhir-client add`, its key made by --new-key), it then acts as a
SMART Backend Services client: signs an ES384 assertion, gets an access token,
reads the Groups and runs a Group-level Bulk Data export end to end (kick-off,
polling, manifest, every NDJSON file), validating every line. Exit 1 on any
problem.
"""
from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request

import time
import urllib.parse
import uuid

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from fhir.resources.R4B import get_fhir_model_class

PHQ9 = "https://rapport-ipt.org/fhir/Questionnaire/phq9"
# Required bindings the models do not check (R4 value sets).
STATUS = {
    "QuestionnaireResponse": {"in-progress", "completed", "amended", "entered-in-error", "stopped"},
    "Observation": {"registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"},
    "Flag": {"active", "inactive", "entered-in-error"},
    "EpisodeOfCare": {"planned", "waitlist", "active", "onhold", "finished", "cancelled", "entered-in-error"},
    "Encounter": {"planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled",
                  "entered-in-error", "unknown"},
    "Questionnaire": {"draft", "active", "retired", "unknown"},
    "CapabilityStatement": {"draft", "active", "retired", "unknown"},
    "CodeSystem": {"draft", "active", "retired", "unknown"},
    "CareTeam": {"proposed", "active", "suspended", "inactive", "entered-in-error"},
    "CarePlan": {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"},
    "RiskAssessment": {"registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error",
                       "unknown"},
}
# Goal's status element is lifecycleStatus.
GOAL_LIFECYCLE = {"proposed", "planned", "accepted", "active", "on-hold", "completed", "cancelled", "entered-in-error",
                  "rejected"}
# Types the demo must hold at least one of, each searched by patient and read.
PER_PATIENT = ("QuestionnaireResponse", "Observation", "Flag", "EpisodeOfCare", "Encounter", "Condition")
PLANS_AND_TEAMS = ("CareTeam", "CarePlan", "Goal")

checked: dict[str, int] = {}
exported: set[str] = set()
problems: list[str] = []


def validate(resource: dict, where: str) -> None:
    kind = resource.get("resourceType", "?")
    try:
        get_fhir_model_class(kind).model_validate(resource)
    except Exception as e:  # noqa: BLE001 - any refusal is a finding
        problems.append(f"{where}: {kind} does not validate: {e}")
        return
    if kind in STATUS and resource.get("status") not in STATUS[kind]:
        problems.append(f"{where}: {kind}.status {resource.get('status')!r} is not in its value set")
    if kind == "Goal" and resource.get("lifecycleStatus") not in GOAL_LIFECYCLE:
        problems.append(f"{where}: Goal.lifecycleStatus {resource.get('lifecycleStatus')!r} is not in its value set")
    checked[kind] = checked.get(kind, 0) + 1
    if kind == "Bundle":
        for i, entry in enumerate(resource.get("entry", [])):
            validate(entry["resource"], f"{where} entry[{i}]")


class Client:
    def __init__(self, base: str, token: str):
        self.base = base.rstrip("/")
        self.token = token

    def call(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict, dict]:
        url = path if path.startswith("http") else self.base + path
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(url, data=data, method=method)
        req.add_header("Authorization", f"Bearer {self.token}")
        req.add_header("Accept", "application/fhir+json")
        if data is not None:
            req.add_header("Content-Type", "application/fhir+json")
        try:
            with urllib.request.urlopen(req) as r:
                status, headers, text = r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
        except urllib.error.HTTPError as e:
            status, headers, text = e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()
        if not headers.get("content-type", "").startswith("application/fhir+json"):
            problems.append(f"{method} {path}: content type {headers.get('content-type')!r}")
        return status, headers, json.loads(text) if text else {}

    def get(self, path: str, expect: int = 200) -> dict:
        status, _, body = self.call("GET", path)
        if status != expect:
            problems.append(f"GET {path}: {status}, expected {expect}: {body}")
        validate(body, f"GET {path}")
        return body

    def search_all(self, path: str) -> list[dict]:
        """Every resource of a search, following `next` links."""
        out, url, pages = [], path, 0
        while url and pages < 50:
            bundle = self.get(url)
            out += [e["resource"] for e in bundle.get("entry", [])]
            url = next((l["url"] for l in bundle.get("link", []) if l["relation"] == "next"), None)
            pages += 1
        if out and len(out) != bundle.get("total"):
            problems.append(f"{path}: {len(out)} resources over {pages} pages, total says {bundle.get('total')}")
        return out


def new_key(pem_file: str, jwks_file: str) -> int:
    """An EC P-384 key pair: the private key as PEM, the public key as a JWKS."""
    key = ec.generate_private_key(ec.SECP384R1())
    with open(pem_file, "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    public = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(key.public_key()))
    public.update({"kid": "fhir-validate", "alg": "ES384", "use": "sig"})
    with open(jwks_file, "w") as f:
        json.dump({"keys": [public]}, f)
    return 0


def http(method: str, url: str, token: str | None = None, data: bytes | None = None,
         headers: dict | None = None) -> tuple[int, dict, bytes]:
    req = urllib.request.Request(url, data=data, method=method)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def smart_group_export(base: str, client_id: str, pem_file: str) -> None:
    """SMART Backend Services: token, Group read, Group $export, every NDJSON line validated."""
    conf = json.loads(http("GET", f"{base}/fhir/r4/.well-known/smart-configuration")[2])
    token_url = conf["token_endpoint"]
    with open(pem_file, "rb") as f:
        key = serialization.load_pem_private_key(f.read(), password=None)
    now = int(time.time())
    claims = {"iss": client_id, "sub": client_id, "aud": token_url, "exp": now + 240, "jti": str(uuid.uuid4())}
    assertion = jwt.encode(claims, key, algorithm="ES384", headers={"kid": "fhir-validate"})
    form = urllib.parse.urlencode({
        "grant_type": "client_credentials",
        "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        "client_assertion": assertion,
        "scope": "system/*.read",
    }).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    status, _, body = http("POST", token_url, data=form, headers=headers)
    if status != 200:
        problems.append(f"token request: {status} {body!r}")
        return
    token = json.loads(body)["access_token"]
    status, _, body = http("POST", token_url, data=form, headers=headers)
    if status != 401 or json.loads(body).get("error") != "invalid_client":
        problems.append(f"a replayed assertion gave {status} {body!r}")
    machine = Client(base, token)
    groups = machine.search_all("/fhir/r4/Group?_count=10")
    if not groups:
        problems.append("the demo has no Group to export")
        return
    group = max(groups, key=lambda g: len(g.get("member", [])))
    machine.get(f"/fhir/r4/Group/{group['id']}")
    members = {m["entity"]["reference"] for m in group.get("member", [])}
    status_url = run_export(f"{base}/fhir/r4/Group/{group['id']}/$export?_type=Patient,Group,"
                            "QuestionnaireResponse,Observation", token, members)
    if status_url:
        status, _, _ = http("DELETE", status_url, token)
        if status != 202 or http("GET", status_url, token)[0] != 404:
            problems.append(f"cancelling the finished export gave {status}")
    # Every type an export writes (system level), and a subsetted, filtered one (each line still valid).
    run_export(f"{base}/fhir/r4/$export", token, None)
    missing = {"CareTeam", "PractitionerRole", "CarePlan", "Goal", "RiskAssessment", "Group", "Observation"} - exported
    if missing:
        problems.append(f"the system-level export wrote no {', '.join(sorted(missing))}")
    query = urllib.parse.urlencode({"_type": "Observation,Patient,CarePlan",
                                    "_typeFilter": "Observation?code=http://loinc.org|44249-1",
                                    "_elements": "subject,hasMember,birthDate"})
    run_export(f"{base}/fhir/r4/$export?{query}", token, None)


def run_export(url: str, token: str, members: set[str] | None) -> str | None:
    """Kick-off, polling, manifest and every NDJSON line validated; returns the status URL."""
    status, headers, body = http("GET", url, token,
                                 headers={"Accept": "application/fhir+json", "Prefer": "respond-async"})
    if status != 202 or "content-location" not in headers:
        problems.append(f"$export kick-off {url}: {status} {body!r}")
        return None
    status_url = headers["content-location"]
    for _ in range(600):
        status, headers, body = http("GET", status_url, token)
        if status != 202:
            break
        time.sleep(float(headers.get("retry-after", "1")) / 4)
    if status != 200:
        problems.append(f"export status: {status} {body!r}")
        return None
    manifest = json.loads(body)
    if not manifest.get("requiresAccessToken") or not manifest.get("output"):
        problems.append(f"the manifest is not as expected: {manifest}")
    for out in manifest.get("output", []):
        exported.add(out["type"])
        status, headers, body = http("GET", out["url"], token)
        if status != 200 or headers.get("content-type") != "application/fhir+ndjson":
            problems.append(f"{out['url']}: {status} {headers.get('content-type')}")
            continue
        lines = body.decode().splitlines()
        if len(lines) != out["count"]:
            problems.append(f"{out['url']}: {len(lines)} lines, the manifest says {out['count']}")
        for n, line in enumerate(lines):
            resource = json.loads(line)
            if resource.get("resourceType") != out["type"]:
                problems.append(f"{out['url']} line {n + 1}: a {resource.get('resourceType')} in the {out['type']} file")
            subject = resource.get("subject", {}).get("reference") or (
                f"Patient/{resource['id']}" if out["type"] == "Patient" else None)
            if members is not None and subject and subject not in members:
                problems.append(f"{out['url']} line {n + 1}: {subject} is not a member of the group")
            validate(resource, f"{out['type']} NDJSON line {n + 1}")
    return status_url


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--new-key":
        return new_key(sys.argv[2], sys.argv[3])
    if len(sys.argv) not in (3, 5):
        print(__doc__, file=sys.stderr)
        return 2
    c = Client(sys.argv[1], sys.argv[2])
    c.get("/fhir/r4/metadata")
    c.get("/fhir/r4/CodeSystem/ipt-problem-area")
    for q in c.search_all("/fhir/r4/Questionnaire?_count=3"):
        c.get(f"/fhir/r4/Questionnaire/{q['id']}")
    patients = c.search_all("/fhir/r4/Patient?_count=50")
    if not patients:
        problems.append("the caseload has no clients to read")
        return report()
    for p in patients[:10]:
        pid = p["id"]
        patient = c.get(f"/fhir/r4/Patient/{pid}")
        for ref in [g["reference"] for g in patient.get("generalPractitioner", [])] + [
                patient.get("managingOrganization", {}).get("reference")]:
            if ref:
                c.get(f"/fhir/r4/{ref}")
        for kind in PER_PATIENT:
            found = c.search_all(f"/fhir/r4/{kind}?patient=Patient/{pid}&_count=50")
            # A sample: the first few, and every panel (the others are validated in the Bundles).
            sample = found[:5] + [r for r in found[5:] if r.get("hasMember")][:5]
            for r in sample:
                c.get(f"/fhir/r4/{kind}/{r['id']}")
            if kind == "Observation":
                licensed_items_have_no_text(found)
    # Plans, goals and risk assessments are on some clients only: search every
    # client's, read what is found (a few of each), and require one of each.
    found = {kind: 0 for kind in PLANS_AND_TEAMS}
    for p in patients:
        for kind in PLANS_AND_TEAMS:
            for r in c.search_all(f"/fhir/r4/{kind}?patient=Patient/{p['id']}&_count=5"):
                if found[kind] < 5:
                    c.get(f"/fhir/r4/{kind}/{r['id']}")
                found[kind] += 1
    for kind, n in found.items():
        if not n:
            problems.append(f"the demo caseload has no {kind}")
    staff = c.search_all("/fhir/r4/Practitioner?_count=10")
    for role in c.search_all("/fhir/r4/PractitionerRole?_count=10")[:5]:
        c.get(f"/fhir/r4/PractitionerRole/{role['id']}")
    if staff:
        c.get(f"/fhir/r4/PractitionerRole?practitioner=Practitioner/{staff[0]['id']}")
    # _include: the patient (or the questionnaires) once, after the matches.
    for p in patients[:5]:
        for kind, include in (("Observation", "Observation:patient"), ("EpisodeOfCare", "EpisodeOfCare:patient"),
                              ("QuestionnaireResponse", "QuestionnaireResponse:questionnaire")):
            bundle = c.get(f"/fhir/r4/{kind}?patient=Patient/{p['id']}&_include={include}&_count=5")
            entries = bundle.get("entry", [])
            included = [e for e in entries if e["search"]["mode"] == "include"]
            urls = [e["fullUrl"] for e in entries]
            if len(set(urls)) != len(urls) or (entries and not included):
                problems.append(f"{kind} _include={include}: included {len(included)} of {len(urls)} entries")
        # _elements: a subsetted search still validates.
        c.get(f"/fhir/r4/Observation?patient=Patient/{p['id']}&_elements=valueQuantity,hasMember&_count=5")
    pid = patients[0]["id"]
    before = c.get(f"/fhir/r4/Flag?patient=Patient/{pid}&_count=0")["total"]
    answers = [0, 1, 0, 1, 0, 1, 0, 0, 1]
    q = c.get("/fhir/r4/Questionnaire/phq9-v1")
    items = [{"linkId": it["linkId"], "answer": [{"valueCoding": it["answerOption"][a]["valueCoding"]}]}
             for it, a in zip(q["item"], answers)]
    for it in items:
        it["answer"][0]["valueCoding"].pop("extension", None)
    qr = {"resourceType": "QuestionnaireResponse", "questionnaire": f"{PHQ9}|1", "status": "completed",
          "subject": {"reference": f"Patient/{pid}"}, "item": items}
    validate(qr, "the posted QuestionnaireResponse")
    status, headers, created = c.call("POST", "/fhir/r4/QuestionnaireResponse", qr)
    if status != 201 or "location" not in headers:
        problems.append(f"POST QuestionnaireResponse: {status} {headers.get('location')}: {created}")
    else:
        validate(created, "POST QuestionnaireResponse")
        refs = [e["valueReference"]["reference"] for e in created.get("extension", [])]
        obs = c.get(f"/fhir/r4/{refs[0]}")
        if obs.get("valueQuantity", {}).get("value") != sum(answers) or obs["code"]["coding"][0]["code"] != "44261-6":
            problems.append(f"the extracted Observation is not the PHQ-9 total {sum(answers)}: {obs}")
        extracted_observations(c, refs, answers)
        after = c.get(f"/fhir/r4/Flag?patient=Patient/{pid}&_count=0")["total"]
        if after != before + 1:
            problems.append(f"question 9 positive over FHIR raised no flag ({before} -> {after})")
        else:
            risk_assessment(c, pid, created["id"])
    qr["item"][3]["answer"] = [{"valueInteger": 9}]
    status, _, outcome = c.call("POST", "/fhir/r4/QuestionnaireResponse", qr)
    validate(outcome, "refused POST")
    if status != 422 or outcome["issue"][0].get("expression") != ["item[3].answer[0]"]:
        problems.append(f"an invalid answer gave {status} {outcome}")
    c.get("/fhir/r4/Patient/00000000-0000-7000-8000-000000000000", expect=404)
    # One's own audit trail: newest first, paged by the next link (no total).
    own = c.get("/fhir/r4/AuditEvent?_count=10")
    events = [e["resource"] for e in own.get("entry", [])]
    if not events:
        problems.append("AuditEvent: the caller's own reads are not there")
    else:
        c.get(f"/fhir/r4/AuditEvent/{events[0]['id']}")
        nxt = next((l["url"] for l in own.get("link", []) if l["relation"] == "next"), None)
        if nxt:
            older = [e["resource"] for e in c.get(nxt).get("entry", [])]
            if older and int(older[0]["id"]) >= int(events[-1]["id"]):
                problems.append("AuditEvent: the next page is not older than the first")
    if len(sys.argv) == 5:
        smart_group_export(c.base, sys.argv[3], sys.argv[4])
    return report()


# Instruments whose item text is licensed: their Observations carry codes and values only.
LICENSED = ("epds", "qids_sr16")


def extracted_observations(c: Client, refs: list[str], answers: list[int]) -> None:
    """The panel and question Observations of the posted PHQ-9: each read and
    validated; the panel (44249-1) has the total and the nine questions as
    members; question 9 (44260-8) carries its LOINC answer and item score."""
    read = {ref: c.get(f"/fhir/r4/{ref}") for ref in refs}
    panels = [o for o in read.values() if o["code"]["coding"][0]["code"] == "44249-1"]
    if len(refs) != 11 or len(panels) != 1:
        problems.append(f"a PHQ-9 should give a total, a panel and nine questions: {refs}")
        return
    members = {m["reference"] for m in panels[0].get("hasMember", [])}
    if members != set(refs) - {f"Observation/{panels[0]['id']}"}:
        problems.append(f"the panel's members are not the other extracted Observations: {members}")
    q9 = [o for o in read.values() if o["code"]["coding"][0]["code"] == "44260-8"]
    coding = q9[0].get("valueCodeableConcept", {}).get("coding", [{}])[0] if q9 else {}
    ordinal = [e.get("valueDecimal") for e in coding.get("extension", [])]
    if coding.get("code") != "LA6569-3" or ordinal != [answers[8]]:
        problems.append(f"question 9's Observation is not 'several days' scoring {answers[8]}: {q9}")


def licensed_items_have_no_text(observations: list[dict]) -> None:
    for o in observations:
        for coding in o.get("code", {}).get("coding", []):
            if any(coding.get("system", "").endswith(f"/{i}-items") for i in LICENSED):
                if "text" in o["code"] or "display" in coding:
                    problems.append(f"a licensed instrument's question Observation carries text: {o}")


def risk_assessment(c: Client, pid: str, response: str) -> None:
    """The clinician assesses the flag the posted response raised (JSON API, as
    the staff pages do); FHIR then serves it as a RiskAssessment based on it.
    (The demo's assessed flags are on the other clinicians' finished courses.)"""
    flags = c.search_all(f"/fhir/r4/Flag?patient=Patient/{pid}&status=active")
    flag = next((f for f in flags if any(e.get("valueReference", {}).get("reference") ==
                                         f"QuestionnaireResponse/{response}" for e in f.get("extension", []))), None)
    if flag is None:
        problems.append(f"no Flag raised by QuestionnaireResponse/{response}")
        return
    body = {"ideation": "none", "plan": "none", "intent": "none", "means": "none", "history": "none",
            "protective_factors": "family", "risk_level": "moderate", "screening_tool": "none"}
    status, _, recorded = http("POST", f"{c.base}/api/v1/risk-flags/{flag['id']}/assessments", c.token,
                               json.dumps(body).encode(), {"Content-Type": "application/json"})
    if status != 201:
        problems.append(f"recording an assessment: {status} {recorded!r}")
        return
    found = c.search_all(f"/fhir/r4/RiskAssessment?patient=Patient/{pid}&_count=2")
    for r in found[:5]:
        c.get(f"/fhir/r4/RiskAssessment/{r['id']}")
    mine = [r for r in found if r["id"] == json.loads(recorded)["id"]]
    if not mine or {"reference": f"Flag/{flag['id']}"} not in mine[0].get("basis", []):
        problems.append(f"the assessment is not a RiskAssessment based on Flag/{flag['id']}: {mine}")


def report() -> int:
    print("fhir.resources (R4B) validated: " + ", ".join(f"{k} {n}" for k, n in sorted(checked.items())))
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
