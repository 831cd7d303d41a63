"""Load test: ``POST /api/v1/scan`` with a 2,000-character Chinese e-mail from 50 concurrent clients.

Starts gunicorn on loopback (1 worker, then 2) in development-sign-in mode, drives it with threads that
each keep one HTTP/1.1 connection (``http.client``), and prints throughput, p50/p95/p99 latency and the
error count for each. Two loads: back to back (every client sends its next request as soon as the answer
arrives: the server's saturation throughput; by Little's law latency is then clients / throughput) and
paced (each client starts a request every second, 50 requests/s offered: 50 officials checking drafts at once).
Traffic goes to 127.0.0.1 only; every run is bounded by ``--requests``.

    python bench/load.py                 # 50 clients, 4,000 requests per configuration
    python bench/load.py --workers 1 2 4 --clients 50 --requests 4000

Target on a 2-core machine: zero errors, p95 under 50 ms. Exit code 1 if any run has errors.

The fault run (``--fault``) starts its own PostgreSQL and Redis (as ``tests/server/local_services.py`` does),
gunicorn with ``deploy/gunicorn.conf.py`` (2 workers, Redis rate limit, PostgreSQL audit) and 50 clients each
scanning every ``--fault-pace-ms``; meanwhile it kills one worker (SIGKILL), stops PostgreSQL as a crash would
and starts it again, then does the same to Redis. It prints, per phase and in total, requests answered (200),
refused with 503, and other errors (any other status, a dropped connection), and the audit rows against the
answered scans — equal when every answered scan was recorded and no refused one was::

    python bench/load.py --fault
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET_P95_MS = 50.0

PARAGRAPHS = (
    "各位同仁好：\n",
    "有關本局辦理「114年度市民服務滿意度調查」一案，經召開第三次工作會議，會議紀錄如附件，請查照。",
    "本次會議決議事項如下：一、問卷題目依各科室意見修正，並於下週三前送研考科彙整；二、抽樣方式維持分層隨機抽樣，"
    "各行政區樣本數依人口比例分配；三、電話訪問時段調整為平日下午二時至晚間九時，以提高成功率。",
    "另請各科室指派聯絡窗口一名，並於本週五前回覆姓名與分機。如有疑問，請洽承辦人王小明，電話(02)2960-3456分機1234，"
    "手機0912-345-678，電子郵件wang.xiaoming@ntpc.gov.tw。",
    "附帶說明：上次會議提及之民眾陳情案件，陳情人李大華（身分證字號A123456789）已於本月十日來電補充資料，"
    "相關內容已轉交法制科研處。請各位同仁注意，涉及個人資料之文件請勿以生成式AI工具處理，並遵守本府作業指引。",
    "會議紀錄草稿由研考科整理，若對內容有修正意見，請於三日內以電子郵件回覆，逾期視為無意見。",
)


def two_thousand_character_email() -> str:
    text = ""
    while len(text) < 2000:
        for paragraph in PARAGRAPHS:
            text += paragraph + "\n"
    return text[:2000]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_ready(port: int, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited during start-up")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/readyz")
            if connection.getresponse().status == 200:
                connection.close()
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError("gunicorn not ready")


@dataclass
class RunResult:
    workers: int
    clients: int
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    pace_ms: float = 0

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]

    def line(self) -> str:
        load = f"paced every {self.pace_ms:.0f} ms" if self.pace_ms else "back-to-back"
        mean = statistics.fmean(self.latencies_ms) if self.latencies_ms else float("nan")
        return (
            f"workers={self.workers} clients={self.clients} {load} requests={self.requests} "
            f"errors={self.errors} throughput={self.requests / self.seconds:.1f} req/s "
            f"p50={self.percentile(0.50):.1f} ms p95={self.percentile(0.95):.1f} ms "
            f"p99={self.percentile(0.99):.1f} ms mean={mean:.1f} ms"
        )


def drive(port: int, clients: int, total: int, body: bytes, pace_ms: float = 0) -> tuple[list[float], int, float]:
    """Send ``total`` requests from ``clients`` threads; with ``pace_ms`` each client starts a request at
    most every ``pace_ms`` (a user who reads the answer), else back to back (saturation)."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    remaining = [total]
    start_gate = threading.Barrier(clients + 1)

    def client() -> None:
        nonlocal errors
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        next_start = [0.0]
        start_gate.wait()
        next_start[0] = time.perf_counter() + random.uniform(0, pace_ms / 1000)
        while True:
            with lock:
                if remaining[0] <= 0:
                    break
                remaining[0] -= 1
            began = time.perf_counter()
            if pace_ms and next_start[0] > began:
                time.sleep(next_start[0] - began)
                began = time.perf_counter()
            next_start[0] = began + pace_ms / 1000
            try:
                connection.request("POST", "/api/v1/scan", body=body, headers={"Content-Type": "application/json"})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = (time.perf_counter() - began) * 1000
            with lock:
                latencies.append(elapsed)
                if not ok:
                    errors += 1
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    start_gate.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - began


