// The site kind, measured energy and power sections of resolve() (§1.6, §7, §1.2): the boundary, the accelerator's power and the host's (resolver.hpp).

#include <cmath>

#include "resolver.hpp"
#include "../text.hpp"
#include "../usual_ranges.hpp"

namespace trainprint::inline v0::resolving {

void resolver::site_kind() {
  // --- site kind (§1.6): the user's, or a data centre beside a cloud region or provider, or
  // what the hardware's segment implies (with a note when that is not a data centre) ---
  if (s.region) try {
      reg = &cat.find_region(*s.region);
    } catch (const unknown_key_error&) {
      // "WA" is no country, but the code of US-WA and AU-WA: name those.
      std::vector<std::string> ids;
      for (const auto* x : other_readings(cat, *s.region, nullptr)) ids.push_back(x->id);
      if (ids.empty()) throw;
      throw unknown_key_error("region", *s.region, ids);
    }
  prov = s.provider ? &cat.find_provider(*s.provider)
                         : (reg && !reg->provider.empty()) ? cat.get_provider(reg->provider)
                                                           : nullptr;
  // A cloud region belongs to one provider: another one, given or implied by the
  // hardware, contradicts it.
  if (reg && prov && !reg->provider.empty() && prov->id != reg->provider) {
    if (given.provider)
      throw input_error("provider", *given.provider,
                        text::format("{} (region {} belongs to {}), or no provider", reg->provider, reg->id, reg->provider));
    throw input_error("region", *given.region,
                      text::format("a region of {} ({}:…) or a grid region (e.g. FR, US-CA): {}", hw_provider,
                                   hw_provider, hw_why));
  }
  // A region name that reads two ways (CA: Canada or California; Georgia: the country or
  // the US state): say which was taken and how to ask for the other. A region or provider
  // given by an alias: say what it was read as (FRA is FR).
  if (rec.context && reg && given.region) {
    if (const auto others = other_readings(cat, *given.region, reg); !others.empty()) {
      std::string alt;
      for (std::size_t k = 0; k < others.size(); ++k)
        alt += text::format("{}{} ({}): give region={}", k == 0 ? "" : "; ", others[k]->id, others[k]->name, others[k]->id);
      r.notes.push_back(text::format("region={} taken as {} ({}); it may also mean {}", *given.region, reg->id, reg->name, alt));
    } else if (!same_id(*given.region, reg->id)) {
      r.notes.push_back(text::format("region {} read as {} ({})", *given.region, reg->id, reg->name));
    }
  }
  if (rec.context && prov && given.provider && !same_id(*given.provider, prov->id))
    r.notes.push_back(text::format("provider {} read as {} ({})", *given.provider, prov->id, prov->name));
  if (s.site_kind) {
    site = defaults::find_site_profile(*s.site_kind);
    if (!site) {
      std::vector<std::string> ids;
      for (const auto& p : defaults::site_profiles) ids.emplace_back(p.id);
      throw unknown_key_error("site_kind", *s.site_kind, ids);
    }
    if (!site->servers() && rec.context && (prov || (reg && !reg->provider.empty())))
      r.notes.push_back(text::format("site_kind {}: the region's and provider's data-centre PUE and WUE are not used",
                                     site->id));
    // A data-centre part (or several accelerators) at a personal site: kept, but said.
    if ((site->kind == defaults::site_kind::desktop || site->kind == defaults::site_kind::laptop) && rec.context && acc &&
        acc->segment == "data-centre")
      r.notes.push_back(text::format("site_kind {} with {} (a data-centre part): {} does not hold it; the {}'s PUE "
                                     "and host are used as given, check site_kind (data-centre or server-room)",
                                     site->id, acc->id, text::with_article(site->name), site->name));
    else if (!site->servers() && rec.context && s.count && *s.count > 2 * site->accelerators_per_machine)
      r.notes.push_back(text::format("site_kind {} with {} accelerators: {:g} machines of {}; check site_kind "
                                     "(data-centre or server-room)",
                                     site->id, *s.count, std::ceil(static_cast<double>(*s.count) / site->accelerators_per_machine),
                                     site->accelerators_per_machine));
  } else if (prov || (reg && !reg->provider.empty()) || !acc) {
    site = &defaults::site_profile_of(defaults::site_kind::data_centre);
  } else {
    site = &defaults::site_profile_of(defaults::site_kind_for_segment(acc->segment));
    if (!site->servers() && rec.context)
      r.notes.push_back(text::format("site: {} ({} is {} part): PUE {:g}, no on-site water, the host of one {}; give "
                                     "site_kind (data-centre, server-room, workstation, desktop, laptop) to change it",
                                     site->name, acc->id, text::with_article(acc->segment), site->pue.value, site->name));
  }
  site_servers = site->servers();
  // The hardware's provider beside no region of its own: its fleet figures, said once.
  if (rec.context && !hw_provider.empty() && !given.provider && (!reg || reg->provider.empty()) && !s.pue &&
      site->kind == defaults::site_kind::data_centre)
    r.notes.push_back(text::format("provider {} from the hardware ({}): the fleet PUE{} of {} {} used; one of its "
                                   "regions ({}:…) gives the region's own",
                                   hw_provider, hw_why, prov->cfe.empty() ? "" : " and carbon-free share", prov->name,
                                   prov->cfe.empty() ? "is" : "are", hw_provider));
  site_note = std::string(site->name) + (s.site_kind ? " (given)" : " site");
}

namespace {
/// What a given power above the accelerator's TDP likely is. A whole server's figure is the
/// usual slip (--power is per accelerator, host excluded): when the part's server profile
/// (data/hardware.json systems[]) draws about that much in all, or the power over its
/// accelerators is within the TDP (for a power of at least twice the TDP), it says so and
/// what was likely meant. As a note (`error` false) it names the TDP; as the hint of the
/// ceiling's error it does not: that error's one bound is the ceiling.
std::string above_tdp_note(double w, const accelerator& a, const catalog& cat, bool error = false) {
  const double tdp = *a.tdp_w;
  const system_profile* sys = a.system.empty() ? nullptr : cat.get_system(a.system);
  const int n = sys ? sys->accelerators : 0;
  if (n > 1 && sys->max_power_w && std::abs(w / *sys->max_power_w - 1) <= 0.05)
    return error ? text::format("power_w {:g} W is about the whole of {} ({} × {} and its host): power_w is the average "
                                "per accelerator, host excluded",
                                w, sys->id, n, a.id)
                 : text::format("power_w {:g} W is about the whole of {} ({} × {} and its host, at most {:g} W): "
                                "power_w is the average per accelerator, host excluded, at most its TDP of {:g} W",
                                w, sys->id, n, a.id, *sys->max_power_w, tdp);
  if (n > 1 && w >= 2 * tdp && w / n <= tdp * 1.05)
    return error ? text::format("did you mean power_w {:.4g} ({:g} W over the {} accelerators of {})? power_w is per "
                                "accelerator",
                                w / n, w, n, sys->id)
                 : text::format("power_w {:g} W is above {}'s TDP of {:g} W: did you mean power_w {:.4g} ({:g} W over "
                                "the {} accelerators of {})? power_w is per accelerator",
                                w, a.id, tdp, w / n, w, n, sys->id);
  return error ? std::string("check the value, and that it is the average per accelerator, host excluded, in W")
               : text::format("power_w {:g} W is above {}'s TDP of {:g} W: an average above TDP is unusual; check the "
                              "value (or the hardware)",
                              w, a.id, tdp);
}
/// What an idle accelerator draws: the utilisation model's idle floor (defaults.hpp:
/// power_idle_fraction, an idle H200's 126.6 W of its 700 W limit) × its TDP; none for a
/// part without a published TDP or a CPU. Below it is noted (parts idle lower than the
/// H200); below half of it, the pilot's line (pilot.cpp), a whole-run average is a slip
/// and refused (methodology §7.2).
std::optional<double> idle_floor_w(const accelerator* a, bool cpu) {
  if (!a || cpu || !a->tdp_w) return std::nullopt;
  return defaults::power_idle_fraction.value * *a->tdp_w;
}
std::string idle_why(const accelerator& a) {
  return text::format("what an idle {} draws, about {:.3g} W ({:.2g} × its TDP of {:g} W, the idle share measured on "
                      "an H200)",
                      a.id, defaults::power_idle_fraction.value * *a.tdp_w, defaults::power_idle_fraction.value, *a.tdp_w);
}
/// The most a part can draw on average, host included: its server's maximum system power
/// over its accelerators (data/hardware.json systems[].max_power_w, from the maker's
/// datasheet); for a part without such a server, its TDP × the largest such ratio of any
/// catalog server (max power per accelerator / the accelerators' TDP). A power per
/// accelerator above it is not unusual but impossible: the server's supply cannot give it.
struct power_ceiling {
  double w = 0;
  std::string why;
};
std::optional<power_ceiling> ceiling_of(const accelerator& a, const catalog& cat) {
  const system_profile* own = a.system.empty() ? nullptr : cat.get_system(a.system);
  if (own && own->max_power_w && own->accelerators > 0)
    return power_ceiling{*own->max_power_w / own->accelerators,
                         text::format("{}'s maximum system power, {:g} W with its host, over its {} accelerators",
                                      own->id, *own->max_power_w, own->accelerators)};
  // Only a datasheet maximum scales: a TPU's or CPU's catalog power is a typical or derived figure.
  if (!a.tdp_w || a.tdp_kind != "datasheet_max") return std::nullopt;
  double best = 0;
  const system_profile* by = nullptr;
  double by_tdp = 0;
  for (const auto& sys : cat.systems()) {
    const accelerator* sa = sys.max_power_w && sys.accelerators > 0 ? cat.get_accelerator(sys.accelerator) : nullptr;
    if (!sa || !sa->tdp_w || !(*sa->tdp_w > 0)) continue;
    if (const double ratio = *sys.max_power_w / sys.accelerators / *sa->tdp_w; ratio > best) {
      best = ratio;
      by = &sys;
      by_tdp = *sa->tdp_w;
    }
  }
  if (!by) return std::nullopt;
  return power_ceiling{*a.tdp_w * best,
                       text::format("{:.3g} × its TDP of {:g} W, the most any catalog server draws per accelerator "
                                    "for its accelerators' TDP ({}: {:g} W over {} × {:g} W)",
                                    best, *a.tdp_w, by->id, *by->max_power_w, by->accelerators, by_tdp)};
}
}  // namespace

void resolver::power_ceiling_check() const {
  // A power that no server could supply, or that no running accelerator draws: bad input
  // (a unit or a whole-server figure typed per accelerator, W for kW), not a note. Values
  // above the TDP but within the server's supply, or below the idle floor but above half
  // of it, stay notes (power()).
  if (!acc || cpu || !s.power_w || !in.accelerator_power_w) return;  // nothing given to check: no catalog scan, no text
  // A range is checked at its ends (the low one against the floor, the high one against
  // the ceiling), each named as that end: every sample lies between them.
  const range* user_range = given_range(s, "power_w");
  auto shown = [&](double v, std::string_view end) {
    return text::format("{:g} W per accelerator{}", v, user_range ? range_end_text(end, *user_range) : std::string{});
  };
  const double w = user_range ? user_range->low : *in.accelerator_power_w;
  if (const auto idle = idle_floor_w(acc, cpu); idle && w < *idle / 2) {
    const bool kw = w * 1000 >= *idle && w * 1000 <= *acc->tdp_w;  // W typed for kW, and kW is possible
    throw input_error("power_w", shown(w, "low"),
                      text::format("at least {:.3g} W on {}: half {}; {}", *idle / 2, acc->id, idle_why(*acc),
                                   kw ? text::format("did you give kW? {:g} kW is {:g} W: power_w {:g}", w, w * 1000, w * 1000)
                                      : std::string("power_w is the average per accelerator over the run, host excluded, "
                                                    "in W")));
  }
  const double top = user_range ? user_range->high : *in.accelerator_power_w;
  const auto ceiling = ceiling_of(*acc, cat);
  if (ceiling && top > ceiling->w)
    throw input_error("power_w", shown(top, "high"),
                      text::format("at most {:.4g} W on {} ({}): {}", ceiling->w, acc->id, ceiling->why,
                                   // For a range, no single value to suggest: what the note would divide is one end.
                                   user_range ? std::string("check the range's high end, and that it is the average per "
                                                            "accelerator, host excluded, in W")
                                              : above_tdp_note(top, *acc, cat, true)));
}

double resolver::pue_upper() const {
  // The run's own PUE at the top of its range: a given range's high end or a given PUE;
  // a catalog PUE's spread on PUE − 1 (site_section()); the site's default range.
  if (s.pue) {
    const range* user_range = given_range(s, "pue");
    return user_range ? std::max(user_range->high, *s.pue) : *s.pue;
  }
  const provenance* p = site_reg && site_reg->pue ? &site_reg->pue->prov : prov_pue ? &prov_pue->prov : nullptr;
  if (p) return 1 + (in.pue - 1) * spread_of(*p).factor;
  if (site) return std::max(site->pue.high, in.pue);
  return limits::pue;  // no PUE known: the largest trainprint takes
}

void resolver::measured_energy_check() {
  // The measured energy over the accelerator-hours the user gave (not modelled ones: an MFU
  // guess could be far off), against what the accelerators can draw (§7.2):
  // - the whole of it at most the ceiling per accelerator (the server's maximum system
  //   power per accelerator, host included) at the accelerators and servers boundaries, and
  //   that × the upper end of the run's PUE at the facility: loose on purpose (an
  //   accelerator alone draws less than its share of the server's maximum); it catches a
  //   unit slip (Wh for kWh, ×1,000), a facility's energy given as the servers', or a whole
  //   cluster's energy put on too few hours;
  // - the accelerators' part of it, as the estimate shows it (PUE and the host's share
  //   taken out, evaluate()), held to what a --power of that many watts is held to
  //   (power_ceiling_check(), power()): below half the idle floor an error, below the floor
  //   a note, above the TDP a note, above the ceiling an error.
  if (!acc || cpu || !measured) return;
  for (const char* k : {"energy_kwh", "gpu_hours", "duration_h"})
    if (s.ranges.contains(k)) return;
  // On the flops path the hours are the model's (from the fitted MFU), not the run's.
  const bool predicted = in.path == path::flops;
  const double hours = in.path == path::accelerator_hours ? in.accelerator_hours
                       : in.path == path::duration          ? in.duration_h * in.count.value_or(0.0)
                                                            : evaluate(in)[output::accelerator_hours];
  if (!(hours > 0)) return;
  const double kwh = *in.measured_energy_kwh, w = kwh * 1000.0 / hours;
  // The accelerators' average power that a measured energy of e_kwh implies: the same
  // split the estimate shows (detail/model.hpp), here at the run's central PUE.
  auto accelerators_w = [&](double e_kwh) {
    model_inputs m = in;
    m.measured_energy_kwh = e_kwh;
    return evaluate(m)[output::accelerator_power];
  };
  // The measured energy at which the accelerators' part is target_w (it grows with the
  // energy): by bisection, so that the bound is exact for whichever split applies.
  auto kwh_for = [&](double target_w) {
    double lo = 0, hi = kwh;
    for (int k = 0; k < 64 && accelerators_w(hi) < target_w; ++k) hi *= 2;
    for (int k = 0; k < 100; ++k) {
      const double mid = (lo + hi) / 2;
      (accelerators_w(mid) < target_w ? lo : hi) = mid;
    }
    return hi;
  };
  const double acc_w = accelerators_w(kwh);
  const bool split = in.measured_boundary != energy_boundary::accelerators;
  const bool facility = in.measured_boundary == energy_boundary::facility;
  const std::string got = text::format("{:g} kWh at the {} boundary over {:.4g} accelerator-hours, {:.4g} W per accelerator",
                                       kwh, to_string(in.measured_boundary), hours, w);
  // Where the energy holds more than the accelerators': what was taken out to reach their part.
  const std::string taken_out =
      !split ? std::string()
             : text::format(" once {}the host's share ({:.4g} W) {} taken out",
                            facility ? text::format("the PUE ({:.3g}) and ", in.pue) : std::string(),
                            evaluate(in)[output::host_power], facility ? "are" : "is");
  // Over predicted hours, what the energy implies is only a note (above the TDP), never an
  // error: the run may have taken other hours than the model's.
  if (predicted) {
    if (acc->tdp_w && acc_w > *acc->tdp_w && rec.context)
      r.notes.push_back(text::format(
          "the measured energy, {:g} kWh over the {:.4g} accelerator-hours predicted from the fitted MFU, is {:.4g} W "
          "per accelerator{}, above {}'s TDP of {:g} W: check the value, its unit (kWh) and energy_boundary, or give "
          "gpu_hours (or duration_h with `count`) for the run's own hours",
          kwh, hours, acc_w, taken_out, acc->id, *acc->tdp_w));
    return;
  }
  const std::string got_acc =
      !split ? got
             : text::format("{:g} kWh at the {} boundary over {:.4g} accelerator-hours, {:.4g} W per accelerator{}", kwh,
                            to_string(in.measured_boundary), hours, acc_w, taken_out);
  // The same bound at the energy's boundary: the host's share (and the PUE) added on top.
  const std::string on_top = !split   ? std::string()
                             : facility ? text::format(", with its host's share and PUE {:.3g} on top", in.pue)
                                        : std::string(", with its host's share on top");
  const auto ceiling = ceiling_of(*acc, cat);
  const double pue = facility ? pue_upper() : 1.0;
  const std::optional<double> most_w = ceiling ? std::optional(ceiling->w * pue) : std::nullopt;
  const auto idle = idle_floor_w(acc, cpu);
  // A figure 1,000 times off in the other direction that would be possible: the unit slip.
  auto possible = [&](double e_kwh) {
    const double a = accelerators_w(e_kwh), t = e_kwh * 1000.0 / hours;
    return (!idle || a >= *idle / 2) && (!most_w || t <= *most_w) && (!ceiling || a <= ceiling->w);
  };
  if (idle && acc_w < *idle / 2)
    throw input_error("energy_kwh", got_acc,
                      text::format("at least {:.4g} kWh: {:.3g} W per accelerator on {}{}, half {}; {}",
                                   kwh_for(*idle / 2), *idle / 2, acc->id, on_top,
                                   idle_why(*acc),
                                   possible(kwh * 1000) ? detail::energy_unit_hint(kwh, false)
                                                        : std::string("check the value, its unit (kWh) and the hours")));
  if (idle && acc_w < *idle && rec.context)
    r.notes.push_back(text::format("the measured energy, {:g} kWh over {:.4g} accelerator-hours, is {:.4g} W per "
                                   "accelerator{}, below {}: check the value, its unit (kWh) and the hours",
                                   kwh, hours, acc_w, taken_out, idle_why(*acc)));
  const std::string unit_or_check = possible(kwh / 1000) ? detail::energy_unit_hint(kwh, true)
                                        : std::string("check the value, its unit (kWh), energy_boundary and the hours");
  if (most_w && w > *most_w) {
    const double most_kwh = *most_w * hours / 1000.0;
    std::string pue_why;
    if (facility)
      pue_why = !site ? text::format(", × PUE {:g}, the largest trainprint takes", pue)
                : s.pue && s.ranges.contains("pue") ? text::format(", × PUE {:.3g}, the top of the pue range given", pue)
                : s.pue                             ? text::format(", × the given PUE {:.3g}", pue)
                                                    : text::format(", × PUE {:.3g}, the top of the run's PUE range (give "
                                                                   "`pue` for your site's own)", pue);
    // Both sides on one basis: at the facility the PUE the bound multiplies by is taken
    // out of the given energy too; numbers to 4 significant digits, never with an exponent.
    auto plain = [](double x) {
      if (std::abs(x) < 1e4) return text::format("{:.4g}", x);
      const double step = std::pow(10.0, std::floor(std::log10(std::abs(x))) - 3);
      return text::format("{:.0f}", std::round(x / step) * step);
    };
    const std::string got_basis =
        text::format("{} kWh at the {} boundary over {} accelerator-hours, {} W per accelerator{}", plain(kwh),
                     to_string(in.measured_boundary), plain(hours), plain(w / pue),
                     facility ? text::format(" once the PUE ({:.3g}) is taken out", pue) : std::string());
    throw input_error("energy_kwh", got_basis,
                      text::format("at most {} kWh: {} W per accelerator on {} ({}){}; {}", plain(most_kwh),
                                   plain(ceiling->w),
                                   acc->id, ceiling->why, pue_why, unit_or_check));
  }
  // The accelerators' part above what --power may be (power_ceiling_check()).
  if (ceiling && acc_w > ceiling->w)
    throw input_error("energy_kwh", got_acc,
                      text::format("at most {:.4g} kWh: {:.4g} W per accelerator on {} ({}){}; {}", kwh_for(ceiling->w),
                                   ceiling->w, acc->id, ceiling->why, on_top,
                                   unit_or_check));
  // Above the TDP but within the ceiling: the note a --power of that many watts gets (power()).
  if (acc->tdp_w && acc_w > *acc->tdp_w && rec.context)
    r.notes.push_back(text::format("the measured energy, {:g} kWh over {:.4g} accelerator-hours, is {:.4g} W per "
                                   "accelerator{}, above {}'s TDP of {:g} W: an average above TDP is unusual; check the "
                                   "value, its unit (kWh), energy_boundary and the hours (or the hardware)",
                                   kwh, hours, acc_w, taken_out, acc->id, *acc->tdp_w));
}

void resolver::measured_energy() {
  // --- measured energy (§7) ---
  measured = s.energy_kwh.has_value();
  if (measured) {
    in.measured_energy_kwh = s.energy_kwh->in_kwh();
    in.measured_boundary = *s.energy_boundary;
    TRAINPRINT_TRACE(tr, "energy_measured_kwh", *in.measured_energy_kwh, "kWh", origin::user, {},
                     text::format("measured at the {} boundary; replaces the modelled energy{}",
                                  to_string(in.measured_boundary),
                                  in.measured_boundary == energy_boundary::facility ? " (PUE not applied to it)"
                                  : in.measured_boundary == energy_boundary::servers ? " (PUE applied on top)"
                                      : " (host from the model and PUE applied on top)"));
  }
  // Without hardware or power_w a measured energy of servers or the facility needs no
  // power model: the energy is not split between accelerators and host.
  unmodelled = measured && !acc && !s.power_w;
  // A power beside a measured energy: the measured energy wins (docs/methodology.md §7), and the
  // power is not ignored but no longer sets the energy; said, since a user may expect it to.
  if (measured && rec.context && (s.power_w || s.power_fraction)) {
    const std::string p = s.power_w ? text::format("power_w {:g} W", s.power_w->in_watts()) : text::format("power_fraction {:g}", *s.power_fraction);
    r.notes.push_back(text::format(
        "{} does not set the energy: the measured energy replaces the modelled one, and {} only {} (and sets the "
        "modelled estimate it is compared with)",
        p, s.power_w ? "power_w" : "power_fraction",
        in.measured_boundary == energy_boundary::accelerators ? "sets the host's draw beside the measured accelerators"
                                                              : "splits it between the accelerators and their host"));
  }
}

void resolver::power() {
  // --- power (§1.2) ---
  // A convention (scenario.hpp) sets the boundary; model-card also the power (TDP) and
  // leaves embodied emissions out (check_convention has refused inputs that disagree).
  ctx.boundary = s.boundary ? *s.boundary : s.convention ? boundary_of(*s.convention) : boundary::servers;
  in.servers = ctx.boundary == boundary::servers;
  ctx.convention = s.convention ? *s.convention : in.servers ? convention::servers : convention::accelerators;
  at_tdp = ctx.convention == convention::model_card;
  TRAINPRINT_TRACE(tr, "boundary_servers", in.servers ? 1 : 0, "bool",
                   s.boundary || s.convention ? origin::user : origin::fallback, {},
                   std::string(in.servers ? "servers: accelerators + host" : "accelerators only") +
                       (s.convention ? "; convention " + std::string(to_string(*s.convention)) : ""));
  // One utilisation model (defaults.hpp): without a given power, the accelerator draws the
  // typical whole-run fraction at the fitted MFU and follows the run's MFU from there (the
  // host with it); a catalog power that is already a measured average is used as it is.
  const bool measured_avg = acc && acc->tdp_kind == "measured_avg";
  const auto& pf_default = cpu ? detail::cpu_core_usage
                            : measured_avg ? defaults::power_fraction_measured_avg : defaults::power_fraction_typical;
  if (s.power_fraction) {
    in.power_fraction = *s.power_fraction;
  } else if (at_tdp) {
    in.power_fraction = 1;
  } else if (!s.power_w) {
    in.power_fraction = pf_default.value;
    in.power_follows_mfu = !measured_avg && !hours_only && in.mfu_reference > 0;
    in.idle_fraction = defaults::power_idle_fraction.value;
  }
  if (s.power_w) {
    in.accelerator_power_w = s.power_w->in_watts();
    TRAINPRINT_TRACE(tr, "accelerator_power_w", *in.accelerator_power_w, "W", origin::user, {}, "average per accelerator");
    rg.user(ui::accelerator_power_w, "power_w", *in.accelerator_power_w, "W");
    // With a range, its ends are judged: the high one against the TDP, the low one against idle.
    const range* user_range = given_range(s, "power_w");
    const double high = user_range ? user_range->high : *in.accelerator_power_w;
    const double low = user_range ? user_range->low : *in.accelerator_power_w;
    if (acc && acc->tdp_w && high > *acc->tdp_w && rec.context)
      r.notes.push_back(above_tdp_note(high, *acc, cat) +
                        (user_range ? range_end_text("high", *user_range, " W") : std::string{}));
    if (const double idle = defaults::power_idle_fraction.value; acc && acc->tdp_w && !cpu &&
        low < idle * *acc->tdp_w && rec.context)
      r.notes.push_back(text::format("power_w {:g} W is below what an idle {} draws (about {:.3g} W, {:.2g} × its TDP "
                                     "of {:g} W, the idle share measured on an H200): check the value, or whether it "
                                     "is per accelerator{}",
                                     low, acc->id, idle * *acc->tdp_w, idle, *acc->tdp_w,
                                     user_range ? range_end_text("low", *user_range, " W") : std::string{}));
  } else if (unmodelled) {
    if (rec.context)
      r.notes.emplace_back("no hardware or power_w: the measured energy is not split between accelerators and host "
                           "(all of it is shown under accelerators), and no modelled estimate is shown beside it");
  } else {
    if (!acc) throw input_error("hardware", "", "give `hardware` (e.g. h100) or power_w");
    need_tdp("");
    if (s.power_fraction) {
      rg.user(ui::power_fraction, "power_fraction", in.power_fraction, "1");
      TRAINPRINT_TRACE(tr, "power_fraction", in.power_fraction, "1", origin::user);
    } else if (at_tdp) {
      rg.user(ui::power_fraction, "power_fraction", in.power_fraction, "1");
      TRAINPRINT_TRACE(tr, "power_fraction", in.power_fraction, "1", origin::user, {},
                       "convention model-card: accelerators at TDP (accelerator-hours × TDP × PUE)");
    } else {
      rg.fallback(ui::power_fraction, "1", in.power_fraction, pf_default);
      TRAINPRINT_TRACE(tr, "power_fraction", in.power_fraction, "1", origin::fallback, std::string(pf_default.source),
             cpu ? "CPU cores busy for the whole run (Green Algorithms' default usage factor)"
             : measured_avg ? acc->id + "'s catalog power is a measured average under load"
             : in.power_follows_mfu
                 ? text::format("typical whole-run fraction at the fitted MFU {:.3g}; follows the run's MFU: idle {:.3g} + "
                                "(fraction − idle) × MFU / {:.3g}, at most 1",
                                in.mfu_reference, in.idle_fraction, in.mfu_reference)
                 : std::string("typical whole-run fraction (the MFU is not known)"));
    }
  }
  // Inputs that the others given leave without effect: said, not silently dropped.
  if (rec.context && s.power_w && s.power_fraction)
    r.notes.push_back(text::format("power_fraction={:g} is not used: power_w={:g} gives the average power",
                                   *s.power_fraction, s.power_w->in_watts()));
  if (rec.context && !in.servers && s.host_power_w)
    r.notes.push_back(text::format("host_power_w={:g} is not used: boundary={} counts the accelerators only; give "
                                   "boundary=servers to count the host",
                                   s.host_power_w->in_watts(), in.servers ? "servers" : "accelerators"));
  if (in.servers) {
    if (s.host_power_w) {
      in.host_power_w = s.host_power_w->in_watts();
      TRAINPRINT_TRACE(tr, "host_power_w", *in.host_power_w, "W", origin::user, {}, "per accelerator");
      rg.user(ui::host_power_w, "host_power_w", *in.host_power_w, "W");
    } else if (unmodelled && in.measured_boundary != energy_boundary::accelerators) {
      in.host_max_w = 0;  // inside the measured energy
    } else {
      if (!acc)
        throw input_error("host_power_w", "",
                          measured ? "energy_boundary=accelerators at boundary servers adds the host's energy from the "
                                     "model: give `hardware` or host_power_w (or boundary=accelerators)"
                                   : "boundary=servers needs `hardware` or host_power_w (or boundary=accelerators)");
      // Without a published TDP a given average power stands in for it (TPU v5e: --power alone is enough).
      if (!s.power_w) need_tdp(", host_power_w, or boundary=accelerators");
      const double tdp = acc->tdp_w ? *acc->tdp_w : s.power_w->in_watts();
      const system_profile* sys = acc->system.empty() ? nullptr : cat.get_system(acc->system);
      if (hours_only) {
        in.host_max_w = 0;
        const std::string src = cpu ? std::string(detail::cpu_core_usage.source) : acc->prov.citation();
        TRAINPRINT_TRACE(tr, "host_max_power_w", 0, "W", origin::fallback, src, detail::hours_only_host_note(*acc));
        rg.add(ui::host_max_w, "W", {0, 0, 0}, "fixed: the part's power covers what runs the job", src);
        if (rec.context) r.notes.push_back(detail::hours_only_host_note(*acc));
      } else if (defaults::host_included(acc->family)) {
        in.host_max_w = 0;
        const std::string src(defaults::host_included_source_of(acc->family));
        TRAINPRINT_TRACE(tr, "host_max_power_w", 0, "W", origin::fallback, src,
               text::format("{}'s catalog power ({:g} W) {}", acc->id, tdp,
                            acc->family == "grace-hopper" ? "is the module's, its CPU and memory included"
                                                          : "is measured system power per chip, host included"));
        rg.add(ui::host_max_w, "W", {0, 0, 0}, "fixed: host included in the catalog's power", src);
      } else if (!site_servers) {
        // One machine of the site holds up to accelerators_per_machine accelerators; each takes
        // an equal share of its host.
        const double n = in.count.value_or(1.0);
        const double machines = std::ceil(n / site->accelerators_per_machine);
        const double share = machines / n;
        in.host_max_w = site->machine_host_w.value * share;
        TRAINPRINT_TRACE(tr, "host_max_power_w", in.host_max_w, "W", origin::fallback,
               std::string(site->machine_host_w.source),
               text::format("{}: one machine's host {:.4g} W × {:g} machine(s) / {:g} accelerator(s)", site_note,
                            site->machine_host_w.value, machines, n));
        rg.fallback(ui::host_max_w, "W", in.host_max_w, site->machine_host_w, share);
      } else if (sys && sys->max_power_w && sys->accelerators > 0) {
        // The server's non-accelerator budget, with the accelerators it was specified with
        // (the shipped catalog's TDP): capping the accelerator does not grow the host.
        const double n = sys->accelerators;
        const accelerator* stock = &cat == &catalog::embedded() ? nullptr : catalog::embedded().get_accelerator(sys->accelerator);
        const double stock_tdp = stock && stock->tdp_w ? *stock->tdp_w : tdp;
        in.host_max_w = std::max(0.0, (*sys->max_power_w - n * stock_tdp) / n);
        TRAINPRINT_TRACE(tr, "host_max_power_w", in.host_max_w, "W", origin::catalog, sys->prov.citation(),
               text::format("{}: ({:g} W − {:g} × {:g} W) / {:g}", sys->id, *sys->max_power_w, n, stock_tdp, n));
        rg.from_catalog(ui::host_max_w, "W", in.host_max_w, sys->prov);
      } else {
        in.host_max_w = tdp * defaults::host_max_fraction_of_tdp.value;
        TRAINPRINT_TRACE(tr, "host_max_power_w", in.host_max_w, "W", origin::fallback,
               std::string(defaults::host_max_fraction_of_tdp.source),
               text::format("no server profile with a published maximum for {}: TDP × 4600/5600", acc->id));
        rg.fallback(ui::host_max_w, "W", in.host_max_w, defaults::host_max_fraction_of_tdp, tdp);
      }
      if (s.power_fraction) {
        in.host_utilisation = *s.power_fraction;
        in.host_link = detail::host_link::fraction;
        TRAINPRINT_TRACE(tr, "host_utilisation", in.host_utilisation, "1", origin::derived, {}, "= power_fraction");
      } else if (s.power_w) {
        in.host_utilisation = std::min(1.0, s.power_w->in_watts() / tdp);
        in.host_link = detail::host_link::power;
        TRAINPRINT_TRACE(tr, "host_utilisation", in.host_utilisation, "1", origin::derived, {}, "= min(1, power_w / tdp_w)");
      } else {
        // The host runs as busy as the accelerators (host_link fraction); beside a catalog
        // power that is a measured average it keeps the typical fraction.
        // Beside a measured energy the host follows the accelerators' power that the energy
        // implies, by the rule a given power_w sets it with (host_link::implied, §7.2; the
        // trace's host_power says so).
        in.host_utilisation = defaults::power_fraction_typical.value;
        if (!measured_avg) in.host_link = measured ? detail::host_link::implied : detail::host_link::fraction;
        if (in.host_link != detail::host_link::implied)
          TRAINPRINT_TRACE(tr, "host_utilisation", in.host_utilisation, "1", origin::fallback,
                 std::string(defaults::power_fraction_typical.source),
                 measured_avg ? "typical whole-run fraction (the accelerator's power is a measured average)"
                              : "the host is taken to run at the accelerators' power fraction");
      }
    }
  }
}

}  // namespace trainprint::inline v0::resolving
