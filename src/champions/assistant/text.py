"""Pure text helpers shared by retrieval and the dialogue: tokens for English, Hindi
(Devanagari) and Hinglish, spelling keys for romanised Hindi, and numbers in a text."""

import re
import unicodedata

_TOKEN = re.compile(r"[0-9a-z\u0900-\u0963\u0966-\u097f]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")

_STOPWORDS = """
    a an the of to in on for and or is are was be been am i me my we our you your it its this
    that with as at by from can could would should do does did what which who how when where
    why will shall may please tell about any some there their them they he she his her have has
    had get got want need know if so not no yes than then also just very much many more
    hai hain ho tha thi the ka ki ke ko se mein me mai main mujhe mera meri mere hum humko hame
    hamara kya kaise kaisa kab kahan kaun kitna kitni kitne aur ya bhi to toh hi ye yeh wo woh
    koi kuch ek karna karne karun karu kare karein kar raha rahi rahe liye chahiye sakta sakti
    sakte milega milegi milta milti mil jata jati ji ap aap aapka apna apni apne nahi nhi batao
    bataye bataiye
    है हैं हो था थी थे का की के को से में मैं मुझे मेरा मेरी मेरे हम और या भी तो ही यह ये वह
    वो क्या कैसे कब कहाँ कौन कितना कितनी कितने कोई कुछ एक करना करने करूँ करें कर लिए चाहिए
    सकता सकती सकते मिलेगा मिलेगी मिल जाता आप आपका अपना अपनी अपने पर बताएँ बताइए
"""
STOPWORDS = frozenset(_STOPWORDS.split())


def normalise(text: str) -> str:
    """Lower case, Devanagari digits as ASCII, the nukta dropped (ज़ = ज), NFC."""
    text = unicodedata.normalize("NFC", text).lower().translate(DEVANAGARI_DIGITS)
    text = unicodedata.normalize("NFD", text).replace("\u093c", "")
    return unicodedata.normalize("NFC", text)


def spelling_key(word: str) -> str:
    """One spelling for the many ways romanised Hindi is written: 'paisaa', 'paisa' and
    'pesa' stay apart, but 'shikaayat'/'shikayat', 'bhugtaan'/'bhugtan', 'vyapaar'/'wyapar'
    meet. Devanagari and digits pass through."""
    if not word.isascii() or word.isdigit():
        return word
    word = word.replace("w", "v").replace("z", "j").replace("ph", "f").replace("q", "k")
    word = re.sub(r"(ee|ii)", "i", word)
    word = re.sub(r"(oo|uu)", "u", word)
    return re.sub(r"(.)\1+", r"\1", word)  # doubled letters: "aa" -> "a", "tt" -> "t"


def words(text: str) -> list[str]:
    return _TOKEN.findall(normalise(text))


def tokens(text: str) -> list[str]:
    """Index terms: words without stop words, in their spelling key."""
    return [spelling_key(w) for w in words(text) if w not in STOPWORDS and len(w) > 1]


def numbers(text: str) -> set[str]:
    """Every number in a text, commas dropped and trailing zeros of decimals too:
    '₹1,50,000' -> '150000', '5.50' -> '5.5'."""
    out = set()
    for raw in _NUMBER.findall(text.translate(DEVANAGARI_DIGITS)):
        value = raw.replace(",", "")
        if "." in value:
            value = value.rstrip("0").rstrip(".")
        out.add(value)
    return out
