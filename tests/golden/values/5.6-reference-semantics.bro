# values.md §5.6: records are shared by reference on assignment, argument passing and when stored in a table
type Session: record { host: string; };
function rename_session(s: Session) { s$host = "XXX"; }
event bro_init()
	{
	local session: Session = [$host="a"];
	local s = session;
	s$host = "b";
	print s$host, session$host;
	rename_session(session);
	print s$host, session$host;
	local t: table[count] of Session;
	t[1] = session;
	t[1]$host = "in table";
	print session$host;
	}
