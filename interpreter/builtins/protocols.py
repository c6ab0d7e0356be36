"""The protocol analyzers' helper functions (bifs/strings-reporter-misc.md
§10): conn-size, ftp, http, login, netbios, smtp, ssl, tcp.

Connections exist only where packets are read; in broscript's packet-free
runs every conn_id lookup fails (§1.4), so those functions give their
"not found" results, and the ones that would dereference a missing
connection object (a segfault in Bro 2.6) report it instead."""
from __future__ import annotations

from ..errors import NoValue
from ..runtime.addrs import addr_to_str, parse_addr
from ..runtime.describe import describe
from ..runtime.values import FileVal, addr_from_v4, addr_is_v4, make_port
from .recordvals import record_of, result_type
from .registry import builtin


def _no_connection(ctx, name):
    ctx.builtin_error(f"{name}: connection record without a live connection; "
                      "Bro 2.6 would crash here")


# ------------------------------------------------------------------ conn-size
@builtin("function set_current_conn_bytes_threshold(cid: conn_id, threshold: count, is_orig: bool): bool",
         lazy=True)
def set_current_conn_bytes_threshold(ctx, cid, threshold, is_orig):
    return False


@builtin("function set_current_conn_packets_threshold(cid: conn_id, threshold: count, is_orig: bool): bool",
         lazy=True)
def set_current_conn_packets_threshold(ctx, cid, threshold, is_orig):
    return False


@builtin("function get_current_conn_bytes_threshold(cid: conn_id, is_orig: bool): count", lazy=True)
def get_current_conn_bytes_threshold(ctx, cid, is_orig):
    return 0


@builtin("function get_current_conn_packets_threshold(cid: conn_id, is_orig: bool): count", lazy=True)
def get_current_conn_packets_threshold(ctx, cid, is_orig):
    return 0


# ------------------------------------------------------------------ ftp
_SPACE = b" \t\n\v\f\r"


def _strtol(s: bytes, i: int):
    """C strtol base 10: (value, index after it); no digits: (0, i)."""
    j = i
    while j < len(s) and s[j] in _SPACE:
        j += 1
    k = j
    if k < len(s) and s[k] in b"+-":
        k += 1
    d = k
    while d < len(s) and 0x30 <= s[d] <= 0x39:
        d += 1
    if d == k:
        return 0, i
    return int(s[j:d]), d


def _scan_six(s: bytes):
    """sscanf(s, "%d,%d,%d,%d,%d,%d"): the numbers read before a mismatch."""
    nums, i = [], 0
    while len(nums) < 6:
        if nums:
            if i >= len(s) or s[i] != 0x2C:
                break
            i += 1
        n, j = _strtol(s, i)
        if j == i:
            break
        nums.append(n)
        i = j
    return nums


def _ftp_port(ctx, h, p, valid):
    return record_of(result_type(ctx), h=h, p=make_port(p, "tcp"), valid=valid)


def _parse_port(ctx, s):
    nums = _scan_six(s) if s is not None else []
    if len(nums) != 6:
        return _ftp_port(ctx, addr_from_v4(0), 0, False)
    good = all(0 <= n <= 255 for n in nums)
    a = ((nums[0] << 24) | (nums[1] << 16) | (nums[2] << 8) | nums[3]) & 0xFFFFFFFF
    port = ((nums[4] << 8) | nums[5]) & 0xFFFFFFFF
    if port > 65535:
        port, good = 0, False
    return _ftp_port(ctx, addr_from_v4(a), port, good)


def _parse_eftp(ctx, s):
    """EPRT/EPSV `<d><proto><d><addr><d><port><d>` (§10 parse_eftp_port)."""
    addr, port, good = 0, 0, False
    if s is not None:
        i = 0
        while i < len(s) and s[i] in _SPACE:
            i += 1
        if i < len(s):
            delim = s[i]
            good = True
            i += 1
            _, nxt = _strtol(s, i)
            if nxt >= len(s) or s[nxt] != delim:
                good = False
            i = nxt
            if i < len(s):
                i += 1
            if i < len(s) and s[i] != delim:
                end = s.find(bytes([delim]), i)
                if end < 0:
                    end = len(s)
                    good = False
                text = s[i:end].decode("latin-1")
                try:
                    addr = parse_addr(text)
                except ValueError:
                    ctx.rt.reporter.error(f"Bad IP address: {text}", None)
                    addr = 0
                if addr == 0:
                    good = False
                i = end
            if i < len(s):
                i += 1
            port, nxt = _strtol(s, i)
            if nxt >= len(s) or s[nxt] != delim:
                good = False
    return _ftp_port(ctx, addr, port & 0xFFFF, good)


@builtin("function parse_ftp_port(s: string): ftp_port", lazy=True)
def parse_ftp_port(ctx, s):
    return _parse_port(ctx, s)


@builtin("function parse_eftp_port(s: string): ftp_port", lazy=True)
def parse_eftp_port(ctx, s):
    return _parse_eftp(ctx, s)


@builtin("function parse_ftp_pasv(str: string): ftp_port", lazy=True)
def parse_ftp_pasv(ctx, s):
    i = s.find(b"(")
    if i >= 0:
        return _parse_port(ctx, s[i + 1:])
    i = s.find(b"PORT")
    if i >= 0:
        return _parse_port(ctx, s[i + 5:])
    i = s.find(b",")
    if i >= 0:
        while i > 0 and 0x30 <= s[i - 1] <= 0x39:
            i -= 1
        return _parse_port(ctx, s[i:])
    return _parse_port(ctx, None)


