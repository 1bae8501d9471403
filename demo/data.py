"""What the five seed documents (../shared/seeds/) state, as data for `load_demo`.

Only facts the seeds state are recorded here; where a seed is vague ("late 2017",
"May 2019", "2022 [TBD]") the date precision says so instead of inventing a day.
Names are given in English and, where the name is a proper name, in Korean, Simplified
Chinese and Japanese. Everything invented for demonstration is in samples.py and
flagged `is_sample`.
"""

from datetime import date, time

SEEDS = {
    "cjk": "seed 000: MOFA, Korea-Japan-China Trilateral Cooperation Workshop for Public Officials",
    "hom": "seed 001: MOFA press release, 2018 Meeting of Heads of Overseas Diplomatic Missions",
    "gaok": "seed 002: GAOK, Local Government International Affairs",
    "taipei": "seed 003: Taipei City Government, MOU with Gyeonggi Province",
    "asean": "seed 004: MOIS, ASEAN-ROK Exhibition and Ministerial Roundtable 2019",
}

# slug: (kind, country, acronym, parent slug, {lang: name}, native name)
ORGANIZATIONS = {
    "mofa": (
        "ministry",
        "KR",
        "MOFA",
        None,
        {"en": "Ministry of Foreign Affairs", "ko": "외교부", "zh_hans": "韩国外交部", "ja": "韓国外交部"},
        "외교부",
    ),
    "mois": (
        "ministry",
        "KR",
        "MOIS",
        None,
        {
            "en": "Ministry of the Interior and Safety",
            "ko": "행정안전부",
            "zh_hans": "韩国行政安全部",
            "ja": "韓国行政安全部",
        },
        "행정안전부",
    ),
    "gaok": (
        "association",
        "KR",
        "GAOK",
        None,
        {
            "en": "Governors Association of Korea",
            "ko": "대한민국시도지사협의회",
            "zh_hans": "韩国市道知事协议会",
            "ja": "韓国市道知事協議会",
        },
        "대한민국시도지사협의회",
    ),
    "tcs": (
        "secretariat",
        "KR",
        "TCS",
        None,
        {
            "en": "Trilateral Cooperation Secretariat",
            "ko": "한중일3국협력사무국",
            "zh_hans": "中日韩三国合作秘书处",
            "ja": "日中韓三国協力事務局",
        },
        "",
    ),
    "gyeonggi": (
        "province",
        "KR",
        "",
        None,
        {"en": "Gyeonggi Province", "ko": "경기도", "zh_hans": "京畿道", "ja": "京畿道"},
        "경기도",
    ),
    "gyeonggi-hrdi": (
        "institute",
        "KR",
        "",
        "gyeonggi",
        {
            "en": "Gyeonggi Provincial Human Resource Development Institute",
            "ko": "경기도인재개발원",
            "zh_hans": "京畿道人才开发院",
            "ja": "京畿道人材開発院",
        },
        "경기도인재개발원",
    ),
    "taipei": (
        "foreign_local",
        "TW",
        "",
        None,
        {"en": "Taipei City Government", "ko": "타이베이시정부", "zh_hans": "台北市政府", "ja": "台北市政府"},
        "臺北市政府",
    ),
    "taipei-dcsd": (
        "institute",
        "TW",
        "",
        "taipei",
        {
            "en": "Taipei Department of Civil Servant Development",
            "ko": "타이베이시 공무원발전처",
            "zh_hans": "台北市政府公务人员发展处",
            "ja": "台北市政府公務人員発展処",
        },
        "",
    ),
    "busan": (
        "city",
        "KR",
        "",
        None,
        {"en": "Busan Metropolitan City", "ko": "부산광역시", "zh_hans": "釜山广域市", "ja": "釜山広域市"},
        "부산광역시",
    ),
}

