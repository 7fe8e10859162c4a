"""An article from a file or a pasted text (readers by suffix, decoding, structure) and its reference list."""
