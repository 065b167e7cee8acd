"""The demo corpus's word lists: topics, frames, the fictional outlets' styles, and
the sentence templates and fillers the generator draws from (all invented)."""
from __future__ import annotations

TOPICS = ["war", "economy", "elections", "health", "climate"]
FRAMES = ["conflict", "economic", "human_interest", "responsibility", "morality"]

#: outlet -> style: folder slug, topic weights, frame weights, loaded-term habits
OUTLETS: dict[str, dict] = {
    "Red Banner Review": {
        "slug": "red-banner-review",
        "description": "Fictional partisan weekly; uses loaded terms in its own voice.",
        "topics": [0.55, 0.15, 0.15, 0.05, 0.10],
        "frames": [0.35, 0.05, 0.05, 0.30, 0.25],
        "authorial": 0.85,   # chance a referent slot gets the loaded variant
        "quoted": 0.3,       # chance a quote is a loaded one
        "scare": 0.05,
        "quotes": 0.9,       # quotes per body paragraph (expected)
        "authors": ["Ivo Marrick", "Selma Dunaway", "Piet Korvald"],
    },
    "Northgate Herald": {
        "slug": "northgate-herald",
        "description": "Fictional mainstream daily; loaded terms mostly inside quotations.",
        "topics": [0.20, 0.35, 0.30, 0.08, 0.07],
        "frames": [0.20, 0.50, 0.10, 0.15, 0.05],
        "authorial": 0.02,
        "quoted": 0.7,
        "scare": 0.05,
        "quotes": 1.2,
        "authors": ["Hanna Ostrell", "Dario Venn", "Maud Lisker", "Tobin Arle"],
    },
    "Lowland Courier": {
        "slug": "lowland-courier",
        "description": "Fictional regional paper; human-interest stories on health and climate.",
        "topics": [0.10, 0.10, 0.05, 0.40, 0.35],
        "frames": [0.08, 0.12, 0.60, 0.12, 0.08],
        "authorial": 0.05,
        "quoted": 0.15,
        "scare": 0.02,
        "quotes": 1.5,
        "authors": ["Wren Halloway", "Jasper Quill"],
    },
    "Civic Ledger": {
        "slug": "civic-ledger",
        "description": "Fictional sceptical monthly; distances itself from loaded terms with scare quotes.",
        "topics": [0.30, 0.25, 0.30, 0.08, 0.07],
        "frames": [0.20, 0.20, 0.10, 0.40, 0.10],
        "authorial": 0.03,
        "quoted": 0.3,
        "scare": 0.7,
        "quotes": 1.0,
        "authors": ["Odile Farrant", "Kasimir Bent", "Nell Aubrey"],
    },
}

# Referent slots: (neutral variants, loaded variants). The loaded variants are
# entries of the loaded-language lexicon.
_SLOTS: dict[str, tuple[list[str], list[str]]] = {
    "gov": (["government", "administration", "cabinet"], ["regime", "puppet government"]),
    "policy": (["foreign policy", "defence policy", "security policy"], ["imperialism", "militarism"]),
    "outcome": (["setback", "difficult year", "costly episode"], ["debacle", "fiasco"]),
    "deaths": (["civilian casualties", "loss of life", "deaths of civilians"],
               ["slaughter", "collateral damage", "massacre"]),
    "act": (["disputed", "controversial", "contested"], ["criminal", "illegal"]),
}

_PLACES = ["Valdoria", "the Ostmark border", "Port Selwyn", "Carrow", "the Varne valley",
           "Duneholt", "Lake Imber", "the Kestrel hills"]
_PEOPLE = [
    ("Talia Verne", "the defence minister"), ("Oren Castell", "a government spokesperson"),
    ("Mira Solano", "the opposition leader"), ("Bastian Hale", "a senior economist at the Valdoria Institute"),
    ("Ines Marlow", "the health commissioner"), ("Rurik Aldane", "a retired general"),
    ("Lena Fisk", "a nurse in Carrow"), ("Emil Tarrow", "a farmer near Duneholt"),
    ("Sana Oduya", "a climate researcher at Port Selwyn University"), ("Felix Brandt", "the finance minister"),
    ("Yara Lind", "a teacher in Duneholt"), ("Council Chair Aurel Voss", "the head of the electoral council"),
]
_VERBS = ["said", "said", "said", "told reporters", "added", "warned", "argued", "insisted"]

_TITLES = {
    "war": ["Fighting flares near {place}", "Airstrikes reported around {place}",
            "Troops move toward {place} as talks stall", "Border offensive reaches {place}"],
    "economy": ["Prices climb again in {place}", "Budget plan divides Valdoria's cabinet",
                "Factory closures hit {place}", "Valdoria's currency slides as debt grows"],
    "elections": ["Campaign enters final weeks in {place}", "Opposition rally fills {place}",
                  "Electoral council disputes turnout figures", "Coalition talks drag on in Valdoria"],
    "health": ["Flu wave fills hospitals in {place}", "Clinics in {place} run short of staff",
               "Vaccination drive reaches {place}", "Waiting lists grow at {place} hospital"],
    "climate": ["Floods cut off {place}", "Drought threatens harvest near {place}",
                "Heatwave strains power grid in {place}", "New dam plan splits {place}"],
}

