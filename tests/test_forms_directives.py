"""The load directives of language.md §1.6 that change what is read:
@prefixes (and BRO_PREFIXES), @unload, @load-sigs, and where @deprecated
says its script was loaded from.  Each test writes its scripts into its
tmp dir and runs `broscript -b t.bro` there with BROPATH=. ."""
from bifs_net_run import run_bro


def _files(tmp_path, **texts):
    for name, text in texts.items():
        (tmp_path / name.replace("__", ".")).write_text(text)


def test_prefixes_load_flattened_scripts_after_the_command_line(tmp_path):
    # after all scripts: for each one read, `pp.<path with / as .>` if it
    # exists; the scripts read that way are looked at too (pp.pp.t.bro)
    _files(tmp_path, lib__bro='print "lib";\n', pp__t__bro='print "pp.t";\n',
           pp__lib__bro='print "pp.lib";\n', pp__pp__t__bro='print "pp.pp.t";\n')
    out, err, rc = run_bro(tmp_path, '@prefixes += pp\n@load ./lib\nprint "t";\n')
    assert (err, rc) == ("", 0)
    assert out == "lib\nt\npp.t\npp.lib\npp.pp.t\n"


def test_prefixes_assignment_replaces_the_list_and_latest_goes_first(tmp_path):
    _files(tmp_path, a__t__bro='print "a.t";\n', b__t__bro='print "b.t";\n',
           c__t__bro='print "c.t";\n')
    out, err, rc = run_bro(tmp_path, "@prefixes += a\n@prefixes = b\n@prefixes += c\nprint \"t\";\n")
    assert (err, rc) == ("", 0)
    assert out == "t\nc.t\nb.t\n"


def test_bro_prefixes_from_the_environment(tmp_path):
    _files(tmp_path, x__t__bro='print "x.t";\n', y__t__bro='print "y.t";\n')
    out, err, rc = run_bro(tmp_path, 'print "t";\n', {"BRO_PREFIXES": "x:y"})
    assert (err, rc) == ("", 0)
    assert out == "t\ny.t\nx.t\n"


def test_prefixes_package_loader_stands_for_its_directory(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__load__.bro").write_text('print "pkg";\n')
    _files(tmp_path, pp__pkg__bro='print "pp.pkg";\n')
    out, err, rc = run_bro(tmp_path, "@prefixes += pp\n@load pkg\n")
    assert (err, rc) == ("", 0)
    assert out == "pkg\npp.pkg\n"


def test_unload_prevents_a_later_load(tmp_path):
    _files(tmp_path, gone__bro='print "gone";\n', kept__bro='print "kept";\n')
    out, err, rc = run_bro(tmp_path, "@load ./kept\n@unload ./gone\n@unload ./kept\n"
                                     "@load ./gone\n@load ./kept\nprint \"t\";\n")
    assert (err, rc) == ("", 0)
    assert out == "kept\nt\n"


def test_unload_and_load_sigs_of_missing_files(tmp_path):
    out, err, rc = run_bro(tmp_path, "@load-sigs nosuch\n@unload nosuch2\nprint 1;\n")
    assert (out, rc) == ("", 1)
    assert err == ("error in ./t.bro, line 1: failed to find file associated with @load-sigs nosuch\n"
                   "error in ./t.bro, line 2: failed find file associated with @unload nosuch2\n")


def test_load_sigs_finds_its_file_and_does_nothing_else(tmp_path):
    _files(tmp_path, sigs__sig="signature s { payload /x/ event \"x\" }\n")
    out, err, rc = run_bro(tmp_path, "@load-sigs ./sigs\n@load-sigs sigs.sig\nprint 1;\n")
    assert (out, err, rc) == ("1\n", "", 0)


def test_deprecated_names_the_loading_script_and_line(tmp_path):
    _files(tmp_path, dep__bro='@deprecated "use new.bro"\nprint "dep";\n')
    out, err, rc = run_bro(tmp_path, '\n\n@load ./dep\nprint "t";\n')
    assert (out, rc) == ("dep\nt\n", 0)
    assert err == ('warning in ././dep.bro, line 1: deprecated script loaded from '
                   './t.bro:3 "use new.bro"\n')
    out, err, rc = run_bro(tmp_path, '@deprecated\nprint "t";\n')
    assert (out, rc) == ("t\n", 0)
    # Bro's format ends "%s": the empty text leaves a trailing space
    assert err == "warning in ./t.bro, line 1: deprecated script loaded from command line arguments \n"
