"""The build of the compiled hot path (cleaner/_native.pyx), optional by design.

pyproject.toml holds the project's metadata; this file only adds the Cython extension.
When it cannot be built (no Cython, no C compiler, a compiler error), the install goes on
without it and cleaner runs its pure-Python path (cleaner.native warns at import).
"""

from __future__ import annotations

import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class OptionalBuildExt(build_ext):
    """build_ext that reports a failed build and carries on without the extension."""

    def build_extensions(self) -> None:
        if self.compiler.compiler_type != "msvc":
            for ext in self.extensions:
                # Scores are summed one rounded operation at a time, as Python does:
                # no fused multiply-add.
                ext.extra_compile_args += ["-O2", "-ffp-contract=off"]
        super().build_extensions()

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # any failure: the pure path still works
            _skipped(exc)

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception as exc:
            _skipped(exc)


def _skipped(exc: BaseException) -> None:
    print(
        f"cleaner: the compiled extension was not built ({exc}); "
        "cleaner will run its pure-Python path",
        file=sys.stderr,
    )


def extensions() -> list[Extension]:
    try:
        from Cython.Build import cythonize
    except ImportError as exc:
        _skipped(exc)
        return []
    source = Extension("cleaner._native", ["src/cleaner/_native.pyx"])
    try:
        return cythonize([source], language_level=3, quiet=True)
    except Exception as exc:
        _skipped(exc)
        return []


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
