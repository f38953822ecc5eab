"""Reading a text file named on a command line, with errors people can act on."""

from pathlib import Path

from django.core.management.base import CommandError


def read_text_file(path: Path) -> str:
    """The file's UTF-8 text, or a CommandError that names the file and the problem."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CommandError(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise CommandError(f"{path}: not readable (permission denied)") from None
    except UnicodeDecodeError as error:
        raise CommandError(f"{path}: not UTF-8 text (byte {error.start})") from None
