"""The package's layout shows how data flows: imports only run downward, and no module reaches
into another module's private names."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "mediakit"

# lower number = lower stage; a module may import only from its own stage or below
STAGES = {
    "errors": 0,
    "records": 0,
    "version": 0,
    "plain": 0,
    "cases": 1,
    "nlp": 2,
    "extract": 3,
    "compare": 4,
    "analysis": 5,
    "evaluation": 5,
    "views": 6,
    "lessons": 7,
    "cli": 8,
}


def _stage(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "mediakit" or len(parts) < 2:
        return None
    return STAGES.get(parts[1])


def _module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path):
    """(imported module, imported names, line) for every import, TYPE_CHECKING blocks left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for sub in node.body:
                skip.update(id(n) for n in ast.walk(sub))
    for node in ast.walk(tree):
        if id(node) in skip or not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
        else:
            target = node.module or ""
        names = [a.name for a in node.names]
        if not node.module:  # from . import x: each name is a module
            for n in names:
                yield f"{target}.{n}", [], node.lineno
        else:
            yield target, names, node.lineno


def _modules():
    return sorted(p for p in PKG.rglob("*.py") if p.name != "__init__.py" or p.parent != PKG)


def test_imports_run_downward_only():
    wrong = []
    for path in _modules():
        own = _stage(_module_name(path))
        for target, _names, line in _imports(path):
            theirs = _stage(target)
            if own is not None and theirs is not None and theirs > own:
                wrong.append(f"{path.relative_to(PKG.parent)}:{line} imports {target}")
    assert not wrong, "imports that run upward:\n" + "\n".join(wrong)


def test_no_module_imports_another_modules_private_names():
    wrong = []
    for path in _modules():
        for target, names, line in _imports(path):
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private and target != _module_name(path):
                wrong.append(
                    f"{path.relative_to(PKG.parent)}:{line} imports {private} from {target}"
                )
    assert not wrong, "imports of private names:\n" + "\n".join(wrong)


def test_the_stage_folders_exist_and_the_short_names_still_work():
    for folder in ("cases", "extract", "compare", "views", "lessons"):
        assert (PKG / folder / "__init__.py").exists(), folder
    from mediakit import lesson, plots, views

    assert callable(lesson.start) and callable(lesson.exercise)
    assert callable(views.reader) and callable(plots.source_mix)


def test_every_part_of_the_package_has_a_stage():
    """A new module or folder must be placed in a stage, or the layering checks skip it."""
    skip = {"__init__", "__main__", "data", "jupyter_config"}
    parts = {p.stem for p in PKG.iterdir() if p.suffix == ".py" or (p / "__init__.py").exists()}
    unplaced = sorted(parts - skip - set(STAGES))
    assert not unplaced, f"modules with no stage in STAGES: {unplaced}"


def _top_level_imports(path: Path, known: set[str]):
    """The mediakit modules a module imports when it is imported: its top-level imports (inside
    if/try too), not those inside functions (imported on first use) or TYPE_CHECKING blocks.
    ``from . import x`` is an import of the submodule x; the parent packages a dotted import
    loads first are left out (every submodule would otherwise 'import' its own package)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]

    def walk(body: list[ast.stmt]):
        for node in body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                yield from walk(node.orelse)
            elif isinstance(node, ast.If):
                yield from walk(node.body)
                yield from walk(node.orelse)
            elif isinstance(node, ast.Try):
                yield from walk(node.body)
                for handler in node.handlers:
                    yield from walk(handler.body)
                yield from walk(node.orelse)
                yield from walk(node.finalbody)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                for a in node.names:
                    sub = f"{target}.{a.name}"
                    yield sub if sub in known else target
            elif isinstance(node, ast.Import):
                for a in node.names:
                    yield a.name

    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {t for t in walk(tree.body) if t in known and t != name}


def test_no_import_cycles_inside_mediakit():
    """No module imports, when it is loaded, a module that imports it back (directly or round a
    longer loop): such a circle works only by the order of lines, and breaks when one moves."""
    import graphlib

    paths = {_module_name(p): p for p in PKG.rglob("*.py")}
    known = set(paths)
    graph = {name: _top_level_imports(path, known) for name, path in paths.items()}
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as exc:
        raise AssertionError("import cycle: " + " -> ".join(exc.args[1])) from None