GAOK_PROGRAMS = [
    # slug, kind, {lang: name}, summary, schedule, audience, description, extra fields
    (
        "online-bureau",
        "service",
        {"en": "Online Bureau", "ko": "온라인 사무소", "zh_hans": "在线办事处", "ja": "オンライン事務所"},
        "To quickly deal with glocalization tasks of local governments online and provide various services regardless of time difference and place.",
        "Year-round (24/7 services)",
        "Local governments",
        "Services: interpretation and translation, international exchange, overseas visit arrangement, information request, "
        "general inquiries. Process: 1. request service; 2. wait to be registered; 3. assigned to the relevant department "
        "(immediately); 4. assigned to the relevant staff (immediately); 5. mid-response (immediate response); 6. final response. "
        "When a request cannot proceed immediately upon registration, the local government is notified by the mid-response.",
        {},
    ),
    (
        "coaching",
        "coaching",
        {
            "en": "Coaching Service on International Exchange",
            "ko": "국제교류 컨설팅",
            "zh_hans": "国际交流辅导服务",
            "ja": "国際交流コーチングサービス",
        },
        "Strengthen the international capabilities of local governments by providing vitalizing plans and alternatives about the "
        "exchange area, method and content most suitable for carrying out the best international exchange.",
        "Twice a year",
        "Local governments (city, county, district)",
        "Theme: local government international affairs. Content: individual coaching provided by experts on the chosen theme.",
        {},
    ),
    (
        "k2h",
        "training",
        {
            "en": "Training Program for Foreign Public Officials (K2H Program)",
            "ko": "외국 공무원 초청연수 (K2H 프로그램)",
            "zh_hans": "外国公务员培训项目（K2H项目）",
            "ja": "外国公務員招へい研修（K2Hプログラム）",
        },
        "Invitation program for foreign public officials of local governments that currently are or are willing to cooperate "
        "with Korean local governments; fostering a new generation of public officials who will play a pivotal role in "
        "international exchanges among local governments of Korea and foreign countries through understanding Korea and "
        "Korean local administration.",
        "April ~ October (6 months)",
        "60 public officials from foreign local governments (English or Korean speakers)",
        "Program: pre-training, local government program, certification ceremony, etc. "
        "Hosts: Governors Association of Korea and Korean local governments.",
        {"typical_capacity": 60, "languages": ["en", "ko"], "excluded_countries": ["KR"]},
    ),
    (
        "kcj-local-governments-conference",
        "conference",
        {
            "en": "Korea-China-Japan Local Governments Conference",
            "ko": "한중일 지방정부 교류회의",
            "zh_hans": "中日韩地方政府交流会议",
            "ja": "日中韓地方政府交流会議",
        },
        "To provide a platform to proceed with practical exchange projects and cooperative networks among Korean, Chinese and "
        "Japanese local governments.",
        "August ~ September (four days), annually",
        "Korea, China and Japan local governments",
        "Venue: on a rotation basis among the three countries. Content: presentations, sharing of best practices, discussion "
        "and exchange of information on local government cooperation.",
        {"typical_duration_days": 4, "eligible_countries": ["KR", "CN", "JP"]},
    ),
    (
        "partner-network",
        "network",
        {
            "en": "Network with International and Domestic Partners",
            "ko": "국내외 협력 네트워크",
            "zh_hans": "国内外合作伙伴网络",
            "ja": "国内外パートナーネットワーク",
        },
        "To facilitate local governments' international cooperation by attaining domestic and overseas footholds for "
        "successfully conducting the internationalization practices of local governments.",
        "",
        "Local government associations and overseas offices abroad; foreign missions in Korea and foreign advisories",
        "Content: find new international projects; strengthen international exchange programs of local governments; "
        "informational cooperation through the network. Utilization: projects supporting international activities of local "
        "governments; reference for creating new projects; collecting best practices of foreign local government administration.",
        {"is_recurring": False},
    ),
    (
        "overseas-training",
        "overseas_training",
        {
            "en": "Overseas Training Program for Korean Local Public Officials",
            "ko": "지방공무원 해외연수",
            "zh_hans": "韩国地方公务员海外研修",
            "ja": "韓国地方公務員海外研修",
        },
        "To enhance the international competitiveness of local governments by empowering the glocal capacity of local public officials.",
        "",
        "Local public officials",
        "Destination: based on the best practices of foreign local governments. Activity: visits to foreign local governments "
        "to benchmark best practices.",
        {"eligible_countries": ["KR"]},
    ),
    (
        "speech-contest",
        "contest",
        {
            "en": "Foreign Language Speech Contest for Local Public Officials",
            "ko": "지방공무원 외국어 말하기 대회",
            "zh_hans": "地方公务员外语演讲比赛",
            "ja": "地方公務員外国語スピーチコンテスト",
        },
        "To improve the language skills of the local public officials who will most likely lead the internationalization of "
        "their regional area in the era of globalization.",
        "",
        "Local public officials (administrative level 5 and below)",
        "Languages: English, Chinese, Japanese. The finals contest is held only with those who pass the preliminary rounds.",
        {"top_admin_level": 5, "languages": ["en", "zh", "ja"], "eligible_countries": ["KR"]},
    ),
    (
        "best-practices-research",
        "research",
        {
            "en": "Research Foreign Best Practices",
            "ko": "해외 우수사례 조사",
            "zh_hans": "海外优秀案例研究",
            "ja": "海外優良事例調査",
        },
        "Research and disseminate foreign best practices to Korean local governments as a reference for developing Korean "
        "local administration and strengthening competitiveness.",
        "",
        "Korean local governments",
        "Areas of research: general administration, financial issues, cultural tourism, transportation, environment, welfare, "
        "health, female youth, multi-cultural society, economic industry, employment and labor, farming, fishing and dairy, "
        "construction technology, fire prevention, local conferences, enactment of regulations, domestic local best practices.",
        {"is_recurring": False},
    ),
    (
        "international-exchange-officials-workshop",
        "workshop",
        {
            "en": "Workshop of Local Officials in charge of International Exchange",
            "ko": "국제교류 담당공무원 워크숍",
            "zh_hans": "国际交流负责公务员研讨会",
            "ja": "国際交流担当公務員ワークショップ",
        },
        "To introduce the international works and projects conducted by the association and provide a platform where GAOK and "
        "local governments, and municipalities among themselves, can share information.",
        "March, annually",
        "Local public officials in charge of international affairs",
        "Main content: introduction of the association's work, lectures on glocalization, etc.",
        {"eligible_countries": ["KR"]},
    ),
    (
        "academy",
        "academy",
        {
            "en": "Academy for International Affairs",
            "ko": "국제관계 아카데미",
            "zh_hans": "国际事务学院",
            "ja": "国際関係アカデミー",
        },
        "To build a foundation for the internationalization of local areas by nurturing talented people in the international field.",
        "Twice a year",
        "Local public officials at the working level",
        "Content: international protocol and etiquette, analysis of best and failure practices of international exchanges, "
        "international events, successful ways of international exchange among cities and vitalizing exchanges among sister cities.",
        {"eligible_countries": ["KR"]},
    ),
    (
        "glocalization-lecturing",
        "lecture",
        {
            "en": "Glocalization Lecturing",
            "ko": "글로컬 순회 강연",
            "zh_hans": "全球本土化讲座",
            "ja": "グローカル巡回講演",
        },
        "To facilitate the internationalization of local areas by raising the awareness of local public officials, and to draw "
        "attention and encourage participation through the promotion of the association's internationalization support projects.",
        "",
        "12 local governments (flexible depending on demand from local municipalities)",
        "Venue: decided by each local municipality. Lecture theme: overall tasks for internationalization by local "
        "municipalities (examples: international etiquette, protocol, international relations, vitalizing local festivals).",
        {},
    ),
    (
        "exchange-forum",
        "forum",
        {
            "en": "Forum for Vitalizing International Exchange",
            "ko": "국제교류 활성화 포럼",
            "zh_hans": "国际交流活性化论坛",
            "ja": "国際交流活性化フォーラム",
        },
        "To find practical alternatives for the issues and problems local governments face when promoting projects on "
        "international relations.",
        "",
        "International relations officials of local municipalities, academia and civic experts in international relations",
        "Subject: a timely theme related to international relations among local governments. Main content: presentations and "
        "debate by experts, Q&A session.",
        {},
    ),
]

