"""file_analysis.bif and the file analyzers' helpers (bifs/strings-reporter-
misc.md §8, §11).  Files exist only while file analysis runs on data; a
packet-free run never knows a file id, so every lookup fails as in Bro."""
from __future__ import annotations

from ..errors import BroFatal, NoValue
from ..runtime.describe import describe
from ..runtime.values import UNSET
from ..types import type_name
from .recordvals import record_of, result_type
from .registry import builtin


def _need_record(ctx, args):
    """`args: any` is read as a record; anything else stops Bro (§1.1)."""
    if args.type.kind != "record":
        raise BroFatal(f"Val::CONST_ACCESSOR ({type_name(args.type)}/record) "
                       f"({describe(args.type, args.value, 'short').decode('latin-1')})", ctx.loc)


@builtin("function Files::__set_timeout_interval(file_id: string, t: interval): bool")
def set_timeout_interval(ctx, file_id, t):
    return False


@builtin("function Files::__enable_reassembly(file_id: string): bool")
def enable_reassembly(ctx, file_id):
    return False


@builtin("function Files::__disable_reassembly(file_id: string): bool")
def disable_reassembly(ctx, file_id):
    return False


@builtin("function Files::__set_reassembly_buffer(file_id: string, max: count): bool")
def set_reassembly_buffer(ctx, file_id, max_):
    return False


@builtin("function Files::__add_analyzer(file_id: string, tag: Files::Tag, args: any): bool", lazy=True)
def add_analyzer(ctx, file_id, tag, args):
    _need_record(ctx, args)
    return False


@builtin("function Files::__remove_analyzer(file_id: string, tag: Files::Tag, args: any): bool", lazy=True)
def remove_analyzer(ctx, file_id, tag, args):
    _need_record(ctx, args)
    return False


@builtin("function Files::__stop(file_id: string): bool")
def stop(ctx, file_id):
    return False


@builtin("function Files::__analyzer_name(tag: Files::Tag): string", lazy=True)
def analyzer_name(ctx, tag):
    prefix = "Files::ANALYZER_"
    if tag.name is None or tag.name not in tag.etype.values:
        return b"<error>"
    n = tag.name
    return (n[len(prefix):] if n.startswith(prefix) else n).encode("latin-1")


@builtin("function Files::__file_exists(fuid: string): bool")
def file_exists(ctx, fuid):
    return False


@builtin("function Files::__lookup_file(fuid: string): fa_file", lazy=True)
def lookup_file(ctx, fuid):
    ctx.rt.reporter.error(f"file ID {fuid.decode('latin-1')} not a known file", None)
    raise NoValue


@builtin("function set_file_handle(handle: string): any")
def set_file_handle(ctx, handle):
    # only meaningful inside get_file_handle while data is fed (§8)
    raise NoValue


@builtin("function FileExtract::__set_limit(file_id: string, args: any, n: count): bool")
def set_limit(ctx, file_id, args, n):
    return False


# ------------------------------------------------------------------ x509
# An `opaque of x509` comes only from the X509 file analyzer (§11), so a
# packet-free script can never hold one: these are reached only with an
# unset value, which the call reports before it gets here.
def _no_cert(ctx, name):
    ctx.builtin_error(f"{name}: no certificate (x509 values come only from the file analyzer)")


@builtin("function x509_parse(cert: opaque of x509): X509::Certificate", lazy=True)
def x509_parse(ctx, cert):
    _no_cert(ctx, "x509_parse")
    raise NoValue


@builtin("function x509_get_certificate_string(cert: opaque of x509, pem: bool &default=F): string")
def x509_get_certificate_string(ctx, cert, pem):
    return b""


def _result(ctx, code, text):
    return record_of(result_type(ctx), result=code, result_string=text)


def _roots_ok(ctx, roots) -> bool:
    """Every trust anchor must be a DER certificate (a SEQUENCE)."""
    for entry in roots.data.values():
        der = entry[1]
        if not der or der[0] != 0x30:
            ctx.builtin_error("Root CA error: could not parse a DER certificate")
            return False
    return True


def _verify(ctx, certs, roots):
    if not _roots_ok(ctx, roots):
        return _result(ctx, -1, b"Problem initializing root store")
    if not certs.items:
        ctx.rt.reporter.error("No certificates given in vector", None)
        return _result(ctx, -1, b"no certificates")
    if certs.items[0] is UNSET:
        ctx.builtin_error("undefined value in certificate vector")
        return _result(ctx, -1, b"undefined value in certificate vector")
    _no_cert(ctx, "x509_verify")
    return _result(ctx, -1, b"no certificates")


@builtin("function x509_ocsp_verify(certs: x509_opaque_vector, ocsp_reply: string, "
         "root_certs: table_string_of_string, verify_time: time &default=network_time()): X509::Result",
         lazy=True)
def x509_ocsp_verify(ctx, certs, ocsp_reply, roots, verify_time):
    return _verify(ctx, certs, roots)


@builtin("function x509_verify(certs: x509_opaque_vector, root_certs: table_string_of_string, "
         "verify_time: time &default=network_time()): X509::Result", lazy=True)
def x509_verify(ctx, certs, roots, verify_time):
    return _verify(ctx, certs, roots)


@builtin('function sct_verify(cert: opaque of x509, logid: string, log_key: string, signature: string, '
         'timestamp: count, hash_algorithm: count, issuer_key_hash: string &default=""): bool')
def sct_verify(ctx, cert, logid, log_key, signature, timestamp, hash_algorithm, issuer_key_hash):
    return False


def _name_hash(ctx, alg):
    if not 1 <= alg <= 6:
        ctx.builtin_error("Unknown hash algorithm.")
    else:
        _no_cert(ctx, "x509 hash")
    raise NoValue


@builtin("function x509_subject_name_hash(cert: opaque of x509, hash_alg: count): string")
def x509_subject_name_hash(ctx, cert, hash_alg):
    _name_hash(ctx, hash_alg)


@builtin("function x509_issuer_name_hash(cert: opaque of x509, hash_alg: count): string")
def x509_issuer_name_hash(ctx, cert, hash_alg):
    _name_hash(ctx, hash_alg)


@builtin("function x509_spki_hash(cert: opaque of x509, hash_alg: count): string")
def x509_spki_hash(ctx, cert, hash_alg):
    _name_hash(ctx, hash_alg)
