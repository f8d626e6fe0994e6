"""A Pygments lexer for Strategos scripts (`.strat` files).

It follows the Strategos lexer: `#` comments to the end of the line, strings
in double quotes on one line with the escapes \\" \\\\ \\n \\t, integers with
an optional `-` directly before the digits, names of letters, digits, `_` and
combining marks, and the punctuation , ; ( ) % | -. Anything else is an Error
token, as it is an error in a script.

Keywords are contextual in Strategos (a general may be called `to`), so a
lexer without the parser can only say that a name spells a keyword; it
highlights every such name as one.
"""

from pygments.lexer import RegexLexer, bygroups
from pygments.token import Comment, Error, Keyword, Name, Number, Operator, Punctuation, String, Whitespace

__all__ = ["StrategosLexer"]

# The keywords, one list per part they play. Together they are exactly the
# language's keyword table; a Strategos test checks that they stay so.
STATEMENTS = [
    "generals", "commander", "order", "default", "general", "seed", "signatures", "links", "cut", "link",
    "channel", "partition", "timing", "delay", "timeout", "run", "verify", "sweep", "expect", "reset", "print",
    "load", "show", "export", "lose", "messengers", "loss", "trials", "estimate", "shop",
]
BEHAVIOURS = ["lies", "flips", "silent", "random", "relays", "crashes"]
ALGORITHMS = ["om", "sm", "twogenerals"]
KEYWORDS = [
    "traitor", "loyal", "after", "round", "in", "to", "and", "about",
    "agreement", "validity", "consensus", "violation", "decides", "decide", "messages", "holds", "counterexample",
    "with", "traitors", "for", "save", "m", "report", "modelled", "ed25519", "complete", "ring",
    "reliable", "lossy", "broadcast", "until", "synchronous", "asynchronous", "by", "at", "most",
    "trace", "tree", "stats", "army", "from", "table",
    "none", "attacks", "always", "never", "if", "received", "all",
    "alternate", "flood", "without", "rollback",
]

_TOKEN_OF_WORD = {
    **{word: Keyword.Pseudo for word in KEYWORDS},
    **{word: Name.Function for word in ALGORITHMS},
    **{word: Keyword.Type for word in BEHAVIOURS},
    **{word: Keyword for word in STATEMENTS},
}

# Python's \w has no combining marks, which a Strategos name may contain
# (`é` written as `e` + U+0301); these are the blocks of them.
_MARK = "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0900-\u0903\u093a-\u094f" \
        "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
NAME = "[^\\W\\d][\\w" + _MARK + "]*"
GENERAL = r"(?:C|L[0-9]+)(?![\w" + _MARK + "])"


def _name(lexer, match):
    """A name, as a keyword when it spells one."""
    word = match.group()
    yield match.start(), _TOKEN_OF_WORD.get(word, Name), word


class StrategosLexer(RegexLexer):
    """Strategos, the language of the Byzantine and Two Generals Problems."""

    name = "Strategos"
    aliases = ["strategos", "strat"]
    filenames = ["*.strat"]
    mimetypes = ["text/x-strategos"]

    tokens = {
        "root": [
            (r"[ \t\r\n]+", Whitespace),
            (r"#[^\n]*", Comment.Single),
            (r'"', String.Double, "string"),
            (r"(general|commander)([ \t]+)(" + NAME + ")", bygroups(Keyword, Whitespace, Name.Entity)),
            (r"^([ \t]*)(" + NAME + ")(?=[ \t]+attacks(?![\w" + _MARK + "]))", bygroups(Whitespace, Name.Entity)),
            (GENERAL, Name.Variable),
            (r"-?[0-9]+[ \t]*%", Number),
            (r"-?[0-9]+", Number.Integer),
            (NAME, _name),
            (r"[,;()|]", Punctuation),
            (r"[-%]", Operator),
        ],
        "string": [
            (r'\\["\\nt]', String.Escape),
            (r'[^"\\\n]+', String.Double),
            (r'"', String.Double, "#pop"),
            # An unknown escape spoils the string, which still ends at its quote.
            (r"\\[^\n]", Error),
            # A line break (or the end) before the closing quote.
            (r"\\", Error),
            (r"\n", Error, "#pop"),
        ],
    }
