// Overlays: a user file on top of the catalog, all or nothing. A file with any
// problem leaves the catalog as it was.

#include <fstream>
#include <sstream>

#include "catalog/impl.hpp"
#include "catalog/memo.hpp"

namespace trainprint::inline v0 {

struct catalog::impl::saved_state {
  std::string version, date;
  std::size_t sources_count = 0;
  std::unordered_map<std::string, const source_info*> source_by_id;
  catalog_detail::catalog_tables_base tables;
};

catalog::impl::saved_state catalog::impl::save() const {
  return {version, date, sources.size(), source_by_id, *this};
}

void catalog::impl::restore(saved_state&& s) {
  version = std::move(s.version);
  date = std::move(s.date);
  sources.resize(s.sources_count);  // shrinking a deque at the back keeps the others' addresses
  source_by_id = std::move(s.source_by_id);
  static_cast<catalog_detail::catalog_tables_base&>(*this) = std::move(s.tables);
}

catalog catalog::with_overlays(std::span<const std::filesystem::path> files) {
  catalog c;
  c.impl_ = impl::load_embedded();
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) throw data_error(f.string(), "", "cannot open the file for reading");
    std::ostringstream ss;
    ss << in.rdbuf();
    c.overlay(ss.str(), f.string());
  }
  return c;
}

std::vector<std::string> catalog::overlay_problems(std::string_view json_text, const std::string& file_name) {
  std::vector<std::string> problems;
  catalog_detail::forget_memos(this);
  impl_->drop_lazy();
  auto saved = impl_->save();
  impl_->collect = &problems;
  try {
    impl_->load(json_text, file_name, true);
    if (problems.empty()) impl_->check_references();
  } catch (const data_error& e) {
    problems.emplace_back(e.what());
  } catch (...) {
    impl_->collect = nullptr;
    impl_->restore(std::move(saved));
    throw;
  }
  impl_->collect = nullptr;
  impl_->restore(std::move(saved));
  return problems;
}

void catalog::overlay(std::string_view json_text, const std::string& file_name) {
  catalog_detail::forget_memos(this);
  impl_->drop_lazy();
  auto saved = impl_->save();
  try {
    impl_->load(json_text, file_name, true);
    impl_->check_references();
  } catch (...) {
    impl_->restore(std::move(saved));
    throw;
  }
}

}  // namespace trainprint::inline v0
