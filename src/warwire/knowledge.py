"""Loading the knowledge data files: TOML checked against a pydantic schema.

Every data file under ``warwire/data/`` documents its schema in a header comment and is read
through :func:`load_toml`, so a mistake an analyst makes in one is reported the same way
everywhere: a :class:`~warwire.errors.DataError` naming the file and the entry.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from .errors import DataError

M = TypeVar("M", bound=BaseModel)


def entry_error(path: Path, err: ValidationError) -> DataError:
    """A one-line DataError for the first problem pydantic found in a data file."""
    first = err.errors()[0]
    entry = ".".join(str(p) for p in first["loc"])
    return DataError(f"{path.name}: bad entry {entry!r}: {first['msg']}")


def load_toml(path: Path, schema: type[M], what: str) -> M:
    """Read ``path`` as TOML and validate it with ``schema``; ``what`` names the file kind."""
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError(f"{path}: {what} file missing") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{Path(path).name}: not valid TOML: {exc}") from exc
    try:
        return schema.model_validate(raw)
    except ValidationError as exc:
        raise entry_error(Path(path), exc) from exc
