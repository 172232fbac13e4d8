"""The models every django-scim2 app defines: a user and a group carrying django-scim2's SCIM mixins."""
from django.contrib.auth.models import AbstractUser
from django.db import models
from django_scim.models import AbstractSCIMGroupMixin, AbstractSCIMUserMixin


class Group(AbstractSCIMGroupMixin):
    name = models.CharField(max_length=150, unique=True)


class User(AbstractSCIMUserMixin, AbstractUser):
    # django-scim2's group adapter reads a group's users as `user_set`.
    scim_group_set = models.ManyToManyField(Group, related_name="user_set", blank=True)

    @property
    def scim_groups(self):
        return self.scim_group_set
