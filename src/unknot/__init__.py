"""unknot: a local-first, explainable self-care coach for back pain from stiff, tight muscles."""

__version__ = "0.1.0"
