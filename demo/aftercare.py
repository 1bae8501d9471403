"""After the event in the demo: the 2019 CJK workshop's commemorative group photo (an image drawn
here at load time, standing in for the real one), and on the past sample workshop a paper for its
participants and a public one. Idempotent."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from aftercare.models import Material, Photo
from aftercare.services import photo_set_image
from workshops.models import Occurrence

CAPTION_2019 = {
    "en": "Commemorative Group Photo of 2019 Workshop",
    "ko": "2019년 워크숍 기념 단체사진",
    "zh_hans": "2019年研讨会纪念合影",
    "zh_hant": "2019年研討會紀念合影",
    "ja": "2019年ワークショップ記念集合写真",
}
CREDIT_2019 = {
    "en": "Source: Ministry of Foreign Affairs, Korea",
    "ko": "출처: 대한민국 외교부",
    "zh_hans": "来源：韩国外交部",
    "zh_hant": "來源：韓國外交部",
    "ja": "出典：韓国外交部",
}
SAMPLE_MATERIALS = [
    # kind, public, titles
    (
        "slides",
        False,
        {
            "en": "Sample lecture slides (demonstration only)",
            "ko": "강연 자료 견본 (시연용)",
            "zh_hans": "讲座幻灯片样例（仅供演示）",
            "zh_hant": "講座簡報樣例（僅供展示）",
            "ja": "講演スライドのサンプル（デモ用）",
        },
    ),
    (
        "paper",
        True,
        {
            "en": "Sample workshop summary (demonstration only)",
            "ko": "워크숍 요약 견본 (시연용)",
            "zh_hans": "研讨会摘要样例（仅供演示）",
            "zh_hant": "研討會摘要樣例（僅供展示）",
            "ja": "ワークショップ要約のサンプル（デモ用）",
        },
    ),
]


def _translated(field, values):
    return {f"{field}_{lang}": value for lang, value in values.items()}


def _group_photo():
    """A drawn stand-in: rows of figures before a banner, 1800 x 1000 (resized for the page on save)."""
    image = Image.new("RGB", (1800, 1000), (214, 228, 240))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 620, 1800, 1000), fill=(120, 130, 140))
    draw.rectangle((300, 60, 1500, 200), fill=(0, 82, 155))
    for row, (y, count) in enumerate(((420, 22), (560, 24), (700, 26))):
        for i in range(count):
            x = 120 + i * (1560 // count) + (row % 2) * 20
            draw.ellipse((x, y - 60, x + 44, y - 16), fill=(236, 200, 170))
            draw.rectangle((x - 6, y - 14, x + 50, y + 70), fill=(30 + 8 * (i % 5), 40, 70 + 10 * row))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="group.png")


def _sample_pdf(title):
    image = Image.new("RGB", (595, 842), "white")
    ImageDraw.Draw(image).text((60, 80), title, fill="black")
    buffer = io.BytesIO()
    image.save(buffer, "PDF")
    return ContentFile(buffer.getvalue(), name="sample.pdf")


def load_aftercare():
    load_library()
    seventh = Occurrence.objects.get(slug="cjk-trilateral-workshop-7")
    photo = Photo.objects.filter(occurrence=seventh, caption_en=CAPTION_2019["en"]).first()
    if photo is None:
        photo = Photo.objects.create(
            occurrence=seventh, **_translated("caption", CAPTION_2019), **_translated("credit", CREDIT_2019)
        )
    if not photo.image and not photo.is_removed:
        photo_set_image(photo=photo, upload=_group_photo())
    past = Occurrence.objects.filter(slug="sample-cjk-workshop-past").first()
    if past is None:
        return
    for order, (kind, public, titles) in enumerate(SAMPLE_MATERIALS, start=1):
        if not Material.objects.filter(occurrence=past, order=order).exists():
            material = Material(
                occurrence=past, order=order, kind=kind, is_public=public, **_translated("title", titles)
            )
            material.file.save("sample.pdf", _sample_pdf(titles["en"]), save=False)
            material.save()
    load_survey(past)


SURVEY = {
    "title": {
        "en": "Evaluation of the sample workshop",
        "ko": "워크숍 견본 평가",
        "zh_hans": "样例研讨会评估",
        "zh_hant": "樣例研討會評估",
        "ja": "サンプルワークショップの評価",
    },
    "intro": {
        "en": "Thank you for taking part. Your answers help us prepare the next workshop.",
        "ko": "참가해 주셔서 감사합니다. 여러분의 답변은 다음 워크숍 준비에 도움이 됩니다.",
        "zh_hans": "感谢您的参与。您的回答将帮助我们筹备下一届研讨会。",
        "zh_hant": "感謝您的參與。您的回答將幫助我們籌備下一屆研討會。",
        "ja": "ご参加ありがとうございました。回答は次回のワークショップの準備に役立てます。",
    },
}
QUESTIONS = [
    (
        "rating",
        {
            "en": "How useful were the lectures for your work?",
            "ko": "강연은 업무에 얼마나 도움이 되었습니까?",
            "zh_hans": "讲座对您的工作有多大帮助？",
            "zh_hant": "講座對您的工作有多大幫助？",
            "ja": "講演は業務にどの程度役立ちましたか。",
        },
        {},
    ),
    (
        "choice",
        {
            "en": "Which part of the program did you value most?",
            "ko": "프로그램 중 가장 유익했던 부분은 무엇입니까?",
            "zh_hans": "您最看重项目的哪一部分？",
            "zh_hant": "您最看重計畫的哪一部分？",
            "ja": "プログラムのうち最も有益だった部分はどれですか。",
        },
        {
            "en": "Lectures\nCase presentations\nCultural experience",
            "ko": "강연\n사례 발표\n문화 체험",
            "zh_hans": "讲座\n案例发表\n文化体验",
            "zh_hant": "講座\n案例發表\n文化體驗",
            "ja": "講演\n事例発表\n文化体験",
        },
    ),
    (
        "text",
        {
            "en": "What should we change next time?",
            "ko": "다음에는 무엇을 바꾸면 좋겠습니까?",
            "zh_hans": "下次我们应该改进什么？",
            "zh_hant": "下次我們應該改進什麼？",
            "ja": "次回、何を改善すべきでしょうか。",
        },
        {},
    ),
]


def load_survey(past):
    """The past sample workshop's evaluation survey, ready: beat sends it to its three attendees."""
    from aftercare.models import Question, Survey

    survey, created = Survey.objects.get_or_create(
        occurrence=past,
        defaults={"is_active": True, **_translated("title", SURVEY["title"]), **_translated("intro", SURVEY["intro"])},
    )
    if created:
        for order, (kind, text, choices) in enumerate(QUESTIONS, start=1):
            Question.objects.create(
                survey=survey,
                order=order,
                kind=kind,
                required=kind != "text",
                **_translated("text", text),
                **_translated("choices", choices),
            )
    return survey


