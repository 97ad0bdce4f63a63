"""Who to Call: data loading, validation and page macros for the MkDocs build."""
from .macros import define_env  # noqa: F401  (mkdocs-macros entry point)
