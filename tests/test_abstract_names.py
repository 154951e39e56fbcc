"""Names in an article's abstracts (issue 11: the header before the body was never read, so
the abstracts' names were missing)."""

from kg.extract.tasks import ArticleTask, extract_article

HEAD = ("ТАҚЫРЫП\n\n"
        "Аңдатпа. Мақалада Қазақстан мен Еуропалық Одақ арасындағы ынтымақтастық пен "
        "Бақыт министрлігі қарастырылады.\n\n"
        "Abstract. The article studies Kazakhstan, the European Union and the Ministry of "
        "Happiness.\n\n")
ABSTRACTS = (("en", "The article studies Kazakhstan, the European Union and the Ministry of "
                    "Happiness."),
             ("kk", "Мақалада Қазақстан мен Еуропалық Одақ арасындағы ынтымақтастық пен "
                    "Бақыт министрлігі қарастырылады."))
BODY = "Қазақстан мен Еуропалық Одақ арасындағы ынтымақтастық туралы мақала жазылды."


def mentions():
    task = ArticleTask("d", len(HEAD), BODY, (), len(HEAD) + len(BODY), "", 0, HEAD, ABSTRACTS)
    text = HEAD + BODY
    found = extract_article(task)
    assert all(text[m.start:m.end] == m.text for m in found)
    return [(m.text, m.label, m.start < len(HEAD)) for m in found]


def test_the_abstract_in_the_body_language_is_read_like_the_body():
    got = mentions()
    assert ("Еуропалық Одақ", "ORG", True) in got
    assert any(text.startswith("Бақыт министрлігі") and in_head for text, _, in_head in got)


def test_another_language_abstract_keeps_only_known_names():
    got = mentions()
    assert ("European Union", "ORG", True) in got
    assert ("Kazakhstan", "GPE", True) in got
    assert not any("Happiness" in text for text, _, _ in got)


def test_known_names_in_capital_titles_are_mentions_of_the_article():
    head = ("УКРАИНАДАҒЫ ОРТАЛЫҚТАСТЫРУ РЕФОРМАСЫ\n\nADVANTAGES OF DECENTRALIZATION REFORM IN "
            "UKRAINE AND THE EUROPEAN UNION\n\n")
    titles = (("en", "ADVANTAGES OF DECENTRALIZATION REFORM IN UKRAINE AND THE EUROPEAN UNION"),
              ("kk", "УКРАИНАДАҒЫ ОРТАЛЫҚТАСТЫРУ РЕФОРМАСЫ"))
    task = ArticleTask("d", len(head), BODY, (), len(head) + len(BODY), "", 0, head, (), titles)
    got = [(m.text, m.label, m.canonical) for m in extract_article(task) if m.start < len(head)]
    assert got == [("УКРАИНАДАҒЫ", "GPE", "Украина"), ("UKRAINE", "GPE", "Ukraine"),
                   ("EUROPEAN UNION", "ORG", "European Union")]


def test_persons_of_another_language_abstract_and_known_names_of_keyword_lists():
    head = ("ТАҚЫРЫП\n\nАңдатпа. Мақалада цифрлық қоғам қарастырылады.\n\n"
            "Аннотация. На основе работ Юргена Хабермаса и Мишеля Фуко рассматривается общество.\n\n"
            "**Түйін сөздер:** Қазақстан мен Қытай, мәдени байланыс\n\n"
            "**Keywords:** Kazakhstan and China, Ministry of Happiness\n\n")
    abstracts = (("kk", "Мақалада цифрлық қоғам қарастырылады."),
                 ("ru", "На основе работ Юргена Хабермаса и Мишеля Фуко рассматривается общество."))
    task = ArticleTask("d", len(head), BODY, (), len(head) + len(BODY), "", 0, head, abstracts)
    got = [(m.text, m.label) for m in extract_article(task) if m.start < len(head)]
    assert ("Юргена Хабермаса", "PERSON") in got and ("Мишеля Фуко", "PERSON") in got
    assert {("Қытай", "GPE"), ("China", "GPE"), ("Kazakhstan", "GPE")} <= set(got)
    assert not any("Happiness" in text for text, _ in got)


def test_another_language_abstract_keeps_a_bare_constitution_for_resolution_to_place():
    """«контент-анализ Конституции» in the Russian abstract of a Kazakh article: a bare national
    act is known (its country comes from its words or the article), a made-up law is not."""
    head = ("ТАҚЫРЫП\n\nАңдатпа. Мақалада Конституция талданады.\n\n"
            "Аннотация. Исследование включает контент-анализ Конституции и закона о счастье.\n\n")
    abstracts = (("kk", "Мақалада Конституция талданады."),
                 ("ru", "Исследование включает контент-анализ Конституции и закона о счастье."))
    body = "Қазақстан Республикасының Конституциясы туралы мақала."
    task = ArticleTask("d", len(head), body, (), len(head) + len(body), "", 0, head, abstracts)
    got = [(m.text, m.label) for m in extract_article(task) if m.start < len(head)]
    assert ("Конституции", "LAW") in got
    assert not any("счаст" in text for text, _ in got)
