import os

from django.apps import AppConfig


class AssistantConfig(AppConfig):
    name = "champions.assistant"
    label = "assistant"
    verbose_name = "Assistant"

    def ready(self) -> None:
        # The embedding engine (OpenMP) otherwise starts a thread per core for each question;
        # under load those threads spin against each other: one thread per request measured
        # 23 ms of CPU a question against 1.5 s with the default (docs/AI.md). Set the
        # variable explicitly to override.
        os.environ.setdefault("OMP_NUM_THREADS", "1")

        # Insights sits below the assistant: the dashboard's chat-mood panel is registered.
        from champions.insights.hooks import dashboard_panel_register

        from .mood_panel import assistant_mood_panel

        dashboard_panel_register(assistant_mood_panel)