K2H_COST_SHARES = [
    # payer slug, {lang: role}, covers, monthly allowance
    (
        "gaok",
        {"en": "Governors Association of Korea", "ko": "대한민국시도지사협의회"},
        "Pre-training expenses, medical and accident insurance, living expenses",
        400_000,
    ),
    (
        None,
        {"en": "Host Korean local government", "ko": "연수 지방자치단체"},
        "Accommodation, living expenses",
        400_000,
    ),
]
K2H_ALLOWANCE_NOTE = 'The seed prints "4,00,000 won / monthly"; read as 400,000 KRW.'

CJK_PROGRAM = {
    "slug": "cjk-trilateral-workshop",
    "kind": "workshop",
    "since_year": 2012,
    "names": {
        "en": "Korea-Japan-China Trilateral Cooperation Workshop for Public Officials",
        "ko": "한일중 3국 공무원 교류 워크숍",
        "zh_hans": "韩日中三国公务员合作研讨会",
        "ja": "日韓中三国協力公務員ワークショップ",
    },
    "summary": (
        "A platform of exchange for young CJK local public officials hosted by the Korea Ministry of Foreign Affairs. "
        "Objectives: (1) to increase understanding of CJK trilateral cooperation; (2) to exchange opinions at the local "
        "government level on measures to develop cooperation among the three countries; (3) to build a network among the "
        "three countries' public officials."
    ),
    "audience": (
        "Korean local public officials engaged in international cooperation, and Chinese and Japanese public officials "
        "working or receiving training in Korea, most of them young officials dispatched from regions that have sister or "
        "friendship relations with Korean counterparts."
    ),
    "schedule": "Yearly, since 2012",
    "eligible_countries": ["KR", "CN", "JP"],
}

