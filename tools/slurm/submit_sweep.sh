#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# Submits a pocsim sweep to Slurm as a job array of N shards
# (sweep_array.sbatch) and a merge job that starts once every task has
# succeeded (merge.sbatch, --dependency=afterok), then prints the two job ids
# and where the results will be. Run it on a login node, from any folder.
#
# Usage:
#   tools/slurm/submit_sweep.sh [options] SWEEP.yaml OUT [-- SBATCH_OPTION...]
#
# Arguments:
#   SWEEP.yaml  the sweep file
#   OUT         the sweep's folder, on a file system every node shares: the
#               shards go to OUT/shard_0 ... OUT/shard_<N-1>, the merged sweep
#               to OUT/merged, the jobs' logs to OUT/logs
#   -- ...      anything after `--` is passed to both sbatch calls
#               (--partition, --account, --qos, --mem, ...)
#
# Options:
#   --shards N         array tasks, one shard each (default 10)
#   --cpus-per-task C  cores of each task, the runs it makes at a time (default 1)
#   --time T           each task's time limit, as sbatch --time (default: the partition's)
#   --tasks LIST       submit only these tasks of the N, e.g. 3,7 (after a
#                      node failed: they resume their shards), with a new merge
#   --merge-mem SIZE   the merge job's memory, as sbatch --mem (default: the
#                      partition's). The merge holds every run's journal
#                      record, about 265 kB a run: 3G for 10^4 runs, 27G or
#                      more for 10^5
#                      (docs/cluster.md, capacity plan)
#
# Variables:
#   POCSIM  the pocsim binary the jobs run (default: pocsim on PATH, else
#           build/cli/pocsim of this checkout); made absolute, so the jobs
#           find it from any folder
#
# Example:
#   tools/slurm/submit_sweep.sh --shards 10 --cpus-per-task 8 --time 01:00:00 \
#       scenarios/sweeps/flight_delay_x_withdrawal.yaml /shared/$USER/fdxw -- --partition=short
#   # a node died under tasks 3 and 7 (sacct -j ARRAY_JOB_ID shows them FAILED or NODE_FAIL):
#   tools/slurm/submit_sweep.sh --shards 10 --cpus-per-task 8 --tasks 3,7 \
#       scenarios/sweeps/flight_delay_x_withdrawal.yaml /shared/$USER/fdxw -- --partition=short
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
usage() {
  sed -n 's/^# \{0,1\}//; /^Usage:/,/^Example:/p' "${BASH_SOURCE[0]}" | sed '$d' >&2
  exit 2
}

shards=10 cpus=1 time_limit="" tasks="" merge_mem=""
positional=() sbatch_options=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --shards) shards=${2:?}; shift 2 ;;
    --cpus-per-task) cpus=${2:?}; shift 2 ;;
    --time) time_limit=${2:?}; shift 2 ;;
    --tasks) tasks=${2:?}; shift 2 ;;
    --merge-mem) merge_mem=${2:?}; shift 2 ;;
    --) shift; sbatch_options=("$@"); break ;;
    -h | --help) usage ;;
    -*) echo "submit_sweep.sh: unknown option $1" >&2; usage ;;
    *) positional+=("$1"); shift ;;
  esac
done
[[ ${#positional[@]} -eq 2 ]] || usage
[[ $shards =~ ^[1-9][0-9]*$ ]] || { echo "submit_sweep.sh: --shards takes a whole number above 0" >&2; exit 2; }
sweep_file=$(realpath -e "${positional[0]}")
out=$(realpath -m "${positional[1]}")

pocsim=${POCSIM:-$(command -v pocsim || echo "$here/../../build/cli/pocsim")}
pocsim=$(realpath -e "$pocsim") || { echo "submit_sweep.sh: no pocsim binary; set POCSIM" >&2; exit 2; }
# Check the sweep file here, where a mistake costs a second, not a queue wait.
"$pocsim" validate "$sweep_file" >/dev/null

mkdir -p "$out/logs"
# The jobs inherit this environment (sbatch's default --export=ALL). Not
# --export=ALL,POCSIM=...: with a list, Slurm 22.05 also loads the user's
# login environment on the node (su - USER), which cost 3 to 5 s a job on the
# test cluster.
export POCSIM=$pocsim
common=(--parsable "${sbatch_options[@]}")
array_options=(--array="${tasks:-0-$((shards - 1))}" --cpus-per-task="$cpus"
               --output="$out/logs/shard_%a_job_%A.log")
[[ -z $time_limit ]] || array_options+=(--time="$time_limit")

# --parsable prints "JOBID" or "JOBID;CLUSTER".
array_job=$(sbatch "${common[@]}" "${array_options[@]}" "$here/sweep_array.sbatch" \
            "$sweep_file" "$out" "$shards")
array_job=${array_job%%;*}
merge_options=(--dependency="afterok:$array_job" --output="$out/logs/merge_job_%j.log")
[[ -z $merge_mem ]] || merge_options+=(--mem="$merge_mem")
merge_job=$(sbatch "${common[@]}" "${merge_options[@]}" "$here/merge.sbatch" "$out" "$shards")
merge_job=${merge_job%%;*}

echo "array job $array_job: tasks ${tasks:-0-$((shards - 1))} of $shards shards, into $out/shard_<task>"
echo "merge job $merge_job: after every task of $array_job succeeds, into $out/merged"
echo "logs: $out/logs; watch: squeue -j $array_job,$merge_job"
echo "then: $pocsim report $out/merged"
