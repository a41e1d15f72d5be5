// The water (§1.4), embodied (§1.3) and money (§1.5) sections of resolve() (resolver.hpp).

#include "resolver.hpp"

#include <fmt/ranges.h>

#include "../catalog/prices.hpp"

namespace trainprint::inline v0::resolving {

namespace {

/// A note when a price per accelerator-hour `given` for `a` looks like a price per
/// instance: it matches (within 5%) the catalog's list price of an instance of several
/// `a`, or it is more than twice the dearest list price per accelerator-hour of `a` (of
/// any part when `a` has none). A list on-demand price is the top of what a rented part
/// costs (reservations, savings plans, committed use and spot only lower it), so twice
/// it is a judgement of "implausibly high", not a sourced bound. Empty when neither holds.
std::string per_instance_note(double given, const accelerator& a, const catalog& cat) {
  const catalog_detail::list_price* match = nullptr;
  const system_profile* match_sys = nullptr;
  const catalog_detail::list_price* dearest = nullptr;  // per accelerator-hour, of `a` if priced, else of any part
  const system_profile* dearest_sys = nullptr;
  double dearest_per_acc = 0;
  bool dearest_is_a = false;
  const auto priced = catalog_detail::priced_systems_of(cat);
  for (const auto& e : priced->entries) {
    const catalog_detail::list_price& p = *e.price;
    const system_profile* x = e.system;
    if (x->accelerators < 1) continue;
    const bool of_a = x->accelerator == a.id;
    const double per_acc = p.per_accelerator ? p.usd_per_hour : p.usd_per_hour / x->accelerators;
    if (of_a && !p.per_accelerator && x->accelerators > 1 && std::abs(given / p.usd_per_hour - 1) <= 0.05 &&
        (!match || std::abs(given - p.usd_per_hour) < std::abs(given - match->usd_per_hour)))
      match = &p, match_sys = x;
    if ((of_a && !dearest_is_a) || (of_a == dearest_is_a && per_acc > dearest_per_acc))
      dearest = &p, dearest_sys = x, dearest_per_acc = per_acc, dearest_is_a = of_a;
  }
  if (match)
    return text::format("hourly_price_usd {:g} USD is the list on-demand price of {} ({} × {}, in {} as of {}) per "
                        "instance-hour: hourly_price_usd is per accelerator-hour; did you mean hourly_price_usd "
                        "{:.4g} ({:g} / {})?",
                        given, match_sys->id, match_sys->accelerators, a.id, match->region, match->as_of,
                        given / match_sys->accelerators, given, match_sys->accelerators);
  if (dearest && given > 2 * dearest_per_acc)
    return text::format("hourly_price_usd {:g} USD is {:.3g} times the dearest list on-demand price per "
                        "accelerator-hour {} in the catalog ({:.4g} USD, {} in {} as of {}{}), which discounts only "
                        "lower: hourly_price_usd is per accelerator-hour; for a price per instance of n accelerators, "
                        "give it divided by n",
                        given, given / dearest_per_acc, dearest_is_a ? "of " + a.id : std::string("of any part"),
                        dearest_per_acc, dearest_sys->id, dearest->region, dearest->as_of,
                        dearest_is_a ? std::string() : "; none for " + a.id);
  return {};
}

}  // namespace

void resolver::water() {
  // Water (§1.4).
  if (s.wue) {
    from_user(in.wue_l_per_kwh, "wue_l_per_kwh", s.wue->in_l_per_kwh(), "L/kWh", ui::wue_l_per_kwh, "wue");
  } else if (site_reg && site_reg->wue_l_per_kwh) {
    from_catalog(in.wue_l_per_kwh, "wue_l_per_kwh", *reg->wue_l_per_kwh, "L/kWh", ui::wue_l_per_kwh,
                 year_note(reg->id, *reg->wue_l_per_kwh));
  } else if (prov_wue) {
    from_catalog(in.wue_l_per_kwh, "wue_l_per_kwh", *prov_wue, "L/kWh", ui::wue_l_per_kwh,
                 year_note(prov->id + " fleet", *prov_wue));
  } else {
    in.wue_l_per_kwh = site->wue_l_per_kwh.value;
    TRAINPRINT_TRACE(tr, "wue_l_per_kwh", *in.wue_l_per_kwh, "L/kWh", origin::fallback,
           std::string(site->wue_l_per_kwh.source), data_centre ? std::string("industry average, low confidence") : site_note);
    if (data_centre) tr.confidence("low");
    rg.fallback(ui::wue_l_per_kwh, "L/kWh", *in.wue_l_per_kwh, site->wue_l_per_kwh);
  }
  const region* ewif_region =
      reg ? cat.along_chain(*reg, [](const region& x) { return x.ewif_l_per_kwh.has_value(); }) : nullptr;
  if (s.ewif) {
    from_user(in.ewif_l_per_kwh, "ewif_l_per_kwh", s.ewif->in_l_per_kwh(), "L/kWh", ui::ewif_l_per_kwh, "ewif");
  } else if (user_mix && user_mix->ewif_l_per_kwh) {
    in.ewif_l_per_kwh = user_mix->ewif_l_per_kwh;
    TRAINPRINT_TRACE(tr, "ewif_l_per_kwh", *in.ewif_l_per_kwh, "L/kWh", origin::derived, user_mix->water_source,
           "Σ share × water consumption per source: " + mix_text(*s.mix));
    if (rg.out)
      rg.bounds(ui::ewif_l_per_kwh, "L/kWh", *in.ewif_l_per_kwh, water_bounds(*s.mix, cat),
                "Σ share × water min and max per source (Macknick et al. 2012; ×÷ by confidence where none)");
  } else if (ewif_region) {
    from_catalog(in.ewif_l_per_kwh, "ewif_l_per_kwh", *ewif_region->ewif_l_per_kwh, "L/kWh", ui::ewif_l_per_kwh,
                 ewif_region->id);
  } else if (has_region_mix() && region_mix->ewif_l_per_kwh) {
    in.ewif_l_per_kwh = region_mix->ewif_l_per_kwh;
    TRAINPRINT_TRACE(tr, "ewif_l_per_kwh", *in.ewif_l_per_kwh, "L/kWh", origin::derived, region_mix->water_source,
           "Σ share × water consumption per source of " + mix_region->id + "'s mix");
    if (rg.out)
      rg.bounds(ui::ewif_l_per_kwh, "L/kWh", *in.ewif_l_per_kwh, water_bounds(mix_region->mix->mix, cat),
                "Σ share × water min and max per source (Macknick et al. 2012; ×÷ by confidence where none)");
  } else if (const region* world = !reg ? cat.get_region(world_region) : nullptr; world && world->mix) {
    // No place (an intensity alone says nothing of the generation mix): the world-average
    // mix's EWIF, labelled, as the intensity would be with no place at all (methodology §8.4).
    const mix_result m = from_mix(world->mix->mix, cat, rec.trace);
    if (!m.ewif_l_per_kwh) return;
    in.ewif_l_per_kwh = m.ewif_l_per_kwh;
    TRAINPRINT_TRACE(tr, "ewif_l_per_kwh", *in.ewif_l_per_kwh, "L/kWh", origin::fallback, m.water_source,
                     "no place given: Σ share × water consumption per source of " + world->id + "'s mix");
    if (rec.context)
      r.notes.push_back(text::format("off-site water: no place given, so the world-average mix's EWIF ({}, {:.3g} "
                                     "L/kWh); give `region`, `mix` or `ewif` for the grid's own",
                                     world->id, *in.ewif_l_per_kwh));
    if (rg.out)
      rg.bounds(ui::ewif_l_per_kwh, "L/kWh", *in.ewif_l_per_kwh, water_bounds(world->mix->mix, cat),
                "world average for an unknown place: Σ share × water min and max per source (Macknick et al. 2012)");
  } else {
    if (rec.context) r.notes.emplace_back("off-site water unknown: give `region`, `mix` or `ewif`");
  }
}

void resolver::embodied() {
  // Embodied (§1.3).
  in.embodied = s.embodied.value_or(!at_tdp);
  if (at_tdp && rec.context)
    r.notes.emplace_back("convention model-card: operational emissions only (embodied left out), accelerators at TDP");
  if (!in.embodied && s.lifetime_years && rec.context)
    r.notes.push_back(text::format("lifetime_years={:g} is not used: {} leaves embodied emissions out", *s.lifetime_years,
                                   s.embodied ? "embodied=false" : "convention=model-card"));
  if (in.embodied) {
    if (s.lifetime_years) {
      in.lifetime_years = *s.lifetime_years;
      TRAINPRINT_TRACE(tr, "lifetime_years", in.lifetime_years, "years", origin::user);  // range recorded below
    } else {
      in.lifetime_years = defaults::lifetime_years.value;
      TRAINPRINT_TRACE(tr, "lifetime_years", in.lifetime_years, "years", origin::fallback,
             std::string(defaults::lifetime_years.source));
    }
    const auto& f = cat.embodied();
    const auto* die = acc && acc->process_nm ? nearest_node(f, *acc->process_nm) : nullptr;
    if (acc && acc->die_area_mm2 && die && acc->memory_gb && f.memory_kgco2e_per_gb) {
      const double die_kg = *acc->die_area_mm2 / 100.0 * die->kgco2e_per_cm2.value;
      const double mem_kg = *acc->memory_gb * f.memory_kgco2e_per_gb->value;
      in.embodied_accelerator_kg = die_kg + mem_kg;
      TRAINPRINT_TRACE(tr, "embodied_die_kg", die_kg, "kg CO2e", origin::derived, die->kgco2e_per_cm2.prov.citation(),
             text::format("{:g} mm² / 100 × {:g} kg/cm² ({:g} nm factor for {:g} nm)", *acc->die_area_mm2,
                          die->kgco2e_per_cm2.value, die->process_nm, *acc->process_nm));
      TRAINPRINT_TRACE(tr, "embodied_memory_kg", mem_kg, "kg CO2e", origin::derived, f.memory_kgco2e_per_gb->prov.citation(),
             text::format("{:g} GB × {:g} kg/GB", *acc->memory_gb, f.memory_kgco2e_per_gb->value));
      TRAINPRINT_TRACE(tr, "embodied_accelerator_kg", *in.embodied_accelerator_kg, "kg CO2e", origin::derived, {},
             "die + memory, per accelerator");
      if (rg.out) {
        const spread sd = spread_of(die->kgco2e_per_cm2.prov), sm = spread_of(f.memory_kgco2e_per_gb->prov);
        rg.add(ui::embodied_accelerator_kg, "kg CO2e",
               around(*in.embodied_accelerator_kg, die_kg / sd.factor + mem_kg / sm.factor,
                      die_kg * sd.factor + mem_kg * sm.factor),
               text::format("die ×÷{:g} (confidence {}) + memory ×÷{:g} (confidence {}) (no published range)",
                            sd.factor, sd.mark, sm.factor, sm.mark),
               die->kgco2e_per_cm2.prov.citation());
      }
    } else {
      // Name exactly what is missing (a catalog entry may have some of the three, e.g. TPU v5e).
      std::vector<std::string> missing;
      if (acc && !acc->die_area_mm2) missing.push_back("die area");
      if (acc && !acc->process_nm) missing.push_back("process node");
      if (acc && !acc->memory_gb) missing.push_back("memory size");
      if (acc && acc->process_nm && !die) missing.push_back("embodied factor for its process node");
      if (acc && !f.memory_kgco2e_per_gb) missing.push_back("embodied factor for memory");
      std::string what;
      for (std::size_t i = 0; i < missing.size(); ++i)
        what += (i == 0 ? "" : i + 1 == missing.size() ? " or " : ", ") + missing[i];
      if (rec.context) r.notes.emplace_back(acc ? "embodied emissions unknown: " + acc->id + " lacks a public " + what +
                                                      "; set embodied=false to leave them out"
                                                : "embodied emissions unknown: no hardware given; set embodied=false to "
                                                  "leave them out");
    }
    if (in.servers && !site_servers) {
      // One machine's host at a personal site, shared like its power.
      const double n = in.count.value_or(1.0);
      const double machines = std::ceil(n / site->accelerators_per_machine);
      in.embodied_host_kg = site->machine_embodied_kg.value * machines / n;
      TRAINPRINT_TRACE(tr, "embodied_host_kg", in.embodied_host_kg, "kg CO2e", origin::fallback,
             std::string(site->machine_embodied_kg.source),
             text::format("{}: {:g} kg per machine × {:g} machine(s) / {:g} accelerator(s)", site_note,
                          site->machine_embodied_kg.value, machines, n));
      if (in.embodied_accelerator_kg)
        rg.fallback(ui::embodied_host_kg, "kg CO2e", in.embodied_host_kg, site->machine_embodied_kg, machines / n);
    } else if (in.servers && f.host_kgco2e_per_server && f.host_accelerators_per_server > 0) {
      in.embodied_host_kg = f.host_kgco2e_per_server->value / f.host_accelerators_per_server;
      TRAINPRINT_TRACE(tr, "embodied_host_kg", in.embodied_host_kg, "kg CO2e", origin::catalog,
             f.host_kgco2e_per_server->prov.citation(),
             text::format("{:g} kg per server / {} accelerators", f.host_kgco2e_per_server->value,
                          f.host_accelerators_per_server));
      if (in.embodied_accelerator_kg)
        rg.from_catalog(ui::embodied_host_kg, "kg CO2e", in.embodied_host_kg, f.host_kgco2e_per_server->prov);
    }
  }

  if (in.embodied && in.embodied_accelerator_kg) {
    if (s.lifetime_years)
      rg.user(ui::lifetime_years, "lifetime_years", in.lifetime_years, "years");
    else
      rg.fallback(ui::lifetime_years, "years", in.lifetime_years, defaults::lifetime_years);
  }
}

void resolver::money() {
  // Money (§1.5).
  if (s.price_usd_per_kwh) {
    from_user(in.price_usd_per_kwh, "price_usd_per_kwh", *s.price_usd_per_kwh, "USD/kWh", ui::price_usd_per_kwh,
              "price_usd_per_kwh");
  } else if (reg && reg->price_usd_per_kwh) {
    from_catalog(in.price_usd_per_kwh, "price_usd_per_kwh", *reg->price_usd_per_kwh, "USD/kWh", ui::price_usd_per_kwh,
                 year_note(reg->id, *reg->price_usd_per_kwh));
  } else if (rec.context && ctx.ownership == ownership::owned) {
    // Owned hardware pays for its electricity: say why its cost is missing. (A rented
    // run's price already pays for it; its cost is its rent, with its own notes below.)
    r.notes.push_back(reg && !words.world ? text::format("electricity cost unknown: the catalog has no electricity price for {} ({}); "
                                        "give `price_usd_per_kwh` (USD per kWh) for the price you pay",
                                        reg->id, reg->name)
                          : std::string("electricity cost unknown: no place given, and the catalog's electricity "
                                        "prices are by country or US state; give `region` or `price_usd_per_kwh` "
                                        "(USD per kWh)"));
  }
  if (s.hourly_price_usd) {
    from_user(in.hourly_price_usd, "hourly_price_usd", *s.hourly_price_usd, "USD per accelerator-hour",
              ui::hourly_price_usd, "hourly_price_usd");
    if (acc && rec.context) {
      // With a range, its high end is judged (the note is about a price too high), and named.
      const range* user_range = given_range(s, "hourly_price_usd");
      if (std::string n = per_instance_note(user_range ? user_range->high : *s.hourly_price_usd, *acc, cat); !n.empty())
        r.notes.push_back(user_range ? n + range_end_text("high", *user_range) : std::move(n));
    }
  } else if (acc && s.ownership == ownership::owned) {
    // Owned hardware given as such: a cloud's rental price is not what it costs.
    if (rec.context)
      r.notes.emplace_back("compute cost unknown: `ownership` owned, so the catalog's cloud list prices are not "
                           "used; give `hourly_price_usd` for what owning costs per accelerator-hour");
  } else if (acc) {
    // The catalog's list on-demand price (§3.3): the instance's own when the hardware is a
    // priced instance or pod, else the one priced system of the known provider with this
    // accelerator; unknown otherwise (never another provider's or another part's price).
    const std::string& provider_id = prov ? prov->id : hw_provider;
    // An instance, server or pod named as hardware: its own price or none (a slice is priced per chip).
    const bool named_system = hw_unit && !hw_unit->id.empty() && hw_unit->kind != "slice";
    const auto fits = [&](const system_profile& x) {
      return named_system ? x.id == hw_unit->id && (provider_id.empty() || provider_id == x.provider)
                          : !provider_id.empty() && x.provider == provider_id && x.accelerator == acc->id;
    };
    // The priced systems with their systems and sources, looked up once per catalog.
    const auto priced_all = catalog_detail::priced_systems_of(cat);
    const catalog_detail::priced_system* hit = nullptr;  // the last priced system that fits
    std::size_t found = 0;                               // how many fit
    for (const auto& e : priced_all->entries)
      if (fits(*e.system)) hit = &e, ++found;
    if (found > 1) {  // which of the priced instances of the part the user rents is not known
      hit = nullptr;
      if (rec.context) {
        std::vector<std::string> ids;  // the priced systems that fit, in catalog order
        for (const auto& e : priced_all->entries)
          if (fits(*e.system)) ids.push_back(e.system->id);
        r.notes.push_back(text::format("compute cost unknown: the catalog prices several {} systems of {} ({}); "
                                       "give the one you rent as `hardware`, or give hourly_price_usd",
                                       provider_id, acc->id, fmt::join(ids, ", ")));
      }
    }
    const catalog_detail::list_price* lp = hit ? hit->price : nullptr;
    const system_profile* priced = hit ? hit->system : nullptr;
    if (!lp && found == 0 && rec.context && ctx.ownership == ownership::cloud)  // a rented run's cost is its rent
      r.notes.push_back(text::format("compute cost unknown: the catalog has no list price for {}{}; give "
                                     "`hourly_price_usd` (USD per accelerator-hour) for the price you pay",
                                     named_system ? hw_unit->id : acc->id,
                                     provider_id.empty() ? std::string() : " at " + provider_id));
    else if (!lp && found == 0 && rec.context)  // owned, not given as such: its cost is electricity + owning
      r.notes.push_back(text::format("compute cost unknown: {}, so the run is taken as owned and the catalog's "
                                     "cloud list prices are not used; give `hourly_price_usd` for what owning costs per "
                                     "accelerator-hour, or `provider` for a rented run",
                                     prov ? "provider " + prov->id + " is not a cloud service" : "no cloud provider named"));
    if (lp) {
      const double per_acc = lp->per_accelerator ? lp->usd_per_hour : lp->usd_per_hour / priced->accelerators;
      const bool other_region = reg && reg->id != lp->region;
      in.hourly_price_usd = per_acc;
      if (tr || rg.out) {  // the provenance (strings) only for the trace and the ranges
        provenance pv = hit->prov();
        if (other_region) pv.confidence = "low";
        if (tr) {
          const std::string how =
              lp->per_accelerator
                  ? text::format("{:g} USD per accelerator-hour", lp->usd_per_hour)
                  : text::format("{:g} USD per instance-hour / {} accelerators", lp->usd_per_hour, priced->accelerators);
          tr.add("hourly_price_usd", per_acc, "USD per accelerator-hour", origin::catalog, pv.citation(),
                 text::format("list on-demand price of {} in {} as of {}: {}", priced->id, lp->region, lp->as_of, how));
          tr.confidence(pv.confidence);
        }
        rg.from_catalog(ui::hourly_price_usd, "USD per accelerator-hour", per_acc, pv);
      }
      if (rec.context) {
        r.notes.push_back(text::format("compute cost at the list on-demand price of {} in {} as of {} (no "
                                       "reservation, savings plan, committed-use or spot discount); give "
                                       "hourly_price_usd for the price you pay",
                                       priced->id, lp->region, lp->as_of));
        // A price the catalog marks as superseded (data/upstream/cloud-ondemand-prices/SOURCE.md)
        // says so where the user sees it, not only in the trace.
        if (!lp->superseded.empty())
          r.notes.push_back(text::format("compute cost: the list price of {} is superseded: {}; it likely "
                                         "overstates today's price",
                                         priced->id, lp->superseded));
        if (in.price_usd_per_kwh)  // both costs are shown: say they are not to be added
          r.notes.emplace_back("electricity cost: a rented instance's price already pays for its electricity; "
                               "the electricity cost is what the energy would cost on owned hardware, not an "
                               "extra to add to the compute cost");
        if (other_region && reg->provider == priced->provider)
          r.notes.push_back(text::format("compute cost: the catalog prices {} only in {}, not in {}; that price "
                                         "is used (confidence low)",
                                         priced->id, lp->region, reg->id));
        else if (other_region)  // a grid or no place: the provider's region is not known
          r.notes.push_back(text::format("compute cost: no {} region given; the price of {} in {} is used "
                                         "(confidence low)",
                                         priced->provider, priced->id, lp->region));
      }
    }
  }
  // A hardware word: the per-part inputs range across the parts it names (plain.hpp).
  if (words.part && rg.out) detail::spread_over_parts(*words.part, given, cat, r, rec.context);
}

}  // namespace trainprint::inline v0::resolving
