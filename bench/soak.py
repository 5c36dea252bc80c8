#!/usr/bin/env python3
"""The soak run's traffic and watch (issue 25), driven by bench/soak.sh; standard library only.

For --minutes, against a running Sift (one serve node, ingest in worker processes):
  * readers: --readers reading accounts, made by the admin on /admin/users. Four in five read the web pages (the
    river, a post, a search, a post marked read, now and then the digest); one in five syncs through the Google
    Reader API with an app password (unread ids, their contents, marking them read). Each waits 1 to 5 s
    between two actions, as a person or an app polling does.
  * churn: every --flip-every seconds the feed server's folder moves to the next feedgen generation.
  * the admin: at a third and at two thirds of the run, retrains the stance model and re-scores the archive.
  * watch: every 60 s, each Sift process's heap (total used, and live after a full GC every 5 minutes), open
    files, threads and resident memory.
Prints one JSON report: answers by kind (count, errors by status, p50 and p99 ms) and the samples.
"""
import argparse
import http.cookiejar
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

CSRF = re.compile(r'name="_csrf" value="([^"]+)"')
POST_LINK = re.compile(r'href="/posts/(\d+)"')
WORDS = ["bgp", "evpn", "vxlan", "ai", "llm", "netlab", "release", "podcast", "ospf", "automation", "latency"]


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.kinds = {}

    def add(self, kind, status, ms):
        with self.lock:
            k = self.kinds.setdefault(kind, {"n": 0, "errors": {}, "ms": []})
            k["n"] += 1
            k["ms"].append(ms)
            if status not in (200, 204, 303, 304):
                k["errors"][str(status)] = k["errors"].get(str(status), 0) + 1

    def report(self):
        out = {}
        with self.lock:
            for kind, k in sorted(self.kinds.items()):
                ms = sorted(k["ms"])
                out[kind] = {"n": k["n"], "errors": k["errors"],
                             "p50_ms": round(ms[len(ms) // 2], 1) if ms else None,
                             "p99_ms": round(ms[min(len(ms) - 1, int(len(ms) * 0.99))], 1) if ms else None}
        return out


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """One reader's browser or app: a cookie jar, and every answer counted under its kind."""

    def __init__(self, base, stats):
        self.base = base
        self.stats = stats
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())
        self.csrf = None

    def call(self, kind, path, data=None, headers=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        started = time.monotonic()
        try:
            with self.opener.open(req, timeout=30) as r:
                text = r.read().decode("utf-8", "replace")
                status = r.status
        except urllib.error.HTTPError as e:
            text = e.read().decode("utf-8", "replace")
            status = e.code
        except Exception as e:  # a timeout or a refused connection is an error too
            text, status = "", type(e).__name__
        self.stats.add(kind, status, (time.monotonic() - started) * 1000)
        m = CSRF.search(text)
        if m:
            self.csrf = m.group(1)
        return status, text

    def sign_in(self, name, password):
        self.call("login page", "/login")
        status, _ = self.call("login", "/login", {"_csrf": self.csrf, "name": name, "password": password, "next": "/"})
        if status != 303:
            raise RuntimeError(f"{name} cannot sign in: {status}")
        self.call("river", "/")  # the signed-in session's request token


def web_reader(client, stop, rng):
    post_ids = []
    while not stop.is_set():
        roll = rng.random()
        if roll < 0.35 or not post_ids:
            _, page = client.call("river", "/")
            post_ids = POST_LINK.findall(page) or post_ids
        elif roll < 0.65:
            client.call("post", "/posts/" + rng.choice(post_ids))
        elif roll < 0.80:
            client.call("search", "/search?q=" + rng.choice(WORDS))
        elif roll < 0.95:
            client.call("mark read", "/posts/" + rng.choice(post_ids) + "/state", {"_csrf": client.csrf, "read": "true"})
        else:
            client.call("digest", "/digest")
        stop.wait(rng.uniform(1, 5))


def api_reader(client, auth, stop, rng):
    api = "/api/greader/reader/api/0"
    h = {"Authorization": "GoogleLogin auth=" + auth}
    _, token = client.call("api token", api + "/token", headers=h)
    token = token.strip()
    while not stop.is_set():
        _, ids = client.call("api unread ids", api + "/stream/items/ids?output=json&n=100"
                             "&s=user/-/state/com.google/reading-list&xt=user/-/state/com.google/read", headers=h)
        try:
            refs = [r["id"] for r in json.loads(ids).get("itemRefs", [])]
        except ValueError:
            refs = []
        if refs:
            some = rng.sample(refs, min(10, len(refs)))
            client.call("api contents", api + "/stream/items/contents?output=json",
                        [("i", i) for i in some], headers=h)
            client.call("api mark read", api + "/edit-tag",
                        [("T", token), ("a", "user/-/state/com.google/read")] + [("i", i) for i in some[:3]], headers=h)
        stop.wait(rng.uniform(1, 5))


def heap_kb(pid, full_gc):
    if full_gc:
        subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=60)
    out = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, timeout=60).stdout
    used = re.findall(r"total \d+K, used (\d+)K", out)  # G1: one heap; Serial and Parallel: each generation
    return sum(int(u) for u in used) if used else None


