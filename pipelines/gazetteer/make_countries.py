"""Write kg/lexicon/data/countries.tsv: every UN member and observer state, plus Taiwan, Kosovo and
the USSR, with ISO codes, Wikidata ids and names in English, Russian and Kazakh.

The names, Wikidata ids and aliases below are curated by hand (Kazakh spellings follow the
Kazakh Wikipedia and official usage). ``pycountry`` (a build-time tool only, never needed at
run time) supplies the ISO alpha-2 code for each alpha-3 code and checks that it exists; its
official English names and Russian names are added as aliases. Run from the repo root::

    .venv/bin/pip install pycountry
    .venv/bin/python pipelines/gazetteer/make_countries.py

An empty Wikidata field means the id was not certain; an empty ISO code means there is none
(the USSR; Kosovo carries the user-assigned XK/XKX used by the EU and the World Bank).
"""

from __future__ import annotations

import argparse
import gettext
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kg.lexicon.countries import name_key  # noqa: E402  (the lookups' own comparison)

OUT = ROOT / "kg" / "data" / "countries.tsv"
HEADER = ("iso2", "iso3", "wikidata", "en", "ru", "kk", "aliases")

# ISO3 ; Wikidata ; English ; Russian ; Kazakh ; aliases (| separated, any language)
ROWS = """
AFG ; Q889 ; Afghanistan ; Афганистан ; Ауғанстан ; Islamic Republic of Afghanistan|Islamic Emirate of Afghanistan|Исламская Республика Афганистан|Ауғанстан Ислам Республикасы
ALB ; Q222 ; Albania ; Албания ; Албания ; Republic of Albania|Республика Албания
DZA ; Q262 ; Algeria ; Алжир ; Алжир ; People's Democratic Republic of Algeria|Алжирская Народная Демократическая Республика
AND ; Q228 ; Andorra ; Андорра ; Андорра ; Principality of Andorra|Княжество Андорра
AGO ; Q916 ; Angola ; Ангола ; Ангола ; Republic of Angola|Республика Ангола
ATG ; Q781 ; Antigua and Barbuda ; Антигуа и Барбуда ; Антигуа және Барбуда ; Antigua & Barbuda
ARG ; Q414 ; Argentina ; Аргентина ; Аргентина ; Argentine Republic|Аргентинская Республика
ARM ; Q399 ; Armenia ; Армения ; Армения ; Republic of Armenia|Республика Армения|Армения Республикасы
AUS ; Q408 ; Australia ; Австралия ; Аустралия ; Commonwealth of Australia|Австралийский Союз
AUT ; Q40 ; Austria ; Австрия ; Аустрия ; Republic of Austria|Австрийская Республика
AZE ; Q227 ; Azerbaijan ; Азербайджан ; Әзірбайжан ; Republic of Azerbaijan|Азербайджанская Республика|Әзірбайжан Республикасы|Әзербайжан|Әзербайжан Республикасы
BHS ; Q778 ; Bahamas ; Багамы ; Багам аралдары ; The Bahamas|Commonwealth of The Bahamas|Багамские Острова|Багамские острова|Содружество Багамских Островов
BHR ; Q398 ; Bahrain ; Бахрейн ; Бахрейн ; Kingdom of Bahrain|Королевство Бахрейн
BGD ; Q902 ; Bangladesh ; Бангладеш ; Бангладеш ; People's Republic of Bangladesh|Народная Республика Бангладеш
BRB ; Q244 ; Barbados ; Барбадос ; Барбадос ;
BLR ; Q184 ; Belarus ; Белоруссия ; Беларусь ; Republic of Belarus|Республика Беларусь|Беларусь Республикасы|Беларусь|Belorussia|Byelorussia
BEL ; Q31 ; Belgium ; Бельгия ; Бельгия ; Kingdom of Belgium|Королевство Бельгия|Бельгия Корольдігі
BLZ ; Q242 ; Belize ; Белиз ; Белиз ;
BEN ; Q962 ; Benin ; Бенин ; Бенин ; Republic of Benin|Республика Бенин
BTN ; Q917 ; Bhutan ; Бутан ; Бутан ; Kingdom of Bhutan|Королевство Бутан
BOL ; Q750 ; Bolivia ; Боливия ; Боливия ; Plurinational State of Bolivia|Многонациональное Государство Боливия
BIH ; Q225 ; Bosnia and Herzegovina ; Босния и Герцеговина ; Босния және Герцеговина ; Bosnia-Herzegovina|Bosnia & Herzegovina|BiH|Bosnia|Босния
BWA ; Q963 ; Botswana ; Ботсвана ; Ботсвана ; Republic of Botswana|Республика Ботсвана
BRA ; Q155 ; Brazil ; Бразилия ; Бразилия ; Federative Republic of Brazil|Федеративная Республика Бразилия|Brasil
BRN ; Q921 ; Brunei ; Бруней ; Бруней ; Brunei Darussalam|Бруней-Даруссалам
BGR ; Q219 ; Bulgaria ; Болгария ; Болгария ; Republic of Bulgaria|Республика Болгария
BFA ; Q965 ; Burkina Faso ; Буркина-Фасо ; Буркина-Фасо ;
BDI ; Q967 ; Burundi ; Бурунди ; Бурунди ; Republic of Burundi|Республика Бурунди
CPV ; Q1011 ; Cabo Verde ; Кабо-Верде ; Кабо-Верде ; Cape Verde|Republic of Cabo Verde|Острова Зелёного Мыса
KHM ; Q424 ; Cambodia ; Камбоджа ; Камбоджа ; Kingdom of Cambodia|Королевство Камбоджа|Kampuchea
CMR ; Q1009 ; Cameroon ; Камерун ; Камерун ; Republic of Cameroon|Республика Камерун
CAN ; Q16 ; Canada ; Канада ; Канада ;
CAF ; Q929 ; Central African Republic ; Центральноафриканская Республика ; Орталық Африка Республикасы ; ЦАР|Центрально-Африканская Республика
TCD ; Q657 ; Chad ; Чад ; Чад ; Republic of Chad|Республика Чад
CHL ; Q298 ; Chile ; Чили ; Чили ; Republic of Chile|Республика Чили
CHN ; Q148 ; China ; Китай ; Қытай ; КНР|ҚХР|PRC|P.R.C.|People's Republic of China|Китайская Народная Республика|Қытай Халық Республикасы|Mainland China
COL ; Q739 ; Colombia ; Колумбия ; Колумбия ; Republic of Colombia|Республика Колумбия
COM ; Q970 ; Comoros ; Коморы ; Комор аралдары ; Union of the Comoros|Коморские Острова|Союз Коморских Островов
COG ; Q971 ; Republic of the Congo ; Республика Конго ; Конго Республикасы ; Congo-Brazzaville|Congo Republic|Republic of Congo|Конго-Браззавиль
COD ; Q974 ; Democratic Republic of the Congo ; Демократическая Республика Конго ; Конго Демократиялық Республикасы ; DR Congo|DRC|Congo-Kinshasa|Democratic Republic of Congo|ДР Конго|ДРК|Конго-Киншаса|Zaire|Заир
CRI ; Q800 ; Costa Rica ; Коста-Рика ; Коста-Рика ; Republic of Costa Rica|Республика Коста-Рика
CIV ; Q1008 ; Côte d'Ivoire ; Кот-д’Ивуар ; Кот-д’Ивуар ; Ivory Coast|Republic of Côte d'Ivoire|Берег Слоновой Кости|Піл Сүйегі Жағалауы
HRV ; Q224 ; Croatia ; Хорватия ; Хорватия ; Republic of Croatia|Республика Хорватия|Hrvatska
CUB ; Q241 ; Cuba ; Куба ; Куба ; Republic of Cuba|Республика Куба
CYP ; Q229 ; Cyprus ; Кипр ; Кипр ; Republic of Cyprus|Республика Кипр
CZE ; Q213 ; Czechia ; Чехия ; Чехия ; Czech Republic|Чешская Республика|Чех Республикасы
DNK ; Q35 ; Denmark ; Дания ; Дания ; Kingdom of Denmark|Королевство Дания|Дания Корольдігі
DJI ; Q977 ; Djibouti ; Джибути ; Джибути ; Republic of Djibouti|Республика Джибути
DMA ; Q784 ; Dominica ; Доминика ; Доминика ; Commonwealth of Dominica|Содружество Доминики
DOM ; Q786 ; Dominican Republic ; Доминиканская Республика ; Доминикан Республикасы ;
ECU ; Q736 ; Ecuador ; Эквадор ; Эквадор ; Republic of Ecuador|Республика Эквадор
EGY ; Q79 ; Egypt ; Египет ; Мысыр ; Arab Republic of Egypt|Арабская Республика Египет|Мысыр Араб Республикасы|Египет Араб Республикасы
SLV ; Q792 ; El Salvador ; Сальвадор ; Сальвадор ; Republic of El Salvador|Республика Эль-Сальвадор|Эль-Сальвадор
GNQ ; Q983 ; Equatorial Guinea ; Экваториальная Гвинея ; Экваторлық Гвинея ; Republic of Equatorial Guinea|Экваториалдық Гвинея
ERI ; Q986 ; Eritrea ; Эритрея ; Эритрея ; State of Eritrea|Государство Эритрея
EST ; Q191 ; Estonia ; Эстония ; Эстония ; Republic of Estonia|Эстонская Республика|Эстония Республикасы
SWZ ; Q1050 ; Eswatini ; Эсватини ; Эсватини ; Kingdom of Eswatini|Swaziland|Свазиленд
ETH ; Q115 ; Ethiopia ; Эфиопия ; Эфиопия ; Federal Democratic Republic of Ethiopia|Федеративная Демократическая Республика Эфиопия
FJI ; Q712 ; Fiji ; Фиджи ; Фиджи ; Republic of Fiji|Республика Фиджи
FIN ; Q33 ; Finland ; Финляндия ; Финляндия ; Republic of Finland|Финляндская Республика|Suomi
FRA ; Q142 ; France ; Франция ; Франция ; French Republic|Французская Республика|Франция Республикасы
GAB ; Q1000 ; Gabon ; Габон ; Габон ; Gabonese Republic|Габонская Республика
GMB ; Q1005 ; Gambia ; Гамбия ; Гамбия ; The Gambia|Republic of The Gambia
GEO ; Q230 ; Georgia ; Грузия ; Грузия ; Sakartvelo|Сакартвело|Гүржістан
DEU ; Q183 ; Germany ; Германия ; Германия ; Federal Republic of Germany|Федеративная Республика Германия|Германия Федеративтік Республикасы|ФРГ|ГФР|FRG|Deutschland
GHA ; Q117 ; Ghana ; Гана ; Гана ; Republic of Ghana|Республика Гана
GRC ; Q41 ; Greece ; Греция ; Грекия ; Hellenic Republic|Греческая Республика|Грек Республикасы|Hellas|Эллада
GRD ; Q769 ; Grenada ; Гренада ; Гренада ;
GTM ; Q774 ; Guatemala ; Гватемала ; Гватемала ; Republic of Guatemala|Республика Гватемала
GIN ; Q1006 ; Guinea ; Гвинея ; Гвинея ; Republic of Guinea|Guinea-Conakry|Гвинейская Республика
GNB ; Q1007 ; Guinea-Bissau ; Гвинея-Бисау ; Гвинея-Бисау ; Republic of Guinea-Bissau
GUY ; Q734 ; Guyana ; Гайана ; Гайана ; Co-operative Republic of Guyana
HTI ; Q790 ; Haiti ; Гаити ; Гаити ; Republic of Haiti|Республика Гаити
HND ; Q783 ; Honduras ; Гондурас ; Гондурас ; Republic of Honduras|Республика Гондурас
HUN ; Q28 ; Hungary ; Венгрия ; Венгрия ; Мажарстан|Magyarország
ISL ; Q189 ; Iceland ; Исландия ; Исландия ; Republic of Iceland|Ísland
IND ; Q668 ; India ; Индия ; Үндістан ; Republic of India|Республика Индия|Bharat|Үндістан Республикасы
IDN ; Q252 ; Indonesia ; Индонезия ; Индонезия ; Republic of Indonesia|Республика Индонезия|Индонезия Республикасы
IRN ; Q794 ; Iran ; Иран ; Иран ; Islamic Republic of Iran|Исламская Республика Иран|Иран Ислам Республикасы|Persia|Персия
IRQ ; Q796 ; Iraq ; Ирак ; Ирак ; Republic of Iraq|Республика Ирак
IRL ; Q27 ; Ireland ; Ирландия ; Ирландия ; Republic of Ireland|Éire|Ирландия Республикасы
ISR ; Q801 ; Israel ; Израиль ; Израиль ; State of Israel|Государство Израиль|Израил|Израиль Мемлекеті
ITA ; Q38 ; Italy ; Италия ; Италия ; Italian Republic|Итальянская Республика|Италия Республикасы|Italia
JAM ; Q766 ; Jamaica ; Ямайка ; Ямайка ;
JPN ; Q17 ; Japan ; Япония ; Жапония ; Nippon|Государство Япония
JOR ; Q810 ; Jordan ; Иордания ; Иордания ; Hashemite Kingdom of Jordan|Иорданское Хашимитское Королевство|Иордан Хашимит Корольдігі
KAZ ; Q232 ; Kazakhstan ; Казахстан ; Қазақстан ; Республика Казахстан|Қазақстан Республикасы|Republic of Kazakhstan|РК|ҚР|Kazakstan|Qazaqstan|Qazaqstan Respublikasy
KEN ; Q114 ; Kenya ; Кения ; Кения ; Republic of Kenya|Республика Кения
KIR ; Q710 ; Kiribati ; Кирибати ; Кирибати ; Republic of Kiribati
PRK ; Q423 ; North Korea ; Северная Корея ; Солтүстік Корея ; Democratic People's Republic of Korea|DPRK|КНДР|Корейская Народно-Демократическая Республика|КХДР|Корея Халықтық Демократиялық Республикасы
KOR ; Q884 ; South Korea ; Южная Корея ; Оңтүстік Корея ; Republic of Korea|ROK|Республика Корея|Корея Республикасы
KWT ; Q817 ; Kuwait ; Кувейт ; Кувейт ; State of Kuwait|Государство Кувейт
KGZ ; Q813 ; Kyrgyzstan ; Киргизия ; Қырғызстан ; Kyrgyz Republic|Кыргызстан|Кыргызская Республика|Қырғыз Республикасы|Kirghizia|Kirgizia|Киргизстан
LAO ; Q819 ; Laos ; Лаос ; Лаос ; Lao People's Democratic Republic|Lao PDR|Лаосская Народно-Демократическая Республика|Лаос Халық Демократиялық Республикасы
LVA ; Q211 ; Latvia ; Латвия ; Латвия ; Republic of Latvia|Латвийская Республика|Латвия Республикасы
LBN ; Q822 ; Lebanon ; Ливан ; Ливан ; Lebanese Republic|Ливанская Республика
LSO ; Q1013 ; Lesotho ; Лесото ; Лесото ; Kingdom of Lesotho|Королевство Лесото
LBR ; Q1014 ; Liberia ; Либерия ; Либерия ; Republic of Liberia|Республика Либерия
LBY ; Q1016 ; Libya ; Ливия ; Ливия ; State of Libya|Государство Ливия
LIE ; Q347 ; Liechtenstein ; Лихтенштейн ; Лихтенштейн ; Principality of Liechtenstein|Княжество Лихтенштейн
LTU ; Q37 ; Lithuania ; Литва ; Литва ; Republic of Lithuania|Литовская Республика|Литва Республикасы
LUX ; Q32 ; Luxembourg ; Люксембург ; Люксембург ; Grand Duchy of Luxembourg|Великое Герцогство Люксембург
MDG ; Q1019 ; Madagascar ; Мадагаскар ; Мадагаскар ; Republic of Madagascar|Республика Мадагаскар
MWI ; Q1020 ; Malawi ; Малави ; Малави ; Republic of Malawi|Республика Малави
MYS ; Q833 ; Malaysia ; Малайзия ; Малайзия ;
MDV ; Q826 ; Maldives ; Мальдивы ; Мальдив аралдары ; Republic of Maldives|Мальдивская Республика|Мальдивские Острова|Мальдив Республикасы
MLI ; Q912 ; Mali ; Мали ; Мали ; Republic of Mali|Республика Мали
MLT ; Q233 ; Malta ; Мальта ; Мальта ; Republic of Malta|Республика Мальта
MHL ; Q709 ; Marshall Islands ; Маршалловы Острова ; Маршалл аралдары ; Republic of the Marshall Islands|Республика Маршалловы Острова
MRT ; Q1025 ; Mauritania ; Мавритания ; Мавритания ; Islamic Republic of Mauritania|Исламская Республика Мавритания
MUS ; Q1027 ; Mauritius ; Маврикий ; Маврикий ; Republic of Mauritius|Республика Маврикий
MEX ; Q96 ; Mexico ; Мексика ; Мексика ; United Mexican States|Мексиканские Соединённые Штаты
FSM ; Q702 ; Micronesia ; Микронезия ; Микронезия ; Federated States of Micronesia|Федеративные Штаты Микронезии
MDA ; Q217 ; Moldova ; Молдавия ; Молдова ; Republic of Moldova|Республика Молдова|Молдова Республикасы|Moldavia
MCO ; Q235 ; Monaco ; Монако ; Монако ; Principality of Monaco|Княжество Монако
MNG ; Q711 ; Mongolia ; Монголия ; Моңғолия ; Монғолия|Mongol Uls
MNE ; Q236 ; Montenegro ; Черногория ; Черногория ; Crna Gora
MAR ; Q1028 ; Morocco ; Марокко ; Марокко ; Kingdom of Morocco|Королевство Марокко|Марокко Корольдігі
MOZ ; Q1029 ; Mozambique ; Мозамбик ; Мозамбик ; Republic of Mozambique|Республика Мозамбик
MMR ; Q836 ; Myanmar ; Мьянма ; Мьянма ; Burma|Бирма|Republic of the Union of Myanmar|Республика Союз Мьянма
NAM ; Q1030 ; Namibia ; Намибия ; Намибия ; Republic of Namibia|Республика Намибия
NRU ; Q697 ; Nauru ; Науру ; Науру ; Republic of Nauru|Республика Науру
NPL ; Q837 ; Nepal ; Непал ; Непал ; Federal Democratic Republic of Nepal
NLD ; Q55 ; Netherlands ; Нидерланды ; Нидерланд ; The Netherlands|Holland|Kingdom of the Netherlands|Королевство Нидерландов|Голландия|Нидерланды|Нидерланд Корольдігі
NZL ; Q664 ; New Zealand ; Новая Зеландия ; Жаңа Зеландия ; Aotearoa
NIC ; Q811 ; Nicaragua ; Никарагуа ; Никарагуа ; Republic of Nicaragua|Республика Никарагуа
NER ; Q1032 ; Niger ; Нигер ; Нигер ; Republic of the Niger|Республика Нигер
NGA ; Q1033 ; Nigeria ; Нигерия ; Нигерия ; Federal Republic of Nigeria|Федеративная Республика Нигерия
MKD ; Q221 ; North Macedonia ; Северная Македония ; Солтүстік Македония ; Republic of North Macedonia|Республика Северная Македония|Macedonia|Македония
NOR ; Q20 ; Norway ; Норвегия ; Норвегия ; Kingdom of Norway|Королевство Норвегия|Норвегия Корольдігі|Norge
OMN ; Q842 ; Oman ; Оман ; Оман ; Sultanate of Oman|Султанат Оман
PAK ; Q843 ; Pakistan ; Пакистан ; Пәкістан ; Islamic Republic of Pakistan|Исламская Республика Пакистан|Пәкістан Ислам Республикасы|Пакистан
PLW ; Q695 ; Palau ; Палау ; Палау ; Republic of Palau|Республика Палау
PSE ; Q219060 ; Palestine ; Палестина ; Палестина ; State of Palestine|Государство Палестина|Палестина Мемлекеті
PAN ; Q804 ; Panama ; Панама ; Панама ; Republic of Panama|Республика Панама
PNG ; Q691 ; Papua New Guinea ; Папуа — Новая Гвинея ; Папуа — Жаңа Гвинея ; Independent State of Papua New Guinea|Папуа-Новая Гвинея|Папуа-Жаңа Гвинея
PRY ; Q733 ; Paraguay ; Парагвай ; Парагвай ; Republic of Paraguay|Республика Парагвай
PER ; Q419 ; Peru ; Перу ; Перу ; Republic of Peru|Республика Перу
PHL ; Q928 ; Philippines ; Филиппины ; Филиппин ; Republic of the Philippines|Республика Филиппины|Филиппин аралдары
POL ; Q36 ; Poland ; Польша ; Польша ; Republic of Poland|Республика Польша|Польша Республикасы|Polska
PRT ; Q45 ; Portugal ; Португалия ; Португалия ; Portuguese Republic|Португальская Республика
QAT ; Q846 ; Qatar ; Катар ; Катар ; State of Qatar|Государство Катар|Қатар
ROU ; Q218 ; Romania ; Румыния ; Румыния ; România
RUS ; Q159 ; Russia ; Россия ; Ресей ; Russian Federation|Российская Федерация|Ресей Федерациясы|РФ
RWA ; Q1037 ; Rwanda ; Руанда ; Руанда ; Republic of Rwanda|Республика Руанда
KNA ; Q763 ; Saint Kitts and Nevis ; Сент-Китс и Невис ; Сент-Китс және Невис ; St Kitts and Nevis|St. Kitts and Nevis|Federation of Saint Christopher and Nevis
LCA ; Q760 ; Saint Lucia ; Сент-Люсия ; Сент-Люсия ; St Lucia|St. Lucia
VCT ; Q757 ; Saint Vincent and the Grenadines ; Сент-Винсент и Гренадины ; Сент-Винсент және Гренадин ; St Vincent and the Grenadines|St. Vincent and the Grenadines
WSM ; Q683 ; Samoa ; Самоа ; Самоа ; Independent State of Samoa|Независимое Государство Самоа|Western Samoa
SMR ; Q238 ; San Marino ; Сан-Марино ; Сан-Марино ; Republic of San Marino|Республика Сан-Марино
STP ; Q1039 ; São Tomé and Príncipe ; Сан-Томе и Принсипи ; Сан-Томе және Принсипи ; Sao Tome and Principe|Democratic Republic of São Tomé and Príncipe
SAU ; Q851 ; Saudi Arabia ; Саудовская Аравия ; Сауд Арабиясы ; Kingdom of Saudi Arabia|KSA|Королевство Саудовская Аравия|Сауд Арабиясы Корольдігі
SEN ; Q1041 ; Senegal ; Сенегал ; Сенегал ; Republic of Senegal|Республика Сенегал
SRB ; Q403 ; Serbia ; Сербия ; Сербия ; Republic of Serbia|Республика Сербия|Сербия Республикасы|Srbija
SYC ; Q1042 ; Seychelles ; Сейшелы ; Сейшел аралдары ; Republic of Seychelles|Республика Сейшельские Острова|Сейшельские Острова
SLE ; Q1044 ; Sierra Leone ; Сьерра-Леоне ; Сьерра-Леоне ; Republic of Sierra Leone|Республика Сьерра-Леоне
SGP ; Q334 ; Singapore ; Сингапур ; Сингапур ; Republic of Singapore|Республика Сингапур
SVK ; Q214 ; Slovakia ; Словакия ; Словакия ; Slovak Republic|Словацкая Республика|Словакия Республикасы
SVN ; Q215 ; Slovenia ; Словения ; Словения ; Republic of Slovenia|Республика Словения
SLB ; Q685 ; Solomon Islands ; Соломоновы Острова ; Соломон аралдары ;
SOM ; Q1045 ; Somalia ; Сомали ; Сомали ; Federal Republic of Somalia|Федеративная Республика Сомали
ZAF ; Q258 ; South Africa ; Южно-Африканская Республика ; Оңтүстік Африка Республикасы ; Republic of South Africa|RSA|ЮАР|Южная Африка|Оңтүстік Африка|ОАР
SSD ; Q958 ; South Sudan ; Южный Судан ; Оңтүстік Судан ; Republic of South Sudan|Республика Южный Судан
ESP ; Q29 ; Spain ; Испания ; Испания ; Kingdom of Spain|Королевство Испания|Испания Корольдігі|España
LKA ; Q854 ; Sri Lanka ; Шри-Ланка ; Шри-Ланка ; Democratic Socialist Republic of Sri Lanka|Ceylon|Цейлон
SDN ; Q1049 ; Sudan ; Судан ; Судан ; Republic of the Sudan|The Sudan|Республика Судан
SUR ; Q730 ; Suriname ; Суринам ; Суринам ; Republic of Suriname|Surinam|Республика Суринам
SWE ; Q34 ; Sweden ; Швеция ; Швеция ; Kingdom of Sweden|Королевство Швеция|Швеция Корольдігі|Sverige
CHE ; Q39 ; Switzerland ; Швейцария ; Швейцария ; Swiss Confederation|Швейцарская Конфедерация|Швейцария Конфедерациясы
SYR ; Q858 ; Syria ; Сирия ; Сирия ; Syrian Arab Republic|Сирийская Арабская Республика|Сирия Араб Республикасы
TWN ; Q865 ; Taiwan ; Тайвань ; Тайвань ; Republic of China|Китайская Республика|Chinese Taipei|Қытай Республикасы
TJK ; Q863 ; Tajikistan ; Таджикистан ; Тәжікстан ; Republic of Tajikistan|Республика Таджикистан|Тәжікстан Республикасы|Tadzhikistan|Tojikiston
TZA ; Q924 ; Tanzania ; Танзания ; Танзания ; United Republic of Tanzania|Объединённая Республика Танзания
THA ; Q869 ; Thailand ; Таиланд ; Тайланд ; Kingdom of Thailand|Королевство Таиланд|Siam|Сиам
TLS ; Q574 ; Timor-Leste ; Восточный Тимор ; Шығыс Тимор ; East Timor|Democratic Republic of Timor-Leste|Тимор-Лесте
TGO ; Q945 ; Togo ; Того ; Того ; Togolese Republic|Тоголезская Республика
TON ; Q678 ; Tonga ; Тонга ; Тонга ; Kingdom of Tonga|Королевство Тонга
TTO ; Q754 ; Trinidad and Tobago ; Тринидад и Тобаго ; Тринидад және Тобаго ; Republic of Trinidad and Tobago|Trinidad & Tobago
TUN ; Q948 ; Tunisia ; Тунис ; Тунис ; Tunisian Republic|Тунисская Республика
TUR ; Q43 ; Turkey ; Турция ; Түркия ; Türkiye|Turkiye|Republic of Türkiye|Republic of Turkey|Турецкая Республика|Түркия Республикасы
TKM ; Q874 ; Turkmenistan ; Туркменистан ; Түрікменстан ; Туркмения|Turkmenia|Түркіменстан
TUV ; Q672 ; Tuvalu ; Тувалу ; Тувалу ;
UGA ; Q1036 ; Uganda ; Уганда ; Уганда ; Republic of Uganda|Республика Уганда
UKR ; Q212 ; Ukraine ; Украина ; Украина ; Україна
ARE ; Q878 ; United Arab Emirates ; Объединённые Арабские Эмираты ; Біріккен Араб Әмірліктері ; UAE|U.A.E.|ОАЭ|БАӘ
GBR ; Q145 ; United Kingdom ; Великобритания ; Ұлыбритания ; United Kingdom of Great Britain and Northern Ireland|Great Britain|Britain|UK|U.K.|Соединённое Королевство|Соединённое Королевство Великобритании и Северной Ирландии|Біріккен Корольдік|Құрама Корольдік|Ұлыбритания және Солтүстік Ирландия Біріккен Корольдігі
USA ; Q30 ; United States ; Соединённые Штаты Америки ; Америка Құрама Штаттары ; United States of America|US|USA|U.S.|U.S.A.|США|Соединённые Штаты|АҚШ|Құрама Штаттар
URY ; Q77 ; Uruguay ; Уругвай ; Уругвай ; Oriental Republic of Uruguay|Восточная Республика Уругвай
UZB ; Q265 ; Uzbekistan ; Узбекистан ; Өзбекстан ; Republic of Uzbekistan|Республика Узбекистан|Өзбекстан Республикасы|O'zbekiston|Oʻzbekiston
VUT ; Q686 ; Vanuatu ; Вануату ; Вануату ; Republic of Vanuatu|Республика Вануату
VAT ; Q237 ; Vatican City ; Ватикан ; Ватикан ; Holy See|Vatican|Vatican City State|Святой Престол|Государство-город Ватикан|Қасиетті Тақ
VEN ; Q717 ; Venezuela ; Венесуэла ; Венесуэла ; Bolivarian Republic of Venezuela|Боливарианская Республика Венесуэла
VNM ; Q881 ; Vietnam ; Вьетнам ; Вьетнам ; Viet Nam|Socialist Republic of Vietnam|Социалистическая Республика Вьетнам|Вьетнам Социалистік Республикасы
YEM ; Q805 ; Yemen ; Йемен ; Йемен ; Republic of Yemen|Йеменская Республика
ZMB ; Q953 ; Zambia ; Замбия ; Замбия ; Republic of Zambia|Республика Замбия
ZWE ; Q954 ; Zimbabwe ; Зимбабве ; Зимбабве ; Republic of Zimbabwe|Республика Зимбабве
XKX ; Q1246 ; Kosovo ; Косово ; Косово ; Republic of Kosovo|Республика Косово|Косово Республикасы
- ; Q15180 ; Soviet Union ; Советский Союз ; Кеңес Одағы ; USSR|U.S.S.R.|Union of Soviet Socialist Republics|СССР|Союз Советских Социалистических Республик|КСРО|Кеңестік Социалистік Республикалар Одағы
"""

