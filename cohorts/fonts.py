"""Noto CJK for reportlab.

Debian's Noto Sans CJK ships as an OpenType collection with PostScript (CFF) outlines, which
reportlab cannot embed. For each document we subset the font to the characters it uses and
redraw those glyphs as TrueType quadratic outlines (fontTools' cu2qu), so the PDF embeds a
small real Noto subset and renders Korean, Chinese and Japanese on any reader.
"""

import io
import threading
from functools import lru_cache

from django.conf import settings
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont as ReportlabTTFont

# Faces of NotoSansCJK-Regular.ttc: JP, KR, SC, TC, HK (then the mono faces). The same Han
# character is drawn the way its reader expects, so a name is set in its own country's face.
KOREAN_FACE = 1
FACE_BY_COUNTRY = {"JP": 0, "KR": 1, "KP": 1, "CN": 2, "SG": 2, "TW": 3, "HK": 4, "MO": 4}


def cjk_face_for(country):
    return FACE_BY_COUNTRY.get(str(country or ""), KOREAN_FACE)


_counter_lock = threading.Lock()
_counter = [0]


def _font_path():
    return getattr(settings, "COHORTS_CJK_FONT", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


@lru_cache(maxsize=4)
def _collection_bytes(path):
    with open(path, "rb") as handle:
        return handle.read()


def _cff_to_glyf(font):
    """Replace the CFF table by quadratic TrueType outlines so reportlab can read the font."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["maxp"] = _maxp_v1(font)
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names needed
    font.sfntVersion = "\x00\x01\x00\x00"
    for name in glyph_order:
        glyphs[name].recalcBounds(glyf)


def _maxp_v1(font):
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(font.getGlyphOrder())
    for attr in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.maxPoints = maxp.maxContours = maxp.maxCompositePoints = maxp.maxCompositeContours = 0
    maxp.maxComponentDepth = 0
    return maxp


def cjk_font_register(text, *, face=KOREAN_FACE):
    """Register a reportlab font covering every character of `text` and return its name."""
    # Imported here, not at the top: fontTools.subset takes over a second to import, and every
    # web and worker process would pay it at start-up for the few that build a certificate.
    from fontTools import subset

    source = TTFont(io.BytesIO(_collection_bytes(_font_path())), fontNumber=face, lazy=False)
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options=options)
    chars = set(text) | set(" 0123456789.-:/()")
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(source)
    _cff_to_glyf(source)
    with _counter_lock:
        _counter[0] += 1
        name = f"NotoSansCJK-{_counter[0]}"
    # reportlab keeps faces by PostScript name across documents: each subset needs its own.
    postscript_name = f"{source['name'].getDebugName(6)}-{_counter[0]}"
    source["name"].setName(postscript_name, 6, 3, 1, 0x409)
    source["name"].setName(postscript_name, 6, 1, 0, 0)
    buffer = io.BytesIO()
    source.save(buffer)
    buffer.seek(0)
    pdfmetrics.registerFont(ReportlabTTFont(name, buffer))
    return name
