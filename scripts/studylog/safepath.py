"""The one gate between studylog and the learner's disk: no read, write or delete through a
symbolic link that leaves the repository, nothing read from a FIFO or a device, nothing read
whole that is too large, and a written file keeps its mode and its links.

`load`, `check` and `write` all go through here, so the rules hold in one place.
"""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from studylog.cache import temporary_beside
from studylog.errors import UnsafePath as Refused
from studylog.i18n import t


def as_committed(data: bytes) -> bytes:
    """A file's bytes with CRLF line ends as LF: as git commits them from a checkout that turned LF
    into CRLF (`core.autocrlf=true`, Git for Windows' default), so a Windows checkout and a Linux one
    of the same commit hash alike."""
    return data.replace(b"\r\n", b"\n") if b"\r\n" in data else data


@functools.lru_cache(maxsize=64)
def _real_root_of(root: str, identity: tuple[int, int, int]) -> str:
    return os.path.realpath(root)


def _real_root(root: Path) -> str:
    """The repository's real path, remembered per absolute path and the folder's identity (device,
    inode, type): a root replaced by another folder or a link is resolved afresh. (Should a folder
    *above* it become a link, every path under it resolves elsewhere and is refused: a stale entry
    can only say no.)"""
    absolute = os.path.abspath(root)
    try:
        info = os.lstat(absolute)
    except OSError:
        return os.path.realpath(absolute)
    return _real_root_of(absolute, (info.st_dev, info.st_ino, stat.S_IFMT(info.st_mode)))


def _plain_walk(real_root: str, rel: str) -> os.stat_result | None:
    """`lstat` of `rel` when no component of it is a symbolic link, `..` or empty, else None.
    Cheaper than `realpath`, which also walks every folder above the repository on each call."""
    path = real_root
    info = None
    for part in rel.split("/"):
        if part in ("", ".", ".."):
            return None
        path = os.path.join(path, part)
        try:
            info = os.lstat(path)
        except OSError:
            return None
        if stat.S_ISLNK(info.st_mode):
            return None
    return info


def is_inside(root: Path, rel: str) -> bool:
    """Whether `rel` (root-relative), with every symbolic link followed, stays inside `root`."""
    real_root = _real_root(root)
    return _plain_walk(real_root, rel) is not None or _resolves_inside(root, rel, real_root)


def _resolves_inside(root: Path, rel: str, real_root: str) -> bool:
    real = os.path.realpath(os.path.join(root, rel))
    return real == real_root or real.startswith(real_root + os.sep)


def _links_on_the_way(root: Path, rel: str) -> list[str]:
    """The root-relative components of `rel` (itself included) that are symbolic links."""
    found = []
    parts = [p for p in rel.split("/") if p]
    for end in range(1, len(parts) + 1):
        sub = "/".join(parts[:end])
        if os.path.islink(os.path.join(root, sub)):
            found.append(sub)
    return found


def read_bytes(root: Path, rel: str, limit: int | None = None) -> tuple[bytes, int]:
    """A regular file inside the repository: (its first `limit`+1 bytes at most, its real size).

    Reading stops one byte past `limit`, so a huge (or sparse) file never lands in memory and the
    caller can still say "too large". Raises `Refused` (escapes, not a regular file) or OSError.
    """
    real_root = _real_root(root)
    info = _plain_walk(real_root, rel)
    if info is None:  # a link on the way, or missing: the slow, certain check
        if not _resolves_inside(root, rel, real_root):
            raise Refused(t("unsafe-read-outside", path=rel))
        info = os.stat(os.path.join(root, rel))
    path = os.path.join(root, rel)
    if not stat.S_ISREG(info.st_mode):
        raise Refused(t("unsafe-read-special", path=rel))
    # O_NONBLOCK: should the file be swapped for a FIFO after the check, opening still returns.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise Refused(t("unsafe-read-special", path=rel))
        data = handle.read() if limit is None else handle.read(limit + 1)
    return data, info.st_size


# Reading relative to an open folder without following links needs `openat` (not on Windows).
_FOLDER_READS = os.open in os.supports_dir_fd and hasattr(os, "O_NOFOLLOW") and hasattr(os, "O_DIRECTORY")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)
_OPEN_FOLDERS = 64  # a Reader keeps at most this many folders open (notes may sit in hundreds)


def read_each(
    root: Path, rels: Iterable[str], limit: int
) -> Iterator[tuple[str, tuple[bytes, int] | Refused | OSError]]:
    """`read_bytes` of many files through one `Reader`: (rel, (data, size)) or (rel, the error)."""
    with Reader(root) as reader:
        for rel in rels:
            try:
                yield rel, reader.read(rel, limit)
            except (Refused, OSError) as exc:
                yield rel, exc


