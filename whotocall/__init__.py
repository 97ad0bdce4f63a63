"""Who to Call: data loading, validation and page macros for the MkDocs build."""


def define_env(env):
    """mkdocs-macros entry point (imported only by MkDocs, so scripts that load data start fast)."""
    from .macros import define_env as define
    return define(env)
