"""This installation's signing keys and the offices' pinned keys (coordinator)."""

from __future__ import annotations

from typing import Any

from ..domain.capabilities import require
from ..exchange import keys
from ..store import exchange as exchange_store
from .progress import ProgressService


class ExchangeKeys:
    """The key pair every exchange file is signed with, and the offices' keys pinned on first import."""

    def __init__(self, progress: ProgressService) -> None:
        self.progress = progress
        self._db = progress.plans.db

    def my_keys(self) -> keys.KeyPair:
        """This installation's key pair, made at setup (or now, for an older database)."""
        private = exchange_store.get_setting(self._db, "signing_private_key")
        public = exchange_store.get_setting(self._db, "signing_public_key")
        if private and public:
            return keys.KeyPair(private, public)
        pair = keys.generate()
        actor, at = self.progress.identity().actor(), self.progress.now()
        with self._db.atomic():
            exchange_store.put_secret_setting(self._db, "signing_private_key", pair.private_b64, actor, at, "(ลับ)")
            exchange_store.put_secret_setting(self._db, "signing_public_key", pair.public_b64, actor, at, pair.fingerprint)
        return pair

    def fingerprint(self) -> str:
        return self.my_keys().fingerprint

    def office_keys(self) -> list[dict[str, Any]]:
        return exchange_store.office_keys(self._db)

    def reenrol(self, office: str) -> bool:
        """Forget an office's pinned key so that its next file (from a new PC) can be trusted anew."""
        me = self.progress.identity()
        require(me, "manage_office_keys")
        uid, _name = self.progress.find_agency(office)
        return exchange_store.unpin_key(self._db, uid, me.actor(), self.progress.now())
