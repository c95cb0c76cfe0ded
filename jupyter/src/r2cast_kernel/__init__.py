"""A Jupyter kernel for r2cast: cells run in one ``r2cast protocol`` session."""

__version__ = "0.1.0"
