"""Clean a text column of a PySpark DataFrame with ``clean_column``.

Needs ``pip install 'cleaner[spark]'`` (pyspark, pandas, pyarrow) on the driver and on every
executor, with ``cleaner`` importable by the executors' Python (``PYSPARK_PYTHON``).
pyspark and pandas are imported only when ``clean_column`` or ``result_schema`` runs.

Output columns, appended after all the input columns:

- ``clean_text`` (string): the article body.
- ``clean_metadata`` (struct): one field per ``cleaner.Metadata`` field (``sources`` left out).
- ``removed_count`` (int): how many removals the trail holds (0 when ``explain=False``).
- ``clean_error`` (string): ``"ExceptionType: message"`` when the row failed to clean.

A null input gives null in all four columns. A row that raises while cleaning gives null in
the first three and the error in ``clean_error``; the job goes on. Otherwise ``clean_error``
is null.
"""

# No ``from __future__ import annotations`` here: pandas_udf reads the worker function's
# type hints at runtime, and pandas is imported only inside ``_cleaning_udf``.

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, get_type_hints

from ..api import Cleaner, cached_cleaner
from ..article import Metadata
from ..config import CleanerConfig
from ._records import error_message, metadata_record

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import Column, DataFrame
    from pyspark.sql.types import DataType, StructType

OUTPUT_COLUMNS = ("clean_text", "clean_metadata", "removed_count", "clean_error")
_RESULT = "__cleaner_result"

OutputRow = tuple[str | None, dict[str, Any] | None, int | None, str | None]


def clean_column(
    df: "DataFrame",
    column: "str | Column",
    *,
    url_column: "str | Column | None" = None,
    **options: Any,
) -> "DataFrame":
    """``df`` with ``clean_text``, ``clean_metadata``, ``removed_count`` and ``clean_error``.

    ``column`` holds text or HTML, as string or binary (bytes are decoded like
    ``cleaner.clean`` does). ``url_column`` optionally gives each row's URL. ``options`` are
    ``cleaner.clean``'s options (``mode``, ``keep``, ``rules``, ...), checked on the driver;
    rule pack paths must be readable on the executors.
    """
    from pyspark.sql import functions as F

    config = CleanerConfig.build(**options)
    _check_columns(df, column)
    url = _as_column(url_column) if url_column is not None else F.lit(None).cast("string")
    result = _cleaning_udf(config)(_as_column(column), url)
    return df.withColumn(_RESULT, result).select("*", f"{_RESULT}.*").drop(_RESULT)


def result_schema() -> "StructType":
    """The struct the cleaning UDF returns: the four output columns."""
    from pyspark.sql.types import IntegerType, StringType, StructField, StructType

    return StructType(
        [
            StructField("clean_text", StringType()),
            StructField("clean_metadata", metadata_schema()),
            StructField("removed_count", IntegerType()),
            StructField("clean_error", StringType()),
        ]
    )


def metadata_schema() -> "StructType":
    """A Spark struct with one field per ``Metadata`` field, typed from its annotations."""
    from pyspark.sql.types import StructField, StructType

    hints = get_type_hints(Metadata)
    fields = [StructField(name, _spark_type(hints[name])) for name in Metadata.field_names()]
    return StructType(fields)


def _spark_type(hint: Any) -> "DataType":
    from pyspark.sql.types import ArrayType, IntegerType, StringType

    types: dict[Any, DataType] = {
        str | None: StringType(),
        int | None: IntegerType(),
        list[str]: ArrayType(StringType()),
    }
    if hint not in types:
        raise TypeError(f"no Spark type for Metadata field type {hint}")
    return types[hint]


def _as_column(column: "str | Column") -> "Column":
    from pyspark.sql import functions as F

    return F.col(column) if isinstance(column, str) else column


def _check_columns(df: "DataFrame", column: "str | Column") -> None:
    from pyspark.sql.types import BinaryType, StringType

    taken = [name for name in OUTPUT_COLUMNS if name in df.columns]
    if taken:
        raise ValueError(f"DataFrame already has output column(s): {', '.join(taken)}")
    kind = df.select(_as_column(column)).schema.fields[0].dataType
    if not isinstance(kind, StringType | BinaryType):
        raise TypeError(f"column to clean must be string or binary, not {kind.simpleString()}")


def _cleaning_udf(config: CleanerConfig) -> Any:
    """A scalar-iterator pandas UDF; each Python worker builds one Cleaner per config."""
    import pandas as pd
    from pyspark.sql.pandas.functions import pandas_udf

    def clean_batches(batches: Iterator[tuple[pd.Series, pd.Series]]) -> Iterator[pd.DataFrame]:
        return clean_frames(config, batches)

    return pandas_udf(clean_batches, returnType=result_schema())  # type: ignore[call-overload]


def clean_frames(
    config: CleanerConfig, batches: Iterable[tuple["pd.Series", "pd.Series"]]
) -> Iterator["pd.DataFrame"]:
    """Clean batches of (source, url) series into frames of the four output columns."""
    cleaner = cached_cleaner(config)
    for sources, urls in batches:
        yield rows_frame([clean_row(cleaner, s, u) for s, u in zip(sources, urls, strict=True)])


def rows_frame(rows: list[OutputRow]) -> "pd.DataFrame":
    """A pandas frame of output rows, with a nullable integer ``removed_count``."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(OUTPUT_COLUMNS), dtype=object)
    frame["removed_count"] = frame["removed_count"].astype("Int32")
    return frame


def clean_row(cleaner: Cleaner, source: Any, url: Any) -> OutputRow:
    """One output row: null for a null source, the error text for a failing one.

    >>> clean_row(Cleaner(), None, None)
    (None, None, None, None)
    >>> clean_row(Cleaner(), b"\\x00\\x01\\x02\\x03", None)[2:]
    (None, 'DecodeError: input looks binary (NUL and control bytes), not text')
    """
    if _missing(source):
        return (None, None, None, None)
    try:
        article = cleaner.clean(source, url=None if _missing(url) else str(url))
    except Exception as exc:
        return (None, None, None, error_message(exc))
    return (article.text, metadata_record(article), len(article.removed), None)


def _missing(value: Any) -> bool:
    """None, NaN or pandas' NA."""
    if value is None or isinstance(value, str | bytes | bytearray):
        return value is None
    import pandas as pd

    return bool(pd.api.types.is_scalar(value) and pd.isna(value))
