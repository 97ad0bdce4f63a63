"""JSON Schemas for the language-neutral data files in data/."""

ID = {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}
DIAL = {"type": "string", "pattern": "^[0-9]+(-[0-9]+)*$"}
HTTPS = {"type": "string", "pattern": "^https://[^\\s/]+\\.[^\\s]+$"}
LANGUAGE_CODE = {"type": "string", "pattern": "^[a-z]{2}$"}

# Which languages one way of reaching a number works in (facts.md section 7).
SERVED = {"oneOf": [
    {"enum": ["interpreter", "unknown"]},
    {"type": "array", "minItems": 1, "uniqueItems": True, "items": LANGUAGE_CODE},
]}
CHANNEL_LANGUAGES = {"oneOf": [
    SERVED,
    {"type": "object", "additionalProperties": False, "required": ["languages", "where"],
     "properties": {"languages": SERVED, "where": {"enum": ["most-areas"]}}},
]}
# The ways to reach a number, in the order cards list them.
CHANNELS = ("call", "text", "chat", "tty")

SOURCES = {
    "type": "array",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "publisher", "url", "checked"],
        "properties": {
            "id": ID,
            "publisher": {"type": "string", "minLength": 2},
            "url": HTTPS,
            "checked": {"type": "string", "format": "date"},
        },
    },
}

NUMBERS = {
    "type": "array",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "dial", "hours", "coverage", "sources", "languages"],
        "properties": {
            "id": ID,
            "dial": {"oneOf": [DIAL, {"type": "null"}]},
            "tty": DIAL,
            "text": {
                "type": "object",
                "additionalProperties": False,
                "required": ["to"],
                "properties": {"to": DIAL, "body": {"type": "string", "pattern": "^[A-Z0-9]+$"}},
            },
            "chat": HTTPS,
            "hours": {"enum": ["always", "limited", "varies"]},
            "coverage": {"enum": ["nearly-all", "most-areas", "some-cities", "each-state", "national", "local"]},
            "emergency": {"type": "boolean"},
            "official_name": {"type": "string", "minLength": 2},
            "sources": {"type": "array", "minItems": 1, "items": ID},
            "languages": {
                "type": "object",
                "additionalProperties": False,
                "required": ["call"],
                "properties": {channel: CHANNEL_LANGUAGES for channel in CHANNELS},
            },
        },
    },
}

SITUATIONS = {
    "type": "array",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "category", "number"],
        "properties": {
            "id": ID,
            "category": {"enum": ["emergency", "police", "other-help"]},
            "number": ID,
        },
    },
}

QUIZ = {
    "type": "array",
    "minItems": 12,
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "answer"],
        "oneOf": [{"required": ["options"]}, {"required": ["choices"]}],
        "properties": {
            "id": ID,
            "options": {"type": "array", "minItems": 2, "uniqueItems": True, "items": ID},
            "choices": {"type": "array", "minItems": 2, "uniqueItems": True, "items": ID},
            "answer": ID,
        },
    },
}

# What an editor should do when a value breaks a pattern, by field name.
HINTS = {
    "dial": "use digits and dashes only, like 1-800-799-7233 (no letters, spaces or brackets)",
    "tty": "use digits and dashes only, like 1-800-787-3224",
    "to": "use digits and dashes only",
    "url": "use a full https:// address of the official page",
    "chat": "use a full https:// address of the official page",
    "checked": "write the date as YYYY-MM-DD, like 2026-11-24",
    "id": "use lower-case letters, digits and dashes, in quotes if it is all digits (\"911\")",
    "number": "use the id of an entry in data/numbers.yml, in quotes if it is all digits",
    "answer": "give exactly one answer: the id of one of the question's options, in quotes if it is all digits",
    "languages": ("write interpreter, unknown, or a list of two-letter language codes like [en, es] "
                  "(or {languages: ..., where: most-areas}); see the comment at the top of data/numbers.yml"),
    "options": "list ids of entries in data/numbers.yml (or use `choices` for a question with its own answers)",
}
