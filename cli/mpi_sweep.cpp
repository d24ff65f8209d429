// SPDX-License-Identifier: Apache-2.0
#include "mpi_sweep.hpp"

#include <mpi.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "commands.hpp"
#include "pocsim/scenario/input_file.hpp"
#include "pocsim/scenario/value_text.hpp"
#include "pocsim/sweep/sweep_directory.hpp"
#include "run_slots.hpp"

namespace pocsim::cli {

namespace {

using std::chrono::microseconds;

// Rank 0 to a worker: tag_start (the exit status so far, then the folder when
// it is 0), tag_assign (a run id, or "stop": no more runs for that request),
// tag_finished (the command's exit status). A worker to rank 0: tag_ready
// ("asks N": N runs at once, or why it cannot take part), tag_result (a
// journal line, which asks for one more run).
enum MpiSweepTag : int { tag_start = 1, tag_ready, tag_assign, tag_result, tag_finished };
constexpr const char* mpi_no_more_runs = "stop";

// OpenMPI's blocking calls spin on the CPU while they wait; a rank that waits
// for a message would take a core from the runs beside it. So every wait
// polls and sleeps in between: briefly at first (a reply is usually on its
// way), then up to 4 ms. Half a millisecond at most cost rank 0 a sixth of
// its core in wake-ups on a busy machine; the spare run each worker holds
// (below) hides the wait instead.
class MpiBackoff {
 public:
  microseconds next() {
    const microseconds now = wait_;
    wait_ = std::min(wait_ * 2, microseconds(4000));
    return now;
  }
  void reset() { wait_ = microseconds(50); }

 private:
  microseconds wait_{50};
};

struct MpiMessage {
  int source = 0;
  int tag = 0;
  std::string text;
};

std::optional<MpiMessage> mpi_try_receive(int source) {
  int arrived = 0;
  MPI_Status status;
  MPI_Iprobe(source, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status);
  if (!arrived) return std::nullopt;
  int size = 0;
  MPI_Get_count(&status, MPI_CHAR, &size);
  MpiMessage message{status.MPI_SOURCE, status.MPI_TAG,
                     std::string(static_cast<std::size_t>(size), '\0')};
  MPI_Recv(message.text.data(), size, MPI_CHAR, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
           MPI_STATUS_IGNORE);
  return message;
}

MpiMessage mpi_receive(int source) {
  MpiBackoff backoff;
  for (;;) {
    if (auto message = mpi_try_receive(source)) return std::move(*message);
    std::this_thread::sleep_for(backoff.next());
  }
}

void mpi_send(int destination, int tag, const std::string& text) {
  MPI_Request request;
  MPI_Isend(text.data(), static_cast<int>(text.size()), MPI_CHAR, destination, tag, MPI_COMM_WORLD,
            &request);
  MpiBackoff backoff;
  for (int sent = 0;;) {
    MPI_Test(&request, &sent, MPI_STATUS_IGNORE);
    if (sent) return;
    std::this_thread::sleep_for(backoff.next());
  }
}

int mpi_exit_code(const std::string& text) {
  return scenario::parse_integer<int>(text.substr(0, text.find('\n'))).value_or(exit_failure);
}

std::string mpi_host_name() {
  char name[MPI_MAX_PROCESSOR_NAME];
  int size = 0;
  MPI_Get_processor_name(name, &size);
  return std::string(name, static_cast<std::size_t>(size));
}

sweep::RunRecord make_run_serially(sweep::ScenarioRuns& runs, const sweep::SweepPlan& plan,
                                   std::size_t id) {
  // Under MPI the cores are shared between ranks and their slots, never
  // inside one run.
  return sweep::run_recorded(plan.run(id), std::ref(runs), ExecutionMode::serial);
}

// What rank 0 says when mpirun stops it (SIGTERM once any rank died, or the
// job was cancelled), kept ready because a signal handler may not allocate.
char mpi_stop_note[2048];
std::size_t mpi_stop_note_size = 0;

extern "C" void mpi_sweep_stopped(int signal_number) {
  ssize_t ignored = ::write(STDERR_FILENO, mpi_stop_note, mpi_stop_note_size);
  (void)ignored;
  ::_exit(128 + signal_number);
}

void mpi_explain_stops(const PendingRuns& p) {
  const std::string note =
      "pocsim sweep: rank 0 (" + mpi_host_name() +
      ") was stopped before the sweep finished: a rank died (mpirun names it) or the job "
      "was stopped. Every finished run is kept in " +
      (p.folder / sweep::journal_name).string() +
      "; run the same command with --resume to make the others.\n";
  mpi_stop_note_size = std::min(note.size(), sizeof mpi_stop_note);
  std::memcpy(mpi_stop_note, note.data(), mpi_stop_note_size);
  struct sigaction action {};
  action.sa_handler = mpi_sweep_stopped;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
}

class WorkerFailed : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Rank 0's side: hands out the pending runs, first come first served, to its
// own slots and to every worker's, and journals what comes back.
class MpiDispatcher {
 public:
  MpiDispatcher(const PendingRuns& p, std::size_t jobs, int ranks)
      : p_(p),
        jobs_(jobs),
        pending_(p.ids.begin(), p.ids.end()),
        open_requests_(static_cast<std::size_t>(ranks), 0),
        made_by_(static_cast<std::size_t>(ranks), 0) {}

