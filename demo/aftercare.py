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
