"""Requests per second and p50/p99 latency of the public pages under load, cached and uncached (issue 18).

Not part of the test suite. Runs the portal as in production (portal.settings.production,
gunicorn with 2 sync workers) on the PostgreSQL database of DATABASE_URL (and Redis when
REDIS_URL is set; else the embedded default's file cache under a scratch var/), then measures
each page with `wrk` (Debian's package: `apt-get install -y wrk`; the script installs it when
it may) at 8 and 32 connections:

- uncached: PORTAL_PAGE_CACHE=0, every request renders the page;
- cached: PORTAL_PAGE_CACHE=1, anonymous visitors get the page cache;
- nginx (with --nginx): nginx in front with docs/deploy/nginx-cache.conf.

Then "a publish is visible within one second": another process publishes a new title of a news
article through the ORM (as the Celery worker's scheduled publication does) and this script
polls the article's address anonymously until the new title shows; it prints the delay. The
article's title is put back afterwards. This writes to the database: never run it on a database
you cannot write (it refuses `portal_bench`; copy it with `createdb -T portal_bench ...`).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_copy REDIS_URL=redis://127.0.0.1:6379/11 \\
        .venv/bin/python bench/load.py --duration 10 --nginx
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CONNECTIONS = (8, 32)

FIND_PATHS = """
from documents.models import OfficialDocumentPage
from news.models import NewsPage
news = NewsPage.objects.live().filter(locale__language_code="vi").order_by("-first_published_at").first()
doc = OfficialDocumentPage.objects.live().filter(confidential=False, locale__language_code="vi").order_by("-pk").first()
print(news.url)
print(doc.url)
print(news.pk)
"""

PUBLISH = """
import sys, time
from news.models import NewsPage
page = NewsPage.objects.get(pk={pk})
page.title = {title!r}
page.save_revision().publish()
print(time.time())
"""


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("wrk is missing: installing Debian's package (apt-get install -y wrk)", file=sys.stderr)
    command = ["apt-get", "install", "-y", "wrk"] if os.geteuid() == 0 else ["sudo", "apt-get", "install", "-y", "wrk"]
    if subprocess.run(command, check=False).returncode != 0 or not shutil.which("wrk"):
        sys.exit("Install wrk first: apt-get install -y wrk")


def environment(scratch, cache_on, frontend_cache_url=""):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        PORTAL_VAR_DIR=str(scratch / "var"),
        STATIC_ROOT=str(scratch / "static"),
        MEDIA_ROOT=str(scratch / "media"),
        PORTAL_PAGE_CACHE="1" if cache_on else "0",
        FRONTEND_CACHE_URL=frontend_cache_url,
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env, *args, stdin=None):
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, input=stdin, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return result.stdout


def wait_for(url, timeout=240):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=180).read()
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    sys.exit(f"{url} did not answer within {timeout} s")


def start_gunicorn(env, port):
    return subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--workers",
            "2",
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            # A cold page at volume (renditions made on first sight) may take longer than 30 s.
            "--timeout",
            "180",
        ],
        cwd=BASE_DIR,
        env=env,
    )


def start_nginx(scratch, port, purge_port, upstream_port):
    conf = (BASE_DIR / "docs" / "deploy" / "nginx-cache.conf").read_text()
    for name, value in {
        "CACHE_DIR": str(scratch / "nginx-cache"),
        "LISTEN": f"127.0.0.1:{port}",
        "PURGE_LISTEN": f"127.0.0.1:{purge_port}",
        "UPSTREAM": f"127.0.0.1:{upstream_port}",
        "PROTO": "http",
    }.items():
        conf = conf.replace(f"@@{name}@@", value)
    # nginx started as root runs its workers as nobody: they must reach the cache and temp folders.
    scratch.chmod(0o755)
    (scratch / "nginx").mkdir(exist_ok=True)
    for folder in ("nginx-cache", "nginx/body", "nginx/proxy", "nginx/fastcgi", "nginx/uwsgi", "nginx/scgi"):
        (scratch / folder).mkdir(parents=True, exist_ok=True)
        (scratch / folder).chmod(0o777)
    (scratch / "nginx" / "portal.conf").write_text(conf)
    (scratch / "nginx" / "nginx.conf").write_text(
        f"""daemon off;
