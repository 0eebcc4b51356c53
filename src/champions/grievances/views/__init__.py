"""Web pages for grievances, one module per use case; `urls.py` names each view.

`web.urls` also mounts the public tracking page at `/track/`, hence the one name here."""

from .lodging import grievance_track_view

__all__ = ["grievance_track_view"]
