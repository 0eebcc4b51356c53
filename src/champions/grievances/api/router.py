from ninja import Router

router = Router()


def operation_id(name: str) -> str:
    """The OpenAPI operationId clients generate code from. ninja derives it from the module
    path; it is fixed here so that moving a handler between modules does not rename it."""
    return f"champions_grievances_api_{name}"
