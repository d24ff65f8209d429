// SPDX-License-Identifier: Apache-2.0
#include "pocsim/core/rng.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace pocsim {

TEST(CounterRng, SameKeyGivesSameNumberAndAnyKeyChangeGivesAnother) {
  const CounterRng a(42), b(42), c(43);
  EXPECT_EQ(a.uniform(Purpose::flee, 7, 100), b.uniform(Purpose::flee, 7, 100));
  EXPECT_NE(a.uniform(Purpose::flee, 7, 100), c.uniform(Purpose::flee, 7, 100));
  EXPECT_NE(a.uniform(Purpose::flee, 7, 100), a.uniform(Purpose::return_home, 7, 100));
  EXPECT_NE(a.uniform(Purpose::flee, 7, 100), a.uniform(Purpose::flee, 8, 100));
  EXPECT_NE(a.uniform(Purpose::flee, 7, 100), a.uniform(Purpose::flee, 7, 101));
  EXPECT_NE(a.uniform(Purpose::flee, 7, 100, 0), a.uniform(Purpose::flee, 7, 100, 1));
}

// Random123's known-answer vectors for Philox4x32-10 (kat_vectors):
// counter, key, result. The key is the seed (low word first); the counter is
// (purpose, agent, step, k).
struct KnownAnswer {
  std::array<std::uint32_t, 4> counter;
  std::array<std::uint32_t, 2> key;
  std::array<std::uint32_t, 4> result;
};
constexpr KnownAnswer known_answers[] = {
    {{0, 0, 0, 0}, {0, 0}, {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
    {{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff},
     {0xffffffff, 0xffffffff},
     {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
    {{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344},
     {0xa4093822, 0x299f31d0},
     {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
};

CounterRng rng_of(const KnownAnswer& v) {
  return CounterRng(static_cast<std::uint64_t>(v.key[1]) << 32 | v.key[0]);
}

TEST(CounterRng, BitsAreRandom123sPhilox4x32) {
  for (const KnownAnswer& v : known_answers)
    EXPECT_EQ(rng_of(v).bits(static_cast<Purpose>(v.counter[0]), v.counter[1], v.counter[2],
                             v.counter[3]),
              v.result);
}

// Runs of every length up to 41 (the eight-lane path and the rest), starting
// anywhere, also across the wrap of the agent counter at 2^32.
TEST(CounterRng, BitsForAgentsGiveTheBlocksOfBits) {
  for (const KnownAnswer& v : known_answers) {
    const CounterRng rng = rng_of(v);
    const auto purpose = static_cast<Purpose>(v.counter[0]);
    for (std::uint32_t before : {0u, 3u, 8u, 13u})
      for (std::size_t count = 0; count <= 41; ++count) {
        const std::uint32_t first = v.counter[1] - before;
        std::vector<std::uint32_t> out(4 * count + 1, 0xA5A5A5A5u);
        rng.bits_for_agents(purpose, first, count, v.counter[2], v.counter[3], out.data());
        for (std::size_t i = 0; i < count; ++i) {
          const auto expected =
              rng.bits(purpose, first + static_cast<std::uint32_t>(i), v.counter[2], v.counter[3]);
          for (std::size_t j = 0; j < 4; ++j)
            ASSERT_EQ(out[4 * i + j], expected[j]) << "count " << count << " block " << i;
        }
        EXPECT_EQ(out[4 * count], 0xA5A5A5A5u) << "wrote past the run of " << count;
        if (count > before) {
          const std::array<std::uint32_t, 4> at_counter = {
              out[4 * before], out[4 * before + 1], out[4 * before + 2], out[4 * before + 3]};
          EXPECT_EQ(at_counter, v.result);
        }
      }
  }
}

TEST(CounterRng, BitsForListedAgentsGiveTheBlocksOfBits) {
  const CounterRng rng(2022);
  std::vector<std::uint32_t> agents;
  for (std::uint32_t i = 0; i < 29; ++i) agents.push_back(i * 2654435761u);  // scattered ids
  for (std::size_t count = 0; count <= agents.size(); ++count) {
    std::vector<std::uint32_t> out(4 * count + 1, 0xA5A5A5A5u);
    rng.bits_for_agents(Purpose::epstein_move, std::span(agents.data(), count), 9, 2, out.data());
    for (std::size_t i = 0; i < count; ++i) {
      const auto expected = rng.bits(Purpose::epstein_move, agents[i], 9, 2);
      for (std::size_t j = 0; j < 4; ++j) ASSERT_EQ(out[4 * i + j], expected[j]) << i;
    }
    EXPECT_EQ(out[4 * count], 0xA5A5A5A5u);
  }
}

// For n = 3 * 2^30, multiplying a word by n and keeping the high half maps
// two words to every multiple of 3 and one to the other values, so half of
// its results would be multiples of 3; Lemire's rejection (a quarter of the
// words here) makes every value equally likely, a third of them multiples of
// 3. 300,000 draws: the fraction's sd is 0.00086, the tolerance 0.005.
TEST(UniformBelow, IsExactWhereMultiplyShiftIsBiased) {
  const std::uint32_t n = 3u << 30;
  const CounterRng rng(11);
  const int draws = 300000;
  int multiples_of_3 = 0, replaced = 0;
  for (int i = 0; i < draws; ++i) {
    std::uint32_t k = 0;
    const auto agent = static_cast<std::uint32_t>(i);
    const std::uint32_t v = uniform_below(n, rng.bits(Purpose::benchmark, agent, 0, k)[0], [&] {
      ++replaced;
      return rng.bits(Purpose::benchmark, agent, 0, ++k)[0];
    });
    ASSERT_LT(v, n);
    multiples_of_3 += v % 3 == 0;
  }
  EXPECT_NEAR(static_cast<double>(multiples_of_3) / draws, 1.0 / 3.0, 0.005);
  EXPECT_NEAR(static_cast<double>(replaced) / draws, 1.0 / 3.0, 0.01);  // 1/4 rejected: 1/3 more
}

TEST(UniformBelow, KeepsAWordUnlessItsLowProductFallsBelowTwoToThe32ModN) {
  auto never = []() -> std::uint32_t {
    ADD_FAILURE() << "a word was rejected";
    return 0;
  };
  EXPECT_EQ(uniform_below(1, 0xFFFFFFFFu, never), 0u);
  EXPECT_EQ(uniform_below(10, 0xFFFFFFFFu, never), 9u);
  EXPECT_EQ(uniform_below(10, 0x80000001u, never), 5u);
  // 2^32 mod 3 = 1: word 0 (low product 0) is the one word rejected.
  EXPECT_EQ(uniform_below(3, 0u, [] { return 0xFFFFFFFFu; }), 2u);
  EXPECT_EQ(uniform_below(3, 1u, never), 0u);
}

// Chi-square test of uniformity over 100 bins: the 0.1% critical value for 99
// degrees of freedom is 148.2, so a correct generator fails once in 1000 seeds.
TEST(CounterRng, UniformPassesChiSquareOnAgentsAndSteps) {
  const CounterRng rng(2022);
  constexpr int bins = 100, draws = 200000;
  std::vector<int> counts(bins, 0);
  for (int i = 0; i < draws; ++i) {
    const double u = rng.uniform(Purpose::benchmark, static_cast<std::uint32_t>(i % 1000),
                                 static_cast<std::uint32_t>(i / 1000));
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    ++counts[static_cast<int>(u * bins)];
  }
  const double expected = static_cast<double>(draws) / bins;
  double chi2 = 0.0;
  for (int c : counts) chi2 += (c - expected) * (c - expected) / expected;
  EXPECT_LT(chi2, 148.2);
}

struct Moments {
  double mean = 0.0, variance = 0.0;
};

template <class Draw>
Moments moments(int n, Draw draw) {
  double sum = 0.0, sum2 = 0.0;
  for (int i = 0; i < n; ++i) {
    const double x = draw(i);
    sum += x;
    sum2 += x * x;
  }
  const double mean = sum / n;
  return {mean, sum2 / n - mean * mean};
}

// Sample means within 5 standard errors of the law's mean (a false alarm is
// below one in a million), which shows the mean within 6.6 standard errors
// of the law's (an equivalence test at alpha 0.05; docs/testing.md);
// variances within 5%.
TEST(Samplers, PoissonHasItsMeanAndVariance) {
  const CounterRng rng(5);
  for (double lambda : {0.3, 4.0, 60.0, 500.0}) {
    const int n = 100000;
    const Moments m = moments(n, [&](int i) {
      return poisson_from_uniform(
          lambda, rng.uniform(Purpose::benchmark, static_cast<std::uint32_t>(i), 0));
    });
    EXPECT_NEAR(m.mean, lambda, 5.0 * std::sqrt(lambda / n)) << lambda;
    EXPECT_NEAR(m.variance / lambda, 1.0, 0.05) << lambda;
  }
}

TEST(Samplers, BinomialHasItsMeanAndVariance) {
  const CounterRng rng(6);
  for (auto [trials, p] :
       {std::pair{25u, 0.01}, std::pair{25u, 0.5}, std::pair{255u, 0.9}, std::pair{5000u, 0.3}}) {
    const int n = 100000;
    const double mean = trials * p, var = trials * p * (1 - p);
    const Moments m = moments(n, [&](int i) {
      return binomial_from_uniform(
          trials, p, rng.uniform(Purpose::benchmark, static_cast<std::uint32_t>(i), 1));
    });
    EXPECT_NEAR(m.mean, mean, 5.0 * std::sqrt(var / n)) << trials << " " << p;
    EXPECT_NEAR(m.variance / var, 1.0, 0.05) << trials << " " << p;
  }
  EXPECT_EQ(binomial_from_uniform(0, 0.5, 0.7), 0u);
  EXPECT_EQ(binomial_from_uniform(10, 1.0, 0.1), 10u);
}

TEST(Samplers, GeometricHasItsMean) {
  const CounterRng rng(8);
  const int n = 100000;
  const double target = 6.0;
  const Moments m = moments(n, [&](int i) {
    return geometric_from_uniform(
        target, rng.uniform(Purpose::benchmark, static_cast<std::uint32_t>(i), 2));
  });
  // Variance of a geometric law with mean 6 is 30.
  EXPECT_NEAR(m.mean, target, 5.0 * std::sqrt(30.0 / n));
  EXPECT_EQ(geometric_from_uniform(0.5, 0.9), 1u);
}

// BinomialDraws keeps q^trials from one draw to the next: it must give
// binomial_from_uniform's numbers for every p (both tails, the normal
// branch), every run of equal and changing trials, and every u.
TEST(BinomialDraws, SameNumbersAsBinomialFromUniform) {
  std::size_t draws = 0;
  for (const double p : {0.0, 1e-6, 0.003, 0.2, 0.5, 0.7, 0.999, 1.0}) {
    BinomialDraws draw(p);
    for (const std::uint32_t trials : {20u, 20u, 7u, 7u, 20u, 0u, 1u, 255u, 255u, 100000u, 3u}) {
      for (int k = 0; k < 50; ++k) {
        const double u = (k + 0.5) / 50.0;
        ASSERT_EQ(draw(trials, u), binomial_from_uniform(trials, p, u))
            << "p " << p << ", trials " << trials << ", u " << u;
        ++draws;
      }
    }
  }
  EXPECT_EQ(draws, 8u * 11u * 50u);
}

}  // namespace pocsim
