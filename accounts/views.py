"""Admin views: the second login step, enrolment, recovery codes and "báo mất mật khẩu"."""

import base64

import segno
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticToken

from accounts import policy, services
from accounts.forms import TokenForm
from accounts.permissions import can_change_account


def safe_next(request):
    """The `next` address if it stays on this site, else the admin's dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def verify(request):
    """Second login step: a code from the authenticator app or a recovery code."""
    if request.user.is_verified():
        return redirect(safe_next(request))
    if not services.has_two_factor(request.user):
        return redirect(f"{reverse('accounts_enrol')}?next={safe_next(request)}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.match_second_factor(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            if device.name == services.RECOVERY_DEVICE_NAME:
                left = device.token_set.count()
                messages.warning(
                    request,
                    _("You signed in with a recovery code; %(count)s codes are left. Make new ones if few remain.")
                    % {"count": left},
                )
            return redirect(safe_next(request))
        form.add_error("token", _("This code is not valid. Check the time on your phone and try again."))
    return TemplateResponse(request, "accounts/verify.html", {"form": form, "next": safe_next(request)})


def enrol(request):
    """Set up an authenticator app: scan the QR code, confirm with a code, keep the recovery codes."""
    if services.has_two_factor(request.user) and not request.user.is_verified():
        return redirect(f"{reverse('accounts_verify')}?next={safe_next(request)}")
    device = services.start_enrolment(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.confirm_enrolment(device, form.cleaned_data["token"])
        if codes is not None:
            otp_login(request, device)
            messages.success(request, _("Two-factor login is on for your account."))
            return TemplateResponse(
                request, "accounts/recovery_codes.html", {"codes": codes, "next": safe_next(request)}
            )
        form.add_error("token", _("This code is not valid. Check the time on your phone and try again."))
    context = {
        "form": form,
        "next": safe_next(request),
        # Inline SVG: no image request, no data: URL, nothing for the CSP to allow.
        "qr_svg": mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=5, omitsize=False)),
        "secret": base64.b32encode(device.bin_key).decode(),
        "replacing": services.has_two_factor(request.user),
    }
    return TemplateResponse(request, "accounts/enrol.html", context)


def security(request):
    """The person's own security page: two-factor status, recovery codes, "báo mất mật khẩu"."""
    user = request.user
    static = user.staticdevice_set.filter(name=services.RECOVERY_DEVICE_NAME).first()
    context = {
        "has_two_factor": services.has_two_factor(user),
        "two_factor_required": policy.requires_two_factor(user),
        "recovery_codes_left": StaticToken.objects.filter(device=static).count() if static else 0,
        "is_head": policy.may_manage_accounts(user),
    }
    return TemplateResponse(request, "accounts/security.html", context)


@require_POST
def recovery_codes(request):
    """Replace the person's recovery codes and show the new ones once."""
    if not services.has_two_factor(request.user):
        return redirect("accounts_enrol")
    codes = services.replace_recovery_codes(request.user)
    return TemplateResponse(
        request, "accounts/recovery_codes.html", {"codes": codes, "next": reverse("accounts_security")}
    )


@require_POST
def report_own(request):
    """ "Báo mất mật khẩu" for one's own account: every door closes and this session ends too."""
    services.report_compromised(request.user, reported_by=request.user, via="admin")
    logout(request)
    messages.warning(
        request,
        _(
            "Your account is now locked: all its sessions have ended and its password no longer works. "
            "The head of the Editorial Board has been told and will restore it."
        ),
    )
    return redirect("wagtailadmin_login")


def require_head(request):
    if not policy.may_manage_accounts(request.user):
        raise PermissionDenied


def board_accounts(request):
    """The head's list of board accounts, with "báo mất mật khẩu" and restore for each."""
    require_head(request)
    users = (
        policy.board_accounts()
        .prefetch_related(Prefetch("groups", queryset=Group.objects.order_by("name")), "totpdevice_set")
        .order_by("last_name", "first_name", "username")
    )
    rows = [
        {
            "user": user,
            "two_factor": any(device.confirmed for device in user.totpdevice_set.all()),
            "can_change": can_change_account(request.user, user),
        }
        for user in users
    ]
    return TemplateResponse(request, "accounts/board_accounts.html", {"rows": rows})


@require_POST
def report_account(request, user_id):
    """The head reports any account compromised."""
    require_head(request)
    account = get_object_or_404(get_user_model(), pk=user_id)
    services.report_compromised(account, reported_by=request.user, via="admin")
    if account.pk == request.user.pk:
        logout(request)
        return redirect("wagtailadmin_login")
    messages.success(request, _("The account %(name)s is locked and all its sessions have ended.") % {"name": account})
    return redirect("accounts_board")


@require_POST
def restore(request, user_id):
    """The head reopens a compromised account with a new password, shown once."""
    require_head(request)
    account = get_object_or_404(get_user_model(), pk=user_id, compromised_at__isnull=False)
    password = services.restore_account(account, restored_by=request.user)
    return TemplateResponse(request, "accounts/restored.html", {"account": account, "password": password})


def reset_two_factor(request, user_id):
    """The head removes an account's second factor (a lost or replaced phone); it enrols again.

    GET asks to confirm, POST does it. Only for accounts the person may manage (accounts.permissions).
    """
    account = get_object_or_404(get_user_model(), pk=user_id)
    if not can_change_account(request.user, account):
        raise PermissionDenied
    if request.method != "POST":
        return TemplateResponse(request, "accounts/reset_two_factor.html", {"account": account})
    services.reset_two_factor(account, reset_by=request.user)
    if account.pk == request.user.pk:
        logout(request)
        return redirect("wagtailadmin_login")
    messages.success(
        request,
        _("The two-factor login of %(name)s was reset: they set up an authenticator again at their next sign-in.")
        % {"name": account},
    )
    return redirect("accounts_board")
