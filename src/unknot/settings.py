"""Settings, built once at the edge (CLI or web) and passed in; never a module-level object."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_PORT = 8765  # where `unknot serve` listens unless told otherwise


def default_home() -> Path:
    return Path(user_data_dir("unknot", appauthor=False))


class Settings(BaseSettings):
    """Where unknot keeps its data and how it behaves. Environment variables use the UNKNOT_ prefix."""

    model_config = SettingsConfigDict(env_prefix="UNKNOT_", extra="ignore")

    home: Path = Field(default_factory=default_home, description="Data folder (UNKNOT_HOME)")
    database_url: str | None = Field(
        default=None, description="A SQLAlchemy URL to use instead of the SQLite file (UNKNOT_DATABASE_URL)"
    )
    secret: str | None = Field(
        default=None,
        description="Server mode: the key that signs CSRF tokens, at least 32 characters (UNKNOT_SECRET)",
        repr=False,
    )
    time_scale: float = Field(
        default=1.0,
        gt=0,
        le=1,
        description="Speeds timers up for tests and demos: 0.01 plays 30 s in 0.3 s (UNKNOT_TIME_SCALE)",
    )

    @property
    def database_path(self) -> Path:
        return self.home / "unknot.db"
