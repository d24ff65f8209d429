#pragma once
// Counter-based random numbers: every draw is a pure function of
// (seed, purpose, agent, step, k), so no generator state is shared between
// threads and the order in which agents are processed never changes a result.
#include <array>
#include <cstdint>

namespace pocsim {

// Why a number is drawn. Each purpose is its own stream: adding a draw for one
// mechanism never shifts the numbers another mechanism sees.
enum class Purpose : std::uint32_t {
  population_layout = 1,
  unit_placement,
  unit_route,
  unit_target,
  combat_engage,
  combat_losses,
  combat_crossfire,
  violence_onset,
  violence_duration,
  violence_kill,
  violence_infrastructure,
  detection,
  response_decision,
  flight_authorisation,
  response_arrival,
  ied,
  ground_access,
  recruitment,
  flee,
  flee_destination,
  return_home,
  benchmark,
};

class CounterRng {
 public:
  explicit CounterRng(std::uint64_t seed) noexcept;

  // 128 random bits for one (purpose, agent, step, k).
  std::array<std::uint32_t, 4> bits(Purpose purpose, std::uint32_t agent, std::uint32_t step,
                                    std::uint32_t k = 0) const noexcept;

  // Uniform on [0, 1) with 53 random bits.
  double uniform(Purpose purpose, std::uint32_t agent, std::uint32_t step,
                 std::uint32_t k = 0) const noexcept;

  // Two independent uniforms on [0, 1) from one block.
  std::array<double, 2> uniform2(Purpose purpose, std::uint32_t agent, std::uint32_t step,
                                 std::uint32_t k = 0) const noexcept;

  std::uint64_t seed() const noexcept { return seed_; }

 private:
  std::uint64_t seed_;
};

// Inverse-transform samplers driven by one uniform, so each draw stays a pure
// function of its counter.
std::uint32_t poisson_from_uniform(double mean, double u) noexcept;
std::uint32_t binomial_from_uniform(std::uint32_t trials, double p, double u) noexcept;
// Geometric number of whole periods >= 1 with the given mean.
std::uint32_t geometric_from_uniform(double mean, double u) noexcept;

}  // namespace pocsim
