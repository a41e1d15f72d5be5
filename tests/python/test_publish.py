"""The publishing formats parse: the model card's YAML front matter (PyYAML), its
grams against the JSON's kilograms, the LaTeX paragraph's braces, environments and
escapes, and CITATION.cff (CFF 1.2.0's required keys, the project's version)."""

import json
import re
import subprocess

import pytest
import yaml

import trainprint
from conftest import SOURCE_DIR

# The issue's example: 64 A100-40GB for 5 days in AWS us-west-2.
ISSUE = ["--hardware", "nvidia-a100-sxm4-40gb", "--count", "64", "--duration-h", "5d", "--region", "aws:us-west-2"]
# A scenario with a workload (FLOPs), a LoRA fine-tune and a region whose sources hold % _ & characters.
FINETUNE = ["--params", "7B", "--tokens", "1B", "--trainable-params", "20M", "--hardware", "h100", "--count", "8",
            "--region", "FR"]


def run(cli, *args):
    r = subprocess.run([str(cli), "estimate", *args], capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    return r.stdout


def front_matter(text):
    assert text.startswith("---\n")
    end = text.index("\n---\n", 4)
    return yaml.safe_load(text[4:end]), text[end + 5:]


@pytest.mark.parametrize("convention", ["servers", "accelerators", "model-card"])
@pytest.mark.parametrize("scenario", [ISSUE, FINETUNE], ids=["issue", "finetune"])
def test_model_card_yaml_grams_equal_json_kg(cli, convention, scenario):
    args = [*scenario, "--convention", convention]
    meta, body = front_matter(run(cli, *args, "--format", "model-card"))
    data = json.loads(run(cli, *args, "--format", "json"))
    co2 = meta["co2_eq_emissions"]
    assert set(co2) == {"emissions", "source", "training_type", "geographical_location", "hardware_used"}
    assert isinstance(co2["emissions"], float)
    # Written with one decimal: within 0.05 g of the JSON's kilograms × 1000.
    assert abs(co2["emissions"] - data["emissions_kg_co2e"]["total"] * 1000) <= 0.05
    assert co2["training_type"] == ("fine-tuning" if "--trainable-params" in scenario else "pre-training")
    assert data["resolved"]["convention"] == convention
    for text in (co2["source"], body):
        assert f"convention {convention}" in text or f"the {convention} convention" in text
        assert "PUE" in text and "g CO2e/kWh" in text
        assert f"trainprint {trainprint.__version__}" in text
        assert f"catalog {data['catalog']['version']}" in text
        assert "location" in text  # the basis of the grid intensity


def latex_balanced(tex):
    """Braces balance outside comments and escapes; every \\begin{x} has its \\end{x}, nested."""
    stack = []
    depth = 0
    for line in tex.splitlines():
        code = re.sub(r"(?<!\\)%.*", "", line)
        code = re.sub(r"\\[{}%_&#$]", "", code)
        for ch in code:
            depth += {"{": 1, "}": -1}.get(ch, 0)
            assert depth >= 0, line
        for kind, name in re.findall(r"\\(begin|end)\{([^}]*)\}", code):
            if kind == "begin":
                stack.append(name)
            else:
                assert stack and stack.pop() == name, line
    assert depth == 0
    assert not stack


@pytest.mark.parametrize("scenario", [ISSUE, FINETUNE], ids=["issue", "finetune"])
def test_latex_is_balanced_and_escaped(cli, scenario):
    tex = run(cli, *scenario, "--format", "latex")
    latex_balanced(tex)
    assert "\\begin{equation}" in tex and "\\cite{trainprint}" in tex
    body = "\n".join(re.sub(r"(?<!\\)%.*", "", line) for line in tex.splitlines())
    # No unescaped special character outside math, commands and groups: _ & # % only as \_ \& \# \%.
    for ch in "&#%":
        assert re.search(r"(?<!\\)" + re.escape(ch), body) is None, ch
    text_only = re.sub(r"\\begin\{equation\}.*?\\end\{equation\}", "", body, flags=re.S)
    text_only = re.sub(r"\$[^$]*\$", "", text_only)
    assert re.search(r"(?<!\\)_", text_only) is None
    # The BibTeX entry is there, as comments.
    assert "% @software{trainprint," in tex


def test_paper_markdown_has_equation_factors_and_bibtex(cli):
    md = run(cli, *ISSUE, "--format", "paper")
    assert "E = AH × (P_acc + P_host) × PUE" in md
    assert "| Factor | Value | Origin | Source |" in md
    assert "@software{trainprint," in md and f"version = {{{trainprint.__version__}}}" in md
    assert "the servers convention" in md


def test_ai_act_cites_annex_xi(cli):
    md = run(cli, *FINETUNE, "--format", "ai-act")
    assert "Regulation (EU) 2024/1689" in md and "Annex XI, Section 1, point 2(d) and (e)" in md
    assert "(d) Computational resources: floating point operations" in md
    assert "(e) Energy consumption, estimated" in md


def test_citation_cff():
    cff = yaml.safe_load((SOURCE_DIR / "CITATION.cff").read_text(encoding="utf-8"))
    for key in ("cff-version", "message", "title", "authors"):  # required by CFF 1.2.0
        assert cff[key]
    assert cff["cff-version"] == "1.2.0"
    assert all("name" in a or "family-names" in a for a in cff["authors"])
    assert cff["version"] == trainprint.__version__


def test_python_convention_keyword():
    kw = dict(hardware="nvidia-a100-sxm4-40gb", count=64, duration_h="5d", region="aws:us-west-2")
    e = trainprint.estimate(**kw, convention="model-card")
    assert e.convention == "model-card" and e.boundary == "accelerators"
    # 7680 h × 0.400 kW × 1.14 × 0.2748 kg/kWh = 962.371584 kg (tests/unit/publish.test.cpp)
    assert e.emissions_kg_co2e == pytest.approx(962.371584)
    assert trainprint.estimate(**kw).convention == "servers"
    with pytest.raises(trainprint.InputError, match="expected accelerators under convention model-card"):
        trainprint.estimate(**kw, convention="model-card", boundary="servers")
