"""Where Bro 2.6 itself crashes, hangs or aborts (bifs/strings-reporter-misc.md
§1.1, §1.4, §2), broscript reports it in Bro's format and goes on; and the
environment-dependent broxygen switch (§6).  Each script runs in its own
tmp dir."""
from __future__ import annotations

import os
import subprocess
import sys


def run(tmp_path, src, **env_extra):
    (tmp_path / "t.bro").write_text(src)
    env = dict(os.environ, **{"BROPATH": ".", **env_extra})
    env.pop("ZEEKPATH", None)
    if "BRO_DISABLE_BROXYGEN" not in env_extra:
        env.pop("BRO_DISABLE_BROXYGEN", None)
    p = subprocess.run([sys.executable, "-m", "broscript", "-b", "t.bro"], cwd=tmp_path,
                       capture_output=True, env=env, timeout=60, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout.decode("latin-1"), p.stderr.decode("latin-1")


def test_find_all_empty_match_reports_instead_of_hanging(tmp_path):
    rc, out, err = run(tmp_path, 'event bro_init() { print |find_all("xxa", /x*/)|; print "on"; }\n')
    assert rc == 0
    # "xx" is found at offset 0; at offset 2 only "" matches: Bro 2.6 loops there
    assert out == "1\non\n"
    assert err.startswith("error in ./t.bro, line 1: find_all: pattern matches the empty string")
    assert "Traceback" not in err


def test_string_fill_undefined_inputs(tmp_path):
    rc, out, err = run(tmp_path, 'event bro_init() { print |string_fill(-1, "ab")|, '
                                 '|string_fill(3, "")|, |string_fill(0, "ab")|; }\n')
    assert (rc, out) == (0, "0, 0, 0\n")
    assert err.count("error in ./t.bro, line 1: string_fill:") == 2


def test_string_cat_non_string_is_fatal(tmp_path):
    rc, out, err = run(tmp_path, 'event bro_init() { print "before"; print string_cat("a", 5); '
                                 'print "after"; }\n')
    assert rc == 1
    assert out == "before\n"
    assert err == "fatal error in ./t.bro, line 1: Val::CONST_ACCESSOR (count/string) (5)\n"


def test_str_split_hole_and_sort_string_array_missing_key(tmp_path):
    rc, out, err = run(tmp_path, 'global v: index_vec;\nglobal a: string_array = { [1] = "b", [3] = "a" };\n'
                                 'event bro_init() { v[1] = 2; print str_split("abcd", v); '
                                 'print sort_string_array(a)[1]; }\n')
    assert rc == 0
    assert out == "[]\nb\n"
    assert "str_split: hole in index vector" in err
    assert "sort_string_array: index missing" in err
    assert "warning in ./t.bro, line 3: deprecated (sort_string_array)" in err


def test_join_string_vec_separator_with_nul(tmp_path):
    rc, out, err = run(tmp_path, 'event bro_init() { print join_string_vec(vector("a", "b", "c"), "\\x00"); }\n')
    assert (rc, out) == (0, "a<string-with-NUL>b<string-with-NUL>c\n")
    assert err == 'error: string with embedded NUL: "\\x00"\n' * 2


def test_broxygen_disabled_gives_empty_strings(tmp_path):
    src = ('##! Summary.\n## Doc of x.\nglobal x = 1;\n'
           'event bro_init() { print get_identifier_comments("x"), get_script_comments("t.bro"); }\n')
    assert run(tmp_path, src)[1] == "Doc of x., Summary.\n"
    assert run(tmp_path, src, BRO_DISABLE_BROXYGEN="1")[1] == ", \n"


def test_reporter_error_at_parse_time_is_a_startup_error(tmp_path):
    src = ('function f(): bool { return Reporter::error("bad start"); }\n'
           'global x = f();\nevent bro_init() { print "not reached"; }\n')
    rc, out, err = run(tmp_path, src)
    assert rc == 1
    assert out == ""
    assert err == "error in ./t.bro, line 1: bad start\n"


def test_to_stderr_switch_off_after_parsing(tmp_path):
    src = ('redef Reporter::warnings_to_stderr = F;\n'
           'event reporter_warning(t: time, msg: string, location: string) { print "event", msg; }\n'
           'event bro_init() { Reporter::warning("quiet"); }\n')
    rc, out, err = run(tmp_path, src)
    assert (rc, out, err) == (0, "event, quiet\n", "")


def test_connection_bifs_on_script_built_records(tmp_path):
    # Bro 2.6 segfaults on these (§1.4); skip_http_entity_data only reports
    src = ('event bro_init() { local c: connection; print Reporter::conn_weird("w", c); '
           'skip_smtp_data(c); set_ssl_established(c); skip_http_entity_data(c, T); print "on"; }\n')
    rc, out, err = run(tmp_path, src)
    assert (rc, out) == (0, "F\non\n")
    lines = err.splitlines()
    assert [ln.split(": ")[1] for ln in lines[:3]] == ["Reporter::conn_weird", "skip_smtp_data",
                                                      "set_ssl_established"]
    assert all("Bro 2.6 would crash here" in ln for ln in lines[:3])
    assert lines[3] == "error: no analyzer associated with connection record"


def test_x509_verify_without_certificates(tmp_path):
    src = ('event bro_init() { local v: x509_opaque_vector; local roots: table_string_of_string;\n'
           'print x509_verify(v, roots); print x509_ocsp_verify(v, "", roots); }\n')
    rc, out, err = run(tmp_path, src)
    assert rc == 0
    assert out == "[result=-1, result_string=no certificates, chain_certs=<uninitialized>]\n" * 2
    assert err == "error: No certificates given in vector\n" * 2


def test_schedule_analyzer_before_processing_begins(tmp_path):
    src = ('global ok = Analyzer::__schedule_analyzer(1.2.3.4, 5.6.7.8, 80/tcp, '
           'Analyzer::ANALYZER_HTTP, 1 min);\nprint ok;\n')
    rc, out, err = run(tmp_path, src)
    assert (rc, out) == (0, "T\n")
    assert err == ("warning in ./t.bro, line 1: cannot schedule analyzers before processing "
                   "begins; ignored\n")


def test_longest_prefix_matches_trying_every_length():
    """§1.2: the POSIX-mode search gives what trying every prefix length
    gives (the definition), `^` at each offset and `$` only at the end."""
    import random
    from broscript.builtins import strings_re as S
    from broscript.runtime.patterns import make_pattern

    def every_length(p, s, i):
        rest, part = s[i:], S._without_end(p.exact)
        if p.exact.fullmatch(rest):
            return len(rest)
        return max((k for k in range(len(rest)) if part.fullmatch(rest, 0, k)), default=-1)

    rng = random.Random(7)
    for src in ["is|ss", "a*", "^a", "b$", "(ab|a)(bc|c)?", "[a-c]+b", "a|ab|abc",
                "(a|b)*c$", "^$", "", "[^\\n]*", "(?i:AB)", '"a."|.', "a{2,3}"]:
        p = make_pattern(src, False)
        for _ in range(150):
            s = bytes(rng.choice(b"abcs\n") for _ in range(rng.randint(0, 8)))
            for i in range(len(s) + 1):
                assert S.prefix_len(p, s, i) == every_length(p, s, i), (src, s, i)


def test_get_package_readme(tmp_path):
    pkg = tmp_path / "pk" / "mypkg"
    pkg.mkdir(parents=True)
    (pkg / "__load__.bro").write_text("global mypkg_loaded = T;\n")
    (pkg / "README").write_text("Line one.\nLine two.\n")
    src = ('@load mypkg\nevent bro_init() { print get_package_readme("mypkg"), '
           '|get_package_readme("pk/mypkg")|, |get_package_readme("nope")|; }\n')
    rc, out, err = run(tmp_path, src, BROPATH=".:pk")
    assert (rc, out, err) == (0, "Line one.\\x0aLine two., 0, 0\n", "")
