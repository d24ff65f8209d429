#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""CITATION.cff against the part of the Citation File Format 1.2.0 schema
that the file uses (the top-level keys, persons and entities as authors, the
version and release date), and its version and date against project() and
the latest release of CHANGELOG.md. Run by CTest:

    /usr/bin/python3 tests/project/citation_test.py SOURCE_DIR PROJECT_VERSION

Needs Debian's python3-yaml and python3-jsonschema (tools/install-deps.sh).
"""
import datetime
import os
import re
import sys

import jsonschema
import yaml

# From the CFF 1.2.0 JSON schema (schema.json of citation-file-format 1.2.0):
# the keys it allows at the top level, the four it requires, and the
# definitions of the keys this project fills in.
_ENTITY_OR_PERSON_COMMON = {
    "address": {"type": "string", "minLength": 1},
    "affiliation": {"type": "string", "minLength": 1},
    "alias": {"type": "string", "minLength": 1},
    "city": {"type": "string", "minLength": 1},
    "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
    "email": {"type": "string", "pattern": "^[\\S]+@[\\S]+\\.[\\S]{2,}$"},
    "fax": {"type": "string", "minLength": 1},
    "orcid": {"type": "string", "format": "uri",
              "pattern": "https://orcid\\.org/[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]{1}"},
    "post-code": {"anyOf": [{"type": "string", "minLength": 1}, {"type": "number"}]},
    "region": {"type": "string", "minLength": 1},
    "tel": {"type": "string", "minLength": 1},
    "website": {"type": "string", "format": "uri", "pattern": "^(https|http|ftp|sftp)://.+"},
}
SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema",
    "type": "object",
    "additionalProperties": False,
    "required": ["authors", "cff-version", "message", "title"],
    "definitions": {
        "date": {"type": "string",
                 "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])$"},
        "version": {"anyOf": [{"type": "string", "minLength": 1}, {"type": "number"}]},
        "person": {
            "type": "object",
            "additionalProperties": False,
            "properties": dict(_ENTITY_OR_PERSON_COMMON, **{
                "family-names": {"type": "string", "minLength": 1},
                "given-names": {"type": "string", "minLength": 1},
                "name-particle": {"type": "string", "minLength": 1},
                "name-suffix": {"type": "string", "minLength": 1},
            }),
        },
        "entity": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name"],
            "properties": dict(_ENTITY_OR_PERSON_COMMON, **{
                "name": {"type": "string", "minLength": 1},
                "date-end": {"$ref": "#/definitions/date"},
                "date-start": {"$ref": "#/definitions/date"},
                "location": {"type": "string", "minLength": 1},
            }),
        },
        "license": {"type": "string", "enum": ["Apache-2.0", "MIT", "BSD-3-Clause",
                                               "GPL-3.0-or-later", "CC-BY-4.0", "ODbL-1.0"]},
    },
    "properties": {
        "abstract": {"type": "string", "minLength": 1},
        "authors": {"type": "array", "minItems": 1, "uniqueItems": True,
                    "items": {"anyOf": [{"$ref": "#/definitions/person"},
                                        {"$ref": "#/definitions/entity"}]}},
        "cff-version": {"type": "string",
                        "pattern": "^1\\.2\\.0$"},
        "commit": {"type": "string", "minLength": 1},
        "contact": {"type": "array", "minItems": 1},
        "date-released": {"$ref": "#/definitions/date"},
        "doi": {"type": "string", "pattern": "^10\\.\\d{4,9}(\\.\\d+)?/[A-Za-z0-9:/_;\\-\\.\\(\\)\\[\\]\\\\]+$"},
        "identifiers": {"type": "array", "minItems": 1},
        "keywords": {"type": "array", "minItems": 1,
                     "items": {"type": "string", "minLength": 1}},
        "license": {"anyOf": [{"$ref": "#/definitions/license"},
                              {"type": "array", "minItems": 1, "uniqueItems": True,
                               "items": {"$ref": "#/definitions/license"}}]},
        "license-url": {"type": "string", "format": "uri"},
        "message": {"type": "string", "minLength": 1},
        "preferred-citation": {"type": "object"},
        "references": {"type": "array", "minItems": 1},
        "repository": {"type": "string", "format": "uri"},
        "repository-artifact": {"type": "string", "format": "uri"},
        "repository-code": {"type": "string", "format": "uri"},
        "title": {"type": "string", "minLength": 1},
        "type": {"type": "string", "enum": ["dataset", "software"]},
        "url": {"type": "string", "format": "uri"},
        "version": {"$ref": "#/definitions/version"},
    },
}

# "## [0.2.0] - 2026-12-06" in CHANGELOG.md.
RELEASE = re.compile(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})\s*$", re.M)


class DatesAsText(yaml.SafeLoader):
    """YAML reads an unquoted 2026-12-06 as a date; CFF's schema sees text."""


DatesAsText.add_constructor("tag:yaml.org,2002:timestamp",
                            lambda loader, node: loader.construct_scalar(node))


def main(argv):
    source, project_version = argv[1], argv[2]
    with open(os.path.join(source, "CITATION.cff"), encoding="utf-8") as f:
        citation = yaml.load(f, Loader=DatesAsText)
    errors = []
    validator = jsonschema.Draft7Validator(SCHEMA)
    for error in sorted(validator.iter_errors(citation), key=str):
        errors.append(f"CITATION.cff: {'/'.join(map(str, error.path)) or '(top)'}: "
                      f"{error.message}")
    for key in ("version", "date-released"):
        if key not in citation:
            errors.append(f"CITATION.cff: {key} is missing")
    if str(citation.get("version")) != project_version:
        errors.append(f"CITATION.cff: version {citation.get('version')} is not project()'s "
                      f"{project_version}")
    with open(os.path.join(source, "CHANGELOG.md"), encoding="utf-8") as f:
        releases = RELEASE.findall(f.read())
    if not releases:
        errors.append("CHANGELOG.md: no release heading '## [X.Y.Z] - YYYY-MM-DD'")
    else:
        latest, date = releases[0]
        if latest != project_version:
            errors.append(f"CHANGELOG.md: latest release {latest} is not project()'s "
                          f"{project_version}")
        if str(citation.get("date-released")) != date:
            errors.append(f"CITATION.cff: date-released {citation.get('date-released')} is not "
                          f"the date of {latest} in CHANGELOG.md, {date}")
        datetime.date.fromisoformat(date)
    for e in errors:
        print(e, file=sys.stderr)
    if not errors:
        print(f"CITATION.cff: valid CFF 1.2.0, version {project_version}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
