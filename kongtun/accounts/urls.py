from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django_ratelimit.decorators import ratelimit

from kongtun.accounts import views
from kongtun.accounts.forms import LoginForm

app_name = "accounts"

# Limited per account (enough for a mistyped password, too few to guess one) and, more loosely,
# per client address (many accounts tried from one place). The account check comes first, so tries
# it refuses do not use up the address's allowance of the other people behind the same address.
login_view = ratelimit(
    group="login-account",
    key="kongtun.accounts.limits.login_account",
    rate="kongtun.accounts.limits.account_rate",
    method="POST",
    block=True,
)(
    ratelimit(
        group="login-address",
        key="ip",
        rate="kongtun.accounts.limits.address_rate",
        method="POST",
        block=True,
    )(auth_views.LoginView.as_view(template_name="accounts/login.html", authentication_form=LoginForm))
)

urlpatterns = [
    path("login/", login_view, name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            email_template_name="accounts/email/reset_body.txt",
            subject_template_name="accounts/email/reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html", success_url=reverse_lazy("accounts:profile")
        ),
        name="password_change",
    ),
    path("profile/", views.profile, name="profile"),
    path("tokens/new/", views.token_create, name="token_create"),
    path("tokens/<int:token_id>/delete/", views.token_delete, name="token_delete"),
    path("notifications/", views.notifications, name="notifications"),
]
