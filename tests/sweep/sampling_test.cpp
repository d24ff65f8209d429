// SPDX-License-Identifier: Apache-2.0
// Sampled designs: the Latin hypercube's one point per stratum, the Saltelli
// matrices and their run order, and the scaling onto parameter ranges.
#include "pocsim/sweep/sampling.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace pocsim::sweep {
namespace {

TEST(LatinHypercube, EveryStratumOfEveryDimensionHoldsOnePoint) {
  for (std::size_t n : {1u, 2u, 3u, 7u, 100u, 1000u}) {
    const std::size_t d = 5;
    const Eigen::MatrixXd x = latin_hypercube(n, d, 2022);
    ASSERT_EQ(x.rows(), static_cast<Eigen::Index>(n));
    ASSERT_EQ(x.cols(), static_cast<Eigen::Index>(d));
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      std::vector<int> count(n, 0);
      for (Eigen::Index i = 0; i < x.rows(); ++i) {
        ASSERT_GE(x(i, j), 0.0);
        ASSERT_LT(x(i, j), 1.0);
        ++count[static_cast<std::size_t>(std::floor(x(i, j) * static_cast<double>(n)))];
      }
      for (std::size_t k = 0; k < n; ++k)
        EXPECT_EQ(count[k], 1) << "n " << n << ", dimension " << j << ", stratum " << k;
    }
  }
}

TEST(LatinHypercube, DeterministicForASeedAndDifferentForAnother) {
  const Eigen::MatrixXd x = latin_hypercube(64, 3, 7);
  EXPECT_EQ(x, latin_hypercube(64, 3, 7));
  const Eigen::MatrixXd y = latin_hypercube(64, 3, 8);
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    for (Eigen::Index j = 0; j < x.cols(); ++j) EXPECT_NE(x(i, j), y(i, j));
  // A parameter added at the end leaves the others' columns as they were.
  EXPECT_EQ(latin_hypercube(64, 4, 7).leftCols(3), x);
}

TEST(LatinHypercube, DimensionsAreNotPairedUp) {
  // Each column's permutation is its own: the correlation between two
  // columns of n points has sd 1 / sqrt(n - 1); allow four of them.
  const std::size_t n = 2000;
  const Eigen::MatrixXd x = latin_hypercube(n, 4, 99);
  for (Eigen::Index a = 0; a < x.cols(); ++a)
    for (Eigen::Index b = a + 1; b < x.cols(); ++b) {
      const Eigen::VectorXd u = x.col(a).array() - x.col(a).mean();
      const Eigen::VectorXd v = x.col(b).array() - x.col(b).mean();
      const double r = u.dot(v) / (u.norm() * v.norm());
      EXPECT_LT(std::fabs(r), 4.0 / std::sqrt(n - 1.0)) << a << " " << b;
    }
}

TEST(SaltelliDesign, RunOrderMapsBothWays) {
  const std::size_t n = 5, d = 3;
  EXPECT_EQ(saltelli_run_count(n, d), 25u);
  EXPECT_EQ(saltelli_sample(0, d), (SaltelliSample{SaltelliMatrix::a, 0, 0}));
  EXPECT_EQ(saltelli_sample(1, d), (SaltelliSample{SaltelliMatrix::b, 0, 0}));
  EXPECT_EQ(saltelli_sample(2, d), (SaltelliSample{SaltelliMatrix::ab, 0, 0}));
  EXPECT_EQ(saltelli_sample(4, d), (SaltelliSample{SaltelliMatrix::ab, 0, 2}));
  EXPECT_EQ(saltelli_sample(5, d), (SaltelliSample{SaltelliMatrix::a, 1, 0}));
  EXPECT_EQ(saltelli_sample(24, d), (SaltelliSample{SaltelliMatrix::ab, 4, 2}));
  for (std::size_t s = 0; s < saltelli_run_count(n, d); ++s)
    EXPECT_EQ(saltelli_index(saltelli_sample(s, d), d), s);
}

