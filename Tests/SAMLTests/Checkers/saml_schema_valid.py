#!/usr/bin/env python3
"""Validate a SAML document against the OASIS SAML 2.0 schemas that pysaml2 bundles.

Usage: saml_schema_valid.py FILE.xml

Picks the schema from the root element's namespace (protocol for a Response, metadata for an
EntityDescriptor). Prints {"ok": true} and exits 0, or {"ok": false, "error": "..."} and exits 1.
"""
import json
import sys
from importlib.resources import files
from xml.etree import ElementTree

import saml2.data.schemas
from saml2.xml.schema import _create_xml_schema_validator

SCHEMAS = {
    "urn:oasis:names:tc:SAML:2.0:protocol": "saml-schema-protocol-2.0.xsd",
    "urn:oasis:names:tc:SAML:2.0:assertion": "saml-schema-assertion-2.0.xsd",
    "urn:oasis:names:tc:SAML:2.0:metadata": "saml-schema-metadata-2.0.xsd",
}


def main() -> int:
    path = sys.argv[1]
    try:
        root = ElementTree.parse(path).getroot()
        namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
        if namespace not in SCHEMAS:
            raise ValueError(f"no SAML schema for the root element {root.tag}")
        source = str(files(saml2.data.schemas).joinpath(SCHEMAS[namespace]))
        _create_xml_schema_validator(source=source).validate(path)
    except Exception as error:  # any invalidity is a result, not a crash
        print(json.dumps({"ok": False, "error": f"{type(error).__name__}: {error}"[:2000]}))
        return 1
    print(json.dumps({"ok": True}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
