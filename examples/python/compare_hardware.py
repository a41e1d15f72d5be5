"""Which accelerator should train our 7B model? A notebook-style walk-through.

Run after building (see the README):
    PYTHONPATH=build/dev/python /usr/bin/python3 examples/python/compare_hardware.py
Each "# %%" block is a notebook cell (VS Code, Jupytext and Spyder run them as such).
"""

# %% The model and the site
import trainprint

print(f"trainprint {trainprint.__version__}")
# A grid region, not a cloud region: the candidates are sold by different clouds (a
# TPU only by Google Cloud, which then brings its fleet PUE), so an AWS region would
# rule the TPU out.
model = dict(params="7B", tokens="2T", count=512, region="US-VA", mfu=0.4)

# %% What does the catalog know about the candidates?
cat = trainprint.catalog()
candidates = ["h100", "a100", "tpu-v5p", "mi300x"]
for c in candidates:
    entry = cat.entry("hardware", c)
    print(f"{c:>8} = {entry['id']}")

# %% One estimate, to see what an estimate holds
e = trainprint.estimate(hardware="h100", **model)
print(e)
print(f"energy {e.energy_kwh / 1000:.1f} MWh, emissions {e.emissions_kg_co2e / 1000:.1f} t CO2e, "
      f"water {e.water_l / 1000:.1f} m3, wall time {e.wall_hours / 24:.1f} days")
# Every number is traceable: where did the power come from?
for t in e.trace:
    if t.name in ("tdp_w", "power_fraction", "pue"):
        print(f"  {t.name:<15} {t.value:>8g} {t.unit:<3} ({t.origin}) {t.source or ''}")

# %% Compare the hardware, best first
# Embodied (manufacturing) emissions are unknown for accelerators without a public
# die area; leave them out so every row is ranked on the same basis.
result = trainprint.compare(**model, embodied=False, across={"hardware": candidates}, sort="emissions")
rows = result.to_list()  # flat dicts: pandas.DataFrame(rows) works as it is


def per_1000(v):
    return "n/a" if v is None else f"{v / 1000:.1f}"


print(f"\n{'rank':<5}{'hardware':<24}{'days':>7}{'MWh':>9}{'t CO2e':>9}{'m3 water':>10}")
for r in rows:
    print(f"{r['rank']:<5}{r['hardware']:<24}{r['wall_hours'] / 24:>7.1f}{per_1000(r['energy_kwh']):>9}"
          f"{per_1000(r['emissions_kg_co2e']):>9}{per_1000(r['water_l']):>10}")

# %% The same table in pandas, if it is installed
try:
    import pandas as pd
except ImportError:
    pd = None
if pd is not None:
    frame = pd.DataFrame(rows).set_index("hardware")
    print(frame[["wall_hours", "energy_kwh", "emissions_kg_co2e", "water_l"]])

# %% The answer
best = result.best
print(f"\nBest for emissions: {best.value} ({best.estimate.emissions_kg_co2e / 1000:.1f} t CO2e)")
