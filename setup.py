# Shim for tools that still look for setup.py; the build is described in pyproject.toml.
from setuptools import setup

setup()
