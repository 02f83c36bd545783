"""The built-in invitation, reminder and letter texts per language and form of address (*u* or *je*), and
the sentences put into them ({verder}, the letter note, the line for an invitee whose language the
questionnaire lacks).

Texts for respondents are survey content (like the answer scales), not platform UI, so they live here
per language rather than in the Dutch catalog. Choosing and filling a text is
:mod:`survey.fieldwork.messages.placeholders`.
"""

from __future__ import annotations

_NL_U = {
    "invitation": (
        "Uitnodiging: {titel}",
        "Beste heer, mevrouw,\n\n"
        "Wij willen graag weten wat u van de jeugdhulp vindt. Daarom vragen wij u mee te doen aan het "
        "onderzoek „{titel}”. Het kost ongeveer {minuten} minuten.\n\n"
        "Uw antwoorden zijn anoniem. Niemand kan zien wat u hebt geantwoord.\n\n"
        "Doe mee via deze link: {link}\n"
        "Of ga naar {codeadres} en typ deze code: {code}\n"
        "{verder}\n\n"
        "U kunt meedoen tot en met {einddatum}.\n\n"
        "Met vriendelijke groet,\n{organisatie}\n\n"
        "Wilt u geen e-mail meer over dit onderzoek? Meld u dan af: {afmeldlink}\n",
    ),
    "reminder": (
        "Herinnering: {titel}",
        "Beste heer, mevrouw,\n\n"
        "Een tijdje geleden vroegen wij u mee te doen aan het onderzoek „{titel}”. Misschien bent u er nog "
        "niet aan toegekomen. Uw mening helpt ons de jeugdhulp beter te maken.\n\n"
        "Doe mee via deze link: {link}\n"
        "Of ga naar {codeadres} en typ deze code: {code}\n"
        "{verder}\n\n"
        "Hebt u de vragenlijst de laatste dagen al ingevuld? Dan hoeft u niets meer te doen: deze herinnering "
        "kan u dan nog bereiken, omdat wij niet bijhouden wie wanneer heeft geantwoord. Hartelijk dank!\n\n"
        "U kunt meedoen tot en met {einddatum}.\n\n"
        "Met vriendelijke groet,\n{organisatie}\n\n"
        "Wilt u geen e-mail meer over dit onderzoek? Meld u dan af: {afmeldlink}\n",
    ),
    "letter": (
        "Wat vindt u van de jeugdhulp?",
        "Beste heer, mevrouw,\n\n"
        "Wij willen graag weten wat u van de jeugdhulp vindt. Daarom vragen wij u mee te doen aan het "
        "onderzoek „{titel}”. Het kost ongeveer {minuten} minuten.\n\n"
        "Uw antwoorden zijn anoniem. Niemand kan zien wat u hebt geantwoord.\n\n"
        "Scan de QR-code met de camera van uw telefoon. Of ga naar {codeadres} en typ de code {code}.\n"
        "{verder}\n\n"
        "U kunt meedoen tot en met {einddatum}.\n\n"
        "Met vriendelijke groet,\n{organisatie}\n",
    ),
}
_NL_JE = {
    "invitation": (
        "Doe je mee? {titel}",
        "Hoi,\n\n"
        "Wij willen graag weten wat jij van de jeugdhulp vindt. Doe je mee aan het onderzoek „{titel}”? "
        "Het kost ongeveer {minuten} minuten.\n\n"
        "Je antwoorden zijn anoniem. Niemand kan zien wat jij hebt geantwoord. Ook je ouders niet.\n\n"
        "Doe mee via deze link: {link}\n"
        "Of ga naar {codeadres} en typ deze code: {code}\n"
        "{verder}\n\n"
        "Je kunt meedoen tot en met {einddatum}.\n\n"
        "Groet,\n{organisatie}\n\n"
        "Wil je geen e-mail meer over dit onderzoek? Meld je dan af: {afmeldlink}\n",
    ),
    "reminder": (
        "Herinnering: {titel}",
        "Hoi,\n\n"
        "Een tijdje geleden vroegen we je mee te doen aan het onderzoek „{titel}”. Misschien ben je er nog "
        "niet aan toegekomen. Jouw mening helpt ons de hulp beter te maken.\n\n"
        "Doe mee via deze link: {link}\n"
        "Of ga naar {codeadres} en typ deze code: {code}\n"
        "{verder}\n\n"
        "Heb je de vragenlijst de laatste dagen al ingevuld? Dan hoef je niets meer te doen. Je kunt deze "
        "herinnering dan toch krijgen, omdat we niet bijhouden wie wanneer heeft geantwoord. Bedankt!\n\n"
        "Je kunt meedoen tot en met {einddatum}.\n\n"
        "Groet,\n{organisatie}\n\n"
        "Wil je geen e-mail meer over dit onderzoek? Meld je dan af: {afmeldlink}\n",
    ),
    "letter": (
        "Wat vind jij van de hulp?",
        "Hoi,\n\n"
        "Wij willen graag weten wat jij van de jeugdhulp vindt. Doe je mee aan het onderzoek „{titel}”? "
        "Het kost ongeveer {minuten} minuten.\n\n"
        "Je antwoorden zijn anoniem. Niemand kan zien wat jij hebt geantwoord. Ook je ouders niet.\n\n"
        "Scan de QR-code met de camera van je telefoon. Of ga naar {codeadres} en typ de code {code}.\n"
        "{verder}\n\n"
        "Je kunt meedoen tot en met {einddatum}.\n\n"
        "Groet,\n{organisatie}\n",
    ),
}
_EN = {
    "invitation": (
        "Invitation: {titel}",
        "Hello,\n\n"
        "We would like to know what you think of the youth care you received. Please take part in the "
        'survey "{titel}". It takes about {minuten} minutes.\n\n'
        "Your answers are anonymous. Nobody can see what you answered.\n\n"
        "Take part with this link: {link}\n"
        "Or go to {codeadres} and type this code: {code}\n"
        "{verder}\n\n"
        "You can take part until {einddatum}.\n\n"
        "Kind regards,\n{organisatie}\n\n"
        "No more e-mails about this survey? Unsubscribe here: {afmeldlink}\n",
    ),
    "reminder": (
        "Reminder: {titel}",
        "Hello,\n\n"
        'Some time ago we asked you to take part in the survey "{titel}". Perhaps you have not had time '
        "yet. Your opinion helps us improve youth care.\n\n"
        "Take part with this link: {link}\n"
        "Or go to {codeadres} and type this code: {code}\n"
        "{verder}\n\n"
        "Did you fill in the questionnaire in the last few days? Then there is nothing more to do: this "
        "reminder may still reach you, because we do not keep track of who answered when. Thank you!\n\n"
        "You can take part until {einddatum}.\n\n"
        "Kind regards,\n{organisatie}\n\n"
        "No more e-mails about this survey? Unsubscribe here: {afmeldlink}\n",
    ),
    "letter": (
        "What do you think of youth care?",
        "Hello,\n\n"
        "We would like to know what you think of the youth care you received. Please take part in the "
        'survey "{titel}". It takes about {minuten} minutes.\n\n'
        "Your answers are anonymous. Nobody can see what you answered.\n\n"
        "Scan the QR code with the camera of your phone. Or go to {codeadres} and type the code {code}.\n"
        "{verder}\n\n"
        "You can take part until {einddatum}.\n\n"
        "Kind regards,\n{organisatie}\n",
    ),
}


