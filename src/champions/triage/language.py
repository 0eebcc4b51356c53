"""Language identification that knows Hinglish (Hindi written in Latin letters).

Off-the-shelf detectors see Hinglish as broken English or as some other Latin-script language.
This one decides in three steps:
1. Script: mostly Devanagari letters is Hindi; mostly letters of another non-Latin script is
   "other".
2. Lexicon: the share of words that are common romanised Hindi words (function words, pronouns,
   verbs, everyday nouns) and the share of common English words.
3. A character n-gram classifier (English vs Hinglish), trained by `champions triage train`,
   settles Latin text the lexicon leaves unclear.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .choices import Language

_WORD = re.compile(r"[a-z]+")

# Romanised Hindi words that are rarely English words. Left out on purpose: "to", "me", "main",
# "do", "hi", "is", "the", "par", "an", "one", which are common in English text too.
_HINDI_WORDS = """
    hai hain ho hota hoti hote tha thi thay raha rahi rahe rha rhi rhe gaya gayi gaye gya
    gyi kiya kiye kar karo karna karne karke karein karenge kare kardo krna krne kr nahi nahin
    nhi na mat ka ki ke ko se mein mai mujhe mera meri mere hum hamara hamari hamare humara
    humari humare humko hume humein tum tera teri tere aap aapka aapki aapke apna apni apne yeh
    ye woh wo vo unka unki unke uska uski uske iska iski iske kya kyu kyun kyon kaise kaisa
    kahan kab kaun kitna kitni kitne jab tab abhi bhi sirf bahut bohot bahot zyada jyada thoda
    kuch sab sabko sabhi aur ya lekin magar phir fir kyunki isliye agar toh bhai yaar ji sahab
    acha accha achha theek thik sahi galat log logo logon paisa paise rupaye din mahine mahina
    saal hafte hafta ghar kaam naukri bijli paani pani sarkar sarkari wala wali wale waala waali
    waale liye dena dene diya diye dijiye lena lene liya milna milta milti mila mili bolo bola
    bole bolte kehte karte karta karti chahiye sakta sakti sakte paaye paya pata dekho dekh
    dekha jaana jana jao jaye aaya aayi aaye aata aati aa raho rakha rakhi baat baar pehle baad
    saath sath upar neeche andar bahar jaldi madad shikayat dhanyavaad shukriya kal aaj parso
    koi kisi kisko jisko unko usko inko kaha kahi wahan yahan hua hui hue huye gaye hoga hogi
    honge mere tumhara tumhari kyaa nai naa bas ek teen kr rha rhi rhe hoga sakta jo sab unhe
    inhe kuchh apne hamesha achhe ache acche pyaar pyar dil dost zindagi duniya desh sach
    jhooth jhoot matlab waise vaise aisa aise jaisa jaise tarah bilkul zaroor jarur zarur kyuki
    kyonki chalo chal hu hun hoon tu tujhe mujhse tumse aapse unse isse usse yahi wahi vahi
    jaayega jayega jaega karega karegi karoge dekhna dekhte samajh samjho pata nhi nai ni hy
    bhaiya behen didi mat koi kaun kisne kisko kya kuch jab tak abhi kabhi sabse zyada jada
    gaye aaj kal raat subah shaam log logo baaki baki chahiye chahte chahta chahti hamko
    humne maine tumne aapne usne unhone inhone mera wala wali wale sahi galat accha achha
"""
HINDI_ROMAN = frozenset(_HINDI_WORDS.split())
ENGLISH_COMMON = frozenset(ENGLISH_STOP_WORDS) - HINDI_ROMAN


HINDI_SHARE = 0.2  # a fifth of the words romanised Hindi is clearly Hinglish


@dataclass(frozen=True)
class LanguageGuess:
    label: str
    confidence: float
    reason: str


def script_shares(text: str) -> tuple[float, float, float]:
    """Shares of Devanagari, Latin and other letters among the letters of `text`."""
    devanagari = latin = other = 0
    for char in text:
        if not char.isalpha():
            continue
        if "\u0900" <= char <= "\u097f":
            devanagari += 1
        elif char.isascii() or unicodedata.name(char, "").startswith("LATIN"):
            latin += 1
        else:
            other += 1
    total = devanagari + latin + other
    if not total:
        return 0.0, 0.0, 0.0
    return devanagari / total, latin / total, other / total


# Tweets and messages carry handles, hashtags and links that are in no language.
_NOISE = re.compile(r"@\w+|#\w+|https?\s*:?\s*//\s*\S+(?:\s*[./]\s*\S+)*|\bt\s*\.\s*co\b\S*")


@cache  # the set difference below cost ~2 ms per text when rebuilt on every call
def _lexicons() -> tuple[frozenset[str], frozenset[str]]:
    from .lexicon import english_words, hindi_words  # built once, from the shipped files

    hindi = hindi_words(HINDI_ROMAN)
    return hindi, (english_words() | ENGLISH_COMMON) - hindi


def lexicon_shares(text: str) -> tuple[float, float, int]:
    """Shares of romanised-Hindi and of English words among the words of `text` (handles,
    hashtags and links left out), and the number of words."""
    words = _WORD.findall(_NOISE.sub(" ", text.lower()))
    if not words:
        return 0.0, 0.0, 0
    hindi_lexicon, english_lexicon = _lexicons()
    hindi = sum(word in hindi_lexicon for word in words)
    english = sum(word in english_lexicon for word in words)
    return hindi / len(words), english / len(words), len(words)


def language_identify(text: str, hinglish_probability: float | None = None) -> LanguageGuess:
    """Identify the language. `hinglish_probability` is the classifier's P(hinglish) for Latin
    text (None: decide on the lexicon alone)."""
    devanagari, latin, other = script_shares(text)
    if devanagari + latin + other == 0:
        return LanguageGuess(Language.OTHER, 0.5, "no letters")
    if other > 0.5:
        return LanguageGuess(Language.OTHER, round(other, 3), "non-Latin, non-Devanagari script")
    if devanagari >= 0.5 or devanagari > latin:
        return LanguageGuess(Language.HINDI, round(max(devanagari, 0.5), 3), "Devanagari script")
    hindi, english, words = lexicon_shares(text)
    lexicon_score = min(1.0, hindi / HINDI_SHARE)
    if hinglish_probability is None:
        score = lexicon_score
    else:
        score = 0.7 * lexicon_score + 0.3 * hinglish_probability
    if score >= 0.5:
        return LanguageGuess(
            Language.HINGLISH, round(score, 3), f"{hindi:.0%} romanised Hindi words"
        )
    if words >= 5 and hindi < 0.05 and english < 0.05:
        return LanguageGuess(Language.OTHER, 0.6, "Latin script, neither English nor Hindi words")
    return LanguageGuess(Language.ENGLISH, round(1 - score, 3), f"{english:.0%} English words")
