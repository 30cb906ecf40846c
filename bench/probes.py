"""The hostile-input probes of issue 16 (items 3 and 8) against a running server; exit 1 on any 5xx.

Not part of the suite: the same attack as the outside review, rerunnable by anyone. Prints one
line per probe with what was tried, refused (4xx, or a replay that created nothing) and errors
(5xx or a dropped connection). Exports (item 4) and receipt e-mails need the database and the
admin: they are the pytest tests listed in docs/security.md ("Probes").

    QA_FORM_MIN_SECONDS=1 QA_SUBMISSIONS_PER_IP=1000 .venv/bin/gunicorn portal.wsgi -b 127.0.0.1:8765
    .venv/bin/python bench/probes.py --url http://127.0.0.1:8765 --wait 1.5
"""

import argparse
import http.cookiejar
import re
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

HOSTILE = ["\x00", "a\x00b", "\x07", "\x1b[31m", "\x0b", "%00", "' OR 1=1 --", "<script>", "=1+2", "9" * 40, "x" * 3000]
PUBLIC = {
    "/": ["q", "page"],
    "/tin-tuc/": ["chuyen-muc", "tag", "page"],
    "/van-ban/": ["q", "loai", "nam", "linh_vuc", "co_quan", "page"],
    "/hoi-dap/": ["chu-de", "page"],
    "/tim-kiem/": ["q", "loai", "page"],
    "/hoi-dap/tra-cuu/": ["code"],
    "/tin-tuc/rss/": ["page"],
    "/sitemap.xml": ["p"],
    "/en/tim-kiem/": ["q", "loai"],
}
FORM_PATH = "/hoi-dap/gui-cau-hoi/"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Tally:
    def __init__(self, name):
        self.name, self.tried, self.refused, self.errors, self.notes = name, 0, 0, 0, []

    def count(self, status, refused=None):
        """`status` of one try; `refused` overrides "4xx means refused" for probes that expect 200."""
        self.tried += 1
        if status is None or status >= 500:
            self.errors += 1
        elif refused if refused is not None else 400 <= status < 500:
            self.refused += 1


def status_of(opener, url, data=None, headers=None):
    try:
        return opener.open(urllib.request.Request(url, data=data, headers=headers or {}), timeout=60).status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def probe_parameters(base, opener):
    tally = Tally("3. control characters and junk in every public parameter (GET)")
    for path, names in PUBLIC.items():
        for name in names:
            for value in HOSTILE:
                tally.count(status_of(opener, base + path + "?" + urllib.parse.urlencode({name: value})))
    for path in ("/tin-tuc/%00/", "/hoi-dap/%07/"):
        tally.count(status_of(opener, base + path))
    return tally


def form_session(base):
    """A browser that loaded the form: (opener, csrf token, form token)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    html = opener.open(base + FORM_PATH, timeout=60).read().decode()

    def hidden(name):
        match = re.search(rf'name="{name}" value="([^"]*)"', html)
        return match.group(1) if match else ""

    return opener, hidden("csrfmiddlewaretoken"), hidden("form_token")


def question(csrf, token, **fields):
    data = {
        "csrfmiddlewaretoken": csrf,
        "form_token": token,
        "website": "",
        "name": "Người thử nghiệm",
        "email": "thu.nghiem@example.vn",
        "topic": "khac",
        "title": f"probe-{uuid.uuid4().hex[:8]}",
        "body": "Câu hỏi thử nghiệm bảo mật: xin hỏi thủ tục đăng ký khai sinh cần giấy tờ gì?",
    }
    data.update(fields)
    return data


def post(base, opener, data):
    body = urllib.parse.urlencode(data).encode()
    return status_of(opener, base + FORM_PATH, body, {"Referer": base + FORM_PATH})


def probe_form_fields(base, wait):
    tally = Tally("3. control characters in every field of the question form (POST)")
    for field in ("name", "email", "phone", "address", "topic", "title", "body", "website", "form_token"):
        for value in ("\x00", "a\x07b", "\x1b[31m"):
            opener, csrf, token = form_session(base)
            time.sleep(wait)
            # Answered with the form again (400) or the confirmation (302): both are fine, 5xx is not.
            tally.count(post(base, opener, question(csrf, token, **{field: value})), refused=True)
    return tally


def raw_post(base, chunks, length, content_type):
    """POST `length` bytes from `chunks` over a bare socket; the status line read back, or None.

    A server that refuses on the Content-Length answers before the body is sent and closes the
    connection, so a failed send is followed by reading the answer that is already there.
    """
    parsed = urllib.parse.urlsplit(base)
    with socket.create_connection((parsed.hostname, parsed.port or 80), timeout=60) as sock:
        head = (
            f"POST {FORM_PATH} HTTP/1.1\r\nHost: {parsed.netloc}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {length}\r\nConnection: close\r\n\r\n"
        )
        try:
            sock.sendall(head.encode())
            for chunk in chunks:
                sock.sendall(chunk)
        except OSError:
            pass
        try:
            line = sock.makefile("rb").readline().decode("latin-1")
        except OSError:
            return None
    match = re.match(r"HTTP/1\.[01] (\d{3})", line)
    return int(match.group(1)) if match else None


def probe_sizes(base, big_mb):
    tally = Tally("8. request size cap (413 expected)")
    body = b"body=" + b"x" * (300 * 1024)
    tally.count(raw_post(base, [body], len(body), "application/x-www-form-urlencoded"))
    boundary = "probe" + uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="f"; filename="big.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    megabyte = b"\0" * (1024 * 1024)
    chunks = [head, *(megabyte for _ in range(big_mb)), tail]
    length = len(head) + big_mb * len(megabyte) + len(tail)
    tally.count(raw_post(base, chunks, length, f"multipart/form-data; boundary={boundary}"))
    return tally


def probe_replay(base, wait, replays):
    tally = Tally("8. one form load replayed (no second question)")
    opener, csrf, token = form_session(base)
    time.sleep(wait)
    data = question(csrf, token)
    codes = set()
    for number in range(replays + 1):
        status = post(base, opener, {**data, "email": f"nan-nhan{number}@example.vn"})
        if status in (301, 302, 303):
            html = opener.open(base + FORM_PATH + "da-gui/", timeout=60).read().decode()
            codes.update(re.findall(r'data-testid="tracking-code">([^<]+)<', html))
        if number == 0:
            tally.count(status, refused=False)
        else:
            # A replay must land on the confirmation of the first question (the same code).
            tally.count(status, refused=len(codes) == 1)
    if len(codes) != 1:
        tally.notes.append(f"tracking codes seen: {sorted(codes)}")
        tally.errors += 1
    return tally


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8765")
    parser.add_argument("--wait", type=float, default=3.5, help="seconds between loading and sending a form")
    parser.add_argument("--big-mb", type=int, default=200, help="size of the uploaded part of the size probe")
    parser.add_argument("--replays", type=int, default=5)
    args = parser.parse_args()
    base = args.url.rstrip("/")
    opener = urllib.request.build_opener(NoRedirect)
    tallies = [
        probe_parameters(base, opener),
        probe_form_fields(base, args.wait),
        probe_sizes(base, args.big_mb),
        probe_replay(base, args.wait, args.replays),
    ]
    print(f"{'probe':<66} {'tried':>6} {'refused':>8} {'errors':>7}")
    for tally in tallies:
        print(f"{tally.name:<66} {tally.tried:>6} {tally.refused:>8} {tally.errors:>7}")
        for note in tally.notes:
            print(f"    {note}")
    sizes = tallies[2]
    failed = any(tally.errors for tally in tallies) or sizes.refused != sizes.tried
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
