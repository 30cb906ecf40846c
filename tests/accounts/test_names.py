"""People's names read the Vietnamese way wherever the portal shows them."""

from demo.factories.accounts import UserFactory


def test_full_name_puts_the_family_name_first(db):
    user = UserFactory(username="thanhvien", first_name="Hà", last_name="Nguyễn Thu")

    assert user.get_full_name() == "Nguyễn Thu Hà"
    assert str(user) == "Nguyễn Thu Hà"


def test_an_account_without_a_name_shows_its_username(db):
    user = UserFactory(username="canbo", first_name="", last_name="")

    assert user.get_full_name() == ""
    assert str(user) == "canbo"
