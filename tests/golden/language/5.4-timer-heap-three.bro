# language.md §5.4: timers with equal times are not FIFO: three scheduled a, b, c fire a, c, b
event t(s: string) { print s; }
event bro_init()
	{
	schedule 1sec { t("a") };
	schedule 1sec { t("b") };
	schedule 1sec { t("c") };
	}
