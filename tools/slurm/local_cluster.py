#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""A throwaway one-node Slurm cluster on this machine, for trying the scripts
of tools/slurm/ and for the test that runs them (tests/slurm/).

Everything lives in one folder: a fresh munge key and munged with its own
socket, and slurmctld and slurmd from a generated slurm.conf (this machine's
cores and memory, free loopback ports, no cgroups, no accounting, every
state, spool, log and pid file in the folder). Nothing of the machine's own
munge or Slurm (/etc/munge, /etc/slurm, /run) is read or touched, so it can
run beside them. It needs Debian's slurm-wlm and munge, and root: slurmd
starts each job as its user, and an unprivileged cluster is untried.

As a program it brings the cluster up, opens a shell whose SLURM_CONF points
at it (sinfo, sbatch, squeue, scancel work there), and tears it all down when
the shell exits:

    /usr/bin/python3 tools/slurm/local_cluster.py            # a shell on the cluster
    /usr/bin/python3 tools/slurm/local_cluster.py -- sinfo   # one command instead
"""

import contextlib
import ctypes
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROGRAMS = ("munged", "munge", "unmunge", "slurmctld", "slurmd", "sinfo", "sbatch", "squeue",
            "scancel", "scontrol")
# The daemons live in sbin, which a user's (or CTest's) PATH may lack.
SEARCH_PATH = os.environ.get("PATH", "") + ":/usr/sbin:/sbin"
NODE = "pocsim-node"
PARTITION = "pocsim"


class ClusterDidNotStart(RuntimeError):
    """Slurm or munge could not be brought up here; the message says which
    and ends with the daemon's log."""


def _free_loopback_ports(count):
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def _node_hardware():
    """The node line's hardware fields as slurmd itself detects them, so that
    slurmd registers without being drained for a mismatch."""
    try:
        line = subprocess.run([shutil.which("slurmd", path=SEARCH_PATH) or "slurmd", "-C"],
                              capture_output=True, text=True, timeout=30).stdout
        fields = dict(f.split("=", 1) for f in line.split() if "=" in f)
        keys = ("CPUs", "Boards", "SocketsPerBoard", "CoresPerSocket", "ThreadsPerCore", "RealMemory")
        if all(k in fields for k in keys):
            return " ".join(f"{k}={fields[k]}" for k in keys)
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    kib = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal:"))
    return f"CPUs={os.cpu_count()} RealMemory={kib // 1024}"


def _tail(path, lines=25):
    try:
        text = Path(path).read_text(errors="replace").splitlines()
    except OSError:
        return f"({path}: no log)"
    return f"--- last lines of {path} ---\n" + "\n".join(text[-lines:])


def _adopt_orphans():
    """slurmstepd, which runs each job, leaves slurmd's process tree (it is
    reparented); as a subreaper this process gets it instead of init, so that
    whoever kills this process tree (CTest on a timeout) finds the jobs too."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


class LocalSlurmCluster:
    """Use as a context manager: `with LocalSlurmCluster(folder) as c:`; `c.env`
    is the environment for Slurm's commands (SLURM_CONF set, the caller's own
    SLURM_* variables removed)."""

    def __init__(self, folder, start_timeout=60):
        self.folder = Path(folder).resolve()
        self.start_timeout = start_timeout
        self.conf = self.folder / "slurm" / "slurm.conf"
        self.log_dir = self.folder / "slurm" / "log"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("SLURM_")}
        self.env["SLURM_CONF"] = str(self.conf)
        self._daemons = {}  # name -> (Popen, its log)

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def run(self, args, timeout=60, check=False):
        return subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=timeout,
                              check=check)

    # Bringing it up ---------------------------------------------------------

    def start(self):
        self.programs = {p: shutil.which(p, path=SEARCH_PATH) for p in PROGRAMS}
        missing = [p for p, found in self.programs.items() if not found]
        if missing:
            raise ClusterDidNotStart("not installed: " + ", ".join(missing) +
                                     " (Debian: apt-get install slurm-wlm munge)")
        if os.geteuid() != 0:
            raise ClusterDidNotStart("slurmd needs root here, and this runs as "
                                     f"{pwd.getpwuid(os.geteuid()).pw_name}")
        _adopt_orphans()
        # munged insists that every folder above its socket be searchable by
        # all and that none be writable by others; mkdtemp gives 0700, so a
        # caller's temporary folder above this one needs 0755 too.
        self.folder.mkdir(parents=True, exist_ok=True)
        self.folder.chmod(0o755)
        self._start_munge()
        self._write_config()
        for d in ("state", "spool"):
            (self.folder / "slurm" / d).mkdir(parents=True, exist_ok=True)
        self._start_daemon("slurmctld", [self.programs["slurmctld"], "-D", "-f", str(self.conf)])
        self._start_daemon("slurmd", [self.programs["slurmd"], "-D", "-N", NODE, "-f", str(self.conf)])
        self._wait_for_idle_node()

    def _start_munge(self):
        munge = self.folder / "munge"
        run = self.folder / "run"
        munge.mkdir(mode=0o700)
        run.mkdir(mode=0o755)
        self.munge_socket = run / "munge.socket"
        key = os.open(munge / "munge.key", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o400)
        os.write(key, os.urandom(128))
        os.close(key)
        self._start_daemon("munged", [
            self.programs["munged"], "--foreground", "--force",
            f"--key-file={munge / 'munge.key'}", f"--socket={self.munge_socket}",
            f"--pid-file={run / 'munged.pid'}", f"--seed-file={munge / 'munged.seed'}",
            f"--log-file={munge / 'munged.log'}"], log=munge / "munged.log")
        deadline = time.monotonic() + 15
        while True:
            self._check_alive()
            credential = subprocess.run([self.programs["munge"], "-n", "-S", str(self.munge_socket)],
                                        capture_output=True, timeout=10)
            if credential.returncode == 0 and subprocess.run(
                    [self.programs["unmunge"], "-S", str(self.munge_socket)], input=credential.stdout,
                    capture_output=True, timeout=10).returncode == 0:
                return
            if time.monotonic() > deadline:
                raise ClusterDidNotStart("munged started but does not answer on its socket\n" +
                                         _tail(munge / "munged.log"))
            time.sleep(0.2)

    def _write_config(self):
        slurm = self.folder / "slurm"
        slurm.mkdir()
        self.log_dir.mkdir()
        ctld_port, node_port = _free_loopback_ports(2)
        self.conf.write_text(f"""\