  // Per rank, the runs it made: how well the dispatch balanced.
  const std::vector<std::size_t>& runs_made() const { return made_by_; }

  void run() {
    sweep::ScenarioRuns runs = scenario_runs_in(p_.file, p_.plan, p_.folder);
    RunSlots local(jobs_, [&](std::size_t id) { return make_run_serially(runs, p_.plan, id); });
    MpiBackoff backoff;
    for (;;) {
      bool busy = false;
      feed(local);
      while (auto message = mpi_try_receive(MPI_ANY_SOURCE)) {
        answer(*message);
        busy = true;
      }
      if (finished(local)) break;
      if (auto record = local.take_finished(busy ? microseconds(0) : backoff.next())) {
        feed(local);  // first, so that no slot waits for the disk
        journal(*record, 0);
        busy = true;
      }
      if (busy) backoff.reset();
    }
    if (!failures_.empty()) throw WorkerFailed(failures_text());
  }

 private:
  // Every rank that could not take part, the first few by name (a folder
  // that no node shares would make them all say the same).
  std::string failures_text() const {
    constexpr std::size_t named = 5;
    std::string text;
    for (std::size_t i = 0; i < std::min(named, failures_.size()); ++i)
      text += (i == 0 ? "" : "; ") + failures_[i];
    if (failures_.size() > named)
      text += "; and " + std::to_string(failures_.size() - named) + " more ranks";
    return text + "; the runs finished so far are in " +
           (p_.folder / sweep::journal_name).string() +
           ": once that is fixed, run the same command with --resume";
  }

  void feed(RunSlots& local) {
    while (local.free() > 0 && !pending_.empty()) {
      local.start(pending_.front());
      pending_.pop_front();
    }
  }

  bool finished(const RunSlots& local) const {
    return pending_.empty() && local.free() == local.count() &&
           heard_from_ + 1 == open_requests_.size() &&
           std::all_of(open_requests_.begin(), open_requests_.end(),
                       [](std::size_t n) { return n == 0; });
  }

  void answer(const MpiMessage& message) {
    const auto worker = static_cast<std::size_t>(message.source);
    if (message.tag == tag_ready) {
      ++heard_from_;
      const auto asks = message.text.starts_with("asks ")
                            ? scenario::parse_integer<std::size_t>(message.text.substr(5))
                            : std::nullopt;
      if (!asks) {
        failures_.push_back(message.text);
        pending_.clear();  // stop every rank: the sweep cannot run as asked
        return;
      }
      open_requests_[worker] = *asks;
      for (std::size_t i = 0; i < *asks; ++i) hand_out(message.source);
      return;
    }
    if (message.tag != tag_result)
      throw std::runtime_error("rank " + std::to_string(message.source) +
                               " sent an unexpected message (tag " + std::to_string(message.tag) +
                               ")");
    auto records = sweep::read_journal_text(message.text);
    if (records.size() != 1)
      throw std::runtime_error("rank " + std::to_string(message.source) +
                               " sent a result that is not one journal line");
    hand_out(message.source);  // first, so that the worker need not wait for the disk
    journal(records.begin()->second, worker);
  }

  void hand_out(int worker) {
    if (pending_.empty()) {
      mpi_send(worker, tag_assign, mpi_no_more_runs);
      --open_requests_[static_cast<std::size_t>(worker)];
      return;
    }
    mpi_send(worker, tag_assign, std::to_string(pending_.front()));
    pending_.pop_front();
  }

  void journal(const sweep::RunRecord& record, std::size_t rank) {
    ++made_by_[rank];
    p_.journal.append(record);
    p_.progress.step();
  }

