"""Extraction of typed facts from public-service shutdown notices.

Stages, each callable and testable alone:

* :mod:`extractors.reading`  raw bytes -> decoded markup (charset, front matter)
* :mod:`extractors.cleaning` markup -> :class:`extractors.document.Document` (clean text, blocks)
* :mod:`extractors.metadata` title, outlet, publication time
* :mod:`extractors.script`   Traditional -> Simplified, same length, for matching only
* :mod:`extractors.temporal` the temporal grammar of notice language
* :mod:`extractors.pipeline` the spaCy pipeline producing :mod:`extractors.facts`
"""
