#!/usr/bin/env python3
"""Reader traffic at a fixed rate against a running Sift, and its latency; standard library only (issue 26).

Requests leave on a fixed schedule (--rate a second, open loop), whatever the answers take, and each latency is
measured from when its request was due: a slow answer delays the requests behind it on the same connection, and
that wait counts (no coordinated omission). --connections keep-alive connections share the schedule.

Views (--views, comma-separated, taken in turn):
  river   the first page of the river, /
  post    a post page, /posts/ID, ID one of those the river pages listed so far
  search  /search?q=QUERY, QUERY taken in turn from --queries (;-separated; by default the 12 of `sift bench-search`)
Prints one line a view (answers, errors, p50, p90, p99 and max in ms) and one for all; with --json, a JSON object.
--nice0-pid PID puts the background threads of that Sift process (analysis, search index) back at nice 0 every
second while the traffic runs, to compare with the lower priority they give themselves.
Usage: paced.py BASE --cookie 'sift_session=...' [--rate 200] [--seconds 60] [--views river,post]
"""
import argparse
import http.client
import json
import os
import re
import subprocess
import threading
import time
import urllib.parse

POST_LINK = re.compile(r'href="/posts/(\d+)"')


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--cookie", default="")
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--views", default="river,post")
    parser.add_argument("--queries", default='bgp;"route reflector";evpn vxlan -mlag;ipv6 OR dns;kind:podcast ansible;'
                        '(ospf OR isis) convergence;rdma incast after:2025-01-01;kubernetes networking;'
                        'postmortem outage -kind:release;"packet loss" latency;netbox kind:release;optics power draw')
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--nice0-pid", type=int)
    parser.add_argument("--window", type=float, default=0, help="also p50 and p99 of every WINDOW seconds")
    a = parser.parse_args()
    url = urllib.parse.urlsplit(a.base)
    views = a.views.split(",")
    queries = a.queries.split(";")
    post_ids = []
    results = {view: [] for view in views}
    windows = {}
    errors = {view: 0 for view in views}
    lock = threading.Lock()
    start = time.monotonic() + 0.5
    total = int(a.rate * a.seconds)

    def path(n):
        view = views[n % len(views)]
        if view == "river":
            return view, "/"
        if view == "post":
            with lock:
                if post_ids:
                    return view, f"/posts/{post_ids[(n * 7919) % len(post_ids)]}"
            return view, "/"
        return view, "/search?q=" + urllib.parse.quote(queries[n % len(queries)])

    def worker(k):
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        for n in range(k, total, a.connections):
            due = start + n / a.rate
            wait = due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            view, target = path(n)
            status, body = 0, b""
            for attempt in (1, 2):
                try:
                    conn.request("GET", target, headers={"Cookie": a.cookie})
                    response = conn.getresponse()
                    status, body = response.status, response.read()
                    break
                except (OSError, http.client.HTTPException):
                    conn.close()
                    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
            ms = (time.monotonic() - due) * 1000
            with lock:
                results[view].append(ms)
                if a.window:
                    windows.setdefault(int(n / a.rate // a.window), []).append(ms)
                if status != 200:
                    errors[view] += 1
                if view != "post" and status == 200 and len(post_ids) < 5000:
                    post_ids.extend(int(i) for i in POST_LINK.findall(body.decode("utf-8", "replace")))
        conn.close()

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(a.connections)]
    for t in threads:
        t.start()
    done = threading.Event()
    if a.nice0_pid:
        threading.Thread(target=nice0, args=(a.nice0_pid, done), daemon=True).start()
    for t in threads:
        t.join()
    done.set()
    report = {}
    every = []
    for view in views:
        every += results[view]
        report[view] = summary(results[view], errors[view])
    report["all"] = summary(every, sum(errors.values()))
    report["rate"] = a.rate
    report["seconds"] = a.seconds
    report["windows"] = [dict(start=k * a.window, **summary(v, 0)) for k, v in sorted(windows.items())]
    if a.json:
        print(json.dumps(report))
    else:
        for name in views + ["all"]:
            s = report[name]
            print(f"{name:8} {s['answers']:7d} answers {s['errors']:5d} errors  p50 {s['p50']:7.1f}  p90 {s['p90']:7.1f}"
                  f"  p99 {s['p99']:7.1f}  max {s['max']:7.1f} ms")
        for w in report["windows"]:
            print(f"  from {w['start']:5.0f} s: p50 {w['p50']:7.1f}  p99 {w['p99']:7.1f}  max {w['max']:7.1f} ms")


def nice0(pid, done):
    """Until done: every second, Sift's background threads in process pid back at nice 0."""
    while not done.is_set():
        for task in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{task}/comm") as comm:
                    name = comm.read().strip()
            except OSError:
                continue
            if name.startswith(("sift-analysis", "sift-search-ind")):
                subprocess.run(["renice", "-n", "0", "-p", task], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        done.wait(1)


def summary(values, errors):
    return {"answers": len(values), "errors": errors, "p50": percentile(values, 50), "p90": percentile(values, 90),
            "p99": percentile(values, 99), "max": max(values) if values else float("nan")}


if __name__ == "__main__":
    main()