  const PendingRuns& p_;
  std::size_t jobs_;
  std::deque<std::size_t> pending_;
  std::vector<std::size_t> open_requests_;  // per worker: requests not yet told "stop"
  std::size_t heard_from_ = 0;              // workers that said whether they take part
  std::vector<std::string> failures_;       // why workers could not take part
  std::vector<std::size_t> made_by_;
};

// Why this worker cannot make the runs rank 0 hands out, or nothing.
std::string mpi_worker_problem(const sweep::SweepLoadResult& loaded,
                               const std::filesystem::path& folder) {
  if (!loaded.sweep)
    return "cannot load the sweep file that rank 0 loaded" +
           (loaded.diagnostics.empty() ? std::string()
                                       : ": " + loaded.diagnostics.items().front().to_string());
  const std::optional<sweep::Manifest> manifest = sweep::read_manifest(folder);
  if (!manifest)
    return "does not see " + (folder / sweep::manifest_name).string() +
           ", which rank 0 wrote: under MPI every rank writes into the sweep folder "
           "(samples/, timeseries/), so it must be on a file system that all ranks share";
  if (manifest->sweep_text != loaded.sweep->text ||
      manifest->scenario_text != read_input_file(loaded.sweep->scenario).value_or("") ||
      manifest->posterior_hash !=
          (loaded.sweep->posterior ? loaded.sweep->posterior->posterior.hash : ""))
    return "reads another version of the sweep file, of its base scenario or of its posterior "
           "than rank 0 did";
  return {};
}

// A worker's side: asks for a run per slot and one spare, which starts as
// soon as a slot is free, so that no slot waits for rank 0's answer; then
// makes what it is handed until each request is told "stop", and returns
// rank 0's status. The spare costs at most one run's time at the end of a
// sweep, when some rank may still hold one that another could have made.
int mpi_work_for_rank0(const std::string& sweep_file, std::size_t jobs, int rank) {
  // While rank 0 checks the sweep file, so does this rank, silently.
  const sweep::SweepLoadResult loaded = sweep::load_sweep(sweep_file);
  const MpiMessage start = mpi_receive(0);
  if (start.tag != tag_start || mpi_exit_code(start.text) != exit_ok)
    return mpi_exit_code(start.text);  // rank 0 refused the sweep and said why
  const std::filesystem::path folder = start.text.substr(start.text.find('\n') + 1);
  if (const std::string problem = mpi_worker_problem(loaded, folder); !problem.empty()) {
    mpi_send(0, tag_ready,
             "rank " + std::to_string(rank) + " (" + mpi_host_name() + ") " + problem);
    return mpi_exit_code(mpi_receive(0).text);
  }
  const sweep::SweepPlan plan = sweep::make_plan(*loaded.sweep);
  sweep::ScenarioRuns runs = scenario_runs_in(*loaded.sweep, plan, folder);
  RunSlots slots(jobs, [&](std::size_t id) { return make_run_serially(runs, plan, id); });
  const std::size_t asks = jobs + 1;
  mpi_send(0, tag_ready, "asks " + std::to_string(asks));
  MpiBackoff backoff;
  for (std::size_t open = asks; open > 0;) {
    bool busy = false;
    while (auto message = mpi_try_receive(0)) {
      busy = true;
      if (message->tag == tag_finished) return mpi_exit_code(message->text);  // rank 0 gave up
      if (message->text == mpi_no_more_runs)
        --open;
      else
        slots.start(scenario::parse_integer<std::size_t>(message->text).value());
    }
    if (auto record = slots.take_finished(busy ? microseconds(0) : backoff.next())) {
      mpi_send(0, tag_result, sweep::journal_line(*record));
      busy = true;
    }
    if (busy) backoff.reset();
  }
  return mpi_exit_code(mpi_receive(0).text);
}

}  // namespace

int sweep_under_mpi(const std::string& sweep_file, std::size_t jobs_per_rank,
                    const std::function<int(const RunPending&)>& rank0_command) {
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  int rank = 0, ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  int code = exit_ok;
  if (rank == 0) {
    bool started = false;
    code = rank0_command([&](const PendingRuns& p) {
      started = true;
      for (int worker = 1; worker < ranks; ++worker)
        mpi_send(worker, tag_start, "0\n" + p.folder.string());
      mpi_explain_stops(p);
      if (!p.quiet)
        std::cerr << "pocsim sweep: " << p.ids.size() << " runs to make on " << ranks
                  << " MPI ranks, " << jobs_per_rank << " at a time on each; every finished run "
                  << "is kept in " << (p.folder / sweep::journal_name).string()
                  << ": if the job stops, run the same command with --resume\n";
      try {
        MpiDispatcher dispatcher(p, jobs_per_rank, ranks);
        dispatcher.run();
        if (!p.quiet) {
          p.progress.finish();  // this line goes under the progress line, not on it
          std::cerr << "pocsim sweep: runs made by rank 0";
          if (ranks > 1) std::cerr << " to " << ranks - 1;
          for (std::size_t r = 0; r < dispatcher.runs_made().size(); ++r)
            std::cerr << (r == 0 ? ": " : ", ") << dispatcher.runs_made()[r];
          std::cerr << "\n";
        }
      } catch (const WorkerFailed&) {
        throw;  // every rank has stopped cleanly; the command reports it
      } catch (const std::exception& e) {
        std::cerr << "pocsim sweep: error: " << e.what() << "\n";
        MPI_Abort(MPI_COMM_WORLD, exit_failure);  // ranks may be mid-message
      }
    });
    for (int worker = 1; worker < ranks; ++worker)
      mpi_send(worker, started ? tag_finished : tag_start, std::to_string(code));
  } else {
    code = mpi_work_for_rank0(sweep_file, jobs_per_rank, rank);
  }
  MPI_Finalize();
  return code;
}

}  // namespace pocsim::cli
