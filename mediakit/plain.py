"""Read the kit's dataclasses back from plain JSON data, checking every field's type.

A cache entry is data, never code: it is written as JSON (each record's and comparison's
``to_dict``, the JSON contract) and read back with :func:`from_plain`, which builds the
dataclass from its declared field types and refuses anything of the wrong shape (a missing or
unknown field, a string where a number belongs) with :class:`PlainDataError`. Nothing in the
data can name a class or a function to call: the caller says which class it expects.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar, Union

T = TypeVar("T")


class PlainDataError(ValueError):
    """Data that is not of the shape the kit wrote (damaged, foreign or from another version)."""


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_plain(cls: type[T], data: Any) -> T:
    """The ``cls`` dataclass that ``data`` (a dict of JSON values) describes.

    Field types guide the reading: ``tuple[X, ...]`` from a list, ``X | None``, ``str``,
    ``int``, ``float``, ``bool``, nested dataclasses, ``dict[str, ...]``; ``Any`` is taken as it
    is. Raises :class:`PlainDataError` for data of any other shape."""
    return typing.cast(T, _read(cls, data, getattr(cls, "__name__", str(cls))))


def _read(tp: Any, value: Any, where: str) -> Any:
    if tp is Any:
        return value
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _read_dataclass(tp, value, where)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is Union or origin is types.UnionType:
        if value is None and type(None) in args:
            return None
        wrong: PlainDataError | None = None
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _read(arg, value, where)
            except PlainDataError as exc:
                wrong = exc
        raise wrong or PlainDataError(f"{where}: {value!r} is not of type {tp}")
    if origin is typing.Literal:
        if value in args and type(value) in {type(a) for a in args}:
            return value
        raise PlainDataError(f"{where}: {value!r} is not one of {args}")
    if origin is tuple:
        if not isinstance(value, list):
            raise PlainDataError(f"{where}: expected a list, found {type(value).__name__}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_read(args[0], v, f"{where}[{i}]") for i, v in enumerate(value))
        if len(args) != len(value):
            raise PlainDataError(f"{where}: expected {len(args)} items, found {len(value)}")
        return tuple(
            _read(a, v, f"{where}[{i}]") for i, (a, v) in enumerate(zip(args, value, strict=True))
        )
    if origin is list:
        if not isinstance(value, list):
            raise PlainDataError(f"{where}: expected a list, found {type(value).__name__}")
        (arg,) = args or (Any,)
        return [_read(arg, v, f"{where}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise PlainDataError(f"{where}: expected an object, found {type(value).__name__}")
        key_t, val_t = args or (str, Any)
        if key_t is not str:
            raise PlainDataError(f"{where}: only text keys are kept as data")
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise PlainDataError(f"{where}: key {k!r} is not text")
            out[k] = _read(val_t, v, f"{where}[{k!r}]")
        return out
    if tp is bool:
        if isinstance(value, bool):
            return value
    elif tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif tp is float:
        # JSON writes 3.0 as 3.0 and 3 as 3: either is kept exactly as it was written
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
    elif tp is str:
        if isinstance(value, str):
            return value
    else:
        raise PlainDataError(f"{where}: the kit does not read {tp} from data")
    raise PlainDataError(f"{where}: expected {tp.__name__}, found {type(value).__name__}")


def _read_dataclass(cls: type, value: Any, where: str) -> Any:
    if not isinstance(value, dict):
        raise PlainDataError(f"{where}: expected an object, found {type(value).__name__}")
    hints = _hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = set(value) - set(fields)
    if unknown:
        raise PlainDataError(f"{where}: unknown fields {sorted(unknown)}")
    kwargs = {}
    for name, f in fields.items():
        if name not in value:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise PlainDataError(f"{where}: the field '{name}' is missing")
            continue
        kwargs[name] = _read(hints[name], value[name], f"{where}.{name}")
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise PlainDataError(f"{where}: {exc}") from None
