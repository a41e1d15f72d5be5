// The site sections of resolve(): ownership (GHG scopes), PUE (§1.6), carbon intensity and the carbon-free-energy share (§1.3) (resolver.hpp).

#include "resolver.hpp"

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "../catalog/memo.hpp"
#include "../text.hpp"

namespace trainprint::inline v0::resolving {

namespace {

/// For each text a region may be read as besides its id (a subnational code after its
/// country's, a name or alias without its qualifier), in ASCII lower case: the regions
/// read so, in catalog order. Worked out once per catalog (catalog/memo.hpp), not by a
/// scan of every region on every estimate.
struct readings_memo {
  std::mutex m;
  bool filled = false;
  std::unordered_map<std::string, std::vector<const region*>> by_text;
};

void fill(readings_memo& memo, const catalog& cat) {
  // A name or alias without its qualifier: "Georgia (US state)" and "Georgia, US" are "Georgia".
  auto bare = [](std::string_view n) {
    const auto cut = std::min(n.find(" ("), n.find(','));
    return cut == std::string_view::npos ? n : n.substr(0, cut);
  };
  std::vector<std::string> keys;
  for (const auto& x : cat.regions()) {
    keys.clear();
    if (x.kind == "subnational" && x.id.find(':') == std::string::npos) {
      const auto dash = x.id.find('-');
      if (dash != std::string::npos) keys.push_back(text::lower(std::string_view(x.id).substr(dash + 1)));
    }
    if (bare(x.name) != x.name) keys.push_back(text::lower(bare(x.name)));
    for (const auto& a : x.aliases)
      if (bare(a) != a) keys.push_back(text::lower(bare(a)));
    for (std::size_t k = 0; k < keys.size(); ++k)  // a region once per text
      if (std::find(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(k), keys[k]) ==
          keys.begin() + static_cast<std::ptrdiff_t>(k))
        memo.by_text[keys[k]].push_back(&x);
  }
  memo.filled = true;
}

}  // namespace

std::vector<const region*> other_readings(const catalog& cat, std::string_view typed, const region* matched) {
  const auto memo = catalog_detail::memo<readings_memo>(cat);
  const std::lock_guard lock(memo->m);
  if (!memo->filled) fill(*memo, cat);
  std::vector<const region*> out;
  const auto it = memo->by_text.find(text::lower(typed));
  if (it != memo->by_text.end())
    for (const region* x : it->second)
      if (x != matched) out.push_back(x);
  return out;
}

void resolver::site_section() {
  // --- site ---
  if (reg && rec.context) ctx.region_id = reg->id;
  if (prov && rec.context) ctx.provider_id = prov->id;
  if (rec.context) {
    // GHG Protocol scopes (ghg.hpp): a bought cloud or HPC service, or one's own hardware.
    if (s.ownership) {
      ctx.ownership = *s.ownership;
      ctx.ownership_basis = "given";
    } else if (prov && (prov->kind == "cloud" || prov->kind == "hpc")) {
      ctx.ownership = ownership::cloud;
      ctx.ownership_basis = "provider " + prov->id + " is " + text::with_article(prov->kind == "hpc" ? "HPC" : "cloud") + " service";
    } else {
      ctx.ownership = ownership::owned;
      ctx.ownership_basis = prov ? "provider " + prov->id + " is not a cloud service: taken as owned"
                                 : "no cloud provider named: taken as owned";
    }
  }
  // A personal site (workstation, desktop, laptop) takes its own PUE and WUE, never the
  // data-centre figures of its region or provider.
  site_reg = site_servers ? reg : nullptr;
  site_prov = site_servers ? prov : nullptr;
  prov_pue = site_prov ? provider::latest(site_prov->pue) : nullptr;
  prov_wue = site_prov ? provider::latest(site_prov->wue_l_per_kwh) : nullptr;
  prov_cfe = prov ? provider::latest(prov->cfe) : nullptr;
  data_centre = site->kind == defaults::site_kind::data_centre;

  if (s.pue) {
    from_user(in.pue, "pue", *s.pue, "1", ui::pue, "pue");
  } else if (site_reg && site_reg->pue) {
    in.pue = reg->pue->value;
    TRAINPRINT_TRACE(tr, "pue", in.pue, "1", origin::catalog, reg->pue->prov.citation(), year_note(reg->id, *reg->pue));
    tr.confidence(reg->pue->prov.confidence);
  } else if (prov_pue) {
    in.pue = prov_pue->value;
    TRAINPRINT_TRACE(tr, "pue", in.pue, "1", origin::catalog, prov_pue->prov.citation(), year_note(prov->id + " fleet", *prov_pue));
    tr.confidence(prov_pue->prov.confidence);
  } else {
    in.pue = site->pue.value;
    TRAINPRINT_TRACE(tr, "pue", in.pue, "1", origin::fallback, std::string(site->pue.source),
                     data_centre ? std::string("industry average") : site_note);
    rg.fallback(ui::pue, "1", in.pue, site->pue);
  }
  if (rg.out && !s.pue && (site_reg && site_reg->pue ? &reg->pue->prov : prov_pue ? &prov_pue->prov : nullptr)) {
    // The spread of a catalog PUE applies to the overhead PUE − 1.
    const provenance& p = site_reg && site_reg->pue ? reg->pue->prov : prov_pue->prov;
    const spread sp = spread_of(p);
    rg.add(ui::pue, "1", {1 + (in.pue - 1) / sp.factor, in.pue, 1 + (in.pue - 1) * sp.factor},
           spread_basis(sp) + " on PUE − 1", p.citation());
  }
}

void resolver::intensity() {
  // Carbon intensity (§1.3): user value, user mix, region (own or its grid's), region mix.
  if (s.mix) user_mix = from_mix(*s.mix, cat, rec.trace);
  const region* grid = reg ? cat.grid_of(*reg) : nullptr;
  // The mix along the region's chain, worked out only when it is used (a dozen lookups).
  if (s.intensity) {
    from_user(in.intensity_g_per_kwh, "intensity_g_per_kwh", s.intensity->in_g_per_kwh(), "g CO2e/kWh",
              ui::intensity_g_per_kwh, "intensity");
  } else if (user_mix) {
    in.intensity_g_per_kwh = user_mix->intensity_g_per_kwh;
    TRAINPRINT_TRACE(tr, "intensity_g_per_kwh", *in.intensity_g_per_kwh, "g CO2e/kWh", origin::derived,
           user_mix->intensity_source, "Σ share × lifecycle median: " + mix_text(*s.mix));
    if (rec.context) ctx.intensity_basis = "lifecycle, mix given";
    if (rg.out)
      rg.bounds(ui::intensity_g_per_kwh, "g CO2e/kWh", *in.intensity_g_per_kwh, intensity_bounds(*s.mix, cat),
                "Σ share × lifecycle min and max per source (IPCC AR5)");
  } else if (grid) {
    const auto& iv = *grid->intensity;
    in.intensity_g_per_kwh = iv.gco2e_per_kwh;
    if (rec.context) {
      ctx.grid_region_id = grid->id;
      ctx.intensity_basis = basis_text(iv);
    }
    TRAINPRINT_TRACE(tr, "intensity_g_per_kwh", iv.gco2e_per_kwh, "g CO2e/kWh", origin::catalog, iv.prov.citation(),
           grid->id + (grid != reg ? " (grid of " + reg->id + ")" : std::string{}) + ": " + ctx.intensity_basis);
    tr.confidence(iv.prov.confidence);
    rg.from_catalog(ui::intensity_g_per_kwh, "g CO2e/kWh", iv.gco2e_per_kwh, iv.prov);
  } else if (has_region_mix()) {
    in.intensity_g_per_kwh = region_mix->intensity_g_per_kwh;
    if (rec.context) ctx.intensity_basis = "lifecycle, from " + mix_region->id + " mix";
    TRAINPRINT_TRACE(tr, "intensity_g_per_kwh", *in.intensity_g_per_kwh, "g CO2e/kWh", origin::derived,
           region_mix->intensity_source, "Σ share × lifecycle median of " + mix_region->id + "'s mix");
    if (rg.out)
      rg.bounds(ui::intensity_g_per_kwh, "g CO2e/kWh", *in.intensity_g_per_kwh,
                intensity_bounds(mix_region->mix->mix, cat), "Σ share × lifecycle min and max per source (IPCC AR5)");
  } else {
    if (rec.context) r.notes.emplace_back(reg ? "emissions unknown: region " + reg->id + " has no carbon intensity; give `intensity` or `mix`"
                             : "emissions unknown: give `region`, `intensity`, `mix` or `energy` (energy=unknown: the "
                               "world average)");
  }
  // A place and an electricity both given: the electricity wins the intensity, the place
  // keeps the site. Said, since the region's own grid is then not what the figures use.
  if (rec.context && reg && (s.intensity || user_mix) && !words.world) {
    const std::string what = s.intensity ? "the given intensity"
                             : words.energy && !words.energy->world ? "energy " + std::string(words.energy->word)
                                                                      : std::string("the given mix");
    r.notes.push_back(text::format(
        "{} replaces the grid of region {}{}: the region still sets the site (PUE, water); leave {} out to use "
        "the region's grid",
        what, reg->id,
        grid && grid->intensity ? text::format(" ({:.4g} g CO2e/kWh)", grid->intensity->gco2e_per_kwh)
                                : std::string{},
        s.intensity ? "intensity" : words.energy ? "energy" : "mix"));
  }
  if (words.energy && rec.context) {
    if (words.world)
      r.notes.push_back(text::format("{}: the world-average grid ({}, {:g} g CO2e/kWh); its range runs from a "
                                     "wind-and-solar grid to a coal-and-gas grid",
                                     given.energy ? "energy unknown" : "no place given", world_region,
                                     in.intensity_g_per_kwh.value_or(0)));
    else if (given.region && words.energy->world)
      r.notes.push_back("energy unknown: the grid of region " + *given.region + " is used");
    else if (!words.energy->world)
      r.notes.push_back("energy " + std::string(words.energy->word) + ": " + std::string(words.energy->meaning) +
                        " (IPCC AR5 lifecycle factors)");
  }
  if (words.world && rg.out && in.intensity_g_per_kwh) {
    // An unknown place: the world average, between the IPCC minimum of a wind-and-solar
    // grid and the maximum of a coal-and-gas grid (plain.hpp).
    const auto low = intensity_bounds(mix_of(*find_energy_word("renewable")), cat);
    const auto high = intensity_bounds(mix_of(*find_energy_word("fossil")), cat);
    for (auto& d : r.distributions)
      if (d.input == ui::intensity_g_per_kwh) {
        d.dist = around(*in.intensity_g_per_kwh, low.low, high.high);
        d.basis = "world average for an unknown place: renewable (wind, solar) IPCC minimum to fossil (coal, gas) "
                  "IPCC maximum";
        d.source = low.source;
      }
  }
  if (s.cfe) {
    from_user(in.cfe, "cfe", *s.cfe, "1", ui::cfe, "cfe");
    if (rec.context) ctx.market_claim = "stated by the user";
  } else if (reg && reg->cfe) {
    in.cfe = reg->cfe->value;
    if (rec.context) ctx.market_claim = reg->cfe->kind.empty() ? "not stated by the source" : reg->cfe->kind;
    TRAINPRINT_TRACE(tr, "cfe", *in.cfe, "1", origin::catalog, reg->cfe->prov.citation(), year_note(reg->id, *reg->cfe));
    tr.confidence(reg->cfe->prov.confidence);
  } else if (prov_cfe) {
    in.cfe = prov_cfe->value;
    if (rec.context) ctx.market_claim = prov_cfe->kind.empty() ? "not stated by the source" : prov_cfe->kind;
    TRAINPRINT_TRACE(tr, "cfe", *in.cfe, "1", origin::catalog, prov_cfe->prov.citation(), year_note(prov->id, *prov_cfe));
    tr.confidence(prov_cfe->prov.confidence);
  } else if (in.intensity_g_per_kwh) {
    if (rec.context) r.notes.emplace_back("market-based emissions unknown: no carbon-free-energy share stated; give `cfe`");
  }
  if (rg.out && in.cfe && !s.cfe) {
    const provenance& p = reg && reg->cfe ? reg->cfe->prov : prov_cfe->prov;
    const spread sp = spread_of(p);
    const double v = *in.cfe;
    rg.add(ui::cfe, "1", {v / sp.factor, v, std::min(1.0, v * sp.factor)}, spread_basis(sp) + ", at most 1",
           p.citation());
  }
}

}  // namespace trainprint::inline v0::resolving
