"""Settings for `make load`: the embedded default, with the per-client limits lifted, because
every simulated user of the load test comes from 127.0.0.1 and would share one client's
allowance (30 assistant questions a minute, 30 trackings...). Never use it for a real site."""

from .base import *

ASSISTANT_RATE_LIMIT_PER_MINUTE = 1_000_000
API_THROTTLE_RATES = dict.fromkeys(API_THROTTLE_RATES, "1000000/m")
# The simulated owners share one demo account and sign in together; allauth counts a sign-in
# as failed until it succeeds, so 5 at once would lock the account (5/m/key) for the 6th.
ACCOUNT_RATE_LIMITS = {
    **ACCOUNT_RATE_LIMITS,
    "login": "1000000/m/ip",
    "login_failed": "1000/m/key,1000000/m/ip",
}
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"  # not thousands on the console
