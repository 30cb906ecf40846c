"""Production settings refuse to start unsafely and pass Django's deployment checklist."""

import os
import secrets
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "tancuong.thainguyencity.gov.vn",
    "DATABASE_URL": "postgres://portal:secret@127.0.0.1:5432/portal",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run_manage(*args, env):
    clean_env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_has_no_warnings_with_a_real_looking_environment():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_wildcard_host():
    result = run_manage("check", env={**PRODUCTION_ENV, "ALLOWED_HOSTS": "*"})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_vietnamese_first_settings():
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.USE_TZ
    assert ("vi", "Tiếng Việt") in settings.WAGTAILADMIN_PERMITTED_LANGUAGES


def entry_point_without_settings(code):
    """Run `code` as a deployment that forgot DJANGO_SETTINGS_MODULE and SECRET_KEY would."""
    forgotten = {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DATABASE_URL"}
    env = {k: v for k, v in os.environ.items() if k not in forgotten}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_wsgi_without_settings_module_refuses_to_start_instead_of_running_in_debug():
    result = entry_point_without_settings("import portal.wsgi; from django.conf import settings; print(settings.DEBUG)")
    assert result.returncode != 0, result.stdout
    assert "ImproperlyConfigured: SECRET_KEY must be set" in result.stderr
    assert "True" not in result.stdout


def test_celery_app_without_settings_module_refuses_to_start_instead_of_running_in_debug():
    code = "from portal.celery import app; print(app.conf.broker_url); print(app.conf.DEBUG)"
    result = entry_point_without_settings(code)
    assert result.returncode != 0, result.stdout
    assert "ImproperlyConfigured: SECRET_KEY must be set" in result.stderr
    assert "True" not in result.stdout


def test_manage_py_still_defaults_to_the_development_settings():
    result = entry_point_without_settings(
        "import runpy, sys; sys.argv = ['manage.py', 'diffsettings', '--output', 'unified'];"
        " runpy.run_path('manage.py', run_name='__main__')"
    )
    assert result.returncode == 0, result.stderr
    assert "+ DEBUG = True" in result.stdout


def test_development_processes_name_their_settings_explicitly():
    """The web, worker and beat of `scripts/dev` no longer inherit a development default."""
    procfile = (settings.BASE_DIR / "Procfile.dev").read_text().splitlines()
    processes = dict(line.split(":", 1) for line in procfile if line.strip())
    assert set(processes) == {"web", "worker", "beat"}
    for command in processes.values():
        assert "DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-portal.settings.dev}" in command