worker_processes 1;
pid {scratch}/nginx/nginx.pid;
error_log {scratch}/nginx/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {scratch}/nginx/body;
    proxy_temp_path {scratch}/nginx/proxy;
    fastcgi_temp_path {scratch}/nginx/fastcgi;
    uwsgi_temp_path {scratch}/nginx/uwsgi;
    scgi_temp_path {scratch}/nginx/scgi;
    include {scratch}/nginx/portal.conf;
}}
"""
    )
    return subprocess.Popen(["nginx", "-p", str(scratch / "nginx"), "-c", str(scratch / "nginx" / "nginx.conf")])


def to_ms(value):
    """wrk's "1.23ms", "456.00us", "2.01s" in ms (NaN when it measured nothing)."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value)
    if match is None:
        return float("nan")
    number, unit = match.groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, connections, duration):
    output = subprocess.run(
        ["wrk", "-t", "2", "-c", str(connections), "-d", f"{duration}s", "--timeout", "60s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50, p99 = (
        to_ms(match.group(1)) if (match := re.search(rf"{q}%\s+(\S+)", output)) else float("nan") for q in (50, 99)
    )
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rps, p50, p99, int(errors.group(1)) if errors else 0


def measure(base, pages, duration, mode):
    rows = {}
    for name, path in pages:
        urllib.request.urlopen(base + path, timeout=180).read()  # warm: the first render fills the caches
        for connections in CONNECTIONS:
            rows[(name, connections)] = result = wrk(base + path, connections, duration)
            rps, p50, p99, errors = result
            print(f"  {mode} {name} c={connections}: {rps:.1f} req/s, p50 {p50:.1f} / p99 {p99:.1f} ms", flush=True)
    return rows


def publish_delay(env, base, path, pk, title):
    """Seconds from another process's committed publication to its first anonymous sighting.

    The page is polled while the other process runs (every 10 ms); the other process prints the
    time its publication returned (committed), which is compared with the first sighting.
    """
    urllib.request.urlopen(base + path).read()
    urllib.request.urlopen(base + path).read()
    marker = f"{title} [bench {secrets.token_hex(3)}]"
    publisher = subprocess.Popen(
        [PYTHON, "manage.py", "shell"],
        cwd=BASE_DIR,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    publisher.stdin.write(PUBLISH.format(pk=pk, title=marker))
    publisher.stdin.close()
    seen_at = None
    deadline = time.time() + 120
    while time.time() < deadline:
        if marker in urllib.request.urlopen(base + path).read().decode():
            seen_at = time.time()
            break
        time.sleep(0.01)
    published_at = float(publisher.stdout.read().strip().splitlines()[-1])
    publisher.wait()
    manage(env, "shell", stdin=PUBLISH.format(pk=pk, title=title))
    return max(0.0, seen_at - published_at) if seen_at is not None else float("inf")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of each wrk run (default 10)")
    parser.add_argument("--port", type=int, default=8811)
    parser.add_argument("--nginx", action="store_true", help="also measure through nginx in front")
    parser.add_argument("--only", choices=["uncached", "cached", "nginx"], action="append")
    args = parser.parse_args()
    database = os.environ.get("DATABASE_URL", "")
    if not database.startswith("postgres"):
        sys.exit("DATABASE_URL must name a PostgreSQL database (a copy: the publish check writes to it).")
    if database.rstrip("/").rsplit("/", 1)[-1] == "portal_bench":
        sys.exit("Refusing to write to portal_bench: copy it (createdb -T portal_bench portal_bench_<you>).")
    ensure_wrk()
    modes = args.only or ["uncached", "cached"] + (["nginx"] if args.nginx else [])
    scratch = Path(tempfile.mkdtemp(prefix="portal-load-"))
    base = f"http://127.0.0.1:{args.port}"
    nginx_port, purge_port = args.port + 1, args.port + 2
    results, delays = {}, {}
    try:
        setup_env = environment(scratch, True)
        manage(setup_env, "collectstatic", "--noinput", "-v", "0")
        news_path, document_path, news_pk = manage(setup_env, "shell", stdin=FIND_PATHS).split()[-3:]
        news_path, document_path = urlsplit(news_path).path, urlsplit(document_path).path
        pages = [
            ("home", "/"),
            ("news index", "/tin-tuc/"),
            ("news page", news_path),
            ("document register", "/van-ban/"),
            ("document", document_path),
        ]
        title = (
            manage(
                setup_env,
                "shell",
                stdin=f"from news.models import NewsPage\nprint(NewsPage.objects.get(pk={news_pk}).title)",
            )
            .strip()
            .splitlines()[-1]
        )
        for mode in modes:
            front = f"http://127.0.0.1:{purge_port}" if mode == "nginx" else ""
            env = environment(scratch, mode != "uncached", front)
            server = start_gunicorn(env, args.port)
            nginx = None
            try:
                wait_for(base + "/")
                target = base
                if mode == "nginx":
                    nginx = start_nginx(scratch, nginx_port, purge_port, args.port)
                    target = f"http://127.0.0.1:{nginx_port}"
                    wait_for(target + "/")
                print(f"measuring {mode} …", file=sys.stderr)
                results[mode] = measure(target, pages, args.duration, mode)
                delays[mode] = publish_delay(env, target, news_path, news_pk, title)
                print(f"  {mode}: publish visible after {delays[mode] * 1000:.0f} ms", flush=True)
            finally:
                for process in (nginx, server):
                    if process is not None:
                        process.send_signal(signal.SIGTERM)
                        try:
                            process.wait(timeout=60)
                        except subprocess.TimeoutExpired:
                            process.kill()
                            process.wait()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    print(f"\nwrk -t2 -d{args.duration}s, gunicorn 2 sync workers, portal.settings.production; req/s, p50 / p99 ms\n")
    header = "| page | conns | " + " | ".join(f"{mode} req/s | {mode} p50 / p99" for mode in modes)
    if "uncached" in modes and "cached" in modes:
        header += " | cached / uncached"
    print(header + " |")
    print("|---|---:|" + "---:|---:|" * len(modes) + ("---:|" if "uncached" in modes and "cached" in modes else ""))
    for name, _ in pages:
        for connections in CONNECTIONS:
            cells = []
            for mode in modes:
                rps, p50, p99, errors = results[mode][(name, connections)]
                note = f" ({errors} non-2xx)" if errors else ""
                cells += [f"{rps:,.0f}{note}", f"{p50:.1f} / {p99:.1f}"]
            line = f"| {name} | {connections} | " + " | ".join(cells)
            if "uncached" in modes and "cached" in modes:
                ratio = results["cached"][(name, connections)][0] / results["uncached"][(name, connections)][0]
                line += f" | {ratio:.0f}×"
            print(line + " |")
    print()
    for mode, delay in delays.items():
        print(f"publish in another process → visible to an anonymous visitor ({mode}): {delay * 1000:.0f} ms")


if __name__ == "__main__":
    main()
