#!/usr/bin/env python3
"""Writes seed corpora for the libFuzzer targets in tests/fuzz/ (called by tools/fuzz.sh).

    python3 tests/fuzz/make_seeds.py OUT_DIR

Seeds come from the recorded SDK vectors (tests/data/sdk-vectors.json: request bodies,
response bodies and statuses) and from the hand-written hostile bodies
(tests/data/hostile/bodies.txt). Each target gets OUT_DIR/<target>/seed-NNNN files framed the
way the target reads its input (see the comment at the top of each target).
"""

import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"

# Must match fuzz::statuses in fuzz_common.hpp.
STATUSES = [200, 201, 204, 299, 0, 100, 199, 300, 301, 304, 400, 401, 403, 404, 405, 408, 409, 413, 414,
            415, 422, 429, 500, 502, 503, 504, 599, 600, 999, -1, 202, 418]
OPERATIONS = {"create": 0, "retrieve": 1, "update": 2}


def status_byte(status):
    return STATUSES.index(status) if status in STATUSES else 0


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def hostile_bodies():
    """(parser, status, body bytes) for every block of bodies.txt, macros expanded."""
    conn = compact(json.loads((DATA / "hostile" / "connection.json").read_text()))
    err = compact(json.loads((DATA / "hostile" / "error-404.json").read_text()))
    macros = {b"@CONN@": conn, b"@FIELDS@": conn[1:-1], b"@ERROR@": err, b"@ERRFIELDS@": err[1:-1]}
    rows = []
    for block in (DATA / "hostile" / "bodies.txt").read_bytes().split(b"\n=== ")[1:]:
        head, _, body = block.partition(b"\n---\n")
        fields = dict(line.split(b": ", 1) for line in head.split(b"\n")[1:] if b": " in line)
        body = body.rstrip(b"\n")
        for name, value in macros.items():
            body = body.replace(name, value)
        while b"\\x{" in body:
            at = body.index(b"\\x{")
            body = body[:at] + bytes([int(body[at + 3:at + 5], 16)]) + body[at + 6:]
        rows.append((fields.get(b"parser", b"retrieve").decode(), int(fields.get(b"status", b"200")), body))
    return rows


def builder_seed(vector):
    """A FuzzedDataProvider input: strings from the front, separated by backslash + char."""
    inp = vector["input"]
    body = inp.get("body", {})
    ws = body.get("workspace", {})
    auth = body.get("auth", {})
    strings = [inp.get("identifier", "conn-1"), (inp.get("client") or {}).get("secretKey", "sk_test_123"),
               "api.novu.co", "agent/1.0", inp.get("idempotencyKey", ""), inp.get("after", ""),
               inp.get("before", ""), inp.get("subscriberId", ""), inp.get("integrationIdentifier", ""),
               inp.get("channel", ""), inp.get("providerId", ""), ws.get("id", "T1"), ws.get("name", ""),
               ws.get("botUserId", ""), auth.get("accessToken", "xoxb"), auth.get("refreshToken", ""),
               auth.get("expiresAt", ""), auth.get("refreshTokenExpiresAt", ""), body.get("identifier", ""),
               body.get("subscriberId", ""), body.get("integrationIdentifier", "slack-prod")]
    front = b"\\|".join(str(s).replace("\\", "\\\\").encode() for s in strings)
    return front + b"\\|" + bytes(range(1, 33))  # choices are read from the back


# Must match the type order of tests/fuzz/endpoint_oracle.hpp (endpoint_data's alternatives).
ENDPOINT_TYPES = ["slack_channel", "slack_user", "webhook", "phone", "ms_teams_channel", "ms_teams_user",
                  "telegram_chat", "webex_room", "webex_person", "line_user", "pagerduty_service",
                  "opsgenie_integration", "grafana_oncall_integration", "tool_webhook"]
ENDPOINT_OPERATIONS = {"list": 0, "create": 1, "retrieve": 2, "update": 3, "delete": 4}


