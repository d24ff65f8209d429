// SPDX-License-Identifier: Apache-2.0
#include "support/scenarios.hpp"

#include <sstream>
#include <stdexcept>

#include "pocsim/scenario/loader.hpp"
#include "support/process.hpp"

namespace pocsim::test {

scenario::Scenario load_shipped(const std::string& relative,
                                const std::vector<std::string>& overrides) {
  std::vector<scenario::Override> parsed;
  for (const std::string& text : overrides) parsed.push_back(*scenario::Override::parse(text));
  scenario::LoadResult loaded =
      scenario::load_scenario(source_path("scenarios/" + relative), parsed);
  if (!loaded.scenario) {
    std::ostringstream text;
    loaded.diagnostics.print(text);
    throw std::runtime_error(text.str());
  }
  return *loaded.scenario;
}

}  // namespace pocsim::test
