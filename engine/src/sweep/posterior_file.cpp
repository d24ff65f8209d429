// SPDX-License-Identifier: Apache-2.0
#include "pocsim/sweep/posterior_file.hpp"

#include <cmath>
#include <cstdio>

#include "pocsim/scenario/value_text.hpp"

namespace pocsim::sweep {

namespace {

struct Cell {
  std::string text;
  int column = 1;  // 1-based
};

// The fields of one line of a plain CSV (the contract has no quoting: key
// paths and numbers need none), each with the column it starts at.
std::vector<Cell> split_cells(const std::string& line) {
  std::vector<Cell> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    cells.push_back(
        {line.substr(start, comma == std::string::npos ? std::string::npos : comma - start),
         static_cast<int>(start) + 1});
    if (comma == std::string::npos) return cells;
    start = comma + 1;
  }
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::string bytes_hash(const std::string& bytes) {
  std::uint64_t h = 14695981039346656037ull;
  for (const unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

std::optional<Posterior> parse_posterior(const std::string& text, const std::filesystem::path& file,
                                         const std::string& sweep_key, Diagnostics& diagnostics) {
  Diagnostics found;
  const std::string name = file.string();
  auto error = [&](int line, int column, const std::string& message) {
    found.error({name, line, column}, sweep_key, message);
  };
  Posterior posterior;
  posterior.file = file;
  posterior.hash = bytes_hash(text);
  const std::vector<std::string> lines = lines_of(text);
  if (lines.empty() || lines.front().empty()) {
    error(1, 1, "the posterior file is empty; it starts with the header particle,weight,KEY,...");
    diagnostics.append(found);
    return std::nullopt;
  }
  const std::vector<Cell> header = split_cells(lines.front());
  if (header.size() < 3 || header[0].text != "particle" || header[1].text != "weight") {
    error(1, 1,
          "the header must be particle,weight then the scenario keys of the parameters, got '" +
              lines.front() + "'");
    diagnostics.append(found);
    return std::nullopt;
  }
  for (std::size_t k = 2; k < header.size(); ++k) {
    const Cell& key = header[k];
    for (std::size_t earlier = 2; earlier < k; ++earlier)
      if (header[earlier].text == key.text)
        error(1, key.column, "the key '" + key.text + "' has two columns");
    if (key.text.empty()) error(1, key.column, "a column without a key");
    posterior.keys.push_back(key.text);
    posterior.key_places.push_back({name, 1, key.column});
  }
  double weight_sum = 0.0;
  std::optional<std::uint64_t> last_id;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const int line = static_cast<int>(i) + 1;
    if (lines[i].empty()) {
      // A blank line at the very end is a trailing line break; elsewhere it
      // would hide a lost row.
      if (i + 1 == lines.size()) break;
      error(line, 1, "an empty line; every row is one particle");
      continue;
    }
    const std::vector<Cell> cells = split_cells(lines[i]);
    if (cells.size() != header.size()) {
      error(line, 1,
            "this row has " + std::to_string(cells.size()) + " fields, the header " +
                std::to_string(header.size()));
      continue;
    }
    Particle particle;
    const auto id = scenario::parse_integer<std::uint64_t>(cells[0].text);
    if (!id) {
      error(line, cells[0].column,
            "the particle number must be a whole number >= 0, got '" + cells[0].text + "'");
    } else {
      if (last_id && *id <= *last_id)
        error(line, cells[0].column,
              "particles must come in increasing order: " + cells[0].text + " after " +
                  std::to_string(*last_id));
      last_id = *id;
      particle.id = *id;
    }
    const auto weight = scenario::parse_number(cells[1].text);
    if (!weight || !std::isfinite(*weight) || *weight < 0.0) {
      error(line, cells[1].column, "the weight must be a number >= 0, got '" + cells[1].text + "'");
    } else {
      particle.weight = *weight;
      weight_sum += *weight;
    }
    for (std::size_t k = 2; k < cells.size(); ++k) {
      const auto value = scenario::parse_number(cells[k].text);
      if (!value || !std::isfinite(*value)) {
        error(line, cells[k].column,
              "'" + header[k].text + "' must be a number, got '" + cells[k].text + "'");
        continue;
      }
      particle.values.push_back({cells[k].text, *value, {name, line, cells[k].column}});
    }
    posterior.particles.push_back(std::move(particle));
  }
  if (found.empty() && posterior.particles.empty())
    error(1, 1, "the posterior has no particles (no row under the header)");
  if (found.empty() && std::fabs(weight_sum - 1.0) > posterior_weight_tolerance) {
    char sum[32];
    std::snprintf(sum, sizeof sum, "%.6g", weight_sum);
    error(1, header[1].column, std::string("the weights must sum to 1, they sum to ") + sum);
  }
  if (!found.empty()) {
    diagnostics.append(found);
    return std::nullopt;
  }
  // Printed weights sum to 1 only within their digits; the draws use them
  // exactly normalised.
  for (Particle& p : posterior.particles) p.weight /= weight_sum;
  return posterior;
}

}  // namespace pocsim::sweep
