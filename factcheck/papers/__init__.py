"""Papers: the summary schema and store, drafting summaries from abstracts, fetching records, identifying the paper an article names."""
