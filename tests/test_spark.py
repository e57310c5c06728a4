"""cleaner.integrations.spark: clean_column on a local Spark session equals cleaner.clean."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest

pytest.importorskip("pyspark", reason="pyspark not installed (pip install 'cleaner[spark]')")
pytest.importorskip("pandas", reason="pandas not installed (pip install 'cleaner[spark]')")
pytest.importorskip("pyarrow", reason="pyarrow not installed (pip install 'cleaner[spark]')")

from pyspark.sql import Row, SparkSession
from pyspark.sql import functions as F

import cleaner
from cleaner import Metadata
from cleaner.integrations.spark import OUTPUT_COLUMNS, clean_column, clean_frames

from .conftest import BENCH, FIXTURES

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas"),
]

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
DEV_TEXTS = sorted((BENCH / "text").glob("*.txt"))
PASSTHROUGH_NAMES = ["id", "name", "score", "tags", "counts", "info", "seen", "price"]
PASSTHROUGH_SCHEMA = (
    "id int, name string, score double, tags array<string>, counts map<string,int>, "
    "info struct<a:int,b:string>, seen timestamp, price decimal(10,2), body string"
)


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    """One local[2] session for the module, with small batches so partitions hold several."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYSPARK_PYTHON", sys.executable)
        patch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
        session = (
            SparkSession.builder.master("local[2]")
            .appName("cleaner-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.execution.arrow.maxRecordsPerBatch", "16")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        yield session
        session.stop()


def passthrough(i: int) -> tuple[Any, ...]:
    """Values of every non-text column of row ``i``, of many Spark types."""
    return (
        i,
        f"doc-{i}",
        i / 3,
        [f"t{i}", "x"],
        {"k": i},
        Row(a=i, b=str(i)),
        dt.datetime(2024, 1, 1, 12, 0) + dt.timedelta(hours=i),
        Decimal(i) / 4,
    )


@pytest.fixture(scope="module")
def sources() -> list[str | None]:
    """Seeds, dev text dumps (when present), a null and an empty string."""
    texts: list[str | None] = [p.read_text("utf-8") for p in [*SEEDS, *DEV_TEXTS]]
    return [*texts, None, ""]


@pytest.fixture(scope="module")
def cleaned(spark: SparkSession, sources: list[str | None]) -> dict[int, Row]:
    """One Spark job: clean_column over every source, collected by id."""
    rows = [(*passthrough(i), text) for i, text in enumerate(sources)]
    df = spark.createDataFrame(rows, PASSTHROUGH_SCHEMA).repartition(2)
    return {row["id"]: row for row in clean_column(df, "body", mode="text").collect()}


def expected(source: str | bytes, **options: Any) -> dict[str, Any]:
    """What the library gives for one source, in clean_column's output shape."""
    article = cleaner.clean(source, **options)
    return {
        "clean_text": article.text,
        "clean_metadata": {n: getattr(article.metadata, n) for n in Metadata.field_names()},
        "removed_count": len(article.removed),
        "clean_error": None,
    }


def got(row: Row) -> dict[str, Any]:
    return {name: row[name] for name in OUTPUT_COLUMNS} | {
        "clean_metadata": row["clean_metadata"].asDict(recursive=True)
    }


def assert_rows_match(cleaned: dict[int, Row], sources: list[str | None], ids: range) -> None:
    for i in ids:
        text = sources[i]
        assert text is not None
        assert got(cleaned[i]) == expected(text, mode="text"), f"row {i} differs"


def test_seeds_equal_the_library(cleaned: dict[int, Row], sources: list[str | None]) -> None:
    assert len(SEEDS) == 3
    assert_rows_match(cleaned, sources, range(len(SEEDS)))
    assert all(cleaned[i]["removed_count"] > 0 for i in range(len(SEEDS)))
    assert cleaned[2]["clean_metadata"]["authors"] == ["Nahal Toosi"]
    assert cleaned[2]["clean_metadata"]["reading_time"] == 8


def test_dev_texts_equal_the_library(cleaned: dict[int, Row], sources: list[str | None]) -> None:
    if not DEV_TEXTS:
        pytest.skip(f"dev text dumps not found at {BENCH / 'text'}")
    ids = range(len(SEEDS), len(SEEDS) + len(DEV_TEXTS))
    assert_rows_match(cleaned, sources, ids)
    assert sum(cleaned[i]["removed_count"] for i in ids) > len(DEV_TEXTS)
    assert sum(bool(cleaned[i]["clean_metadata"]["authors"]) for i in ids) > 0


def test_other_columns_pass_through_untouched(
    cleaned: dict[int, Row], sources: list[str | None]
) -> None:
    assert len(cleaned) == len(sources)
    for i, text in enumerate(sources):
        row = cleaned[i]
        assert row.__fields__ == [*PASSTHROUGH_NAMES, "body", *OUTPUT_COLUMNS]
        assert tuple(row[n] for n in PASSTHROUGH_NAMES) == passthrough(i)
        assert row["body"] == text


def test_null_input_gives_null_outputs_and_empty_gives_empty(
    cleaned: dict[int, Row], sources: list[str | None]
) -> None:
    null_id, empty_id = len(sources) - 2, len(sources) - 1
    assert [cleaned[null_id][n] for n in OUTPUT_COLUMNS] == [None, None, None, None]
    assert got(cleaned[empty_id]) == expected("", mode="text")
    assert cleaned[empty_id]["clean_text"] == ""


def test_failing_row_records_its_error_and_binary_urls_work(spark: SparkSession) -> None:
    seed = SEEDS[0].read_text("utf-8")
    url = "https://example.com/news/1"
    rows = [(0, b"\x00\x01\x02\x03\x04", None), (1, seed.encode("utf-8"), url), (2, None, url)]
    df = spark.createDataFrame(rows, "id int, raw binary, link string")
    out = {r["id"]: r for r in clean_column(df, "raw", url_column="link", mode="text").collect()}
    bad = out[0]
    assert bad["clean_text"] is None and bad["clean_metadata"] is None
    assert bad["removed_count"] is None
    assert bad["clean_error"].startswith("DecodeError: ")
    assert got(out[1]) == expected(seed.encode("utf-8"), mode="text", url=url)
    assert out[1]["clean_metadata"]["url"] == url
    assert [out[2][n] for n in OUTPUT_COLUMNS] == [None, None, None, None]


def test_batches_of_only_missing_values_give_null_rows() -> None:
    import pandas as pd

    config = cleaner.CleanerConfig.build(mode="text")
    missing = pd.Series([None, float("nan"), pd.NA], dtype=object)
    texts = pd.Series(["The vote is on Monday.", None], dtype="string")
    frames = list(clean_frames(config, [(missing, missing), (texts, pd.Series([None, None]))]))
    assert frames[0].isna().all().all()
    assert str(frames[0]["removed_count"].dtype) == "Int32"
    assert frames[1]["clean_text"].tolist() == ["The vote is on Monday.", None]
    assert frames[1]["removed_count"].tolist() == [0, pd.NA]


def test_metadata_struct_follows_the_metadata_fields(spark: SparkSession) -> None:
    df = spark.createDataFrame([(1, "x")], "id int, body string")
    struct = clean_column(df, "body").schema["clean_metadata"].dataType
    assert tuple(struct.fieldNames()) == Metadata.field_names()
    kinds = {f.name: f.dataType.simpleString() for f in struct.fields}
    assert kinds["authors"] == kinds["tags"] == "array<string>"
    assert (kinds["reading_time"], kinds["title"]) == ("int", "string")


def test_the_cleaning_udf_runs_once_per_row(spark: SparkSession) -> None:
    df = spark.createDataFrame([(1, "x")], "id int, body string")
    plan = clean_column(df, "body")._jdf.queryExecution().executedPlan().toString()
    assert plan.count("ArrowEvalPython") == 1
    assert plan.count("clean_batches(") == 1


def test_bad_arguments_fail_on_the_driver(spark: SparkSession) -> None:
    df = spark.createDataFrame([(1, "x")], "id int, body string")
    with pytest.raises(TypeError, match="unknown option"):
        clean_column(df, "body", colour="red")
    with pytest.raises(TypeError, match="string or binary"):
        clean_column(df, "id")
    with pytest.raises(ValueError, match="clean_text"):
        clean_column(df.withColumn("clean_text", F.lit("")), "body")


def test_importing_the_integration_does_not_import_pyspark() -> None:
    code = (
        "import sys, cleaner, cleaner.integrations.spark; "
        "assert not {'pyspark', 'pandas', 'pyarrow'} & set(sys.modules), sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
