"""noticegraph: public-service shutdown notices as an RDF knowledge graph."""

__version__ = "0.1.0"
