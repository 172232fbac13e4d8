"""django-scim2's stock group filter maps no attribute, so `displayName eq "x"` finds nothing; an app
that provisions groups maps `displayName` to its group name, as here. The user filter is the stock one."""
from django_scim.filters import GroupFilterQuery


class GroupDisplayNameFilterQuery(GroupFilterQuery):
    attr_map = {
        ("displayName", None, None): "name",
    }
