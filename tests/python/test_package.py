"""The package as users get it: its doctests pass, its type stubs match it, and (run
by scripts/test-python-package) it is the copy pip installed."""

import ast
import doctest
import inspect
import os
import pathlib

import pytest

import trainprint
import trainprint._errors
import trainprint._measure


def test_is_the_installed_copy():
    venv = os.environ.get("TRAINPRINT_EXPECT_INSTALLED")
    if not venv:
        pytest.skip("run by scripts/test-python-package against a pip-installed package")
    here = pathlib.Path(trainprint.__file__).resolve()
    assert pathlib.Path(venv).resolve() in here.parents, here
    assert (here.parent / "py.typed").exists() and (here.parent / "__init__.pyi").exists()


@pytest.mark.parametrize("module", [trainprint, trainprint._errors, trainprint._measure], ids=lambda m: m.__name__)
def test_doctests(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0
    if module is trainprint:
        assert result.attempted >= 5  # the module's example and estimate_many's


def public_api():
    """Every public function and class of the package, with its public members."""
    for name in trainprint.__all__:
        obj = getattr(trainprint, name)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            yield name, obj


def test_every_public_function_has_a_docstring():
    for name, obj in public_api():
        assert inspect.getdoc(obj), name
        if inspect.isclass(obj) and not issubclass(obj, tuple):
            for member, value in vars(obj).items():
                if member.startswith("_") or not (inspect.isfunction(value) or isinstance(value, property)):
                    continue
                assert inspect.getdoc(value), f"{name}.{member}"


STUB = pathlib.Path(trainprint.__file__).with_name("__init__.pyi")


def stub_tree():
    return ast.parse(STUB.read_text(encoding="utf-8"))


def stub_params(fn: ast.FunctionDef):
    a = fn.args
    names = [(p.arg, "positional") for p in a.posonlyargs + a.args]
    names += [(p.arg, "keyword") for p in a.kwonlyargs]
    return names, a.kwarg.arg if a.kwarg else None


def runtime_params(fn):
    sig = inspect.signature(fn)
    names, kwarg = [], None
    for p in sig.parameters.values():
        if p.kind is p.VAR_KEYWORD:
            kwarg = p.name
        elif p.kind is p.KEYWORD_ONLY:
            names.append((p.name, "keyword"))
        else:
            names.append((p.name, "positional"))
    return names, kwarg


def test_stubs_name_every_public_name():
    tree = stub_tree()
    declared = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            declared.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            declared.add(node.target.id)
        elif isinstance(node, ast.ImportFrom):
            declared.update(a.asname or a.name for a in node.names)
    assert set(trainprint.__all__) <= declared, set(trainprint.__all__) - declared


def typed_dict_fields(tree, name):
    """The field names of the stub's TypedDict ``name``."""
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            return [item.target.id for item in node.body if isinstance(item, ast.AnnAssign)]
    raise AssertionError(f"no class {name} in the stub")


def test_stub_functions_match_the_module():
    inputs = set(trainprint._core.input_names())
    tree = stub_tree()
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        stub, stub_kwarg = stub_params(node)
        runtime, runtime_kwarg = runtime_params(getattr(trainprint, node.name))
        # The stubs spell out the scenario inputs the runtime takes as **inputs: as
        # keywords, or as a TypedDict (**inputs: Unpack[_Inputs]) whose fields are the
        # inputs and then their older spellings (tests/unit/inputs.test.cpp checks the
        # fields against include/trainprint/inputs.hpp's table, aliases included).
        spelled = [p for p in stub if p not in runtime]
        kwarg = node.args.kwarg
        if kwarg is not None and isinstance(kwarg.annotation, ast.Subscript):
            assert ast.unparse(kwarg.annotation.value) == "Unpack", node.name
            fields = typed_dict_fields(tree, ast.unparse(kwarg.annotation.slice))
            assert len(fields) == len(set(fields)) and inputs <= set(fields), node.name
            spelled += [(f, "keyword") for f in fields if f in inputs]
        assert [p for p in stub if p in runtime] == runtime, node.name
        assert {n for n, _ in spelled} <= inputs, (node.name, spelled)
        if runtime_kwarg in ("inputs", "columns"):
            assert {n for n, _ in spelled} == inputs, node.name
        assert (stub_kwarg is None) == (runtime_kwarg is None), node.name


def test_stub_classes_match_the_module():
    for node in stub_tree().body:
        if not isinstance(node, ast.ClassDef) or node.name.startswith("_"):
            continue
        cls = getattr(trainprint, node.name)
        in_stub = set()
        for item in node.body:
            if isinstance(item, ast.FunctionDef):
                in_stub.add(item.name)
                if not item.name.startswith("_") and inspect.isfunction(getattr(cls, item.name)):
                    runtime, _ = runtime_params(getattr(cls, item.name))
                    assert stub_params(item)[0] == runtime, f"{node.name}.{item.name}"
            elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                in_stub.add(item.target.id)
        public = {m for m in dir(cls) if not m.startswith("_")} - set(dir(tuple)) - set(dir(Exception))
        public -= {"count", "index"}  # NamedTuple's methods
        fields = set(getattr(cls, "_fields", ()))
        assert public - fields <= in_stub | fields, (node.name, public - in_stub)
        assert {m for m in in_stub if not m.startswith("_")} <= public | fields, (node.name, in_stub - public)
