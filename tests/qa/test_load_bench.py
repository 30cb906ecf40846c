"""The load test (bench/submit_questions.py) never says OK when the server did not answer as expected.

A stand-in server answers each resident's POST differently: the confirmation, a 500, a redirect
elsewhere, a dropped connection, an answer cut short. Only the expected answer is a success;
everything else is counted, printed, and makes the run exit non-zero.
"""

import importlib.util
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

FORM = (
    '<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="csrf">'
    '<input type="hidden" name="form_token" value="token"></form>'
)


def load_bench():
    path = settings.BASE_DIR / "bench" / "submit_questions.py"
    spec = importlib.util.spec_from_file_location("submit_questions_bench", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class StandIn(BaseHTTPRequestHandler):
    """The form on GET; on POST, what the resident's number (the title's last part) asks for."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        body = FORM.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        data = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        number = int(data["title"][0].rsplit("-", 1)[1])
        if number == 0:
            self.redirect("/hoi-dap/gui-cau-hoi/da-gui/")
        elif number == 1:
            self.send_response(500)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif number == 2:
            self.redirect("/admin/login/")
        elif number == 3:
            self.close_connection = True  # no answer at all
        else:
            self.send_response(200)
            self.send_header("Content-Length", "1000")  # promises more than it sends
            self.end_headers()
            self.wfile.write(b"cut short")
            self.close_connection = True

    def redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def stand_in_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_every_unexpected_answer_is_a_printed_failure_and_the_run_fails(stand_in_url, capsys):
    bench = load_bench()

    exit_status = bench.main(["--url", stand_in_url, "-n", "5", "-c", "5", "--think", "0"])

    output = capsys.readouterr().out
    run_id = output.split(":", 1)[0].removeprefix("run ")
    assert exit_status == 1
    assert "accepted 1, not accepted 4 (302: 1, 500: 1, no answer: 2)" in output
    errors = {line.split(":", 1)[0]: line for line in output.splitlines() if line.startswith("  error ")}
    assert set(errors) == {f"  error bench-{run_id}-{n}" for n in (1, 2, 3, 4)}
    assert "POST answered 500" in errors[f"  error bench-{run_id}-1"]
    assert "POST answered 302 to /admin/login/, not the confirmation" in errors[f"  error bench-{run_id}-2"]
    # No answer at all, and an answer cut short: both raised instead of answering.
    assert "POST: RemoteDisconnected" in errors[f"  error bench-{run_id}-3"]
    assert "POST: IncompleteRead" in errors[f"  error bench-{run_id}-4"]
    # The stand-in stores nothing: every submission, the accepted one too, is lost, and said so.
    assert "stored 0: lost 5," in output and f"  lost bench-{run_id}-0" in output
    assert "FAILED: 4 submission(s) not accepted, 5 lost" in output and "OK:" not in output