# Generated by tools/slurm/local_cluster.py: a one-node cluster on loopback.
ClusterName=pocsim
SlurmctldHost=localhost
SlurmctldPort={ctld_port}
SlurmdPort={node_port}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket={self.munge_socket}
StateSaveLocation={slurm}/state
SlurmdSpoolDir={slurm}/spool
SlurmctldPidFile={self.folder}/run/slurmctld.pid
SlurmdPidFile={self.folder}/run/slurmd.pid
SlurmctldLogFile={self.log_dir}/slurmctld.log
SlurmdLogFile={self.log_dir}/slurmd.log
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
# The default 300 s would keep finished jobs in scontrol's view for the test's
# checks anyway; longer costs nothing on a cluster this small.
MinJobAge=600
NodeName={NODE} NodeAddr=127.0.0.1 NodeHostname=localhost {_node_hardware()} State=UNKNOWN
PartitionName={PARTITION} Nodes={NODE} Default=YES MaxTime=INFINITE State=UP
""")

    def _start_daemon(self, name, args, log=None):
        log = Path(log) if log else self.log_dir / f"{name}.log"
        console = open(self.folder / "run" / f"{name}.console", "w")
        self._daemons[name] = (subprocess.Popen(args, env=self.env, stdout=console,
                                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL), log)
        console.close()

    def _check_alive(self):
        for name, (process, log) in self._daemons.items():
            if process.poll() is not None:
                console = self.folder / "run" / f"{name}.console"
                raise ClusterDidNotStart(f"{name} exited with status {process.returncode} at start-up\n" +
                                         _tail(log) + "\n" + _tail(console))

    def _wait_for_idle_node(self):
        deadline = time.monotonic() + self.start_timeout
        state = ""
        while time.monotonic() < deadline:
            self._check_alive()
            with contextlib.suppress(subprocess.TimeoutExpired):
                state = self.run(["sinfo", "-h", "-N", "-o", "%T"], timeout=10).stdout.strip()
                if state == "idle":
                    return
            time.sleep(0.5)
        logs = "\n".join(_tail(log) for _, log in self._daemons.values())
        raise ClusterDidNotStart(f"node {NODE} not idle after {self.start_timeout} s "
                                 f"(sinfo says '{state or 'nothing'}')\n{logs}")

    # Tearing it down --------------------------------------------------------

    def stop(self):
        """Cancels every job, stops the daemons and kills what is left of the
        jobs (processes whose environment names this cluster's slurm.conf).
        Safe to call more than once and after a failed start."""
        if "slurmctld" in self._daemons and self._daemons["slurmctld"][0].poll() is None:
            with contextlib.suppress(subprocess.SubprocessError, OSError):
                self.run(["scancel", "--user", "root"], timeout=15)
                deadline = time.monotonic() + 15
                while time.monotonic() < deadline and self.run(
                        ["squeue", "-h", "-o", "%i"], timeout=10).stdout.strip():
                    time.sleep(0.5)
        for name in ("slurmd", "slurmctld", "munged"):
            if name in self._daemons:
                self._terminate(self._daemons.pop(name)[0])
        self._kill_leftover_jobs()

    @staticmethod
    def _terminate(process):
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)

    def _kill_leftover_jobs(self):
        mark = f"SLURM_CONF={self.conf}".encode() + b"\0"
        killed = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            with contextlib.suppress(OSError):
                if mark in (entry / "environ").read_bytes():
                    os.kill(int(entry.name), signal.SIGKILL)
                    killed.append(int(entry.name))
        # Gone before the caller removes the folder they may still write in;
        # adopted ones (see _adopt_orphans) are reaped here.
        deadline = time.monotonic() + 5
        for pid in killed:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
                continue
            while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
                time.sleep(0.05)


def main(argv):
    command = argv[argv.index("--") + 1:] if "--" in argv else [os.environ.get("SHELL", "/bin/bash")]
    folder = tempfile.mkdtemp(prefix="pocsim-slurm-")
    try:
        with LocalSlurmCluster(folder) as cluster:
            print(f"one-node Slurm cluster up: SLURM_CONF={cluster.conf}", file=sys.stderr)
            return subprocess.run(command, env=cluster.env).returncode
    except ClusterDidNotStart as e:
        print(f"local_cluster.py: {e}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
