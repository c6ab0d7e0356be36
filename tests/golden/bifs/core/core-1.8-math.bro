# bifs/core-1.md §8: floor, sqrt (negative: reporter error and -1.0), exp, ln, log10 on the baseline values and the IEEE edges
event bro_init()
	{
	print floor(3.14), floor(2.71), floor(-3.14), floor(-2.71);
	print sqrt(3.14), exp(3.14), ln(3.14), log10(3.14);
	print sqrt(-1.0);
	print ln(0.0), ln(-1.0), log10(0.0), log10(-1.0), exp(1000.0);
	}
