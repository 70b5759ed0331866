"""The ``pactwatch`` command line: thin Typer commands over the library."""
