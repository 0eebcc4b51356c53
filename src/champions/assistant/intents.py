"""What a message asks for, before any retrieval: talk to a person, my grievance, which schemes
can I get, a follow-up of the last answer, or something off-topic or abusive. Word lists in
English, Hindi and Hinglish; matched on normalised words and spelling keys."""

import re

from .text import normalise, spelling_key, words

HANDOFF = (
    "talk to a person",
    "talk to someone",
    "speak to a person",
    "speak to an officer",
    "human",
    "call me",
    "call back",
    "callback",
    "real person",
    "insaan se baat",
    "kisi se baat",
    "officer se baat",
    "mujhe call karo",
    "call karo",
    "phone karo",
    "व्यक्ति से बात",
    "किसी से बात",
    "अधिकारी से बात",
    "मुझे फ़ोन",
    "मुझे कॉल",
    "कॉल बैक",
)
MY_GRIEVANCE = (
    "my grievance",
    "my complaint",
    "status of my",
    "where is my",
    "meri shikayat",
    "mera complaint",
    "meri complaint",
    "shikayat ka kya hua",
    "shikayat kahan",
    "मेरी शिकायत",
    "शिकायत कहाँ",
    "शिकायत का क्या हुआ",
)
ELIGIBILITY = (
    "which schemes can i get",
    "which scheme can i get",
    "which schemes am i eligible",
    "which scheme am i eligible",
    "am i eligible",
    "schemes for me",
    "schemes i can get",
    "kaun si yojana",
    "kaunsi yojana",
    "kon si yojana",
    "konsi scheme",
    "kaun si scheme",
    "kaunsi scheme",
    "mere liye yojana",
    "mere liye scheme",
    "कौन सी योजना",
    "कौन-सी योजना",
    "कौनसी योजना",
    "मेरे लिए योजना",
    "मैं पात्र",
)
FOLLOW_UP_STARTS = ("and ", "what about", "how about", "aur ", "और ", "or for", "and for")
_ABUSIVE = """idiot stupid moron fuck fucking shit bastard bloody chutiya chutiye bakwas
    harami haramkhor kamina kamine saala sala gadha ullu bewakoof bevkuf madarchod bhenchod
    behenchod गधा उल्लू बेवकूफ़ कमीना हरामी बकवास"""
ABUSIVE = frozenset(spelling_key(normalise(w)) for w in _ABUSIVE.split())
# Words that show a question is about the portal's domain, even when no source is strong.
_DOMAIN = """msme msmes scheme schemes yojana yojna loan loans subsidy grant enterprise
    business udyam udyog registration certificate grievance complaint shikayat payment buyer
    invoice gst tax tds pf esi compliance factory unit industry artisan export credit bank
    micro small medium classification turnover investment vyapar dhandha karobar kaarobaar
    योजना ऋण लोन सब्सिडी उद्यम उद्योग पंजीकरण शिकायत भुगतान ख़रीदार कर जीएसटी कारोबार
    व्यवसाय निर्यात बैंक कारीगर"""
DOMAIN = frozenset(spelling_key(normalise(w)) for w in _DOMAIN.split())
# Romanised Hindi function words: a question the language identifier calls Hinglish is taken
# as Hinglish (and answered in Hindi) only if it has one of them, so an English question with
# Indian names in it ("Udyam", "khadi", "Sikkim") keeps its English answer.
_HINGLISH = """hai hain ka ki ke ko se mein mai mera meri mere hamara hamari kya kaise kyun kyon kab
    kahan kitna kitni kitne nahi nahin nhi karna karo kare karen karein karu karun kiya
    chahiye liye wala wali waale aur bhi hota hoti milega milegi milta milti sakta sakti
    sakte diya raha rahi rahe hoon hun tha thi apna apni apne koi kuch kaun kaunsi konsi kon
    sa kaisa banane banana batao bataye bataiye paisa paise din mahine saal mujhe aap kisne
    sunao"""
HINGLISH_MARKERS = frozenset(_HINGLISH.split())
_PHONE = re.compile(r"(?<!\d)(?:\+?91[\s-]?)?([6-9]\d{9})(?!\d)")


def _phrase_in(text: str, phrases: tuple[str, ...]) -> bool:
    normal = " ".join(words(text))
    return any(" ".join(words(p)) in normal for p in phrases)


def wants_person(text: str) -> bool:
    return _phrase_in(text, HANDOFF)


def asks_own_grievance(text: str) -> bool:
    return _phrase_in(text, MY_GRIEVANCE)


def asks_eligibility(text: str) -> bool:
    return _phrase_in(text, ELIGIBILITY)


def is_follow_up(text: str) -> bool:
    lowered = normalise(text).strip()
    return lowered.startswith(FOLLOW_UP_STARTS) or len(words(text)) <= 4


def is_abusive(text: str) -> bool:
    return any(spelling_key(w) in ABUSIVE for w in words(text))


def mentions_domain(text: str) -> bool:
    return any(spelling_key(w) in DOMAIN for w in words(text))


def has_hinglish_words(text: str) -> bool:
    return any(w in HINGLISH_MARKERS for w in words(text))


def phone_in(text: str) -> str | None:
    match = _PHONE.search(text.replace(" ", ""))
    return match.group(1) if match else None
