// The sources a report cites: a citation split into title, year and url, and the list
// numbered by first use (report_document.hpp).

#include "report_document.hpp"

#include <algorithm>
#include <cctype>

namespace trainprint::inline v0::report_detail {

/// Splits "title (year), url" (the year and url optional) for a citation list.
source_ref parse_citation(const std::string& c) {
  source_ref r{c, c, {}, {}};
  if (auto p = r.title.rfind(", http"); p != std::string::npos) {
    r.url = r.title.substr(p + 2);
    r.title.resize(p);
  } else if (r.title.rfind("http", 0) == 0) {
    r.url = r.title;
    r.title.clear();
  }
  // "(2023)" at the end of the title, else the last year-like number in it.
  const auto n = r.title.size();
  if (n >= 7 && r.title[n - 1] == ')' && r.title[n - 6] == '(' &&
      std::all_of(r.title.begin() + static_cast<std::ptrdiff_t>(n - 5), r.title.end() - 1,
                  [](char ch) { return ch >= '0' && ch <= '9'; })) {
    r.year = r.title.substr(n - 5, 4);
    r.title.resize(n - 7);
  } else {
    for (std::size_t i = 0; i + 4 <= r.title.size(); ++i) {
      const auto y = r.title.substr(i, 4);
      const bool digits = std::all_of(y.begin(), y.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      const bool alone = (i == 0 || !std::isdigit(static_cast<unsigned char>(r.title[i - 1]))) &&
                         (i + 4 == r.title.size() || !std::isdigit(static_cast<unsigned char>(r.title[i + 4])));
      if (digits && alone && (y.rfind("19", 0) == 0 || y.rfind("20", 0) == 0)) r.year = y;
    }
  }
  return r;
}

int source_list::add(const std::string& citation) {
  if (citation.empty()) return 0;
  auto [it, fresh] = index.try_emplace(citation, static_cast<int>(list.size()) + 1);
  if (fresh) {
    list.push_back(parse_citation(citation));
    if (list.back().url.empty() && citation.find("docs/methodology.md") != std::string::npos)
      list.back().url = methodology_url;
  }
  return it->second;
}

}  // namespace trainprint::inline v0::report_detail
