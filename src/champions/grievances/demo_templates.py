"""The demo grievances' subjects and bodies per category and language, with the slots that
`demo_texts` fills (see there)."""

# category -> language -> list of (subject, body)
TEMPLATES: dict[str, dict[str, list[tuple[str, str]]]] = {
    "delayed_payment": {
        "en": [
            (
                "Payment of {amount} pending for {days} days",
                "We supplied {product} to {buyer}. The invoice of Rs {amount} is unpaid after "
                "{days} days although the MSMED Act allows 45. Our workers' wages are due.",
            ),
            (
                "Buyer not clearing our bills",
                "Bills worth Rs {amount} for {product} are stuck with {buyer} for {days} days. "
                "Please help us recover the money with interest.",
            ),
        ],
        "hi": [
            (
                "{days} दिन से {amount} रुपये का भुगतान बकाया",
                "हमने {buyer} को {product} की आपूर्ति की थी। {amount} रुपये का बिल {days} दिन "
                "बाद भी नहीं चुकाया गया। कारीगरों की मज़दूरी देना मुश्किल हो गया है।",
            ),
        ],
        "hinglish": [
            (
                "Payment {days} din se atka hai",
                "Humne {buyer} ko {product} supply kiya tha, {amount} ka bill abhi tak clear "
                "nahi hua. {days} din ho gaye, please jaldi help kijiye.",
            ),
        ],
    },
    "credit": {
        "en": [
            (
                "Loan under {scheme} not sanctioned",
                "Our application for a loan of Rs {amount} under {scheme} has been with the "
                "bank branch for {days} days without a decision or a reason.",
            ),
            (
                "Bank asking for collateral despite guarantee cover",
                "The bank wants collateral for a working capital loan of Rs {amount} even "
                "though {scheme} cover is available. We make {product}.",
            ),
        ],
        "hi": [
            (
                "{scheme} के तहत ऋण स्वीकृत नहीं हुआ",
                "{amount} रुपये के ऋण का आवेदन {days} दिन से बैंक शाखा में लंबित है। कोई कारण "
                "नहीं बताया जा रहा।",
            ),
        ],
        "hinglish": [
            (
                "Loan file pending hai",
                "{scheme} me {amount} ka loan apply kiya tha, bank {days} din se sirf chakkar "
                "lagwa raha hai. Koi jawab nahi mil raha.",
            ),
        ],
    },
    "subsidy": {
        "en": [
            (
                "Subsidy under {scheme} not released",
                "Our unit making {product} was approved under {scheme}, but the subsidy of Rs "
                "{amount} has not been credited after {days} days.",
            ),
        ],
        "hi": [
            (
                "{scheme} की सब्सिडी जारी नहीं हुई",
                "{scheme} में स्वीकृति के बाद भी {amount} रुपये की सब्सिडी {days} दिन से खाते में नहीं आई।",
            ),
        ],
        "hinglish": [
            (
                "Subsidy abhi tak nahi aayi",
                "{scheme} ki subsidy {amount} sanction ho gayi thi par {days} din se account me "
                "credit nahi hui.",
            ),
        ],
    },
    "raw_material": {
        "en": [
            (
                "Shortage and price rise of raw material",
                "We cannot get raw material for {product} at a fair price; the price rose "
                "sharply in {days} days and orders worth Rs {amount} are at risk.",
            ),
        ],
        "hi": [
            (
                "कच्चे माल की कमी",
                "{product} बनाने का कच्चा माल नहीं मिल रहा, दाम {days} दिन में बहुत बढ़ गए। "
                "{amount} रुपये के ऑर्डर रुके हैं।",
            ),
        ],
        "hinglish": [
            (
                "Raw material ka rate bahut badh gaya",
                "{product} ke liye raw material nahi mil raha, {amount} ke orders ruke hue hain.",
            ),
        ],
    },
    "labour": {
        "en": [
            (
                "Labour inspection harassment",
                "An inspector from {office} keeps visiting our {product} unit and asks for "
                "papers we already filed. Please look into it.",
            ),
        ],
        "hi": [
            (
                "श्रम विभाग से परेशानी",
                "{office} के निरीक्षक बार-बार हमारी इकाई में आते हैं और पहले से जमा कागज़ माँगते हैं।",
            ),
        ],
        "hinglish": [
            (
                "ESI registration ka issue",
                "Workers ka ESI registration {days} din se pending hai, {office} se koi reply "
                "nahi aa raha.",
            ),
        ],
    },
    "licences": {
        "en": [
            (
                "Consent to operate pending",
                "Our renewal of consent to operate from {office} is pending for {days} days; "
                "the {product} unit may have to stop.",
            ),
        ],
        "hi": [
            (
                "लाइसेंस नवीनीकरण लंबित",
                "{office} में हमारा लाइसेंस नवीनीकरण {days} दिन से लंबित है, इकाई बंद होने का खतरा है।",
            ),
        ],
        "hinglish": [
            (
                "Fire NOC nahi mil rahi",
                "Fire NOC ke liye {days} din pehle apply kiya, abhi tak inspection bhi nahi hua.",
            ),
        ],
    },
    "taxation": {
        "en": [
            (
                "GST refund of {amount} held up",
                "Our GST refund of Rs {amount} on exports of {product} is pending with "
                "{office} for {days} days.",
            ),
        ],
        "hi": [
            (
                "जीएसटी रिफंड अटका",
                "{product} के निर्यात पर {amount} रुपये का जीएसटी रिफंड {days} दिन से अटका है।",
            ),
        ],
        "hinglish": [
            (
                "GST refund pending",
                "Export ka GST refund {amount} {days} din se pending hai, cash flow kharab "
                "ho gaya.",
            ),
        ],
    },
    "infrastructure": {
        "en": [
            (
                "Power cuts stopping production",
                "Daily power cuts of several hours in our industrial area stop the {product} "
                "line; {office} has not answered for {days} days.",
            ),
        ],
        "hi": [
            (
                "बिजली कटौती से उत्पादन ठप",
                "औद्योगिक क्षेत्र में रोज़ घंटों बिजली कटौती होती है, {product} का उत्पादन रुक जाता है।",
            ),
        ],
        "hinglish": [
            (
                "Industrial area me paani aur road ki problem",
                "Hamare industrial area me road toot gayi hai aur paani nahi aata, {days} din se "
                "complaint pending hai.",
            ),
        ],
    },
    "procurement": {
        "en": [
            (
                "GeM order payment and rejection",
                "Our {product} delivered through GeM to {buyer} was rejected without a reason "
                "and Rs {amount} is unpaid.",
            ),
        ],
        "hi": [
            (
                "जेम पोर्टल पर भुगतान लंबित",
                "जेम पोर्टल से {buyer} को {product} दिए, {amount} रुपये का भुगतान {days} दिन से बाकी है।",
            ),
        ],
        "hinglish": [
            (
                "Tender me MSE exemption nahi di",
                "{buyer} ke tender me MSE ko EMD exemption nahi diya gaya, humara bid "
                "reject ho gaya.",
            ),
        ],
    },
    "udyam": {
        "en": [
            (
                "Error in Udyam certificate",
                "Our Udyam certificate shows the wrong activity; we make {product}. The "
                "correction request is pending for {days} days.",
            ),
        ],
        "hi": [
            (
                "उद्यम प्रमाणपत्र में गलती",
                "उद्यम प्रमाणपत्र में हमारी गतिविधि गलत दर्ज है, सुधार का अनुरोध {days} दिन से लंबित है।",
            ),
        ],
        "hinglish": [
            (
                "Udyam registration update nahi ho raha",
                "Udyam portal par PAN link karte waqt error aa raha hai, {days} din se try "
                "kar rahe hain.",
            ),
        ],
    },
    "technology": {
        "en": [
            (
                "Testing and certification delay",
                "Our {product} samples sent for certification under {scheme} have not been "
                "tested for {days} days.",
            ),
        ],
        "hi": [
            (
                "प्रमाणन में देरी",
                "{product} के नमूने प्रमाणन के लिए भेजे थे, {days} दिन से जाँच नहीं हुई।",
            ),
        ],
        "hinglish": [
            (
                "Quality certification ka kaam ruka hai",
                "{scheme} me certification ke liye apply kiya, {days} din se koi update nahi.",
            ),
        ],
    },
    "market_access": {
        "en": [
            (
                "Help needed with export documentation",
                "We want to export {product} but the certificate of origin from {office} is "
                "delayed by {days} days.",
            ),
        ],
        "hi": [
            (
                "निर्यात में सहायता",
                "{product} के निर्यात के लिए मूल प्रमाणपत्र {days} दिन से नहीं मिला।",
            ),
        ],
        "hinglish": [
            (
                "Trade fair me stall nahi mila",
                "Trade fair me MSME stall ke liye apply kiya tha, {product} dikhana tha par "
                "allotment nahi hua.",
            ),
        ],
    },
    "other": {
        "en": [
            (
                "No reply from the department",
                "We wrote to {office} {days} days ago about our {product} unit and received no "
                "reply at all.",
            ),
        ],
        "hi": [
            (
                "विभाग से कोई जवाब नहीं",
                "{days} दिन पहले {office} को पत्र लिखा था, अब तक कोई उत्तर नहीं आया।",
            ),
        ],
        "hinglish": [
            (
                "Koi jawab nahi mila",
                "{office} ko {days} din pehle likha tha, koi reply nahi aaya.",
            ),
        ],
    },
}