# GAOK's areas of research on foreign administrative practices (seed 002), in its order.
RESEARCH_AREAS = [
    ("general-administration", "General administration", "일반행정", "一般行政", "一般行政", "一般行政"),
    ("financial-issues", "Financial issues", "재정", "财政", "財政", "財政"),
    ("cultural-tourism", "Cultural tourism", "문화관광", "文化旅游", "文化觀光", "文化観光"),
    ("transportation", "Transportation", "교통", "交通", "交通", "交通"),
    ("environment", "Environment", "환경", "环境", "環境", "環境"),
    ("welfare", "Welfare", "복지", "福利", "福利", "福祉"),
    ("health", "Health", "보건", "卫生", "衛生", "保健"),
    ("female-youth", "Female youth", "여성·청소년", "女性与青少年", "女性與青少年", "女性・青少年"),
    ("multi-cultural-society", "Multi-cultural society", "다문화사회", "多元文化社会", "多元文化社會", "多文化社会"),
    ("economic-industry", "Economic industry", "경제산업", "经济产业", "經濟產業", "経済産業"),
    ("employment-and-labor", "Employment and labor", "고용노동", "就业与劳动", "就業與勞動", "雇用労働"),
    ("farming-fishing-dairy", "Farming, fishing and dairy", "농·어·축산", "农渔畜牧业", "農漁畜牧業", "農・漁・畜産"),
    ("construction-technology", "Construction technology", "건설기술", "建设技术", "建設技術", "建設技術"),
    ("fire-prevention", "Fire prevention", "소방방재", "消防防灾", "消防防災", "消防防災"),
    ("local-conferences", "Local conferences", "지방 회의", "地方会议", "地方會議", "地方会議"),
    ("enactment-of-regulations", "Enactment of regulations", "자치법규 제정", "法规制定", "法規制定", "条例制定"),
    (
        "domestic-local-best-practices",
        "Domestic local best practices",
        "국내 지방 우수사례",
        "国内地方优秀案例",
        "國內地方優秀案例",
        "国内地方の優良事例",
    ),
]
# Sample reports (marked as such): one per language group, to show the library's filters.
SAMPLE_REPORTS = [
    (
        "welfare",
        "JP",
        2019,
        "ja",
        "高齢者見守りネットワークの事例（サンプル）",
        "地域住民と事業者が高齢者を見守る自治体の取り組みを紹介するサンプル報告書です。",
    ),
    (
        "environment",
        "DE",
        2018,
        "en",
        "Municipal waste separation in practice (sample)",
        "A sample report on how a German city organised household waste separation with its residents.",
    ),
    (
        "cultural-tourism",
        "CN",
        2019,
        "zh-hans",
        "历史街区保护与旅游（样例）",
        "介绍中国城市在保护历史街区的同时发展旅游的样例报告。",
    ),
    (
        "transportation",
        "TW",
        2018,
        "zh-hant",
        "公共自行車系統（樣例）",
        "介紹臺灣城市公共自行車系統營運經驗的樣例報告。",
    ),
]


def load_library():
    from aftercare.models import BestPractice, ResearchArea

    for order, (slug, en, ko, zh_hans, zh_hant, ja) in enumerate(RESEARCH_AREAS, start=1):
        names = {"en": en, "ko": ko, "zh_hans": zh_hans, "zh_hant": zh_hant, "ja": ja}
        ResearchArea.objects.update_or_create(slug=slug, defaults={"order": order, **_translated("name", names)})
    for area, country, year, language, title, summary in SAMPLE_REPORTS:
        if not BestPractice.objects.filter(title=title).exists():
            report = BestPractice(
                area=ResearchArea.objects.get(slug=area),
                country=country,
                year=year,
                language=language,
                title=title,
                summary=summary,
                is_published=True,
            )
            report.file.save(
                "report.pdf", _sample_pdf(title.encode("ascii", "ignore").decode() or "Sample"), save=False
            )
            report.save()