# number, start date, precision, location, details
CJK_EDITIONS = [
    (
        1,
        date(2012, 12, 1),
        "month",
        "Seoul, Korea",
        "Discussions on measures to develop cooperation among CJK through cooperation between local governments. "
        "Introducing the current status of trilateral cooperation between local governments.",
    ),
    (
        2,
        date(2013, 9, 1),
        "month",
        "Seoul, Korea",
        "Introduction of the current status of trilateral cooperation among CJK. Presentations on trilateral cooperation "
        "programs conducted by each local government. Group discussion sessions and presentations on trilateral cooperation "
        "policies. Culture events.",
    ),
    (
        3,
        date(2014, 5, 1),
        "month",
        "Gyeongju, Korea",
        "Introduction of the current status and the focal point of trilateral cooperation among CJK: introduction of the "
        "tasks and functions of the TCS; presentations on the cases of trilateral exchange among CJK public officials; "
        "lectures on culture.",
    ),
    (
        4,
        date(2016, 6, 1),
        "month",
        "Pyeongchang, Gangwon, Korea",
        "Introduction of the current status of trilateral cooperation among CJK and the TCS. Group discussion sessions and "
        "presentations on the cases of trilateral exchange among CJK public officials. Introduction of the status of "
        "preparation for the Pyeongchang Winter Olympics.",
    ),
    (
        5,
        date(2017, 6, 1),
        "month",
        "Gwangju, Gyeonggi, Korea",
        "Introduction of the current status of trilateral cooperation among CJK and the TCS. Presentations on the cases of "
        "exchange among CJK public officials. Lectures on the cultures of CJK.",
    ),
    (
        6,
        date(2018, 10, 1),
        "month",
        "Gangneung and Sokcho, Gangwon, Korea",
        "Introduction of the current status of trilateral cooperation among CJK and the TCS. Presentations on the cases of "
        "exchange among CJK public officials, and cultural performances. Programs on experiencing and exploring traditional "
        "cultures.",
    ),
    (
        7,
        date(2019, 5, 1),
        "month",
        "Gyeongju, Korea",
        "Introduction of the current status of trilateral cooperation among CJK and the TCS. Lectures on trilateral "
        "cooperation. Presentations on the cases of exchange among CJK public officials. Watching cultural performances and "
        "cultural experience. A two-day workshop.",
    ),
    (8, None, "tbd", "", "TBD (planned for 2022)"),
]

