# bifs/core-2.md §3: encode_base64_custom/decode_base64_custom are &deprecated (a parse-time warning per reference) and act as the plain forms
global alpha = "!#$%&/(),-.:;<>@[]^ `_{|}~abcdefghijklmnopqrstuvwxyz0123456789+?";

event bro_init()
	{
	print encode_base64_custom("bro", alpha), decode_base64_custom("}n-v", alpha);
	print encode_base64_custom("bro", "xyz");
	}
