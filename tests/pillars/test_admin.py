"""The pillars admin: pillars with their examples, vision goals and key messages."""

import pytest
from django.urls import reverse

from pillars.models import PotentialExample, VisionGoal
from tests import factories

pytestmark = pytest.mark.django_db


def field_error(prefix, message):
    return f'<ul class="errorlist" id="id_{prefix}_error"><li>{message}</li></ul>'


def test_a_target_without_its_year_is_shown_next_to_the_year(admin_client, changeform_data):
    goal = factories.make_goal()
    url = reverse("admin:pillars_visiongoal_change", args=[goal.pk])
    data = changeform_data(admin_client.get(url))
    data["target_value"] = "50"

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert field_error("target_year", "Ciljni vrednosti manjka leto.") in response.text
    goal.refresh_from_db()
    assert goal.target_value is None


def test_vision_goal_filters(admin_client):
    url = reverse("admin:pillars_visiongoal_changelist")
    unconfirmed = factories.make_goal(horizon="2050", target_confirmed=False)
    factories.make_goal(horizon="2030")

    for query in [
        {"horizon__exact": "2050"},
        {"target_confirmed__exact": "0"},
        {"pillar__id__exact": unconfirmed.pillar_id},
    ]:
        response = admin_client.get(url, query)
        assert list(response.context["cl"].result_list) == [unconfirmed], query


def test_a_pillar_is_edited_with_its_examples(admin_client, changeform_data):
    example = factories.make_example(name_sl="Rimske terme")
    pillar = example.pillar
    url = reverse("admin:pillars_pillar_change", args=[pillar.pk])
    data = changeform_data(admin_client.get(url))
    data["examples-0-name_sl"] = "Terme Olimia"
    data["examples-0-name_en"] = "Olimia spa"

    response = admin_client.post(url, data)

    assert response.status_code == 302
    example.refresh_from_db()
    assert (example.name_sl, example.name_en) == ("Terme Olimia", "Olimia spa")


def test_the_same_example_twice_in_a_pillar_is_refused(admin_client, changeform_data):
    example = factories.make_example(name_sl="Rimske terme")
    url = reverse("admin:pillars_pillar_change", args=[example.pillar.pk])
    data = changeform_data(admin_client.get(url))
    data.update(
        {
            "examples-TOTAL_FORMS": "2",
            "examples-1-name_sl": "Rimske terme",
            "examples-1-order": "1",
            "examples-1-kind": PotentialExample.Kind.PLACE,
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert field_error("examples-1-name_sl", "Ta steber že navaja ta primer.") in response.text
    assert PotentialExample.objects.count() == 1


def test_two_new_examples_are_added_to_a_pillar(admin_client, changeform_data):
    pillar = factories.make_pillar()
    url = reverse("admin:pillars_pillar_change", args=[pillar.pk])
    data = changeform_data(admin_client.get(url))
    for index, name in enumerate(["Rimske terme", "Terme Olimia"]):
        data.update(
            {
                "examples-TOTAL_FORMS": str(index + 1),
                f"examples-{index}-name_sl": name,
                f"examples-{index}-order": str(index),
                f"examples-{index}-kind": PotentialExample.Kind.PLACE,
            }
        )

    response = admin_client.post(url, data)

    assert response.status_code == 302
    assert sorted(pillar.examples.values_list("name_sl", flat=True)) == [
        "Rimske terme",
        "Terme Olimia",
    ]


def test_vision_goals_list_shows_the_pillar(admin_client):
    goal = factories.make_goal(statement_sl="Čista Savinja", pillar=factories.make_pillar())
    response = admin_client.get(reverse("admin:pillars_visiongoal_changelist"))
    assert "Čista Savinja" in response.text
    assert str(goal.pillar) in response.text
    assert VisionGoal.objects.count() == 1
