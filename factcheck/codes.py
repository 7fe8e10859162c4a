"""The rule codes (FC1xx for numbers, FC4xx for factcheck audit) and their messages to editors:
data/messages.yaml, read once per process.

Matching writes its verdicts with these messages, the audit its findings, the rule list of
SARIF and of the server describes them: all read them here, so none of them needs the others.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def messages() -> dict:
    from factcheck.datafiles import data_file

    return data_file("messages.yaml")
