"""Sentiment head experiments (issue 15 item 3), outside the store: a featuriser fitted on the
sentiment rows alone, one model per candidate.

    python scripts/experiment_sentiment.py five:0.5:balanced:1,three:0.1:balanced:1 [--tweets]

A candidate is levels:C:class_weight:neutral_factor. levels `five` is the shipped head (five
levels, mapped to three for scoring); `three` trains on three levels directly; class_weight
`balanced` or `none`; neutral rows' weights are multiplied by neutral_factor. Without --tweets:
three-level macro-F1 on a held-out fifth of the shipped training rows (grouped by text). With
--tweets: trained on all rows and scored on the SentiMix tweets (measure only: read once per
candidate, after choosing on the split).
"""

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "champions.config.settings.base")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sklearn.metrics import f1_score, recall_score
from sklearn.model_selection import GroupShuffleSplit

import champions.triage.features as features
from champions.triage.datasets import dataset_build
from champions.triage.evaluation import THREE_LEVELS, evaluation_data_read

# The shared data directory (../shared/data from the repository, as in docs/AI.md).
DATA = Path(os.environ.get("CHAMPIONS_SHARED_DATA", "../shared/data"))
TWEETS = DATA / "eval/sentimix_hinglish_train_dev.csv"
LEVELS = ["negative", "neutral", "positive"]


def main() -> None:
    data = dataset_build("sentiment", quick=False, sources=False)
    featuriser = features.Featuriser.fit(data.texts)
    started = time.monotonic()
    for candidate in sys.argv[1].split(","):
        levels, c, class_weight, factor = candidate.split(":")
        features.TASK_SVM["experiment"] = (
            float(c),
            None if class_weight == "none" else "balanced",
        )
        labels = [THREE_LEVELS[x] if levels == "three" else x for x in data.labels]
        weights = [
            w * (float(factor) if THREE_LEVELS[x] == "neutral" else 1)
            for w, x in zip(data.weights, data.labels, strict=True)
        ]
        if "--tweets" in sys.argv:
            tweets = evaluation_data_read(TWEETS, "sentiment")
            train, texts = range(len(data.texts)), tweets.texts
            gold = [THREE_LEVELS.get(g, g) for g in tweets.gold]
            figure = "tweets_macro_f1"
        else:
            split = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=2024)
            train, held = next(split.split(data.texts, groups=data.texts))
            texts = [data.texts[i] for i in held]
            gold = [THREE_LEVELS[data.labels[i]] for i in held]
            figure = "split_macro_f1"
        model = features.TextModel.fit(
            "experiment",
            [data.texts[i] for i in train],
            [labels[i] for i in train],
            [weights[i] for i in train],
            featuriser=featuriser,
        )
        predicted = [THREE_LEVELS.get(p, p) for p in model.predict(texts)]
        recall = recall_score(gold, predicted, average=None, labels=LEVELS)
        print(
            json.dumps(
                {
                    "candidate": candidate,
                    figure: round(float(f1_score(gold, predicted, average="macro")), 4),
                    "recall": dict(zip(LEVELS, [round(float(r), 3) for r in recall], strict=True)),
                    "n": len(gold),
                    "s": round(time.monotonic() - started),
                }
            )
        )


if __name__ == "__main__":
    main()
