"""Amounts in words the way Vietnamese payment documents write them ("Bằng chữ: ...").

num2words drops the hundreds of an inner group ("một nghìn lẻ năm" for 1.005), which an
accountant reads as ambiguous; payment documents write every inner group in full: "một
nghìn không trăm linh năm".
"""

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
# Groups of three digits, from the right; "tỷ" repeats for larger amounts ("nghìn tỷ").
GROUP_NAMES = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ"]


def _read_group(number, in_full):
    """A group of three digits; `in_full` reads its hundreds and "linh" even when they are zero."""
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    words = []
    if in_full or hundreds:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units:
        if units == 5 and tens:
            words.append("lăm")
        elif units == 1 and tens > 1:
            words.append("mốt")
        elif units == 4 and tens > 1:
            words.append("tư")
        else:
            words.append(DIGITS[units])
    return words


def vietnamese_words(number):
    """1099800 → "một triệu không trăm chín mươi chín nghìn tám trăm"; 0 → "không"."""
    number = int(number)
    if number == 0:
        return DIGITS[0]
    groups = []
    while number:
        groups.append(number % 1000)
        number //= 1000
    words = []
    for position in range(len(groups) - 1, -1, -1):
        group = groups[position]
        if group == 0:
            continue
        leading = position == len(groups) - 1
        words += _read_group(group, in_full=not leading)
        if GROUP_NAMES[position]:
            words.append(GROUP_NAMES[position])
    return " ".join(words)
