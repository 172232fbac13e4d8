#!/usr/bin/env python3
"""Accept a SAML Response the way a service provider does, with python3-saml (OneLogin's toolkit).

Usage: python3_saml_accepts.py --metadata IDP.xml --response RESPONSE.xml --acs URL --audience SP_ENTITY_ID

A second SP library beside pysaml2, sharing no code with it (lxml + the xmlsec binding rather than the
xmlsec1 binary). Strict mode, trusting only the IdP metadata given, requiring the Response and the
Assertion to be signed and refusing deprecated algorithms (SHA-1). The request is the browser's POST to
the ACS URL, so Destination and Recipient are checked against it. Prints the same JSON as
pysaml2_accepts.py: {"ok": true, "issuer", "nameID", "nameIDFormat", "attributes"} and exits 0, or
{"ok": false, "error": "..."} and exits 1.
"""
import argparse
import base64
import json
import sys
from urllib.parse import urlsplit

from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser
from onelogin.saml2.response import OneLogin_Saml2_Response
from onelogin.saml2.settings import OneLogin_Saml2_Settings


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--metadata", required=True)
    parser.add_argument("--response", required=True)
    parser.add_argument("--acs", required=True)
    parser.add_argument("--audience", required=True)
    args = parser.parse_args()

    with open(args.metadata, encoding="utf-8") as handle:
        idp = OneLogin_Saml2_IdPMetadataParser.parse(handle.read())
    settings = OneLogin_Saml2_IdPMetadataParser.merge_settings({
        "strict": True,
        "sp": {
            "entityId": args.audience,
            "assertionConsumerService": {"url": args.acs, "binding": "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"},
        },
        "security": {
            "wantMessagesSigned": True,
            "wantAssertionsSigned": True,
            "wantNameId": True,
            "rejectDeprecatedAlgorithm": True,
        },
    }, idp)
    acs = urlsplit(args.acs)
    request = {
        "https": "on" if acs.scheme == "https" else "off",
        "http_host": acs.hostname,
        "server_port": str(acs.port or (443 if acs.scheme == "https" else 80)),
        "script_name": acs.path,
        "query_string": acs.query,
        "post_data": {},
    }
    with open(args.response, "rb") as handle:
        encoded = base64.b64encode(handle.read()).decode("ascii")
    try:
        response = OneLogin_Saml2_Response(OneLogin_Saml2_Settings(settings, sp_validation_only=True), encoded)
        response.is_valid(request, raise_exceptions=True)
        result = {
            "ok": True,
            "issuer": response.get_issuers()[0],
            "nameID": response.get_nameid(),
            "nameIDFormat": response.get_nameid_format(),
            "attributes": response.get_attributes(),
        }
    except Exception as error:  # any rejection is a result, not a crash
        print(json.dumps({"ok": False, "error": f"{type(error).__name__}: {error}"}))
        return 1
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
