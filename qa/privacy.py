"""Residents' privacy in published answers: the personal-data scrub and the consent rule (DESIGN §6, §8).

Both compare text the way a reader does: without regard to case, spacing or Vietnamese
diacritics, since a resident may type "Nguyen Van An" or "0912.000.111" as well as
"Nguyễn Văn An" or "0912 000 111".
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

REMOVED = "[…]"

# A run of this many consecutive words of a non-consenting resident's text is a quotation.
QUOTED_RUN_WORDS = 8
# A whole original shorter than this (e.g. the title "Hỏi về đất đai") is too general to refuse.
WHOLE_TEXT_MIN_WORDS = 4

NOT_CONSENTED = _(
    "The resident did not agree to publish the question: the answer page must not repeat the "
    "resident's words (Điều 8đ, DESIGN §6). Write the question in general terms."
)
PLACEHOLDER_LEFT = _("Write the question in general terms: the text of the draft is only a reminder.")


def _fold_char(char):
    if char in "đĐ":
        return "d"
    return unicodedata.normalize("NFD", char)[0].lower()[:1] or char


def fold_in_place(text):
    """`text` without diacritics, in lower case, and exactly as long: positions stay valid."""
    return "".join(_fold_char(char) for char in text)


def _words(text):
    return re.findall(r"\w+", fold_in_place(unicodedata.normalize("NFC", text or "")))


def normalised(text):
    """Words only, folded: what is compared when deciding whether a text repeats another."""
    return " ".join(_words(text))


# --- The scrub ---------------------------------------------------------------------------------

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Digit groups joined by one separator: "0912.000.111", "+84 912 000 111", "(0208) 3855 123".
DIGIT_GROUPS = re.compile(r"(?<![\w+])(?:\+|\(\+?)?\d+\)?(?:[ \t.\-\u00a0]\(?\d+\)?)*(?!\w)")
DIGIT_GROUP = re.compile(r"\d+")

# Vietnamese capital letters, for names of hamlets and streets ("xóm Hồng Thái 2", "đường Z").
_UPPER = "".join(chr(code) for code in (*range(0x41, 0x250), *range(0x1E00, 0x1F00)) if chr(code).isupper())
_CAPITALISED = rf"[{re.escape(_UPPER)}][\w'-]*"
_NUMBER = r"\d+[\w/]*"
_VALUE = rf"(?:{_NUMBER}|{_CAPITALISED}(?:[ \t]+(?:{_CAPITALISED}|{_NUMBER}))*)"
# Only the keyword ignores case: the name after it must be capitalised or a number, so that
# "đường giao thông" or "tổ chức" stay. Written with and without diacritics.
_HOUSE = r"(?i:số nhà|so nha)"
_STREET_NUMBER = r"(?i:số|so)"
_PLACE = (
    r"(?i:tổ dân phố|to dan pho|khu phố|khu pho|ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet|đường|duong|"
    r"phố|pho|thôn|thon|xóm|xom|tổ|to|ấp|ap)"
)
_PART = rf"{_PLACE}[ \t]+{_VALUE}"
_PARTS = rf"{_PART}(?:\s*,?\s*{_PART})*"
# "số 63/QĐ-UBND" is a document number: a bare "số N" counts only when a street or hamlet follows.
ADDRESS = re.compile(
    rf"(?<!\w)(?:(?:{_HOUSE}[ \t]+{_NUMBER}|{_STREET_NUMBER}[ \t]+{_NUMBER})\s*,?\s*{_PARTS}"
    rf"|{_HOUSE}[ \t]+{_NUMBER}|{_PARTS})"
)
# "thành phố Thái Nguyên" is a city, not a street.
_CITY = re.compile(r"(?:thành|thanh)\s$", re.IGNORECASE)
# "xã Tân Cương" names the commune, not the resident's home: such parts of the address stay.
_ADMINISTRATIVE_AREA = re.compile(r"^(?:xa|phuong|thi tran|huyen|quan|tinh|thanh pho|tp|thi xa)\b")


def _address_spans(text):
    return [
        match.span()
        for match in ADDRESS.finditer(text)
        if not _CITY.search(text[max(0, match.start() - 6) : match.start()])
    ]


def _is_phone(digits):
    """A Vietnamese phone number once its separators are gone: mobile, landline, with or without +84."""
    if digits.startswith("84"):
        return len(digits) in (11, 12) and digits[2] in "235789"
    return digits.startswith("0") and len(digits) in (10, 11) and digits[1] in "235789"


def _is_citizen_id(digits):
    """A 12-digit CCCD: its first three digits are a province code, 001 to 096."""
    return len(digits) == 12 and digits.startswith("0")


def _number_spans(text):
    """Spans of phone numbers and citizen ID numbers in `text`, found among its runs of digit groups."""
    spans = []
    for run in DIGIT_GROUPS.finditer(text):
        groups = list(DIGIT_GROUP.finditer(run.group()))
        start = 0
        while start < len(groups):
            # The longest number wins: "034 099 012 345" is a citizen ID, not a phone plus "45".
            found = None
            digits = ""
            for end in range(start, len(groups)):
                digits += groups[end].group()
                if len(digits) > 12:
                    break
                if _is_phone(digits) or _is_citizen_id(digits):
                    found = end
            if found is None:
                start += 1
                continue
            begin = run.start() + groups[start].start()
            finish = run.start() + groups[found].end()
            if finish < run.end() and text[finish] == ")":
                finish += 1
            # "+84" and "(0208)" / "(+84)": the sign and a parenthesis closed inside belong to the number.
            if begin > run.start() and text[begin - 1] == "+":
                begin -= 1
            if begin > run.start() and text[begin - 1] == "(" and ")" in text[begin:finish]:
                begin -= 1
            spans.append((begin, finish))
            start = found + 1
    return spans


def _literal_spans(text, value):
    """Where `value` (a name, an address) occurs in `text`, whatever its case, spacing and diacritics."""
    words = _words(value)
    if not words or len("".join(words)) < 3:
        return []
    pattern = re.compile(r"(?<!\w)" + r"[\W_]+".join(re.escape(word) for word in words) + r"(?!\w)")
    return [match.span() for match in pattern.finditer(fold_in_place(text))]


def _address_values(address):
    """The resident's address as given, and its parts below the commune ("Xóm Hồng Thái 2")."""
    values = [address]
    for part in re.split(r"[,;]", address or ""):
        if part.strip() and not _ADMINISTRATIVE_AREA.match(normalised(part)):
            values.append(part)
    return values


