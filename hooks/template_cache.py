"""Compile Material's templates once per run, not once per language.

static-i18n runs one MkDocs build per language and each build makes a fresh
Jinja environment, so Material's templates were compiled five times. A
bytecode cache shared across those builds (Jinja's documented
`Environment.bytecode_cache`, kept in memory for this process only) compiles
each template once: about 0.3 s of a 2.7 s build here.
"""
from jinja2 import BytecodeCache


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


# Hooks

def on_env(env, config, files):
    """Share one bytecode cache among the per-language theme environments."""
    env.bytecode_cache = _CACHE
    return env
