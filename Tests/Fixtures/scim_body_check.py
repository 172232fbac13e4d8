"""Validates SCIM request bodies with scim2-models, as a third party reads them.

Input (argv[1]): a JSON array of {"method", "path", "body"} (body: the JSON text sent, or "").
Output (stdout): a JSON array of {"index", "method", "path", "model", "error"}, one per body refused;
and the number of bodies checked on stderr."""
import json
import sys

from scim2_models import Context, EnterpriseUser, Group, PatchOp, User


def model_for(method, path):
    resource = path.split("?", 1)[0].rstrip("/").split("/")
    endpoint = "Users" if "Users" in resource else "Groups" if "Groups" in resource else None
    if endpoint is None:
        return None
    model = User[EnterpriseUser] if endpoint == "Users" else Group
    if method == "POST":
        return model, Context.RESOURCE_CREATION_REQUEST
    if method == "PUT":
        return model, Context.RESOURCE_REPLACEMENT_REQUEST
    if method == "PATCH":
        return PatchOp[model], Context.RESOURCE_PATCH_REQUEST
    return None


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        requests = json.load(handle)
    refused = []
    checked = 0
    for index, request in enumerate(requests):
        if not request["body"]:
            continue
        chosen = model_for(request["method"], request["path"])
        if chosen is None:
            continue
        model, context = chosen
        checked += 1
        try:
            model.model_validate(json.loads(request["body"]), scim_ctx=context)
        except Exception as error:  # a refusal of any kind is reported, not raised
            refused.append({"index": index, "method": request["method"], "path": request["path"],
                            "model": model.__name__, "error": str(error).replace("\n", " ")[:400]})
    print(json.dumps(refused))
    print(f"checked {checked} bodies", file=sys.stderr)


if __name__ == "__main__":
    main()
