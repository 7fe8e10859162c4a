"""Judging an article against its papers: attribution, number verdicts, overstatements."""