def _from_parts(p: dict) -> dict:
    """The three texts of a language from its sentences (the same build as the English texts)."""
    tail = f"{p['until']}\n\n{p['regards']}\n{{organisatie}}\n"
    links = f"{p['link']}: {{link}}\n{p['code']}\n{{verder}}\n\n"
    return {
        "invitation": (
            p["invitation"],
            f"{p['hello']}\n\n{p['intro']}\n\n{p['anonymous']}\n\n{links}{tail}\n{p['unsubscribe']}: {{afmeldlink}}\n",
        ),
        "reminder": (
            p["reminder"],
            f"{p['hello']}\n\n{p['remind']}\n\n{links}{p['already']}\n\n{tail}\n{p['unsubscribe']}: {{afmeldlink}}\n",
        ),
        "letter": (
            p["letter"],
            f"{p['hello']}\n\n{p['intro']}\n\n{p['anonymous']}\n\n{p['scan']}\n{{verder}}\n\n{tail}",
        ),
    }


#: draft translations, to be checked by a native speaker before use (like the templates' draft languages)
_PARTS = {
    "ar": {
        "invitation": "دعوة: {titel}",
        "reminder": "تذكير: {titel}",
        "letter": "ما رأيك في مساعدة الشباب؟",
        "hello": "مرحبًا،",
        "intro": "نود أن نعرف رأيك في المساعدة التي تلقيتها. نرجو أن تشارك في الاستبيان «{titel}». "
        "يستغرق حوالي {minuten} دقيقة.",
        "remind": "طلبنا منك قبل فترة أن تشارك في الاستبيان «{titel}». ربما لم يتسع لك الوقت بعد. "
        "رأيك يساعدنا على تحسين مساعدة الشباب.",
        "anonymous": "إجاباتك مجهولة الهوية. لا يستطيع أحد أن يرى بماذا أجبت.",
        "link": "شارك عبر هذا الرابط",
        "code": "أو اذهب إلى {codeadres} واكتب هذا الرمز: {code}",
        "scan": "امسح رمز QR بكاميرا هاتفك. أو اذهب إلى {codeadres} واكتب الرمز {code}.",
        "already": "هل ملأت الاستبيان في الأيام الأخيرة؟ إذن لا داعي لفعل أي شيء: قد يصلك هذا التذكير مع ذلك، "
        "لأننا لا نسجل من أجاب ومتى. شكرًا جزيلًا!",
        "until": "يمكنك المشاركة حتى {einddatum}.",
        "regards": "مع أطيب التحيات،",
        "unsubscribe": "لا تريد رسائل أخرى عن هذا الاستبيان؟ ألغِ الاشتراك هنا",
        "continue": "لقد بدأت بالفعل. استخدم الرابط أو رمز QR من رسالتنا الأولى لتكمل من حيث توقفت.",
        "letter_too": "رابطك الشخصي (رمز QR) ورمزك موجودان في الرسالة التي نرسلها إليك بالبريد.",
    },
    "tr": {
        "invitation": "Davet: {titel}",
        "reminder": "Hatırlatma: {titel}",
        "letter": "Gençlik yardımı hakkında ne düşünüyorsunuz?",
        "hello": "Merhaba,",
        "intro": 'Aldığınız gençlik yardımı hakkında ne düşündüğünüzü öğrenmek istiyoruz. Lütfen "{titel}" '
        "anketine katılın. Yaklaşık {minuten} dakika sürer.",
        "remind": 'Bir süre önce sizden "{titel}" anketine katılmanızı istedik. Belki henüz vaktiniz olmadı. '
        "Görüşünüz gençlik yardımını iyileştirmemize yardımcı olur.",
        "anonymous": "Yanıtlarınız anonimdir. Ne yanıtladığınızı kimse göremez.",
        "link": "Bu bağlantıyla katılın",
        "code": "Veya {codeadres} adresine gidip şu kodu yazın: {code}",
        "scan": "QR kodu telefonunuzun kamerasıyla tarayın. Veya {codeadres} adresine gidip {code} kodunu yazın.",
        "already": "Anketi son günlerde doldurdunuz mu? O zaman başka bir şey yapmanıza gerek yok: kimin ne zaman "
        "yanıtladığını kaydetmediğimiz için bu hatırlatma size yine de ulaşabilir. Teşekkür ederiz!",
        "until": "{einddatum} tarihine kadar katılabilirsiniz.",
        "regards": "Saygılarımızla,",
        "unsubscribe": "Bu anketle ilgili başka e-posta almak istemiyor musunuz? Buradan çıkın",
        "continue": "Zaten başladınız. Kaldığınız yerden devam etmek için ilk mesajımızdaki bağlantıyı veya QR "
        "kodu kullanın.",
        "letter_too": "Kişisel bağlantınız (QR kod) ve kodunuz size posta ile gönderdiğimiz mektupta.",
    },
    "pl": {
        "invitation": "Zaproszenie: {titel}",
        "reminder": "Przypomnienie: {titel}",
        "letter": "Co sądzisz o pomocy dla dzieci i młodzieży?",
        "hello": "Dzień dobry,",
        "intro": "Chcemy wiedzieć, co sądzisz o otrzymanej pomocy dla dzieci i młodzieży. Prosimy o udział "
        "w ankiecie „{titel}”. Zajmie to około {minuten} minut.",
        "remind": "Jakiś czas temu poprosiliśmy o udział w ankiecie „{titel}”. Może nie było jeszcze na to czasu. "
        "Twoja opinia pomaga nam ulepszać pomoc dla dzieci i młodzieży.",
        "anonymous": "Twoje odpowiedzi są anonimowe. Nikt nie zobaczy, co odpowiedziano.",
        "link": "Weź udział przez ten link",
        "code": "Albo wejdź na {codeadres} i wpisz ten kod: {code}",
        "scan": "Zeskanuj kod QR aparatem telefonu. Albo wejdź na {codeadres} i wpisz kod {code}.",
        "already": "Czy ankieta została wypełniona w ostatnich dniach? Wtedy nie trzeba już nic robić: to "
        "przypomnienie może i tak dotrzeć, ponieważ nie zapisujemy, kto i kiedy odpowiedział. Dziękujemy!",
        "until": "Udział jest możliwy do {einddatum}.",
        "regards": "Z poważaniem",
        "unsubscribe": "Nie chcesz więcej e-maili o tej ankiecie? Wypisz się tutaj",
        "continue": "Ankieta została już rozpoczęta. Użyj linku lub kodu QR z naszej pierwszej wiadomości, aby "
        "kontynuować tam, gdzie skończono.",
        "letter_too": "Twój osobisty link (kod QR) i kod są w liście, który wysyłamy pocztą.",
    },
    "uk": {
        "invitation": "Запрошення: {titel}",
        "reminder": "Нагадування: {titel}",
        "letter": "Що ви думаєте про допомогу дітям і молоді?",
        "hello": "Доброго дня!",
        "intro": "Ми хочемо знати, що ви думаєте про допомогу дітям і молоді, яку ви отримали. Будь ласка, "
        "візьміть участь в опитуванні «{titel}». Це займе приблизно {minuten} хвилин.",
        "remind": "Нещодавно ми запросили вас узяти участь в опитуванні «{titel}». Можливо, ви ще не встигли. "
        "Ваша думка допомагає нам покращити допомогу дітям і молоді.",
        "anonymous": "Ваші відповіді анонімні. Ніхто не бачить, що ви відповіли.",
        "link": "Візьміть участь за цим посиланням",
        "code": "Або перейдіть на {codeadres} і введіть цей код: {code}",
        "scan": "Відскануйте QR-код камерою телефона. Або перейдіть на {codeadres} і введіть код {code}.",
        "already": "Ви вже заповнили опитування останніми днями? Тоді більше нічого робити не потрібно: це "
        "нагадування все одно може до вас дійти, бо ми не записуємо, хто і коли відповів. Дякуємо!",
        "until": "Взяти участь можна до {einddatum}.",
        "regards": "З повагою,",
        "unsubscribe": "Не хочете більше листів про це опитування? Відпишіться тут",
        "continue": "Ви вже почали. Скористайтеся посиланням або QR-кодом із нашого першого повідомлення, щоб "
        "продовжити з того місця, де зупинилися.",
        "letter_too": "Ваше особисте посилання (QR-код) і код є в листі, який ми надсилаємо вам поштою.",
    },
    "ti": {
        "invitation": "ዕድመ: {titel}",
        "reminder": "መዘኻኸሪ: {titel}",
        "letter": "ብዛዕባ ክንክን መንእሰያት እንታይ ትሓስብ?",
        "hello": "ሰላም፡",
        "intro": "ብዛዕባ ዝረኸብካዮ ክንክን መንእሰያት እንታይ ከም እትሓስብ ክንፈልጥ ንደሊ። በጃኻ ኣብ መሕትት «{titel}» "
        "ተሳተፍ። ኣስታት {minuten} ደቓይቕ ይወስድ።",
        "remind": "ቅድሚ ሒደት ግዜ ኣብ መሕትት «{titel}» ክትሳተፍ ሓቲትናካ ነይርና። ምናልባት ገና ግዜ ኣይረኸብካን። ርእይቶኻ ክንክን መንእሰያት ንምምሕያሽ ይሕግዘና።",
        "anonymous": "መልስታትካ ስም ዘይብሎም እዮም። እንታይ ከም ዝመለስካ ዝኾነ ሰብ ክርኢ ኣይክእልን።",
        "link": "ብዚ ሊንክ ተሳተፍ",
        "code": "ወይ ናብ {codeadres} ኪድ እሞ ነዚ ኮድ ጽሓፍ: {code}",
        "scan": "ነቲ QR ኮድ ብካሜራ ተሌፎንካ ስኣሎ። ወይ ናብ {codeadres} ኪድ እሞ ኮድ {code} ጽሓፍ።",
        "already": "ኣብዘን ዝሓለፋ መዓልታት ነቲ መሕትት መሊእካዮ ዶ? ሽዑ ካልእ ክትገብሮ ዘለካ የብልካን፡ መን መዓስ ከም "
        "ዝመለሰ ስለ ዘይንምዝግብ እዚ መዘኻኸሪ ክበጽሓካ ይኽእል እዩ። የቐንየልና!",
        "until": "ክሳብ {einddatum} ክትሳተፍ ትኽእል ኢኻ።",
        "regards": "ምስ ሰላምታ፡",
        "unsubscribe": "ብዛዕባ እዚ መሕትት ካልእ ኢመይል ክትቅበል ኣይትደልን ዲኻ? ኣብዚ ውጻእ",
        "continue": "ድሮ ጀሚርካ ኢኻ። ካብቲ ደው ዘበልካሉ ንምቕጻል ነቲ ኣብ ቀዳማይ መልእኽትና ዘሎ ሊንክ ወይ QR ኮድ ተጠቐም።",
        "letter_too": "ውልቃዊ ሊንክካ (QR ኮድ) ን ኮድካን ኣብቲ ብፖስታ እንሰደልካ ደብዳበ ኣለዉ።",
    },
    "fa": {
        "invitation": "دعوت: {titel}",
        "reminder": "یادآوری: {titel}",
        "letter": "نظر شما دربارهٔ کمک به کودکان و نوجوانان چیست؟",
        "hello": "سلام،",
        "intro": "می‌خواهیم بدانیم نظر شما دربارهٔ کمکی که به کودکان و نوجوانان دریافت کرده‌اید چیست. لطفاً در "
        "پرسش‌نامهٔ «{titel}» شرکت کنید. حدود {minuten} دقیقه طول می‌کشد.",
        "remind": "چندی پیش از شما خواستیم در پرسش‌نامهٔ «{titel}» شرکت کنید. شاید هنوز فرصت نکرده‌اید. "
        "نظر شما به ما کمک می‌کند کمک به کودکان و نوجوانان را بهتر کنیم.",
        "anonymous": "پاسخ‌های شما ناشناس است. هیچ‌کس نمی‌تواند ببیند شما چه پاسخی داده‌اید.",
        "link": "با این پیوند شرکت کنید",
        "code": "یا به {codeadres} بروید و این کد را بنویسید: {code}",
        "scan": "کد QR را با دوربین تلفن خود اسکن کنید. یا به {codeadres} بروید و کد {code} را بنویسید.",
        "already": "آیا پرسش‌نامه را در روزهای اخیر پر کرده‌اید؟ پس لازم نیست کاری بکنید: این یادآوری ممکن است "
        "باز هم به دستتان برسد، چون ما ثبت نمی‌کنیم چه کسی چه زمانی پاسخ داده است. سپاسگزاریم!",
        "until": "تا {einddatum} می‌توانید شرکت کنید.",
        "regards": "با احترام،",
        "unsubscribe": "ایمیل دیگری دربارهٔ این پرسش‌نامه نمی‌خواهید؟ از اینجا لغو کنید",
        "continue": "شما قبلاً شروع کرده‌اید. با پیوند یا کد QR پیام اول ما از همان جایی که ماندید ادامه دهید.",
        "letter_too": "پیوند شخصی (کد QR) و کد شما در نامه‌ای است که با پست برایتان می‌فرستیم.",
    },
    "so": {
        "invitation": "Martiqaad: {titel}",
        "reminder": "Xusuusin: {titel}",
        "letter": "Maxaad ka qabtaa daryeelka dhallinyarada?",
        "hello": "Salaan,",
        "intro": "Waxaan jeclaan lahayn inaan ogaanno waxa aad ka qabto daryeelka dhallinyarada ee aad heshay. "
        'Fadlan ka qaybqaado cilmi-baarista "{titel}". Waxay qaadanaysaa qiyaastii {minuten} daqiiqo.',
        "remind": 'Muddo ka hor waxaan kaa codsanay inaad ka qaybqaadato cilmi-baarista "{titel}". Malaha weli '
        "wakhti uma helin. Ra'yigaagu wuxuu naga caawinayaa hagaajinta daryeelka dhallinyarada.",
        "anonymous": "Jawaabahaagu waa qarsoodi. Qofna ma arki karo waxa aad ka jawaabtay.",
        "link": "Ku qaybqaado linkigan",
        "code": "Ama tag {codeadres} oo qor koodhkan: {code}",
        "scan": "Ku sawir koodhka QR kamarada telefoonkaaga. Ama tag {codeadres} oo qor koodhka {code}.",
        "already": "Ma buuxisay su'aalaha maalmihii la soo dhaafay? Markaas waxba kuma waajibin: xusuusintan "
        "way ku soo gaari kartaa, sababtoo ah ma diiwaangelinno cidda jawaabtay iyo goorta. Mahadsanid!",
        "until": "Waad ka qaybqaadan kartaa ilaa {einddatum}.",
        "regards": "Salaan diirran,",
        "unsubscribe": "Ma doonaysid iimayl kale oo ku saabsan cilmi-baaristan? Halkan iska saar",
        "continue": "Horey ayaad u bilowday. Isticmaal linkiga ama koodhka QR ee fariintayadii ugu horreysay si aad "
        "uga sii wadato meeshii aad joojisay.",
        "letter_too": "Linkigaaga gaarka ah (koodhka QR) iyo koodhkaaga waxay ku jiraan warqadda aan boostada kuugu "
        "soo dirayno.",
    },
}

