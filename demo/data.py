"""What the five seed documents (../shared/seeds/) state, as data for `load_demo`.

Only facts the seeds state are recorded here; where a seed is vague ("late 2017",
"May 2019", "2022 [TBD]") the date precision says so instead of inventing a day.
Every public text is given in the five languages (en, ko, zh_hans, zh_hant, ja): official
names where the body has one, a faithful translation otherwise; people's names stay as the
seeds write them. Everything invented for demonstration is in samples.py and flagged `is_sample`.
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
        {
            "en": "Ministry of Foreign Affairs",
            "ko": "외교부",
            "zh_hans": "韩国外交部",
            "zh_hant": "韓國外交部",
            "ja": "韓国外交部",
        },
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
            "zh_hant": "韓國行政安全部",
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
            "zh_hans": "大韩民国市道知事协议会",
            "zh_hant": "大韓民國市道知事協議會",
            "ja": "大韓民国市道知事協議会",
        },
        "대한민국시도지사협의회",
    ),
    "korean-local-government": (
        "other",
        "KR",
        "",
        None,
        {
            "en": "Korean local governments",
            "ko": "국내 지방자치단체",
            "zh_hans": "韩国地方政府",
            "zh_hant": "韓國地方政府",
            "ja": "韓国の地方自治体",
        },
        "",
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
            "zh_hant": "中日韓三國合作秘書處",
            "ja": "日中韓三国協力事務局",
        },
        "",
    ),
    "gyeonggi": (
        "province",
        "KR",
        "",
        None,
        {
            "en": "Gyeonggi Province",
            "ko": "경기도",
            "zh_hans": "京畿道",
            "zh_hant": "京畿道",
            "ja": "京畿道",
        },
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
            "zh_hant": "京畿道人才開發院",
            "ja": "京畿道人材開発院",
        },
        "경기도인재개발원",
    ),
    "taipei": (
        "foreign_local",
        "TW",
        "",
        None,
        {
            "en": "Taipei City Government",
            "ko": "타이베이시정부",
            "zh_hans": "台北市政府",
            "zh_hant": "臺北市政府",
            "ja": "台北市政府",
        },
        "臺北市政府",
    ),
    "taipei-dcsd": (
        "institute",
        "TW",
        "",
        "taipei",
        {
            "en": "Taipei Department of Civil Servant Development",
            "ko": "타이베이시정부 공무원훈련처",
            "zh_hans": "台北市政府公务人员训练处",
            "zh_hant": "臺北市政府公務人員訓練處",
            "ja": "台北市政府公務人員訓練処",
        },
        "臺北市政府公務人員訓練處",
    ),
    "busan": (
        "city",
        "KR",
        "",
        None,
        {
            "en": "Busan Metropolitan City",
            "ko": "부산광역시",
            "zh_hans": "釜山广域市",
            "zh_hant": "釜山廣域市",
            "ja": "釜山広域市",
        },
        "부산광역시",
    ),
}

# Each program: slug, kind, hosts, {field: {lang: text}}, extra (untranslated) fields.
GAOK_PROGRAMS = [
    (
        "online-bureau",
        "service",
        ["gaok"],
        {
            "name": {
                "en": "Online Bureau",
                "ko": "온라인 사무소",
                "zh_hans": "在线办事处",
                "zh_hant": "線上辦事處",
                "ja": "オンライン事務所",
            },
            "summary": {
                "en": "To quickly deal with glocalization tasks of local governments online and provide various services regardless of time difference and place.",
                "ko": "지방자치단체의 글로컬화 업무를 온라인으로 신속하게 처리하고, 시차와 장소에 관계없이 다양한 서비스를 제공합니다.",
                "zh_hans": "在线快速处理地方政府的全球本土化事务，不受时差和地点限制，提供多种服务。",
                "zh_hant": "線上快速處理地方政府的全球本土化事務，不受時差和地點限制，提供多種服務。",
                "ja": "地方自治体のグローカル化業務をオンラインで迅速に処理し、時差や場所に関係なくさまざまなサービスを提供します。",
            },
            "schedule_note": {
                "en": "Year-round (24/7 services)",
                "ko": "연중무휴 (24시간 365일 서비스)",
                "zh_hans": "全年无休（24小时服务）",
                "zh_hant": "全年無休（24小時服務）",
                "ja": "年中無休（24時間365日サービス）",
            },
            "audience": {
                "en": "Local governments",
                "ko": "지방자치단체",
                "zh_hans": "地方政府",
                "zh_hant": "地方政府",
                "ja": "地方自治体",
            },
            "description": {
                "en": "Services: interpretation and translation, international exchange, overseas visit arrangement, information request, general inquiries.\nProcess: 1. request service; 2. wait to be registered; 3. assigned to the relevant department (immediately); 4. assigned to the relevant staff (immediately); 5. mid-response (immediate response); 6. final response.\nWhen a request cannot proceed immediately upon registration, the local government is notified by the mid-response.",
                "ko": "제공 서비스: 통번역, 국제교류, 해외 방문 주선, 자료 요청, 일반 문의.\n처리 절차: 1. 서비스 신청, 2. 접수 대기, 3. 담당 부서 배정(즉시 배정), 4. 담당자 배정(즉시 배정), 5. 중간 답변(즉시 답변), 6. 최종 답변.\n접수 즉시 처리할 수 없는 요청은 중간 답변으로 지방자치단체에 알려 드립니다.",
                "zh_hans": "提供服务：口译与笔译、国际交流、海外访问安排、资料索取、一般咨询。\n办理流程：1. 申请服务；2. 等待受理；3. 分配至相关部门（即时分配）；4. 分配至相关负责人（即时分配）；5. 中间答复（即时答复）；6. 最终答复。\n申请受理后无法立即办理时，将通过中间答复通知地方政府。",
                "zh_hant": "提供服務：口譯與筆譯、國際交流、海外訪問安排、資料索取、一般諮詢。\n辦理流程：1. 申請服務；2. 等待受理；3. 分配至相關部門（即時分配）；4. 分配至相關負責人（即時分配）；5. 中間答覆（即時答覆）；6. 最終答覆。\n申請受理後無法立即辦理時，將透過中間答覆通知地方政府。",
                "ja": "提供サービス：通訳・翻訳、国際交流、海外訪問の手配、資料請求、一般的なお問い合わせ。\n処理の流れ：1. サービス申請、2. 受付待ち、3. 担当部署への割り当て（即時）、4. 担当者への割り当て（即時）、5. 中間回答（即時回答）、6. 最終回答。\n受付後すぐに処理できない依頼は、中間回答で地方自治体にお知らせします。",
            },
        },
        {},
    ),
    (
        "coaching",
        "coaching",
        ["gaok"],
        {
            "name": {
                "en": "Coaching Service on International Exchange",
                "ko": "국제교류 컨설팅",
                "zh_hans": "国际交流辅导服务",
                "zh_hant": "國際交流輔導服務",
                "ja": "国際交流コーチングサービス",
            },
            "summary": {
                "en": "Strengthen the international capabilities of local governments by providing vitalizing plans and alternatives about the exchange area, method and content most suitable for carrying out the best international exchange.",
                "ko": "최적의 국제교류를 위해 가장 적합한 교류 분야, 방법, 내용에 관한 활성화 방안과 대안을 제시하여 지방자치단체의 국제 역량을 강화합니다.",
                "zh_hans": "就最适合开展国际交流的交流领域、方式和内容提供活性化方案和替代方案，增强地方政府的国际能力。",
                "zh_hant": "就最適合開展國際交流的交流領域、方式和內容提供活性化方案和替代方案，增強地方政府的國際能力。",
                "ja": "最良の国際交流のために最も適した交流分野・方法・内容について活性化策と代替案を示し、地方自治体の国際的な力量を強化します。",
            },
            "schedule_note": {
                "en": "Twice a year",
                "ko": "연 2회",
                "zh_hans": "每年两次",
                "zh_hant": "每年兩次",
                "ja": "年2回",
            },
            "audience": {
                "en": "Local governments (city, county, district)",
                "ko": "지방자치단체 (시·군·구)",
                "zh_hans": "地方政府（市、郡、区）",
                "zh_hant": "地方政府（市、郡、區）",
                "ja": "地方自治体（市・郡・区）",
            },
            "description": {
                "en": "Theme: local government international affairs. Content: individual coaching provided by experts on the chosen theme.",
                "ko": "주제: 지방자치단체 국제업무. 내용: 선정한 주제에 대해 전문가가 개별 컨설팅을 제공합니다.",
                "zh_hans": "主题：地方政府国际事务。内容：由专家就所选主题提供个别辅导。",
                "zh_hant": "主題：地方政府國際事務。內容：由專家就所選主題提供個別輔導。",
                "ja": "テーマ：地方自治体の国際業務。内容：選んだテーマについて専門家が個別にコーチングを行います。",
            },
        },
        {},
    ),
    (
        "k2h",
        "training",
        ["gaok", "korean-local-government"],
        {
            "name": {
                "en": "Training Program for Foreign Public Officials (K2H Program)",
                "ko": "외국 공무원 초청연수 (K2H 프로그램)",
                "zh_hans": "外国公务员培训项目（K2H项目）",
                "zh_hant": "外國公務員培訓計畫（K2H計畫）",
                "ja": "外国公務員招へい研修（K2Hプログラム）",
            },
            "summary": {
                "en": "Invitation program for foreign public officials of local governments that currently are or are willing to cooperate with Korean local governments; fostering a new generation of public officials who will play a pivotal role in international exchanges among local governments of Korea and foreign countries through understanding Korea and Korean local administration.",
                "ko": "한국 지방자치단체와 협력하고 있거나 협력할 의향이 있는 외국 지방정부의 공무원을 초청하는 프로그램으로, 한국과 한국 지방행정에 대한 이해를 통해 한국과 외국 지방정부 간 국제교류에서 중추적 역할을 할 차세대 공무원을 양성합니다.",
                "zh_hans": "邀请目前正在或有意与韩国地方政府合作的外国地方政府公务员参加的项目；通过了解韩国及韩国地方行政，培养将在韩国与外国地方政府之间的国际交流中发挥关键作用的新一代公务员。",
                "zh_hant": "邀請目前正在或有意與韓國地方政府合作的外國地方政府公務員參加的計畫；透過了解韓國及韓國地方行政，培養將在韓國與外國地方政府之間的國際交流中發揮關鍵作用的新一代公務員。",
                "ja": "韓国の地方自治体と協力している、または協力を希望する外国の地方政府の公務員を招へいするプログラムです。韓国と韓国の地方行政への理解を通じて、韓国と外国の地方政府間の国際交流で中心的な役割を担う次世代の公務員を育成します。",
            },
            "schedule_note": {
                "en": "April ~ October (6 months)",
                "ko": "4월~10월 (6개월)",
                "zh_hans": "4月至10月（6个月）",
                "zh_hant": "4月至10月（6個月）",
                "ja": "4月～10月（6か月）",
            },
            "audience": {
                "en": "60 public officials from foreign local governments (English or Korean speakers)",
                "ko": "외국 지방정부 공무원 60명 (영어 또는 한국어 가능자)",
                "zh_hans": "外国地方政府公务员60名（能说英语或韩语者）",
                "zh_hant": "外國地方政府公務員60名（能說英語或韓語者）",
                "ja": "外国の地方政府の公務員60人（英語または韓国語を話せる方）",
            },
            "description": {
                "en": "Program: pre-training, local government program, certification ceremony, etc.\nHosts: Governors Association of Korea and Korean local governments.",
                "ko": "프로그램: 사전 연수, 지방자치단체 연수, 수료식 등.\n주관: 대한민국시도지사협의회, 국내 지방자치단체.",
                "zh_hans": "项目内容：事前培训、地方政府研修、结业仪式等。\n主办：大韩民国市道知事协议会、韩国地方政府。",
                "zh_hant": "計畫內容：事前培訓、地方政府研修、結業儀式等。\n主辦：大韓民國市道知事協議會、韓國地方政府。",
                "ja": "プログラム：事前研修、地方自治体研修、修了式など。\n主催：大韓民国市道知事協議会、韓国の地方自治体。",
            },
        },
        {"typical_capacity": 60, "languages": ["en", "ko"], "excluded_countries": ["KR"]},
    ),
    (
        "kcj-local-governments-conference",
        "conference",
        ["gaok"],
        {
            "name": {
                "en": "Korea-China-Japan Local Governments Conference",
                "ko": "한중일 지방정부 교류회의",
                "zh_hans": "中日韩地方政府交流会议",
                "zh_hant": "中日韓地方政府交流會議",
                "ja": "日中韓地方政府交流会議",
            },
            "summary": {
                "en": "To provide a platform to proceed with practical exchange projects and cooperative networks among Korean, Chinese and Japanese local governments.",
                "ko": "한국·중국·일본 지방정부 간 실질적인 교류사업과 협력 네트워크를 추진하는 장을 제공합니다.",
                "zh_hans": "为韩国、中国、日本地方政府之间推进务实的交流项目和合作网络提供平台。",
                "zh_hant": "為韓國、中國、日本地方政府之間推進務實的交流計畫和合作網路提供平臺。",
                "ja": "韓国・中国・日本の地方政府間で実質的な交流事業と協力ネットワークを進める場を提供します。",
            },
            "schedule_note": {
                "en": "August ~ September (four days), annually",
                "ko": "매년 8월~9월 (4일간)",
                "zh_hans": "每年8月至9月（为期四天）",
                "zh_hant": "每年8月至9月（為期四天）",
                "ja": "毎年8月～9月（4日間）",
            },
            "audience": {
                "en": "Korea, China and Japan local governments",
                "ko": "한국·중국·일본 지방정부",
                "zh_hans": "韩国、中国、日本的地方政府",
                "zh_hant": "韓國、中國、日本的地方政府",
                "ja": "韓国・中国・日本の地方政府",
            },
            "description": {
                "en": "Venue: on a rotation basis among the three countries. Content: presentations, sharing of best practices, discussion and exchange of information on local government cooperation.",
                "ko": "개최지: 3국 순회 개최. 내용: 발표, 우수사례 공유, 지방정부 협력에 관한 토론 및 정보 교환.",
                "zh_hans": "举办地：三国轮流举办。内容：发表、分享优秀案例、就地方政府合作进行讨论和信息交流。",
                "zh_hant": "舉辦地：三國輪流舉辦。內容：發表、分享優秀案例、就地方政府合作進行討論和資訊交流。",
                "ja": "開催地：3か国の持ち回り。内容：発表、優良事例の共有、地方政府間協力に関する討論と情報交換。",
            },
        },
        {"typical_duration_days": 4, "eligible_countries": ["KR", "CN", "JP"]},
    ),
    (
        "partner-network",
        "network",
        ["gaok"],
        {
            "name": {
                "en": "Network with International and Domestic Partners",
                "ko": "국내외 협력 네트워크",
                "zh_hans": "国内外合作伙伴网络",
                "zh_hant": "國內外合作夥伴網路",
                "ja": "国内外パートナーネットワーク",
            },
            "summary": {
                "en": "To facilitate local governments' international cooperation by attaining domestic and overseas footholds for successfully conducting the internationalization practices of local governments.",
                "ko": "지방자치단체의 국제화 업무를 성공적으로 수행할 수 있도록 국내외 거점을 확보하여 지방자치단체의 국제협력을 촉진합니다.",
                "zh_hans": "在国内外建立据点，帮助地方政府顺利开展国际化工作，促进地方政府的国际合作。",
                "zh_hant": "在國內外建立據點，幫助地方政府順利開展國際化工作，促進地方政府的國際合作。",
                "ja": "地方自治体の国際化業務を成功させるための国内外の拠点を確保し、地方自治体の国際協力を促進します。",
            },
            "schedule_note": {},
            "audience": {
                "en": "Local government associations and overseas offices abroad; foreign missions in Korea and foreign advisories",
                "ko": "해외 지방정부 협의체 및 해외사무소, 주한 외국공관 및 해외 자문위원 등",
                "zh_hans": "海外地方政府协会及驻外办事处；外国驻韩使馆及外国顾问等",
                "zh_hant": "海外地方政府協會及駐外辦事處；外國駐韓使館及外國顧問等",
                "ja": "海外の地方政府連合組織と海外事務所、在韓外国公館と海外アドバイザーなど",
            },
            "description": {
                "en": "Content: find new international projects; strengthen international exchange programs of local governments; informational cooperation through the network.\nUtilization: projects supporting international activities of local governments; reference for creating new projects; collecting best practices of foreign local government administration.",
                "ko": "내용: 신규 국제사업 발굴, 지방자치단체 국제교류 사업 강화, 네트워크를 통한 정보 협력.\n활용: 지방자치단체 국제활동 지원사업 수행, 신규 사업 발굴 참고, 외국 지방행정 우수사례 수집.",
                "zh_hans": "内容：发掘新的国际项目；加强地方政府的国际交流项目；通过网络开展信息合作。\n用途：开展支持地方政府国际活动的项目；作为策划新项目的参考；收集外国地方行政的优秀案例。",
                "zh_hant": "內容：發掘新的國際計畫；加強地方政府的國際交流計畫；透過網路開展資訊合作。\n用途：開展支援地方政府國際活動的計畫；作為策劃新計畫的參考；收集外國地方行政的優秀案例。",
                "ja": "内容：新たな国際事業の発掘、地方自治体の国際交流事業の強化、ネットワークを通じた情報協力。\n活用：地方自治体の国際活動を支援する事業の実施、新規事業づくりの参考、外国の地方行政の優良事例の収集。",
            },
        },
        {"is_recurring": False},
    ),
    (
        "overseas-training",
        "overseas_training",
        ["gaok"],
        {
            "name": {
                "en": "Overseas Training Program for Korean Local Public Officials",
                "ko": "지방공무원 해외연수",
                "zh_hans": "韩国地方公务员海外研修",
                "zh_hant": "韓國地方公務員海外研修",
                "ja": "韓国地方公務員海外研修",
            },
            "summary": {
                "en": "To enhance the international competitiveness of local governments by empowering the glocal capacity of local public officials.",
                "ko": "지방공무원의 글로컬 역량을 키워 지방자치단체의 국제경쟁력을 높입니다.",
                "zh_hans": "提升地方公务员的全球本土化能力，增强地方政府的国际竞争力。",
                "zh_hant": "提升地方公務員的全球本土化能力，增強地方政府的國際競爭力。",
                "ja": "地方公務員のグローカルな力量を高め、地方自治体の国際競争力を強化します。",
            },
            "schedule_note": {},
            "audience": {
                "en": "Local public officials",
                "ko": "지방공무원",
                "zh_hans": "地方公务员",
                "zh_hant": "地方公務員",
                "ja": "地方公務員",
            },
            "description": {
                "en": "Destination: based on the best practices of foreign local governments. Activity: visits to foreign local governments to benchmark best practices.",
                "ko": "연수지: 외국 지방정부의 우수사례를 기준으로 선정. 활동: 외국 지방정부를 방문하여 우수사례를 벤치마킹합니다.",
                "zh_hans": "研修地：依据外国地方政府的优秀案例选定。活动：访问外国地方政府，借鉴优秀案例。",
                "zh_hant": "研修地：依據外國地方政府的優秀案例選定。活動：訪問外國地方政府，借鑑優秀案例。",
                "ja": "研修先：外国の地方政府の優良事例をもとに選定。活動：外国の地方政府を訪問し、優良事例をベンチマークします。",
            },
        },
        {"eligible_countries": ["KR"]},
    ),
    (
        "speech-contest",
        "contest",
        ["gaok"],
        {
            "name": {
                "en": "Foreign Language Speech Contest for Local Public Officials",
                "ko": "지방공무원 외국어 말하기 대회",
                "zh_hans": "地方公务员外语演讲比赛",
                "zh_hant": "地方公務員外語演講比賽",
                "ja": "地方公務員外国語スピーチコンテスト",
            },
            "summary": {
                "en": "To improve the language skills of the local public officials who will most likely lead the internationalization of their regional area in the era of globalization.",
                "ko": "세계화 시대에 지역의 국제화를 이끌어 갈 지방공무원의 외국어 능력을 향상합니다.",
                "zh_hans": "在全球化时代，提高将引领本地区国际化的地方公务员的外语能力。",
                "zh_hant": "在全球化時代，提高將引領本地區國際化的地方公務員的外語能力。",
                "ja": "グローバル化の時代に地域の国際化をリードする地方公務員の語学力を向上させます。",
            },
            "schedule_note": {},
            "audience": {
                "en": "Local public officials (administrative level 5 and below)",
                "ko": "지방공무원 (5급 이하)",
                "zh_hans": "地方公务员（5级及以下）",
                "zh_hant": "地方公務員（5級及以下）",
                "ja": "地方公務員（5級以下）",
            },
            "description": {
                "en": "Languages: English, Chinese, Japanese. The finals contest is held only with those who pass the preliminary rounds.",
                "ko": "언어: 영어, 중국어, 일본어. 본선은 예선 통과자만 참가합니다.",
                "zh_hans": "语种：英语、汉语、日语。只有通过预赛者才能参加决赛。",
                "zh_hant": "語種：英語、漢語、日語。只有透過預賽者才能參加決賽。",
                "ja": "言語：英語、中国語、日本語。本選には予選の通過者のみが出場します。",
            },
        },
        {"top_admin_level": 5, "languages": ["en", "zh", "ja"], "eligible_countries": ["KR"]},
    ),
    (
        "best-practices-research",
        "research",
        ["gaok"],
        {
            "name": {
                "en": "Research Foreign Best Practices",
                "ko": "해외 우수사례 조사",
                "zh_hans": "海外优秀案例研究",
                "zh_hant": "海外優秀案例研究",
                "ja": "海外優良事例調査",
            },
            "summary": {
                "en": "Research and disseminate foreign best practices to Korean local governments as a reference for developing Korean local administration and strengthening competitiveness.",
                "ko": "해외 우수사례를 조사하여 한국 지방행정 발전과 경쟁력 강화의 참고가 되도록 국내 지방자치단체에 보급합니다.",
                "zh_hans": "研究海外优秀案例并向韩国地方政府推广，作为发展韩国地方行政、增强竞争力的参考。",
                "zh_hant": "研究海外優秀案例並向韓國地方政府推廣，作為發展韓國地方行政、增強競爭力的參考。",
                "ja": "海外の優良事例を調査し、韓国の地方行政の発展と競争力強化の参考として国内の地方自治体に普及します。",
            },
            "schedule_note": {},
            "audience": {
                "en": "Korean local governments",
                "ko": "국내 지방자치단체",
                "zh_hans": "韩国地方政府",
                "zh_hant": "韓國地方政府",
                "ja": "韓国の地方自治体",
            },
            "description": {
                "en": "Areas of research (foreign administrative practices): general administration, financial issues, cultural tourism, transportation, environment, welfare, health, female youth, multi-cultural society, economic industry, employment and labor, farming, fishing and dairy, construction technology, fire prevention, local conferences, enactment of regulations, domestic local best practices.",
                "ko": "조사 분야(외국 행정사례): 일반행정, 재정, 문화관광, 교통, 환경, 복지, 보건, 여성·청소년, 다문화사회, 경제산업, 고용노동, 농·어·축산, 건설기술, 소방, 지방의회, 조례 제정, 국내 지방 우수사례.",
                "zh_hans": "研究领域（外国行政案例）：一般行政、财政、文化旅游、交通、环境、福利、卫生、女性与青少年、多元文化社会、经济产业、就业与劳动、农渔畜牧业、建设技术、消防、地方议会、条例制定、国内地方优秀案例。",
                "zh_hant": "研究領域（外國行政案例）：一般行政、財政、文化旅遊、交通、環境、福利、衛生、女性與青少年、多元文化社會、經濟產業、就業與勞動、農漁畜牧業、建設技術、消防、地方議會、條例制定、國內地方優秀案例。",
                "ja": "調査分野（外国の行政事例）：一般行政、財政、文化観光、交通、環境、福祉、保健、女性・青少年、多文化社会、経済産業、雇用・労働、農業・漁業・畜産、建設技術、消防、地方議会、条例の制定、国内の地方の優良事例。",
            },
        },
        {"is_recurring": False},
    ),
    (
        "international-exchange-officials-workshop",
        "workshop",
        ["gaok"],
        {
            "name": {
                "en": "Workshop of Local Officials in charge of International Exchange",
                "ko": "국제교류 담당공무원 워크숍",
                "zh_hans": "国际交流负责公务员研讨会",
                "zh_hant": "國際交流負責公務員研討會",
                "ja": "国際交流担当公務員ワークショップ",
            },
            "summary": {
                "en": "To introduce the international works and projects conducted by the association and provide a platform where GAOK and local governments, and municipalities among themselves, can share information.",
                "ko": "협의회가 추진하는 국제업무와 사업을 소개하고, 협의회와 지방자치단체, 그리고 지방자치단체 상호 간에 정보를 공유하는 장을 제공합니다.",
                "zh_hans": "介绍协议会开展的国际业务和项目，为协议会与地方政府之间以及各地方政府之间提供信息共享的平台。",
                "zh_hant": "介紹協議會開展的國際業務和計畫，為協議會與地方政府之間以及各地方政府之間提供資訊共享的平臺。",
                "ja": "協議会が進める国際業務と事業を紹介し、協議会と地方自治体、また自治体同士が情報を共有する場を提供します。",
            },
            "schedule_note": {
                "en": "March, annually",
                "ko": "매년 3월",
                "zh_hans": "每年3月",
                "zh_hant": "每年3月",
                "ja": "毎年3月",
            },
            "audience": {
                "en": "Local public officials in charge of international affairs",
                "ko": "지방자치단체 국제업무 담당공무원",
                "zh_hans": "负责国际事务的地方公务员",
                "zh_hant": "負責國際事務的地方公務員",
                "ja": "国際業務を担当する地方公務員",
            },
            "description": {
                "en": "Main content: introduction of the association's work, lectures on glocalization, etc.",
                "ko": "주요 내용: 협의회 업무 소개, 글로컬화 강연 등.",
                "zh_hans": "主要内容：介绍协议会的工作、全球本土化讲座等。",
                "zh_hant": "主要內容：介紹協議會的工作、全球本土化講座等。",
                "ja": "主な内容：協議会の業務紹介、グローカル化に関する講演など。",
            },
        },
        {"eligible_countries": ["KR"]},
    ),
    (
        "academy",
        "academy",
        ["gaok"],
        {
            "name": {
                "en": "Academy for International Affairs",
                "ko": "국제관계 아카데미",
                "zh_hans": "国际事务学院",
                "zh_hant": "國際事務學院",
                "ja": "国際関係アカデミー",
            },
            "summary": {
                "en": "To build a foundation for the internationalization of local areas by nurturing talented people in the international field.",
                "ko": "국제 분야 인재를 양성하여 지역 국제화의 기반을 마련합니다.",
                "zh_hans": "培养国际领域人才，为地方国际化打下基础。",
                "zh_hant": "培養國際領域人才，為地方國際化打下基礎。",
                "ja": "国際分野の人材を育成し、地域の国際化の基盤を築きます。",
            },
            "schedule_note": {
                "en": "Twice a year",
                "ko": "연 2회",
                "zh_hans": "每年两次",
                "zh_hant": "每年兩次",
                "ja": "年2回",
            },
            "audience": {
                "en": "Local public officials at the working level",
                "ko": "실무급 지방공무원",
                "zh_hans": "工作层面的地方公务员",
                "zh_hant": "工作層面的地方公務員",
                "ja": "実務担当の地方公務員",
            },
            "description": {
                "en": "Content: international protocol and etiquette, analysis of best and failure practices of international exchanges, international events, successful ways of international exchange among cities and vitalizing exchanges among sister cities.",
                "ko": "내용: 국제의전과 에티켓, 국제교류 성공·실패 사례 분석, 국제행사, 도시 간 국제교류 성공 방안, 자매도시 교류 활성화.",
                "zh_hans": "内容：国际礼宾与礼仪、国际交流成功与失败案例分析、国际活动、城市间国际交流的成功方法以及友好城市交流的活性化。",
                "zh_hant": "內容：國際禮賓與禮儀、國際交流成功與失敗案例分析、國際活動、城市間國際交流的成功方法以及友好城市交流的活性化。",
                "ja": "内容：国際儀典とエチケット、国際交流の成功・失敗事例の分析、国際行事、都市間の国際交流を成功させる方法、姉妹都市交流の活性化。",
            },
        },
        {"eligible_countries": ["KR"]},
    ),
    (
        "glocalization-lecturing",
        "lecture",
        ["gaok"],
        {
            "name": {
                "en": "Glocalization Lecturing",
                "ko": "글로컬 순회 강연",
                "zh_hans": "全球本土化讲座",
                "zh_hant": "全球本土化講座",
                "ja": "グローカル巡回講演",
            },
            "summary": {
                "en": "To facilitate the internationalization of local areas by raising the awareness of local public officials, and to draw attention and encourage participation through the promotion of the association's internationalization support projects.",
                "ko": "지방공무원의 국제화 인식을 높여 지역의 국제화를 촉진하고, 협의회의 국제화 지원사업을 홍보하여 관심과 참여를 이끌어 냅니다.",
                "zh_hans": "提高地方公务员的国际化意识，促进地方国际化；并通过宣传协议会的国际化支援项目，引起关注、鼓励参与。",
                "zh_hant": "提高地方公務員的國際化意識，促進地方國際化；並透過宣傳協議會的國際化支援計畫，引起關注、鼓勵參與。",
                "ja": "地方公務員の国際化への意識を高めて地域の国際化を促し、協議会の国際化支援事業の広報を通じて関心と参加を呼びかけます。",
            },
            "schedule_note": {},
            "audience": {
                "en": "12 local governments (flexible depending on demand from local municipalities)",
                "ko": "지방자치단체 12곳 (지방자치단체 수요에 따라 조정)",
                "zh_hans": "12个地方政府（根据各地方政府的需求灵活调整）",
                "zh_hant": "12個地方政府（根據各地方政府的需求靈活調整）",
                "ja": "12の地方自治体（自治体の需要に応じて調整）",
            },
            "description": {
                "en": "Venue: decided by each local municipality. Lecture theme: overall tasks for internationalization by local municipalities (examples: international etiquette, protocol, international relations, vitalizing local festivals).",
                "ko": "장소: 각 지방자치단체가 결정. 강연 주제: 지방자치단체의 국제화 업무 전반 (예: 국제 에티켓, 의전, 국제관계, 지역축제 활성화).",
                "zh_hans": "地点：由各地方政府决定。讲座主题：地方政府国际化工作的各个方面（例如：国际礼仪、礼宾、国际关系、地方节庆活性化）。",
                "zh_hant": "地點：由各地方政府決定。講座主題：地方政府國際化工作的各個方面（例如：國際禮儀、禮賓、國際關係、地方節慶活性化）。",
                "ja": "会場：各自治体が決定。講演テーマ：自治体の国際化業務全般（例：国際エチケット、儀典、国際関係、地域の祭りの活性化）。",
            },
        },
        {},
    ),
    (
        "exchange-forum",
        "forum",
        ["gaok"],
        {
            "name": {
                "en": "Forum for Vitalizing International Exchange",
                "ko": "국제교류 활성화 포럼",
                "zh_hans": "国际交流活性化论坛",
                "zh_hant": "國際交流活性化論壇",
                "ja": "国際交流活性化フォーラム",
            },
            "summary": {
                "en": "To find practical alternatives for the issues and problems local governments face when promoting projects on international relations.",
                "ko": "지방자치단체가 국제관계 사업을 추진할 때 겪는 현안과 문제에 대한 실질적인 대안을 모색합니다.",
                "zh_hans": "针对地方政府在推进国际关系项目时面临的课题和问题，寻找切实可行的对策。",
                "zh_hant": "針對地方政府在推進國際關係計畫時面臨的課題和問題，尋找切實可行的對策。",
                "ja": "地方自治体が国際関係の事業を進める際に直面する課題と問題について、実践的な代案を探ります。",
            },
            "schedule_note": {},
            "audience": {
                "en": "International relations officials of local municipalities, academia and civic experts in international relations",
                "ko": "지방자치단체 국제관계 담당자, 국제관계 분야 학계 및 민간 전문가 등",
                "zh_hans": "地方政府国际关系负责人、国际关系领域的学界及民间专家等",
                "zh_hant": "地方政府國際關係負責人、國際關係領域的學界及民間專家等",
                "ja": "自治体の国際関係担当者、国際関係分野の学界と民間の専門家など",
            },
            "description": {
                "en": "Subject: a timely theme related to international relations among local governments. Main content: presentations and debate by experts, Q&A session.",
                "ko": "주제: 지방자치단체 간 국제관계와 관련된 시의적절한 주제. 주요 내용: 전문가 발표와 토론, 질의응답.",
                "zh_hans": "主题：与地方政府间国际关系相关的适时议题。主要内容：专家发表与讨论、问答环节。",
                "zh_hant": "主題：與地方政府間國際關係相關的適時議題。主要內容：專家發表與討論、問答環節。",
                "ja": "主題：地方自治体間の国際関係に関する時宜を得たテーマ。主な内容：専門家による発表と討論、質疑応答。",
            },
        },
        {},
    ),
]

K2H_COST_SHARES = [
    # payer slug, {lang: role}, {lang: covers}, monthly allowance
    (
        "gaok",
        {
            "en": "Governors Association of Korea",
            "ko": "대한민국시도지사협의회",
            "zh_hans": "大韩民国市道知事协议会",
            "zh_hant": "大韓民國市道知事協議會",
            "ja": "大韓民国市道知事協議会",
        },
        {
            "en": "Pre-training expenses, medical and accident insurance, living expenses",
            "ko": "사전 연수 경비, 의료·상해보험료, 생활비",
            "zh_hans": "事前培训费用、医疗及意外保险费、生活费",
            "zh_hant": "事前培訓費用、醫療及意外保險費、生活費",
            "ja": "事前研修の経費、医療・傷害保険料、生活費",
        },
        400_000,
    ),
    (
        "korean-local-government",
        {
            "en": "Host Korean local government",
            "ko": "연수 지방자치단체",
            "zh_hans": "接待研修的韩国地方政府",
            "zh_hant": "接待研修的韓國地方政府",
            "ja": "研修先の韓国地方自治体",
        },
        {
            "en": "Accommodation, living expenses",
            "ko": "숙박비, 생활비",
            "zh_hans": "住宿费、生活费",
            "zh_hant": "住宿費、生活費",
            "ja": "宿泊費、生活費",
        },
        400_000,
    ),
]
K2H_ALLOWANCE_NOTE = 'The seed prints "4,00,000 won / monthly"; read as 400,000 KRW.'

CJK_PROGRAM = {
    "slug": "cjk-trilateral-workshop",
    "kind": "workshop",
    "since_year": 2012,
    "texts": {
        "name": {
            "en": "Korea-Japan-China Trilateral Cooperation Workshop for Public Officials",
            "ko": "한일중 3국 공무원 교류 워크숍",
            "zh_hans": "韩日中三国公务员合作研讨会",
            "zh_hant": "韓日中三國公務員合作研討會",
            "ja": "日韓中三国協力公務員ワークショップ",
        },
        "summary": {
            "en": "A platform of exchange for young CJK local public officials hosted by the Korea Ministry of Foreign Affairs. Objectives: (1) to increase understanding of CJK trilateral cooperation; (2) to exchange opinions at the local government level on measures to develop cooperation among the three countries; (3) to build a network among the three countries' public officials.",
            "ko": "외교부가 주최하는 한일중 청년 지방공무원 교류의 장입니다. 목적: (1) 한일중 3국 협력에 대한 이해 증진, (2) 3국 간 협력 발전 방안에 대한 지방정부 차원의 의견 교환, (3) 3국 공무원 간 네트워크 구축.",
            "zh_hans": "由韩国外交部主办的中日韩青年地方公务员交流平台。目的：（1）增进对中日韩三国合作的了解；（2）在地方政府层面就发展三国合作的措施交换意见；（3）构建三国公务员之间的网络。",
            "zh_hant": "由韓國外交部主辦的中日韓青年地方公務員交流平臺。目的：（1）增進對中日韓三國合作的瞭解；（2）在地方政府層面就發展三國合作的措施交換意見；（3）構建三國公務員之間的網路。",
            "ja": "韓国外交部が主催する日中韓の若手地方公務員の交流の場です。目的：(1) 日中韓三国協力への理解を深めること、(2) 三国間の協力を発展させる方策について地方政府レベルで意見を交換すること、(3) 三国の公務員のネットワークを築くこと。",
        },
        "audience": {
            "en": "Korean local public officials engaged in international cooperation, and Chinese and Japanese public officials working or receiving training in Korea. Most of the Chinese and Japanese officials working in Korea are young public officials dispatched from regions that have sister or friendship relations with Korean counterparts.",
            "ko": "국제협력 업무를 담당하는 한국 지방공무원과, 한국에서 근무하거나 연수 중인 중국·일본 공무원. 한국에서 근무하는 중국·일본 공무원 대부분은 한국 지방자치단체와 자매·우호 관계를 맺은 지역에서 파견된 젊은 공무원입니다.",
            "zh_hans": "从事国际合作工作的韩国地方公务员，以及在韩国工作或接受培训的中国和日本公务员。在韩国工作的中日公务员大多是从与韩国地方政府缔结姐妹或友好关系的地区派遣来的年轻公务员。",
            "zh_hant": "從事國際合作工作的韓國地方公務員，以及在韓國工作或接受培訓的中國和日本公務員。在韓國工作的中日公務員大多是從與韓國地方政府締結姐妹或友好關係的地區派遣來的年輕公務員。",
            "ja": "国際協力業務を担当する韓国の地方公務員と、韓国で勤務または研修中の中国・日本の公務員。韓国で勤務する中国・日本の公務員の多くは、韓国の自治体と姉妹・友好関係にある地域から派遣された若手公務員です。",
        },
        "schedule_note": {
            "en": "Hosted every year since 2012 by the Korea Ministry of Foreign Affairs",
            "ko": "2012년부터 매년 외교부 주최",
            "zh_hans": "自2012年起每年由韩国外交部主办",
            "zh_hant": "自2012年起每年由韓國外交部主辦",
            "ja": "2012年から毎年、韓国外交部が主催",
        },
        "description": {
            "en": "The workshop began in 2012 and has been hosted every year since by the Korea Ministry of Foreign Affairs. It continues to contribute to the long-term development of network and local exchange.\nThe most recent workshop was held in Gyeongju in May 2019: a total of 88 CJK local public officials took part (35 from China, 15 from Japan and 38 from Korea) in a two-day programme of lectures, presentations on cases of CJK cooperation, cultural performances and a culture experience programme.",
            "ko": "이 워크숍은 2012년에 시작되어 매년 외교부가 주최하고 있으며, 네트워크와 지역 교류의 장기적 발전에 계속 기여하고 있습니다.\n가장 최근 워크숍은 2019년 5월 경주에서 열렸으며, 한일중 지방공무원 총 88명(중국 35명, 일본 15명, 한국 38명)이 참가하여 이틀 동안 강연, 한일중 협력 사례 발표, 문화공연, 문화체험 프로그램에 참여했습니다.",
            "zh_hans": "该研讨会始于2012年，此后每年由韩国外交部主办，持续为网络和地方交流的长期发展作出贡献。\n最近一届研讨会于2019年5月在庆州举行，共有88名中日韩地方公务员参加（中国35名、日本15名、韩国38名），在为期两天的活动中参加了讲座、中日韩合作案例发表、文化演出和文化体验项目。",
            "zh_hant": "該研討會始於2012年，此後每年由韓國外交部主辦，持續為網路和地方交流的長期發展作出貢獻。\n最近一屆研討會於2019年5月在慶州舉行，共有88名中日韓地方公務員參加（中國35名、日本15名、韓國38名），在為期兩天的活動中參加了講座、中日韓合作案例發表、文化演出和文化體驗計畫。",
            "ja": "このワークショップは2012年に始まり、以来毎年韓国外交部が主催しており、ネットワークと地域交流の長期的な発展に貢献し続けています。\n最近のワークショップは2019年5月に慶州で開かれ、日中韓の地方公務員計88人（中国35人、日本15人、韓国38人）が参加し、2日間にわたり講演、日中韓協力事例の発表、文化公演、文化体験プログラムに参加しました。",
        },
    },
    "eligible_countries": ["KR", "CN", "JP"],
}

# The trilateral-cooperation introduction every edition since the 4th opens with.
_CJK_INTRO = {
    "en": "Introduction of the current status of trilateral cooperation among CJK and the TCS.",
    "ko": "한일중 3국 협력 및 3국협력사무국(TCS) 현황 소개.",
    "zh_hans": "介绍中日韩三国合作及三国合作秘书处（TCS）的现状。",
    "zh_hant": "介紹中日韓三國合作及三國合作秘書處（TCS）的現狀。",
    "ja": "日中韓三国協力と三国協力事務局（TCS）の現状紹介。",
}


def _join(*parts):
    """Join per-language sentences: with a space in English and Korean, none in Chinese and Japanese."""
    return {
        lang: ("" if lang.startswith("zh") or lang == "ja" else " ").join(part[lang] for part in parts)
        for lang in parts[0]
    }


_SEOUL = {
    "en": "Seoul, Korea",
    "ko": "한국 서울",
    "zh_hans": "韩国首尔",
    "zh_hant": "韓國首爾",
    "ja": "韓国・ソウル",
}
_GYEONGJU = {
    "en": "Gyeongju, Korea",
    "ko": "한국 경주",
    "zh_hans": "韩国庆州",
    "zh_hant": "韓國慶州",
    "ja": "韓国・慶州",
}

# number, start, precision, {lang: location}, {lang: details}
CJK_EDITIONS = [
    (
        1,
        date(2012, 12, 1),
        "month",
        _SEOUL,
        {
            "en": "Discussions on measures to develop cooperation among CJK through cooperation between local governments. Introducing the current status of trilateral cooperation between local governments.",
            "ko": "지방정부 간 협력을 통한 한일중 협력 발전 방안 논의. 지방정부 간 3국 협력 현황 소개.",
            "zh_hans": "讨论通过地方政府间合作发展中日韩合作的措施。介绍地方政府间三国合作的现状。",
            "zh_hant": "討論透過地方政府間合作發展中日韓合作的措施。介紹地方政府間三國合作的現狀。",
            "ja": "地方政府間の協力を通じた日中韓協力の発展方策に関する討議。地方政府間の三国協力の現状紹介。",
        },
    ),
    (
        2,
        date(2013, 9, 1),
        "month",
        _SEOUL,
        {
            "en": "Introduction of the current status of trilateral cooperation among CJK. Presentations on trilateral cooperation programs conducted by each local government. Group discussion sessions and presentations on trilateral cooperation policies. Culture events.",
            "ko": "한일중 3국 협력 현황 소개. 지방정부별 3국 협력 사업 발표. 3국 협력 정책에 관한 분임 토의 및 발표. 문화 행사.",
            "zh_hans": "介绍中日韩三国合作的现状。各地方政府发表所开展的三国合作项目。就三国合作政策进行分组讨论和发表。文化活动。",
            "zh_hant": "介紹中日韓三國合作的現狀。各地方政府發表所開展的三國合作計畫。就三國合作政策進行分組討論和發表。文化活動。",
            "ja": "日中韓三国協力の現状紹介。各地方政府が実施する三国協力事業の発表。三国協力政策に関するグループ討議と発表。文化行事。",
        },
    ),
    (
        3,
        date(2014, 5, 1),
        "month",
        _GYEONGJU,
        {
            "en": "Introduction of the current status and the focal point of trilateral cooperation among CJK: introduction of the tasks and functions of the TCS; presentations on the cases of trilateral exchange among CJK public officials; lectures on culture.",
            "ko": "한일중 3국 협력의 현황과 중점 소개: 3국협력사무국(TCS)의 업무와 기능 소개, 한일중 공무원의 3국 교류 사례 발표, 문화 강연.",
            "zh_hans": "介绍中日韩三国合作的现状与重点：介绍三国合作秘书处（TCS）的任务和职能；发表中日韩公务员三国交流案例；文化讲座。",
            "zh_hant": "介紹中日韓三國合作的現狀與重點：介紹三國合作秘書處（TCS）的任務和職能；發表中日韓公務員三國交流案例；文化講座。",
            "ja": "日中韓三国協力の現状と重点の紹介：三国協力事務局（TCS）の業務と機能の紹介、日中韓の公務員による三国交流事例の発表、文化に関する講演。",
        },
    ),
    (
        4,
        date(2016, 6, 1),
        "month",
        {
            "en": "Pyeongchang, Gangwon, Korea",
            "ko": "한국 강원 평창",
            "zh_hans": "韩国江原道平昌",
            "zh_hant": "韓國江原道平昌",
            "ja": "韓国・江原道平昌",
        },
        _join(
            _CJK_INTRO,
            {
                "en": "Group discussion sessions and presentations on the cases of trilateral exchange among CJK public officials. Introduction of the status of preparation for the Pyeongchang Winter Olympics.",
                "ko": "한일중 공무원의 3국 교류 사례에 관한 분임 토의 및 발표. 평창 동계올림픽 준비 현황 소개.",
                "zh_hans": "就中日韩公务员三国交流案例进行分组讨论和发表。介绍平昌冬奥会的筹备情况。",
                "zh_hant": "就中日韓公務員三國交流案例進行分組討論和發表。介紹平昌冬奧會的籌備情況。",
                "ja": "日中韓の公務員による三国交流事例に関するグループ討議と発表。平昌冬季オリンピックの準備状況の紹介。",
            },
        ),
    ),
    (
        5,
        date(2017, 6, 1),
        "month",
        {
            "en": "Gwangju, Gyeonggi, Korea",
            "ko": "한국 경기 광주",
            "zh_hans": "韩国京畿道广州",
            "zh_hant": "韓國京畿道廣州",
            "ja": "韓国・京畿道広州",
        },
        _join(
            _CJK_INTRO,
            {
                "en": "Presentations on the cases of exchange among CJK public officials. Lectures on the cultures of CJK.",
                "ko": "한일중 공무원 교류 사례 발표. 한일중 문화 강연.",
                "zh_hans": "发表中日韩公务员交流案例。关于中日韩文化的讲座。",
                "zh_hant": "發表中日韓公務員交流案例。關於中日韓文化的講座。",
                "ja": "日中韓の公務員交流事例の発表。日中韓の文化に関する講演。",
            },
        ),
    ),
    (
        6,
        date(2018, 10, 1),
        "month",
        {
            "en": "Gangneung and Sokcho, Gangwon, Korea",
            "ko": "한국 강원 강릉·속초",
            "zh_hans": "韩国江原道江陵、束草",
            "zh_hant": "韓國江原道江陵、束草",
            "ja": "韓国・江原道江陵、束草",
        },
        _join(
            _CJK_INTRO,
            {
                "en": "Presentations on the cases of exchange among CJK public officials, and cultural performances. Programs on experiencing and exploring traditional cultures.",
                "ko": "한일중 공무원 교류 사례 발표 및 문화공연. 전통문화 체험·탐방 프로그램.",
                "zh_hans": "发表中日韩公务员交流案例及文化演出。传统文化体验与探访项目。",
                "zh_hant": "發表中日韓公務員交流案例及文化演出。傳統文化體驗與探訪計畫。",
                "ja": "日中韓の公務員交流事例の発表と文化公演。伝統文化の体験・探訪プログラム。",
            },
        ),
    ),
    (
        7,
        date(2019, 5, 1),
        "month",
        _GYEONGJU,
        _join(
            _CJK_INTRO,
            {
                "en": "Lectures on trilateral cooperation. Presentations on the cases of exchange among CJK public officials. Watching cultural performances and cultural experience. A two-day workshop with 88 CJK local public officials (35 from China, 15 from Japan, 38 from Korea).",
                "ko": "3국 협력에 관한 강연. 한일중 공무원 교류 사례 발표. 문화공연 관람 및 문화체험. 한일중 지방공무원 88명(중국 35명, 일본 15명, 한국 38명)이 참가한 이틀간의 워크숍.",
                "zh_hans": "关于三国合作的讲座。发表中日韩公务员交流案例。观看文化演出及文化体验。为期两天的研讨会，共有88名中日韩地方公务员参加（中国35名、日本15名、韩国38名）。",
                "zh_hant": "關於三國合作的講座。發表中日韓公務員交流案例。觀看文化演出及文化體驗。為期兩天的研討會，共有88名中日韓地方公務員參加（中國35名、日本15名、韓國38名）。",
                "ja": "三国協力に関する講演。日中韓の公務員交流事例の発表。文化公演の鑑賞と文化体験。日中韓の地方公務員88人（中国35人、日本15人、韓国38人）が参加した2日間のワークショップ。",
            },
        ),
    ),
    (
        8,
        None,
        "tbd",
        {},
        {
            "en": "TBD (planned for 2022)",
            "ko": "미정 (2022년 개최 예정)",
            "zh_hans": "待定（计划于2022年举办）",
            "zh_hant": "待定（計劃於2022年舉辦）",
            "ja": "未定（2022年開催予定）",
        },
    ),
]

# kind, {title}, speaker, {speaker title}, {description}
CJK_7TH_AGENDA = [
    (
        "lecture",
        {
            "en": "The Current Status of CJK Cooperation and the TCS",
            "ko": "한일중 협력의 현황과 3국협력사무국(TCS)",
            "zh_hans": "中日韩合作的现状与三国合作秘书处（TCS）",
            "zh_hant": "中日韓合作的現狀與三國合作秘書處（TCS）",
            "ja": "日中韓協力の現状と三国協力事務局（TCS）",
        },
        "YAMAMOTO Yasushi",
        {
            "en": "then Deputy Secretary-General of the Trilateral Cooperation Secretariat (TCS)",
            "ko": "당시 한중일3국협력사무국(TCS) 사무차장",
            "zh_hans": "时任中日韩三国合作秘书处（TCS）副秘书长",
            "zh_hant": "時任中日韓三國合作秘書處（TCS）副秘書長",
            "ja": "当時の日中韓三国協力事務局（TCS）事務次長",
        },
        {},
    ),
    (
        "lecture",
        {
            "en": "Differences in the Cultures of CJK",
            "ko": "한일중 문화의 차이",
            "zh_hans": "中日韩文化的差异",
            "zh_hant": "中日韓文化的差異",
            "ja": "日中韓の文化の違い",
        },
        "Dr. CHUNG Sang Ki",
        {
            "en": "former Korea Ambassador for Northeast Asia Cooperation",
            "ko": "전 동북아협력대사",
            "zh_hans": "韩国前东北亚合作大使",
            "zh_hant": "韓國前東北亞合作大使",
            "ja": "元韓国東北アジア協力大使",
        },
        {},
    ),
    (
        "case_presentation",
        {
            "en": "Presentations on cases of CJK cooperation",
            "ko": "한일중 협력 사례 발표",
            "zh_hans": "中日韩合作案例发表",
            "zh_hant": "中日韓合作案例發表",
            "ja": "日中韓協力事例の発表",
        },
        "",
        {},
        {
            "en": "Presentations by Chinese, Japanese and Korean public officials.",
            "ko": "중국·일본·한국 공무원의 발표.",
            "zh_hans": "由中国、日本和韩国公务员发表。",
            "zh_hant": "由中國、日本和韓國公務員發表。",
            "ja": "中国・日本・韓国の公務員による発表。",
        },
    ),
    (
        "cultural_performance",
        {
            "en": "Cultural performances",
            "ko": "문화공연",
            "zh_hans": "文化演出",
            "zh_hant": "文化演出",
            "ja": "文化公演",
        },
        "",
        {},
        {},
    ),
    (
        "cultural_experience",
        {
            "en": "Culture experience program",
            "ko": "문화체험 프로그램",
            "zh_hans": "文化体验项目",
            "zh_hant": "文化體驗計畫",
            "ja": "文化体験プログラム",
        },
        "",
        {},
        {},
    ),
]
CJK_7TH_PARTICIPATION = {"CN": 35, "JP": 15, "KR": 38}

HEADS_OF_MISSIONS = {
    "program": {
        "slug": "heads-of-missions-meeting",
        "texts": {
            "name": {
                "en": "Meeting of Heads of Overseas Diplomatic Missions",
                "ko": "재외공관장회의",
                "zh_hans": "驻外使节会议",
                "zh_hant": "駐外使節會議",
                "ja": "在外公館長会議",
            },
            "summary": {
                "en": "The meeting of the heads of the Republic of Korea's overseas diplomatic missions, ambassadors and consuls-general.",
                "ko": "대사와 총영사 등 대한민국 재외공관장들이 모이는 회의입니다.",
                "zh_hans": "大韩民国驻外使领馆馆长（大使和总领事）会议。",
                "zh_hant": "大韓民國駐外使領館館長（大使和總領事）會議。",
                "ja": "大使や総領事など、大韓民国の在外公館長が集まる会議です。",
            },
        },
    },
    "occurrence": {
        "slug": "heads-of-missions-2018",
        "texts": {
            "title": {
                "en": "2018 Meeting of Heads of Overseas Diplomatic Missions",
                "ko": "2018 재외공관장회의",
                "zh_hans": "2018年驻外使节会议",
                "zh_hant": "2018年駐外使節會議",
                "ja": "2018年在外公館長会議",
            },
            "theme": {
                "en": "Building a peaceful and prosperous Korean Peninsula together with the people",
                "ko": "국민과 함께하는 평화롭고 번영하는 한반도 구축",
                "zh_hans": "与国民一起建设和平繁荣的朝鲜半岛",
                "zh_hant": "與國民一起建設和平繁榮的朝鮮半島",
                "ja": "国民と共に築く平和で繁栄する朝鮮半島",
            },
            "details": {
                "en": 'Brings together 181 mission heads, including the Ambassadors and the Consuls-General, to discuss how to implement "people- and national interests-centered" diplomacy, the policy vision of the current government, through three main topics: new frontier diplomacy; diplomacy for peace and shared prosperity on the Korean Peninsula; and diplomacy together with the people.\nTo step up communication with the public, the mission heads hold dialogue with young Koreans seeking to build presence abroad, one-on-one meetings with entrepreneurs and visits to sites of new growth engine industries. To gather opinions and win broader support through "two-way communication", the events are joined by the Ministry of Foreign Affairs\' college student supporters and "journalists for diplomacy with the people".\nThe meeting is expected to help the mission heads better understand the philosophy for state governance and the foreign policy direction of the Moon Jae-in government, and to explore its new role as a communication channel between the people and the government. (The seed is an unofficial translation of the press release.)',
                "ko": '대사와 총영사를 포함한 재외공관장 181명이 모여, 현 정부의 정책 비전인 "국민·국익 중심" 외교를 구현하는 방안을 세 가지 주요 의제(신(新)외교 지평 확대, 한반도 평화와 공동번영을 위한 외교, 국민과 함께하는 외교)를 중심으로 논의합니다.\n국민과의 소통을 강화하기 위해 해외 진출을 꿈꾸는 청년들과의 대화, 기업인과의 일대일 상담, 신성장동력 산업 현장 방문을 진행합니다. "쌍방향 소통"으로 의견을 수렴하고 폭넓은 지지를 얻기 위해 외교부 대학생 서포터즈와 "국민외교 기자단"이 행사에 함께합니다.\n이번 회의는 재외공관장들이 문재인 정부의 국정철학과 외교정책 방향을 더 잘 이해하고, 국민과 정부를 잇는 소통 창구로서 회의의 새로운 역할을 모색하는 계기가 될 것으로 기대됩니다. (원문 보도자료의 비공식 번역본에 근거)',
                "zh_hans": "包括大使和总领事在内的181名驻外使领馆馆长齐聚一堂，围绕三大主题（拓展外交新视野、为朝鲜半岛和平与共同繁荣开展外交、与国民同行的外交），讨论如何落实现政府的政策愿景——“以国民和国家利益为中心”的外交。\n为加强与公众的沟通，馆长们将与有志于海外发展的韩国青年对话，与企业家进行一对一会谈，并参观新增长动力产业现场。为通过“双向沟通”收集意见、争取更广泛的支持，外交部大学生支持团和“国民外交记者团”也将参加相关活动。\n此次会议有望帮助馆长们更好地理解文在寅政府的治国理念和外交政策方向，并探索会议作为国民与政府之间沟通渠道的新作用。（依据新闻稿的非官方译文）",
                "zh_hant": "包括大使和總領事在內的181名駐外使領館館長齊聚一堂，圍繞三大主題（拓展外交新視野、為朝鮮半島和平與共同繁榮開展外交、與國民同行的外交），討論如何落實現政府的政策願景——“以國民和國家利益為中心”的外交。\n為加強與公眾的溝通，館長們將與有志於海外發展的韓國青年對話，與企業家進行一對一會談，並參觀新增長動力產業現場。為透過“雙向溝通”收集意見、爭取更廣泛的支援，外交部大學生支援團和“國民外交記者團”也將參加相關活動。\n此次會議有望幫助館長們更好地理解文在寅政府的治國理念和外交政策方向，並探索會議作為國民與政府之間溝通渠道的新作用。（依據新聞稿的非官方譯文）",
                "ja": "大使や総領事を含む在外公館長181人が集まり、現政府の政策ビジョンである「国民・国益中心」の外交を実現する方策を、3つの主要議題（新たな外交の地平の拡大、朝鮮半島の平和と共同繁栄のための外交、国民と共にある外交）を中心に議論します。\n国民とのコミュニケーションを強化するため、海外進出を目指す若者との対話、企業関係者との一対一の面談、新成長動力産業の現場訪問を行います。「双方向のコミュニケーション」で意見を集め幅広い支持を得るため、外交部の大学生サポーターズと「国民外交記者団」も行事に参加します。\n今回の会議は、在外公館長が文在寅政府の国政哲学と外交政策の方向をより深く理解し、国民と政府をつなぐコミュニケーションの場としての会議の新たな役割を探る機会になると期待されています。（報道資料の非公式翻訳に基づく）",
            },
        },
        "start": date(2018, 12, 10),
        "end": date(2018, 12, 14),
        "mission_heads": 181,
    },
    # kind, {title}, speaker, {speaker title}, {description}
    "agenda": [
        (
            "theme",
            {
                "en": "New frontier diplomacy",
                "ko": "신(新)외교 지평 확대",
                "zh_hans": "拓展外交新视野",
                "zh_hant": "拓展外交新視野",
                "ja": "新たな外交の地平の拡大",
            },
            "",
            {},
            {
                "en": "Implementing the government's diplomatic diversification policies, including the New Southern and Northern Policies, and its key economic policies, including supporting those seeking jobs abroad.",
                "ko": "신남방·신북방정책을 비롯한 정부의 외교 다변화 정책과 해외 취업 지원 등 주요 경제정책의 이행 방안.",
                "zh_hans": "落实政府的外交多元化政策（包括新南方政策和新北方政策）及主要经济政策（包括支持海外求职者）。",
                "zh_hant": "落實政府的外交多元化政策（包括新南方政策和新北方政策）及主要經濟政策（包括支援海外求職者）。",
                "ja": "新南方政策・新北方政策をはじめとする政府の外交多角化政策と、海外就職の支援などの主要経済政策の実施方策。",
            },
        ),
        (
            "theme",
            {
                "en": "Diplomacy for peace and shared prosperity on the Korean Peninsula",
                "ko": "한반도 평화와 공동번영을 위한 외교",
                "zh_hans": "为朝鲜半岛和平与共同繁荣开展的外交",
                "zh_hant": "為朝鮮半島和平與共同繁榮開展的外交",
                "ja": "朝鮮半島の平和と共同繁栄のための外交",
            },
            "",
            {},
            {
                "en": "Building on the government-led positive changes on the Peninsula over the past year: the role the Foreign Ministry can and should play toward complete denuclearization and the establishment of permanent peace on the Korean Peninsula, and the measures it should take on each relevant issue.",
                "ko": "지난 1년간 정부 주도로 이루어진 한반도 정세의 긍정적 변화를 토대로, 한반도의 완전한 비핵화와 항구적 평화 정착을 위해 외교부가 할 수 있고 해야 할 역할과 현안별 대응 방안.",
                "zh_hans": "在过去一年由政府主导的半岛局势积极变化的基础上，探讨外交部为实现朝鲜半岛完全无核化和建立永久和平能够且应当发挥的作用，以及针对各相关问题应采取的措施。",
                "zh_hant": "在過去一年由政府主導的半島局勢積極變化的基礎上，探討外交部為實現朝鮮半島完全無核化和建立永久和平能夠且應當發揮的作用，以及針對各相關問題應採取的措施。",
                "ja": "この1年間に政府主導で生まれた半島情勢の前向きな変化を踏まえ、朝鮮半島の完全な非核化と恒久的な平和の定着に向けて外交部が果たせる、また果たすべき役割と、懸案ごとの対応策。",
            },
        ),
        (
            "theme",
            {
                "en": "Diplomacy together with the people",
                "ko": "국민과 함께하는 외교",
                "zh_hans": "与国民同行的外交",
                "zh_hant": "與國民同行的外交",
                "ja": "国民と共にある外交",
            },
            "",
            {},
            {
                "en": "With an annual 26 million Koreans traveling abroad and incidents and accidents involving overseas Koreans growing, protecting them grows in importance. Government measures: running the center for overseas safety and the consular call center so that they cooperate, expanding the personnel handling incidents and accidents, and promotional activities to raise Koreans' safety awareness; exemplary cases of overseas missions are shared. Also: public diplomacy strategies for communication with the people of host countries, to enhance their understanding of and trust in Korea, and the importance of public diplomacy in which the public takes part.",
                "ko": "매년 2,600만 명의 국민이 해외를 방문하고 재외국민 사건·사고가 늘어나면서 재외국민 보호 업무의 중요성이 커지고 있습니다. 정부 대책: 해외안전지킴센터와 영사콜센터의 연계 운영, 사건·사고 담당 인력 확충, 국민의 안전의식을 높이는 홍보 활동. 재외공관의 모범 사례를 공유합니다. 또한 주재국 국민의 한국에 대한 이해와 신뢰를 높이기 위한 공공외교 전략과, 국민이 참여하는 공공외교의 중요성을 논의합니다.",
                "zh_hans": "每年有2600万韩国人出国，涉及海外韩国人的事件和事故不断增加，保护海外同胞的工作日益重要。政府措施：使海外安全中心与领事呼叫中心联动运营，增加处理事件和事故的人员，开展提高国民安全意识的宣传活动；并分享驻外使领馆的优秀案例。此外还将讨论与驻在国民众沟通、增进其对韩国的了解与信任的公共外交战略，以及公众参与公共外交的重要性。",
                "zh_hant": "每年有2600萬韓國人出國，涉及海外韓國人的事件和事故不斷增加，保護海外同胞的工作日益重要。政府措施：使海外安全中心與領事呼叫中心聯動運營，增加處理事件和事故的人員，開展提高國民安全意識的宣傳活動；並分享駐外使領館的優秀案例。此外還將討論與駐在國民眾溝通、增進其對韓國的瞭解與信任的公共外交戰略，以及公眾參與公共外交的重要性。",
                "ja": "毎年2600万人の韓国国民が海外を訪れ、在外国民が巻き込まれる事件・事故が増えるなか、在外国民の保護はますます重要になっています。政府の対策：海外安全センターと領事コールセンターの連携運営、事件・事故を担当する人員の拡充、国民の安全意識を高める広報活動。在外公館の模範事例を共有します。また、駐在国の国民の韓国への理解と信頼を高めるための公共外交戦略と、国民が参加する公共外交の重要性についても議論します。",
            },
        ),
        (
            "special_lecture",
            {
                "en": "A new era, new communication",
                "ko": "새로운 시대, 새로운 소통",
                "zh_hans": "新时代，新沟通",
                "zh_hant": "新時代，新溝通",
                "ja": "新しい時代、新しいコミュニケーション",
            },
            "Yoon Young-chan",
            {
                "en": "Presidential Senior Secretary for Public Relations",
                "ko": "청와대 국민소통수석비서관",
                "zh_hans": "青瓦台国民沟通首席秘书",
                "zh_hant": "青瓦台國民溝通首席秘書",
                "ja": "青瓦台国民疎通首席秘書官",
            },
            {},
        ),
        (
            "special_lecture",
            {
                "en": "The direction of the ROK government's anti-corruption policy",
                "ko": "정부 반부패 정책의 방향",
                "zh_hans": "韩国政府反腐败政策的方向",
                "zh_hant": "韓國政府反腐敗政策的方向",
                "ja": "韓国政府の腐敗防止政策の方向",
            },
            "Pak Un-jong",
            {
                "en": "Chair of the Anti-Corruption and Civil Rights Commission",
                "ko": "국민권익위원회 위원장",
                "zh_hans": "国民权益委员会委员长",
                "zh_hant": "國民權益委員會委員長",
                "ja": "国民権益委員会委員長",
            },
            {},
        ),
        (
            "lecture",
            {
                "en": "Lecture and question-and-answer session on economic policy",
                "ko": "경제정책 강연 및 질의응답",
                "zh_hans": "经济政策讲座及问答",
                "zh_hant": "經濟政策講座及問答",
                "ja": "経済政策に関する講演と質疑応答",
            },
            "Yoon Jong-won",
            {
                "en": "Cheong Wa Dae Senior Secretary for Economic Affairs",
                "ko": "청와대 경제수석비서관",
                "zh_hans": "青瓦台经济首席秘书",
                "zh_hant": "青瓦台經濟首席秘書",
                "ja": "青瓦台経済首席秘書官",
            },
            {
                "en": 'The role overseas missions should play in the government\'s efforts to create "an inclusive country where everyone is better off".',
                "ko": '"함께 잘사는 포용국가"를 이루려는 정부의 노력에서 재외공관이 해야 할 역할.',
                "zh_hans": "在政府建设“人人共享富裕的包容性国家”的努力中，驻外使领馆应发挥的作用。",
                "zh_hant": "在政府建設“人人共享富裕的包容性國家”的努力中，駐外使領館應發揮的作用。",
                "ja": "「みんなが共に豊かに暮らす包容国家」をめざす政府の取り組みにおいて在外公館が果たすべき役割。",
            },
        ),
        (
            "lecture",
            {
                "en": "Policy direction for denuclearization and peace on the Korean Peninsula",
                "ko": "한반도 비핵화와 평화 구축을 위한 정책 방향",
                "zh_hans": "朝鲜半岛无核化与和平建设的政策方向",
                "zh_hant": "朝鮮半島無核化與和平建設的政策方向",
                "ja": "朝鮮半島の非核化と平和構築に向けた政策の方向",
            },
            "Chung Eui-yong",
            {
                "en": "Director of the National Security Office of Cheong Wa Dae",
                "ko": "청와대 국가안보실장",
                "zh_hans": "青瓦台国家安保室室长",
                "zh_hant": "青瓦台國家安保室室長",
                "ja": "青瓦台国家安保室長",
            },
            {
                "en": "Exchange of views with the mission heads on the role of the overseas missions.",
                "ko": "재외공관의 역할에 관해 공관장들과 의견을 나눕니다.",
                "zh_hans": "与馆长们就驻外使领馆的作用交换意见。",
                "zh_hant": "與館長們就駐外使領館的作用交換意見。",
                "ja": "在外公館の役割について公館長と意見を交わします。",
            },
        ),
        (
            "special_lecture",
            {
                "en": "Government innovation toward an inclusive nation",
                "ko": "포용국가를 향한 정부혁신",
                "zh_hans": "迈向包容性国家的政府创新",
                "zh_hant": "邁向包容性國家的政府創新",
                "ja": "包容国家に向けた政府革新",
            },
            "Kim Boo-kyum",
            {
                "en": "Minister of the Interior and Safety",
                "ko": "행정안전부 장관",
                "zh_hans": "行政安全部长官",
                "zh_hant": "行政安全部長官",
                "ja": "行政安全部長官",
            },
            {
                "en": "Session on the Foreign Ministry innovation: the mission heads share the phase-2 innovation vision of the Foreign Ministry and discuss specific ways to achieve innovation and build diplomatic capabilities.",
                "ko": "외교부 혁신 세션: 공관장들이 외교부 2단계 혁신 비전을 공유하고 혁신 달성과 외교역량 강화를 위한 구체적 방안을 논의합니다.",
                "zh_hans": "外交部创新环节：馆长们分享外交部第二阶段创新愿景，讨论实现创新、提升外交能力的具体方法。",
                "zh_hant": "外交部創新環節：館長們分享外交部第二階段創新願景，討論實現創新、提升外交能力的具體方法。",
                "ja": "外交部革新のセッション：公館長が外交部の第2段階の革新ビジョンを共有し、革新の実現と外交力の強化に向けた具体策を議論します。",
            },
        ),
        (
            "group_discussion",
            {
                "en": "Group discussions on new frontier diplomacy",
                "ko": "신외교 지평 확대 분임 토의",
                "zh_hans": "关于拓展外交新视野的分组讨论",
                "zh_hant": "關於拓展外交新視野的分組討論",
                "ja": "新たな外交の地平の拡大に関するグループ討議",
            },
            "",
            {},
            {
                "en": "Implementing the New Southern and Northern Policies; supporting bids to seek jobs abroad; diplomacy toward Latin America; responding to economic confrontations in the international community; supporting the implementation of the new climate regime.",
                "ko": "신남방·신북방정책 이행, 해외 취업 지원, 중남미 외교, 국제사회의 경제 갈등 대응, 신기후체제 이행 지원.",
                "zh_hans": "落实新南方政策和新北方政策；支持海外求职；对拉丁美洲外交；应对国际社会的经济对抗；支持新气候机制的实施。",
                "zh_hant": "落實新南方政策和新北方政策；支援海外求職；對拉丁美洲外交；應對國際社會的經濟對抗；支援新氣候機制的實施。",
                "ja": "新南方・新北方政策の実施、海外就職の支援、中南米外交、国際社会の経済対立への対応、新気候体制の実施支援。",
            },
        ),
        (
            "group_discussion",
            {
                "en": "Group discussions on peace on the Korean Peninsula",
                "ko": "한반도 평화 분임 토의",
                "zh_hans": "关于朝鲜半岛和平的分组讨论",
                "zh_hant": "關於朝鮮半島和平的分組討論",
                "ja": "朝鮮半島の平和に関するグループ討議",
            },
            "",
            {},
            {
                "en": "Winning cooperation from the international community in moving inter-Korean relations forward; diplomatic efforts to achieve complete denuclearization and establish a peace regime.",
                "ko": "남북관계 진전을 위한 국제사회의 협력 확보, 완전한 비핵화와 평화체제 구축을 위한 외교적 노력.",
                "zh_hans": "争取国际社会合作推动朝韩关系向前发展；为实现完全无核化和建立和平机制开展外交努力。",
                "zh_hant": "爭取國際社會合作推動朝韓關係向前發展；為實現完全無核化和建立和平機制開展外交努力。",
                "ja": "南北関係の進展に向けた国際社会の協力の確保、完全な非核化と平和体制の構築に向けた外交努力。",
            },
        ),
        (
            "dialogue",
            {
                "en": "Dialogue with young Koreans seeking to build presence abroad",
                "ko": "해외 진출을 꿈꾸는 청년들과의 대화",
                "zh_hans": "与有志于海外发展的韩国青年对话",
                "zh_hant": "與有志於海外發展的韓國青年對話",
                "ja": "海外進出を目指す若者との対話",
            },
            "",
            {},
            {},
        ),
        (
            "bilateral_meeting",
            {
                "en": "One-on-one meetings with entrepreneurs",
                "ko": "기업인과의 일대일 상담",
                "zh_hans": "与企业家一对一会谈",
                "zh_hant": "與企業家一對一會談",
                "ja": "企業関係者との一対一の面談",
            },
            "",
            {},
            {},
        ),
        (
            "site_visit",
            {
                "en": "Visits to sites of new growth engine industries",
                "ko": "신성장동력 산업 현장 방문",
                "zh_hans": "参观新增长动力产业现场",
                "zh_hant": "參觀新增長動力產業現場",
                "ja": "新成長動力産業の現場訪問",
            },
            "",
            {},
            {},
        ),
    ],
}

ASEAN = {
    "program": {
        "slug": "asean-rok-roundtable",
        "texts": {
            "name": {
                "en": "ASEAN-ROK Ministerial Roundtable on Public Service Innovation",
                "ko": "한-아세안 공공행정 혁신 장관 라운드테이블",
                "zh_hans": "东盟-韩国公共服务创新部长圆桌会议",
                "zh_hant": "東協-韓國公共服務創新部長圓桌會議",
                "ja": "ASEAN-韓国公共サービス革新閣僚円卓会議",
            },
            "summary": {
                "en": "Ministers in charge of public service innovation in Korea and the ASEAN member states discuss best practices and further cooperation.",
                "ko": "한국과 아세안 회원국의 공공행정 혁신 담당 장관들이 우수사례와 향후 협력 방안을 논의합니다.",
                "zh_hans": "韩国和东盟成员国负责公共服务创新的部长们讨论优秀案例和进一步合作。",
                "zh_hant": "韓國和東協成員國負責公共服務創新的部長們討論優秀案例和進一步合作。",
                "ja": "韓国とASEAN加盟国の公共サービス革新担当閣僚が、優良事例と今後の協力について議論します。",
            },
            "description": {
                "en": "ASEAN, founded in 1967 as an association of Southeast Asian nations, has ten member states: Brunei (joined in 1994), Cambodia (1999), Indonesia (1967), Laos (1997), Malaysia (1967), Myanmar (1997), the Philippines (1967), Singapore (1967), Thailand (1967) and Vietnam (1995).\nASEAN has become one of the most important foreign policy agendas of the Republic of Korea under the Moon Jae-in administration's New Southern Policy. Since the partnership was established in 1989, bilateral trade has grown 20-fold, from 8.2 billion to 160 billion dollars, and the number of visitors travelling between ASEAN and Korea more than 100-fold.\nThe Ministry of the Interior and Safety has strengthened its cooperation with the ASEAN member states: it has sent the Korea-ASEAN Public Administration Cooperation Corps to Indonesia, Cambodia, Myanmar and Thailand, opened the Korea-Indonesia E-Government Cooperation Center, and runs a local government capacity building program in Cambodia.",
                "ko": "아세안은 1967년 동남아시아 국가들의 연합으로 창설되었으며, 회원국은 브루나이(1994년 가입), 캄보디아(1999년), 인도네시아(1967년), 라오스(1997년), 말레이시아(1967년), 미얀마(1997년), 필리핀(1967년), 싱가포르(1967년), 태국(1967년), 베트남(1995년) 등 10개국입니다.\n아세안은 문재인 정부의 신남방정책에서 대한민국의 가장 중요한 외교 의제 중 하나가 되었습니다. 1989년 대화관계 수립 이후 한-아세안 교역액은 82억 달러에서 1,600억 달러로 20배 늘었고, 상호 방문객 수는 100배 이상 증가했습니다.\n행정안전부는 아세안 회원국과 협력을 강화해 왔습니다. 인도네시아, 캄보디아, 미얀마, 태국에 한-아세안 행정협력단을 파견하고, 한-인도네시아 전자정부협력센터를 개소했으며, 캄보디아에서 지방정부 역량강화 사업을 운영하고 있습니다.",
                "zh_hans": "东盟于1967年作为东南亚国家联盟成立，共有十个成员国：文莱（1994年加入）、柬埔寨（1999年）、印度尼西亚（1967年）、老挝（1997年）、马来西亚（1967年）、缅甸（1997年）、菲律宾（1967年）、新加坡（1967年）、泰国（1967年）和越南（1995年）。\n在文在寅政府的新南方政策下，东盟已成为大韩民国最重要的外交议题之一。自1989年建立伙伴关系以来，双边贸易额从82亿美元增至1600亿美元，增长了20倍，东盟与韩国之间的往来游客人数增长了100多倍。\n行政安全部不断加强与东盟成员国的合作：向印度尼西亚、柬埔寨、缅甸和泰国派遣了韩国-东盟公共行政合作团，开设了韩国-印度尼西亚电子政务合作中心，并在柬埔寨开展地方政府能力建设项目。",
                "zh_hant": "東協於1967年作為東南亞國家聯盟成立，共有十個成員國：汶萊（1994年加入）、柬埔寨（1999年）、印尼（1967年）、寮國（1997年）、馬來西亞（1967年）、緬甸（1997年）、菲律賓（1967年）、新加坡（1967年）、泰國（1967年）和越南（1995年）。\n在文在寅政府的新南方政策下，東協已成為大韓民國最重要的外交議題之一。自1989年建立夥伴關係以來，雙邊貿易額從82億美元增至1600億美元，增長了20倍，東協與韓國之間的往來遊客人數增長了100多倍。\n行政安全部不斷加強與東協成員國的合作：向印尼、柬埔寨、緬甸和泰國派遣了韓國-東協公共行政合作團，開設了韓國-印尼電子政務合作中心，並在柬埔寨開展地方政府能力建設計畫。",
                "ja": "ASEANは1967年に東南アジア諸国の連合として設立され、加盟国はブルネイ（1994年加盟）、カンボジア（1999年）、インドネシア（1967年）、ラオス（1997年）、マレーシア（1967年）、ミャンマー（1997年）、フィリピン（1967年）、シンガポール（1967年）、タイ（1967年）、ベトナム（1995年）の10か国です。\nASEANは文在寅政権の新南方政策のもとで、大韓民国の最も重要な外交課題の一つとなりました。1989年のパートナーシップ樹立以来、二国間の貿易額は82億ドルから1600億ドルへと20倍に増え、ASEANと韓国を行き来する訪問者数は100倍以上に増加しました。\n行政安全部はASEAN加盟国との協力を強化してきました。インドネシア、カンボジア、ミャンマー、タイに韓・ASEAN行政協力団を派遣し、韓・インドネシア電子政府協力センターを開設し、カンボジアで地方政府の能力強化事業を運営しています。",
            },
        },
    },
    "first": {
        "slug": "asean-rok-roundtable-2014",
        "number": 1,
        "year": 2014,
        "texts": {
            "title": {
                "en": "1st ASEAN-ROK Ministerial Roundtable on Public Service Innovation (2014)",
                "ko": "제1회 한-아세안 공공행정 혁신 장관 라운드테이블 (2014)",
                "zh_hans": "第一届东盟-韩国公共服务创新部长圆桌会议（2014年）",
                "zh_hant": "第一屆東協-韓國公共服務創新部長圓桌會議（2014年）",
                "ja": "第1回ASEAN-韓国公共サービス革新閣僚円卓会議（2014年）",
            },
        },
    },
    "second": {
        "slug": "asean-rok-roundtable-2019",
        "number": 2,
        "texts": {
            "title": {
                "en": "ASEAN-ROK Exhibition and Ministerial Roundtable on Public Service Innovation 2019",
                "ko": "2019 한-아세안 공공행정 혁신 전시회 및 장관 라운드테이블",
                "zh_hans": "2019年东盟-韩国公共服务创新展览会暨部长圆桌会议",
                "zh_hant": "2019年東協-韓國公共服務創新展覽會暨部長圓桌會議",
                "ja": "2019年ASEAN-韓国公共サービス革新展示会・閣僚円卓会議",
            },
            "theme": {
                "en": "Building better governance: bringing better future for all",
                "ko": "더 나은 거버넌스 구축: 모두를 위한 더 나은 미래",
                "zh_hans": "构建更好的治理：为所有人带来更美好的未来",
                "zh_hant": "構建更好的治理：為所有人帶來更美好的未來",
                "ja": "より良いガバナンスの構築：すべての人により良い未来を",
            },
            "location": {
                "en": "Busan, Korea",
                "ko": "한국 부산",
                "zh_hans": "韩国釜山",
                "zh_hant": "韓國釜山",
                "ja": "韓国・釜山",
            },
            "venue": {
                "en": "Busan Exhibition and Convention Center (BEXCO)",
                "ko": "부산 벡스코(BEXCO)",
                "zh_hans": "釜山会展中心（BEXCO）",
                "zh_hant": "釜山會展中心（BEXCO）",
                "ja": "釜山展示コンベンションセンター（BEXCO）",
            },
            "details": {
                "en": "The Ministry of the Interior and Safety (MOIS), led by Minister Chin Young, announced on 19 November that the ASEAN-ROK Exhibition on Public Service Innovation and the ASEAN-ROK Ministerial Roundtable on Public Service Innovation would be held at the Busan Exhibition and Convention Center from 25 through 27 November, on the sidelines of the 2019 ASEAN-ROK Commemorative Summit (25-26 November) celebrating the 30th anniversary of the dialogue partnership between ASEAN and the Republic of Korea.\nThis is the second roundtable, after the first in 2014: MOIS looks back on the accomplishments of the past five years and seeks ways of further cooperation and development. The ministers in charge of public service innovation in Korea and the ASEAN member states gather for the roundtable from 9:40 to 17:20 on 26 November; over 150 ASEAN officials and students studying in Korea attend.\nThe exhibition serves Korea and all ten ASEAN member states as a platform to showcase, in one place, cooperation between ASEAN and Korea and innovation in public services. It is themed on the 3Ps, People, Peace and Prosperity, the three guiding principles of the New Southern Policy: it cares for the needs and first-hand experience of visitors and visiting organizations (people), shares best practices and knowledge (prosperity and win-win partnership) and brings a harmonious atmosphere for participating countries, organizations and visitors (peace and harmony). As the heads of state attending the Commemorative Summit and minister-level officials visit the exhibition themselves, it is expected to help identify potential joint projects and promote people-to-people exchanges between Korea and ASEAN.\nWith the 3Ps, MOIS aims to improve people's lives in Korea and ASEAN through better administrative systems and public services (people), to promote common prosperity by sharing Korea's exemplary public services and ASEAN's key public service innovation (prosperity), and to develop friendly relations through mutual understanding and high-level bilateral meetings (peace).\nMinister Chin Young: \"I believe that the New Southern Policy aiming for a community for peace and prosperity will gain momentum after this gathering. It is my hope that win-win partnership between Korea and ASEAN will further strengthen by sharing our experiences in public service innovation and solidifying our cooperation.\"",
                "ko": '진영 장관이 이끄는 행정안전부는 11월 19일, 한-아세안 공공행정 혁신 전시회와 한-아세안 공공행정 혁신 장관 라운드테이블을 11월 25일부터 27일까지 부산 벡스코에서 개최한다고 발표했습니다. 두 행사는 한-아세안 대화관계 수립 30주년을 기념하는 2019 한-아세안 특별정상회의(11월 25~26일) 계기에 열립니다.\n이번 라운드테이블은 2014년 제1회에 이어 두 번째로 열리며, 행정안전부는 지난 5년간의 성과를 돌아보고 앞으로의 협력과 발전 방안을 모색합니다. 한국과 아세안 회원국의 공공행정 혁신 담당 장관들이 11월 26일 9시 40분부터 17시 20분까지 라운드테이블에 모이며, 아세안 공무원과 국내 유학생 150여 명이 참석합니다.\n전시회는 한국과 아세안 10개 회원국 모두가 한-아세안 협력과 공공서비스 혁신을 한자리에서 선보이는 장입니다. 신남방정책의 3대 원칙인 3P, 즉 사람(People), 평화(Peace), 번영(Prosperity)을 주제로, 관람객과 방문 기관의 수요와 직접 체험을 배려하고(사람), 우수사례와 지식을 공유하며(번영과 상생), 참가국·기관·관람객에게 화합의 분위기를 조성합니다(평화와 화합). 특별정상회의에 참석하는 각국 정상과 장관급 인사들이 직접 전시회를 방문할 예정이어서, 한-아세안 공동사업 발굴과 인적 교류 촉진에 도움이 될 것으로 기대됩니다.\n행정안전부는 3P를 통해 더 나은 행정체계와 공공서비스로 한국과 아세안 국민의 삶을 개선하고(사람), 한국의 모범적인 공공서비스와 아세안의 핵심 공공서비스 혁신을 서로 공유하여 공공서비스 분야의 공동번영을 이루며(번영), 상호 이해 증진과 고위급 양자회담으로 우호관계를 발전시키고자 합니다(평화).\n진영 장관은 "평화와 번영의 공동체를 지향하는 신남방정책이 이번 만남을 계기로 더욱 힘을 얻을 것으로 믿는다"며 "공공행정 혁신 경험을 공유하고 협력을 공고히 하여 한-아세안 상생 협력이 더욱 강화되기를 바란다"고 말했습니다.',
                "zh_hans": "由陈永部长领导的韩国行政安全部（MOIS）于11月19日宣布，东盟-韩国公共服务创新展览会和东盟-韩国公共服务创新部长圆桌会议将于11月25日至27日在釜山会展中心举行。两项活动在为纪念东盟与大韩民国建立对话伙伴关系30周年而举行的2019年东盟-韩国纪念峰会（11月25日至26日）期间举办。\n本次圆桌会议是继2014年第一届之后的第二届，行政安全部将借此回顾过去五年的成果，探寻今后进一步合作与发展的途径。韩国和东盟成员国负责公共服务创新的部长们将于11月26日9:40至17:20齐聚圆桌会议，150多名东盟官员和在韩留学生出席。\n展览会为韩国和东盟全部十个成员国提供了一个平台，在同一场所展示东盟与韩国的合作以及公共服务创新。展览以新南方政策的三大指导原则“3P”——人民（People）、和平（Peace）、繁荣（Prosperity）为主题：关注参观者和参访机构的需求与亲身体验（人民），分享优秀案例和知识（繁荣与共赢伙伴关系），为参展国家、机构和参观者营造和谐氛围（和平与和谐）。由于出席纪念峰会的各国首脑和部长级官员将亲自参观展览，展览有望帮助发掘潜在的合作项目，促进韩国与东盟之间的人文交流。\n通过3P，行政安全部致力于以更好的行政体系和公共服务改善韩国和东盟人民的生活（人民），通过相互分享韩国的优秀公共服务和东盟的主要公共服务创新促进共同繁荣（繁荣），并通过增进相互了解和高级别双边会谈发展友好关系（和平）。\n陈永部长表示：“我相信，以建设和平与繁荣共同体为目标的新南方政策将在此次聚会后获得新的动力。希望通过分享公共服务创新经验、巩固合作，韩国与东盟的共赢伙伴关系得到进一步加强。”",
                "zh_hant": "由陳永部長領導的韓國行政安全部（MOIS）於11月19日宣佈，東協-韓國公共服務創新展覽會和東協-韓國公共服務創新部長圓桌會議將於11月25日至27日在釜山會展中心舉行。兩項活動在為紀念東協與大韓民國建立對話夥伴關係30週年而舉行的2019年東協-韓國紀念峰會（11月25日至26日）期間舉辦。\n本次圓桌會議是繼2014年第一屆之後的第二屆，行政安全部將藉此回顧過去五年的成果，探尋今後進一步合作與發展的途徑。韓國和東協成員國負責公共服務創新的部長們將於11月26日9:40至17:20齊聚圓桌會議，150多名東協官員和在韓留學生出席。\n展覽會為韓國和東協全部十個成員國提供了一個平臺，在同一場所展示東協與韓國的合作以及公共服務創新。展覽以新南方政策的三大指導原則“3P”——人民（People）、和平（Peace）、繁榮（Prosperity）為主題：關注參觀者和參訪機構的需求與親身體驗（人民），分享優秀案例和知識（繁榮與共贏夥伴關係），為參展國家、機構和參觀者營造和諧氛圍（和平與和諧）。由於出席紀念峰會的各國首腦和部長級官員將親自參觀展覽，展覽有望幫助發掘潛在的合作計畫，促進韓國與東協之間的人文交流。\n透過3P，行政安全部致力於以更好的行政體系和公共服務改善韓國和東協人民的生活（人民），透過相互分享韓國的優秀公共服務和東協的主要公共服務創新促進共同繁榮（繁榮），並透過增進相互瞭解和高階別雙邊會談發展友好關係（和平）。\n陳永部長表示：“我相信，以建設和平與繁榮共同體為目標的新南方政策將在此次聚會後獲得新的動力。希望透過分享公共服務創新經驗、鞏固合作，韓國與東協的共贏夥伴關係得到進一步加強。”",
                "ja": "陳永長官が率いる行政安全部（MOIS）は11月19日、ASEAN-韓国公共サービス革新展示会とASEAN-韓国公共サービス革新閣僚円卓会議を11月25日から27日まで釜山展示コンベンションセンターで開催すると発表しました。両行事は、ASEANと大韓民国の対話関係樹立30周年を記念する2019年ASEAN-韓国特別首脳会議（11月25～26日）に合わせて開かれます。\n今回の円卓会議は2014年の第1回に続く2回目で、行政安全部はこの5年間の成果を振り返り、今後の協力と発展の方策を探ります。韓国とASEAN加盟国の公共サービス革新担当閣僚が11月26日9時40分から17時20分まで円卓会議に集まり、ASEANの公務員と韓国で学ぶ留学生150人以上が出席します。\n展示会は、韓国とASEAN加盟10か国すべてがASEANと韓国の協力と公共サービスの革新を一か所で紹介する場です。新南方政策の3つの指導原則である3P、すなわち人（People）、平和（Peace）、繁栄（Prosperity）をテーマに、来場者と訪問機関のニーズと実体験に配慮し（人）、優良事例と知識を共有し（繁栄と共生）、参加国・機関・来場者に調和の雰囲気をもたらします（平和と調和）。特別首脳会議に出席する各国首脳と閣僚級の関係者が自ら展示会を訪れる予定で、共同事業の発掘と韓国・ASEAN間の人的交流の促進に役立つと期待されています。\n行政安全部は3Pを通じて、より良い行政制度と公共サービスで韓国とASEANの人々の暮らしを改善し（人）、韓国の模範的な公共サービスとASEANの主要な公共サービス革新を互いに共有して公共サービス分野の共同繁栄を図り（繁栄）、相互理解の増進とハイレベルの二国間会談で友好関係を発展させることを目指しています（平和）。\n陳永長官は「平和と繁栄の共同体を目指す新南方政策が、今回の集まりを機にさらに勢いを増すと信じています」と述べ、「公共サービス革新の経験を共有し協力を固めることで、韓国とASEANの共生のパートナーシップがさらに強まることを願っています」と付け加えました。",
            },
        },
        "start": date(2019, 11, 25),
        "end": date(2019, 11, 27),
    },
    # kind, {title}, day, last day, {description}, speaker, {speaker title}
    "agenda": [
        (
            "exhibition",
            {
                "en": "Public Service Innovation Exhibit",
                "ko": "공공서비스 혁신관",
                "zh_hans": "公共服务创新展区",
                "zh_hant": "公共服務創新展區",
                "ja": "公共サービス革新展示館",
            },
            date(2019, 11, 25),
            date(2019, 11, 27),
            {
                "en": "The Korean government's innovative public services using 4th industrial revolution technology: from the disaster response system using KT's 5G networks to Busan's electronic customs clearance system and smart traffic system using the Internet of Things, to automated immigration checks. Exhibitors along with MOIS: other Korean government agencies such as the Ministry of Health and Welfare and the Ministry of Education, Busan Metropolitan City, the ten ASEAN member states and the Korea Foundation for International Healthcare, among others.",
                "ko": "4차 산업혁명 기술을 활용한 정부의 혁신적인 공공서비스: KT의 5G 네트워크를 활용한 재난대응 시스템부터 부산시의 전자통관 시스템과 사물인터넷 기반 스마트 교통 시스템, 자동출입국심사까지. 행정안전부와 함께 보건복지부, 교육부 등 정부 부처, 부산광역시, 아세안 10개 회원국, 한국국제보건의료재단 등이 참여합니다.",
                "zh_hans": "韩国政府运用第四次工业革命技术的创新公共服务：从利用KT 5G网络的灾害应对系统，到釜山的电子通关系统和基于物联网的智能交通系统，再到自动出入境检查。与行政安全部一同参展的有保健福祉部、教育部等韩国政府机构，以及釜山广域市、东盟十个成员国和韩国国际保健医疗财团等。",
                "zh_hant": "韓國政府運用第四次工業革命技術的創新公共服務：從利用KT 5G網路的災害應對系統，到釜山的電子通關系統和基於物聯網的智慧交通系統，再到自動出入境檢查。與行政安全部一同參展的有保健福祉部、教育部等韓國政府機構，以及釜山廣域市、東協十個成員國和韓國國際保健醫療財團等。",
                "ja": "第4次産業革命の技術を活用した韓国政府の革新的な公共サービス：KTの5Gネットワークを使った災害対応システムから、釜山の電子通関システムとIoTを活用したスマート交通システム、自動出入国審査まで。行政安全部とともに、保健福祉部や教育部などの政府機関、釜山広域市、ASEAN加盟10か国、韓国国際保健医療財団などが出展します。",
            },
            "",
            {},
        ),
        (
            "exhibition",
            {
                "en": "ASEAN Exhibit",
                "ko": "아세안관",
                "zh_hans": "东盟展区",
                "zh_hant": "東協展區",
                "ja": "ASEAN展示館",
            },
            date(2019, 11, 25),
            date(2019, 11, 27),
            {
                "en": "Innovative public services of the ten ASEAN member states, such as Thailand's online Biz Portal, Indonesia's complaint management platform and Myanmar's participatory development policy.",
                "ko": "태국의 온라인 비즈 포털, 인도네시아의 민원관리 플랫폼, 미얀마의 참여형 개발정책 등 아세안 10개 회원국의 혁신적인 공공서비스.",
                "zh_hans": "东盟十个成员国的创新公共服务，如泰国的在线商务门户（Biz Portal）、印度尼西亚的投诉管理平台和缅甸的参与式发展政策。",
                "zh_hant": "東協十個成員國的創新公共服務，如泰國的線上商務入口網站（Biz Portal）、印尼的投訴管理平臺和緬甸的參與式發展政策。",
                "ja": "タイのオンライン・ビズポータル、インドネシアの苦情処理プラットフォーム、ミャンマーの参加型開発政策など、ASEAN加盟10か国の革新的な公共サービス。",
            },
            "",
            {},
        ),
        *(
            (
                "bilateral_meeting",
                title,
                date(2019, 11, 25),
                None,
                {
                    "en": "An in-depth discussion on matters of mutual interest, one day before the roundtable.",
                    "ko": "라운드테이블 하루 전, 상호 관심사에 관한 심도 있는 논의.",
                    "zh_hans": "在圆桌会议前一天，就共同关心的问题进行深入讨论。",
                    "zh_hant": "在圓桌會議前一天，就共同關心的問題進行深入討論。",
                    "ja": "円卓会議の前日に、相互の関心事について踏み込んだ議論を行います。",
                },
                "Chin Young",
                {
                    "en": "Minister of the Interior and Safety",
                    "ko": "행정안전부 장관",
                    "zh_hans": "行政安全部长官",
                    "zh_hant": "行政安全部長官",
                    "ja": "行政安全部長官",
                },
            )
            for title in (
                {
                    "en": "Bilateral meeting with Vietnam",
                    "ko": "베트남과의 양자회담",
                    "zh_hans": "与越南的双边会谈",
                    "zh_hant": "與越南的雙邊會談",
                    "ja": "ベトナムとの二国間会談",
                },
                {
                    "en": "Bilateral meeting with Indonesia",
                    "ko": "인도네시아와의 양자회담",
                    "zh_hans": "与印度尼西亚的双边会谈",
                    "zh_hant": "與印尼的雙邊會談",
                    "ja": "インドネシアとの二国間会談",
                },
                {
                    "en": "Bilateral meeting with Cambodia",
                    "ko": "캄보디아와의 양자회담",
                    "zh_hans": "与柬埔寨的双边会谈",
                    "zh_hant": "與柬埔寨的雙邊會談",
                    "ja": "カンボジアとの二国間会談",
                },
                {
                    "en": "Bilateral meeting with Laos",
                    "ko": "라오스와의 양자회담",
                    "zh_hans": "与老挝的双边会谈",
                    "zh_hant": "與寮國的雙邊會談",
                    "ja": "ラオスとの二国間会談",
                },
            )
        ),
        *(
            (
                "session",
                title,
                date(2019, 11, 26),
                None,
                {
                    "en": "Presentations on participating countries' public service innovation, then discussion on best practices to share and ways of further development. Roundtable hours: 9:40-17:20.",
                    "ko": "참가국의 공공서비스 혁신 사례 발표에 이어 공유할 우수사례와 향후 발전 방안을 논의합니다. 라운드테이블 시간: 9:40~17:20.",
                    "zh_hans": "先由各参加国发表公共服务创新情况，再讨论可分享的优秀案例和进一步发展的途径。圆桌会议时间：9:40至17:20。",
                    "zh_hant": "先由各參加國發表公共服務創新情況，再討論可分享的優秀案例和進一步發展的途徑。圓桌會議時間：9:40至17:20。",
                    "ja": "参加国の公共サービス革新に関する発表の後、共有すべき優良事例と今後の発展の方策を議論します。円卓会議の時間：9:40～17:20。",
                },
                "",
                {},
            )
            for title in (
                {
                    "en": "Session 1: Citizen Engagement and Government Innovation",
                    "ko": "세션 1: 시민 참여와 정부혁신",
                    "zh_hans": "第一环节：公民参与与政府创新",
                    "zh_hant": "第一環節：公民參與與政府創新",
                    "ja": "セッション1：市民参加と政府革新",
                },
                {
                    "en": "Session 2: Digital Technologies and Public Services",
                    "ko": "세션 2: 디지털 기술과 공공서비스",
                    "zh_hans": "第二环节：数字技术与公共服务",
                    "zh_hant": "第二環節：數位技術與公共服務",
                    "ja": "セッション2：デジタル技術と公共サービス",
                },
                {
                    "en": "Session 3: Capacity-Building of Local Government and Regional Development",
                    "ko": "세션 3: 지방정부 역량강화와 지역 발전",
                    "zh_hans": "第三环节：地方政府能力建设与区域发展",
                    "zh_hant": "第三環節：地方政府能力建設與區域發展",
                    "ja": "セッション3：地方政府の能力強化と地域開発",
                },
            )
        ),
    ],
    "roundtable_hours": (time(9, 40), time(17, 20)),
    # country, head, {title}
    "delegations": [
        (
            "ID",
            "Tjahjo Kumolo",
            {
                "en": "Minister of Administrative and Bureaucratic Reform",
                "ko": "행정관료개혁부 장관",
                "zh_hans": "国家机构改革与官僚改革部部长",
                "zh_hant": "國家機構改革與官僚改革部部長",
                "ja": "行政改革・官僚改革大臣",
            },
        ),
        (
            "LA",
            "Khammanh Sounvileuth",
            {
                "en": "Minister of Home Affairs",
                "ko": "내무부 장관",
                "zh_hans": "内政部部长",
                "zh_hant": "內政部部長",
                "ja": "内務大臣",
            },
        ),
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
        "texts": {
            "name": {
                "en": "Taipei-Gyeonggi Civil Servant Exchange",
                "ko": "타이베이-경기도 공무원 교류",
                "zh_hans": "台北-京畿道公务员交流",
                "zh_hant": "臺北-京畿道公務員交流",
                "ja": "台北・京畿道公務員交流",
            },
            "summary": {
                "en": "Civil servants from each side observe the partner city's municipal administration and then share their observations; the direction alternates every year. The initiative sets a new standard for international collaboration between the two countries, so that each learns about city management from the other and friendship grows.",
                "ko": "양측 공무원이 상대 도시의 시정을 견학한 뒤 소감을 공유하며, 파견 방향은 매년 번갈아 바뀝니다. 두 나라 간 국제협력의 새로운 기준이 되어 서로에게서 도시 경영을 배우고 우정을 키우는 계기가 됩니다.",
                "zh_hans": "双方公务员到对方城市观摩市政，然后分享心得；派遣方向每年轮换。这一举措将为两国之间的国际合作树立新标杆，使双方能够相互学习城市管理经验、增进友谊。",
                "zh_hant": "雙方公務員到對方城市觀摩市政，然後分享心得；派遣方向每年輪換。這一舉措將為兩國之間的國際合作樹立新標杆，使雙方能夠相互學習城市管理經驗、增進友誼。",
                "ja": "双方の公務員が相手都市の市政を視察し、その所感を共有します。派遣の方向は毎年交互に入れ替わります。両国間の国際協力の新たな基準となり、互いに都市経営を学び友好を深める取り組みです。",
            },
            "description": {
                "en": "Taipei has been friendly with its partner Gyeonggi Province since they signed a friendship MOU in June 2000. In 2015, Ex-Deputy Governor Soo-Young Park called on Ex-Deputy Mayor Zhou Li-Fang in the hope of finding ways to engage in more substantive collaboration and exchange; the civil servant exchange programme is one of the results.\nOn 26 September 2017, Kim Bok Ho, director of the Gyeonggi Provincial Human Resource Development Institute, and Qu Zhao-Xoang, director of the Taipei Department of Civil Servant Development, signed the Civil Servants Exchange and Training MOU in the presence of Mayor Ko Wen-je. The first exchange group came from Taipei City Government: 15 civil servants for a two-week training programme at the institute in late 2017. The next year Gyeonggi Province sends trainees to Taipei's Department of Civil Servant Development, and the exchange continues to alternate in this way.\nThe Gyeonggi Provincial Human Resource Development Institute has abundant experience in this type of exchange, along with a full teaching staff and equipment: since 2001 it has taken part in exchange training programmes with groups from China, Afghanistan, Iraq, Cambodia and Peru. Gyeonggi Province's main industries are biotech and information technology, as in Taipei; in recent years it has promoted industries such as technology, design, conferencing and travel, making it a valuable source of information for Taipei's civil servants.",
                "ko": "타이베이시와 경기도는 2000년 6월 우호 양해각서를 체결한 이래 우호 관계를 이어 왔습니다. 2015년 박수영 전 경기도 부지사가 저우리팡 전 타이베이시 부시장을 예방하여 보다 실질적인 협력과 교류 방안을 모색했으며, 공무원 교류 프로그램은 그 성과 중 하나입니다.\n2017년 9월 26일 커원저 시장이 참석한 가운데 김복호 경기도인재개발원장과 취자오샹(Qu Zhao-Xoang) 타이베이시정부 공무원훈련처장이 공무원 교류 및 연수 양해각서에 서명했습니다. 첫 교류단은 타이베이시정부에서 파견되어 2017년 말 공무원 15명이 경기도인재개발원에서 2주간 연수를 받았습니다. 이듬해에는 경기도가 타이베이시 공무원훈련처에 연수생을 보내며, 이후에도 이렇게 번갈아 교류를 이어 갑니다.\n경기도인재개발원은 이러한 교류 경험이 풍부하고 교수진과 시설을 두루 갖추고 있으며, 2001년부터 중국, 아프가니스탄, 이라크, 캄보디아, 페루의 연수단과 교류 연수 프로그램을 운영해 왔습니다. 경기도의 주력 산업은 타이베이와 마찬가지로 바이오와 정보기술이며, 최근에는 기술, 디자인, 컨벤션, 관광 산업 육성에 힘쓰고 있어 타이베이 공무원들에게 귀중한 정보를 제공할 수 있습니다.",
                "zh_hans": "台北与伙伴城市京畿道自2000年6月签署友好备忘录以来一直保持友好关系。2015年，京畿道前副知事Soo-Young Park拜访台北市前副市长周丽芳，希望寻求更实质性的合作与交流途径，公务员交流计划便是成果之一。\n2017年9月26日，在柯文哲市长见证下，京畿道人才开发院院长Kim Bok Ho与台北市政府公务人员训练处处长Qu Zhao-Xoang签署了公务员交流及训练备忘录。首个交流团来自台北市政府：2017年底派遣15名公务员赴京畿道人才开发院参加为期两周的培训。次年由京畿道派遣学员前往台北市政府公务人员训练处，此后交流将以这种方式轮流进行。\n京畿道人才开发院在此类交流方面经验丰富，师资和设备齐全：自2001年起，已与来自中国、阿富汗、伊拉克、柬埔寨和秘鲁的团体开展交流培训项目。京畿道的主要产业与台北一样是生物科技和信息技术；近年来致力于推动科技、设计、会展和旅游等产业，可为台北市公务员提供宝贵的信息。",
                "zh_hant": "臺北與夥伴城市京畿道自2000年6月簽署友好備忘錄以來一直保持友好關係。2015年，京畿道前副知事Soo-Young Park拜訪臺北市前副市長周麗芳，希望尋求更實質性的合作與交流途徑，公務員交流計劃便是成果之一。\n2017年9月26日，在柯文哲市長見證下，京畿道人才開發院院長Kim Bok Ho與臺北市政府公務人員訓練處處長Qu Zhao-Xoang簽署了公務員交流及訓練備忘錄。首個交流團來自臺北市政府：2017年底派遣15名公務員赴京畿道人才開發院參加為期兩週的培訓。次年由京畿道派遣學員前往臺北市政府公務人員訓練處，此後交流將以這種方式輪流進行。\n京畿道人才開發院在此類交流方面經驗豐富，師資和裝置齊全：自2001年起，已與來自中國、阿富汗、伊拉克、柬埔寨和秘魯的團體開展交流培訓計畫。京畿道的主要產業與臺北一樣是生物科技和資訊科技；近年來致力於推動科技、設計、會展和旅遊等產業，可為臺北市公務員提供寶貴的資訊。",
                "ja": "台北市と京畿道は2000年6月に友好覚書を締結して以来、友好関係を築いてきました。2015年にはSoo-Young Park元京畿道副知事が周麗芳元台北市副市長を表敬訪問し、より実質的な協力と交流の方法を模索しました。公務員交流プログラムはその成果の一つです。\n2017年9月26日、柯文哲市長の立ち会いのもと、京畿道人材開発院のKim Bok Ho院長と台北市政府公務人員訓練処のQu Zhao-Xoang処長が公務員交流・研修覚書に署名しました。最初の交流団は台北市政府から派遣され、2017年末に公務員15人が京畿道人材開発院で2週間の研修を受けました。翌年は京畿道が台北市政府公務人員訓練処に研修生を派遣し、その後もこのように交互に交流を続けます。\n京畿道人材開発院はこうした交流の経験が豊富で、講師陣と設備も充実しています。2001年から中国、アフガニスタン、イラク、カンボジア、ペルーの研修団と交流研修プログラムを実施してきました。京畿道の主要産業は台北と同じくバイオと情報技術で、近年は技術、デザイン、コンベンション、観光などの産業振興に力を入れており、台北市の公務員にとって貴重な情報源となります。",
            },
        },
    },
    "friendship": {
        "slug": "taipei-gyeonggi-friendship-2000",
        "signed_on": date(2000, 6, 1),
        "texts": {
            "title": {
                "en": "Taipei City - Gyeonggi Province Friendship MOU",
                "ko": "타이베이시-경기도 우호 양해각서",
                "zh_hans": "台北市-京畿道友好备忘录",
                "zh_hant": "臺北市-京畿道友好備忘錄",
                "ja": "台北市・京畿道友好覚書",
            },
            "description": {
                "en": "Taipei has been friendly with partner city Gyeonggi Province since they signed a friendship MOU in June 2000. In 2015 Ex-Deputy Governor Soo-Young Park called on Ex-Deputy Mayor Zhou Li-Fang to find ways to engage in more substantive collaboration and exchange.",
                "ko": "타이베이시와 경기도는 2000년 6월 우호 양해각서를 체결한 이래 우호 관계를 이어 왔습니다. 2015년 박수영 전 경기도 부지사가 저우리팡 전 타이베이시 부시장을 예방하여 보다 실질적인 협력과 교류 방안을 모색했습니다.",
                "zh_hans": "台北与伙伴城市京畿道自2000年6月签署友好备忘录以来一直保持友好关系。2015年，京畿道前副知事Soo-Young Park拜访台北市前副市长周丽芳，寻求更实质性的合作与交流途径。",
                "zh_hant": "臺北與夥伴城市京畿道自2000年6月簽署友好備忘錄以來一直保持友好關係。2015年，京畿道前副知事Soo-Young Park拜訪臺北市前副市長周麗芳，尋求更實質性的合作與交流途徑。",
                "ja": "台北市と京畿道は2000年6月に友好覚書を締結して以来、友好関係を築いてきました。2015年にはSoo-Young Park元京畿道副知事が周麗芳元台北市副市長を表敬訪問し、より実質的な協力と交流の方法を模索しました。",
            },
        },
    },
    "exchange_mou": {
        "slug": "taipei-gyeonggi-exchange-mou-2017",
        "signed_on": date(2017, 9, 26),
        "texts": {
            "title": {
                "en": "Civil Servants Exchange and Training MOU",
                "ko": "공무원 교류 및 연수 양해각서",
                "zh_hans": "公务员交流及训练备忘录",
                "zh_hant": "公務員交流及訓練備忘錄",
                "ja": "公務員交流・研修覚書",
            },
            "description": {
                "en": "Signed in the presence of Mayor Ko Wen-je. The first exchange group is from Taipei City Government: 15 civil servants to the Gyeonggi Provincial Human Resource Development Institute for a two-week programme in late 2017; the next year Gyeonggi Province sends trainees to Taipei's Department of Civil Servant Development, and the exchange continues to alternate.",
                "ko": "커원저 시장이 참석한 가운데 서명되었습니다. 첫 교류단은 타이베이시정부에서 파견되어 2017년 말 공무원 15명이 경기도인재개발원에서 2주간 연수를 받습니다. 이듬해에는 경기도가 타이베이시 공무원훈련처에 연수생을 보내며, 교류는 번갈아 계속됩니다.",
                "zh_hans": "在柯文哲市长见证下签署。首个交流团来自台北市政府：2017年底派遣15名公务员赴京畿道人才开发院参加为期两周的培训；次年由京畿道派遣学员前往台北市政府公务人员训练处，此后轮流交流。",
                "zh_hant": "在柯文哲市長見證下簽署。首個交流團來自臺北市政府：2017年底派遣15名公務員赴京畿道人才開發院參加為期兩週的培訓；次年由京畿道派遣學員前往臺北市政府公務人員訓練處，此後輪流交流。",
                "ja": "柯文哲市長の立ち会いのもとで署名されました。最初の交流団は台北市政府から派遣され、2017年末に公務員15人が京畿道人材開発院で2週間の研修を受けます。翌年は京畿道が台北市政府公務人員訓練処に研修生を派遣し、交流は交互に続きます。",
            },
        },
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
    # year, sending, receiving, size, duration (days), {details}. The seed gives the group's size
    # and length for 2017 only: "Next year, Gyeonggi Province will send trainees" states neither.
    "cohorts": [
        (
            2017,
            "taipei-dcsd",
            "gyeonggi-hrdi",
            15,
            14,
            {
                "en": "Late 2017; the first exchange group: 15 civil servants from Taipei City Government for a two-week training programme.",
                "ko": "2017년 말, 첫 교류단: 타이베이시정부 공무원 15명, 2주간 연수.",
                "zh_hans": "2017年底；首个交流团：台北市政府15名公务员，为期两周的培训。",
                "zh_hant": "2017年底；首個交流團：臺北市政府15名公務員，為期兩週的培訓。",
                "ja": "2017年末、最初の交流団：台北市政府の公務員15人、2週間の研修。",
            },
        ),
        (
            2018,
            "gyeonggi-hrdi",
            "taipei-dcsd",
            None,
            None,
            {
                "en": "Gyeonggi Province sends trainees to Taipei's Department of Civil Servant Development.",
                "ko": "경기도가 타이베이시 공무원훈련처에 연수생을 보냅니다.",
                "zh_hans": "京畿道派遣学员前往台北市政府公务人员训练处。",
                "zh_hant": "京畿道派遣學員前往臺北市政府公務人員訓練處。",
                "ja": "京畿道が台北市政府公務人員訓練処に研修生を派遣します。",
            },
        ),
    ],
}
