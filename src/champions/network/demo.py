"""Demo partners for `champions setup` / `load_demo`: the labelled set's fictional Indian and
foreign units (several sectors, some written in Hindi) and published posts. Idempotent."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from . import services
from .choices import PostStatus, ReviewStatus
from .demo_searches import searches_demo_load
from .evaluation import eval_data
from .models import Post, Profile
from .validation import ProfileInput

DEMO_POSTS = [
    # (profile key, kind, title, text, HS codes, countries wanted)
    (
        "knit_de",
        "business_request",
        "Combed cotton yarn wanted, Ne 30",
        "German knitwear maker looking for a steady supplier of GOTS combed cotton yarn, "
        "Ne 30/1, 20 tonnes a month.",
        ["520524"],
        ["IN"],
    ),
    (
        "footwear_it",
        "business_request",
        "Chrome-tanned cow leather for shoe uppers",
        "Italian shoe factory buys finished bovine leather, 1.2-1.4 mm.",
        ["410712"],
        ["IN"],
    ),
    (
        "spice_hi",
        "business_offer",
        "हल्दी और मिर्च पाउडर का निर्यात",
        "हम साफ़ और पिसी हुई हल्दी, लाल मिर्च और काली मिर्च निर्यात करते हैं।",
        ["091030"],
        [],
    ),
    (
        "cnc_jp",
        "technology_offer",
        "CNC machining centre technology transfer",
        "Licence and local assembly of vertical machining centres with Indian partners.",
        ["845710"],
        ["IN"],
    ),
    (
        "solar_en",
        "investment",
        "Joint venture partner for a solar module line",
        "We seek equity partners to add a 1 GW module line in Gujarat.",
        ["854143"],
        [],
    ),
    (
        "auto_de",
        "business_request",
        "Steel forgings and iron castings",
        "Tier-2 supplier sourcing closed-die forgings and grey iron castings.",
        ["732619", "732510"],
        [],
    ),
]
FOREIGN_DEMO_EMAIL = "partner@demo.champions.in"


@transaction.atomic
def network_demo_load(*, officer, entrepreneur, foreign_user, enterprise_id: int | None) -> dict:
    """`officer` onboards the units; the demo entrepreneur's Hindi cotton-yarn profile grows
    from its first enterprise; the foreign knitwear firm belongs to `foreign_user`."""
    if Profile.objects.filter(name="Strickwerk GmbH").exists():
        return {"profiles": 0, "posts": 0}
    by_key = {}
    for row in eval_data()["profiles"]:
        data = ProfileInput(**{k: v for k, v in row.items() if k != "key"})
        if row["key"] == "yarn_hi" and enterprise_id is not None:
            profile = services.profile_create_from_enterprise(
                user=entrepreneur, enterprise_id=enterprise_id, data=data
            )
        else:
            profile = services.profile_create(user=officer, data=data)
        by_key[row["key"]] = profile
    knit = by_key["knit_de"]
    knit.owner, knit.email, knit.email_verified = foreign_user, foreign_user.email, True
    knit.registration_number, knit.website = "HRB 740123", "https://strickwerk.example"
    knit.save()
    now = timezone.now()
    for key, kind, title, text, hs, countries in DEMO_POSTS:
        Post.objects.create(
            profile=by_key[key],
            kind=kind,
            title=title,
            text=text,
            hs_codes=hs,
            countries=countries,
            status=PostStatus.PUBLISHED,
            published_at=now,
            expires_at=now + timedelta(days=365),
            reviewed_by=officer,
        )
    pending = by_key["palm_my"]
    pending.review_status = ReviewStatus.PENDING
    pending.save(update_fields=["review_status"])
    searches_demo_load()
    return {"profiles": len(by_key), "posts": len(DEMO_POSTS)}
