#!/usr/bin/env python3
"""Trims a part of Novu's OpenAPI document to what the Prism contract tests need.

Usage: python3 tests/contract/trim_openapi.py SOURCE.json > tests/data/openapi-channel-connections.json
       python3 tests/contract/trim_openapi.py SOURCE.json > tests/data/openapi-channel-endpoints.json
(SOURCE: /work/shared/spec/channel-connections.openapi.json or channel-endpoints.openapi.json,
Novu's document 3.18.1 as extracted from novu-ts 6b77be40; `info.x-extracted-from` says where.)

Keeps openapi, info (title, version, license, x-extracted-from), servers, security, paths,
components (schemas, headers, securitySchemes) and x-speakeasy-retries. Drops every prose
`description` string; a Response Object, which OpenAPI 3.0 requires to have one, gets its
status's reason phrase instead. Examples stay: Prism builds its mock answers from them. The
source document is MIT licensed.

Fixes, applied only where the source still has the broken text (the connections document has
none, so its copy is a plain trim). Each fixed node keeps the original under an `x-original-*`
key, which Prism ignores and tests/contract/endpoint_contract_test.cpp checks:
- Opsgenie `apiKey` has `"pattern": "OPSGENIE_API_KEY_PATTERN"`: the server DTO's constant name
  (class-validator `@Matches(OPSGENIE_API_KEY_PATTERN)` in novuhq/novu
  apps/api/src/app/channel-endpoints/dtos/endpoint-types.dto.ts), not its value. As a pattern it
  matches only strings containing that text, so a validator that applies it (Prism does) rejects
  every real GenieKey. Replaced by the constant's value, from
  packages/shared/src/entities/channel-endpoint/channel-endpoint.interface.ts: 8-4-4-4-12
  letters and digits. The property's example ("abcdefg-a25a-...", 7-4-4-4-11) fails that
  pattern, and the server, too: replaced by one that passes.
- PagerDuty `routingKey` has `"pattern": "/^[a-zA-Z0-9]{32}$/"`: a JavaScript regex literal with
  its slashes. OpenAPI patterns are bare ECMA-262 regexes, so this one requires a '/' before a
  start anchor and matches nothing: every real key is rejected. Replaced by the server's
  `^[a-zA-Z0-9]{32}$` (the `@Matches` in the same DTO file).
- `endpoint` in GetChannelEndpointResponseDto and UpdateChannelEndpointRequestDto is a `oneOf`
  of the endpoint shapes. The shapes overlap: WebexPersonEndpointDto requires nothing and no
  shape forbids other members, so every endpoint object matches it and its own shape, and
  "exactly one" never holds. Prism then answers 422 to a Slack, webhook or phone update and
  flags its own example responses. Both become `anyOf` (the sibling `type` says which shape
  applies, which a schema over `endpoint` alone cannot express). The update's list names only
  6 shapes although the server updates every type (it checks the payload against the stored
  type: validateEndpointForType in update-channel-endpoint.usecase.ts; the DTO itself is only
  `@IsObject()`), so it gets the response's full list.
"""
import copy
import json
import re
import sys

TOP_LEVEL = ("openapi", "info", "servers", "security", "paths", "components", "x-speakeasy-retries")
INFO = ("title", "version", "license", "x-extracted-from")
COMPONENTS = ("schemas", "headers", "securitySchemes")
# Reason phrases (RFC 9110, RFC 6585) of the statuses the document uses, written out so the
# output does not depend on the Python version.
REASONS = {
    "200": "OK", "201": "Created", "204": "No Content", "400": "Bad Request",
    "401": "Unauthorized", "403": "Forbidden", "404": "Not Found", "405": "Method Not Allowed",
    "409": "Conflict", "413": "Content Too Large", "414": "URI Too Long",
    "415": "Unsupported Media Type", "422": "Unprocessable Content", "429": "Too Many Requests",
    "500": "Internal Server Error", "503": "Service Unavailable",
}


def strip(node):
    """`node` without prose descriptions."""
    if isinstance(node, list):
        return [strip(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "description" and isinstance(value, str):
            continue
        if key == "responses" and isinstance(value, dict):
            out[key] = {status: strip_response(status, response) for status, response in value.items()}
        else:
            out[key] = strip(value)
    return out


def strip_response(status, response):
    """A Response Object whose required description is the reason phrase of `status`."""
    out = strip(response)
    out["description"] = REASONS.get(status, "Response")
    return out


# (schema, property, broken pattern, fixed pattern, example that passes the fixed one)
PATTERN_FIXES = (
    ("OpsgenieIntegrationEndpointDto", "apiKey", "OPSGENIE_API_KEY_PATTERN",
     "^[a-zA-Z0-9]{8}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{12}$",
     "abcdefgh-a25a-4652-883c-73703b12345a"),
    ("PagerDutyServiceEndpointDto", "routingKey", "/^[a-zA-Z0-9]{32}$/", "^[a-zA-Z0-9]{32}$", None),
)
# Schemas whose `endpoint` oneOf becomes anyOf; the update's takes the response's list.
UNION_RESPONSE = "GetChannelEndpointResponseDto"
UNION_UPDATE = "UpdateChannelEndpointRequestDto"


def fix(schemas):
    """Repairs, in place, the broken patterns and endpoint unions; returns what it did."""
    done = []
    for name, prop, broken, fixed, example in PATTERN_FIXES:
        node = schemas.get(name, {}).get("properties", {}).get(prop)
        if node is None or node.get("pattern") != broken:
            continue
        node["pattern"] = fixed
        node["x-original-pattern"] = broken
        if example is not None and re.search(fixed, node.get("example", "")) is None:
            node["x-original-example"] = node["example"]
            node["example"] = example
        done.append(name + "." + prop + " pattern")
    shapes = schemas.get(UNION_RESPONSE, {}).get("properties", {}).get("endpoint", {}).get("oneOf")
    for name in (UNION_RESPONSE, UNION_UPDATE):
        node = schemas.get(name, {}).get("properties", {}).get("endpoint")
        if node is None or "oneOf" not in node:
            continue
        node["x-original-oneOf"] = node.pop("oneOf")
        node["anyOf"] = copy.deepcopy(shapes if shapes is not None else node["x-original-oneOf"])
        done.append(name + ".endpoint oneOf")
    return done


def trim(doc):
    """The trimmed document."""
    out = {key: doc[key] for key in TOP_LEVEL if key in doc}
    out["info"] = {key: doc["info"][key] for key in INFO if key in doc["info"]}
    out["components"] = copy.deepcopy({key: doc["components"][key] for key in COMPONENTS if key in doc["components"]})
    fixed = fix(out["components"].get("schemas", {}))
    out["info"]["x-trimmed-by"] = "tests/contract/trim_openapi.py (prose descriptions removed" + (
        "; fixed: " + ", ".join(fixed) + ")" if fixed else ")")
    return strip(out)


def main():
    with open(sys.argv[1], encoding="utf-8") as source:
        doc = json.load(source)
    json.dump(trim(doc), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
