"""The abbreviations of Vietnamese administration, matched both ways by the public search (issue 19).

A resident types "uy ban nhan dan" where the content says "UBND", or "CCCD" where an answer says
"căn cước công dân"; both find the same pages. Written folded (lower case, no diacritics, "đ" as
"d"), as `portal.text.folded_words` reads a query. Keep each abbreviation to one meaning in a
commune's papers: "CT" (chỉ thị / chủ tịch) and "HĐ" (hướng dẫn / hợp đồng) are left out on purpose.
"""

ABBREVIATIONS = {
    # Bodies and organisations.
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "bch": "ban chap hanh",
    "btv": "ban thuong vu",
    "bbt": "ban bien tap",
    # Papers and services residents ask about.
    "tthc": "thu tuc hanh chinh",
    "dvc": "dich vu cong",
    "cccd": "can cuoc cong dan",
    "cmnd": "chung minh nhan dan",
    "bhyt": "bao hiem y te",
    "bhxh": "bao hiem xa hoi",
    "gcn": "giay chung nhan",
    "qsdd": "quyen su dung dat",
    "gplx": "giay phep lai xe",
    # Kinds of document, as their numbers abbreviate them (63/QĐ-UBND).
    "qd": "quyet dinh",
    "nq": "nghi quyet",
    "tb": "thong bao",
    "kh": "ke hoach",
    "bc": "bao cao",
    "cv": "cong van",
}

# Longest phrases first, so that a longer expansion wins over a shorter one it contains.
_EXPANSIONS = sorted(
    ((tuple(words.split()), abbreviation) for abbreviation, words in ABBREVIATIONS.items()),
    key=lambda expansion: -len(expansion[0]),
)


def word_groups(words):
    """The query's words grouped into alternatives: each group is a set of phrases, any of which may match.

    ["uy", "ban", "nhan", "dan", "xa"] → [{("ubnd",), ("uy", "ban", "nhan", "dan")}, {("xa",)}]
    """
    groups, index = [], 0
    while index < len(words):
        word = words[index]
        if word in ABBREVIATIONS:
            groups.append({(word,), tuple(ABBREVIATIONS[word].split())})
            index += 1
            continue
        for phrase, abbreviation in _EXPANSIONS:
            if tuple(words[index : index + len(phrase)]) == phrase:
                groups.append({(abbreviation,), phrase})
                index += len(phrase)
                break
        else:
            groups.append({(word,)})
            index += 1
    return groups


def has_synonyms(groups):
    return any(len(group) > 1 for group in groups)