def run(workers: int, clients: int, total: int, warmup: int, pace_ms: float) -> RunResult:
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="aiguard-bench-") as directory:
        environment = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "AIGUARD_DEV_MODE": "1",
            "AIGUARD_DATA_DIR": directory,
            "AIGUARD_CONFIG_DIR": directory,
            "AIGUARD_RATE_LIMIT": "1000000 per minute",
            "AIGUARD_LOG_LEVEL": "WARNING",
        }
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-w",
                str(workers),
                "-k",
                "gthread",
                "--threads",
                "8",
                "-b",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
                "server.wsgi:app",
            ],
            cwd=REPO,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_ready(port, process)
            body = json.dumps(
                {
                    "text": two_thousand_character_email(),
                    "channel": "outlook",
                    "subject": "第三次工作會議紀錄",
                    "recipients": ["staff@ntpc.gov.tw"],
                }
            ).encode()
            drive(port, min(clients, warmup), warmup, body)
            latencies, errors, seconds = drive(port, clients, total, body, pace_ms)
        finally:
            process.terminate()
            process.wait(timeout=30)
    return RunResult(workers, clients, len(latencies), errors, seconds, latencies, pace_ms)


FAULT_PHASES = (
    ("steady", None),
    ("one worker killed", "kill_worker"),
    ("PostgreSQL stopped", "stop_postgres"),
    ("PostgreSQL restarted", "start_postgres"),
    ("Redis stopped", "stop_redis"),
    ("Redis restarted", "start_redis"),
)


