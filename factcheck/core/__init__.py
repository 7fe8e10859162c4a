"""The core every layer may import: the report model, the rule registry (codes), configuration, data files and small utilities."""
