"""Real servers on loopback for tests: PostgreSQL 15 and nginx from Debian's packages, gunicorn from the venv.

Each is started in a temporary directory on a free port and stopped by the fixture that started it.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not come up within {timeout} s")


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class Postgres:
    directory: Path
    port: int
    as_postgres: list[str]

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def pause(self) -> None:
        """Stop the server as a crash would (``-m immediate``), keeping its data: an outage."""
        subprocess.run(
            [
                *self.as_postgres,
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(self.directory / "data"),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
            check=False,
            capture_output=True,
        )

    def resume(self) -> None:
        """Start it again on the same port after :meth:`pause`."""
        _pg_ctl_start(self.directory, self.port, self.as_postgres)

    def stop(self) -> None:
        self.pause()
        shutil.rmtree(self.directory, ignore_errors=True)


def postgres_available() -> bool:
    return (PG_BIN / "initdb").is_file() and (PG_BIN / "pg_ctl").is_file()


def start_postgres() -> Postgres:
    """initdb + pg_ctl start on 127.0.0.1 and a free port; as the ``postgres`` user when running as root."""
    directory = Path(tempfile.mkdtemp(prefix="aiguard-pg-"))
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        os.chown(directory, entry.pw_uid, entry.pw_gid)
        as_postgres = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    data = directory / "data"
    subprocess.run(
        [
            *as_postgres,
            str(PG_BIN / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ],
        check=True,
        capture_output=True,
    )
    _pg_ctl_start(directory, port, as_postgres)
    return Postgres(directory=directory, port=port, as_postgres=as_postgres)


def _pg_ctl_start(directory: Path, port: int, as_postgres: list[str]) -> None:
    subprocess.run(
        [
            *as_postgres,
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(directory / "data"),
            "-l",
            str(directory / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            f"-h 127.0.0.1 -p {port} -k {directory} -c fsync=off",
            "start",
        ],
        check=True,
        capture_output=True,
    )


REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def redis_available() -> bool:
    return Path(REDIS_SERVER).is_file()


@dataclass
class Redis:
    """``redis-server`` on 127.0.0.1 and a fixed port, without persistence, in a temporary directory."""

    directory: Path
    port: int
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def resume(self) -> None:
        log = self.directory / "redis.log"
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                *("--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"),
                *("--dir", str(self.directory), "--logfile", str(log), "--protected-mode", "yes"),
            ],
            cwd=self.directory,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        process = self.process
        wait_for(lambda: port_open(self.port) or process.poll() is not None, 30, "redis-server")
        if process.poll() is not None:
            raise RuntimeError(log.read_text(errors="replace") if log.exists() else "redis-server exited")

    def pause(self) -> None:
        """Kill it (SIGKILL): an outage; counters are lost, as after any Redis restart."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None

    def stop(self) -> None:
        self.pause()
        shutil.rmtree(self.directory, ignore_errors=True)


def start_redis() -> Redis:
    redis = Redis(directory=Path(tempfile.mkdtemp(prefix="aiguard-redis-")), port=free_port())
    redis.resume()
    return redis


@dataclass
class Process:
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


GUNICORN_CONF = REPO / "deploy" / "gunicorn.conf.py"


def start_gunicorn(
    environment: dict[str, str], workers: int, log: Path, port: int | None = None, shipped_config: bool = False
) -> Process:
    """gunicorn on loopback; ``shipped_config`` runs it with deploy/gunicorn.conf.py (JSON errors, gthread)."""
    port = port or free_port()
    config = ["-c", str(GUNICORN_CONF)] if shipped_config else []
    env = {**os.environ, **environment, "PYTHONPATH": str(REPO)}
    with open(log, "wb") as log_file:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                *config,
                "-w",
                str(workers),
                "-b",
                f"127.0.0.1:{port}",
                "--access-logfile",
                "-",
                "server.wsgi:app",
            ],
            cwd=REPO,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    started = Process(process, port, log)
    try:
        wait_for(lambda: port_open(port) or process.poll() is not None, 60, "gunicorn")
    except TimeoutError:
        started.stop()
        raise
    if process.poll() is not None:
        raise RuntimeError(f"gunicorn exited: {log.read_text(errors='replace')[-2000:]}")
    return started