def _outcome(connection: http.client.HTTPConnection, body: bytes) -> str:
    connection.request("POST", "/api/v1/scan", body=body, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    return {200: "answered", 503: "503"}.get(response.status, f"status {response.status}")


def fault_run(clients: int, phase_seconds: float, pace_ms: float) -> int:
    """50 clients through a killed worker, a PostgreSQL outage and a Redis outage; see the module docstring."""
    sys.path.insert(0, str(REPO / "tests" / "server"))
    import psycopg
    from local_services import start_gunicorn, start_postgres, start_redis

    postgres, redis = start_postgres(), start_redis()
    with psycopg.connect(f"host=127.0.0.1 port={postgres.port} user=postgres dbname=postgres", autocommit=True) as db:
        db.execute("CREATE DATABASE aiguard_bench")
    port = free_port()
    directory = tempfile.mkdtemp(prefix="aiguard-fault-")
    environment = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "AIGUARD_DEV_MODE": "1",
        "AIGUARD_DATA_DIR": directory,
        "AIGUARD_CONFIG_DIR": directory,
        "AIGUARD_DATABASE_URL": postgres.url("aiguard_bench"),
        "AIGUARD_RATE_LIMIT_STORAGE_URL": redis.url,
        "AIGUARD_RATE_LIMIT": "1000000 per minute",
        "AIGUARD_LOG_LEVEL": "WARNING",
    }
    log_path = Path(directory) / "gunicorn.log"
    master = start_gunicorn(environment, workers=2, log=log_path, port=port, shipped_config=True).process
    body = json.dumps({"text": two_thousand_character_email(), "channel": "outlook", "subject": "會議紀錄"}).encode()
    outcomes: dict[str, Counter[str]] = {name: Counter() for name, _ in FAULT_PHASES}
    phase = [FAULT_PHASES[0][0]]
    stop = threading.Event()
    lock = threading.Lock()

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        next_start = time.perf_counter() + random.uniform(0, pace_ms / 1000)
        while not stop.is_set():
            time.sleep(max(0.0, next_start - time.perf_counter()))
            next_start += pace_ms / 1000
            current = phase[0]
            try:
                outcome = _outcome(connection, body)
            except (OSError, http.client.HTTPException):
                outcome = "connection error"
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            with lock:
                outcomes[current][outcome] += 1
        connection.close()

    def act(action: str | None) -> None:
        if action == "kill_worker":
            workers = subprocess.run(["pgrep", "-P", str(master.pid)], capture_output=True, text=True).stdout.split()
            os.kill(int(workers[0]), signal.SIGKILL)
        elif action == "stop_postgres":
            postgres.pause()
        elif action == "start_postgres":
            postgres.resume()
        elif action == "stop_redis":
            redis.pause()
        elif action == "start_redis":
            redis.resume()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    try:
        wait_until_ready(port, master)
        for thread in threads:
            thread.start()
        for name, action in FAULT_PHASES:
            phase[0] = name
            act(action)
            time.sleep(phase_seconds)
        stop.set()
        for thread in threads:
            thread.join()
        with psycopg.connect(postgres.url("aiguard_bench").replace("+psycopg", "")) as db:
            rows = db.execute("SELECT count(*) FROM audit_events WHERE action = 'scan'").fetchone()[0]
    finally:
        stop.set()
        master.terminate()
        master.wait(timeout=30)
        redis.stop()
        postgres.stop()
    total: Counter[str] = Counter()
    print(
        f"fault run: {clients} clients, each a scan every {pace_ms:.0f} ms, {phase_seconds:.0f} s per phase, "
        "gunicorn -w 2 (gthread), PostgreSQL audit, Redis rate limit"
    )
    for name, _ in FAULT_PHASES:
        counts = outcomes[name]
        total.update(counts)
        other = sum(n for outcome, n in counts.items() if outcome not in ("answered", "503"))
        print(
            f"  {name:22} answered={counts['answered']:5} 503={counts['503']:5} other errors={other:3} "
            f"{dict((k, v) for k, v in counts.items() if k not in ('answered', '503'))}"
        )
    other = sum(n for outcome, n in total.items() if outcome not in ("answered", "503"))
    print(f"  {'total':22} answered={total['answered']:5} 503={total['503']:5} other errors={other:3}")
    answered_scans = total["answered"]  # the readiness wait sends GET /readyz only: no audit row
    print(
        f"  audit rows for scans: {rows} vs answered scans: {answered_scans} "
        f"({'equal' if rows == answered_scans else 'DIFFERENT'})"
    )
    unhandled = log_path.read_text(errors="replace").count("Traceback")
    print(f"  tracebacks in the gunicorn log: {unhandled}")
    return 0 if other == 0 and rows == answered_scans else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument(
        "--pace-ms",
        type=float,
        nargs="+",
        default=[0, 1000],
        help="per-client interval between request starts; 0 = back to back (saturation). Default: 0 and 1000",
    )
    parser.add_argument("--fault", action="store_true", help="the fault run instead of the load runs")
    parser.add_argument("--fault-phase-seconds", type=float, default=8.0)
    parser.add_argument("--fault-pace-ms", type=float, default=500.0)
    args = parser.parse_args(argv)
    if args.fault:
        return fault_run(args.clients, args.fault_phase_seconds, args.fault_pace_ms)
    print(f"POST /api/v1/scan, {len(two_thousand_character_email())}-character e-mail, {args.clients} clients")
    failed = False
    for pace_ms in args.pace_ms:
        for workers in args.workers:
            result = run(workers, args.clients, args.requests, args.warmup, pace_ms)
            verdict = "ok" if result.errors == 0 and result.percentile(0.95) < TARGET_P95_MS else "MISSES p95 TARGET"
            print(result.line(), verdict, flush=True)
            failed = failed or result.errors > 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