DEFAULTS = {
    ("nl", "u"): _NL_U,
    ("nl", "je"): _NL_JE,
    ("en", "u"): _EN,
    ("en", "je"): _EN,
    **{(language, form): _from_parts(parts) for language, parts in _PARTS.items() for form in ("u", "je")},
}
#: the built-in texts not yet checked by a native speaker
DRAFT_LANGUAGES = tuple(_PARTS)

#: what {verder} says to someone who already started (no new link: the first one resumes their answers)
CONTINUE = {
    ("nl", "u"): "U bent al begonnen. Gebruik de link of QR-code uit ons eerste bericht. Dan gaat u verder "
    "waar u was gebleven.",
    ("nl", "je"): "Je bent al begonnen. Gebruik de link of QR-code uit ons eerste bericht. Dan ga je verder "
    "waar je was gebleven.",
    ("en", "u"): "You have already started. Use the link or QR code from our first message to continue "
    "where you stopped.",
    ("en", "je"): "You have already started. Use the link or QR code from our first message to continue "
    "where you stopped.",
    **{(language, form): parts["continue"] for language, parts in _PARTS.items() for form in ("u", "je")},
}


#: the line above a Dutch mail or letter for an invitee whose language the questionnaire does not have
LANGUAGE_NOTE = {
    "en": "We do not have this questionnaire in your language. This message and the questionnaire are in "
    "Dutch. Perhaps someone you know can help you read them.",
    "ar": "هذا الاستبيان غير متوفر بلغتك. هذه الرسالة والاستبيان باللغة الهولندية. "
    "ربما يستطيع شخص تعرفه مساعدتك في قراءتهما.",
    "tr": "Bu anket sizin dilinizde mevcut değil. Bu mesaj ve anket Felemenkçedir. Belki tanıdığınız biri "
    "okumanıza yardım edebilir.",
    "pl": "Nie mamy tej ankiety w Twoim języku. Ta wiadomość i ankieta są po niderlandzku. Może ktoś znajomy "
    "pomoże Ci je przeczytać.",
    "uk": "У нас немає цього опитування вашою мовою. Це повідомлення та опитування нідерландською мовою. "
    "Можливо, хтось із знайомих допоможе вам їх прочитати.",
    "ti": "እዚ መሕትት ብቋንቋኻ የብልናን። እዚ መልእኽትን እቲ መሕትትን ብቋንቋ ሆላንድ እዮም። ምናልባት ዝፈልጦ ሰብ ከንብቦም ክሕግዘካ ይኽእል።",
    "fa": "این پرسش‌نامه به زبان شما موجود نیست. این پیام و پرسش‌نامه به زبان هلندی است. شاید کسی که "
    "می‌شناسید بتواند در خواندن آن‌ها به شما کمک کند.",
    "so": "Su'aalahan kuma hayno luqaddaada. Fariintan iyo su'aalahaba waxay ku qoran yihiin luqadda Nederlandka. "
    "Malaha qof aad taqaanno ayaa kaa caawin kara akhrintooda.",
    "de": "Diesen Fragebogen gibt es nicht in Ihrer Sprache. Diese Nachricht und der Fragebogen sind auf "
    "Niederländisch. Vielleicht kann Ihnen jemand beim Lesen helfen.",
    "fr": "Ce questionnaire n'existe pas dans votre langue. Ce message et le questionnaire sont en "
    "néerlandais. Quelqu'un de votre entourage peut peut-être vous aider à les lire.",
}

#: an e-mail to an invitee who also gets a letter: the link and code are only in the letter
LETTER = {
    ("nl", "u"): "Uw persoonlijke link (QR-code) en code staan in de brief die u per post krijgt.",
    ("nl", "je"): "Je persoonlijke link (QR-code) en code staan in de brief die je per post krijgt.",
    ("en", "u"): "Your personal link (QR code) and code are in the letter we send you by post.",
    ("en", "je"): "Your personal link (QR code) and code are in the letter we send you by post.",
    **{(language, form): parts["letter_too"] for language, parts in _PARTS.items() for form in ("u", "je")},
}