class Reader:
    """`read_bytes` for many files of one repository, with each folder on the way opened once, none of
    them through a symbolic link, and each file opened in its folder without following a link either:
    no `lstat` walk per file, and no moment between checking a path and opening it. Whatever is not
    that plain (a link on the way or at the end, a name that is not a plain component) takes
    `read_bytes`'s own path, with its answer. Holds the folders open until `close()`.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._folders: dict[str, int | None] = {}

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        folders, self._folders = self._folders, {}
        for fd in folders.values():
            if fd is not None:
                os.close(fd)

    def _folder(self, folder: str) -> int | None:
        """An open descriptor of `folder` (root-relative; "" is the root) reached without following any
        link below the root, or None."""
        if folder not in self._folders:
            if len(self._folders) >= _OPEN_FOLDERS:  # never near the process's limit on open files
                self.close()
            fd = None
            try:
                if folder == "":
                    fd = os.open(_real_root(self.root), os.O_RDONLY | os.O_DIRECTORY)
                else:
                    parent, _, name = folder.rpartition("/")
                    above = self._folder(parent)
                    if above is not None and name not in ("", ".", ".."):
                        fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW, dir_fd=above)
            except OSError:
                fd = None
            self._folders[folder] = fd
        return self._folders[folder]

    def read(self, rel: str, limit: int) -> tuple[bytes, int]:
        """As `read_bytes(root, rel, limit)`: (the first `limit`+1 bytes at most, the real size)."""
        found = self.read_plain(rel, limit)
        return (found[0], found[1].st_size) if found is not None else read_bytes(self.root, rel, limit)

    def read_plain(self, rel: str, limit: int) -> tuple[bytes, os.stat_result] | None:
        """The first `limit`+1 bytes of `rel` and its status, when it is a regular file reached
        through plain folders without any link; None for anything else (a link on the way or at
        the end, a missing file, `..`, an absolute path): `read_bytes` then says what it is.
        Raises `Refused` for a FIFO, a device or a folder, which it never opens."""
        folder, _, name = rel.rpartition("/")
        if not _FOLDER_READS or not rel or rel.startswith("/") or name in ("", ".", ".."):
            return None
        above = self._folder(folder)
        if above is None:
            return None
        try:
            info = os.stat(name, dir_fd=above, follow_symlinks=False)
        except OSError:
            return None
        if stat.S_ISLNK(info.st_mode):
            return None
        if not stat.S_ISREG(info.st_mode):  # refused before it is ever opened: opening a device can act
            raise Refused(t("unsafe-read-special", path=rel))
        try:
            # O_NONBLOCK, O_NOCTTY: should it have become a FIFO or a terminal since, opening does nothing.
            fd = os.open(name, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _NOCTTY, dir_fd=above)
        except OSError:
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise Refused(t("unsafe-read-special", path=rel))
            chunks, wanted = [], limit + 1
            while wanted > 0:
                chunk = os.read(fd, min(wanted, max(info.st_size + 1, 1 << 16)))
                if not chunk:
                    break
                chunks.append(chunk)
                wanted -= len(chunk)
        finally:
            os.close(fd)
        return b"".join(chunks), info


def read_if_present(root: Path, rel: str) -> bytes | None:
    """A file studylog may rewrite, or None when there is none; `Refused` when it is not a plain file."""
    if not os.path.lexists(os.path.join(root, rel)):
        return None
    check_writable(root, rel)
    return read_bytes(root, rel)[0]


def write_target(root: Path, rel: str) -> str:
    """Where writing `rel` really lands (root-relative): `rel` itself, or — for a symbolic link to a
    file inside the repository, such as a README.md that points at docs/README.md — its target."""
    links = _links_on_the_way(root, rel)
    if not links:
        return rel
    if links != [rel] or not is_inside(root, rel):
        where = links[0]
        raise Refused(t("unsafe-write-link" if is_inside(root, rel) else "unsafe-write-link-outside", path=where))
    real = Path(os.path.realpath(os.path.join(root, rel)))
    target = real.relative_to(_real_root(root)).as_posix()
    if _links_on_the_way(root, target):
        raise Refused(t("unsafe-write-chain", path=rel))
    return target


def check_writable(root: Path, rel: str) -> None:
    """Raise `Refused` unless `rel` may be replaced: no symbolic link on the way, a regular file
    if it exists, and not marked read-only by the learner."""
    target = write_target(root, rel)
    path = os.path.join(root, target)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        raise Refused(t("unsafe-write-special", path=target))
    if not info.st_mode & stat.S_IWUSR:
        raise Refused(t("unsafe-read-only", path=target, mode=stat.filemode(info.st_mode)))


def write(root: Path, rel: str, data: bytes) -> None:
    """Write `rel` atomically, keeping its mode; a hard-linked file is rewritten in place so every
    name keeps seeing it; a symbolic link to a file inside the repository updates its target."""
    check_writable(root, rel)
    target = write_target(root, rel)
    path = Path(root, target)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        info: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None and info.st_nlink > 1:
        with open(path, "r+b") as handle:
            handle.write(data)
            handle.truncate()
        return
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
    fd, tmp = temporary_beside(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def delete(root: Path, rel: str) -> None:
    """Remove a file studylog wrote; never through a symbolic link, never a link itself."""
    if _links_on_the_way(root, rel):
        raise Refused(t("unsafe-delete-link", path=rel))
    os.unlink(os.path.join(root, rel))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