_TOPIC_SENTENCES = {
    "war": [
        "Troops of the {gov} advanced on {place} on {day}, backed by artillery and drones.",
        "Airstrikes hit positions near {place}, and the {gov} said the operation would continue.",
        "The offensive is the largest since the ceasefire collapsed, and it follows years of {policy}.",
        "Reports from {place} describe {deaths} after shelling of residential streets.",
        "The {gov} has deployed two more brigades to the front and ordered new drones from abroad.",
        "Military analysts said the campaign had turned into a {outcome} for the army.",
        "The {act} bombing of a bridge near {place} cut the only supply road to the valley.",
    ],
    "economy": [
        "Inflation rose to {pct} percent in {month}, the highest rate in a decade.",
        "The {gov} unveiled a budget that cuts subsidies and raises fuel taxes.",
        "Unemployment in {place} has climbed as two factories closed this year.",
        "The central bank raised interest rates again, citing the weak currency.",
        "Critics called the budget a {outcome}, while business groups welcomed the tax cuts.",
        "Spending on the army now takes a larger share of the budget, a shift critics link to {policy}.",
        "The {act} sale of the state port company to a foreign investor drew protests in {place}.",
    ],
    "elections": [
        "Voters in {place} go to the polls in {month}, with the governing party trailing.",
        "The {gov} has postponed the publication of turnout figures for a second time.",
        "The opposition accuses the {gov} of using state media to campaign.",
        "Polls show a close race, with many voters undecided in {place}.",
        "Observers described the count in {place} as a {outcome} for the electoral council.",
        "The {act} arrest of two opposition candidates overshadowed the campaign.",
    ],
    "health": [
        "Hospitals in {place} reported {num} new admissions with influenza this week.",
        "The health commission has opened three temporary clinics in {place}.",
        "Nurses say wards are overcrowded and staff are exhausted.",
        "The {gov} promised more money for rural clinics but has not said when.",
        "Vaccination rates in {place} remain below the national target.",
        "Waiting times for surgery have doubled since last year.",
    ],
    "climate": [
        "Heavy rain flooded parts of {place}, and {num} homes were evacuated.",
        "The drought has cut the harvest near {place} by a third, farmers say.",
        "Temperatures passed 40 degrees in {place} for the fifth day running.",
        "The {gov} approved a new dam on the Varne river despite local objections.",
        "Scientists warn that floods of this size will become more common.",
        "The power grid failed twice during the heatwave, leaving {place} without electricity.",
    ],
}

_FRAME_SENTENCES = {
    "conflict": [
        "The dispute has pitted the {gov} against the opposition and its allies.",
        "Rival factions clashed in parliament, trading accusations over the crisis.",
        "The confrontation shows no sign of ending, and both sides refuse to compromise.",
        "Opponents vowed to fight the decision in court and on the streets.",
    ],
    "economic": [
        "The cost of the crisis is estimated at {num} million crowns, or {pct} percent of output.",
        "Businesses warn that jobs and investment will be lost if prices keep rising.",
        "The budget deficit will widen, and taxpayers will bear the cost for years.",
        "Exports fell sharply, and the loss in revenue hit the region's economy.",
    ],
    "human_interest": [
        "For families in {place}, the crisis is personal: parents worry about their children's future.",
        "One mother described how her family lost their home and now sleeps at a school.",
        "Neighbours have organised meals for elderly residents who live alone.",
        "Many people here tell the same story of fear, grief and hope.",
    ],
    "responsibility": [
        "Questions remain about who is responsible for the failure and who will be held accountable.",
        "An inquiry has been demanded to establish who is to blame.",
        "Officials were warned months ago but failed to act, documents show.",
        "The {gov} denies responsibility and blames its predecessors.",
    ],
    "morality": [
        "Church leaders called it a moral duty to protect the weak.",
        "Critics say the decision betrays the values the country claims to uphold.",
        "It is a question of right and wrong, not of political advantage.",
        "Religious groups condemned the policy as shameful and unjust.",
    ],
}

_QUOTES = {
    "neutral": [
        "We are doing everything we can to keep people safe",
        "The situation is difficult, but it is under control",
        "We need a serious plan and we need it now",
        "Nobody here has seen anything like this before",
        "The figures will be published when they have been checked",
        "People are tired and they want answers",
        "This is a test for the whole country",
        "We will not accept any delay",
    ],
    "loaded": [
        "This regime has lost every shred of legitimacy",
        "What we are seeing is the slaughter of innocent people",
        "Nobody should call the deaths of children collateral damage",
        "This is a criminal war and it must stop",
        "The puppet government answers to foreign masters, not to us",
        "Their militarism is bankrupting the country",
        "The whole campaign has been a debacle from the first day",
        "This is imperialism, plain and simple",
    ],
}
_PARTIAL = {
    "neutral": ["a necessary step", "long overdue", "a reckless gamble", "deeply worrying",
                "the right decision", "a warning sign", "too little, too late"],
    "loaded": ["a criminal act", "a slaughter", "the behaviour of a regime", "a debacle",
               "naked imperialism"],
}
_SCARE_OFFICIAL = ["reforms", "peace process", "stabilisation", "security measures", "consultation"]
_SCARE_LOADED = [
    "the so-called \"regime\"", "what critics call \"imperialism\"", "talk of \"militarism\"",
    "the \"puppet government\" label", "the word \"debacle\"", "so-called \"collateral damage\"",
]

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
