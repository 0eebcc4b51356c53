"""Hindi wording that depends on the noun: a case (मामला) is masculine, a grievance (शिकायत)
feminine, so the queue filter "Assigned to me" needs its own context in the cases app; without
it the project catalogue's grievance wording showed on the cases queue."""

from django.utils import translation

from champions.cases.forms import QueueForm
from champions.grievances.filters import VIEWS


def test_the_cases_queue_says_assigned_to_me_of_cases():
    with translation.override("hi"):
        labels = dict(QueueForm().fields["view"].choices)

        assert str(labels["mine"]) == "मुझे सौंपे गए"


def test_the_grievance_queue_keeps_its_own_wording():
    with translation.override("hi"):
        assert str(dict(VIEWS)["mine"]) == "मुझे सौंपी गई"
