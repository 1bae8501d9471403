"""The ASEAN-ROK 2019 exhibition (seed 004): its two parts, the exhibiting organizations the seed
names and the exhibits it describes. The seed states no stand numbers and shows no images: one
exhibit marked as a sample shows both."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from exhibitions.models import Exhibit, Exhibition, Exhibitor, Section
from exhibitions.services import exhibit_set_image
from formats.languages import country_name
from programs.models import Organization
from programs.roles import PROGRAM_STAFF
from workshops.models import Occurrence

from . import data as D
from .samples import DEMO_PASSWORD

# MOIS hosts the ASEAN-ROK roundtable: its program staff manage the exhibition in the admin.
MOIS_STAFF = ("mois.staff@example.org", "MOIS", "Staff")

LANGS = {"en": "en", "ko": "ko", "zh_hans": "zh-hans", "zh_hant": "zh-hant", "ja": "ja"}

EXHIBITION = {
    "slug": "asean-rok-exhibition-2019",
    "title": {
        "en": "ASEAN-ROK Exhibition on Public Service Innovation",
        "ko": "한-아세안 공공행정 혁신 전시회",
        "zh_hans": "东盟-韩国公共服务创新展览会",
        "zh_hant": "東協-韓國公共服務創新展覽會",
        "ja": "ASEAN-韓国公共サービス革新展示会",
    },
    "description": {
        "en": "A platform for Korea and all ten ASEAN member states to showcase, in one place, cooperation between ASEAN and Korea and innovation in public services. The exhibition is themed on the 3Ps, People, Peace and Prosperity, the three guiding principles of the New Southern Policy. Heads of state attending the 2019 ASEAN-ROK Commemorative Summit and minister-level officials visit it themselves.",
        "ko": "한국과 아세안 10개 회원국 모두가 한-아세안 협력과 공공서비스 혁신을 한자리에서 선보이는 장입니다. 전시회는 신남방정책의 3대 원칙인 사람(People), 평화(Peace), 상생번영(Prosperity), 곧 3P를 주제로 합니다. 2019 한-아세안 특별정상회의에 참석하는 정상들과 장관급 인사들이 직접 전시회를 방문합니다.",
        "zh_hans": "韩国和东盟全部十个成员国在同一场所展示东盟与韩国的合作以及公共服务创新的平台。展览会以新南方政策的三大指导原则“3P”即人（People）、和平（Peace）、繁荣（Prosperity）为主题。出席2019年东盟-韩国特别峰会的各国首脑和部长级官员将亲自参观展览会。",
        "zh_hant": "韓國和東協全部十個成員國在同一場所展示東協與韓國的合作以及公共服務創新的平臺。展覽會以新南方政策的三大指導原則「3P」即人（People）、和平（Peace）、繁榮（Prosperity）為主題。出席2019年東協-韓國特別峰會的各國首腦和部長級官員將親自參觀展覽會。",
        "ja": "韓国とASEAN加盟10か国すべてが、ASEANと韓国の協力と公共サービスの革新を一か所で紹介する場です。展示会は新南方政策の3つの指導原則である3P、すなわち人（People）、平和（Peace）、繁栄（Prosperity）をテーマとしています。2019年ASEAN-韓国特別首脳会議に出席する各国首脳と閣僚級の関係者が自ら展示会を訪れます。",
    },
}

# The seed's exhibitors besides the ten member states: an organization of the portal (slug) or a
# name, all in Korea.
KOREAN_EXHIBITORS = [
    ("mois", None),
    (
        None,
        {
            "en": "Ministry of Health and Welfare",
            "ko": "보건복지부",
            "zh_hans": "韩国保健福祉部",
            "zh_hant": "韓國保健福祉部",
            "ja": "韓国保健福祉部",
        },
    ),
    (
        None,
        {
            "en": "Ministry of Education",
            "ko": "교육부",
            "zh_hans": "韩国教育部",
            "zh_hant": "韓國教育部",
            "ja": "韓国教育部",
        },
    ),
    ("busan", None),
    (
        None,
        {
            "en": "Korea Foundation for International Healthcare",
            "ko": "한국국제보건의료재단",
            "zh_hans": "韩国国际保健医疗财团",
            "zh_hant": "韓國國際保健醫療財團",
            "ja": "韓国国際保健医療財団",
        },
    ),
]

# section (0: Public Service Innovation Exhibit, 1: ASEAN Exhibit), exhibitor (organization slug,
# a member state's country code, or None where the seed does not say), {title}, {description}.
EXHIBITS = [
    (
        0,
        None,
        {
            "en": "Disaster response system using KT's 5G networks",
            "ko": "KT 5G 네트워크를 활용한 재난대응 시스템",
            "zh_hans": "利用KT 5G网络的灾害应对系统",
            "zh_hant": "利用KT 5G網路的災害應對系統",
            "ja": "KTの5Gネットワークを使った災害対応システム",
        },
        {
            "en": "One of the Korean government's innovative public services using 4th industrial revolution technology.",
            "ko": "4차 산업혁명 기술을 활용한 정부의 혁신적인 공공서비스 가운데 하나입니다.",
            "zh_hans": "韩国政府运用第四次工业革命技术的创新公共服务之一。",
            "zh_hant": "韓國政府運用第四次工業革命技術的創新公共服務之一。",
            "ja": "第4次産業革命の技術を活用した韓国政府の革新的な公共サービスの一つです。",
        },
    ),
    (
        0,
        "busan",
        {
            "en": "Busan's electronic customs clearance system",
            "ko": "부산시 전자통관 시스템",
            "zh_hans": "釜山电子通关系统",
            "zh_hant": "釜山電子通關系統",
            "ja": "釜山の電子通関システム",
        },
        {
            "en": "Customs clearance handled electronically in Busan.",
            "ko": "부산에서 전자적으로 처리하는 통관 시스템입니다.",
            "zh_hans": "在釜山以电子方式办理的通关系统。",
            "zh_hant": "在釜山以電子方式辦理的通關系統。",
            "ja": "釜山で電子的に処理される通関システムです。",
        },
    ),
    (
        0,
        "busan",
        {
            "en": "Busan's smart traffic system using the Internet of Things",
            "ko": "사물인터넷 기반 부산시 스마트 교통 시스템",
            "zh_hans": "基于物联网的釜山智能交通系统",
            "zh_hant": "基於物聯網的釜山智慧交通系統",
            "ja": "IoTを活用した釜山のスマート交通システム",
        },
        {
            "en": "Traffic management in Busan built on the Internet of Things.",
            "ko": "사물인터넷을 바탕으로 한 부산의 교통 관리 시스템입니다.",
            "zh_hans": "以物联网为基础的釜山交通管理系统。",
            "zh_hant": "以物聯網為基礎的釜山交通管理系統。",
            "ja": "IoTを基盤とした釜山の交通管理システムです。",
        },
    ),
    (
        0,
        None,
        {
            "en": "Automated immigration checks",
            "ko": "자동출입국심사",
            "zh_hans": "自动出入境检查",
            "zh_hant": "自動出入境檢查",
            "ja": "自動出入国審査",
        },
        {
            "en": "One of the Korean government's innovative public services using 4th industrial revolution technology.",
            "ko": "4차 산업혁명 기술을 활용한 정부의 혁신적인 공공서비스 가운데 하나입니다.",
            "zh_hans": "韩国政府运用第四次工业革命技术的创新公共服务之一。",
            "zh_hant": "韓國政府運用第四次工業革命技術的創新公共服務之一。",
            "ja": "第4次産業革命の技術を活用した韓国政府の革新的な公共サービスの一つです。",
        },
    ),
    (
        1,
        "TH",
        {
            "en": "Thailand's online Biz Portal",
            "ko": "태국의 온라인 비즈 포털",
            "zh_hans": "泰国在线商务门户（Biz Portal）",
            "zh_hant": "泰國線上商務入口網站（Biz Portal）",
            "ja": "タイのオンライン・ビズポータル",
        },
        {
            "en": "One of the innovative public services of the ten ASEAN member states.",
            "ko": "아세안 10개 회원국의 혁신적인 공공서비스 가운데 하나입니다.",
            "zh_hans": "东盟十个成员国的创新公共服务之一。",
            "zh_hant": "東協十個成員國的創新公共服務之一。",
            "ja": "ASEAN加盟10か国の革新的な公共サービスの一つです。",
        },
    ),
    (
        1,
        "ID",
        {
            "en": "Indonesia's complaint management platform",
            "ko": "인도네시아의 민원관리 플랫폼",
            "zh_hans": "印度尼西亚投诉管理平台",
            "zh_hant": "印尼投訴管理平臺",
            "ja": "インドネシアの苦情処理プラットフォーム",
        },
        {
            "en": "One of the innovative public services of the ten ASEAN member states.",
            "ko": "아세안 10개 회원국의 혁신적인 공공서비스 가운데 하나입니다.",
            "zh_hans": "东盟十个成员国的创新公共服务之一。",
            "zh_hant": "東協十個成員國的創新公共服務之一。",
            "ja": "ASEAN加盟10か国の革新的な公共サービスの一つです。",
        },
    ),
    (
        1,
        "MM",
        {
            "en": "Myanmar's participatory development policy",
            "ko": "미얀마의 참여형 개발정책",
            "zh_hans": "缅甸参与式发展政策",
            "zh_hant": "緬甸參與式發展政策",
            "ja": "ミャンマーの参加型開発政策",
        },
        {
            "en": "One of the innovative public services of the ten ASEAN member states.",
            "ko": "아세안 10개 회원국의 혁신적인 공공서비스 가운데 하나입니다.",
            "zh_hans": "东盟十个成员国的创新公共服务之一。",
            "zh_hant": "東協十個成員國的創新公共服務之一。",
            "ja": "ASEAN加盟10か国の革新的な公共サービスの一つです。",
        },
    ),
]

SAMPLE_EXHIBIT = {
    "title": {
        "en": "Sample exhibit: how a stand and an image appear",
        "ko": "샘플 전시물: 부스 번호와 이미지 표시 예시",
        "zh_hans": "示例展品：展位号和图片的显示方式",
        "zh_hant": "示例展品：展位號和圖片的顯示方式",
        "ja": "サンプル展示：ブース番号と画像の表示例",
    },
    "description": {
        "en": "Not a real exhibit: the seed states no stand numbers and shows no images, so this sample shows where they appear.",
        "ko": "실제 전시물이 아닙니다. 자료에 부스 번호와 이미지가 없어 표시 위치를 보여 주는 샘플입니다.",
        "zh_hans": "并非真实展品：资料未载明展位号，也没有图片，此示例展示它们的显示位置。",
        "zh_hant": "並非真實展品：資料未載明展位號，也沒有圖片，此示例展示它們的顯示位置。",
        "ja": "実際の展示ではありません。資料にブース番号と画像がないため、その表示位置を示すサンプルです。",
    },
    "image_description": {
        "en": "A placeholder picture: a blue panel with three coloured circles",
        "ko": "자리표시 그림: 세 개의 색 원이 있는 파란 패널",
        "zh_hans": "占位图片：带有三个彩色圆圈的蓝色面板",
        "zh_hant": "佔位圖片：帶有三個彩色圓圈的藍色面板",
        "ja": "仮の画像：3つの色付きの円がある青いパネル",
    },
    "stand": "S-01",
}


def _texts(field, values):
    return {f"{field}_{lang}": values[lang] for lang in LANGS if lang in values}


def _upsert(model, defaults, **lookup):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **defaults)
    changed = [name for name, value in defaults.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, defaults[name])
    if changed:
        obj.save()
    return obj


def _placeholder_image():
    image = Image.new("RGB", (1200, 800), (0, 63, 135))
    draw = ImageDraw.Draw(image)
    for index, colour in enumerate([(230, 57, 70), (255, 209, 102), (6, 214, 160)]):
        left = 150 + index * 330
        draw.ellipse([left, 250, left + 240, 490], fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="sample.png")


def _mois_staff():
    email, first, last = MOIS_STAFF
    user = get_user_model().objects.filter(email=email).first()
    if user is None:
        user = get_user_model()(
            email=email,
            first_name=first,
            last_name=last,
            is_staff=True,
            organization=Organization.objects.get(slug="mois"),
        )
        user.set_password(DEMO_PASSWORD)
        user.email_verified_at = user.date_joined
        user.save()
    user.groups.set([Group.objects.get(name=PROGRAM_STAFF)])
    return user


def load_exhibitions():
    _mois_staff()
    occurrence = Occurrence.objects.get(slug=D.ASEAN["second"]["slug"])
    exhibition = _upsert(
        Exhibition,
        {
            "occurrence": occurrence,
            "is_published": True,
            **_texts("title", EXHIBITION["title"]),
            **_texts("description", EXHIBITION["description"]),
        },
        slug=EXHIBITION["slug"],
    )
    # The two parts, with the texts the occurrence's agenda already carries for them.
    sections = []
    for order, (_kind, title, _day, _last, description, *_rest) in enumerate(D.ASEAN["agenda"][:2], start=1):
        sections.append(
            _upsert(
                Section,
                {**_texts("title", title), **_texts("description", description)},
                exhibition=exhibition,
                order=order,
            )
        )
    exhibitors = {}
    order = 0
    for slug, names in KOREAN_EXHIBITORS:
        order += 1
        if slug:
            exhibitors[slug] = _upsert(
                Exhibitor,
                {"organization": Organization.objects.get(slug=slug), "country": "KR"},
                exhibition=exhibition,
                order=order,
            )
        else:
            exhibitors[names["en"]] = _upsert(
                Exhibitor,
                {"organization": None, "country": "KR", **_texts("name", names)},
                exhibition=exhibition,
                order=order,
            )
    for code in D.ASEAN["members"]:
        order += 1
        names = {field: country_name(code, language) for field, language in LANGS.items()}
        exhibitors[code] = _upsert(
            Exhibitor,
            {"organization": None, "country": code, **_texts("name", names)},
            exhibition=exhibition,
            order=order,
        )
    for order, (section, exhibitor, title, description) in enumerate(EXHIBITS, start=1):
        _upsert(
            Exhibit,
            {
                "section": sections[section],
                "exhibitor": exhibitors[exhibitor] if exhibitor else None,
                **_texts("title", title),
                **_texts("description", description),
            },
            exhibition=exhibition,
            order=order,
        )
    sample = _upsert(
        Exhibit,
        {
            "section": sections[0],
            "exhibitor": None,
            "is_sample": True,
            "stand": SAMPLE_EXHIBIT["stand"],
            **_texts("title", SAMPLE_EXHIBIT["title"]),
            **_texts("description", SAMPLE_EXHIBIT["description"]),
            **_texts("image_description", SAMPLE_EXHIBIT["image_description"]),
        },
        exhibition=exhibition,
        order=len(EXHIBITS) + 1,
    )
    if not sample.image:
        exhibit_set_image(exhibit=sample, upload=_placeholder_image())
    return exhibition
