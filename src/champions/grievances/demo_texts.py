"""Texts of the demo grievances: templates with slots, written for this product (English, Hindi
and Hinglish), so that the queues, the triage and the dashboards have something to show.

Each category has a few subjects and bodies per language (`demo_templates.TEMPLATES`);
`{amount}`, `{days}`, `{buyer}`, `{office}`, `{product}` and `{scheme}` are filled from the
lists below. No real person or grievance is quoted.
"""

SLOTS = {
    "amount": ["2.4 lakh", "85,000", "6.7 lakh", "12 lakh", "3,40,000", "1.1 crore", "48,500"],
    "days": ["45", "60", "90", "120", "75", "150"],
    "buyer": [
        "a state power utility",
        "a central public sector undertaking",
        "the district hospital",
        "a large automobile company",
        "a railway workshop",
        "a municipal corporation",
    ],
    "office": [
        "the District Industries Centre",
        "the GST office",
        "the pollution control board",
        "the electricity distribution company",
        "the bank branch",
        "the labour department",
    ],
    "product": [
        "steel fasteners",
        "cotton yarn",
        "packaged spices",
        "PVC pipes",
        "LED lights",
        "handloom sarees",
        "auto parts",
        "printed cartons",
    ],
    "scheme": ["PMEGP", "CGTMSE", "PM Vishwakarma", "ZED", "MSE-CDP"],
}
# Hindi texts take Hindi words for the same slots.
SLOTS_HI = {
    **SLOTS,
    "amount": ["2.4 लाख", "85,000", "6.7 लाख", "12 लाख", "3,40,000", "1.1 करोड़", "48,500"],
    "buyer": ["राज्य बिजली कंपनी", "एक केंद्रीय सार्वजनिक उपक्रम", "ज़िला अस्पताल", "नगर निगम"],
    "office": ["ज़िला उद्योग केंद्र", "जीएसटी कार्यालय", "प्रदूषण नियंत्रण बोर्ड", "श्रम विभाग"],
    "product": ["स्टील के नट-बोल्ट", "सूती धागा", "पैक मसाले", "पीवीसी पाइप", "हथकरघा साड़ियाँ"],
}

SUGGESTIONS = {
    "en": [
        (
            "Suggestion: one window for all MSME approvals",
            "A single online window for consent, fire NOC and factory licence would save "
            "small units like ours weeks.",
        ),
    ],
    "hi": [
        (
            "सुझाव: भुगतान की ऑनलाइन स्थिति",
            "सरकारी खरीदारों के भुगतान की स्थिति ऑनलाइन दिखे तो छोटे उद्यमों को बहुत मदद होगी।",
        ),
    ],
    "hinglish": [
        (
            "Suggestion: Hindi me helpline",
            "Helpline par Hindi me baat karne wale officer hon to gaon ke udyami aasani se "
            "complaint kar payenge.",
        ),
    ],
}

REPLIES = {
    "assign": {
        "en": "Your grievance has been taken up by an officer of the control room.",
        "hi": "आपकी शिकायत नियंत्रण कक्ष के एक अधिकारी ने ले ली है।",
        "hinglish": "Aapki complaint control room ke officer ne le li hai.",
    },
    "ask_msme": {
        "en": "Please upload a copy of the invoice and the purchase order.",
        "hi": "कृपया बिल और खरीद आदेश की प्रति अपलोड करें।",
        "hinglish": "Please invoice aur purchase order ki copy upload kijiye.",
    },
    "msme_reply": {
        "en": "Uploaded the documents as asked. Thank you.",
        "hi": "माँगे गए दस्तावेज़ अपलोड कर दिए हैं। धन्यवाद।",
        "hinglish": "Documents upload kar diye hain, thank you.",
    },
    "resolve": {
        "en": "We took this up with {office}; the matter is settled and you should hear from "
        "them within a week.",
        "hi": "हमने {office} से बात की; मामला सुलझ गया है और एक सप्ताह में आपको सूचना मिलेगी।",
        "hinglish": "Humne {office} se baat ki, matter solve ho gaya hai, ek hafte me "
        "update milega.",
    },
    "refer": {
        "en": "This is for {office} to decide; we have referred it there with our note.",
        "hi": "यह मामला {office} के निर्णय का है; हमने इसे टिप्पणी के साथ वहाँ भेज दिया है।",
        "hinglish": "Ye matter {office} ka hai, humne note ke saath wahan bhej diya hai.",
    },
    "appeal": {
        "en": "The problem is not solved; the payment has still not come.",
        "hi": "समस्या हल नहीं हुई; भुगतान अभी तक नहीं आया।",
        "hinglish": "Problem solve nahi hui, payment abhi bhi nahi aaya.",
    },
    "decide_appeal": {
        "en": "The appellate officer has reviewed the case and directed {office} to act "
        "within 15 days.",
        "hi": "अपीलीय अधिकारी ने मामले की समीक्षा कर {office} को 15 दिन में कार्रवाई का निर्देश दिया।",
        "hinglish": "Appellate officer ne case dekh kar {office} ko 15 din me action lene ko kaha.",
    },
}

FIRST_NAMES = [
    "Ramesh", "Priya", "Suresh", "Anjali", "Mohammed", "Lakshmi", "Gurpreet", "Kavita",
    "Arjun", "Fatima", "Vijay", "Deepa", "Sanjay", "Meena", "Imran", "Rekha", "Harish", "Nisha",
]  # fmt: skip
LAST_NAMES = [
    "Sharma", "Reddy", "Patel", "Nair", "Khan", "Singh", "Das", "Iyer", "Yadav", "Joshi",
    "Gupta", "Bhat", "Kaur", "Mishra", "Naidu", "Ghosh",
]  # fmt: skip
