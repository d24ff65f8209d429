// SPDX-License-Identifier: Apache-2.0
#pragma once
// The simulations of a calibration, made by the sweep machinery: each batch
// of points a method asks for becomes a sweep plan with one variant per
// point and the calibration's replications, run on the sweep runner with
// every finished run in the journal. Run k of the calibration (run ids go
// on from batch to batch) runs with seed + k: unlike a sweep's variants,
// whose replicate r shares seed + r so that their differences are paired,
// every point gets noise of its own. ABC compares each point's outcomes
// with the targets as if they were fresh draws of the model; with common
// seeds the whole posterior would be conditioned on one draw of the noise
// and come out too narrow (in the recovery test, 90% intervals covered the
// truth in 16 of 20 trials with common seeds). Since a method's next batch
// depends only on the outcomes of the batches before, a resumed calibration
// asks for the same batches, and the runs already in the journal are read
// back instead of made again.
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "pocsim/calibration/calibration_file.hpp"
#include "pocsim/calibration/observations.hpp"
#include "pocsim/core/stop_request.hpp"
#include "pocsim/sweep/run_journal.hpp"

namespace pocsim::calibration {

// The observations of the file's targets (observation_from_band).
std::vector<Observation> observations_of(const CalibrationFile& calibration);

// The method the file names, on `simulate`.
Posterior run_method(const CalibrationFile& calibration, const Simulate& simulate);

class CalibrationRuns {
 public:
  // `done` is called after each run made (not for runs read back).
  CalibrationRuns(const CalibrationFile& calibration, sweep::RunJournal& journal, std::size_t jobs,
                  std::function<void()> done = {}, const StopRequest* stop = nullptr);

  // Runs the batch (latent values, one row per point). Throws
  // std::runtime_error naming the first failed run when any fails.
  std::vector<PointOutcome> operator()(const Eigen::MatrixXd& points);

  // runs.csv: run_id, batch, point, replicate, seed, the parameters' values,
  // then each target's metric, one row per run made or read back.
  std::string runs_csv() const;
  std::size_t runs() const { return rows_.size(); }
  std::size_t runs_made() const { return made_; }

 private:
  struct Row {
    std::size_t batch = 0, point = 0, replicate = 0;
    std::uint64_t seed = 0;
    std::vector<std::string> values;   // per parameter
    std::vector<std::string> metrics;  // per target
  };
  const CalibrationFile& calibration_;
  sweep::RunJournal& journal_;
  std::size_t jobs_;
  std::function<void()> done_;
  const StopRequest* stop_;
  std::size_t batches_ = 0;
  std::size_t made_ = 0;
  std::vector<Row> rows_;  // by run id
};

}  // namespace pocsim::calibration
