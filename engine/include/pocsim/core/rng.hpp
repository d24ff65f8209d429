// SPDX-License-Identifier: Apache-2.0
#pragma once
// Counter-based random numbers: every draw is a pure function of
// (seed, purpose, agent, step, k), so no generator state is shared between
// threads and the order in which agents are processed never changes a result.
#include <Random123/philox.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace pocsim {

// Why a number is drawn. Each purpose is its own stream: adding a draw for one
// mechanism never shifts the numbers another mechanism sees.
// Values are fixed: a new purpose takes the next free number, so that adding
// one never changes the numbers drawn for the others.
enum class Purpose : std::uint32_t {
  population_layout = 1,
  unit_placement = 2,
  unit_route = 3,
  unit_target = 4,
  combat_engage = 5,
  combat_losses = 6,
  combat_crossfire = 7,
  violence_onset = 8,
  violence_duration = 9,
  violence_kill = 10,
  violence_infrastructure = 11,
  detection = 12,
  response_decision = 13,
  flight_authorisation = 14,
  response_arrival = 15,
  ied = 16,
  ground_access = 17,
  flee = 18,
  flee_destination = 19,
  return_home = 20,
  benchmark = 21,
  recruitment = 22,
  initial_displacement = 23,
  medevac = 24,
  investigation = 25,
  weather = 26,
  campaign_town = 27,
  abduction = 28,
  ultimatum = 29,
  // Sweep designs and their statistics (engine/src/sweep), not the model.
  latin_hypercube = 30,
  saltelli_design = 31,
  sobol_bootstrap = 32,
  posterior_draws = 39,  // the particles a sweep over a posterior runs (sweep/posterior_draws)
  // Calibration methods (engine/src/calibration), not the model.
  calibration_prior = 50,
  calibration_resample = 51,
  calibration_perturb = 52,
  calibration_candidate = 53,
  // Epstein civil-violence model (pocsim/classic).
  epstein_layout = 40,
  epstein_order = 41,
  epstein_move = 42,
  epstein_arrest = 43,
  epstein_jail_term = 44,
};

class CounterRng {
 public:
  explicit CounterRng(std::uint64_t seed) noexcept;

  // The largest value of each counter field (agent, step, k): callers that
  // number their draws from sizes check them against it.
  static constexpr std::size_t max_counter = 0xFFFFFFFFu;

  // 128 random bits for one (purpose, agent, step, k). Inline: hot loops
  // draw once per agent, and a call per draw would cost as much as Philox.
  std::array<std::uint32_t, 4> bits(Purpose purpose, std::uint32_t agent, std::uint32_t step,
                                    std::uint32_t k = 0) const noexcept {
    using Philox = r123::Philox4x32;
    const Philox::key_type key = {
        {static_cast<std::uint32_t>(seed_), static_cast<std::uint32_t>(seed_ >> 32)}};
    const Philox::ctr_type counter = {{static_cast<std::uint32_t>(purpose), agent, step, k}};
    const Philox::ctr_type out = Philox()(counter, key);
    return {out[0], out[1], out[2], out[3]};
  }

  // The blocks of agents first .. first + count - 1 for one (purpose,
  // step, k), block i in out[4 i .. 4 i + 3]: the numbers bits() gives,
  // computed eight at a time in AVX2 registers where the processor has them
  // (engine/src/core/rng_batch.cpp). For loops that draw one block for
  // every agent.
  void bits_for_agents(Purpose purpose, std::uint32_t first, std::size_t count, std::uint32_t step,
                       std::uint32_t k, std::uint32_t* out) const noexcept;
  // The same for the listed agents.
  void bits_for_agents(Purpose purpose, std::span<const std::uint32_t> agents, std::uint32_t step,
                       std::uint32_t k, std::uint32_t* out) const noexcept;

  // Uniform on [0, 1) with 53 random bits.
  double uniform(Purpose purpose, std::uint32_t agent, std::uint32_t step,
                 std::uint32_t k = 0) const noexcept {
    const auto b = bits(purpose, agent, step, k);
    return to_unit(b[0], b[1]);
  }
  // The uniform that uniform() makes of a block, from its first two words
  // (for blocks drawn in bulk by bits_for_agents).
  static double uniform_from_block(const std::uint32_t* block) noexcept {
    return to_unit(block[0], block[1]);
  }

  // Two independent uniforms on [0, 1) from one block.
  std::array<double, 2> uniform2(Purpose purpose, std::uint32_t agent, std::uint32_t step,
                                 std::uint32_t k = 0) const noexcept {
    const auto b = bits(purpose, agent, step, k);
    return {to_unit(b[0], b[1]), to_unit(b[2], b[3])};
  }

  std::uint64_t seed() const noexcept { return seed_; }

 private:
  static double to_unit(std::uint32_t hi, std::uint32_t lo) noexcept {
    const std::uint64_t mantissa = (static_cast<std::uint64_t>(hi) << 21) ^ (lo >> 11);
    return static_cast<double>(mantissa) * 0x1.0p-53;
  }

  void blocks(Purpose purpose, std::uint32_t first, const std::uint32_t* agents, std::size_t count,
              std::uint32_t step, std::uint32_t k, std::uint32_t* out) const noexcept;

  std::uint64_t seed_;
};

// Inverse-transform samplers driven by one uniform, so each draw stays a pure
// function of its counter.
// A number uniform in 0 .. n - 1 (n >= 1) from a random 32-bit word, exact
// by Lemire's method: a word whose low product falls below 2^32 mod n (a
// chance below n / 2^32) is replaced by more(), called until one is kept.
template <class MoreWords>
std::uint32_t uniform_below(std::uint32_t n, std::uint32_t word, MoreWords more) {
  std::uint64_t product = std::uint64_t{word} * n;
  if (static_cast<std::uint32_t>(product) < n) [[unlikely]] {
    const std::uint32_t reject_below = (0u - n) % n;
    while (static_cast<std::uint32_t>(product) < reject_below) product = std::uint64_t{more()} * n;
  }
  return static_cast<std::uint32_t>(product >> 32);
}

std::uint32_t poisson_from_uniform(double mean, double u) noexcept;
std::uint32_t binomial_from_uniform(std::uint32_t trials, double p, double u) noexcept;
// binomial_from_uniform for one p and many draws, the same numbers: the
// chance of no success, q^trials, is computed again only when the number of
// trials changes from one draw to the next (a cell's groups mostly hold the
// same number of people), rather than by std::pow for every draw.
class BinomialDraws {
 public:
  explicit BinomialDraws(double p) : p_(p) {}
  std::uint32_t operator()(std::uint32_t trials, double u) noexcept;

 private:
  double p_;
  std::uint32_t last_trials_ = 0;  // none_ is q^last_trials_ (never asked for 0)
  double none_ = 1.0;
};
// Geometric number of whole periods >= 1 with the given mean.
std::uint32_t geometric_from_uniform(double mean, double u) noexcept;

}  // namespace pocsim