CJK_7TH_AGENDA = [
    (
        "lecture",
        "The Current Status of CJK Cooperation and the TCS",
        "YAMAMOTO Yasushi",
        "then Deputy Secretary-General of the Trilateral Cooperation Secretariat (TCS)",
        "",
    ),
    (
        "lecture",
        "Differences in the Cultures of CJK",
        "Dr. CHUNG Sang Ki",
        "former Korea Ambassador for Northeast Asia Cooperation",
        "",
    ),
    (
        "case_presentation",
        "Presentations on cases of CJK cooperation",
        "",
        "",
        "Presentations by Chinese, Japanese and Korean public officials.",
    ),
    ("cultural_performance", "Cultural performances", "", "", ""),
    ("cultural_experience", "Culture experience program", "", "", ""),
]
CJK_7TH_PARTICIPATION = {"CN": 35, "JP": 15, "KR": 38}

HEADS_OF_MISSIONS = {
    "program": {
        "slug": "heads-of-missions-meeting",
        "names": {
            "en": "Meeting of Heads of Overseas Diplomatic Missions",
            "ko": "재외공관장회의",
            "zh_hans": "驻外使节会议",
            "ja": "在外公館長会議",
        },
        "summary": "The meeting of the heads of the Republic of Korea's overseas diplomatic missions, ambassadors and consuls-general.",
    },
    "occurrence": {
        "slug": "heads-of-missions-2018",
        "titles": {
            "en": "2018 Meeting of Heads of Overseas Diplomatic Missions",
            "ko": "2018 재외공관장회의",
            "zh_hans": "2018年驻外使节会议",
            "ja": "2018年在外公館長会議",
        },
        "theme": "Building a peaceful and prosperous Korean Peninsula together with the people",
        "start": date(2018, 12, 10),
        "end": date(2018, 12, 14),
        "details": (
            "Brings together 181 mission heads, including the Ambassadors and the Consuls-General. Three main topics, "
            "dialogue with young Koreans seeking to build presence abroad, one-on-one meetings with entrepreneurs, visits "
            "to sites of new growth engine industries; joined by the Ministry's college student supporters and "
            '"journalists for diplomacy with the people".'
        ),
        "mission_heads": 181,
    },
    "agenda": [
        (
            "theme",
            "New frontier diplomacy",
            "",
            "",
            "Implementing diplomatic diversification policies, including the New Southern and Northern Policies, and key "
            "economic policies, including supporting those seeking jobs abroad.",
        ),
        (
            "theme",
            "Diplomacy for peace and shared prosperity on the Korean Peninsula",
            "",
            "",
            "The role of the Foreign Ministry toward complete denuclearization and permanent peace on the Korean Peninsula.",
        ),
        (
            "theme",
            "Diplomacy together with the people",
            "",
            "",
            "Better protection of overseas Koreans, public diplomacy, and diplomacy together with the people.",
        ),
        (
            "special_lecture",
            "A new era, new communication",
            "Yoon Young-chan",
            "Presidential Senior Secretary for Public Relations",
            "",
        ),
        (
            "special_lecture",
            "The direction of the ROK government's anti-corruption policy",
            "Pak Un-jong",
            "Chair of the Anti-Corruption and Civil Rights Commission",
            "",
        ),
        (
            "lecture",
            "Lecture and question-and-answer session on economic policy",
            "Yoon Jong-won",
            "Cheong Wa Dae Senior Secretary for Economic Affairs",
            'The role overseas missions should play in creating "an inclusive country where everyone is better off".',
        ),
        (
            "lecture",
            "Policy direction for denuclearization and peace on the Korean Peninsula",
            "Chung Eui-yong",
            "Director of the National Security Office of Cheong Wa Dae",
            "",
        ),
        (
            "special_lecture",
            "Government innovation toward an inclusive nation",
            "Kim Boo-kyum",
            "Minister of the Interior and Safety",
            "Session on the Foreign Ministry innovation.",
        ),
        (
            "group_discussion",
            "Group discussions on new frontier diplomacy",
            "",
            "",
            "Implementing the New Southern and Northern Policies; supporting bids to seek jobs abroad; diplomacy toward Latin "
            "America; responding to economic confrontations in the international community; supporting the new climate regime.",
        ),
        (
            "group_discussion",
            "Group discussions on peace on the Korean Peninsula",
            "",
            "",
            "Winning cooperation from the international community in moving inter-Korean relations forward; diplomatic efforts "
            "to achieve complete denuclearization and establish a peace regime.",
        ),
        ("dialogue", "Dialogue with young Koreans seeking to build presence abroad", "", "", ""),
        ("bilateral_meeting", "One-on-one meetings with entrepreneurs", "", "", ""),
        ("site_visit", "Visits to sites of new growth engine industries", "", "", ""),
    ],
}

