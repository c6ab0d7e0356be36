# Bro's same_type() lets `any` match every type, also as a vector's yield: topk_get_top's vector of any goes into a vector of count, its elements as the counts they hold (Bro's sumstats/plugins/topk and its btests).
event bro_init()
	{
	local k = topk_init(5);
	topk_add(k, 3);
	topk_add(k, 3);
	topk_add(k, 7);
	local s: vector of count = topk_get_top(k, 1);
	print s, s[0] + 1;
	}
