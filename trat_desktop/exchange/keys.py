"""Ed25519 identities: key pairs, signatures, and fingerprints a person can read aloud."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from ..errors import TratError
from ..i18n import keyed as _  # refusals become the import ledger's reasons, stored and shown again (i18n.remake)


@dataclass(frozen=True)
class KeyPair:
    """An installation's signing key (raw 32 bytes, base64) and its public half."""

    private_b64: str
    public_b64: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_b64)


def generate() -> KeyPair:
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return KeyPair(base64.b64encode(private).decode(), base64.b64encode(public).decode())


def fingerprint(public_b64: str) -> str:
    """Twenty digits in five groups of four (e.g. '4821-0937-…'): easy to read over the phone."""
    digest = hashlib.sha256(base64.b64decode(public_b64)).digest()
    number = int.from_bytes(digest[:10], "big") % 10**20
    digits = f"{number:020d}"
    return "-".join(digits[i:i + 4] for i in range(0, 20, 4))


def sign(private_b64: str, data: bytes) -> str:
    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_b64))
    return base64.b64encode(key.sign(data)).decode()


def verify(public_b64: str, data: bytes, signature_b64: str) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_b64, validate=True))
        key.verify(base64.b64decode(signature_b64, validate=True), data)
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False


def check_public_key(public_b64: str) -> str:
    try:
        raw = base64.b64decode(public_b64, validate=True)
        Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, TypeError):
        raise TratError(_("กุญแจสาธารณะในไฟล์ไม่ถูกต้อง")) from None
    return public_b64