def endpoint_seeds(seeds):
    """fuzz_parse_endpoint and fuzz_endpoint_requests seeds from tests/data/endpoint-vectors.json."""
    vectors = json.loads((DATA / "endpoint-vectors.json").read_text())
    for v in vectors:
        op = ENDPOINT_OPERATIONS[v["operation"]]
        responses = v["response"] if isinstance(v["response"], list) else [v["response"]]
        for r in responses:
            body = compact(r["body"]) if "body" in r else b""
            for tiny in (0, 8):
                seeds["fuzz_parse_endpoint"].add(bytes([status_byte(r.get("status", 200)), op | tiny]) + body)
            if isinstance(r.get("body"), dict) and isinstance(r["body"].get("data"), dict):
                entity = r["body"]["data"]
                if "endpoint" in entity:
                    index = ENDPOINT_TYPES.index(entity["type"]) if entity.get("type") in ENDPOINT_TYPES else 14
                    seeds["fuzz_endpoint_requests"].add(bytes([index << 1]) + compact(entity["endpoint"]))
                    # type after endpoint, as some servers write it
                    moved = {k: x for k, x in entity.items() if k != "type"}
                    moved["type"] = entity.get("type")
                    seeds["fuzz_parse_endpoint"].add(bytes([status_byte(200), 2]) + compact({"data": moved}))
        inp = v["input"]
        if "body" in inp:
            body = inp["body"]
            t = body.get("type", inp.get("type"))
            index = ENDPOINT_TYPES.index(t) if t in ENDPOINT_TYPES else 14
            seeds["fuzz_endpoint_requests"].add(bytes([index << 1]) + compact(body))
            seeds["fuzz_endpoint_requests"].add(bytes([index << 1]) + compact(body.get("endpoint")))
        if v["operation"] == "list":
            seeds["fuzz_endpoint_requests"].add(b"\x00" + compact(inp))
    # Found by fuzz_parse_endpoint (a harness false positive, kept as a seed): a repeated
    # `endpoint` whose first copy holds the Opsgenie key under a mangled name ("apiK.y"), so the
    # error body shows it there, unmasked and rightly so; the DOM only saw the second copy.
    seeds["fuzz_parse_endpoint"].add(b'\x01\x01{"data":{"identifier":"opsgenie-integration-user123-abc4","channel":"tool","providerId":"opsgenie","integrationIdentifier":"opsgenie-prod","connectionIdentifier":null,"subscriberId":"subscriber-123","contextKeys":["tenant:org-acme"],"type":"opsgenie_integration","endpoint":{"apiK.y":"5ec2e7a1-a25a-4652-883c-73703b12ab34","region":"eu"},"createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-02T00sgenie-integration-user123-abc4","channel":"tool","providerId":"opsgenie","integrationIdentifier":"opsgenie-prod","connectionIdentifier":null,"subscriberId":"subscriber-123","contextKeys":["tenant:org-acme"],"type":"opsgenie_integration","endpoint":{"apiKey":"5ec2e7a1-a25a-4652-883c-73703b12ab34","region":"eu"},"createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-02T00:00:00.:00:00.000Z"}}')
    # Found by fuzz_parse_endpoint (a harness false positive): a webhook url holding the mask's
    # marker ("hrase:[redacted]") shows in the error body where another value was masked.
    seeds["fuzz_parse_endpoint"].add(b'\x00\x02{"data":{"pa{sphraseidentroviderId":"chat-webhook","integIdentifier":"chat-webhook-prod","connectionIdentifier":null,"sub/criberId":"subscriber-123","contextKeys":[],"endpoint":{"url":"hrase:[redacted]","type":"w","channel":"alerts"},"createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-02T00passphrase:00:00.000Z","type":"webhook"}}')


