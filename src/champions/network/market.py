"""Market intelligence: what is sought and offered, by HS chapter, kind and partner country,
from published posts (and introductions to them). Reads only; aggregated in Python over a
bounded window of posts."""

import io
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count
from django.utils import timezone

from champions.core import spreadsheets

from . import codes
from .choices import OFFER_KINDS, REQUEST_KINDS, PostStatus
from .models import Post

WINDOW_POSTS = 20_000  # the newest posts the page reads at most


@dataclass(frozen=True)
class ChapterRow:
    chapter: str
    name: str
    sought: int
    offered: int
    introductions: int


@dataclass(frozen=True)
class MarketSummary:
    days: int
    chapters: list[ChapterRow]
    countries: list[tuple[str, int]]  # partner countries wanted in posts
    top_requested: list[tuple[str, str, int]]  # HS heading, name, requests
    months: list[tuple[str, int, int]]  # YYYY-MM, sought, offered


def market_summary(*, days: int = 90) -> MarketSummary:
    since = timezone.now() - timedelta(days=days)
    posts = list(
        Post.objects.filter(
            status__in=[PostStatus.PUBLISHED, PostStatus.EXPIRED], published_at__gte=since
        )
        .order_by("-published_at")
        .values("kind", "hs_codes", "countries", "published_at", "profile__country", "pk")[
            :WINDOW_POSTS
        ]
    )
    sought, offered, intros, headings = Counter(), Counter(), Counter(), Counter()
    countries, months_sought, months_offered = Counter(), Counter(), Counter()
    intro_counts = _introductions_per_post([p["pk"] for p in posts])
    for post in posts:
        month = post["published_at"].strftime("%Y-%m")
        for code in {c[:2] for c in post["hs_codes"]}:
            if post["kind"] in REQUEST_KINDS:
                sought[code] += 1
            elif post["kind"] in OFFER_KINDS:
                offered[code] += 1
            intros[code] += intro_counts.get(post["pk"], 0)
        if post["kind"] in REQUEST_KINDS:
            months_sought[month] += 1
            headings.update({c[:4] for c in post["hs_codes"]})
        elif post["kind"] in OFFER_KINDS:
            months_offered[month] += 1
        countries.update(post["countries"])
    chapters = [
        ChapterRow(ch, codes.hs_name(ch), sought[ch], offered[ch], intros[ch])
        for ch in sorted(set(sought) | set(offered), key=lambda c: -(sought[c] + offered[c]))
    ]
    return MarketSummary(
        days=days,
        chapters=chapters,
        countries=countries.most_common(15),
        top_requested=[(h, codes.hs_name(h), n) for h, n in headings.most_common(10)],
        months=[
            (m, months_sought[m], months_offered[m])
            for m in sorted(set(months_sought) | set(months_offered))
        ],
    )


def _introductions_per_post(post_ids: list[int]) -> dict[int, int]:
    rows = (
        Post.objects.filter(pk__in=post_ids)
        .annotate(n=Count("introductions"))
        .values_list("pk", "n")
    )
    return dict(rows)


def market_csv(summary: MarketSummary) -> str:
    out = io.StringIO()
    writer = spreadsheets.csv_writer(out)
    writer.writerow(["hs_chapter", "name", "sought", "offered", "introductions"])
    for row in summary.chapters:
        writer.writerow([row.chapter, row.name, row.sought, row.offered, row.introductions])
    return out.getvalue()


def chart_bars(summary: MarketSummary, *, width: int = 300, row: int = 10) -> list[dict]:
    """Bars of the chapter chart (SVG coordinates): sought then offered, side by side."""
    peak = max([r.sought + r.offered for r in summary.chapters] or [1])
    bars = []
    for i, r in enumerate(summary.chapters):
        sought, offered = round(width * r.sought / peak), round(width * r.offered / peak)
        bars.append(
            {
                "chapter": r.chapter,
                "y": i * row,
                "sought": sought,
                "offered": offered,
                "offered_x": 20 + sought,
            }
        )
    return bars
