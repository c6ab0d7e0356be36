# language.md §5.4: heap model with four equal-time timers a, b, c, d: they fire a, d, c, b
event t(s: string) { print s; }
event bro_init()
	{
	schedule 5sec { t("a") };
	schedule 5sec { t("b") };
	schedule 5sec { t("c") };
	schedule 5sec { t("d") };
	}
