"""Jurisdiction entries the importers need: ISO 3166-1 alpha-2 ids, names, adjectives.

``POCOM_TERRITORIES`` maps the Office of the Historian's territory ids to
ISO codes. Territories without an ISO code of their own (historical states
such as Czechoslovakia, Texas, the Two Sicilies, South Vietnam; Kosovo,
whose ``XK`` is not an ISO assignment) map to ``None`` and are skipped and
reported by the POCOM importer.
"""
from __future__ import annotations

from typing import Any

# iso2|name|aliases (;)|adjectives (;)
_TABLE = """
af|Afghanistan||Afghan
al|Albania||Albanian
dz|Algeria||Algerian
ad|Andorra||Andorran
ao|Angola||Angolan
ag|Antigua and Barbuda||
ar|Argentina||Argentine;Argentinian
am|Armenia||Armenian
au|Australia||Australian
at|Austria||Austrian
az|Azerbaijan||Azerbaijani
bs|Bahamas|The Bahamas|Bahamian
bh|Bahrain||Bahraini
bd|Bangladesh||Bangladeshi
bb|Barbados||Barbadian
by|Belarus||Belarusian
be|Belgium||Belgian
bz|Belize||Belizean
bj|Benin||Beninese
bo|Bolivia||Bolivian
ba|Bosnia and Herzegovina|Bosnia|Bosnian
bw|Botswana||
br|Brazil||Brazilian
bn|Brunei||Bruneian
bg|Bulgaria||Bulgarian
bf|Burkina Faso||Burkinabe
mm|Myanmar|Burma|Myanmar;Burmese
bi|Burundi||Burundian
kh|Cambodia||Cambodian
cm|Cameroon||Cameroonian
ca|Canada||Canadian
cv|Cape Verde|Cabo Verde|Cape Verdean
cf|Central African Republic|CAR|
td|Chad||Chadian
cl|Chile||Chilean
cn|China|People's Republic of China;PRC|Chinese
co|Colombia||Colombian
km|Comoros||Comorian
cd|Democratic Republic of the Congo|DR Congo;DRC;Congo-Kinshasa|
cg|Republic of the Congo|Congo-Brazzaville|
cr|Costa Rica||Costa Rican
ci|Ivory Coast|Côte d'Ivoire;Cote d'Ivoire|Ivorian
hr|Croatia||Croatian
cu|Cuba||Cuban
cy|Cyprus||Cypriot
cz|Czech Republic|Czechia|Czech
dk|Denmark||Danish
dj|Djibouti||Djiboutian
dm|Dominica||
do|Dominican Republic||
ec|Ecuador||Ecuadorian
eg|Egypt||Egyptian
sv|El Salvador||Salvadoran
gq|Equatorial Guinea||Equatoguinean
er|Eritrea||Eritrean
ee|Estonia||Estonian
et|Ethiopia||Ethiopian
fj|Fiji||Fijian
fi|Finland||Finnish
fr|France||French
ga|Gabon||Gabonese
gm|Gambia|The Gambia|Gambian
ge|Georgia||Georgian
de|Germany||German
gh|Ghana||Ghanaian
gr|Greece||Greek
gd|Grenada||Grenadian
gt|Guatemala||Guatemalan
gn|Guinea||Guinean
gw|Guinea-Bissau||
gy|Guyana||Guyanese
ht|Haiti||Haitian
va|Holy See|Vatican;Vatican City|Vatican
hn|Honduras||Honduran
hu|Hungary||Hungarian
is|Iceland||Icelandic
in|India||Indian
id|Indonesia||Indonesian
ir|Iran||Iranian
iq|Iraq||Iraqi
ie|Ireland||Irish
il|Israel||Israeli
it|Italy||Italian
jm|Jamaica||Jamaican
jp|Japan||Japanese
jo|Jordan||Jordanian
kz|Kazakhstan||Kazakh
ke|Kenya||Kenyan
ki|Kiribati||
kr|South Korea|Republic of Korea;ROK|South Korean
kw|Kuwait||Kuwaiti
kg|Kyrgyzstan||Kyrgyz
la|Laos||Lao;Laotian
lv|Latvia||Latvian
lb|Lebanon||Lebanese
ls|Lesotho||
lr|Liberia||Liberian
ly|Libya||Libyan
li|Liechtenstein||
lt|Lithuania||Lithuanian
lu|Luxembourg||Luxembourgish
mk|North Macedonia|Macedonia|Macedonian
mg|Madagascar||Malagasy
mw|Malawi||Malawian
my|Malaysia||Malaysian
mv|Maldives||Maldivian
ml|Mali||Malian
mt|Malta||Maltese
mh|Marshall Islands||Marshallese
mr|Mauritania||Mauritanian
mu|Mauritius||Mauritian
mx|Mexico||Mexican
fm|Micronesia|Federated States of Micronesia|Micronesian
md|Moldova||Moldovan
mc|Monaco||Monegasque
mn|Mongolia||Mongolian
me|Montenegro||Montenegrin
ma|Morocco||Moroccan
mz|Mozambique||Mozambican
na|Namibia||Namibian
nr|Nauru||Nauruan
np|Nepal||Nepali;Nepalese
nl|Netherlands|The Netherlands;Holland|Dutch
nz|New Zealand||
ni|Nicaragua||Nicaraguan
ne|Niger||Nigerien
ng|Nigeria||Nigerian
no|Norway||Norwegian
om|Oman||Omani
pk|Pakistan||Pakistani
pw|Palau||Palauan
pa|Panama||Panamanian
pg|Papua New Guinea|PNG|
py|Paraguay||Paraguayan
pe|Peru||Peruvian
ph|Philippines|The Philippines|Philippine;Filipino
pl|Poland||Polish
pt|Portugal||Portuguese
qa|Qatar||Qatari
ro|Romania||Romanian
ru|Russia|Russian Federation|Russian
rw|Rwanda||Rwandan
kn|Saint Kitts and Nevis||
lc|Saint Lucia||
vc|Saint Vincent and the Grenadines||
ws|Samoa||Samoan
sm|San Marino||
st|São Tomé and Príncipe|Sao Tome and Principe|
sa|Saudi Arabia||Saudi
sn|Senegal||Senegalese
rs|Serbia||Serbian
sc|Seychelles||
sl|Sierra Leone||
sg|Singapore||Singaporean
sk|Slovakia||Slovak
si|Slovenia||Slovenian
sb|Solomon Islands||
so|Somalia||Somali
za|South Africa||South African
ss|South Sudan||South Sudanese
es|Spain||Spanish
lk|Sri Lanka||Sri Lankan
sd|Sudan||Sudanese
sr|Suriname||Surinamese
sz|Eswatini|Swaziland|
se|Sweden||Swedish
ch|Switzerland||Swiss
sy|Syria||Syrian
tj|Tajikistan||Tajik
tz|Tanzania||Tanzanian
th|Thailand||Thai
tl|Timor-Leste|East Timor|Timorese
tg|Togo||Togolese
to|Tonga||Tongan
tt|Trinidad and Tobago||
tn|Tunisia||Tunisian
tr|Turkey|Türkiye|Turkish
tm|Turkmenistan||Turkmen
tv|Tuvalu||
ug|Uganda||Ugandan
ua|Ukraine||Ukrainian
ae|United Arab Emirates|UAE|Emirati
gb|United Kingdom|UK;U.K.;Britain;Great Britain|British;UK;U.K.
us|United States|United States of America;USA;US;U.S.;America|American;US;U.S.
uy|Uruguay||Uruguayan
uz|Uzbekistan||Uzbek
vu|Vanuatu||
ve|Venezuela||Venezuelan
vn|Vietnam|Viet Nam|Vietnamese
ye|Yemen||Yemeni
zm|Zambia||Zambian
zw|Zimbabwe||Zimbabwean
un|United Nations|UN;U.N.|UN;U.N.
nato|NATO|North Atlantic Treaty Organization|NATO
eu|European Union|EU|EU
osce|OSCE|Organization for Security and Co-operation in Europe|OSCE
oas|Organization of American States|OAS|OAS
oecd|OECD|Organisation for Economic Co-operation and Development|OECD
african-union|African Union|AU|AU
asean|ASEAN|Association of Southeast Asian Nations|ASEAN
iaea|International Atomic Energy Agency|IAEA|IAEA
unesco|UNESCO||UNESCO
icao|International Civil Aviation Organization|ICAO|ICAO
"""

