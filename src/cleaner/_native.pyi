# Types of the compiled hot path (cleaner/_native.pyx); see cleaner/native.py.
from collections.abc import Sequence
from typing import Any

VERSION: int

class Model:
    def __init__(self, model: Any) -> None: ...

class Vectors(Sequence[list[float]]):
    def __len__(self) -> int: ...
    def __getitem__(self, index: int) -> list[float]: ...  # type: ignore[override]
    def reasons(
        self, model: Model, index: int, count: int, names: tuple[str, ...]
    ) -> list[tuple[str, float]]: ...

def decide(
    model: Model, texts: list[str], labels: list[Any], listed: list[bool]
) -> tuple[list[float], list[float], Vectors, list[bool]]: ...
def segment(
    source: str, line_type: type[Any], list_marker: Any, normalize_line: Any, nfc: bool
) -> list[Any]: ...
