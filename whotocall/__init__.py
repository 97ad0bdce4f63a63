"""Who to Call: data loading, validation and page macros for the MkDocs build."""


def define_env(env):
    """mkdocs-macros entry point (imported only by MkDocs, so scripts that load data start fast)."""
    from .macros import define_env as define
    return define(env)


def on_post_page_macros(env):
    """After mkdocs-macros rendered a page: a front-matter title with a macro gets the rendered title.

    mkdocs-macros renders {{ plain("911") }} in page.title; Material writes <title> from page.meta.title.
    """
    page = env.page
    if isinstance(page.meta.get("title"), str) and "{{" in page.meta["title"]:
        page.meta["title"] = page.title
