"""GeoIP lookups with MaxMind databases (bifs/core-3.md §1.5, §4): tiny
databases are written in the test's tmp dir with mmdb-writer."""
from mmdb_writer import MMDBWriter
from netaddr import IPSet

from bifs_net_run import run_bro

EMPTY = ("[country_code=<uninitialized>, region=<uninitialized>, city=<uninitialized>, "
         "latitude=<uninitialized>, longitude=<uninitialized>]")


def _city_db(path):
    w = MMDBWriter(ip_version=6, database_type="GeoLite2-City", ipv4_compatible=True)
    w.insert_network(IPSet(["1.2.3.0/24"]), {
        "country": {"iso_code": "US"},
        "subdivisions": [{"iso_code": "CA"}, {"iso_code": "XX"}],
        "city": {"names": {"en": "Berkeley", "de": "Berkeley (de)"}},
        "location": {"latitude": 37.875, "longitude": -122.25}})
    w.insert_network(IPSet(["5.6.7.0/24", "2001:db8::/32"]), {"country": {"iso_code": "DE"}})
    w.to_db_file(str(path))


def _asn_db(path):
    w = MMDBWriter(ip_version=6, database_type="GeoLite2-ASN", ipv4_compatible=True)
    w.insert_network(IPSet(["1.2.3.0/24"]), {"autonomous_system_number": 64500,
                                              "autonomous_system_organization": "Example"})
    w.to_db_file(str(path))


def test_lookups_in_opened_databases(tmp_path):
    _city_db(tmp_path / "city.mmdb")
    _asn_db(tmp_path / "asn.mmdb")
    out, err, rc = run_bro(tmp_path, """
event bro_init()
	{
	print mmdb_open_location_db("city.mmdb"), mmdb_open_asn_db("asn.mmdb");
	print lookup_location(1.2.3.4);
	print lookup_location(5.6.7.8);
	print lookup_location([2001:db8::1])$country_code;
	print lookup_location(9.9.9.9);
	print lookup_asn(1.2.3.4), lookup_asn(9.9.9.9), lookup_asn([2001:db8::1]);
	}
""")
    assert out == ("T, T\n"
                   "[country_code=US, region=CA, city=Berkeley, latitude=37.875, longitude=-122.25]\n"
                   "[country_code=DE, region=<uninitialized>, city=<uninitialized>, "
                   "latitude=<uninitialized>, longitude=<uninitialized>]\n"
                   "DE\n" + EMPTY + "\n64500, 0, 0\n")
    assert (err, rc) == ("", 0)


def test_databases_found_in_mmdb_dir(tmp_path):
    (tmp_path / "db").mkdir()
    _city_db(tmp_path / "db" / "GeoLite2-City.mmdb")
    _asn_db(tmp_path / "db" / "GeoLite2-ASN.mmdb")
    out, err, rc = run_bro(tmp_path, """
redef mmdb_dir = "db";
event bro_init()
	{
	print lookup_location(1.2.3.4)$city, lookup_asn(1.2.3.4);
	}
""")
    assert (out, err, rc) == ("Berkeley, 64500\n", "", 0)


def test_a_file_that_does_not_open(tmp_path):
    # each failing call prints the info line, and so the builtin error again
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "GeoLite2-ASN.mmdb").write_bytes(b"not a database\n" * 10)
    out, err, rc = run_bro(tmp_path, """
redef mmdb_dir = "db";
event bro_init()
	{
	print mmdb_open_asn_db("db/GeoLite2-ASN.mmdb");
	print lookup_asn(1.2.3.4);
	print lookup_asn(1.2.3.4);
	}
""")
    info = "Failed to open MaxMind DB: db/GeoLite2-ASN.mmdb [The MaxMind DB file contains invalid metadata]\n"
    error = "error in ./t.bro, line %d: Failed to open GeoIP ASN database (lookup_asn(1.2.3.4))\n"
    assert out == "F\n0\n0\n"
    assert err == info + info + error % 6 + info + error % 7
    assert rc == 0
