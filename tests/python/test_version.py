import re

import trainprint


def test_version_is_the_library_version():
    assert re.fullmatch(r"\d+\.\d+\.\d+", trainprint.__version__)
    assert trainprint.__version__ == trainprint._core.__version__


def test_version_matches_version_hpp():
    from conftest import SOURCE_DIR

    text = (SOURCE_DIR / "include" / "trainprint" / "version.hpp").read_text()
    parts = [re.search(rf"#define TRAINPRINT_VERSION_{p} (\d+)", text).group(1) for p in ("MAJOR", "MINOR", "PATCH")]
    assert trainprint.__version__ == ".".join(parts)


def test_public_names():
    for name in trainprint.__all__:
        assert hasattr(trainprint, name), name
