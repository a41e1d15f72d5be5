"""The build step of `pip install .` (metadata: pyproject.toml): CMake builds the
pybind11 module `trainprint._core` (and the static library under it) in Release, and
setuptools puts it beside bindings/python/trainprint/*.py in the wheel.

Environment: CMAKE (the cmake to run, default "cmake"), CMAKE_BUILD_PARALLEL_LEVEL
(jobs), TRAINPRINT_CMAKE_ARGS (extra configure arguments, split on spaces);
CMAKE_CXX_COMPILER_LAUNCHER (e.g. ccache) is read by CMake itself.
"""

import os
import pathlib
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


def version() -> str:
    text = (ROOT / "include" / "trainprint" / "version.hpp").read_text(encoding="utf-8")
    parts = [re.search(rf"#define TRAINPRINT_VERSION_{p} (\d+)", text) for p in ("MAJOR", "MINOR", "PATCH")]
    if not all(parts):
        raise RuntimeError("include/trainprint/version.hpp: no TRAINPRINT_VERSION_MAJOR/MINOR/PATCH")
    return ".".join(m.group(1) for m in parts)  # type: ignore[union-attr]


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        cmake = os.environ.get("CMAKE", "cmake")
        build_dir = pathlib.Path(self.build_temp).resolve() / "cmake"
        build_dir.mkdir(parents=True, exist_ok=True)
        args = [
            f"-S{ROOT}",
            f"-B{build_dir}",
            "-DCMAKE_BUILD_TYPE=Release",
            "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG",  # as the release preset (CMakePresets.json)
            f"-DPython_EXECUTABLE={sys.executable}",
            "-DTRAINPRINT_BUILD_PYTHON=ON",
            "-DTRAINPRINT_BUILD_TESTS=OFF",
            "-DTRAINPRINT_BUILD_CLI=OFF",
            "-DTRAINPRINT_BUILD_C_API=OFF",
            "-DTRAINPRINT_BUILD_EXAMPLES=OFF",
            "-DTRAINPRINT_INSTALL=OFF",
        ]
        if shutil.which("ninja"):
            args.append("-GNinja")
        try:
            import pybind11  # the build requirement; Debian's pybind11-dev also works without it

            args.append(f"-Dpybind11_DIR={pybind11.get_cmake_dir()}")
        except ImportError:
            pass
        args += os.environ.get("TRAINPRINT_CMAKE_ARGS", "").split()
        subprocess.run([cmake, *args], check=True)
        build = [cmake, "--build", str(build_dir), "--target", "trainprint_python"]
        if self.parallel:
            build += ["-j", str(self.parallel)]
        subprocess.run(build, check=True)
        built = build_dir / "python" / "trainprint" / pathlib.Path(self.get_ext_filename(ext.name)).name
        if not built.exists():
            raise RuntimeError(f"CMake did not produce {built}")
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


setup(
    version=version(),
    ext_modules=[CMakeExtension("trainprint._core")],
    cmdclass={"build_ext": CMakeBuild},
)
