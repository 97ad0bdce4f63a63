"""Do once per run what static-i18n's five language builds would each do again.

static-i18n runs one MkDocs build per language and each build makes a fresh
Jinja environment, so Material's templates were compiled five times, and its
14,000 template files (most of them icons) were listed and filtered five times
to find the 40-odd static files to copy. A bytecode cache and a list of the
theme's static files, shared across those builds (in memory, for this process
only), do each once.

mkdocs-macros also ran 13 `git` commands in every language build to offer a
`git` variable (commit, author, date) that no page uses; it gets what the
plugin gives outside a git checkout instead, so the pages cannot depend on
the commit either.
"""
import mkdocs_macros.context
from jinja2 import BytecodeCache
from mkdocs.structure.files import File, Files


class _MemoryCache(BytecodeCache):
    """Bytecode by template name and source checksum, kept for the life of the process."""

    def __init__(self):
        self.store = {}

    def load_bytecode(self, bucket):
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


_CACHE = _MemoryCache()


_THEME_FILES: dict = {}
_LIST_THEME_FILES = Files.add_files_from_theme


def _add_files_from_theme(self, env, config):
    """Files.add_files_from_theme, listing the theme folders once per set of folders."""
    # static-i18n puts its sitemap folder in front again for every language: a repeated folder adds no file.
    key = (tuple(dict.fromkeys(config.theme.dirs)), tuple(config.theme.static_templates))
    if key not in _THEME_FILES:
        found = Files([])
        _LIST_THEME_FILES(found, env, config)
        _THEME_FILES[key] = [(file.src_uri, file.src_dir) for file in found]
    for path, folder in _THEME_FILES[key]:
        if self.get_file_from_path(path) is None:     # as MkDocs does: docs/ files win over theme files
            self.append(File(path, folder, config.site_dir, config.use_directory_urls))


def _no_git_info():
    """mkdocs-macros' `git` variable as it is outside a git checkout."""
    return {"status": False, "date": None}


# Patched when MkDocs loads this hook, before any plugin's on_config runs.
mkdocs_macros.context.get_git_info = _no_git_info


# Hooks

def on_config(config):
    """List the theme's static files once for all the language builds of this run."""
    Files.add_files_from_theme = _add_files_from_theme
    return config


def on_env(env, config, files):
    """Share one bytecode cache among the per-language theme environments."""
    env.bytecode_cache = _CACHE
    return env
