#!/usr/bin/env python3
"""Trims Novu's channel-connections OpenAPI document to what the Prism contract test needs.

Usage: python3 tests/contract/trim_openapi.py SOURCE.json > tests/data/openapi-channel-connections.json

Keeps openapi, info (title, version, license, x-extracted-from), servers, security, paths,
components (schemas, headers, securitySchemes) and x-speakeasy-retries. Drops every prose
`description` string; a Response Object, which OpenAPI 3.0 requires to have one, gets its
status's reason phrase instead. Examples stay: Prism builds its mock answers from them. The
source document is MIT licensed.
"""
import json
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


def trim(doc):
    """The trimmed document."""
    out = {key: doc[key] for key in TOP_LEVEL if key in doc}
    out["info"] = {key: doc["info"][key] for key in INFO if key in doc["info"]}
    out["info"]["x-trimmed-by"] = "tests/contract/trim_openapi.py (prose descriptions removed)"
    out["components"] = {key: doc["components"][key] for key in COMPONENTS if key in doc["components"]}
    return strip(out)


def main():
    with open(sys.argv[1], encoding="utf-8") as source:
        doc = json.load(source)
    json.dump(trim(doc), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
