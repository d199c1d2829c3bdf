"""The person's account on the central service: activation, sign-in, opposition, devices, the session.

Each module is one thing a screen (or the assisted activation) asks of the service; this package is their API.
"""

from __future__ import annotations

from desktop_app.account.activation import (
    ActivationTicket,
    confirm_activation,
    start_activation,
)
from desktop_app.account.device_list import (
    Device,
    devices,
    revoke_device,
)
from desktop_app.account.login import (
    LoginTicket,
    confirm_login,
    start_login,
)
from desktop_app.account.opposition import (
    oppose,
)
from desktop_app.account.session import (
    default_device_name,
    is_signed_in,
    verify_password,
)
from desktop_app.account.unlock import (
    AccountLocked,
    UnlockTicket,
    request_unlock,
)

__all__ = [
    "AccountLocked",
    "ActivationTicket",
    "Device",
    "LoginTicket",
    "UnlockTicket",
    "confirm_activation",
    "confirm_login",
    "default_device_name",
    "devices",
    "is_signed_in",
    "oppose",
    "request_unlock",
    "revoke_device",
    "start_activation",
    "start_login",
    "verify_password",
]
