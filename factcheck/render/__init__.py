"""Reports in each output format (terminal/markdown/JSON, HTML, SARIF, Word) and the findings they share."""
