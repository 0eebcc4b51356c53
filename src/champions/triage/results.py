"""What triage returns: plain dataclasses other apps may store or render."""

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Prediction:
    label: str
    confidence: float


@dataclass(frozen=True)
class NearestExample:
    text: str
    category: str
    similarity: float


@dataclass(frozen=True)
class Explanation:
    """What decided the prediction, in words an officer can check."""

    category_terms: list[str]
    department_terms: list[str]
    nearest_examples: list[NearestExample]
    urgency_signals: list[str]
    urgency_raised_by_signals: bool
    language_reason: str
    summary: str
    # The CPGRAMS category to file a referral under: code, path (English and Hindi), cosine.
    cpgrams_category: dict = field(default_factory=dict)


@dataclass(frozen=True)
class TriageResult:
    category: Prediction
    department: Prediction
    urgency: Prediction
    language: Prediction
    sentiment: Prediction
    emotion: Prediction
    urgency_signals: list[str]
    explanation: Explanation
    model_versions: dict[str, str]
    # Full distributions, kept so a thread can be summarised from its messages' results.
    sentiment_scores: dict[str, float] = field(default_factory=dict)
    emotion_scores: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ThreadSummary:
    """A thread's sentiment and emotion, from its messages (later messages weigh more)."""

    sentiment: Prediction
    emotion: Prediction
    urgency: Prediction
    sentiment_trend: str  # "improving", "worsening" or "steady"
    messages: int
