#!/usr/bin/env python3
"""Generates the input families of scripts/scaling.sh: texts that are ordinary in real pages or
easy to make on purpose, each at a given size, deterministically (seeded), so a run can be
repeated and compared.

    scaling_inputs.py --list                   family names, one a line
    scaling_inputs.py FAMILY BYTES OUT         writes OUT (FAMILY.txt or .html), about BYTES long
"""
import random
import sys

FIRST = ["José", "Zoë", "Renée", "Björn", "Ångström", "Siobhán", "Nguyễn", "Łukasz", "Ðorđe", "François",
         "Maria", "John", "Aisha", "Wei", "Olu", "Priya", "Tomás", "Chloé", "Dmitri", "Kenji"]
LAST = ["García", "Müller", "Dvořák", "Ødegaard", "Çelik", "Nuñez", "Pérez", "Smith", "Okafor", "Tanaka",
        "Kowalski", "Haddad", "Schmidt", "Johnson", "Singh", "Rossi", "Novak", "Ivanova", "Chen", "Brown"]
VERBS = ["said", "told reporters", "added", "argued", "warned", "wrote", "insisted", "stated"]
CLAUSES = ["the budget was not enough", "the talks would resume on Monday", "nobody had been told",
           "the city council must act now", "prices had risen again", "the plan would fail",
           "the ministry supported the bill", "the deal was a mistake"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def decomposed(word, rng):
    """The word in NFD form (base letter + combining accent), with extra stacked marks."""
    out = []
    table = {"é": "e\u0301", "ë": "e\u0308", "ö": "o\u0308", "ü": "u\u0308", "á": "a\u0301", "ñ": "n\u0303",
             "ç": "c\u0327", "ř": "r\u030c", "ễ": "e\u0302\u0303", "Å": "A\u030a", "ó": "o\u0301"}
    for ch in word:
        out.append(table.get(ch, ch))
        if ch.isalpha() and rng.random() < 0.25:
            out.append(rng.choice(["\u0301", "\u0308", "\u0323", "\u0330", "\u036f"]) * rng.randint(1, 6))
    return "".join(out)


def name(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def combining(rng):
    n = decomposed(name(rng), rng)
    return f"{n} {rng.choice(VERBS)} that {rng.choice(CLAUSES)}. “We will see,” {decomposed(rng.choice(LAST), rng)} said.\n\n"


def emoji_rtl(rng):
    bits = ["👩‍👩‍👧‍👦", "🏳️‍🌈", "👨🏽‍💻", "🇺🇦", "❤️‍🔥", "🧑🏿‍🤝‍🧑🏻", "مرحبا بالعالم", "שלום עולם",
            "\u202eevil\u202c", "\u200f", "\u200d\u200d", "🙂" * 5]
    return (f"{name(rng)} {rng.choice(bits)} {rng.choice(VERBS)} that {rng.choice(CLAUSES)} {rng.choice(bits)} "
            f"{rng.choice(bits)}, “{rng.choice(bits)} {rng.choice(CLAUSES)}” {rng.choice(bits)}.\n\n")


def unclosed_quotes(rng):
    return f'He said " {rng.choice(CLAUSES)} '


def one_paragraph(rng):
    return f"{name(rng)} {rng.choice(VERBS)} that {rng.choice(CLAUSES)}. “{rng.choice(CLAUSES).capitalize()},” she said. "


def one_sentence(rng):
    return f"{name(rng)} {rng.choice(VERBS)} that {rng.choice(CLAUSES)} and “{rng.choice(CLAUSES)}”, "


def capitalised_names(rng):
    return " ".join(f"{rng.choice(FIRST)} {rng.choice(LAST)} {chr(65 + rng.randrange(26))}." for _ in range(8)) + " Met.\n"


def dates(rng):
    d = rng.choice([f"on {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(1990, 2030)}",
                    f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(1990, 2030)}",
                    f"{rng.randint(1990, 2030)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    "last Tuesday", "next month", "in 2019", "two weeks ago", "on Friday"])
    return f"The council met {d} and {name(rng)} said the vote was set for {rng.choice(MONTHS)} {rng.randint(1, 28)}.\n\n"


def html_nested(rng):
    tag = rng.choice(["div", "span", "p", "b", "i", "table", "td", "font", "section"])
    return rng.choice([f"<{tag}>", f"<{tag} class=\"x\">", f"</{tag}>", "<p>", f"{name(rng)} said “",
                       f"{rng.choice(CLAUSES)}. ", "<!-- ", " -->", "<br>", "&amp;", "<script>x</script>", "<"])


def punctuation(rng):
    line = "".join(rng.choice("!?.,;:-–—\"“”‘’'()[]…*#@/") for _ in range(rng.randint(200, 4000)))
    return f"{line}\n{name(rng)} said that {rng.choice(CLAUSES)}.\n"


def transcript(rng):
    speaker = rng.choice(["PENCE", "HARRIS", "MODERATOR", "MR. TRUMP", "SEN. SMITH", "UNIDENTIFIED MALE"])
    return f"{speaker}: Well, {rng.choice(CLAUSES)}. I think {rng.choice(CLAUSES)}.\n\n"


def repeated(rng):
    return "“The plan will not work,” Mr Smith said on Monday.\n\n"


def names_pronouns(rng):
    # Distinct names: a counter in the surname keeps them from repeating.
    names_pronouns.i = getattr(names_pronouns, "i", 0) + 1
    i = names_pronouns.i
    first = rng.choice(FIRST)
    last = rng.choice(LAST) + "".join(chr(97 + (i // 26 ** k) % 26) for k in range(4))
    return (f"{first} {last.capitalize()} of the {rng.choice(LAST)} Institute {rng.choice(VERBS)} that "
            f"{rng.choice(CLAUSES)}. She added that {rng.choice(CLAUSES)}. “{rng.choice(CLAUSES).capitalize()},” "
            f"he said. They disagreed.\n\n")


def news(rng):
    return (f"{name(rng)}, the minister, {rng.choice(VERBS)} on {rng.choice(MONTHS)} {rng.randint(1, 28)} that "
            f"{rng.choice(CLAUSES)}. “{rng.choice(CLAUSES).capitalize()},” {rng.choice(LAST)} said. "
            f"The {rng.choice(LAST)} party opposed the plan.\n\n")


FAMILIES = {
    "news": news,
    "combining-marks": combining,
    "emoji-zwj-rtl": emoji_rtl,
    "unclosed-quotes": unclosed_quotes,
    "one-paragraph": one_paragraph,
    "one-sentence": one_sentence,
    "capitalised-names": capitalised_names,
    "dates": dates,
    "html-nested": html_nested,
    "punctuation-lines": punctuation,
    "transcript-turns": transcript,
    "repeated-sentence": repeated,
    "names-pronouns": names_pronouns,
}


def generate(family, size):
    rng = random.Random(f"{family}-22")
    parts = ["Scaling test: " + family + "\n\n"]
    if family == "html-nested":
        parts = ["<html><head><title>Scaling test</title></head><body><article>"]
    total = len(parts[0].encode())
    make = FAMILIES[family]
    while total < size:
        p = make(rng)
        parts.append(p)
        total += len(p.encode())
    # Cut to the size exactly (at a character boundary), so "1 MB" stays under the interactive
    # million-character limit.
    return "".join(parts).encode()[:size].decode("utf-8", errors="ignore")


def main():
    if sys.argv[1:] == ["--list"]:
        print("\n".join(FAMILIES))
        return
    family, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(out, "w", encoding="utf-8") as f:
        f.write(generate(family, size))


if __name__ == "__main__":
    main()