def proc_status(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            fields[k] = v.strip()
    return {"open_files": len(os.listdir(f"/proc/{pid}/fd")), "threads": int(fields["Threads"]),
            "rss_mb": int(fields["VmRSS"].split()[0]) // 1024}


def watch(pids, stop, samples, started):
    n = 0
    while not stop.is_set():
        full = n % 5 == 0
        for name, pid in pids.items():
            try:
                s = {"minute": round((time.monotonic() - started) / 60, 1), "node": name,
                     "heap_used_mb": (heap_kb(pid, False) or 0) // 1024, **proc_status(pid)}
                if full:
                    s["live_heap_mb"] = (heap_kb(pid, True) or 0) // 1024
                samples.append(s)
            except (OSError, subprocess.SubprocessError) as e:
                samples.append({"node": name, "error": str(e)})
        n += 1
        stop.wait(60)


def churn(current, generations, every, stop, flips):
    g = 1
    while not stop.wait(every) and g < generations:
        g += 1
        tmp = current + ".next"
        os.symlink(os.path.join(os.path.dirname(current), f"g{g}"), tmp)
        os.replace(tmp, current)
        flips.append({"minute": round((time.time() - flips[0]["at"]) / 60, 1), "generation": g})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--admin-password", required=True)
    ap.add_argument("--readers", type=int, default=100)
    ap.add_argument("--minutes", type=float, default=30)
    ap.add_argument("--pids", required=True, help="name=pid,name=pid")
    ap.add_argument("--current", required=True, help="the symlink the feed server serves")
    ap.add_argument("--generations", type=int, required=True)
    ap.add_argument("--flip-every", type=float, default=180)
    a = ap.parse_args()
    stats, rng = Stats(), random.Random(25)
    admin = Client(a.base, stats)
    admin.sign_in("admin", a.admin_password)
    names = []
    for i in range(a.readers):
        name, password = f"reader{i:03d}", f"soak reader {i:03d} password"
        admin.call("admin page", "/admin/users")
        admin.call("add reader", "/admin/users", {"_csrf": admin.csrf, "name": name, "password": password})
        names.append((name, password))
    stop = threading.Event()
    threads = []
    for i, (name, password) in enumerate(names):
        client = Client(a.base, stats)
        client.sign_in(name, password)
        if i % 5 == 4:
            _, page = client.call("account", "/account/apps", {"_csrf": client.csrf, "name": "soak"})
            app_password = re.search(r'id="new-app-password">([^<]+)<', page).group(1)
            _, login = client.call("api login", "/api/greader/accounts/ClientLogin",
                                   {"Email": name, "Passwd": app_password})
            auth = re.search(r"(?m)^Auth=(\S+)", login).group(1)
            target = (api_reader, (client, auth, stop, random.Random(i)))
        else:
            target = (web_reader, (client, stop, random.Random(i)))
        threads.append(threading.Thread(target=target[0], args=target[1], daemon=True))
    started = time.monotonic()
    samples, flips = [], [{"at": time.time(), "generation": 1}]
    pids = dict(p.split("=") for p in a.pids.split(","))
    background = [threading.Thread(target=watch, args=(pids, stop, samples, started), daemon=True),
                  threading.Thread(target=churn, args=(a.current, a.generations, a.flip_every, stop, flips), daemon=True)]
    for t in threads + background:
        t.start()
    admin_jobs = []
    for third in (1, 2):
        stop.wait(max(0.0, started + a.minutes * 60 * third / 3 - time.monotonic()))
        admin.call("admin page", "/admin/classifiers/models")
        for path in ("/admin/classifiers/models/retrain", "/admin/classifiers/rescore"):
            status, _ = admin.call("admin job", path, {"_csrf": admin.csrf})
            admin_jobs.append({"minute": round((time.monotonic() - started) / 60, 1), "job": path, "status": status})
    stop.wait(max(0.0, started + a.minutes * 60 - time.monotonic()))
    stop.set()
    for t in threads:
        t.join(60)
    print(json.dumps({"minutes": a.minutes, "readers": a.readers, "answers": stats.report(),
                      "admin_jobs": admin_jobs, "generations": flips[1:], "samples": samples}, indent=1))


if __name__ == "__main__":
    sys.exit(main())