@builtin("function parse_ftp_epsv(str: string): ftp_port", lazy=True)
def parse_ftp_epsv(ctx, s):
    i = s.find(b"(")
    return _parse_eftp(ctx, s[i + 1:] if i >= 0 else None)


@builtin("function fmt_ftp_port(a: addr, p: port): string")
def fmt_ftp_port(ctx, a, p):
    if not addr_is_v4(a):
        ctx.builtin_error("conversion of non-IPv4 address in fmt_ftp_port", addr_to_str(a))
        return b""
    n = p & 0xFFFF
    return ("%d,%d,%d,%d,%d,%d" % ((a >> 24) & 255, (a >> 16) & 255, (a >> 8) & 255, a & 255,
                                   n >> 8, n & 255)).encode()


# ------------------------------------------------------------------ http
@builtin("function skip_http_entity_data(c: connection, is_orig: bool): any", lazy=True)
def skip_http_entity_data(ctx, c, is_orig):
    # only an event the HTTP analyzer raised carries an analyzer (§10)
    ctx.rt.reporter.error("no analyzer associated with connection record", None)
    raise NoValue


_HEX = b"0123456789abcdefABCDEF"


def unescape_uri(s: bytes) -> bytes:
    """§10 unescape_URI, case by case as Bro's HTTP analyzer does it."""
    out, i, n = bytearray(), 0, len(s)
    while i < n:
        c = s[i]
        if c != 0x25:
            out.append(c)
            i += 1
            continue
        if i + 1 >= n:
            out.append(c)
            break
        if i + 2 >= n:
            out += s[i:i + 2]
            break
        nxt = s[i + 1]
        if nxt == 0x25:
            i += 1
        elif nxt in _HEX and s[i + 2] in _HEX:
            out.append(int(s[i + 1:i + 3], 16))
            i += 3
        elif nxt in b"uU" and i + 5 < n + 0 and all(x in _HEX for x in s[i + 2:i + 6]) \
                and len(s[i + 2:i + 6]) == 4:
            hi, lo = int(s[i + 2:i + 4], 16), int(s[i + 4:i + 6], 16)
            if hi:
                out.append(hi)
            out.append(lo)
            i += 6
        else:
            out += s[i:i + 2]
            i += 2
    return bytes(out)


@builtin("function unescape_URI(URI: string): string")
def unescape_URI(ctx, uri):
    return unescape_uri(uri)


# ------------------------------------------------------------------ login
@builtin("function get_login_state(cid: conn_id): count", lazy=True)
def get_login_state(ctx, cid):
    # Bro returns a bool F here, which print shows as F (§10); our count 0
    return 0


@builtin("function set_login_state(cid: conn_id, new_state: count): bool", lazy=True)
def set_login_state(ctx, cid, new_state):
    return False


# ------------------------------------------------------------------ netbios
def _upper(c: int) -> int:
    return c - 32 if 97 <= c <= 122 else c


def _schar(v: int) -> int:
    v &= 0xFF
    return v - 256 if v & 0x80 else v


@builtin("function decode_netbios_name(name: string): string")
def decode_netbios_name(ctx, name):
    buf, j = [], 0
    for _ in range(16):
        c0 = _upper(name[j]) if j < len(name) else 0x41
        j += 1
        c1 = _upper(name[j]) if j < len(name) else 0x41
        j += 1
        buf.append(_schar(((c0 - 0x41) << 4) + (c1 - 0x41)))
    i = 0
    while i < 15 and (0x21 <= buf[i] <= 0x7E or buf[i] < 3):
        i += 1
    return bytes(b & 0xFF for b in buf[:i])


@builtin("function decode_netbios_name_type(name: string): count")
def decode_netbios_name_type(ctx, name):
    # a name shorter than 32 bytes makes Bro read past it; we read NULs
    c0 = _upper(name[30]) if len(name) > 30 else 0
    c1 = _upper(name[31]) if len(name) > 31 else 0
    return _schar(((c0 - 0x41) << 4) + (c1 - 0x41)) & 0xFFFFFFFFFFFFFFFF


# ------------------------------------------------------------------ smtp, ssl
@builtin("function skip_smtp_data(c: connection): any", lazy=True)
def skip_smtp_data(ctx, c):
    _no_connection(ctx, "skip_smtp_data")
    raise NoValue


@builtin("function set_ssl_established(c: connection): any", lazy=True)
def set_ssl_established(ctx, c):
    _no_connection(ctx, "set_ssl_established")
    raise NoValue


# ------------------------------------------------------------------ tcp
@builtin("function get_orig_seq(cid: conn_id): count", lazy=True)
def get_orig_seq(ctx, cid):
    return 0


@builtin("function get_resp_seq(cid: conn_id): count", lazy=True)
def get_resp_seq(ctx, cid):
    return 0


@builtin("function set_contents_file(cid: conn_id, direction: count, f: file): bool", lazy=True)
def set_contents_file(ctx, cid, direction, f):
    return False


class _Stderr:
    """The file BroFile makes of stderr: bytes written to our error stream."""

    def __init__(self, err):
        self.err = err

    def write(self, data: bytes):
        self.err.write(data.decode("latin-1"))
        self.err.flush()

    def flush(self):
        self.err.flush()


@builtin("function get_contents_file(cid: conn_id, direction: count): file", lazy=True)
def get_contents_file(ctx, cid, direction):
    ctx.builtin_error("unknown connection id in get_contents_file()",
                      describe(ctx.desc.args[0].type, cid, "short").decode("latin-1")
                      if hasattr(ctx.desc, "args") else None)
    return FileVal("-", _Stderr(ctx.rt.reporter.err))