ASEAN = {
    "program": {
        "slug": "asean-rok-roundtable",
        "names": {
            "en": "ASEAN-ROK Ministerial Roundtable on Public Service Innovation",
            "ko": "한-아세안 공공행정 혁신 장관 라운드테이블",
            "zh_hans": "东盟-韩国公共服务创新部长圆桌会议",
            "ja": "ASEAN-韓国公共サービス革新閣僚円卓会議",
        },
        "summary": "Ministers in charge of public service innovation in Korea and the ASEAN member states discuss best "
        "practices and further cooperation.",
    },
    "first": {
        "slug": "asean-rok-roundtable-2014",
        "number": 1,
        "year": 2014,
        "titles": {"en": "1st ASEAN-ROK Ministerial Roundtable on Public Service Innovation (2014)"},
    },
    "second": {
        "slug": "asean-rok-roundtable-2019",
        "number": 2,
        "titles": {
            "en": "ASEAN-ROK Exhibition and Ministerial Roundtable on Public Service Innovation 2019",
            "ko": "2019 한-아세안 공공행정 혁신 전시회 및 장관 라운드테이블",
        },
        "theme": "Building better governance: bringing better future for all",
        "start": date(2019, 11, 25),
        "end": date(2019, 11, 27),
        "location": "Busan, Korea",
        "venue": "Busan Exhibition and Convention Center (BEXCO)",
        "details": (
            "Held on the sidelines of the 2019 ASEAN-ROK Commemorative Summit (25-26 November) celebrating the 30th "
            "anniversary of the ASEAN-ROK dialogue partnership. Over 150 ASEAN officials and students studying in Korea "
            "attend the roundtable. Exhibition theme: the 3Ps, People, Peace and Prosperity."
        ),
    },
    "agenda": [
        # kind, title, day, start, end, description, speaker, speaker title
        (
            "exhibition",
            "Public Service Innovation Exhibit",
            date(2019, 11, 25),
            None,
            None,
            "The Korean government's innovative public services using 4th industrial revolution technology: a disaster "
            "response system on 5G networks, Busan's electronic customs clearance and IoT smart traffic systems, automated "
            "immigration checks. With the Ministry of Health and Welfare, the Ministry of Education, Busan Metropolitan City "
            "and the Korea Foundation for International Healthcare, among others.",
            "",
            "",
        ),
        (
            "exhibition",
            "ASEAN Exhibit",
            date(2019, 11, 25),
            None,
            None,
            "Innovative public services of the ten ASEAN member states, such as Thailand's online Biz Portal, Indonesia's "
            "complaint management platform and Myanmar's participatory development policy.",
            "",
            "",
        ),
        (
            "bilateral_meeting",
            "Bilateral meeting with Vietnam",
            date(2019, 11, 25),
            None,
            None,
            "",
            "Chin Young",
            "Minister of the Interior and Safety",
        ),
        (
            "bilateral_meeting",
            "Bilateral meeting with Indonesia",
            date(2019, 11, 25),
            None,
            None,
            "",
            "Chin Young",
            "Minister of the Interior and Safety",
        ),
        (
            "bilateral_meeting",
            "Bilateral meeting with Cambodia",
            date(2019, 11, 25),
            None,
            None,
            "",
            "Chin Young",
            "Minister of the Interior and Safety",
        ),
        (
            "bilateral_meeting",
            "Bilateral meeting with Laos",
            date(2019, 11, 25),
            None,
            None,
            "",
            "Chin Young",
            "Minister of the Interior and Safety",
        ),
        (
            "session",
            "Session 1: Citizen Engagement and Government Innovation",
            date(2019, 11, 26),
            None,
            None,
            "Presentations on participating countries' public service innovation, then discussion.",
            "",
            "",
        ),
        (
            "session",
            "Session 2: Digital Technologies and Public Services",
            date(2019, 11, 26),
            None,
            None,
            "Presentations on participating countries' public service innovation, then discussion.",
            "",
            "",
        ),
        (
            "session",
            "Session 3: Capacity-Building of Local Government and Regional Development",
            date(2019, 11, 26),
            None,
            None,
            "Presentations on participating countries' public service innovation, then discussion.",
            "",
            "",
        ),
    ],
    "roundtable_hours": (time(9, 40), time(17, 20)),
    "delegations": [
        ("ID", "Tjahjo Kumolo", "Minister of Administrative and Bureaucratic Reform"),
        ("LA", "Khammanh Sounvileuth", "Minister of Home Affairs"),
    ],
    # The ten member states the seed lists, with the year each joined ASEAN.
    "members": {
        "BN": 1994,
        "KH": 1999,
        "ID": 1967,
        "LA": 1997,
        "MY": 1967,
        "MM": 1997,
        "PH": 1967,
        "SG": 1967,
        "TH": 1967,
        "VN": 1995,
    },
}

