"""Scheduled crawl → extract → publish flows; the plain functions they wrap live beside them.

The package's loggers (``noticegraph.*``) carry a NullHandler, as libraries should:
the command line prints failures itself and Prefect configures logging for flows.
"""
import logging

logging.getLogger("noticegraph").addHandler(logging.NullHandler())
