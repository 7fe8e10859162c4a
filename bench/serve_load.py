"""`make bench` (the server part): `factcheck serve` under N concurrent clients for a bounded time.

    .venv/bin/python bench/serve_load.py [--clients 20] [--seconds 30] [--article corpus/002_….txt]

Starts the server on 127.0.0.1 on a free port (a child process of this script, stopped at the
end), waits until it answers, then runs --clients threads, each posting the article to
POST /v1/check in a loop over one keep-alive connection until --seconds have passed. Prints
requests per second, p50/p95/max latency and the status codes; exits 1 on any error response
(anything but 200) or a failed connection.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(port: int, proc: subprocess.Popen, limit: float = 60.0) -> None:
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit:
        if proc.poll() is not None:
            raise SystemExit(f"serve_load: the server exited with {proc.returncode}")
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/v1/rules")
            if c.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("serve_load: the server did not answer within 60 s")


def client(port: int, body: bytes, deadline: float, out: list, codes: dict, lock: threading.Lock) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Content-Type": "application/json", "Content-Length": str(len(body))}
    while time.monotonic() < deadline:
        t0 = time.perf_counter()
        try:
            conn.request("POST", "/v1/check", body=body, headers=headers)
            r = conn.getresponse()
            r.read()
            code = r.status
        except OSError as e:
            code = f"conn:{type(e).__name__}"
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        dt = time.perf_counter() - t0
        with lock:
            out.append(dt)
            codes[code] = codes.get(code, 0) + 1
    conn.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--article", default=str(ROOT / "corpus" / "002_c1d2f2ebb72fd105.txt"))
    ap.add_argument("--max-concurrent", type=int, default=os.cpu_count() or 4)
    args = ap.parse_args()
    port = free_port()
    proc = subprocess.Popen([str(BIN / "factcheck"), "serve", "--port", str(port), "--references",
                             str(ROOT / "references"), "--max-concurrent", str(args.max_concurrent)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(port, proc)
        body = json.dumps({"text": Path(args.article).read_text("utf-8")}, ensure_ascii=False).encode()
        lat: list[float] = []
        codes: dict = {}
        lock = threading.Lock()
        t0 = time.monotonic()
        deadline = t0 + args.seconds
        threads = [threading.Thread(target=client, args=(port, body, deadline, lat, codes, lock))
                   for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - t0
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    lat.sort()
    p95 = lat[min(len(lat) - 1, int(0.95 * len(lat)))] if lat else float("nan")
    print(f"serve load: {args.clients} clients for {args.seconds:g} s on 127.0.0.1 "
          f"(server --max-concurrent {args.max_concurrent}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.2f})")
    print(f"  requests {len(lat)}, {len(lat) / wall:.1f} requests/s")
    if lat:
        print(f"  latency p50 {statistics.median(lat) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
              f"max {lat[-1] * 1000:.0f} ms")
    print(f"  status codes: {json.dumps({str(k): v for k, v in sorted(codes.items(), key=str)})}")
    bad = sum(v for k, v in codes.items() if k != 200)
    print(f"  {'PASS' if not bad and lat else 'FAIL'}: {bad} error responses")
    return 0 if not bad and lat else 1


if __name__ == "__main__":
    sys.exit(main())
