"""Why a delivery could not be made; channels raise these, `delivery_send` records them."""


class InvalidAddress(Exception):
    """The e-mail address or mobile number cannot receive messages: never retried."""


class DeliveryRetryable(Exception):
    """A passing failure (network, a gateway's 5xx): retried later, a bounded number of times."""
