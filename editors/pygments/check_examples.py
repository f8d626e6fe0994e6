"""Lexes each Strategos script named on the command line with StrategosLexer
and names, as file:line:column, every Error token it produces. Valid scripts
must lex without one, so the Strategos tests run this on the examples to
notice when the language grows past the lexer. Exits 1 if any file had one.

    python3 check_examples.py examples/*.strat
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from pygments.token import Error  # noqa: E402

from strategos_lexer import StrategosLexer  # noqa: E402


def errors(text):
    """(line, column, text) of each Error token, counted from 1."""
    for index, token, value in StrategosLexer().get_tokens_unprocessed(text):
        if token in Error:
            line = text.count("\n", 0, index) + 1
            column = index - (text.rfind("\n", 0, index) + 1) + 1
            yield line, column, value


def main(paths):
    failed = False
    for path in paths:
        text = pathlib.Path(path).read_text(encoding="utf-8")
        for line, column, value in errors(text):
            print(f"{path}:{line}:{column}: error token {value!r}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
