#!/usr/bin/env python3
"""Accept a SAML Response the way a service provider does, with pysaml2.

Usage: pysaml2_accepts.py --metadata IDP.xml --response RESPONSE.xml --acs URL --audience SP_ENTITY_ID

The SP trusts only the IdP metadata given and requires both the Response and the
Assertion to be signed. On success prints {"ok": true, "issuer", "nameID",
"nameIDFormat", "attributes": {name: [values]}, "attributeNameFormats": {name: format}}
and exits 0; on rejection prints {"ok": false, "error": "..."} and exits 1.
"""
import argparse
import base64
import json
import shutil
import sys

from saml2 import BINDING_HTTP_POST
from saml2.client import Saml2Client
from saml2.config import SPConfig


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--metadata", required=True)
    parser.add_argument("--response", required=True)
    parser.add_argument("--acs", required=True)
    parser.add_argument("--audience", required=True)
    args = parser.parse_args()

    config = SPConfig()
    config.load({
        "entityid": args.audience,
        "metadata": {"local": [args.metadata]},
        "xmlsec_binary": shutil.which("xmlsec1"),
        "allow_unknown_attributes": True,
        "service": {
            "sp": {
                "endpoints": {"assertion_consumer_service": [(args.acs, BINDING_HTTP_POST)]},
                "want_response_signed": True,
                "want_assertions_signed": True,
                "allow_unsolicited": True,
                "authn_requests_signed": False,
            }
        },
    })
    client = Saml2Client(config)
    with open(args.response, "rb") as handle:
        encoded = base64.b64encode(handle.read()).decode("ascii")
    try:
        response = client.parse_authn_request_response(encoded, BINDING_HTTP_POST)
        if response is None:
            raise ValueError("pysaml2 returned no response")
        assertion = response.assertion
        attributes = {}
        formats = {}
        for statement in assertion.attribute_statement:
            for attribute in statement.attribute:
                attributes[attribute.name] = [value.text for value in attribute.attribute_value]
                formats[attribute.name] = attribute.name_format
        result = {
            "ok": True,
            "issuer": response.issuer(),
            "nameID": response.name_id.text,
            "nameIDFormat": response.name_id.format,
            "attributes": attributes,
            "attributeNameFormats": formats,
        }
    except Exception as error:  # any rejection is a result, not a crash
        print(json.dumps({"ok": False, "error": f"{type(error).__name__}: {error}"}))
        return 1
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
