# bifs/core-2.md §3: encode/decode_base64 with default and custom alphabets, Bro's decoder reports (first error only, incomplete group always), alphabet length errors
global alpha = "!#$%&/(),-.:;<>@[]^ `_{|}~abcdefghijklmnopqrstuvwxyz0123456789+?";

event bro_init()
	{
	print encode_base64("bro"), encode_base64("bro", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"), encode_base64("bro", ""), encode_base64("bro", alpha);
	print encode_base64("padding"), encode_base64("padding1"), encode_base64("padding12"), encode_base64("");
	print decode_base64("YnJv"), decode_base64("}n-v", alpha), decode_base64("YQ=="), decode_base64("YWI=");
	print encode_base64("bro", "abc");
	print decode_base64("YnJv", "abc");
	print decode_base64("YQ");
	print decode_base64("QUI");
	print decode_base64("Q");
	print decode_base64("Y n J v");
	print decode_base64("YWJj\n");
	print decode_base64("YQ==YQ==");
	print decode_base64("YQ==YQ");
	print decode_base64("Q=QQ"), decode_base64("====");
	print decode_base64("\xc3YQ==");
	}
