"""English word tables: head nouns, acronyms, known names, cities, countries, non-names.

>>> "Ministry" in ORG_HEADS, "GDP" in GENERIC_ACRONYMS, bool(SURNAME_END.fullmatch("tokayev"))
(True, True, True)
"""

from __future__ import annotations

import re

ORG_HEADS = frozenset(
    "University Institute Ministry Agency Committee Council Fund Foundation Centre Center "
    "Academy Bank Party Commission Organization Organisation Office Parliament Mazhilis "
    "Majilis Senate Assembly Court Secretariat Department Association Union Corporation "
    "Company Authority Board Bureau Tribunal Alliance Facility College School "
    "Chamber Akimat Maslikhat Bulletin Journal Gazette Herald Press Federation "
    "Community Cabinet Government Programme Forum Consortium Network Observatory Hub Holding "
    "Society Library Museum Laboratory".split()
)
LAW_HEADS = frozenset(
    "Law Code Act Agreement Treaty Convention Declaration Memorandum Charter Pact Protocol "
    "Accord Accords Constitution Decree Resolution".split()
)
PROGRAM_HEADS = frozenset(
    "Strategy Concept Program Programme Initiative Doctrine Roadmap Project Plan".split()
)
# Heads naming an institution on their own when written ``the Council`` or mid-sentence.
SINGLE_ORGS = frozenset(
    "Council Commission Parliament Senate Mazhilis Majilis Committee Secretariat Assembly "
    "Ministry Agency Cabinet Akimat Maslikhat".split()
)
BARE_OK = frozenset("Parliament Mazhilis Majilis Senate".split())  # even without ``the``
# Programme names that are really UN bodies: ``United Nations Development Programme``.
ORG_PREFIXES = ("United Nations", "UN ", "World Food")
CONNECTORS = frozenset(
    "of for on in through under to at de du da del des la le von van der".split()
)

