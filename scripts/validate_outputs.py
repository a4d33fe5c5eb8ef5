#!/usr/bin/env python3
"""Validate wikistruct documents with an independent validator (Python's
`jsonschema`, draft 2020-12), to prove the published schema is usable
outside Rust.

Usage: validate_outputs.py SCHEMA FILE...
Prints one line per problem and a closing 'N passed, N failed' line.
"""

import json
import sys

import jsonschema


def main() -> int:
    schema_path, *files = sys.argv[1:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    passed = failed = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for e in errors:
            pointer = "/" + "/".join(str(p) for p in e.absolute_path)
            print(f"{path}: {pointer}: {e.message}")
        if errors:
            failed += 1
        else:
            passed += 1
    print(f"python-jsonschema: {passed} passed, {failed} failed")
    return 1 if failed or not files else 0


if __name__ == "__main__":
    sys.exit(main())
