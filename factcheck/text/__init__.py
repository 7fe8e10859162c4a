"""Reading Chinese text: normalisation, sentences, word segmentation, numbers, units, cue-word scanning, claim strength, DOIs."""