KNOWN_ORG_ACRONYMS = frozenset(
    "UN OSCE SCO EAEU CIS CSTO EU NATO IMF UNESCO UNDP UNICEF OECD WTO ADB EBRD KazISS WHO ILO "
    "UNHCR OHCHR IOM FAO UNEP UNIDO UNCTAD IAEA OPEC ASEAN BRICS APEC CICA OIC EurAsEC CAREC "
    "ODIHR PACE ECHR ICRC IFC AIIB EDB USAID GIZ JICA KOICA TIKA CoE OTS TURKSOY GEF IPCC WFP "
    "UNFPA UNFCCC EEU EAEC KISI ENU KazNU".split()
)
GENERIC_ACRONYMS = frozenset(
    "GDP GNP GNI NGO NGOs ICT ICTs IT AI COVID SWOT PhD CEO HIV AIDS SME SMEs FDI CSR ESG PR HR "
    "TV ID IQ USD KZT EUR RUB OK IPO CO GHG ISSN DOI URL ORCID PDF API SMS GPS PC DNA RNA BC AD "
    "AM PM NB VAT GMO STEM MP MPs MA MSc BA BSc UTC CV FAQ EIA NA DC".split()
)
# Well-known institutions without a head noun.
KNOWN_ORGS = (
    "United Nations", "Verkhovna Rada", "Interpol", "Red Cross", "Red Crescent",
    "Amnesty International", "Human Rights Watch", "Transparency International",
    "Freedom House", "Akorda", "Ak Orda", "Samruk-Kazyna", "Kazakhtelecom", "KazMunayGas",
)
# Given names (international and Kazakh/Russian transliterations) for ``First Last`` names.
GIVEN_NAMES = frozenset(
    "Abay Abai Adil Aidos Aigerim Aigul Aizhan Akmaral Aliya Almas Almaz Alikhan Altynbek Amina "
    "Arman Askar Assel Asel Aslan Aruzhan Ainur Azamat Bakhyt Bakhytzhan Baurzhan Bolat Daniyar "
    "Dariga Darkhan Dauren Dina Dinara Erlan Yerlan Ermek Yermek Gulnara Gulnar Gulmira Kairat "
    "Kanat Karim Kassym Kuanysh Madina Marat Maksat Marzhan Mukhtar Nazym Nurlan Nursultan Nurzhan "
    "Olzhas Rustem Saule Saltanat Serik Talgat Timur Yerkebulan Yerzhan Zhanna Zhanar Abdulla "
    "Alexander Aleksandr Alexei Alexey Aleksey Andrei Andrey Anna Anatoly Boris Dmitry Dmitri "
    "Elena Yelena Evgeny Yevgeny Galina Igor Irina Ivan Konstantin Leonid Lev Maria Mariya "
    "Mikhail Natalia Natalya Nikolai Nikolay Oleg Olga Pavel Petr Pyotr Roman Sergei Sergey "
    "Svetlana Tatiana Tatyana Valentina Vladimir Viktor Victor Vitaly Yuri Yury Volodymyr "
    "Petro Oleksandr Oleksiy Mykola Taras Yulia Yuliya Viktoriya Victoria "
    "Adam Alan Albert Alice Amy Andrew Angela Ann Anne Anthony Barbara Benjamin Bill Bob Brian "
    "Carl Carlos Catherine Charles Charlotte Chris Christopher Claire Daniel David Deborah Donald "
    "Edward Elizabeth Emily Emma Eric Francis Frank Fred Gary George Gordon Hannah Helen Henry "
    "Hillary Hugh Ian Jack Jacob James Jane Jean Jeffrey Jennifer John Jonathan Joseph Judith "
    "Julia Karen Kate Katherine Kenneth Kevin Larry Laura Linda Lisa Margaret Mark Martin Mary "
    "Matthew Michael Michelle Nancy Nicholas Patrick Paul Peter Philip Richard Robert Ronald "
    "Samuel Sarah Scott Stephen Steven Susan Thomas Timothy Tom William Angela Emmanuel Francois "
    "Jacques Pierre Hans Jurgen Klaus Wolfgang Friedrich Karl Max Theodor Niklas Zygmunt Jan "
    "Marco Giovanni Giuseppe Luca Carlo Jose Juan Luis Miguel Pedro Antonio Manuel Nikos Yannis "
    "Giorgos Dimitris Ahmed Ali Hassan Hussein Mohammed Muhammad Omar Recep Mustafa Xi Li Wang "
    "Amartya Svante Michel Bruno Niccolo Alexis Noam "
    "Immanuel Max Emile Pierre Jean-Jacques Ferdinand Kassym-Jomart".split()
)
SURNAME_END = re.compile(
    r".*(?:ov|ova|ev|eva|yev|yeva|in|ina|yn|ko|enko|uk|yuk|chuk|sky|skiy|skaya|ski|ska|vich|"
    r"ich|uly|ulу|kyzy|bek|bekov|bayev|baev|shvili|dze|yan|ian|akis|opoulos|oglu|son|sen|"
    r"stein|berg|mann|man|ez|es|ini|elli|etti)$"
)
KNOWN_PROGRAMS = (
    "Digital Kazakhstan", "Nurly Zhol", "Rukhani Zhangyru", "Bolashak", "100 Concrete Steps",
    "Belt and Road Initiative", "One Belt, One Road", "Eastern Partnership",
    "Millennium Development Goals", "Kazakhstan 2030", "Kazakhstan 2050",
)
CITIES = (
    "Almaty", "Alma-Ata", "Astana", "Nur-Sultan", "Shymkent", "Karaganda", "Karagandy",
    "Qaraghandy", "Aktobe", "Aqtobe", "Atyrau", "Aktau", "Aqtau", "Pavlodar", "Semey",
    "Semipalatinsk", "Kostanay", "Kostanai", "Kokshetau", "Petropavl", "Petropavlovsk", "Taraz",
    "Turkestan", "Turkistan", "Kyzylorda", "Qyzylorda", "Taldykorgan", "Uralsk", "Oral",
    "Oskemen", "Ust-Kamenogorsk", "Zhezkazgan", "Ekibastuz", "Baikonur", "Konaev", "Temirtau",
    "Zhanaozen", "Moscow", "Beijing", "Washington", "London", "Paris", "Berlin", "Brussels",
    "Vienna", "Geneva", "New York", "Tokyo", "Seoul", "Ankara", "Istanbul", "Tashkent",
    "Bishkek", "Dushanbe", "Ashgabat", "Baku", "Tbilisi", "Yerevan", "Kyiv", "Kiev", "Minsk",
    "Warsaw", "Rome", "Madrid", "Stockholm", "Oslo", "Helsinki", "Copenhagen", "Amsterdam",
    "The Hague", "Prague", "Budapest", "Bucharest", "Sofia", "Athens", "Riga", "Vilnius",
    "Tallinn", "Lisbon", "Dublin", "Bern", "Strasbourg", "New Delhi", "Delhi", "Islamabad",
    "Kabul", "Tehran", "Riyadh", "Dubai", "Abu Dhabi", "Doha", "Cairo", "Jerusalem",
    "Tel Aviv", "Ottawa", "Canberra", "Sydney", "Mexico City", "Rio de Janeiro", "Sao Paulo",
    "Buenos Aires", "Brasilia", "Bangkok", "Hanoi", "Jakarta", "Kuala Lumpur", "Manila",
    "Shanghai", "Hong Kong", "Urumqi", "Xinjiang", "Saint Petersburg", "St. Petersburg",
    "Novosibirsk", "Omsk", "Kazan", "Lviv", "Kharkiv", "Odesa", "Odessa", "Davos", "Stockholm",
    "Samarkand", "Bukhara", "Osh", "Los Angeles", "Chicago", "San Francisco", "Frankfurt",
    "Munich", "Hamburg", "Milan", "Barcelona", "Zurich", "Tianjin", "Guangzhou", "Shenzhen",
)
# English country names, added to those of kg.lexicon.countries.
COUNTRIES = (
    "Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|"
    "Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and "
    "Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|"
    "Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|"
    "Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|"
    "East Timor|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|"
    "Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|"
    "Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|"
    "Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Republic of Kazakhstan|Kenya|"
    "Kiribati|Kosovo|Kuwait|Kyrgyzstan|Kyrgyz Republic|Laos|Latvia|Lebanon|Lesotho|Liberia|"
    "Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|"
    "Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|"
    "Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|"
    "Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|"
    "Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|"
    "Russian Federation|Rwanda|Saint Lucia|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|"
    "Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|"
    "South Korea|Republic of Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|"
    "Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|"
    "Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|"
    "United Kingdom|UK|Great Britain|Britain|United States of America|United States|USA|US|"
    "U.S.|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|"
    "Soviet Union|USSR|PRC|People's Republic of China"
).split("|")
DEMONYMS = frozenset(
    "Kazakh Kazakhs Kazakhstani Russian Russians Chinese European Europeans Asian Asians "
    "American Americans Soviet Turkish Kyrgyz Uzbek Tajik Turkmen Ukrainian Ukrainians Korean "
    "Japanese German French British English Indian Iranian Afghan Arab Arabic Islamic Muslim "
    "Christian Eurasian Western Eastern Northern Southern Central Middle Caspian Caucasian "
    "Mongolian Georgian Armenian Azerbaijani Belarusian Polish Italian Spanish Swedish Dutch "
    "Canadian Mexican Brazilian Anglo-Saxon Slavic Turkic Persian Latin African Nordic Baltic "
    "Balkan Pacific Atlantic Mediterranean Scandinavian".split()
)
NOT_NAMES = frozenset(
    "Abstract Introduction Conclusion Conclusions Methods Method Results Discussion References "
    "Keywords Key Words Table Figure Fig Section Chapter Article Appendix Annex Part Vol Volume "
    "No Page Note Step Stage Phase Type Level Model Case Group Item Box Scenario Option Class "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday North South East West Europe Asia "
    "Africa America Americas Eurasia Oceania Caucasus Arctic Antarctica Middle Far Near Sea "
    "Ocean River Lake Mountains State States Republic Kingdom Empire Government President Prime "
    "Minister Law Act Code Strategy Program Programme Concept Plan Project Initiative Agreement "
    "Partnership Cooperation Development Security Sustainable Economic Social Political Public "
    "Civil Human Rights Democracy Democratic National International Global Regional Local "
    "Federal Digital Green New Old Great High Higher Supreme Constitutional Energy Climate "
    "Environment Environmental Health Education Science Research Policy Management Governance "
    "Affairs Foreign Internal Justice Finance Trade Industry Agriculture Culture Information "
    "Communication Communications Media Internet Online Road Way Belt Silk Goals Goal Index "
    "Report Review Conference Summit Congress Mr Mrs Ms Dr Prof Professor Sir Madam Dear Ltd "
    "Inc LLC JSC LLP Bulletin Journal News Times Post Daily Weekly Quarterly Studies Study "
    "Affairs Relations Reform Reforms Action Amendments Amendment Strategic Studies Statistics "
    "Abstracts Acknowledgements Funding Materials Literature Theory Analysis Data Findings "
    "Figures Tables Appendices Notes Source Sources Total Average Mean Region Province District "
    "Oblast City Town Village Street Square Avenue Building Chief Senior Head Deputy Best "
    "Special Issue Issues Address Message Speech".split()
)
NOT_NAME_SUFFIX = re.compile(
    r".*(?:tion|sion|ment|ness|ship|ism|ist|ity|ance|ence|ing|ive|ous|ary|ical|able|ible|ics|"
    r"ogy|ese|ish|ies|ists|ors|ers|ated|ized|ised|ural|onal|ally|ntly|arly|ably|ibly|ingly|"
    r"ously|ively|ately)$"
)
# One word of a person's name: ``Welch``, ``Jean-Jacques``, ``O’Neil``.
NAME = r"[A-Z][a-z]+(?:[-‑'’][A-Z][a-z]+)*"