# Codes outside ISO 3166-1 (pycountry does not know them).
EXTRA_ISO2 = {"XKX": "XK"}
# pycountry names not added as aliases (not in use, or politically loaded).
# "Congo" alone is ambiguous between the two Congos.
SKIP_ALIASES = {"Китайская провинция Тайвань", "Соединённые штаты", "Congo", "Конго"}


def parse_rows(text: str = ROWS) -> list[dict[str, str]]:
    """The curated table as dicts with the TSV's columns (iso2 still empty)."""
    rows = []
    for line in text.strip().splitlines():
        iso3, qid, en, ru, kk, aliases = (f.strip() for f in line.split(";"))
        rows.append(
            {
                "iso2": "",
                "iso3": "" if iso3 == "-" else iso3,
                "wikidata": qid,
                "en": en,
                "ru": ru,
                "kk": kk,
                "aliases": aliases,
            }
        )
    return rows


def enrich(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Fill iso2 from pycountry and add its official English and Russian names as aliases."""
    import pycountry

    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    for row in rows:
        if not row["iso3"]:
            continue
        if row["iso3"] in EXTRA_ISO2:
            row["iso2"] = EXTRA_ISO2[row["iso3"]]
            continue
        country = pycountry.countries.get(alpha_3=row["iso3"])
        if country is None:
            raise SystemExit(f"unknown ISO alpha-3 code {row['iso3']}")
        row["iso2"] = country.alpha_2
        found = [getattr(country, "official_name", ""), country.name, ru.gettext(country.name)]
        aliases = [a for a in row["aliases"].split("|") if a]
        known = {name_key(n) for n in [row["en"], row["ru"], row["kk"], *aliases]}
        for name in found:
            name = re.sub(r"^the ", "", name)
            if not name or "," in name or "(" in name or name in SKIP_ALIASES:
                continue
            if name_key(name) not in known:
                aliases.append(name)
                known.add(name_key(name))
        row["aliases"] = "|".join(aliases)
    return rows


def check(rows: list[dict[str, str]]) -> None:
    """Fail on duplicate codes, malformed ids and a name that points at two countries."""
    owner: dict[str, str] = {}
    for col in ("iso2", "iso3", "wikidata"):
        values = [r[col] for r in rows if r[col]]
        if len(values) != len(set(values)):
            raise SystemExit(f"duplicate value in column {col}")
    for row in rows:
        if row["wikidata"] and not re.fullmatch(r"Q[1-9][0-9]*", row["wikidata"]):
            raise SystemExit(f"bad Wikidata id {row['wikidata']}")
        for name in [row["en"], row["ru"], row["kk"], *row["aliases"].split("|")]:
            if not name:
                continue
            key = name_key(name)
            if owner.setdefault(key, row["en"]) != row["en"]:
                raise SystemExit(f"{name!r} names both {owner[key]} and {row['en']}")


def write(rows: list[dict[str, str]], out: Path) -> None:
    lines = ["\t".join(HEADER)]
    lines += ["\t".join(row[c] for c in HEADER) for row in rows]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows = enrich(parse_rows())
    check(rows)
    write(rows, args.out)
    print(f"wrote {len(rows)} countries to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
