"""Factories for personal accounts, added to the groups that the migrations created."""

import factory
from django.contrib.auth import get_user_model

from accounts import policy

TEST_PASSWORD = "mat-khau-thu-nghiem-2026"


class UserFactory(factory.django.DjangoModelFactory):
    """A board or commune account; pass `groups=[name, ...]` (accounts.policy.GROUP_…) to place it in real groups."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"nguoidung{n}")
    first_name = factory.Faker("first_name", locale="vi_VN")
    last_name = factory.Faker("last_name", locale="vi_VN")
    email = factory.LazyAttribute(lambda user: f"{user.username}@tancuong.example.vn")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create and names:
            self.groups.add(*(policy.group(name) for name in names))
        self.save()
