"""Validates JSON documents against the schemas in docs/schemas/.

Reads one document a line on stdin, each `{"schema": NAME, "value": ...}`
(NAME: status, decode, error, applied, seats); prints every violation and exits 1
if there is one. Used by the `license` command's and the C library's tests.
"""
import json
import pathlib
import sys

import jsonschema

SCHEMAS = pathlib.Path(__file__).resolve().parents[3] / "docs" / "schemas"


def main():
    validators = {}
    failures = 0
    count = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        doc = json.loads(line)
        name = doc["schema"]
        if name not in validators:
            schema = json.loads((SCHEMAS / f"{name}.json").read_text())
            validators[name] = jsonschema.Draft202012Validator(schema)
        count += 1
        for error in validators[name].iter_errors(doc["value"]):
            failures += 1
            print(f"{name}.json: {error.message} at {list(error.absolute_path)} in {json.dumps(doc['value'])}")
    print(f"{count} documents checked against docs/schemas/")
    sys.exit(1 if failures or not count else 0)


if __name__ == "__main__":
    main()
