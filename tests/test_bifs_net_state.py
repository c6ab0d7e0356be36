"""Builtins that write files without packets or peers: dump_packet's pcap
file (bifs/core-3.md §2) and the persistent-state and capture files (§8)."""
import os
import stat
import struct
import time

from bifs_net_run import run_bro

PACKET_TYPES = """
event net_weird(name: string)
	{
	print "weird", name;
	}
"""

FRAME = bytes(range(14)) + b"payload"


def _records(data: bytes):
    out = []
    while data:
        ts, us, cap, length = struct.unpack("=IIII", data[:16])
        out.append((ts, us, cap, length, data[16:16 + cap]))
        data = data[16 + cap:]
    return out


def test_dump_packet_writes_pcap(tmp_path):
    script = PACKET_TYPES + """
event bro_init()
	{
	local p = pcap_packet($ts_sec=1544000000, $ts_usec=500, $caplen=21, $len=60,
		$data="%s", $link_type=LINK_UNKNOWN);
	print dump_packet(p, "out.pcap"), dump_packet(p, "out.pcap");
	print dump_packet(get_current_packet(), "out.pcap");
	print dump_packet(p, "nodir/x.pcap"), dump_packet(p, "nodir/x.pcap");
	}
""" % "".join("\\x%02x" % b for b in FRAME)
    out, err, rc = run_bro(tmp_path, script)
    assert (out, err, rc) == ("T, T\nT\nF, F\nweird, truncated_link_header\n", "", 0)
    data = (tmp_path / "out.pcap").read_bytes()
    assert struct.unpack("=IHHiIII", data[:24]) == (0xA1B2C3D4, 2, 4, 0, 0, 9216, 1)
    rec = (1544000000, 500, 21, 60, FRAME)
    assert _records(data[24:]) == [rec, rec, (0, 0, 0, 0, b"")]
    # a file that is not empty gets more records and no second header
    out, err, rc = run_bro(tmp_path, script)
    data2 = (tmp_path / "out.pcap").read_bytes()
    assert data2[:len(data)] == data
    assert _records(data2[24:]) == [rec, rec, (0, 0, 0, 0, b"")] * 2


def test_dump_current_packet_without_packets(tmp_path):
    out, err, rc = run_bro(tmp_path, 'print dump_current_packet("cur.pcap");')
    assert (out, err, rc) == ("F\n", "", 0)
    assert not (tmp_path / "cur.pcap").exists()


def _header_ok(data: bytes, before: float):
    assert len(data) == 10
    magic, version, t = struct.unpack(">4sHI", data)
    assert (magic, version) == (b"BRST", 26)
    assert before - 1 <= t <= time.time() + 1


def test_capture_files(tmp_path):
    before = time.time()
    out, err, rc = run_bro(tmp_path, """
print capture_events("events.bst"), capture_state_updates("state.bst");
print capture_events("again.bst");
print capture_events("nodir/x.bst");
""")
    assert out == "T, T\nT\nF\n"
    assert err == "error: can't open file nodir/x.bst for writing: No such file or directory\n"
    for name in ("events.bst", "state.bst", "again.bst"):
        _header_ok((tmp_path / name).read_bytes(), before)
        assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o600


def test_persistent_state_files(tmp_path):
    before = time.time()
    out, err, rc = run_bro(tmp_path, """
event bro_init()
	{
	print checkpoint_state();
	print file_size(".state/state.bst");
	print send_state(get_local_event_peer());
	print rescan_state(), file_size(".state/state.bst");
	}
""")
    assert out == "T\n10.0\nT\nT, -1.0\n"
    assert err == "warning in ./t.bro, line 6: deprecated (get_local_event_peer)\nSending state...\n"
    assert rc == 0
    assert stat.S_IMODE(os.stat(tmp_path / ".state").st_mode) & 0o077 == 0
    _header_ok((tmp_path / ".state" / "(null)").read_bytes(), before)


def test_rotating_the_dump_file_closes_it_first(tmp_path):
    # rotate_file_by_name on dump_packet's file closes that file first, so
    # its records end up in the renamed file (§6 rotate_file_by_name)
    out, err, rc = run_bro(tmp_path, PACKET_TYPES + """
event bro_init()
	{
	local p = pcap_packet($ts_sec=1, $ts_usec=2, $caplen=14, $len=14,
		$data="abcdefghijklmn", $link_type=LINK_UNKNOWN);
	print dump_packet(p, "d.pcap");
	local info = rotate_file_by_name("d.pcap");
	print file_size(info$new_name), file_size("d.pcap");
	print dump_packet(p, "d.pcap");
	}
""")
    assert (out, err, rc) == ("T\n54.0, 0.0\nT\n", "", 0)
    data = (tmp_path / "d.pcap").read_bytes()
    assert len(data) == 54 and _records(data[24:]) == [(1, 2, 14, 14, b"abcdefghijklmn")]