TEST(SaltelliDesign, PointsComeFromAandBInRunOrder) {
  const std::size_t n = 6, d = 4;
  const SaltelliDesign design = saltelli_design(n, d, 11);
  ASSERT_EQ(design.rows(), n);
  ASSERT_EQ(design.dimensions(), d);
  const Eigen::MatrixXd points = saltelli_points(design);
  ASSERT_EQ(points.rows(), static_cast<Eigen::Index>(saltelli_run_count(n, d)));
  for (std::size_t s = 0; s < saltelli_run_count(n, d); ++s) {
    const SaltelliSample where = saltelli_sample(s, d);
    const auto row = static_cast<Eigen::Index>(where.row);
    const auto at = static_cast<Eigen::Index>(s);
    EXPECT_EQ(points.row(at), saltelli_point(design, s));
    for (Eigen::Index j = 0; j < static_cast<Eigen::Index>(d); ++j) {
      const bool from_b =
          where.matrix == SaltelliMatrix::b ||
          (where.matrix == SaltelliMatrix::ab && j == static_cast<Eigen::Index>(where.column));
      EXPECT_EQ(points(at, j), from_b ? design.b(row, j) : design.a(row, j));
    }
  }
  for (std::size_t i = 0; i < d; ++i) {
    const Eigen::MatrixXd ab = ab_matrix(design, i);
    for (std::size_t j = 0; j < n; ++j)
      EXPECT_EQ(ab.row(static_cast<Eigen::Index>(j)),
                saltelli_point(design, saltelli_index({SaltelliMatrix::ab, j, i}, d)));
  }
  EXPECT_THROW(saltelli_point(design, saltelli_run_count(n, d)), std::invalid_argument);
  EXPECT_THROW(ab_matrix(design, d), std::invalid_argument);
  EXPECT_THROW(saltelli_design(0, d, 1), std::invalid_argument);
}

TEST(SaltelliDesign, BaseMatricesAreIndependentUniformsFixedByTheSeed) {
  const std::size_t n = 4000, d = 3;
  const SaltelliDesign design = saltelli_design(n, d, 5);
  const SaltelliDesign again = saltelli_design(n, d, 5);
  EXPECT_EQ(design.a, again.a);
  EXPECT_EQ(design.b, again.b);
  EXPECT_NE(design.a, saltelli_design(n, d, 6).a);
  // Uniform on [0, 1): mean 1/2 with sd sqrt(1/12 / n) = 0.0046 and
  // A and B uncorrelated (sd 1 / sqrt(n)); allow four sds.
  for (const Eigen::MatrixXd* m : {&design.a, &design.b}) {
    EXPECT_GE(m->minCoeff(), 0.0);
    EXPECT_LT(m->maxCoeff(), 1.0);
    for (Eigen::Index j = 0; j < m->cols(); ++j)
      EXPECT_NEAR(m->col(j).mean(), 0.5, 4.0 * std::sqrt(1.0 / 12.0 / n));
  }
  for (Eigen::Index j = 0; j < design.a.cols(); ++j) {
    const Eigen::VectorXd u = design.a.col(j).array() - 0.5;
    const Eigen::VectorXd v = design.b.col(j).array() - 0.5;
    EXPECT_LT(std::fabs(u.dot(v) / (u.norm() * v.norm())), 4.0 / std::sqrt(n));
  }
}

TEST(ScaleUnit, LinearAndLogUniform) {
  const ParameterRange hours{2.0, 10.0};
  EXPECT_DOUBLE_EQ(scale_unit(0.0, hours), 2.0);
  EXPECT_DOUBLE_EQ(scale_unit(0.25, hours), 4.0);
  const ParameterRange rate{0.01, 100.0, Scale::log_uniform};
  EXPECT_DOUBLE_EQ(scale_unit(0.0, rate), 0.01);
  EXPECT_NEAR(scale_unit(0.5, rate), 1.0, 1e-12);  // the geometric mean of the ends
  EXPECT_NEAR(scale_unit(0.75, rate), 10.0, 1e-12);
  EXPECT_THROW(scale_unit(0.5, ParameterRange{0.0, 1.0, Scale::log_uniform}),
               std::invalid_argument);
  EXPECT_THROW(scale_unit(0.5, ParameterRange{3.0, 1.0}), std::invalid_argument);

  Eigen::MatrixXd unit(2, 2);
  unit << 0.0, 0.5, 0.5, 0.25;
  const std::vector<ParameterRange> ranges{hours, rate};
  Eigen::MatrixXd expected(2, 2);
  expected << 2.0, scale_unit(0.5, rate), 6.0, scale_unit(0.25, rate);
  EXPECT_EQ(scale_unit(unit, ranges), expected);
  EXPECT_THROW(scale_unit(unit, std::vector<ParameterRange>{hours}), std::invalid_argument);
}

}  // namespace
}  // namespace pocsim::sweep