def main():
    out = pathlib.Path(sys.argv[1])
    seeds = {t: set() for t in ("fuzz_parse_list", "fuzz_parse_connection", "fuzz_parse_delete",
                                "fuzz_error_from_response", "fuzz_request_decoders", "fuzz_request_builders",
                                "fuzz_printing", "fuzz_retry", "fuzz_redaction", "fuzz_parse_endpoint",
                                "fuzz_endpoint_requests")}
    vectors = json.loads((DATA / "sdk-vectors.json").read_text())
    for v in vectors:
        op = v["operation"]
        responses = v["response"] if isinstance(v["response"], list) else [v["response"]]
        for r in responses:
            body = compact(r["body"]) if "body" in r else b""
            sb = bytes([status_byte(r.get("status", 200))])
            if op == "list":
                seeds["fuzz_parse_list"].add(sb + b"\x00" + body)
            elif op == "delete":
                seeds["fuzz_parse_delete"].add(sb + b"\x00" + body)
            else:
                seeds["fuzz_parse_connection"].add(sb + bytes([OPERATIONS[op]]) + body)
            if r.get("status", 200) >= 400:
                seeds["fuzz_error_from_response"].add(sb + b"\x00" + body)
            seeds["fuzz_printing"].add(b"\xff" + body)
        if "body" in v["input"]:
            seeds["fuzz_request_decoders"].add(b"\x00" + compact(v["input"]["body"]))
        seeds["fuzz_request_builders"].add(builder_seed(v))
    for parser, status, body in hostile_bodies():
        sb = bytes([status_byte(status)])
        if parser == "list":
            seeds["fuzz_parse_list"].add(sb + b"\x00" + body)
        elif parser == "delete":
            seeds["fuzz_parse_delete"].add(sb + b"\x00" + body)
        elif parser in OPERATIONS:
            seeds["fuzz_parse_connection"].add(sb + bytes([OPERATIONS[parser]]) + body)
        else:
            seeds["fuzz_error_from_response"].add(sb + b"\x00" + body)
        seeds["fuzz_printing"].add(b"\xff" + body)
    for name in ("create-request.json", "update-request.json"):
        seeds["fuzz_request_decoders"].add(b"\x00" + (DATA / "hostile" / name).read_bytes())
    # fuzz_retry: a header value from the front (FuzzedDataProvider ends a random-length string
    # at a backslash followed by another byte), the numbers from the back: a few Retry-After
    # shapes, each with zero, all-ones and counting bytes behind it.
    for value in (b"2", b"1.5", b"-1", b"999999999999", b"Thu, 01 Jan 2026 00:00:05 GMT",
                  b"Mon, 01 Jan 0000 00:00:00 GMT", b"Fri, 31 Dec 9999 23:59:60 GMT", b"soon"):
        for back in (bytes(48), b"\xff" * 48, bytes(range(48))):
            seeds["fuzz_retry"].add(value + b"\\|" + back)
    # fuzz_redaction: status, flags, three secrets (length byte + bytes), then headers up to
    # 0xFF and a body; bytes 0x01-0x0C and 0x0E stand for the secrets in their spellings.
    secrets = b"\x10sk_live_ABCDEF0123456789" + b"\x0cxoxb-T\"K\\N/1234" + b"\x08xoxe-R%EF+"
    errors = [
        b'{"statusCode":400,"timestamp":"t","path":"p","message":"\x01 \x05 \x09"}',
        b'{"statusCode":422,"timestamp":"t","path":"p","message":"m","errors":{"auth.accessToken":'
        b'{"messages":["\x08 \x02"],"value":"\x05"},"\x07":{"messages":["\x0e"]}}}',
        b'{"statusCode":500,"timestamp":"t","path":"p","message":["\x04"],"errorId":"\x06","ctx":{"k":"\x0a"}}',
        b"<html>token=\x02 \x01</html>",
        b"access_token=\x0b&key=\x0a",
    ]
    for status in (400, 422, 500, 502, 200):
        for flags in (0, 1, 2, 5, 6, 15):
            for body in errors:
                seeds["fuzz_redaction"].add(bytes([status_byte(status), flags]) + secrets +
                                            b"X-Echo:\x01\x02\nWWW-Authenticate: Bearer \x0e\xff" + body)
    # A token holding a control byte, next to a NUL in a header name: the printer writes both
    # escaped ("\x01", "\x00"), and only the token's escaped spelling would be a leak.
    seeds["fuzz_redaction"].add(bytes([status_byte(500), 1]) + b"\x04sCCC" + b"\x07CCCCCC\x01" + b"\x00" +
                                b"\x01\x00CCCCCC\x00n=\x0b&key=\n")
    # Found by .ci/run's fuzzing: a masked name=value pair between quotes moved where a JSON string
    # ended, so masking the result again masked a refreshToken member (redact_json_secrets now
    # masks until nothing changes).
    seeds["fuzz_printing"].add(b'\xff{"[2\x0122222222222222222222222222222222r222\x00\x00\x00\x00\x00\x12\x00\x002222222222222222222222222222]]]]2222222222222222\x7f222222222222222223]]]]]]]]]]password]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]:":"46\x01\xdb]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]:":"46\x01\xdb\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00berId":-bus1"","crefreshToken":"xox\xdf\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00]]]]]]password]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]:":"46\x01\xfb\x00\x00\x00\x00\x00\x00T12\x0b\x01\x00\x00\x00\x00\x00\x00h"notcne\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00]]]]]]password]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]:":"46\x01\xfb\x00\x00\x00\x00\x00\x00T12\x0b\x01\x00\x00\x00\x00\x00\x00h"nnoetncs\xff2","me\xff\xff\xff><\xff')
    # Found by .ci/run's fuzzing: a 422 whose echoed credential value appears again elsewhere in
    # the body (the error masks it there too), and a body that spells a printer escape
    # ("\\x01\\x02\\n") next to a header-like line (a seam, not a leak).
    seeds["fuzz_parse_connection"].add(
        bytes([status_byte(422), 2]) + b'{"statusCode":422,"timestamp":"t","path":"/p","message":"Validation failed",'
        b'"errors":{"auth.accessToken":{"messages":["auth.accessToken is revoked"],'
        b'"value":"xoxb-ACCESS-TOKEN-987654lack-prod","subscriberId":"subscriber-246",'
        b'"lue":"xoxb-ACCESS-TOKEN-987654lack-prod","subscriberId":"subscriber-T00"}}}')
    # Found by .ci/run's fuzzing: a body that spells "\\x00" as plain text next to a token
    # holding NUL bytes (the printout looks alike; the token itself is not there).
    seeds["fuzz_redaction"].add(b']\x04ek_live_ABCDEF_A</htmhl>\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xad\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff]]]]]]]]]]]]]]]]]]]]]]]tmhl>\\x00\\x00\\x00\\x00\\x00\\x00\\x0000]]]]]]]]]]\xff\xff\xff]]]oken=.accessToken":{"messages":["\x08 \x02"],"value":"\x05"},"\x07":{"messages":[')
    seeds["fuzz_redaction"].add(
        bytes([status_byte(422), 1]) + b"\x10sk_live_ABCDEF0123456789\x0cxoxb-oxe-R%EE+FXh-cEF+\xb0-Echmo:\x01\x02\n"
        b"WWW-Authenticate: Bearer \x0e\xffacc\x17\x0f\x10-Echmo:\\x01\\x02\\nWWW-Authenxb-T\"K\\N/1234\x08xoxe-R%EF+"
        b"X-Echo:\x01\x02\nWWW-Authenticate: Bearer \x0e\xff{\"statusCode\":844,\"timestamp\":\"t\",\"path\":\"p\"e")
    endpoint_seeds(seeds)
    for target, items in seeds.items():
        folder = out / target
        folder.mkdir(parents=True, exist_ok=True)
        for item in items:
            (folder / ("seed-" + hashlib.sha1(item).hexdigest()[:16])).write_bytes(item)
        print(f"{target}: {len(items)} seeds")


if __name__ == "__main__":
    main()
