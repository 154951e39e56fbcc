"""The country of an unqualified national concept (kg.resolve.national)."""


def test_country_near_reads_only_its_window_and_agrees_with_a_full_scan():
    """The bisected lookups give what a scan of every country of the document gives."""
    from collections import Counter

    from kg.lexicon.countries import country_by_code
    from kg.model import Mention
    from kg.resolve.national import ADJACENT, DOMINANT_SHARE, CountryContext
    from kg.text.sentences import sentence_bounds

    names = [("Қазақстан", "Қазақстан"), ("Ресей", "Ресей"), ("Қытай", "Қытай")]
    parts, mentions, pos = [], [], 0
    for i in range(300):
        country, canonical = names[i % 3] if i % 7 else names[(i // 7) % 3]
        sentence = f"{country} үкіметі. Үкімет шешті. " if i % 2 else f"Бұл жерде {country} және Үкімет. "
        at = sentence.index(country)
        mentions.append(Mention("d", pos + at, pos + at + len(country), country, "GPE", "kk", canonical))
        gov = sentence.index("кімет", at + len(country)) - 1
        mentions.append(Mention("d", pos + gov, pos + gov + 6, sentence[gov:gov + 6], "ORG", "kk", "Үкімет"))
        parts.append(sentence)
        pos += len(sentence)
    text = "".join(parts)
    articles = [(0, len(text) // 2), (len(text) // 2, len(text))]
    ctx = CountryContext.of(text, mentions, articles)

    def scanned(m):
        before = [c for s, e, c in ctx.countries if e <= m.start and m.start - e <= ADJACENT]
        if before:
            return country_by_code(before[-1])
        left, right = sentence_bounds(text, m.start, m.end)
        here = {c for s, e, c in ctx.countries if left <= s < right and not m.start <= s < m.end}
        if len(here) == 1:
            return country_by_code(next(iter(here)))
        span = next(((s, e) for s, e in articles if s <= m.start < e), (0, len(text)))
        counts = Counter(c for s, _, c in ctx.countries + ctx.named if span[0] <= s < span[1])
        (top, n), total = counts.most_common(1)[0], sum(counts.values())
        return country_by_code(top) if n >= 2 and n / total >= DOMINANT_SHARE else None

    governments = [m for m in mentions if m.label == "ORG"]
    assert [ctx.country_near(m) for m in governments] == [scanned(m) for m in governments]
    assert len({c.iso2 for m in governments if (c := ctx.country_near(m))}) == 3
