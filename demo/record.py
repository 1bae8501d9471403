"""The public record's demo: the Taipei-Gyeonggi agreements in the partnerships registry, with the
MOU's terms and its signatories' and witness's titles in the five languages (seed 003)."""

from programs.models import Agreement, AgreementSignatory

MOU_TERMS = {
    "en": "The two sides take turns sending civil servants to observe the partner's municipal administration and "
    "share their observations: Taipei City Government sends 15 civil servants to the Gyeonggi Provincial Human "
    "Resource Development Institute for a two-week training programme in late 2017; the next year Gyeonggi "
    "Province sends trainees to Taipei's Department of Civil Servant Development; the exchange continues to "
    "alternate in this way.",
    "ko": "양측은 번갈아 공무원을 파견하여 상대 도시의 시정을 견학하고 그 소감을 공유합니다. 2017년 말 타이베이시정부가 공무원 "
    "15명을 경기도인재개발원에 2주간 연수를 보내고, 이듬해에는 경기도가 타이베이시 공무원훈련처에 연수생을 보내며, 교류는 이처럼 "
    "번갈아 계속됩니다.",
    "zh_hans": "双方轮流派遣公务员观摩对方城市的市政并分享心得：2017年底台北市政府派遣15名公务员赴京畿道人才开发院参加为期两周的"
    "培训；次年京畿道派遣学员前往台北市政府公务人员训练处；此后依此轮流交流。",
    "zh_hant": "雙方輪流派遣公務員觀摩對方城市的市政並分享心得：2017年底臺北市政府派遣15名公務員赴京畿道人才開發院參加為期兩週的"
    "培訓；次年京畿道派遣學員前往臺北市政府公務人員訓練處；此後依此輪流交流。",
    "ja": "双方が交互に公務員を派遣し、相手都市の市政を視察して所感を共有します。2017年末に台北市政府が公務員15人を京畿道人材"
    "開発院に2週間の研修に派遣し、翌年は京畿道が台北市政府公務人員訓練処に研修生を派遣し、以後このように交互に交流を続けます。",
}

SIGNATORY_TITLES = {
    "Kim Bok Ho": {
        "en": "Director, Gyeonggi Provincial Human Resource Development Institute",
        "ko": "경기도인재개발원장",
        "zh_hans": "京畿道人才开发院院长",
        "zh_hant": "京畿道人才開發院院長",
        "ja": "京畿道人材開発院長",
    },
    "Qu Zhao-Xoang": {
        "en": "Director, Taipei Department of Civil Servant Development",
        "ko": "타이베이시 공무원훈련처장",
        "zh_hans": "台北市政府公务人员训练处处长",
        "zh_hant": "臺北市政府公務人員訓練處處長",
        "ja": "台北市政府公務人員訓練処処長",
    },
    "Ko Wen-je": {
        "en": "Mayor of Taipei",
        "ko": "타이베이 시장",
        "zh_hans": "台北市市长",
        "zh_hant": "臺北市市長",
        "ja": "台北市長",
    },
}
NATIVE_NAMES = {"Ko Wen-je": "柯文哲"}

PUBLIC_AGREEMENTS = ("taipei-gyeonggi-friendship-2000", "taipei-gyeonggi-exchange-mou-2017")


def load_record():
    """Publish the seed's agreements; writes only what differs, so a second load changes nothing."""
    for agreement in Agreement.objects.filter(slug__in=PUBLIC_AGREEMENTS):
        values = {"is_public": True}
        if agreement.slug == "taipei-gyeonggi-exchange-mou-2017":
            values.update({f"terms_{lang}": text for lang, text in MOU_TERMS.items()})
        _write(agreement, values)
    for signatory in AgreementSignatory.objects.filter(
        agreement__slug="taipei-gyeonggi-exchange-mou-2017", name__in=SIGNATORY_TITLES
    ):
        values = {f"title_{lang}": text for lang, text in SIGNATORY_TITLES[signatory.name].items()}
        if signatory.name in NATIVE_NAMES:
            values["name_native"] = NATIVE_NAMES[signatory.name]
        _write(signatory, values)


def _write(obj, values):
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