TAIPEI_GYEONGGI = {
    "program": {
        "slug": "taipei-gyeonggi-exchange",
        "names": {
            "en": "Taipei-Gyeonggi Civil Servant Exchange",
            "ko": "타이베이-경기도 공무원 교류",
            "zh_hans": "台北-京畿道公务员交流",
            "ja": "台北・京畿道公務員交流",
        },
        "summary": "Civil servants from each side observe the partner's municipal administration and share their "
        "observations; the direction alternates every year.",
    },
    "friendship": {
        "slug": "taipei-gyeonggi-friendship-2000",
        "title": "Taipei City - Gyeonggi Province Friendship MOU",
        "signed_on": date(2000, 6, 1),
        "description": "Taipei has been friendly with partner city Gyeonggi Province since they signed a friendship MOU in "
        "June 2000. In 2015 Ex-Deputy Governor Soo-Young Park called on Ex-Deputy Mayor Zhou Li-Fang to "
        "find ways to engage in more substantive collaboration and exchange.",
    },
    "exchange_mou": {
        "slug": "taipei-gyeonggi-exchange-mou-2017",
        "title": "Civil Servants Exchange and Training MOU",
        "signed_on": date(2017, 9, 26),
        "description": "Signed in the presence of Mayor Ko Wen-je. The first exchange group is from Taipei City "
        "Government: 15 civil servants to the Gyeonggi Provincial Human Resource Development Institute for "
        "a two-week programme in late 2017; the next year Gyeonggi Province sends trainees to Taipei's "
        "Department of Civil Servant Development, and the exchange continues to alternate.",
        "cohort_size": 15,
        "cohort_duration_days": 14,
        "first_exchange_year": 2017,
        "signatories": [
            (
                "signatory",
                "Kim Bok Ho",
                "Director, Gyeonggi Provincial Human Resource Development Institute",
                "gyeonggi-hrdi",
            ),
            ("signatory", "Qu Zhao-Xoang", "Director, Taipei Department of Civil Servant Development", "taipei-dcsd"),
            ("witness", "Ko Wen-je", "Mayor of Taipei", "taipei"),
        ],
    },
    # year, sending, receiving, note, location
    "cohorts": [
        (
            2017,
            "taipei-dcsd",
            "gyeonggi-hrdi",
            "Late 2017; the first exchange group.",
            "Gyeonggi Provincial Human Resource Development Institute",
        ),
        (
            2018,
            "gyeonggi-hrdi",
            "taipei-dcsd",
            "Gyeonggi Province sends trainees to Taipei.",
            "Taipei Department of Civil Servant Development",
        ),
    ],
}