@dataclass
class Scrubbed:
    """The text with personal data replaced by “[…]”, and what was removed (for the official to check)."""

    text: str
    removed: list = field(default_factory=list)


def scrub(text, *, name="", email="", phone="", address=""):
    """Remove e-mail addresses, phone numbers, citizen IDs, addresses and the resident's own details."""
    text = unicodedata.normalize("NFC", (text or "").replace("\x00", ""))
    spans = [match.span() for match in EMAIL.finditer(text)]
    spans += _number_spans(text)
    spans += _address_spans(text)
    for value in (name, email, phone, *_address_values(address)):
        spans += _literal_spans(text, unicodedata.normalize("NFC", value or ""))
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    removed, pieces, position = [], [], 0
    for start, end in merged:
        removed.append(text[start:end].strip())
        pieces += [text[position:start], REMOVED]
        position = end
    pieces.append(text[position:])
    unique = list(dict.fromkeys(item for item in removed if item))
    return Scrubbed("".join(pieces), unique)


# --- The consent rule ---------------------------------------------------------------------------


def _runs(words, size):
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def repeats(original, published):
    """Whether `published` carries `original`: the whole of it, or a run of 8 consecutive words."""
    original_words = _words(original)
    if not original_words:
        return False
    published_words = _words(published)
    padded = f" {' '.join(published_words)} "
    if len(original_words) >= WHOLE_TEXT_MIN_WORDS and f" {' '.join(original_words)} " in padded:
        return True
    if original_words == published_words:
        return True
    if len(original_words) < QUOTED_RUN_WORDS:
        return False
    return not _runs(original_words, QUOTED_RUN_WORDS).isdisjoint(_runs(published_words, QUOTED_RUN_WORDS))


def published_texts(page):
    """Everything of an answer page that a reader, a search engine or a feed may see."""
    return [
        page.title,
        page.slug.replace("-", " ") if page.slug else "",
        page.seo_title,
        page.search_description,
        page.question_text,
        strip_tags(page.answer or ""),
        page.answered_by,
    ]


def consent_problems(page, placeholder):
    """The consent rule for one answer page (Điều 8đ, DESIGN §6); empty when it may go live."""
    problems = []
    if normalised(page.question_text) == normalised(placeholder):
        problems.append(PLACEHOLDER_LEFT)
    question = page.question if page.question_id else None
    if question is not None and not question.consent_to_publish:
        originals = [question.body, question.title]
        if any(repeats(original, text) for original in originals for text in published_texts(page) if text):
            problems.append(NOT_CONSENTED)
    return problems