JURISDICTIONS: dict[str, dict[str, Any]] = {}
for _line in _TABLE.strip().splitlines():
    _id, _name, _aliases, _adjs = _line.split("|")
    _entry: dict[str, Any] = {"id": _id, "name": _name}
    if _aliases:
        _entry["aliases"] = _aliases.split(";")
    if _adjs:
        _entry["adjectives"] = _adjs.split(";")
    JURISDICTIONS[_id] = _entry

# POCOM territory id -> ISO 3166-1 alpha-2 (lower case); None: no ISO code.
POCOM_TERRITORIES: dict[str, str | None] = {
    "antigua-barbuda": "ag", "bosnia-herzegovina": "ba", "burma": "mm", "cape-verde": "cv",
    "central-african-republic": "cf", "congo-democratic-republic": "cd", "congo-republic": "cg",
    "cote-divoire": "ci", "czech-republic": "cz", "holy-see": "va", "korea": "kr", "macedonia": "mk",
    "micronesia": "fm", "saint-kitts-nevis": "kn", "saint-vincent-grenadines": "vc",
    "sao-tome-and-principe": "st", "swaziland": "sz", "timor-leste": "tl", "united-kingdom": "gb",
    "united-arab-emirates": "ae", "czechoslovakia": None, "german-democratic-republic": None,
    "hawaii": None, "texas": None, "two-sicilies": None, "vietnam-south": None, "yugoslavia": None,
    "kosovo": None,
}
_BY_SLUG = {}
for _iso, _e in JURISDICTIONS.items():
    _BY_SLUG[_e["name"].lower().replace(" ", "-")] = _iso


def pocom_iso(territory: str) -> str | None:
    """ISO code of a POCOM territory id, ``None`` if it has none (or is unknown)."""
    if territory in POCOM_TERRITORIES:
        return POCOM_TERRITORIES[territory]
    return _BY_SLUG.get(territory)


def jurisdiction_entry(ident: str) -> dict[str, Any]:
    """A contract-format jurisdiction entry (a copy: callers may change it)."""
    entry = JURISDICTIONS[ident]
    return {k: (list(v) if isinstance(v, list) else v) for k, v in entry.items()}
