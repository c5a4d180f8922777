"""The unknot app for the benchmark, on the data folder named by UNKNOT_HOME (a uvicorn factory)."""

from fastapi import FastAPI

from unknot.settings import Settings
from unknot.web.app import create_app


def make() -> FastAPI:
    return create_app(Settings())
