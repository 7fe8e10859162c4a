"""What a DOI looks like: ``10.`` and a registrant code of 4 to 9 digits, a slash, a suffix.

A DOI's suffix may hold almost any printable character, so where one ends depends on the text
around it. Every reader shares ``DOI_START`` and adds the characters that end a DOI in its
kind of text; the tails differ on purpose:

- a reference-list entry (citations.DOI_RE): whitespace, quotes, angle brackets and the Chinese
  stops ，。； that follow a DOI at the end of an entry; any case (``DOI: 10.1186/...``);
- a summary's ``doi`` field (summaries.normalize_doi): whitespace, quotes and angle brackets
  only: the field holds one DOI, perhaps behind a resolver prefix;
- an article's own text (papers.named_in_text): whitespace and the punctuation a Chinese
  sentence closes a DOI with (，。；; and closing brackets ）)】]);
- an abstract or paper being drafted (summarize): as the article's text, with 、 and quotes;
- a DOI given as an argument (sources.parse_identifier): the whole argument, anchored, any
  non-space suffix.

(numbers.py keeps its own, looser pattern: it only needs to know which digits belong to a
DOI, so that they are not read as numbers.)
"""

DOI_START = r"10\.\d{4,9}/"
