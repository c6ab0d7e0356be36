# Bro's begin_func takes the identifier it finds: a body for an exported `const f: function(...) &redef` is that exported function (SMB::write_file_log in base/protocols/smb/main.bro).
module A;

export {
	const bump: function(n: count): count &redef;
}

function bump(n: count): count
	{
	return n + 1;
	}

module B;

event bro_init()
	{
	print A::bump(41);
	}
