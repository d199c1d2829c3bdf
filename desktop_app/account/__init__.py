"""The person's account on the central service: activation, sign-in, opposition, devices, the session.

Each module is one thing a screen (or the assisted activation) asks of the service; this package is their API.
"""

from __future__ import annotations

from desktop_app.account.activation import (
    ActivationTicket,
    check_activation,
    confirm_activation,
    start_activation,
)
from desktop_app.account.device_list import (
    Device,
    devices,
    revoke_device,
)
from desktop_app.account.link import (
    AlreadyLinked,
    LocalChoice,
    adopt_dossier,
    carnet_of_account,
    linkable_carnets,
)
from desktop_app.account.login import (
    LoginTicket,
    confirm_login,
    start_login,
)
from desktop_app.account.opposition import (
    oppose,
)
from desktop_app.account.recovery import (
    PasswordReset,
    forgot_identifier,
    forgot_password,
    reset_password,
)
from desktop_app.account.session import (
    default_device_name,
    is_signed_in,
    verify_password,
)
from desktop_app.account.space import (
    ServiceIdentity,
    change_password,
    close_space,
    identity,
    reactivate_space,
    request_deletion,
    sign_out,
)
from desktop_app.account.unlock import (
    AccountLocked,
    UnlockTicket,
    request_unlock,
)

__all__ = [
    "AccountLocked",
    "ActivationTicket",
    "AlreadyLinked",
    "Device",
    "LocalChoice",
    "LoginTicket",
    "PasswordReset",
    "ServiceIdentity",
    "UnlockTicket",
    "adopt_dossier",
    "carnet_of_account",
    "change_password",
    "check_activation",
    "close_space",
    "confirm_activation",
    "confirm_login",
    "default_device_name",
    "devices",
    "forgot_identifier",
    "forgot_password",
    "identity",
    "is_signed_in",
    "linkable_carnets",
    "oppose",
    "reactivate_space",
    "request_deletion",
    "request_unlock",
    "reset_password",
    "revoke_device",
    "sign_out",
    "start_activation",
    "start_login",
    "verify_password",
]
